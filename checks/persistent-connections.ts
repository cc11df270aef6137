/** Public cases for 4.5 persistent connections: they ship with the workbook and show in feedback. */
import type { KeepAliveLabResult } from "../lib/lab/keep-alive";
import type { Case, CheckCases, Slip } from "../lib/workbook/cases";

/** One request/response pair as 4.5b takes it. */
interface Pair {
  clientVersion: "1.0" | "1.1";
  requestConnection?: string;
  serverVersion: "1.0" | "1.1";
  responseConnection?: string;
  body: "known" | "until-close";
}

function describePair(p: Pair): string {
  const req = `HTTP/${p.clientVersion} request${p.requestConnection === undefined ? "" : ` with Connection: ${p.requestConnection}`}`;
  const res = `HTTP/${p.serverVersion} response${p.responseConnection === undefined ? "" : ` with Connection: ${p.responseConnection}`}`;
  return `${req}, ${res}, body length ${p.body === "known" ? "known (Content-Length)" : "unknown (read until close)"}`;
}

/** A 4.5b case: the pair, the decision, and the rule's reason as the why; the label spells the pair out. */
const pair = (p: Pair, persistent: boolean, reason: string, why: string, slips?: Slip[]): Case => ({
  args: [p],
  expect: { persistent, reason },
  why,
  label: `keepsConnectionOpen(${JSON.stringify(p)})\n  (${describePair(p)})`,
  ...(slips ? { slips } : {}),
});

const badCount =
  "timeout and max are counts. Turning a bad one into NaN, a negative or a fraction would make the client's reuse decision " +
  "(reuse this connection or open a new one?) silently wrong; a malformed header must be rejected.";

/** 4.5b's likely slips, each found by running the wrong variant on the case. */
const tokenCase = "Connection tokens are case-insensitive (Keep-Alive, KEEP-ALIVE and Close are keep-alive and close): lower-case them before comparing.";
const bodyLast = "the versions allowed persistence, but a body with no known length ends only when the connection closes: the last rule still applies.";
const bothOneOne = "the HTTP/1.1 default needs HTTP/1.1 on both ends: after an HTTP/1.0 response the connection stays only if that response says keep-alive.";

