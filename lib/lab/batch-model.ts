/**
 * The model side of labs that send a batch of small requests on one open
 * connection: simulatePageLoad's objects, timed from the moment the batch
 * starts (the HTML's arrival in the model, which stands for "connection open
 * and idle"). Loopback: the measured RTT and a link so fast that
 * serialisation does not count.
 */
import { simulatePageLoad } from "../http/page-load";
import type { PageLoadStrategy } from "../http/page-load";

/** Bytes of one small lab response on the wire (status line, a few headers, a short body). */
export const SMALL_RESPONSE_BYTES = 120;
const LOOPBACK_BPS = 10e9;

export interface BatchSetup {
  requests: number;
  rttMs: number;
  /** server time of object i (0-based), default 0 */
  serverMs?: (i: number) => number;
}

/** ms from the start of the batch until each object's response is complete, in request order. */
export function batchDoneTimes(strategy: PageLoadStrategy, s: BatchSetup): number[] {
  const r = simulatePageLoad({
    page: { htmlBytes: SMALL_RESPONSE_BYTES, objectBytes: Array(s.requests).fill(SMALL_RESPONSE_BYTES) },
    strategy,
    rttMs: s.rttMs,
    bandwidthBps: LOOPBACK_BPS,
    serverMs: (req) => (req.kind === "html" ? 0 : (s.serverMs?.(req.index - 1) ?? 0)),
  });
  const start = r.requests.find((q) => q.kind === "html")!.doneMs;
  return r.requests
    .filter((q) => q.kind !== "html")
    .sort((a, b) => a.index - b.index)
    .map((q) => q.doneMs - start);
}
