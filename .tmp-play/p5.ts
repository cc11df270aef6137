import { simulatePageLoad } from "../lib/http/page-load";
for (const strategy of ["serial", "parallel", "persistent", "pipelined"] as const) {
  const r = simulatePageLoad({ page: { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] }, strategy, rttMs: 100, bandwidthBps: 10e6 });
  console.log(strategy, r.elapsedMs, r.packets, r.wireBytes, r.connectionsOpened, Object.keys(r));
}
const r = simulatePageLoad({ page: { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] }, strategy: "serial", rttMs: 100, bandwidthBps: 10e6 });
console.log(r.requests);