const cases: CheckCases = {
  "4.5a": {
    why: "Keep-Alive is where a server says how long it keeps an idle connection and how many more requests it takes on it. " +
      "Its value is written in HTTP's list and parameter syntax (RFC 9110 5.6): commas separate parameters, but a quoted string " +
      "is one value whatever it holds; a value is a token or a quoted string; anything else is malformed.",
    ignoreUndefined: true,
    cases: [
      { args: ["timeout=5, max=100"], expect: { timeoutSeconds: 5, max: 100, params: {} },
        why: "the server will keep the idle connection 5 s and take at most 100 more requests on it." },
      { args: ["max=5, timeout=20"], expect: { timeoutSeconds: 20, max: 5, params: {} }, why: "parameters may come in any order." },
      { args: ["timeout=15"], expect: { timeoutSeconds: 15, params: {} }, why: "a server may announce only one of the two; the other is simply not set." },
      { args: ["Timeout = 30 , MAX=2"], expect: { timeoutSeconds: 30, max: 2, params: {} },
        why: "names are case-insensitive and spaces around '=' and ',' are not part of names or values.",
        slips: [{ got: { params: { "timeout ": " 30 ", " max": "2" } }, say: "spaces and tabs around names and values do not count: trim them before you compare or store." },
          { got: { params: { Timeout: "30", MAX: "2" } }, say: "names are case-insensitive: Timeout and MAX are timeout and max (lower-case them before comparing)." }] },
      { args: ['timeout=5, debug, server="node 20"'], expect: { timeoutSeconds: 5, params: { debug: null, server: "node 20" } },
        why: "other parameters (often for debugging) are kept: a bare name has the value null, and quotes are not part of a value.",
        slips: [{ got: { timeoutSeconds: 5, params: { debug: null, server: '"node 20"' } }, say: "the quotes delimit the value; they are not part of it." },
          { got: { timeoutSeconds: 5, params: { debug: "", server: "node 20" } }, say: "a bare name has no value at all: null, not the empty string." },
          { got: { timeoutSeconds: 5, params: { server: "node 20" } }, say: "the bare name debug is missing (or undefined): keep it, with the value null." }] },
      { args: [""], expect: { params: {} }, why: "an empty Keep-Alive header sets nothing." },
      { args: ["timeout=0, max=1"], expect: { timeoutSeconds: 0, max: 1, params: {} },
        why: "0 and 1 are real answers: 'do not wait' and 'one more request, then I close'." },
      { args: ["foo=1, foo=2, max=3"], expect: { max: 3, params: { foo: "1" } }, why: "when a name repeats among the other parameters, the first value wins.",
        slips: [{ got: { max: 3, params: { foo: "2" } }, say: "a later repetition overwrote the first value of foo." }] },
      { args: ['x="a,b", max=2'], expect: { max: 2, params: { x: "a,b" } },
        why: "a quoted string is one value even when it holds a comma (RFC 9110 5.6.4): only commas outside quotes separate parameters.",
        slips: [{ got: { max: 2, params: { x: '"a', 'b"': null } }, say: "the value was split at the comma inside the quotes: split only at commas outside a quoted string." }] },
      { args: ['note="say \\"hi\\", twice"'], expect: { params: { note: 'say "hi", twice' } },
        label: 'parseKeepAliveParams(\'note="say \\"hi\\", twice"\')',
        why: "inside a quoted string a backslash takes the next character as it is, so \\\" is a quote that does not end the string.",
        slips: [{ got: { params: { note: 'say \\"hi\\", twice' } }, say: "the backslashes are escapes, not part of the value: drop each and keep the character after it." }] },
      { args: ["constructor=1"], expect: { params: { constructor: "1" } },
        why: "any token is a parameter name, even one every JavaScript object seems to have already.",
        slips: [{ got: { params: {} }, say: "\"constructor\" in {} is true, because it is inherited from Object.prototype: the parameter was taken for a repeat and dropped. " +
          "Keep params in an object without a prototype (Object.create(null)), or test Object.hasOwn." }] },
      { args: ["__proto__=2, max=4"], expect: { max: 4, params: { ["__proto__"]: "2" } }, label: "parseKeepAliveParams(\"__proto__=2, max=4\")",
        why: "__proto__ is a token too, so it is a parameter name like any other.",
        slips: [{ got: { max: 4, params: {} }, say: "on a plain {}, params[\"__proto__\"] = value goes to the prototype setter and adds no property: " +
          "use an object without a prototype (Object.create(null)) or Object.defineProperty (enumerable)." }] },
      { args: ["timeout=5, timeout=7"], throws: "RangeError",
        why: "a repeated timeout (or max) cannot be read safely: a client that believed the wrong one would reuse a connection the server has already " +
          "closed, or drop one it still keeps. Which is first or last proves nothing, so the value is malformed." },
      { args: ["x=a=b"], throws: "RangeError",
        why: "a value is a token or a quoted string; '=' is not a token character, so a=b unquoted is neither: the header is malformed (x=\"a=b\" would be fine)." },
      { args: ["timeout=abc"], throws: "RangeError", why: badCount },
      { args: ["max=-1"], throws: "RangeError", why: badCount },
      { args: ["timeout=1.5"], throws: "RangeError", why: badCount },
      { args: ["timeout"], throws: "RangeError", why: badCount },
      { args: ["max="], throws: "RangeError", why: badCount },
    ],
  },
  "4.5b": {
    why: "Both ends must reach the same answer from the same two messages: if the client reuses a connection " +
      "the server is about to close, its next request is lost; if it waits for a close that never comes, it hangs.",
    cases: [
      pair({ clientVersion: "1.1", serverVersion: "1.1", body: "known" }, true, "http11-default",
        "HTTP/1.1 on both sides and no Connection: close: persistent by default."),
      pair({ clientVersion: "1.1", requestConnection: "close", serverVersion: "1.1", body: "known" }, false, "client-close",
        "the request said Connection: close: the client will send no more requests on this connection."),
      pair({ clientVersion: "1.1", serverVersion: "1.1", responseConnection: "close", body: "known" }, false, "server-close",
        "the response said Connection: close: the server closes after sending it."),
      pair({ clientVersion: "1.0", serverVersion: "1.1", body: "known" }, false, "http10-not-asked",
        "HTTP/1.0 closes after every response unless the request asks with Connection: keep-alive."),
      pair({ clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.1", body: "known" }, false, "http10-not-agreed",
        "the HTTP/1.0 client asked for keep-alive but the response has no Connection: keep-alive, so the client expects the server to close.",
        [{ got: { persistent: false, reason: "http10-not-asked" }, say: tokenCase }]),
      pair({ clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "Keep-Alive", body: "known" }, true, "http10-agreed",
        "the client asked with Connection: keep-alive and the response agreed with Connection: keep-alive.",
        [{ got: { persistent: false, reason: "http10-not-asked" }, say: tokenCase }]),
      pair({ clientVersion: "1.0", requestConnection: "keep-alive", serverVersion: "1.0", responseConnection: "KEEP-ALIVE", body: "until-close" }, false, "read-until-close",
        "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection.",
        [{ got: { persistent: false, reason: "http10-not-agreed" }, say: tokenCase }, { got: { persistent: true, reason: "http10-agreed" }, say: bodyLast }]),
      pair({ clientVersion: "1.1", serverVersion: "1.0", body: "known" }, false, "http10-server-default",
        "an HTTP/1.0 response without Connection: keep-alive: the 1.1 default does not apply to a 1.0 server, which closes after responding.",
        [{ got: { persistent: true, reason: "http11-default" }, say: bothOneOne }]),
      pair({ clientVersion: "1.1", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" }, true, "http10-server-agreed",
        "an HTTP/1.0 server agreed explicitly with Connection: keep-alive.",
        [{ got: { persistent: true, reason: "http11-default" }, say: "the connection stays, but not by the HTTP/1.1 default: the server spoke HTTP/1.0 and agreed explicitly." }]),
      pair({ clientVersion: "1.1", serverVersion: "1.1", body: "until-close" }, false, "read-until-close",
        "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection.",
        [{ got: { persistent: true, reason: "http11-default" }, say: bodyLast }]),
      pair({ clientVersion: "1.1", requestConnection: "X-Trace, Close", serverVersion: "1.1", responseConnection: "keep-alive", body: "known" }, false, "client-close",
        "the request said Connection: close: the client will send no more requests on this connection.",
        [{ got: { persistent: true, reason: "http11-default" }, say: tokenCase }]),
      pair({ clientVersion: "1.0", requestConnection: "x-trace", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" }, false, "http10-not-asked",
        "HTTP/1.0 closes after every response unless the request asks with Connection: keep-alive."),
    ],
  },
  "4.5c": {
    why: "Each extra connection costs a handshake and a fresh slow start, which is what keep-alive was meant to save.",
    cases: [
      { args: [[0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }, 0], expect: 2,
        why: "the gap from 2000 to 9000 ms is 7 s of idle time, longer than the 5 s timeout.",
        slips: [{ got: 1, say: "the idle timeout never closed the connection: compare each gap with the timeout." },
          { got: 4, say: "timeoutSeconds is in seconds and the request times are in milliseconds: they were compared as if in one unit." }] },
      { args: [[0, 10, 20, 30, 40, 50, 60], { max: 3, timeoutSeconds: 60 }, 0], expect: 3,
        why: "max=3: every third response closes the connection, so 7 quick requests need 3 connections.",
        slips: [{ got: 2, say: "the connection carried one request more than max: it closes right after the response to the max-th request." },
          { got: 1, say: "max was ignored: a connection carries at most max requests." }] },
      { args: [[0, 5000], { max: 10, timeoutSeconds: 5 }, 0], expect: 1,
        why: "idle for exactly the timeout is still open (the server closes only after longer).",
        slips: [{ got: 2, say: "the connection was closed at exactly the timeout (close only when idle longer than it), or seconds were compared with milliseconds." }] },
      { args: [[0, 5001], { max: 10, timeoutSeconds: 5 }, 0], expect: 2, why: "one millisecond past the timeout and the connection is gone." },
      { args: [[0, 3000, 6000], { max: 10, timeoutSeconds: 2 }, 1500], expect: 1,
        why: "idle time runs from when the previous response ended, not from when its request was sent: 1.5 s of idleness each time.",
        slips: [{ got: 3, say: "the idle time was measured from when the previous request was sent; the connection is busy until its response has arrived." }] },
      { args: [[0, 100, 200], { max: 1, timeoutSeconds: 30 }, 0], expect: 3,
        why: "max=1 is no persistence at all: one connection per request, as plain HTTP/1.0.",
        slips: [{ got: 2, say: "the connection carried one request more than max: it closes right after the response to the max-th request." },
          { got: 1, say: "max was ignored: a connection carries at most max requests." }] },
      { args: [[0, 100, 6000, 6100, 6200, 20000], { max: 2, timeoutSeconds: 5 }, 0], expect: 4,
        why: "limits interact: max closes after two requests, and the long gap before 20000 ms would have closed it anyway." },
      { args: [[42], { max: 5, timeoutSeconds: 5 }, 0], expect: 1, why: "one request needs one connection." },
    ],
  },
  "4.5d": {
    why: "A hang is the worst failure keep-alive can have: the browser waits for the proxy's timeout with no error to show.",
    cases: [
      { args: [["dumb"], "connection"], expect: 0,
        why: "the dumb proxy forwards Connection: Keep-Alive, the server agrees, the client reuses the connection, and the proxy never reads the second request." },
      { args: [["smart"], "connection"], expect: null,
        why: "a smart proxy removes Connection and negotiates keep-alive with each side itself: no hang." },
      { args: [[], "connection"], expect: null, why: "with no proxy, client and server negotiate directly: no hang." },
      { args: [["dumb"], "proxy-connection"], expect: null,
        why: "the server does not know Proxy-Connection, so it does not keep the connection and closes after the response: slow, but no hang.",
        slips: [{ got: 0, say: "the server was taken to honour Proxy-Connection; it only knows Connection, so it closes after the response." }] },
      { args: [["smart", "dumb"], "connection"], expect: 1,
        why: "the smart proxy asks its next hop with Connection: Keep-Alive, and that hop is dumb: the hang moves one hop inwards.",
        slips: [{ got: null, say: "a smart proxy does not just remove the client's header: it asks its own next hop for keep-alive with Connection: Keep-Alive." }] },
      { args: [["smart", "dumb"], "proxy-connection"], expect: 1,
        why: "Proxy-Connection does not help here: the smart proxy itself sends Connection: Keep-Alive into the dumb one.",
        slips: [{ got: null, say: "a smart proxy does not just remove the client's header: it asks its own next hop for keep-alive with Connection: Keep-Alive." }] },
      { args: [["dumb", "smart"], "proxy-connection"], expect: 0,
        why: "the dumb proxy passes Proxy-Connection to the smart one, which takes it as addressed to itself and answers keep-alive: the dumb one in front hangs.",
        slips: [{ got: null, say: "the smart proxy cannot tell that Proxy-Connection came through a dumb proxy: it takes it as addressed to itself and answers keep-alive." }] },
      { args: [["dumb", "dumb"], "connection"], expect: 0, why: "the first dumb proxy nearest the client is where the second request stops.",
        slips: [{ got: 1, say: "the second request never gets past the first dumb proxy it meets, the one nearest the client." }] },
      { args: [["smart", "smart"], "proxy-connection"], expect: null, why: "a chain of smart proxies negotiates hop by hop: no hang." },
      { args: [["smart", "smart", "dumb"], "connection"], expect: 2, why: "the hang is at the dumb proxy, wherever it sits in the chain." },
    ],
  },
  "4.5e": {
    why: "A kept connection ends in two ways, and both count: the server closes it right after the response to the last request it will " +
      "take on it (max), and it closes it when it has been idle, from the end of one response to the next request, for longer than its " +
      "timeout. Whichever comes first sends the next request to a new connection, with a new handshake and a new slow start.",
    cases: [
      { args: [], expect: 4, label: "predictConnectionsOpened()",
        why: "requests 1-3 share the first connection and 4-6 the second (3 each); request 7 opens a third; request 8 comes 5 s after " +
          "the seventh response, longer than the 2 s timeout, so that third connection is gone and it opens a fourth.",
        slips: [
          { got: 1, say: "neither limit closed anything: both max and the idle timeout close connections." },
          { got: 2, say: "only the pause closed a connection: max closes one too, right after the response to its third request." },
          { got: 3, say: "one limit was left out: either the 5 s pause (longer than the 2 s timeout) or max, which ends a connection after its third request, " +
            "not after a fourth." },
          { got: 5, say: "each connection carried 2 requests: max=3 means the third request is still served, and the connection closes after it." },
          { got: 8, say: "the client reuses an open connection: only a limit closes it." },
        ] },
    ],
  },
  "4.5f": {
    why: "Without keep-alive every request opens its own TCP connection and pays its handshake; with it, one connection carries them all. " +
      "On loopback a round trip lasts microseconds, so what the time difference shows is the work of making a connection (socket, accept, " +
      "close on both ends), not the network's round trip: on a real path the handshake's round trip comes on top.",
    cases: [],
    lab: "keep-alive",
    fromLab: (m: KeepAliveLabResult) => {
      if (m?.consistency?.inconclusive) return `your lab run was inconclusive: ${m.consistency.inconclusive}`;
      const fresh = m?.measured?.newConnection;
      const kept = m?.measured?.keepAlive;
      if (!fresh || !kept || fresh.socketsOpened === null || kept.socketsOpened === null || fresh.perRequestMs === null || kept.perRequestMs === null) {
        return "your keep-alive lab result has no socket counts or times (the lab did not finish): run npm run workbook -- lab keep-alive again.";
      }
      const n = m.setup.requests;
      const ratio = fresh.perRequestMs / kept.perRequestMs;
      const faster = ratio >= 1.2 ? "kept-alive" : ratio <= 1 / 1.2 ? "new-connection" : "no-clear-difference";
      const expect = { newConnectionSockets: fresh.socketsOpened, keptAliveSockets: kept.socketsOpened, faster };
      const others = (["kept-alive", "new-connection", "no-clear-difference"] as const).filter((f) => f !== faster);
      return [{
        args: [n],
        expect,
        label: `predictKeepAliveLab(${n})   (your lab: ${fresh.socketsOpened} and ${kept.socketsOpened} sockets, ` +
          `${fresh.perRequestMs} ms and ${kept.perRequestMs} ms per request)`,
        why: `your own measurement (.workbook/labs/keep-alive.json): the server accepted ${fresh.socketsOpened} connections for ${n} requests ` +
          `without keep-alive and ${kept.socketsOpened} with it; per request ${fresh.perRequestMs} ms against ${kept.perRequestMs} ms.`,
        slips: [
          { got: { ...expect, keptAliveSockets: fresh.socketsOpened }, say: "the kept-alive run was taken to open a socket per request too: " +
            "its agent keeps the idle socket and sends the next request on it." },
          { got: { ...expect, newConnectionSockets: kept.socketsOpened }, say: "without keep-alive each request says Connection: close, so " +
            "each one needs a connection of its own." },
          ...others.map((f) => ({ got: { ...expect, faster: f }, say: "the conclusion does not match your own measurement: " +
            "compare the two 'time per request' rows of your lab result (a 20 % margin counts as no clear difference)." })),
        ],
      }];
    },
  },
};
export default cases;
