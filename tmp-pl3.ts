import { simulatePageLoad } from "./lib/http/page-load";
const page = { htmlBytes: 10_000, objectBytes: Array.from({ length: 6 }, () => 20_000) };
for (const m of [1,2,4,6]) console.log(m, simulatePageLoad({ page, strategy: "parallel", maxConnections: m, rttMs: 10, bandwidthBps: 1e6 }).elapsedMs,
 simulatePageLoad({ page, strategy: "parallel", maxConnections: m, rttMs: 100, bandwidthBps: 10e6 }).elapsedMs);
console.log(simulatePageLoad({ page, strategy: "serial", rttMs: 10, bandwidthBps: 1e6 }).elapsedMs);
