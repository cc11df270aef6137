/** Public cases for 4.5 persistent connections: they ship with the workbook and show in feedback. */
import type { Case, CheckCases } from "../lib/workbook/cases";

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
const pair = (p: Pair, persistent: boolean, reason: string, why: string): Case => ({
  args: [p],
  expect: { persistent, reason },
  why,
  label: `keepsConnectionOpen(${JSON.stringify(p)})\n  (${describePair(p)})`,
});

const badCount =
  "timeout and max are counts. Turning a bad one into NaN, a negative or a fraction would make the client's reuse decision " +
  "(reuse this connection or open a new one?) silently wrong; a malformed header must be rejected.";

const cases: CheckCases = {
  "4.5a": {
    why: "Keep-Alive is where a server says how long it keeps an idle connection and how many more requests it takes on it.",
    ignoreUndefined: true,
    cases: [
      { args: ["timeout=5, max=100"], expect: { timeoutSeconds: 5, max: 100, params: {} },
        why: "the server will keep the idle connection 5 s and take at most 100 more requests on it." },
      { args: ["max=5, timeout=20"], expect: { timeoutSeconds: 20, max: 5, params: {} }, why: "parameters may come in any order." },
      { args: ["timeout=15"], expect: { timeoutSeconds: 15, params: {} }, why: "a server may announce only one of the two; the other is simply not set." },
      { args: ["Timeout = 30 , MAX=2"], expect: { timeoutSeconds: 30, max: 2, params: {} },
        why: "names are case-insensitive and spaces around '=' and ',' are not part of names or values." },
      { args: ['timeout=5, debug, server="node 20"'], expect: { timeoutSeconds: 5, params: { debug: null, server: "node 20" } },
        why: "other parameters (often for debugging) are kept: a bare name has the value null, and quotes are not part of a value." },
      { args: [""], expect: { params: {} }, why: "an empty Keep-Alive header sets nothing." },
      { args: ["timeout=0, max=1"], expect: { timeoutSeconds: 0, max: 1, params: {} },
        why: "0 and 1 are real answers: 'do not wait' and 'one more request, then I close'." },
      { args: ["foo=1, foo=2, max=3"], expect: { max: 3, params: { foo: "1" } }, why: "when a name repeats among the other parameters, the first value wins." },
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
        "the HTTP/1.0 client asked for keep-alive but the response has no Connection: keep-alive, so the client expects the server to close."),
      pair({ clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "Keep-Alive", body: "known" }, true, "http10-agreed",
        "the client asked with Connection: keep-alive and the response agreed with Connection: keep-alive."),
      pair({ clientVersion: "1.0", requestConnection: "keep-alive", serverVersion: "1.0", responseConnection: "KEEP-ALIVE", body: "until-close" }, false, "read-until-close",
        "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection."),
      pair({ clientVersion: "1.1", serverVersion: "1.0", body: "known" }, false, "http10-server-default",
        "an HTTP/1.0 response without Connection: keep-alive: the 1.1 default does not apply to a 1.0 server, which closes after responding."),
      pair({ clientVersion: "1.1", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" }, true, "http10-server-agreed",
        "an HTTP/1.0 server agreed explicitly with Connection: keep-alive."),
      pair({ clientVersion: "1.1", serverVersion: "1.1", body: "until-close" }, false, "read-until-close",
        "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection."),
      pair({ clientVersion: "1.1", requestConnection: "X-Trace, Close", serverVersion: "1.1", responseConnection: "keep-alive", body: "known" }, false, "client-close",
        "the request said Connection: close: the client will send no more requests on this connection."),
      pair({ clientVersion: "1.0", requestConnection: "x-trace", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" }, false, "http10-not-asked",
        "HTTP/1.0 closes after every response unless the request asks with Connection: keep-alive."),
    ],
  },
  "4.5c": {
    why: "Each extra connection costs a handshake and a fresh slow start, which is what keep-alive was meant to save.",
    cases: [
      { args: [[0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }, 0], expect: 2,
        why: "the gap from 2000 to 9000 ms is 7 s of idle time, longer than the 5 s timeout." },
      { args: [[0, 10, 20, 30, 40, 50, 60], { max: 3, timeoutSeconds: 60 }, 0], expect: 3,
        why: "max=3: every third response closes the connection, so 7 quick requests need 3 connections." },
      { args: [[0, 5000], { max: 10, timeoutSeconds: 5 }, 0], expect: 1,
        why: "idle for exactly the timeout is still open (the server closes only after longer)." },
      { args: [[0, 5001], { max: 10, timeoutSeconds: 5 }, 0], expect: 2, why: "one millisecond past the timeout and the connection is gone." },
      { args: [[0, 3000, 6000], { max: 10, timeoutSeconds: 2 }, 1500], expect: 1,
        why: "idle time runs from the end of a response (start + transactionMs), not from when the request was sent: 1.5 s each." },
      { args: [[0, 100, 200], { max: 1, timeoutSeconds: 30 }, 0], expect: 3,
        why: "max=1 is no persistence at all: one connection per request, as plain HTTP/1.0." },
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
        why: "the server does not know Proxy-Connection, so it does not keep the connection and closes after the response: slow, but no hang." },
      { args: [["smart", "dumb"], "connection"], expect: 1,
        why: "the smart proxy asks its next hop with Connection: Keep-Alive, and that hop is dumb: the hang moves one hop inwards." },
      { args: [["smart", "dumb"], "proxy-connection"], expect: 1,
        why: "Proxy-Connection does not help here: the smart proxy itself sends Connection: Keep-Alive into the dumb one." },
      { args: [["dumb", "smart"], "proxy-connection"], expect: 0,
        why: "the dumb proxy passes Proxy-Connection to the smart one, which takes it as addressed to itself and answers keep-alive: the dumb one in front hangs." },
      { args: [["dumb", "dumb"], "connection"], expect: 0, why: "the first dumb proxy nearest the client is where the second request stops." },
      { args: [["smart", "smart"], "proxy-connection"], expect: null, why: "a chain of smart proxies negotiates hop by hop: no hang." },
      { args: [["smart", "smart", "dumb"], "connection"], expect: 2, why: "the hang is at the dumb proxy, wherever it sits in the chain." },
    ],
  },
};
export default cases;
