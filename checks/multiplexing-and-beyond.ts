/** Public cases for 4.8 Multiplexing and beyond: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.8b: n image URLs on one origin. */
const www = (n: number, host = "www.joes-hardware.com", scheme = "https") =>
  Array.from({ length: n }, (_, i) => `${scheme}://${host}/img/tool-${i}.png`);
const images = (n: number, host = "www.joes-hardware.com") => `${n} × "https://${host}/img/tool-<i>.png"`;

/** 4.8c: what each stack does before the request may leave. */
const setup = {
  tcp: "TCP, plain HTTP: the three-way handshake (RFC 9293); the request rides on its last packet.",
  "tcp-fastopen": "TCP Fast Open, repeat visit: with a cookie from an earlier connection the request rides on the SYN (RFC 7413).",
  "tcp+tls1.2": "TCP + TLS 1.2: TCP's handshake, then a full TLS 1.2 handshake (RFC 5246).",
  "tcp+tls1.3": "TCP + TLS 1.3: TCP's handshake, then TLS 1.3's shorter handshake (RFC 8446).",
  quic: "QUIC (HTTP/3): the transport and TLS 1.3 handshakes travel in the same packets (RFC 9000 / 9001).",
  "quic-0rtt": "QUIC, 0-RTT resumption: with a ticket from an earlier connection the request goes out in the very first flight; it can be replayed, so only safe (idempotent) requests.",
};
const unknownStack = "an unknown stack has no known handshake; guessing a number would give a confident wrong answer.";

