/** Checks for the 4.5 exercises: each failure says what was expected, what came back, and why it matters. */
import type { HeaderPairs } from "../../http/header-fields";
import { simulateKeepAlive } from "../../http/keep-alive";
import { parseKeepAlive } from "../../http/keep-alive-header";
import { decidePersistence } from "../../http/persistence";
import { simulateProxyChain, type KeepAliveAsk, type ProxyKind } from "../../http/proxy-chain";
import { expectEqual, expectThrows, fail } from "../expect";
import { defineChecks } from "./define";

interface KeepAliveParamsResult {
  timeoutSeconds?: number;
  max?: number;
  params: Record<string, string | null>;
}
interface PairSummary {
  clientVersion: "1.0" | "1.1";
  requestConnection?: string;
  serverVersion: "1.0" | "1.1";
  responseConnection?: string;
  body: "known" | "until-close";
}

/** Keeps only the fields that are set, so `{max: undefined}` and `{}` compare equal. */
function definedOnly(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/** The lib's decision for the same pair, built as the full request/response heads. */
function modelDecision(pair: PairSummary) {
  const request: HeaderPairs = [["Host", "example.test"]];
  if (pair.requestConnection !== undefined) request.push(["Connection", pair.requestConnection]);
  const response: HeaderPairs = [["Content-Type", "text/html"]];
  if (pair.responseConnection !== undefined) response.push(["Connection", pair.responseConnection]);
  if (pair.body === "known") response.push(["Content-Length", "512"]);
  return decidePersistence({
    request: { version: pair.clientVersion, method: "GET", headers: request },
    response: { version: pair.serverVersion, status: 200, headers: response },
  });
}

function describePair(p: PairSummary): string {
  const req = `HTTP/${p.clientVersion} request${p.requestConnection === undefined ? "" : ` with Connection: ${p.requestConnection}`}`;
  const res = `HTTP/${p.serverVersion} response${p.responseConnection === undefined ? "" : ` with Connection: ${p.responseConnection}`}`;
  return `${req}, ${res}, body length ${p.body === "known" ? "known (Content-Length)" : "unknown (read until close)"}`;
}

/** Which proxy (index in the chain) the simulator finds ignoring the second request, or null. */
function modelHang(proxies: ProxyKind[], ask: KeepAliveAsk): number | null {
  const result = simulateProxyChain({ proxies, rttMs: 10, proxyTimeoutMs: 1000, clientHeader: ask, requests: 2 });
  if (result.outcome === "ok") return null;
  const m = /proxy (\d+) \(dumb\): ignores request/.exec(result.explanation);
  if (!m) throw new Error(`the proxy-chain model hung without naming a proxy:\n${result.explanation}`);
  return Number(m[1]) - 1;
}

export const checks = defineChecks({
  "4.5a": (parseKeepAliveParams: (value: string) => KeepAliveParamsResult) => {
    const cases: [string, string][] = [
      ["timeout=5, max=100", "the server will keep the idle connection 5 s and take at most 100 more requests on it."],
      ["max=5, timeout=20", "parameters may come in any order."],
      ["timeout=15", "a server may announce only one of the two; the other is simply not set."],
      ["Timeout = 30 , MAX=2", "names are case-insensitive and spaces around '=' and ',' are not part of names or values."],
      ["timeout=5, debug, server=\"node 20\"", "other parameters (often for debugging) are kept: a bare name has the value null, and quotes are not part of a value."],
      ["", "an empty Keep-Alive header sets nothing."],
      ["timeout=0, max=1", "0 and 1 are real answers: 'do not wait' and 'one more request, then I close'."],
      ["foo=1, foo=2, max=3", "when a name repeats among the other parameters, the first value wins."],
    ];
    for (const [value, why] of cases) {
      expectEqual(definedOnly(parseKeepAliveParams(value)), definedOnly(parseKeepAlive(value)), `parseKeepAliveParams(${JSON.stringify(value)})`, why);
    }
    for (const bad of ["timeout=abc", "max=-1", "timeout=1.5", "timeout", "max="]) {
      expectThrows(() => parseKeepAliveParams(bad), RangeError, `parseKeepAliveParams(${JSON.stringify(bad)})`,
        "timeout and max are counts. Turning a bad one into NaN, a negative or a fraction would make the client's reuse decision " +
        "(reuse this connection or open a new one?) silently wrong; a malformed header must be rejected.");
    }
  },

  "4.5b": (keepsConnectionOpen: (pair: PairSummary) => { persistent: boolean; reason: string }) => {
    const cases: PairSummary[] = [
      { clientVersion: "1.1", serverVersion: "1.1", body: "known" },
      { clientVersion: "1.1", requestConnection: "close", serverVersion: "1.1", body: "known" },
      { clientVersion: "1.1", serverVersion: "1.1", responseConnection: "close", body: "known" },
      { clientVersion: "1.0", serverVersion: "1.1", body: "known" },
      { clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.1", body: "known" },
      { clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "Keep-Alive", body: "known" },
      { clientVersion: "1.0", requestConnection: "keep-alive", serverVersion: "1.0", responseConnection: "KEEP-ALIVE", body: "until-close" },
      { clientVersion: "1.1", serverVersion: "1.0", body: "known" },
      { clientVersion: "1.1", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" },
      { clientVersion: "1.1", serverVersion: "1.1", body: "until-close" },
      { clientVersion: "1.1", requestConnection: "X-Trace, Close", serverVersion: "1.1", responseConnection: "keep-alive", body: "known" },
      { clientVersion: "1.0", requestConnection: "x-trace", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" },
    ];
    for (const pair of cases) {
      const model = modelDecision(pair);
      expectEqual(keepsConnectionOpen({ ...pair }), { persistent: model.persistent, reason: model.rule },
        `keepsConnectionOpen(${JSON.stringify(pair)})\n  (${describePair(pair)})`,
        `${model.reason}. Both ends must reach the same answer from the same two messages: if the client reuses a connection ` +
        "the server is about to close, its next request is lost; if it waits for a close that never comes, it hangs.");
    }
  },

  "4.5c": (connectionsNeeded: (times: number[], server: { max: number; timeoutSeconds: number }, transactionMs?: number) => number) => {
    const cases: [number[], { max: number; timeoutSeconds: number }, number, string][] = [
      [[0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }, 0, "the gap from 2000 to 9000 ms is 7 s of idle time, longer than the 5 s timeout."],
      [[0, 10, 20, 30, 40, 50, 60], { max: 3, timeoutSeconds: 60 }, 0, "max=3: every third response closes the connection, so 7 quick requests need 3 connections."],
      [[0, 5000], { max: 10, timeoutSeconds: 5 }, 0, "idle for exactly the timeout is still open (the server closes only after longer)."],
      [[0, 5001], { max: 10, timeoutSeconds: 5 }, 0, "one millisecond past the timeout and the connection is gone."],
      [[0, 3000, 6000], { max: 10, timeoutSeconds: 2 }, 1500, "idle time runs from the end of a response (start + transactionMs), not from when the request was sent: 1.5 s each."],
      [[0, 100, 200], { max: 1, timeoutSeconds: 30 }, 0, "max=1 is no persistence at all: one connection per request, as plain HTTP/1.0."],
      [[0, 100, 6000, 6100, 6200, 20000], { max: 2, timeoutSeconds: 5 }, 0, "limits interact: max closes after two requests, and the long gap before 20000 ms would have closed it anyway."],
      [[42], { max: 5, timeoutSeconds: 5 }, 0, "one request needs one connection."],
    ];
    for (const [times, server, transactionMs, why] of cases) {
      const expected = simulateKeepAlive({
        client: { version: "1.1" }, server, transactionMs, requests: times.map((atMs) => ({ atMs })),
      }).connectionsOpened;
      expectEqual(connectionsNeeded([...times], { ...server }, transactionMs), expected,
        `connectionsNeeded(${JSON.stringify(times)}, ${JSON.stringify(server)}, ${transactionMs})`,
        `${why} Each extra connection costs a handshake and a fresh slow start, which is what keep-alive was meant to save.`);
    }
  },

  "4.5d": (hangingProxy: (proxies: ProxyKind[], ask: KeepAliveAsk) => number | null) => {
    const cases: [ProxyKind[], KeepAliveAsk, string][] = [
      [["dumb"], "connection", "the dumb proxy forwards Connection: Keep-Alive, the server agrees, the client reuses the connection, and the proxy never reads the second request."],
      [["smart"], "connection", "a smart proxy removes Connection and negotiates keep-alive with each side itself: no hang."],
      [[], "connection", "with no proxy, client and server negotiate directly: no hang."],
      [["dumb"], "proxy-connection", "the server does not know Proxy-Connection, so it does not keep the connection and closes after the response: slow, but no hang."],
      [["smart", "dumb"], "connection", "the smart proxy asks its next hop with Connection: Keep-Alive, and that hop is dumb: the hang moves one hop inwards."],
      [["smart", "dumb"], "proxy-connection", "Proxy-Connection does not help here: the smart proxy itself sends Connection: Keep-Alive into the dumb one."],
      [["dumb", "smart"], "proxy-connection", "the dumb proxy passes Proxy-Connection to the smart one, which takes it as addressed to itself and answers keep-alive: the dumb one in front hangs."],
      [["dumb", "dumb"], "connection", "the first dumb proxy nearest the client is where the second request stops."],
      [["smart", "smart"], "proxy-connection", "a chain of smart proxies negotiates hop by hop: no hang."],
      [["smart", "smart", "dumb"], "connection", "the hang is at the dumb proxy, wherever it sits in the chain."],
    ];
    for (const [proxies, ask, why] of cases) {
      const expected = modelHang(proxies, ask);
      const got = hangingProxy([...proxies], ask);
      if (got === undefined) fail(`hangingProxy(${JSON.stringify(proxies)}, "${ask}")\n  expected ${expected}\n  got      undefined\n  why it matters: return null (not undefined) when nothing hangs.`);
      expectEqual(got, expected, `hangingProxy(${JSON.stringify(proxies)}, "${ask}")`,
        `${why} A hang is the worst failure keep-alive can have: the browser waits for the proxy's timeout with no error to show.`);
    }
  },
});
