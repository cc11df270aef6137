/**
 * Slow start as a round model (RFC 5681 3.1, initial window RFC 6928 / RFC 3390).
 *
 * A new connection may not send a whole response at once: it starts with an
 * initial window (IW, 10 segments for MSS 1460) and widens the window as ACKs
 * come back. The model counts in rounds, one round per round trip:
 *
 *  - round k sends s_k = min(cwnd_k, receive window, what one round can
 *    carry, segments left) segments;
 *  - every ACK adds min(bytes it acknowledges, MSS) to cwnd. Without delayed
 *    ACK each segment gets its own ACK, so cwnd grows by s_k (it doubles);
 *    with delayed ACK one ACK covers two segments and still adds only one
 *    MSS, so cwnd grows by ceil(s_k / 2) (about 1.5x per round);
 *  - with a bandwidth, the link carries at most bandwidth x RTT (the
 *    bandwidth-delay product) per round: once the window reaches it, more
 *    window buys nothing and the transfer runs at link speed;
 *  - time runs from the sender's first segment until the receiver has the
 *    last byte: each round but the last costs max(RTT, its serialisation
 *    time); the last one costs its serialisation time plus the one-way delay.
 *
 * Closed form (no delayed ACK, no limits): after r rounds IW(2^r - 1)
 * segments have gone, so r = ceil(log2(N / IW + 1)) for N segments.
 *
 * Assumptions: no loss (so no ssthresh and no congestion avoidance: the
 * window grows until the receive window or the link caps it), the ACK of a
 * round arrives all at once one RTT after the round started, and the
 * delayed-ACK timer of an odd last segment is ignored (the simulator in
 * lib/sim shows that wait). Serialisation counts the 40 header bytes of
 * every segment (segment.ts).
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject } from "../errors";
import { DEFAULT_MSS, initialWindowSegments } from "./constants";
import { segment } from "./segment";

export interface SlowStartInput {
  bytes: number;
  rttMs: number;
  mss?: number;
  /** in segments; default RFC 6928's (10 for MSS 1460) */
  initialWindow?: number;
  /** true: the receiver ACKs every second segment (default false) */
  delayedAck?: boolean;
  /** bits/s; default unlimited */
  bandwidthBps?: number;
  /** the receiver's window in bytes; default unlimited */
  receiveWindow?: number;
}

export interface SlowStartResult {
  /** how many round trips the transfer takes */
  rounds: number;
  /** from the first segment sent to the last byte received */
  timeMs: number;
  /** segments sent in each round */
  segmentsPerRound: number[];
  /** cwnd (in segments) at the start of each round */
  cwndPerRound: number[];
}

interface Limits {
  rttMs: number;
  mss: number;
  initialWindow: number;
  delayedAck: boolean;
  bandwidthBps: number;
  windowSegments: number;
}

function readInput(input: SlowStartInput): Limits & { bytes: number } {
  const o = optionsObject("input", input);
  const bytes = checkNumber("bytes", o.bytes, { min: 0, integer: true });
  const rttMs = checkNumber("rttMs", o.rttMs, { min: 0 });
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true });
  const initialWindow = optionalNumber("initialWindow", o.initialWindow, initialWindowSegments(mss), { min: 1, integer: true });
  const delayedAck = optionalBoolean("delayedAck", o.delayedAck, false);
  const bandwidthBps = o.bandwidthBps === undefined ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { above: 0 });
  const receiveWindow = o.receiveWindow === undefined ? Infinity : checkNumber("receiveWindow", o.receiveWindow, { min: mss, integer: true });
  return { bytes, rttMs, mss, initialWindow, delayedAck, bandwidthBps, windowSegments: Math.floor(receiveWindow / mss) };
}

/** Milliseconds to put `payloadBytes` on the wire, headers of each segment included (0 on an unlimited link). */
function sendMs(payloadBytes: number, mss: number, bandwidthBps: number): number {
  if (bandwidthBps === Infinity) return 0;
  return (segment(payloadBytes, { mss }).wireBytes * 8 * 1000) / bandwidthBps;
}

/** Segments one round can carry: the bandwidth-delay product in full segments, at least 1. */
function roundCapacity(l: Limits): number {
  if (l.bandwidthBps === Infinity) return Infinity;
  const wirePerSegment = segment(l.mss, { mss: l.mss }).wireBytes;
  return Math.max(1, Math.floor((l.bandwidthBps * l.rttMs) / 1000 / 8 / wirePerSegment));
}

/** cwnd after a round of `sent` segments (RFC 5681 3.1 with byte counting). */
export function nextWindow(cwnd: number, sent: number, delayedAck: boolean): number {
  const acks = delayedAck ? Math.ceil(sent / 2) : sent;
  return cwnd + acks; // each ACK adds at most one MSS
}

export function slowStart(input: SlowStartInput): SlowStartResult {
  const l = readInput(input);
  const total = segment(l.bytes, { mss: l.mss }).segments;
  const result: SlowStartResult = { rounds: 0, timeMs: 0, segmentsPerRound: [], cwndPerRound: [] };
  if (l.bytes === 0) return result;

  const capacity = roundCapacity(l);
  let cwnd = l.initialWindow;
  let sent = 0;
  while (sent < total) {
    const s = Math.min(cwnd, l.windowSegments, capacity, total - sent);
    const payload = Math.min(l.bytes, (sent + s) * l.mss) - sent * l.mss;
    const serialise = sendMs(payload, l.mss, l.bandwidthBps);
    result.segmentsPerRound.push(s);
    result.cwndPerRound.push(cwnd);
    sent += s;
    result.timeMs += sent < total ? Math.max(l.rttMs, serialise) : serialise + l.rttMs / 2;
    cwnd = nextWindow(cwnd, s, l.delayedAck);
  }
  result.rounds = result.segmentsPerRound.length;
  return result;
}
