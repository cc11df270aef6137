/** Public cases for 4.3 HTTP connection handling: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.3b's likely slips, named once. */
const caseSensitive = "names were compared as written: field names are case-insensitive (RFC 9110 5.1), so `x-trace` in Connection names the field `X-Trace`, and `CONNECTION` is Connection.";
const namedKept = "the fields that Connection names were forwarded: naming a field in Connection is exactly how a sender marks it as meant for this hop only.";
const connectionKept = "the Connection field itself was forwarded: it describes the connection it arrived on, so it never crosses a hop.";
const fixedSpellings = "Connection was looked up under a few fixed spellings; any spelling of the name is the same field.";
const fixedListMissed = "these fields are hop-by-hop whether or not Connection names them; a proxy has to know that list in advance.";

/** 4.3c's likely slips, named once. */
const roundTripShort =
  "each fetch comes out one round trip short: either the handshake before the request was left out, or the slow-start rounds " +
  "were counted one too few (how many segments can the first r rounds carry together?).";
const htmlLeftOut = "the HTML is a fetch too, on its own connection, before any object.";
const extraRequestTrip =
  "one round trip per fetch too many: the request does not wait for a round trip of its own; it rides on the handshake's last packet.";
const linearRounds = "the rounds were counted as if the window stayed the same size: in slow start each round may carry twice as much as the one before.";
const serverLeftOut = "the server's think time was left out: it is paid once per fetch, because nothing overlaps.";

