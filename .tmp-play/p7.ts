import { simulatePageLoad } from "../lib/http/page-load";
import { checkResponseBody, responseFraming, decidePersistence, simulateKeepAlive } from "../lib/index";
const page = { htmlBytes: 10_000, objectBytes: Array(8).fill(15_000) };
for (const rtt of [20, 100, 200]) for (const [s, m] of [["serial", 1], ["parallel", 4], ["persistent", 1], ["persistent", 4], ["persistent", 2]] as const) {
  const r = simulatePageLoad({ page, strategy: s, maxConnections: m, rttMs: rtt, bandwidthBps: 10e6 });
  console.log(rtt, s, m, r.elapsedMs.toFixed(1), r.connectionsOpened, r.packets);
}
console.log(checkResponseBody({ headers: { "Content-Length": "5000" } }, 3100));
console.log(decidePersistence({ request: { version: "1.0", headers: { Connection: "keep-alive" } }, response: { version: "1.1", headers: { Connection: "keep-alive", "Content-Length": "3" } }, serverIsProxy: true }));
const r = simulateKeepAlive({ client: { version: "1.0" }, server: { version: "1.0", timeoutSeconds: 5, max: 10 }, requests: [{atMs:0},{atMs:100, askKeepAlive:false},{atMs:200}], transactionMs: 50 });
console.log(r.steps.map(s => [s.conn, s.request.headers, s.response.headers, s.rule, s.closeReason]));
