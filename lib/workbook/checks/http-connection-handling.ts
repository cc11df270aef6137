/** Checks for the 4.3 exercises: each failure says what was expected, what came back, and why it matters. */
import { parseConnectionHeader } from "../../http/connection-header";
import { stripHopByHop } from "../../http/hop-by-hop";
import { transactionTime } from "../../tcp/transaction";
import { expectClose, expectEqual, expectThrows, fail } from "../expect";
import { defineChecks } from "./define";
import { isNotImplemented } from "../not-implemented";
import type { SerialPage } from "../../../exercises/http-connection-handling";

type ParseConnection = (value: string) => { close: boolean; keepAlive: boolean; tokens: string[] };
type RemoveHopByHop = (headers: Record<string, string>) => Record<string, string>;

/** A small GET: it fits in one segment, so its trip is half a round trip. */
const REQUEST_BYTES = 300;

/** The same closed form, computed by the lib's transaction model: one new connection per resource. */
function modelFetches(page: SerialPage): number[] {
  return [page.htmlBytes, ...page.objectBytes].map((responseBytes) =>
    transactionTime({
      rttMs: page.rttMs, serverMs: page.serverMs ?? 0, requestBytes: REQUEST_BYTES, responseBytes,
      mss: page.mss, initialWindow: page.initialWindow ?? 10, newConnection: true,
    }).totalMs);
}

