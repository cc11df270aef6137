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
 * has nothing to send back yet. lib/sim/nagle-delayed-ack.ts plays that stall.
 *
 * Sources: RFC 896 inhibits *any* new segment while data is unacknowledged;
 * RFC 1122 4.2.3.4 restates it with the exception modelled here, that a
 * full-sized segment may always go. RFC 1122 says a TCP SHOULD implement the
 * algorithm (a recommendation, not a requirement); the MUST is that an
 * application can turn it off on a single connection (TCP_NODELAY).
 *
 * Assumptions: this function is the RFC 1122 rule, given the unACKed bytes.
 * Linux's Minshall variant (NagleVariant "minshall") is the same test fed
 * different bytes: the simulator (lib/sim/tcp-endpoint.ts) passes
 * unackedBytes 0 when no small segment is in flight. TCP_CORK is not modelled.
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";
import { DEFAULT_MSS } from "./constants";

const say = messages("tcp/nagle", {
  atMostMss: { en: "<= mss ({mss})", ko: "mss({mss}) 이하" },
});

/**
 * Which small segments Nagle holds back (TcpOptions.nagleVariant):
 *  - "classic" (the default): RFC 896 as RFC 1122 4.2.3.4 states it: a
 *    full-sized segment may always go, a small one waits while anything sent
 *    is unACKed;
 *  - "minshall" (Linux): a small segment waits only while an earlier *small*
 *    segment is unACKed, so the small tail of a large write is not held
 *    behind the full-sized segments before it.
 */
export type NagleVariant = "classic" | "minshall";

export interface NagleInput {
  /** payload bytes of the segment the sender would like to send now */
  segmentBytes: number;
  /** maximum segment size: see TcpOptions.mss */
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
  if (segmentBytes > mss) outOfRange("segmentBytes", say.atMostMss({ mss }), segmentBytes);

  return nagleWaits(segmentBytes, mss, unackedBytes, nodelay);
}

/** nagleHolds for arguments already checked (the simulator asks for every segment): a small segment waits while data is unACKed. */
export function nagleWaits(segmentBytes: number, mss: number, unackedBytes: number, nodelay: boolean): boolean {
  return !nodelay && segmentBytes !== mss && unackedBytes > 0;
}