const cases: CheckCases = {
  "4.3a": {
    why:
      "A proxy that understands Connection removes, before forwarding (RFC 9110 7.6.1): the Connection field itself, every field that " +
      "Connection names (the sender 'protected' them: they are for this hop only), and the fields that are hop-by-hop by definition " +
      "whether named or not (Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade; this workbook's model adds Trailer). Everything " +
      "else is end-to-end and travels on untouched, however much its name looks like a hop-by-hop one.",
    cases: [
      {
        args: [], expect: 7, tolerance: 0, label: "predictForwardedFields()",
        why: "count what stripHopByHop leaves of the 12 fields: the model cell below the check lists them.",
        slips: [
          { got: 12, say: "nothing was removed: a proxy that understands Connection never forwards the fields that describe the connection it received the message on." },
          { got: 11, say: "only Connection itself was removed: the fields it names (and some it does not name) stop at this hop too." },
          { got: 10, say: "only Connection and Keep-Alive were removed: Connection names other fields as well, and one more field is hop-by-hop by definition." },
          { got: 9, say: "Connection and the always-hop-by-hop fields went, but not the other fields Connection names: naming a field there is what makes it hop-by-hop." },
          { got: 8, say: "Connection and the fields it names went, but one field is hop-by-hop by definition even though Connection does not name it (look at Proxy-Connection)." },
          { got: 6, say: "one field too many was removed: a name that only starts like a hop-by-hop one (Upgrade-Insecure-Requests is not Upgrade), or an X- field Connection does not name, is end-to-end." },
          { got: 5, say: "two fields too many were removed: Upgrade-Insecure-Requests and X-Request-Id are end-to-end; only names that match exactly, or that Connection lists, stop here." },
        ],
      },
    ],
  },
  "4.3b": {
    why: "A proxy forwards the end-to-end fields and drops the ones that describe only the connection the message arrived on.",
    pure: true,
    cases: [
      { args: [{ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" }], expect: { Host: "a.test", Accept: "text/html" },
        why: "X-Trace is named in Connection, so it was meant for this hop only (a 'protected' header); Connection goes too.",
        slips: [
          { got: { Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" }, say: caseSensitive },
          { got: { Host: "a.test", "X-Trace": "1", Accept: "text/html" }, say: namedKept },
          { got: { Host: "a.test", Connection: "X-Trace", Accept: "text/html" }, say: connectionKept },
        ] },
      { args: [{ host: "a.test", connection: "keep-alive", "keep-alive": "timeout=5, max=100", accept: "*/*" }], expect: { host: "a.test", accept: "*/*" },
        why: "Keep-Alive describes this connection's limits; forwarding it would make the next hop believe it was negotiated with it.",
        slips: [{ got: { host: "a.test", connection: "keep-alive", accept: "*/*" }, say: connectionKept }] },
      { args: [{ Host: "a.test", Connection: "x-a, X-B", "X-A": "1", "x-b": "2", "X-C": "3" }], expect: { Host: "a.test", "X-C": "3" },
        why: "names compare case-insensitively: `x-a` in Connection protects the field written `X-A`. X-C is not named and travels on.",
        slips: [
          { got: { Host: "a.test", Connection: "x-a, X-B", "X-A": "1", "X-C": "3" }, say: caseSensitive },
          { got: { Host: "a.test", "X-A": "1", "x-b": "2", "X-C": "3" }, say: namedKept },
          { got: { Host: "a.test", Connection: "x-a, X-B", "X-C": "3" }, say: connectionKept },
        ] },
      { args: [{ Host: "a.test", TE: "trailers", "Transfer-Encoding": "chunked", Upgrade: "websocket", Trailer: "Expires", "Proxy-Connection": "keep-alive", "Content-Type": "text/plain" }],
        expect: { Host: "a.test", "Content-Type": "text/plain" },
        why: "these fields are hop-by-hop even when Connection does not name them: a proxy may re-frame the body or refuse the upgrade.",
        slips: [{ got: { Host: "a.test", TE: "trailers", "Transfer-Encoding": "chunked", Upgrade: "websocket", Trailer: "Expires", "Proxy-Connection": "keep-alive", "Content-Type": "text/plain" },
          say: `${fixedListMissed} (Or the names were compared as written, not case-insensitively.)` }] },
      { args: [{ Host: "a.test", Connection: "close, X-Missing", "Cache-Control": "no-cache" }], expect: { Host: "a.test", "Cache-Control": "no-cache" },
        why: "Connection may name a field that is not there; nothing else is removed because of it.",
        slips: [{ got: { Host: "a.test", Connection: "close, X-Missing", "Cache-Control": "no-cache" }, say: `${connectionKept} (Compare names case-insensitively too.)` }] },
      { args: [{ Host: "a.test", Connection: "Keep-Alive", "Keep-Alive-Extra": "yes", "Content-Length": "12" }],
        expect: { Host: "a.test", "Keep-Alive-Extra": "yes", "Content-Length": "12" },
        why: "match whole names only: Keep-Alive-Extra is not Keep-Alive, and Content-Length is end-to-end.",
        slips: [{ got: { Host: "a.test", Connection: "Keep-Alive", "Keep-Alive-Extra": "yes", "Content-Length": "12" }, say: `${connectionKept} (Compare names case-insensitively too.)` }] },
      { args: [{ Host: "a.test", CONNECTION: "X-Debug", "X-Debug": "on", Accept: "*/*" }], expect: { Host: "a.test", Accept: "*/*" },
        why: "field names are case-insensitive, Connection's own name included: `CONNECTION` is the Connection header, and the X-Debug it names must go.",
        slips: [
          { got: { Host: "a.test", CONNECTION: "X-Debug", "X-Debug": "on", Accept: "*/*" }, say: caseSensitive },
          { got: { Host: "a.test", "X-Debug": "on", Accept: "*/*" }, say: `${fixedSpellings} (Or the fields Connection names were kept.)` },
          { got: { Host: "a.test", CONNECTION: "X-Debug", Accept: "*/*" }, say: connectionKept },
        ] },
      { args: [{ host: "a.test", coNNection: "close, x-foo", "X-Foo": "1", "Cache-Control": "no-cache" }], expect: { host: "a.test", "Cache-Control": "no-cache" },
        why: "however the name is spelled (`coNNection`), it is the Connection header; look it up by comparing lower-cased names, not with a few fixed spellings.",
        slips: [
          { got: { host: "a.test", coNNection: "close, x-foo", "X-Foo": "1", "Cache-Control": "no-cache" }, say: caseSensitive },
          { got: { host: "a.test", "X-Foo": "1", "Cache-Control": "no-cache" }, say: `${fixedSpellings} (Or the fields Connection names were kept.)` },
          { got: { host: "a.test", coNNection: "close, x-foo", "Cache-Control": "no-cache" }, say: connectionKept },
        ] },
      { args: [{ Host: "a.test", Connection: "X-A", connection: "X-B", "X-A": "1", "X-B": "2", "X-C": "3" }], expect: { Host: "a.test", "X-C": "3" },
        why: "an object can hold the field twice under two spellings; both lines make up one Connection list (RFC 9110 5.3), so X-A and X-B both go.",
        slips: [
          { got: { Host: "a.test", Connection: "X-A", "X-A": "1", "X-B": "2", "X-C": "3" }, say: caseSensitive },
          { got: { Host: "a.test", "X-A": "1", "X-B": "2", "X-C": "3" }, say: namedKept },
        ] },
      { args: [{ Host: "a.test", Accept: "text/html" }], expect: { Host: "a.test", Accept: "text/html" },
        why: "a message without hop-by-hop fields crosses unchanged, but as a new object." },
    ],
  },
  "4.3c": {
    why: "Serially, no fetch starts before the previous one has ended, and every fetch opens a new connection: the connection setup " +
      "and the slow start from a small window are paid again for every object.",
    tolerance: 1e-6,
    cases: [
      { args: [{ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 }], expect: 800,
        why: "four small fetches, each on a new connection, each response small enough for the first window. " +
          "Per fetch the model gives [200, 200, 200, 200] ms.",
        slips: [{ got: 400, say: roundTripShort }, { got: 600, say: htmlLeftOut }, { got: 1200, say: extraRequestTrip }] },
      { args: [{ htmlBytes: 12_000, objectBytes: [20_000, 50_000, 3_000], rttMs: 100 }], expect: 1100,
        why: "a 20 kB image is 14 segments: more than the first window of 10, so it needs a second round of slow start; 50 kB needs three. " +
          "Per fetch the model gives [200, 300, 400, 200] ms.",
        slips: [{ got: 700, say: roundTripShort }, { got: 900, say: htmlLeftOut }, { got: 1200, say: linearRounds }, { got: 1500, say: extraRequestTrip },
          { got: 800, say: "slow start is left out: a response bigger than the first window of 10 segments needs more than one round trip." }] },
      { args: [{ htmlBytes: 5_000, objectBytes: [8_000, 8_000], rttMs: 80, serverMs: 20 }], expect: 540,
        why: "the server's think time is paid once per fetch, because nothing overlaps. Per fetch the model gives [180, 180, 180] ms.",
        slips: [{ got: 300, say: roundTripShort }, { got: 360, say: htmlLeftOut }, { got: 480, say: serverLeftOut }, { got: 780, say: extraRequestTrip }] },
      { args: [{ htmlBytes: 4_000, objectBytes: [10_000], rttMs: 50, mss: 536, initialWindow: 3 }], expect: 350,
        why: "with a small MSS and an initial window of 3 segments (what RFC 3390 gives a 1460-byte MSS), slow start costs several rounds even for 10 kB. " +
          "Per fetch the model gives [150, 200] ms.",
        slips: [{ got: 250, say: roundTripShort }, { got: 200, say: htmlLeftOut }, { got: 450, say: extraRequestTrip }, { got: 600, say: linearRounds }] },
      { args: [{ htmlBytes: 2_000, objectBytes: [], rttMs: 30 }], expect: 60,
        why: "a page with no objects is one fetch: the HTML alone, 2 segments in the first window. Per fetch the model gives [60] ms.",
        slips: [{ got: 30, say: roundTripShort }, { got: 0, say: htmlLeftOut }, { got: 90, say: extraRequestTrip }] },
      { args: [{ htmlBytes: 30_000, objectBytes: [30_000, 30_000, 30_000, 30_000, 30_000], rttMs: 200, serverMs: 5 }], expect: 3630,
        why: "six resources at 200 ms RTT: the serial page is blank for seconds, which is why browsers stopped loading this way. " +
          "Per fetch the model gives [605, 605, 605, 605, 605, 605] ms.",
        slips: [{ got: 2430, say: roundTripShort }, { got: 3025, say: htmlLeftOut }, { got: 3600, say: serverLeftOut },
          { got: 4830, say: `${extraRequestTrip} (Or: ${linearRounds})` }] },
    ],
  },
};
export default cases;
