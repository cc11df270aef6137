import { simulatePageLoad } from "./lib/http/page-load";
import { sequenceDiagramText } from "./lib/viz/sequence-diagram";
for (const strategy of ["serial", "pipelined"] as const) {
const r = simulatePageLoad({ page: { htmlBytes: 2000, objectBytes: [1000, 3000] }, strategy, rttMs: 100, bandwidthBps: 10e6 });
console.log(strategy, r.elapsedMs, r.packets);
console.log(sequenceDiagramText(r.trace));
console.log(r.requests, r.connections);
}
