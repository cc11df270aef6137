/**
 * What simulatePageLoad predicts for the multiplex lab: the same batch on one
 * connection, "pipelined" against "multiplexed", the first object slow at the
 * server. Only adapts the lab's setup; the model lives in lib/http.
 * Times count from when the batch is written (the HTML's arrival in the model).
 */
import { simulatePageLoad } from "../http/page-load";
import type { PageLoadStrategy } from "../http/page-load";

export interface MultiplexTimes {
  /** when every quick response was complete, ms after the batch was written */
  quickDoneMs: number;
  /** when the slow response was complete */
  slowDoneMs: number;
}

/** Bytes of one small lab response on the wire (status line, a few headers, "item N"). */
const RESPONSE_BYTES = 120;

function run(strategy: PageLoadStrategy, s: { requests: number; slowMs: number; rttMs: number }): MultiplexTimes {
  const r = simulatePageLoad({
    page: { htmlBytes: RESPONSE_BYTES, objectBytes: Array(s.requests).fill(RESPONSE_BYTES) },
    strategy,
    rttMs: s.rttMs,
    bandwidthBps: 10e9, // loopback: serialisation is negligible
    serverMs: (req) => (req.index === 1 ? s.slowMs : 0),
  });
  const start = r.requests.find((q) => q.kind === "html")!.doneMs;
  const objects = r.requests.filter((q) => q.kind !== "html");
  return {
    quickDoneMs: Math.max(...objects.filter((q) => q.index !== 1).map((q) => q.doneMs)) - start,
    slowDoneMs: objects.find((q) => q.index === 1)!.doneMs - start,
  };
}

export function modelMultiplex(s: { requests: number; slowMs: number; rttMs: number }): { pipelined: MultiplexTimes; multiplexed: MultiplexTimes } {
  return { pipelined: run("pipelined", s), multiplexed: run("multiplexed", s) };
}
