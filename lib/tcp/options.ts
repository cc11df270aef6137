/**
 * The options of a TCP connection and of the path it runs on, each documented
 * once, here. The simulator (lib/sim: `new Network(...)`, `net.open(...)`)
 * takes every TCP option; a closed-form model (slow-start.ts, transaction.ts,
 * handshake.ts, ...) takes the few it needs under the same names and with the
 * same meaning (its input type picks them from these). The defaults follow
 * the RFCs; where Linux differs, its behaviour is a value of the option
 * (docs/CONTRIBUTING.md "Model decisions").
 */
import type { NagleVariant } from "./nagle";

/** How cwnd restarts after an idle period: see TcpOptions.idleRestart. */
export type IdleRestart = "rfc5681" | "linux";

/** The values of the choice options, for argument checks (lib/index does not export them). */
export const NAGLE_VARIANTS: readonly NagleVariant[] = ["classic", "minshall"];
export const IDLE_RESTARTS: readonly IdleRestart[] = ["rfc5681", "linux"];

export interface TcpOptions {
  /** maximum segment size: payload bytes per segment (default 1460, DEFAULT_MSS) */
  mss?: number;
  /** the initial congestion window in segments (default RFC 6928's: 10 for MSS 1460) */
  initialWindow?: number;
  /**
   * the receiver's delayed-ACK timer in ms (RFC 1122 4.2.3.2, at most 500):
   * 0 turns delayed ACK off, every segment is ACKed at once; default Linux's 40
   */
  delayedAckMs?: number;
  /** Nagle's algorithm on the sender (default true; false is TCP_NODELAY) */
  nagle?: boolean;
  /** which small segments Nagle holds: "classic" (default) or "minshall" (Linux); see NagleVariant */
  nagleVariant?: NagleVariant;
  /**
   * the receive window in bytes: how much each endpoint lets its peer have in
   * flight towards it (the application reads at once, so it never shrinks);
   * undefined or Infinity = no cap
   */
  receiveWindow?: number;
  /**
   * the retransmission timeout in ms, used here as the idle time after which
   * cwnd restarts (RFC 5681 4.1); default RFC 6298 2.4's 1 s minimum. Linux's
   * RTO is the smoothed RTT plus a variance term of at least 200 ms, so about
   * RTT + 200 ms on a steady path: pass rttMs + LINUX_MIN_RTO_MS for Linux.
   */
  rtoMs?: number;
  /**
   * restart cwnd after more than one RTO (rtoMs) with nothing sent and
   * everything ACKed (default true; Linux's net.ipv4.tcp_slow_start_after_idle
   * is on by default too)
   */
  slowStartAfterIdle?: boolean;
  /**
   * how cwnd restarts after idle:
   *  - "rfc5681" (default, RFC 5681 4.1): back to min(IW, cwnd) at once;
   *  - "linux" (tcp_cwnd_restart, after RFC 2861): cwnd is halved
   *    ceil(idle / RTO) - 1 times (once for an idle time just over one RTO,
   *    twice past two), never below min(IW, cwnd), so a short pause costs only
   *    part of the window.
   */
  idleRestart?: IdleRestart;
  /**
   * The slow-start growth rule: the most segments one ACK may add to cwnd
   * (L, in segments, after RFC 3465's Appropriate Byte Counting). An ACK that
   * acknowledges new data adds min(bytes it acknowledges, abcLimit x MSS).
   *  - 1 (default): RFC 5681 3.1's cwnd += min(N, SMSS) per ACK. An ACK that
   *    covers two segments (a delayed ACK) adds one MSS, not two, so with
   *    delayed ACKs cwnd grows about 1.5x per RTT.
   *  - 2: RFC 3465's Appropriate Byte Counting with its largest allowed
   *    limit, L = 2*SMSS.
   *  - Infinity: Linux (tcp_slow_start): every segment an ACK covers counts,
   *    so a stretch ACK for two segments adds two. (Linux counts whole
   *    packets, so a small segment counts as one; the models count its bytes.)
   * Without delayed ACK every segment has its own ACK and every rule doubles
   * cwnd per RTT; with delayed ACKs, 2 and Infinity still double it.
   * A whole number >= 1, or Infinity (checkAbcLimit).
   */
  abcLimit?: number;
}

/** The path between the two hosts. */
export interface PathOptions {
  /** the round-trip propagation delay in ms, split evenly between the two directions */
  rttMs?: number;
  /** the bandwidth in bits/s, the same both ways; omitted = unlimited (putting bytes on the wire takes no time) */
  bandwidthBps?: number;
}
