/**
 * Nagle's algorithm (RFC 896; restated in RFC 1122 4.2.3.4): while any data
 * the sender has sent is still unacknowledged, a segment smaller than the MSS
 * is not sent; the small bytes wait until the ACK comes back or until enough
 * bytes have piled up to fill a whole segment. TCP_NODELAY switches it off.
 *
 * Why it exists: on a slow link, a program that writes one keystroke at a
 * time would send 41-byte packets carrying 1 byte. Nagle turns those into one
 * packet per round trip.
 *
 * Why it hurts: a request written in two small pieces ("write, write, read")
 * sends the first piece, then holds the second until the first is ACKed, and
 * a receiver with delayed ACKs (delayed-ack.ts) sits on that ACK because it
 * has nothing to send back yet. See nagle-delayed-ack.ts for the stall.
 *
 * Sources: RFC 896 inhibits *any* new segment while data is unacknowledged;
 * RFC 1122 4.2.3.4 restates it with the exception modelled here, that a
 * full-sized segment may always go. RFC 1122 says a TCP SHOULD implement the
 * algorithm (a recommendation, not a requirement); the MUST is that an
 * application can turn it off on a single connection (TCP_NODELAY).
 *
 * Assumptions: this function is the RFC 1122 rule, given the unACKed bytes.
 * Linux's Minshall variant (hold a small segment only while an earlier
 * *small* segment is unacknowledged) is the same test fed different bytes:
 * the simulator (lib/sim/tcp-endpoint.ts, nagleVariant "minshall") passes
 * unackedBytes 0 when no small segment is in flight. TCP_CORK is not modelled.
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject, MAX_QUANTITY } from "../errors";
import { DEFAULT_MSS } from "./constants";

export interface NagleInput {
  /** payload bytes of the segment the sender would like to send now */
  segmentBytes: number;
  /** maximum segment size (default 1460) */
  mss?: number;
  /** bytes sent but not yet acknowledged */
  unackedBytes: number;
  /** TCP_NODELAY: true turns Nagle off (default false) */
  nodelay?: boolean;
}

/** True when Nagle makes the sender wait instead of sending this segment now. */
export function nagleHolds(input: NagleInput): boolean {
  const o = optionsObject("input", input);
  const segmentBytes = checkNumber("segmentBytes", o.segmentBytes, { min: 0, integer: true, max: MAX_QUANTITY });
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const unackedBytes = checkNumber("unackedBytes", o.unackedBytes, { min: 0, integer: true, max: MAX_QUANTITY });
  const nodelay = optionalBoolean("nodelay", o.nodelay, false);
  if (segmentBytes > mss) throw new RangeError(`The value of "segmentBytes" is out of range. It must be <= mss (${mss}). Received ${segmentBytes}`);

  const full = segmentBytes === mss;
  return !nodelay && !full && unackedBytes > 0;
}
