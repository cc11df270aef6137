/** Public cases for 4.3 HTTP connection handling: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.3a: why a malformed element must be rejected. */
const notAToken =
  "an element that is not a token is a malformed header. Guessing what it meant is how a proxy and a server end up " +
  "disagreeing about which fields are hop-by-hop; reject it instead.";
/** 4.3a: why only spaces and tabs may be trimmed. */
const onlySpaceAndTab =
  "optional whitespace around a list element is only space and tab (OWS, RFC 9110 5.6.3). JavaScript's String.trim() " +
  "also strips \\v, \\f, \\r, \\n and non-breaking spaces, so it would accept characters no HTTP parser may treat as " +
  "whitespace (a bare CR or LF is how header injection works). Trim only spaces and tabs, and let the token test reject the rest.";

const cases: CheckCases = {
  "4.3a": {
    why: "Connection says which options and header fields belong to this hop only; every program on the path must read it the same way.",
    cases: [
      { args: ["close"], expect: { close: true, keepAlive: false, tokens: ["close"] },
        why: "`close` is the one option every HTTP/1.1 program must understand: this message is the last on the connection." },
      { args: ["Keep-Alive"], expect: { close: false, keepAlive: true, tokens: ["keep-alive"] },
        why: "options compare case-insensitively: `Keep-Alive` and `keep-alive` are the same HTTP/1.0 persistence request." },
      { args: ["Keep-Alive, X-Trace-Id"], expect: { close: false, keepAlive: true, tokens: ["keep-alive", "x-trace-id"] },
        why: "besides options, Connection lists the names of header fields meant for this hop only; they are tokens too." },
      { args: [" ,  close ,, Keep-Alive , CLOSE"], expect: { close: true, keepAlive: true, tokens: ["close", "keep-alive"] },
        why: "empty list elements and spaces around commas are legal (RFC 9110 5.6.1) and a repeated token counts once." },
      { args: ["\tUpgrade,\tHTTP2-Settings\t"], expect: { close: false, keepAlive: false, tokens: ["upgrade", "http2-settings"] },
        why: "tabs are optional whitespace as well; `Upgrade, HTTP2-Settings` is how an HTTP/1.1 client asks to switch to h2c." },
      { args: [""], expect: { close: false, keepAlive: false, tokens: [] },
        why: "an empty Connection header lists nothing: no close, no keep-alive." },
      { args: ["close, keep-alive"], expect: { close: true, keepAlive: true, tokens: ["close", "keep-alive"] },
        why: "both tokens can appear; deciding what wins is persistence's job (4.5), the parser reports both." },
      { args: ["x_trace, A.B"], expect: { close: false, keepAlive: false, tokens: ["x_trace", "a.b"] },
        why: "`_` and `.` are token characters (tchar, RFC 9110 5.6.2): a token is not just letters, digits and `-`." },
      { args: ["~, !#$%&'*+, -.^_`|~"], expect: { close: false, keepAlive: false, tokens: ["~", "!#$%&'*+", "-.^_`|~"] },
        why: "every one of !#$%&'*+-.^_`|~ is a tchar, so each of these odd-looking elements is a valid token." },
      { args: ["Upgrade,WebSocket"], expect: { close: false, keepAlive: false, tokens: ["upgrade", "websocket"] },
        why: "no whitespace is needed around a comma either." },
      { args: ["keep alive"], throws: "RangeError", why: notAToken },
      { args: ["close; x"], throws: "RangeError", why: notAToken },
      { args: ['"close"'], throws: "RangeError", why: notAToken },
      { args: ["text/html"], throws: "RangeError", why: notAToken },
      { args: ["close@proxy"], throws: "RangeError", why: notAToken },
      { args: ["(close)"], throws: "RangeError", why: notAToken },
      { args: ["close\v"], throws: "RangeError", why: onlySpaceAndTab },
      { args: ["keep-alive\n"], throws: "RangeError", why: onlySpaceAndTab },
      { args: ["\fclose"], throws: "RangeError", why: onlySpaceAndTab },
      { args: ["close\r"], throws: "RangeError", why: onlySpaceAndTab },
      { args: ["\u00a0close"], throws: "RangeError", why: onlySpaceAndTab, label: 'parseConnection("\\u00a0close") (a non-breaking space before close)' },
    ],
  },
  "4.3b": {
    why: "A proxy forwards the end-to-end fields and drops the ones that describe only the connection the message arrived on.",
    pure: true,
    cases: [
      { args: [{ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" }], expect: { Host: "a.test", Accept: "text/html" },
        why: "X-Trace is named in Connection, so it was meant for this hop only (a 'protected' header); Connection goes too." },
      { args: [{ host: "a.test", connection: "keep-alive", "keep-alive": "timeout=5, max=100", accept: "*/*" }], expect: { host: "a.test", accept: "*/*" },
        why: "Keep-Alive describes this connection's limits; forwarding it would make the next hop believe it was negotiated with it." },
      { args: [{ Host: "a.test", Connection: "x-a, X-B", "X-A": "1", "x-b": "2", "X-C": "3" }], expect: { Host: "a.test", "X-C": "3" },
        why: "names compare case-insensitively: `x-a` in Connection protects the field written `X-A`. X-C is not named and travels on." },
      { args: [{ Host: "a.test", TE: "trailers", "Transfer-Encoding": "chunked", Upgrade: "websocket", Trailer: "Expires", "Proxy-Connection": "keep-alive", "Content-Type": "text/plain" }],
        expect: { Host: "a.test", "Content-Type": "text/plain" },
        why: "these fields are hop-by-hop even when Connection does not name them: a proxy may re-frame the body or refuse the upgrade." },
      { args: [{ Host: "a.test", Connection: "close, X-Missing", "Cache-Control": "no-cache" }], expect: { Host: "a.test", "Cache-Control": "no-cache" },
        why: "Connection may name a field that is not there; nothing else is removed because of it." },
      { args: [{ Host: "a.test", Connection: "Keep-Alive", "Keep-Alive-Extra": "yes", "Content-Length": "12" }],
        expect: { Host: "a.test", "Keep-Alive-Extra": "yes", "Content-Length": "12" },
        why: "match whole names only: Keep-Alive-Extra is not Keep-Alive, and Content-Length is end-to-end." },
      { args: [{ Host: "a.test", CONNECTION: "X-Debug", "X-Debug": "on", Accept: "*/*" }], expect: { Host: "a.test", Accept: "*/*" },
        why: "field names are case-insensitive, Connection's own name included: `CONNECTION` is the Connection header, and the X-Debug it names must go." },
      { args: [{ host: "a.test", coNNection: "close, x-foo", "X-Foo": "1", "Cache-Control": "no-cache" }], expect: { host: "a.test", "Cache-Control": "no-cache" },
        why: "however the name is spelled (`coNNection`), it is the Connection header; look it up by comparing lower-cased names, not with a few fixed spellings." },
      { args: [{ Host: "a.test", Connection: "X-A", connection: "X-B", "X-A": "1", "X-B": "2", "X-C": "3" }], expect: { Host: "a.test", "X-C": "3" },
        why: "an object can hold the field twice under two spellings; both lines make up one Connection list (RFC 9110 5.3), so X-A and X-B both go." },
      { args: [{ Host: "a.test", Accept: "text/html" }], expect: { Host: "a.test", Accept: "text/html" },
        why: "a message without hop-by-hop fields crosses unchanged, but as a new object." },
    ],
  },
  "4.3c": {
    why: "Each fetch is handshake + server time + slow-start rounds x RTT, and serial loading adds them all up: " +
      "the connect and slow-start costs are paid again for every object.",
    tolerance: 1e-6,
    cases: [
      { args: [{ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 }], expect: 800,
        why: "four small fetches, each paying a handshake (1 RTT) and a request/response (1 RTT): 4 x 200 ms. " +
          "Per fetch the model gives [200, 200, 200, 200] ms." },
      { args: [{ htmlBytes: 12_000, objectBytes: [20_000, 50_000, 3_000], rttMs: 100 }], expect: 1100,
        why: "a 20 kB image is 14 segments: more than the first window of 10, so it needs a second round of slow start; 50 kB needs three. " +
          "Per fetch the model gives [200, 300, 400, 200] ms." },
      { args: [{ htmlBytes: 5_000, objectBytes: [8_000, 8_000], rttMs: 80, serverMs: 20 }], expect: 540,
        why: "the server's think time is paid once per fetch, because nothing overlaps. Per fetch the model gives [180, 180, 180] ms." },
      { args: [{ htmlBytes: 4_000, objectBytes: [10_000], rttMs: 50, mss: 536, initialWindow: 3 }], expect: 350,
        why: "with a small MSS and the older initial window of 3 segments (RFC 3390), slow start costs several rounds even for 10 kB. " +
          "Per fetch the model gives [150, 200] ms." },
      { args: [{ htmlBytes: 2_000, objectBytes: [], rttMs: 30 }], expect: 60,
        why: "a page with no objects is one fetch: the HTML alone, 2 segments in the first window. Per fetch the model gives [60] ms." },
      { args: [{ htmlBytes: 30_000, objectBytes: [30_000, 30_000, 30_000, 30_000, 30_000], rttMs: 200, serverMs: 5 }], expect: 3630,
        why: "six resources at 200 ms RTT: the serial page is blank for seconds, which is why browsers stopped loading this way. " +
          "Per fetch the model gives [605, 605, 605, 605, 605, 605] ms." },
    ],
  },
};
export default cases;
