/**
 * The model side of the segments lab: simulatePageLoad on the same page,
 * loaded the same way, with loopback's numbers (the measured RTT, a link so
 * fast that serialisation does not count, the mss the kernel reports, Nagle
 * off as the lab's sockets have it), and its trace counted the way the lab
 * reads the kernel's counters: per connection, up to the moment its last
 * response byte reaches the client, without the close (a FIN and every
 * packet of that connection after it). Also the comparison of the two
 * counts, exported so a test can hold the model to the measurement.
 * Only adapts inputs and counts; the model lives in lib/http and lib/sim.
 */
import { simulatePageLoad, type Page, type PageLoadResult, type PageLoadStrategy } from "../http/page-load";
import type { Trace } from "../tcp/trace";

/** Segments of one load, each direction, all of them and those with payload. */
export interface SegmentCounts {
  clientToServer: number;
  serverToClient: number;
  dataClientToServer: number;
  dataServerToClient: number;
}

export interface SegmentsModelInput {
  /** whole responses on the wire (head and body), as the lab's server sent them */
  page: Page;
  strategy: PageLoadStrategy;
  rttMs: number;
  /** the segment size the kernel reported for the sending end */
  mss: number;
  /** a whole request on the wire */
  requestBytes: number;
}

export interface SegmentsModel {
  connections: number;
  segments: SegmentCounts;
}

/** Slack for comparing two times the simulator computed along different sums. */
const TIME_SLACK_MS = 1e-9;

const zero = (): SegmentCounts => ({ clientToServer: 0, serverToClient: 0, dataClientToServer: 0, dataServerToClient: 0 });

/** When each connection's last response was complete at the client (ms), by connection number. */
function lastByteByConnection(result: Pick<PageLoadResult, "requests" | "connections">): Map<number, number> {
  const doneByIndex = new Map(result.requests.map((r) => [r.index, r.doneMs]));
  const last = new Map<number, number>();
  for (const c of result.connections) last.set(c.conn, Math.max(...c.requests.map((i) => doneByIndex.get(i) ?? Number.NaN)));
  return last;
}

/**
 * The packets of `trace` the kernel's counters would hold when the lab reads
 * them: on each connection, those sent no later than its last response
 * byte's arrival (the ACK that byte draws at once included), FINs excluded:
 * the lab's server closes only after reading the counters, where the
 * model's serial and parallel servers close right after the response.
 */
export function countUntilLastByte(trace: Trace, lastByteMs: ReadonlyMap<number, number>): SegmentCounts {
  const counts = zero();
  for (const p of trace) {
    const last = lastByteMs.get(p.conn);
    if (p.flags.includes("FIN") || last === undefined || !(p.tMs <= last + TIME_SLACK_MS)) continue;
    if (p.from === "client") {
      counts.clientToServer++;
      if (p.bytes > 0) counts.dataClientToServer++;
    } else {
      counts.serverToClient++;
      if (p.bytes > 0) counts.dataServerToClient++;
    }
  }
  return counts;
}

/** What the model counts for one load of the lab's page. */
export function modelSegments(s: SegmentsModelInput): SegmentsModel {
  const result = simulatePageLoad({
    page: s.page,
    strategy: s.strategy,
    rttMs: s.rttMs,
    bandwidthBps: Infinity,
    mss: s.mss,
    nagle: false,
    requestBytes: s.requestBytes,
    stack: "linux", // the kernel the lab measures
  });
  return { connections: result.connectionsOpened, segments: countUntilLastByte(result.trace, lastByteByConnection(result)) };
}

/** One strategy's row of the comparison. */
export interface SegmentComparison {
  strategy: PageLoadStrategy;
  real: SegmentCounts & { connections: number };
  model: SegmentCounts & { connections: number };
  /** (model - real) / real over all segments both ways, in percent (1 decimal); null when nothing was counted */
  differencePct: number | null;
}

const total = (c: SegmentCounts) => c.clientToServer + c.serverToClient;

/** The model's count against the kernel's, strategy by strategy. */
export function compareSegments(
  rows: readonly { strategy: PageLoadStrategy; real: SegmentCounts & { connections: number }; model: SegmentsModel }[],
): SegmentComparison[] {
  return rows.map(({ strategy, real, model }) => {
    const realTotal = total(real);
    const differencePct =
      realTotal > 0 && Number.isFinite(realTotal) ? Math.round(((total(model.segments) - realTotal) / realTotal) * 1000) / 10 : null;
    return { strategy, real, model: { ...model.segments, connections: model.connections }, differencePct };
  });
}
