/**
 * The congestion window's rules (RFC 5681, Reno; RFC 6582, NewReno's
 * recovery), as small functions on a window in bytes, shared by the
 * simulated TCP sender (lib/sim/tcp-endpoint.ts) and the simulated QUIC
 * sender, which RFC 9002 7 gives the same rules.
 *
 *  - Slow start while cwnd < ssthresh: each ACK of new data adds
 *    min(bytes acknowledged, abcLimit x MSS) (RFC 5681 3.1, RFC 3465).
 *  - Congestion avoidance above it: about one MSS per round trip, as
 *    MSS x MSS / cwnd per ACK (RFC 5681 3.1, equation 3).
 *  - A loss found by three duplicate ACKs: ssthresh = max(FlightSize / 2,
 *    2 MSS) (equation 4), cwnd = ssthresh + 3 MSS while the lost segment is
 *    resent (3.2), and back to ssthresh when recovery ends.
 *  - A retransmission timeout: the same ssthresh, and cwnd = 1 MSS, the
 *    loss window (3.1): the sender starts over in slow start.
 */
import { checkNumber, RULES } from "../errors";

export interface CongestionWindow {
  /** the congestion window in bytes */
  cwndBytes: number;
  /** the slow-start threshold in bytes (Infinity until the first loss, RFC 5681 3.1) */
  ssthreshBytes: number;
}

/** Slow start below ssthresh, congestion avoidance above it: the growth for one ACK of `ackedBytes` new bytes. */
export function growWindow(w: CongestionWindow, ackedBytes: number, mss: number, abcLimit: number): void {
  checkNumber("ackedBytes", ackedBytes, RULES.quantity);
  if (w.cwndBytes < w.ssthreshBytes) w.cwndBytes += Math.min(ackedBytes, abcLimit * mss);
  else w.cwndBytes += Math.max(1, Math.floor((mss * mss) / w.cwndBytes));
}

/** RFC 5681 equation 4: half the data in flight, at least two segments. */
export function ssthreshAfterLoss(flightBytes: number, mss: number): number {
  return Math.max(Math.floor(checkNumber("flightBytes", flightBytes, RULES.quantity) / 2), 2 * mss);
}

/** Three duplicate ACKs: halve, and inflate by the three segments that have left the network (RFC 5681 3.2). */
export function enterFastRecovery(w: CongestionWindow, flightBytes: number, mss: number): void {
  w.ssthreshBytes = ssthreshAfterLoss(flightBytes, mss);
  w.cwndBytes = w.ssthreshBytes + 3 * mss;
}

/** A retransmission timeout: halve ssthresh, and start again from one segment (RFC 5681 3.1). */
export function afterTimeout(w: CongestionWindow, flightBytes: number, mss: number): void {
  w.ssthreshBytes = ssthreshAfterLoss(flightBytes, mss);
  w.cwndBytes = mss;
}
