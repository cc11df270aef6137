/**
 * How many segments Linux hands to the device in one TSO/GSO packet, and why
 * that shows on the wire: __tcp_transmit_skb sets PSH on every packet of more
 * than one segment ("to expedite GRO flush at receiver"), so after GSO cuts it
 * up, the packet's last segment carries PSH even in the middle of a write. A
 * packet of one segment keeps PSH only at the end of a write, and so does a
 * retransmission (the flag is set on the copy that leaves, not on the queued data).
 *
 * tcp_write_xmit sizes the packets with tcp_tso_autosize: about 1 ms of the
 * pacing rate (sk_pacing_shift 10), plus, on paths under about 16 ms, a share
 * of the 64 KB GSO limit that halves with every 512 us of the minimum RTT
 * (tcp_tso_rtt_log 9); never fewer than tcp_min_tso_segs (2) segments, never
 * more than 64 KB. The pacing rate (tcp_update_pacing_rate) is
 * max(cwnd, packets in flight) x MSS / SRTT, times 2 while cwnd is below
 * half of ssthresh (tcp_pacing_ss_ratio 200 %) and 1.2 after (tcp_pacing_ca_ratio).
 * On the chapter's paths (up to tens of Mbit/s, RTT from 20 ms) that is 2
 * segments: PSH on every second segment of a burst.
 *
 * Assumption: the smoothed RTT stands in for the minimum RTT (the engine
 * keeps no windowed minimum); the two differ only under a standing queue.
 */
import { checkNumber, optionsObject, MAX_QUANTITY } from "../errors";

/** Linux's GSO_LEGACY_MAX_SIZE: the most bytes one TSO/GSO packet carries. */
export const GSO_MAX_BYTES = 65536;
/** net.ipv4.tcp_min_tso_segs: the fewest segments tcp_tso_autosize asks for. */
export const MIN_TSO_SEGMENTS = 2;

export interface TsoInput {
  /** payload bytes per segment */
  mss: number;
  /** congestion window and ssthresh in bytes (ssthresh may be Infinity) */
  cwndBytes: number;
  ssthreshBytes: number;
  /** bytes sent and not yet acknowledged */
  inFlightBytes: number;
  /** smoothed RTT in ms; undefined before the first sample (Linux's pacing rate then has no limit: 64 KB packets) */
  srttMs: number | undefined;
}

/** Segments per TSO/GSO packet (tcp_tso_autosize), for a sender in the state given. */
export function tsoSegments(input: TsoInput): number {
  const o = optionsObject("input", input);
  const mss = checkNumber("mss", o.mss, { min: 1, integer: true, max: MAX_QUANTITY });
  const cwnd = checkNumber("cwndBytes", o.cwndBytes, { min: 0 });
  const ssthresh = o.ssthreshBytes === Infinity ? Infinity : checkNumber("ssthreshBytes", o.ssthreshBytes, { min: 0 });
  const inFlight = checkNumber("inFlightBytes", o.inFlightBytes, { min: 0 });
  const srtt = o.srttMs === undefined ? undefined : checkNumber("srttMs", o.srttMs, { min: 0 });
  return tsoSegmentsUnchecked(mss, cwnd, ssthresh, inFlight, srtt);
}

/** tsoSegments without the argument checks, for the engine's send loop (its state is valid by construction). */
export function tsoSegmentsUnchecked(mss: number, cwnd: number, ssthresh: number, inFlight: number, srttMs: number | undefined): number {
  if (srttMs === undefined || srttMs <= 0) return Math.max(Math.floor(GSO_MAX_BYTES / mss), MIN_TSO_SEGMENTS);
  const ratio = cwnd < ssthresh / 2 ? 2 : 1.2;
  let bytes = (ratio * Math.max(cwnd, inFlight) * 1000) / srttMs / 1024; // sk_pacing_rate >> sk_pacing_shift
  const halvings = Math.floor((srttMs * 1000) / 512); // min RTT in us >> tcp_tso_rtt_log
  if (halvings < 32) bytes += Math.floor(GSO_MAX_BYTES / 2 ** halvings);
  return Math.max(Math.floor(Math.min(bytes, GSO_MAX_BYTES) / mss), MIN_TSO_SEGMENTS);
}
