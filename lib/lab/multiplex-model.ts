/**
 * What simulatePageLoad predicts for the multiplex lab: the same batch on one
 * connection, "pipelined" against "multiplexed", the first request slow at
 * the server. Only adapts the lab's setup; the model lives in lib/http.
 */
import { batchDoneTimes } from "./batch-model";

export interface MultiplexTimes {
  /** when every quick response was complete, ms after the batch was written */
  quickDoneMs: number;
  /** when the slow response was complete */
  slowDoneMs: number;
}

function times(strategy: "pipelined" | "multiplexed", s: { requests: number; slowMs: number; rttMs: number }): MultiplexTimes {
  const done = batchDoneTimes(strategy, { requests: s.requests, rttMs: s.rttMs, serverMs: (i) => (i === 0 ? s.slowMs : 0) });
  return { quickDoneMs: Math.max(...done.slice(1)), slowDoneMs: done[0] };
}

export function modelMultiplex(s: { requests: number; slowMs: number; rttMs: number }): {
  pipelined: MultiplexTimes;
  multiplexed: MultiplexTimes;
} {
  return { pipelined: times("pipelined", s), multiplexed: times("multiplexed", s) };
}
