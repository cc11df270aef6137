import { simulateProxyChain, simulateKeepAlive, decidePersistence } from "../lib/index";
import { hangingProxy, connectionsNeeded, keepsConnectionOpen } from "../solutions/persistent-connections";
function simHang(proxies: ("dumb"|"smart")[], ask: "connection"|"proxy-connection") {
  const r = simulateProxyChain({ proxies, rttMs: 10, proxyTimeoutMs: 1000, clientHeader: ask });
  if (r.outcome === "ok") return null;
  const m = /proxy (\d+) \(dumb\): ignores request/.exec(r.explanation);
  return m ? Number(m[1]) - 1 : "??" ;
}
let bad = 0, n = 0;
const kinds = ["dumb", "smart"] as const;
function* chains(len: number): Generator<("dumb"|"smart")[]> { if (len === 0) { yield []; return; } for (const c of chains(len - 1)) for (const k of kinds) yield [...c, k]; }
for (let len = 0; len <= 4; len++) for (const c of chains(len)) for (const ask of ["connection", "proxy-connection"] as const) {
  n++; const a = simHang(c, ask), b = hangingProxy(c, ask);
  if (a !== b) { bad++; console.log("MISMATCH", c, ask, a, b); }
}
console.log("proxy", n, bad);
// 4.5c random
let bad2 = 0;
for (let t = 0; t < 2000; t++) {
  const k = 1 + Math.floor(Math.random() * 8); let at = 0; const times: number[] = []; const tx = Math.floor(Math.random()*3)*50;
  for (let i = 0; i < k; i++) { at += tx + [0, 500, 1000, 2000, 3000, 5000, 7000][Math.floor(Math.random()*7)]; times.push(at); }
  const server = { max: 1 + Math.floor(Math.random()*4), timeoutSeconds: [0, 1, 2, 5][Math.floor(Math.random()*4)] };
  const exp = simulateKeepAlive({ client: { version: "1.1" }, server, requests: times.map((atMs) => ({ atMs })), transactionMs: tx }).connectionsOpened;
  const got = connectionsNeeded(times, server, tx);
  if (exp !== got) { bad2++; if (bad2 < 5) console.log("MISMATCH c", times, server, tx, exp, got); }
}
console.log("conns bad", bad2);
// 4.5b all combos
let bad3 = 0, n3 = 0;
const conns = [undefined, "close", "keep-alive", "Keep-Alive", "close, keep-alive", "x-foo"];
for (const cv of ["1.0", "1.1"] as const) for (const sv of ["1.0", "1.1"] as const) for (const rq of conns) for (const rs of conns) for (const body of ["known", "until-close"] as const) {
  n3++;
  const reqH: [string,string][] = rq ? [["Connection", rq]] : [];
  const resH: [string,string][] = [...(rs ? [["Connection", rs]] as [string,string][] : []), ...(body === "known" ? [["Content-Length", "10"]] as [string,string][] : [])];
  const d = decidePersistence({ request: { version: cv, headers: reqH }, response: { version: sv, headers: resH } });
  const g = keepsConnectionOpen({ clientVersion: cv, serverVersion: sv, requestConnection: rq, responseConnection: rs, body });
  if (d.persistent !== g.persistent || d.rule !== g.reason) { bad3++; console.log("MISMATCH b", cv, sv, rq, rs, body, d.rule, g); }
}
console.log("persist", n3, bad3);