export const checks = defineChecks({
  "4.3a": (parseConnection: ParseConnection) => {
    const cases: [string, string][] = [
      ["close", "`close` is the one option every HTTP/1.1 program must understand: this message is the last on the connection."],
      ["Keep-Alive", "options compare case-insensitively: `Keep-Alive` and `keep-alive` are the same HTTP/1.0 persistence request."],
      ["Keep-Alive, X-Trace-Id", "besides options, Connection lists the names of header fields meant for this hop only; they are tokens too."],
      [" ,  close ,, Keep-Alive , CLOSE", "empty list elements and spaces around commas are legal (RFC 9110 5.6.1) and a repeated token counts once."],
      ["\tUpgrade,\tHTTP2-Settings\t", "tabs are optional whitespace as well; `Upgrade, HTTP2-Settings` is how an HTTP/1.1 client asks to switch to h2c."],
      ["", "an empty Connection header lists nothing: no close, no keep-alive."],
      ["close, keep-alive", "both tokens can appear; deciding what wins is persistence's job (4.5), the parser reports both."],
      ["x_trace, A.B", "`_` and `.` are token characters (tchar, RFC 9110 5.6.2): a token is not just letters, digits and `-`."],
      ["~, !#$%&'*+, -.^_`|~", "every one of !#$%&'*+-.^_`|~ is a tchar, so each of these odd-looking elements is a valid token."],
      ["Upgrade,WebSocket", "no whitespace is needed around a comma either."],
    ];
    for (const [value, why] of cases) {
      const expected = parseConnectionHeader(value);
      const call = `parseConnection(${JSON.stringify(value)})`;
      let got: ReturnType<ParseConnection>;
      try {
        got = parseConnection(value);
      } catch (err) {
        if (isNotImplemented(err)) throw err; // a stub is "not started", not wrong
        fail(`${call}\n  expected ${JSON.stringify(expected)}\n  got      ${String(err)}\n  why it matters: this header is well formed: ${why}`);
      }
      expectEqual(got, expected, call, why);
    }
    for (const bad of ["keep alive", "close; x", "\"close\"", "text/html", "close@proxy", "(close)"]) {
      expectThrows(() => parseConnection(bad), RangeError, `parseConnection(${JSON.stringify(bad)})`,
        "an element that is not a token is a malformed header. Guessing what it meant is how a proxy and a server end up " +
        "disagreeing about which fields are hop-by-hop; reject it instead.");
    }
    for (const bad of ["close\v", "keep-alive\n", "\fclose", "close\r", "\u00a0close"]) {
      expectThrows(() => parseConnection(bad), RangeError, `parseConnection(${JSON.stringify(bad)})`,
        "optional whitespace around a list element is only space and tab (OWS, RFC 9110 5.6.3). JavaScript's String.trim() " +
        "also strips \\v, \\f, \\r, \\n and non-breaking spaces, so it would accept characters no HTTP parser may treat as " +
        "whitespace (a bare CR or LF is how header injection works). Trim only spaces and tabs, and let the token test reject the rest.");
    }
  },

  "4.3b": (removeHopByHop: RemoveHopByHop) => {
    const cases: [Record<string, string>, string][] = [
      [{ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" },
        "X-Trace is named in Connection, so it was meant for this hop only (a 'protected' header); Connection goes too."],
      [{ host: "a.test", connection: "keep-alive", "keep-alive": "timeout=5, max=100", accept: "*/*" },
        "Keep-Alive describes this connection's limits; forwarding it would make the next hop believe it was negotiated with it."],
      [{ Host: "a.test", Connection: "x-a, X-B", "X-A": "1", "x-b": "2", "X-C": "3" },
        "names compare case-insensitively: `x-a` in Connection protects the field written `X-A`. X-C is not named and travels on."],
      [{ Host: "a.test", TE: "trailers", "Transfer-Encoding": "chunked", Upgrade: "websocket", Trailer: "Expires", "Proxy-Connection": "keep-alive", "Content-Type": "text/plain" },
        "these fields are hop-by-hop even when Connection does not name them: a proxy may re-frame the body or refuse the upgrade."],
      [{ Host: "a.test", Connection: "close, X-Missing", "Cache-Control": "no-cache" },
        "Connection may name a field that is not there; nothing else is removed because of it."],
      [{ Host: "a.test", Connection: "Keep-Alive", "Keep-Alive-Extra": "yes", "Content-Length": "12" },
        "match whole names only: Keep-Alive-Extra is not Keep-Alive, and Content-Length is end-to-end."],
      [{ Host: "a.test", CONNECTION: "X-Debug", "X-Debug": "on", Accept: "*/*" },
        "field names are case-insensitive, Connection's own name included: `CONNECTION` is the Connection header, and the X-Debug it names must go."],
      [{ host: "a.test", coNNection: "close, x-foo", "X-Foo": "1", "Cache-Control": "no-cache" },
        "however the name is spelled (`coNNection`), it is the Connection header; look it up by comparing lower-cased names, not with a few fixed spellings."],
      [{ Host: "a.test", Connection: "X-A", connection: "X-B", "X-A": "1", "X-B": "2", "X-C": "3" },
        "an object can hold the field twice under two spellings; both lines make up one Connection list (RFC 9110 5.3), so X-A and X-B both go."],
      [{ Host: "a.test", Accept: "text/html" }, "a message without hop-by-hop fields crosses unchanged, but as a new object."],
    ];
    for (const [input, why] of cases) {
      const before = structuredClone(input);
      const call = `removeHopByHop(${JSON.stringify(before)})`;
      const got = removeHopByHop(input);
      expectEqual(input, before, `${call}: the input object after the call`,
        "the proxy still needs the original message (to log it, or to retry the request on another connection); changing the caller's object is a bug that shows up far away.");
      if (got === input) fail(`${call}\n  expected a new object\n  got      the same object it was given\n  why it matters: the contract is "do not change headers"; returning it invites the caller to change both.`);
      expectEqual(got, stripHopByHop(before), call, why);
    }
  },

  "4.3c": (serialPageLoadMs: (page: SerialPage) => number) => {
    const cases: [SerialPage, string][] = [
      [{ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 },
        "four small fetches, each paying a handshake (1 RTT) and a request/response (1 RTT): 4 x 200 ms."],
      [{ htmlBytes: 12_000, objectBytes: [20_000, 50_000, 3_000], rttMs: 100 },
        "a 20 kB image is 14 segments: more than the first window of 10, so it needs a second round of slow start; 50 kB needs three."],
      [{ htmlBytes: 5_000, objectBytes: [8_000, 8_000], rttMs: 80, serverMs: 20 },
        "the server's think time is paid once per fetch, because nothing overlaps."],
      [{ htmlBytes: 4_000, objectBytes: [10_000], rttMs: 50, mss: 536, initialWindow: 3 },
        "with a small MSS and the older initial window of 3 segments (RFC 3390), slow start costs several rounds even for 10 kB."],
      [{ htmlBytes: 2_000, objectBytes: [], rttMs: 30 },
        "a page with no objects is one fetch: the HTML alone, 2 segments in the first window."],
      [{ htmlBytes: 30_000, objectBytes: [30_000, 30_000, 30_000, 30_000, 30_000], rttMs: 200, serverMs: 5 },
        "six resources at 200 ms RTT: the serial page is blank for seconds, which is why browsers stopped loading this way."],
    ];
    for (const [page, why] of cases) {
      const perFetch = modelFetches(page);
      const expected = perFetch.reduce((a, b) => a + b, 0);
      expectClose(serialPageLoadMs({ ...page, objectBytes: [...page.objectBytes] }), expected, 1e-6, `serialPageLoadMs(${JSON.stringify(page)})`,
        `${why} Per fetch the model gives [${perFetch.join(", ")}] ms. Each one is handshake + server time + slow-start rounds x RTT, ` +
        "and serial loading adds them all up: the connect and slow-start costs are paid again for every object.");
    }
  },
});
