/**
 * The options of a TCP connection and of the path it runs on, each documented
 * once, here. The simulator (lib/sim: `new Network(...)`, `net.open(...)`)
 * takes every TCP option; a closed-form model (slow-start.ts, transaction.ts,
 * handshake.ts, ...) takes the few it needs under the same names and with the
 * same meaning (its input type picks them from these). Every default comes
 * from the stack profile named by `stack` (stacks.ts; "linux" unless said),
 * and where stacks differ, each behaviour is a value of an option
 * (docs/CONTRIBUTING.md "Model decisions").
 */
import type { NagleVariant } from "./nagle";

/** How cwnd restarts after an idle period: see TcpOptions.idleRestart. */
export type IdleRestart = "rfc5681" | "linux";

/** A named TCP stack whose defaults the options take (stacks.ts). */
export type StackName = "linux" | "rfc" | "classic";
export const STACK_NAMES: readonly StackName[] = ["linux", "rfc", "classic"];

/** The values of the choice options, for argument checks (lib/index does not export them). */
export const NAGLE_VARIANTS: readonly NagleVariant[] = ["classic", "minshall"];
export const IDLE_RESTARTS: readonly IdleRestart[] = ["rfc5681", "linux"];

export interface TcpOptions {
  /**
   * the stack whose defaults every option below takes unless it is given:
   * "linux" (default), "rfc" or "classic" (stacks.ts describes each)
   */
  stack?: StackName;
  /** maximum segment size: payload bytes per segment (default 1460, DEFAULT_MSS, less 12 with timestamps: 1448) */
  mss?: number;
  /** the RFC 7323 timestamps option on every segment: 12 more header bytes (linux: on) */
  timestamps?: boolean;
  /** the initial congestion window in segments (linux, rfc: RFC 6928's 10 for MSS 1460; classic: 2) */
  initialWindow?: number;
  /**
   * the receiver's delayed-ACK timer in ms (RFC 1122 4.2.3.2, at most 500):
   * 0 turns delayed ACK off, every segment is ACKed at once (linux: 40; rfc, classic: 200)
   */
  delayedAckMs?: number;
  /**
   * Linux's quick-ACK mode (linux: on): the receiver ACKs each of the first
   * data segments at once (up to TCP_MAX_QUICKACKS, 16) until the connection
   * turns interactive, that is, once it answers data with data of its own
   * within the delayed-ACK time (pingpong mode); a delayed-ACK timer that
   * fires ends pingpong mode again
   */
  quickAck?: boolean;
  /**
   * selective acknowledgments (RFC 2018) and SACK-based loss recovery (RFC
   * 6675): several holes repaired per round trip, and after a timeout only
   * what the peer lacks is sent again (linux: on; rfc, classic: off, NewReno)
   */
  sack?: boolean;
  /**
   * F-RTO (RFC 5682, Linux's tcp_frto): after a timeout, resend only the
   * oldest segment and send new data; if the next ACKs acknowledge new data,
   * the timeout was spurious (the window drained slower than the RTO) and
   * its window cut is undone instead of sending the whole window again (linux: on)
   */
  frto?: boolean;
  /**
   * the tail-loss probe (RFC 8985 7, Linux): about 2 SRTT after the last
   * send with no ACK, send one new segment or the last one again, so a lost
   * tail is found without waiting for the RTO (linux: on)
   */
  tailLossProbe?: boolean;
  /**
   * Linux's TSO/GSO packets (linux: on): the sender hands its segments to the
   * device in packets of tcp_tso_autosize segments (2 on the chapter's paths,
   * more only on fast ones; tso.ts), and every packet of more than one
   * segment ends with PSH (__tcp_transmit_skb). So a response's 2nd full
   * segment carries PSH, not only the last one of the write (off: only the last)
   */
  tsoPush?: boolean;
  /**
   * Linux's ACK after a read (linux: on): a segment with PSH, or one smaller
   * than the largest seen, is "pushed" (tcp_measure_rcv_mss); when the
   * application reads it (at once: every model application reads what
   * arrives, in one read what arrives in the same instant) and its ACK is
   * still delayed, the ACK goes now (tcp_cleanup_rbuf), unless the
   * connection is interactive (pingpong) and only one pushed segment waits
   */
  ackAfterRead?: boolean;
  /** Nagle's algorithm on the sender (default true; false is TCP_NODELAY) */
  nagle?: boolean;
  /** which small segments Nagle holds: "classic" (rfc, classic) or "minshall" (linux); see NagleVariant */
  nagleVariant?: NagleVariant;
  /**
   * the receive window in bytes: how much each endpoint lets its peer have in
   * flight towards it (the application reads at once, so it never shrinks);
   * undefined or Infinity = no cap
   */
  receiveWindow?: number;
  /** RFC 6298's first RTO, before any RTT is measured (linux, rfc: 1000 ms; classic: RFC 1122's 3000) */
  initialRtoMs?: number;
  /**
   * the RTO's floor (rfc, classic: RFC 6298 2.4's 1000 ms). linux: 200
   * (TCP_RTO_MIN), and Linux adds it to the smoothed RTT as its least
   * variance term, so its RTO is about SRTT + 200 ms on a steady path.
   */
  minRtoMs?: number;
  /**
   * a fixed RTO in ms instead of the RFC 6298 estimate (undefined: estimate);
   * timeouts still back off, doubling
   */
  rtoMs?: number;
  /**
   * the client's third handshake packet is a bare ACK even when the
   * application has data waiting (linux: true, connect() returns before the
   * first write); false: the data carries the ACK
   */
  bareHandshakeAck?: boolean;
  /**
   * restart cwnd after more than one RTO with nothing sent and
   * everything ACKed (default true; Linux's net.ipv4.tcp_slow_start_after_idle
   * is on by default too)
   */
  slowStartAfterIdle?: boolean;
  /**
   * how cwnd restarts after idle:
   *  - "rfc5681" (rfc, classic; RFC 5681 4.1): back to min(IW, cwnd) at once;
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
   *  - 1 (rfc, classic): RFC 5681 3.1's cwnd += min(N, SMSS) per ACK. An ACK that
   *    covers two segments (a delayed ACK) adds one MSS, not two, so with
   *    delayed ACKs cwnd grows about 1.5x per RTT.
   *  - 2: RFC 3465's Appropriate Byte Counting with its largest allowed
   *    limit, L = 2*SMSS.
   *  - Infinity (linux, tcp_slow_start): every segment an ACK covers counts,
   *    so a stretch ACK for two segments adds two. (Linux counts whole
   *    packets, so a small segment counts as one; the models count its bytes.)
   * Without delayed ACK every segment has its own ACK and every rule doubles
   * cwnd per RTT; with delayed ACKs, 2 and Infinity still double it.
   * A whole number >= 1, or Infinity (checkAbcLimit).
   */
  abcLimit?: number;
}

/** Each direction's loss rate, when they differ. */
export interface DirectionalLoss {
  clientToServer: number;
  serverToClient: number;
}

/** The path between the two hosts. */
export interface PathOptions {
  /** the round-trip propagation delay in ms, split evenly between the two directions */
  rttMs?: number;
  /** the bandwidth in bits/s, the same both ways; omitted = unlimited (putting bytes on the wire takes no time) */
  bandwidthBps?: number;
  /**
   * the chance that the path drops a packet, in [0, 1), drawn on its own
   * for every packet (Bernoulli): one rate for both directions or one per
   * direction; default 0. The packet still takes its time on the sender's
   * link; it is lost after it.
   */
  lossRate?: number | DirectionalLoss;
  /** the seed of the loss draws (a whole number, default 1): the same seed, the same losses */
  seed?: number;
  /** packets to drop, by their number in the order they are handed to the link (0 = the first SYN) */
  dropPackets?: readonly number[];
}
