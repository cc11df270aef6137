/** Public cases for 4.8 Multiplexing and beyond: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.8b: n image URLs on one origin. */
const www = (n: number, host = "www.joes-hardware.com", scheme = "https") =>
  Array.from({ length: n }, (_, i) => `${scheme}://${host}/img/tool-${i}.png`);
const images = (n: number, host = "www.joes-hardware.com") => `${n} × "https://${host}/img/tool-<i>.png"`;

/** 4.8a's named slips: the times a known wrong rule gives for a case. */
const pipelining = (got: number[]) => ({ got, say: "these are pipelining's times: each response waited for every earlier one. On HTTP/2 a ready response need not wait for the request order." });
const ownLink = (got: number[]) => ({ got, say: "every response had the link to itself: they share one connection, so a response ready while another is being sent waits for the link." });
const leftAt = (got: number[]) => ({ got, say: "these are the times the last bytes leave the server: they still have half a round trip to travel." });

const cases: CheckCases = {
  "4.8a": {
    why: "HTTP/2 labels every frame with its stream, so a response may leave as soon as it is ready (RFC 9113 5).",
    tolerance: 1e-6,
    cases: [
      { args: [{ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 }], expect: [130, 30, 40],
        why: "the two quick responses are sent while the slow one is still being made; the slow one leaves last, when it is ready.",
        slips: [pipelining([130, 140, 150]), ownLink([130, 30, 30]), leftAt([120, 20, 30])] },
      { args: [{ serverMs: [0, 300, 0, 0], bytes: [20_000, 20_000, 20_000, 20_000], rttMs: 100, bandwidthBps: 10e6 }], expect: [116, 416, 132, 148],
        why: "the slow second response no longer holds back the third and fourth: they go out as soon as the link is free.",
        slips: [pipelining([116, 416, 432, 448]), ownLink([116, 416, 116, 116]), leftAt([66, 366, 82, 98])] },
      { args: [{ serverMs: [30, 10, 10, 0], bytes: [5_000, 40_000, 1_000, 2_000], rttMs: 40, bandwidthBps: 4e6 }], expect: [142, 130, 132, 44],
        why: "responses leave in the order they became ready (ties in request order), and a big one in front still occupies the link: " +
          "the link is shared even when the streams are not.",
        slips: [pipelining([80, 160, 162, 166]), ownLink([80, 130, 52, 44]), leftAt([122, 110, 112, 24])] },
      { args: [{ serverMs: [50, 5, 5], bytes: [1_000, 1_000, 1_000], rttMs: 20, bandwidthBps: Infinity }], expect: [70, 25, 25],
        why: "on an unlimited link sending takes no time, so nothing waits for anything: each response depends only on its own think time.",
        slips: [pipelining([70, 70, 70]), leftAt([60, 15, 15])] },
      { args: [{ serverMs: [0, 0, 0], bytes: [3_000, 3_000, 3_000], rttMs: 10, bandwidthBps: 1.2e6 }], expect: [30, 50, 70],
        why: "everything ready at once: the responses simply follow each other on the link, in request order " +
          "(HTTP/1.1 pipelining gives the same here: nothing is held back).",
        slips: [ownLink([30, 30, 30])] },
      { args: [{ serverMs: [7], bytes: [125_000], rttMs: 30, bandwidthBps: 1e6 }], expect: [1037],
        why: "one big response on a slow link: most of its time is its own bytes on the wire.",
        slips: [{ got: [162], say: "125,000 bytes are 1,000,000 bits: the bandwidth is in bits per second, the sizes in bytes." }] },
      // lib/http's simulatePageLoad "multiplexed" agrees on an unlimited link
      { args: [{ serverMs: [0, 300, 0, 0], bytes: [1000, 1000, 1000, 1000], rttMs: 100, bandwidthBps: Infinity }], expect: [100, 400, 100, 100],
        why: "simulatePageLoad's \"multiplexed\" strategy gives these times on an unlimited link: with nothing to wait for, each response arrives one way after it is ready." },
      { args: [{ serverMs: [5, 50, 5, 80, 10, 0], bytes: [1000, 1000, 1000, 1000, 1000, 1000], rttMs: 40, bandwidthBps: Infinity }], expect: [45, 90, 45, 120, 50, 40],
        why: "simulatePageLoad's \"multiplexed\" strategy gives these times on an unlimited link: with nothing to wait for, each response arrives one way after it is ready." },
      { args: [{ serverMs: [], bytes: [], rttMs: 20, bandwidthBps: 1e6 }], expect: [], why: "no requests, no responses: an empty list." },
      { args: [{ serverMs: [0, 0], bytes: [1000], rttMs: 20, bandwidthBps: 1e6 }], throws: "RangeError",
        why: "two think times but one size: a model that guessed the missing size would hide a bug in the caller." },
    ],
  },
  "4.8b": {
    why: "Every connection costs a handshake, a slow start and server memory; HTTP/2 asks for one per origin (RFC 9113 9.1).",
    cases: [
      { args: [["https://a.example/1.png", "https://a.example/2.png", "https://b.example/x.css"]], expect: { http1: 3, http2: 2 },
        why: "two requests to one origin need only two connections even though six are allowed; each origin gets its own HTTP/2 connection.",
        slips: [{ got: { http1: 3, http2: 3 }, say: "HTTP/2 does not open a connection per request: every request to an origin is a stream on that origin's one connection." }] },
      { args: [www(20)], expect: { http1: 6, http2: 1 }, label: `connectionsForPage([${images(20)}])`,
        why: "twenty images on one origin: HTTP/1.1 stops at six connections and queues the rest; HTTP/2 carries all twenty as streams on one.",
        slips: [{ got: { http1: 20, http2: 1 }, say: "a browser does not open a connection for every request: perOrigin caps each origin, and the rest queue." }] },
      { args: [[...www(10), ...www(10, "img.joes-hardware.com"), ...www(3, "cdn.example.net")]], expect: { http1: 15, http2: 3 },
        label: `connectionsForPage([${images(10)}, ${images(10, "img.joes-hardware.com")}, ${images(3, "cdn.example.net")}])`,
        why: "three origins: each has its own cap under HTTP/1.1, and its own single connection under HTTP/2.",
        slips: [{ got: { http1: 6, http2: 3 }, say: "the cap is per origin, not for the whole page: each origin may have perOrigin connections." },
          { got: { http1: 23, http2: 3 }, say: "a browser does not open a connection for every request: perOrigin caps each origin, and the rest queue." }] },
      { args: [["http://a.example/x", "https://a.example/x", "https://a.example:443/y", "https://a.example:8443/z"]], expect: { http1: 4, http2: 3 },
        why: "an origin is scheme, host and port: http and https differ, :443 is https's default port (the same origin as none), :8443 is another.",
        slips: [{ got: { http1: 4, http2: 1 }, say: "you grouped by host name alone: the scheme and the port are part of the origin too." },
          { got: { http1: 4, http2: 2 }, say: "you grouped by host and port but not by scheme: http://a.example and https://a.example are two origins." },
          { got: { http1: 4, http2: 4 }, say: "a written default port is the same origin as no port: let the URL class normalise it (new URL(u).origin)." }] },
      { args: [[...www(8, "img1.joes-hardware.com"), ...www(8, "img2.joes-hardware.com"), ...www(8, "img3.joes-hardware.com"), ...www(8, "img4.joes-hardware.com")]],
        expect: { http1: 24, http2: 4 },
        label: `connectionsForPage([${[1, 2, 3, 4].map((k) => images(8, `img${k}.joes-hardware.com`)).join(", ")}])`,
        why: "domain sharding: four host names for the same images buy HTTP/1.1 24 connections instead of 6; under HTTP/2 they cost four connections where one would do." },
      { args: [www(12), 2], expect: { http1: 2, http2: 1 }, label: `connectionsForPage([${images(12)}], 2)`,
        why: "RFC 2616 asked for at most two connections per server: twelve images over two connections." },
      { args: [["HTTPS://WWW.Joes-Hardware.com/a", "https://www.joes-hardware.com/b"]], expect: { http1: 2, http2: 1 },
        why: "scheme and host are case-insensitive: the URL class lower-cases them, so this is one origin.",
        slips: [{ got: { http1: 2, http2: 2 }, say: "you compared the URLs' text: scheme and host are case-insensitive, so parse them (new URL) rather than cut strings." }] },
      { args: [[]], expect: { http1: 0, http2: 0 }, why: "a page with no requests opens no connections." },
      { args: [["/relative/path.png"]], throws: "TypeError",
        why: "a relative URL names no scheme, host or port, so it has no origin: new URL() rejects it with a TypeError." },
      { args: [www(3), 0], throws: "RangeError", label: `connectionsForPage([${images(3)}], 0)`, why: "zero connections per origin could never load anything." },
      { args: [www(3), 2.5], throws: "RangeError", label: `connectionsForPage([${images(3)}], 2.5)`, why: "connections come in whole numbers." },
    ],
  },
  "4.8c": {
    why: "Nothing can be requested before the setup is done, and the request then needs one more round trip: out to the server " +
      "and the first byte back, plus the server's own time. Over TCP, TLS 1.3's one round trip (RFC 8446) can start only after TCP's " +
      "handshake (RFC 9293): two round trips of setup. QUIC puts the TLS ClientHello in its very first packet, so transport and " +
      "crypto are set up in the same round trip (RFC 9000 7, RFC 9001): one. On an 80 ms path that round trip saved is 80 ms before anything shows.",
    tolerance: 5,
    cases: [
      { args: [], expect: { tcpTls13: 260, quic: 180 }, label: "predictTimeToFirstByte() at RTT 80 ms, server 20 ms (ms, ± 5)",
        slips: [
          { got: { tcpTls13: 180, quic: 100 }, say: "you counted the setup and the server's time, but not the round trip that carries the request out and the first byte back." },
          { got: { tcpTls13: 240, quic: 160 }, say: "the server's 20 ms are part of the wait: the first byte cannot leave before the response exists." },
          { got: { tcpTls13: 340, quic: 180 }, say: "two round trips of TLS handshake are TLS 1.2's (RFC 5246); TLS 1.3 needs one." },
          { got: { tcpTls13: 260, quic: 260 }, say: "QUIC does not run a transport handshake and then a TLS one: its first packets carry both." },
          { got: { tcpTls13: 260, quic: 100 }, say: "a request in the very first flight is 0-RTT, which needs a ticket from an earlier connection; this connection is new." },
          { got: { tcpTls13: 180, quic: 180 }, say: "over TCP, TLS cannot begin until TCP's own handshake is done: the two round trips add up." },
        ] },
    ],
  },
  "4.8d": {
    why: "HTTP/1.1 has no label on a response saying which request it answers, so responses must come back in request order " +
      "(RFC 9112 9.3.2), and the quick ones wait behind the slow one: head-of-line blocking in HTTP. HTTP/2 labels every frame " +
      "with its stream (RFC 9113 5), so each response leaves when it is ready. Both used one TCP connection, so the connection " +
      "was not what held the quick responses back; the order rule was.",
    cases: [],
    lab: "multiplex",
    fromLab: (m: any) => {
      if (m?.consistency?.inconclusive) return `your lab run was inconclusive: ${m.consistency.inconclusive}`;
      const p = m?.measured?.pipelined, h = m?.measured?.multiplexed;
      const numbers = [p?.quickDoneMs, p?.slowDoneMs, h?.quickDoneMs, h?.slowDoneMs];
      if (!numbers.every((n) => typeof n === "number" && Number.isFinite(n) && n > 0)) {
        return "the saved multiplex lab result cannot be read: run npm run workbook -- lab multiplex again.";
      }
      const blocked = p.quickDoneMs >= 0.9 * p.slowDoneMs; // HTTP/1.1's quick responses finished with the slow one
      const free = h.quickDoneMs < 0.5 * h.slowDoneMs; // HTTP/2's finished well before it
      if (!blocked || !free || p.connections !== 1 || h.connections !== 1) {
        return `your multiplex lab did not show the effect it is built for (HTTP/1.1 quick responses done at ${p.quickDoneMs} ms, ` +
          `slow at ${p.slowDoneMs} ms; HTTP/2 quick at ${h.quickDoneMs} ms, slow at ${h.slowDoneMs} ms), so it cannot grade a prediction ` +
          "about it (this exercise is not counted here). A busy machine can blur it: run the lab again.";
      }
      const share = Math.round((h.quickDoneMs / p.quickDoneMs) * 1000) / 1000;
      const right = { quickFirst: "http2", http2QuickShare: share, conclusion: "response-order" };
      const slips = [
        { got: { ...right, conclusion: "one-tcp-connection" },
          say: "HTTP/2 also used a single TCP connection, and its quick responses were not held back: sharing the connection was not the cause." },
        { got: { ...right, conclusion: "busy-server" },
          say: "the server answered the quick requests at once both times; over HTTP/1.1 their finished responses waited for their turn." },
        { got: { ...right, quickFirst: "http1.1-pipelined" }, say: "look at which quick responses had to wait for the slow one." },
        { got: { ...right, http2QuickShare: 1 }, say: "a share of 1 means HTTP/2's quick responses waited for the slow one as pipelining's do." },
        { got: { ...right, http2QuickShare: 1, conclusion: "one-tcp-connection" },
          say: "HTTP/2 streams share one TCP connection, but without loss that costs them nothing: a ready response leaves at once." },
      ];
      // "roughly the ratio": within 0.25 of the measured share, or within a factor of two when the share itself is larger.
      // On loopback the share is mostly node's own work per stream against the slow request's 30 to 50 ms: 0.04 to 0.3 seen.
      const tolerance = Math.max(0.25, share);
      return [{ args: [], expect: right, slips, tolerance, label: `predictMultiplexLab() (share ± ${Math.round(tolerance * 1000) / 1000})`,
        why: `your measurement: HTTP/2's quick responses were done at ${h.quickDoneMs} ms, HTTP/1.1's at ${p.quickDoneMs} ms ` +
          `(the slow one at ${h.slowDoneMs} and ${p.slowDoneMs} ms).` }];
    },
  },
  /*
   * 4.8e has no lib model (lib/sim models no loss); the expected value comes from this closed form, the notebook's
   * arithmetic in section 4. P full packets go back to back, round robin over S streams, each taking t ms on the link;
   * the RTT is R; packet L is lost. Packet k arrives at k*t + R/2. Every later packet draws an immediate duplicate
   * ACK (RFC 5681 4.2); the third one (packet L+3, so P >= L+3) triggers fast retransmit (RFC 5681 3.2): it leaves the
   * receiver at (L+3)*t + R/2, reaches the sender R/2 later, and the copy arrives t + R/2 after that. The copy thus
   * arrives R + 4t after packet L was due. Over TCP every stream with a packet after L waits for it (one byte stream);
   * over QUIC only the lost packet's stream does. Here S = 3, P = 9, L = 2, R = 100, t = 1.2:
   * stalled 3 and 1, repair (100 + 4.8) / 100 = 1.048 round trips.
   */
  "4.8e": {
    why: "TCP delivers one byte stream in order: the bytes after a hole wait in the receive buffer until the hole is filled, " +
      "whichever stream they belong to. QUIC keeps order per stream, so only the stream whose data was lost waits. The repair " +
      "takes about one round trip: every packet after the hole draws a duplicate ACK at once (RFC 5681 4.2), the third one makes " +
      "the sender resend (fast retransmit, RFC 5681 3.2; QUIC's packet threshold, RFC 9002 6.1.1), and the copy needs half a round " +
      "trip back out. No timer is involved while later packets keep the duplicate ACKs coming.",
    tolerance: 0.25,
    cases: [
      { args: [], expect: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 1.048 },
        label: "predictLossStall() (repair in RTTs, ± 0.25)",
        slips: [
          { got: { tcpStalledStreams: 1, quicStalledStreams: 1, repairRtts: 1 }, say: "TCP does not know about streams: the bytes of A and C that come after the hole cannot be delivered before it is filled." },
          { got: { tcpStalledStreams: 3, quicStalledStreams: 3, repairRtts: 1 }, say: "QUIC orders bytes per stream: A's and C's packets do not wait for B's hole." },
          { got: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 10 }, say: "1 s is RFC 6298's smallest retransmission timeout; a timer decides only when no duplicate ACKs come, and here six packets follow the hole." },
          { got: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 2 }, say: "200 ms is Linux's smallest retransmission timeout; here the duplicate ACKs trigger a resend long before any timer." },
          { got: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 0.5 }, say: "the news of the loss must travel back to the sender before the copy can travel out: that is a whole round trip, not half." },
          { got: { tcpStalledStreams: 2, quicStalledStreams: 1, repairRtts: 1 }, say: "stream A's first packet came before the hole, but its later packets come after it, and they wait too." },
        ] },
    ],
  },
};
export default cases;