const cases: CheckCases = {
  "4.8a": {
    why: "HTTP/2 labels every frame with its stream, so a response may leave as soon as it is ready (RFC 9113 5).",
    tolerance: 1e-6,
    cases: [
      { args: [{ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 }], expect: [130, 30, 40],
        why: "the two quick responses are sent while the slow one is still being made; the slow one leaves last, when it is ready. " +
          "(HTTP/1.1 pipelining would give [130, 140, 150]: responses there wait for every earlier one.)" },
      { args: [{ serverMs: [0, 300, 0, 0], bytes: [20_000, 20_000, 20_000, 20_000], rttMs: 100, bandwidthBps: 10e6 }], expect: [116, 416, 132, 148],
        why: "the slow second response no longer holds back the third and fourth: they go out as soon as the link is free. " +
          "(HTTP/1.1 pipelining would give [116, 416, 432, 448]: responses there wait for every earlier one.)" },
      { args: [{ serverMs: [30, 10, 10, 0], bytes: [5_000, 40_000, 1_000, 2_000], rttMs: 40, bandwidthBps: 4e6 }], expect: [142, 130, 132, 44],
        why: "responses leave in the order they became ready (ties in request order), and a big one in front still occupies the link: " +
          "the link is shared even when the streams are not. (HTTP/1.1 pipelining would give [80, 160, 162, 166]: responses there wait for every earlier one.)" },
      { args: [{ serverMs: [50, 5, 5], bytes: [1_000, 1_000, 1_000], rttMs: 20, bandwidthBps: Infinity }], expect: [70, 25, 25],
        why: "on an unlimited link each response arrives one way after it is ready: rttMs / 2 + serverMs + rttMs / 2. " +
          "(HTTP/1.1 pipelining would give [70, 70, 70]: responses there wait for every earlier one.)" },
      { args: [{ serverMs: [0, 0, 0], bytes: [3_000, 3_000, 3_000], rttMs: 10, bandwidthBps: 1.2e6 }], expect: [30, 50, 70],
        why: "everything ready at once: the responses simply follow each other on the link, in request order. " +
          "(HTTP/1.1 pipelining gives the same here: nothing is held back.)" },
      { args: [{ serverMs: [7], bytes: [125_000], rttMs: 30, bandwidthBps: 1e6 }], expect: [1037],
        why: "one response: a round trip, the think time, and 1000 ms of bytes on a 1 Mbit/s link." },
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
        why: "two requests to one origin need only two connections even though six are allowed; each origin gets its own HTTP/2 connection." },
      { args: [www(20)], expect: { http1: 6, http2: 1 }, label: `connectionsForPage([${images(20)}])`,
        why: "twenty images on one origin: HTTP/1.1 stops at six connections and queues the rest; HTTP/2 carries all twenty as streams on one." },
      { args: [[...www(10), ...www(10, "img.joes-hardware.com"), ...www(3, "cdn.example.net")]], expect: { http1: 15, http2: 3 },
        label: `connectionsForPage([${images(10)}, ${images(10, "img.joes-hardware.com")}, ${images(3, "cdn.example.net")}])`,
        why: "three origins: up to six connections each under HTTP/1.1 (6 + 6 + 3), one each under HTTP/2." },
      { args: [["http://a.example/x", "https://a.example/x", "https://a.example:443/y", "https://a.example:8443/z"]], expect: { http1: 4, http2: 3 },
        why: "an origin is scheme, host and port: http and https differ, :443 is https's default port (the same origin as none), :8443 is another." },
      { args: [[...www(8, "img1.joes-hardware.com"), ...www(8, "img2.joes-hardware.com"), ...www(8, "img3.joes-hardware.com"), ...www(8, "img4.joes-hardware.com")]],
        expect: { http1: 24, http2: 4 },
        label: `connectionsForPage([${[1, 2, 3, 4].map((k) => images(8, `img${k}.joes-hardware.com`)).join(", ")}])`,
        why: "domain sharding: four host names for the same images buy HTTP/1.1 24 connections instead of 6; under HTTP/2 they cost four connections where one would do." },
      { args: [www(12), 2], expect: { http1: 2, http2: 1 }, label: `connectionsForPage([${images(12)}], 2)`,
        why: "RFC 2616 asked for at most two connections per server: twelve images over two connections." },
      { args: [["HTTPS://WWW.Joes-Hardware.com/a", "https://www.joes-hardware.com/b"]], expect: { http1: 2, http2: 1 },
        why: "scheme and host are case-insensitive: the URL class lower-cases them, so this is one origin." },
      { args: [[]], expect: { http1: 0, http2: 0 }, why: "a page with no requests opens no connections." },
      { args: [["/relative/path.png"]], throws: "TypeError",
        why: "a relative URL names no scheme, host or port, so it has no origin: new URL() rejects it with a TypeError." },
      { args: [www(3), 0], throws: "RangeError", label: `connectionsForPage([${images(3)}], 0)`, why: "zero connections per origin could never load anything." },
      { args: [www(3), 2.5], throws: "RangeError", label: `connectionsForPage([${images(3)}], 2.5)`, why: "connections come in whole numbers." },
    ],
  },
  "4.8c": {
    why: "After the setup, one more round trip carries the request out and the response's first byte back, plus the server's think time. " +
      "On a 100 ms path every round trip saved is 100 ms before anything shows.",
    tolerance: 1e-9,
    cases: [
      { args: ["tcp+tls1.3", 50], expect: 150, why: setup["tcp+tls1.3"] },
      { args: ["tcp", 100, 0], expect: 200, why: setup.tcp },
      { args: ["tcp-fastopen", 100, 0], expect: 100, why: setup["tcp-fastopen"] },
      { args: ["tcp+tls1.2", 80, 20], expect: 340, why: setup["tcp+tls1.2"] },
      { args: ["tcp+tls1.3", 80, 20], expect: 260, why: setup["tcp+tls1.3"] },
      { args: ["quic", 80, 20], expect: 180, why: setup.quic },
      { args: ["quic-0rtt", 80, 20], expect: 100, why: setup["quic-0rtt"] },
      { args: ["tcp+tls1.2", 37.5, 0], expect: 150, why: setup["tcp+tls1.2"] },
      { args: ["quic", 0, 12], expect: 12, why: setup.quic },
      // plain TCP agrees with lib/tcp: the handshake's connectMs, then transactionTime's request and response trips
      { args: ["tcp", 30, 15], expect: 75, tolerance: 1e-6,
        why: "lib/tcp's transactionTime gives the same for a small transaction on a new connection: the handshake, the request out, the think time, the response back." },
      { args: ["tcp", 120, 15], expect: 255, tolerance: 1e-6,
        why: "lib/tcp's transactionTime gives the same for a small transaction on a new connection: the handshake, the request out, the think time, the response back." },
      { args: ["tcp+tls1.1", 50], throws: "RangeError", why: unknownStack },
      { args: ["QUIC", 50], throws: "RangeError", why: unknownStack },
      { args: ["http3", 50], throws: "RangeError", why: unknownStack },
      { args: ["quic", -1], throws: "RangeError", why: "a round trip cannot take negative time." },
      { args: ["quic", NaN], throws: "RangeError", why: "NaN in, NaN out would poison every sum after it: reject it." },
      { args: ["tcp", 50], expect: 100, why: "the notebook's chart adds these up: a number of ms must come back." },
    ],
  },
};
export default cases;
