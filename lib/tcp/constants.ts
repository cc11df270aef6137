/**
 * TCP and OS defaults used by every model: one place for each number, with
 * the source it comes from.
 */
import { checkNumber, MAX_QUANTITY } from "../errors";

/** Ethernet MTU 1500 minus 20-byte IP and 20-byte TCP headers (RFC 879, RFC 6691). */
export const DEFAULT_MSS = 1460;
/** IPv4 header without options (RFC 791). */
export const IP_HEADER_BYTES = 20;
/** TCP header without options (RFC 9293 3.1). */
export const TCP_HEADER_BYTES = 20;

/** RFC 6928: IW = min(10*MSS, max(2*MSS, 14600)) bytes. */
export function initialWindowBytes(mss: number): number {
  checkNumber("mss", mss, { min: 1, integer: true, max: MAX_QUANTITY });
  return Math.min(10 * mss, Math.max(2 * mss, 14600));
}
/** RFC 6928's initial window in whole segments for a given MSS. */
export function initialWindowSegments(mss: number = DEFAULT_MSS): number {
  return Math.floor(initialWindowBytes(mss) / mss);
}

/** Linux's minimum delayed-ACK timer (TCP_DELACK_MIN = HZ/25 = 40 ms). */
export const LINUX_DELAYED_ACK_MS = 40;
/** The classic BSD / Windows delayed-ACK timer; RFC 1122 4.2.3.2 caps it at 500 ms. */
export const CLASSIC_DELAYED_ACK_MS = 200;
/** RFC 1122 4.2.3.2: an ACK must not be delayed more than 500 ms. */
export const MAX_DELAYED_ACK_MS = 500;

/** Linux TIME_WAIT length (TCP_TIMEWAIT_LEN), fixed at 60 s. */
export const LINUX_TIME_WAIT_SECONDS = 60;
/** RFC 9293 3.4.2: MSL is 2 minutes, so 2MSL is 240 s. */
export const RFC_TIME_WAIT_SECONDS = 240;
/** Linux's default net.ipv4.ip_local_port_range. */
export const LINUX_EPHEMERAL_PORTS = { low: 32768, high: 60999 } as const;
/** IANA's suggested dynamic port range (RFC 6335). */
export const IANA_EPHEMERAL_PORTS = { low: 49152, high: 65535 } as const;

/** RFC 6298 2.4: the retransmission timeout is never below 1 second (also its initial value, 2.1). */
export const RFC_MIN_RTO_MS = 1000;
/**
 * RFC 1122 4.2.3.1's initial RTO, 3 s, kept by RFC 2988; RFC 6298 5.7 still
 * falls back to it for data after a SYN timed out (Linux: TCP_TIMEOUT_FALLBACK).
 */
export const RFC1122_INITIAL_RTO_MS = 3000;
/**
 * Linux's floor on the RTO's variance term (TCP_RTO_MIN, 200 ms): its RTO is
 * about the smoothed RTT + 200 ms on a steady path, not a flat 1 s.
 */
export const LINUX_MIN_RTO_MS = 200;

/**
 * Linux's TCP_MAX_QUICKACKS: the most data segments a receiver in quick-ACK
 * mode acknowledges one by one at the start of a connection. (The kernel
 * starts from its receive window / (2 x MSS), capped at 16.)
 */
export const LINUX_MAX_QUICKACKS = 16;
/** Linux's tcp_syn_retries: a SYN is sent again at most 6 times (1 + 2 + ... + 64 s, then the connect fails). */
export const SYN_RETRIES = 6;
/** Linux's tcp_synack_retries: a SYN-ACK is sent again at most 5 times. */
export const SYNACK_RETRIES = 5;
/** Linux's tcp_retries2 (RFC 9293 3.8.3's R2): 15 timeouts in a row on data, then the connection is aborted. */
export const DATA_RETRIES = 15;

/** RFC 8985 7.2's WCDelAckT (Linux: TCP_DELACK_MAX): the longest a receiver may hold an ACK, 200 ms. */
export const WORST_CASE_DELAYED_ACK_MS = 200;
/** Linux's floor on the tail-loss probe timeout (tcp_schedule_loss_probe), 10 ms. */
export const MIN_PROBE_TIMEOUT_MS = 10;
/**
 * Linux's first guess of the peer's segment size before any data arrives
 * (TCP_MSS_DEFAULT, RFC 9293's 536): a receiver ACKs at once when more than
 * one such "receive MSS" waits, and the guess grows to the largest segment seen.
 */
export const LINUX_INITIAL_RCV_MSS = 536;
