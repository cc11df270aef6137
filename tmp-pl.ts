import { simulatePageLoad, PAGE_LOAD_STRATEGIES } from "./lib/http/page-load";
for (const [rttMs, bandwidthBps] of [[100, 10e6], [10, 1e6]]) {
  for (const strategy of PAGE_LOAD_STRATEGIES) {
    const r = simulatePageLoad({ page: { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] }, strategy, rttMs, bandwidthBps });
    console.log(rttMs, bandwidthBps, strategy, r.elapsedMs.toFixed(1), r.packets, r.wireBytes, r.connectionsOpened, r.requests.map(q=>`${q.conn}:${q.doneMs.toFixed(0)}`).join(" "));
  }
}
