/**
 * Named TCP stacks: each bundles the value of every TCP option (options.ts)
 * the way one family of real stacks sets it, so that a number in a notebook
 * can say which stack it comes from. An explicit option still overrides its
 * profile's value (tcpConfig in lib/sim/tcp-endpoint.ts).
 *
 *  - "linux" (the default): what a current Linux kernel does out of the box.
 *    The timestamps option (RFC 7323) on every segment, so 1448 payload bytes
 *    on an Ethernet path; RFC 6928's IW10; a 40 ms delayed-ACK timer with
 *    quick-ACK at the start of a connection and after it turns interactive
 *    (tcp_in_quickack_mode, TCP_MAX_QUICKACKS); SACK (RFC 2018) and
 *    SACK-based recovery (RFC 6675), F-RTO after a timeout (RFC 5682) and
 *    the tail-loss probe (RFC 8985 7); PSH on every TSO packet of two
 *    segments or more (__tcp_transmit_skb), and an ACK when the
 *    application reads a pushed segment (tcp_cleanup_rbuf); Minshall's Nagle
 *    (tcp_minshall_check); every ACKed segment grows cwnd in slow start
 *    (tcp_slow_start); an RTO of SRTT plus a variance term of at least 200 ms
 *    (TCP_RTO_MIN); a bare ACK completes the handshake before the
 *    application's first write (connect() returns first); after idle, cwnd
 *    halves per RTO (tcp_cwnd_restart).
 *  - "rfc": the standards read strictly: no TCP options; IW10 (RFC 6928);
 *    RFC 5681's one MSS per ACK in slow start; RFC 896 Nagle; a 200 ms
 *    delayed ACK (RFC 1122 only caps it at 500 ms; 200 ms is the value BSD
 *    chose); RFC 6298's RTO with its 1 s floor; the handshake's ACK rides on
 *    data already written; after idle, back to IW (RFC 5681 4.1).
 *  - "classic": the late-1990s stacks the book describes: as "rfc", but an
 *    initial window of 2 segments (RFC 2581's ceiling; many stacks sent 1)
 *    and RFC 1122's 3 s initial RTO (RFC 2988 kept it; RFC 6298 cut it to 1 s).
 *
 * Congestion avoidance is Reno's (RFC 5681) in every profile; loss recovery
 * is SACK-based (RFC 6675) under "linux" and NewReno (RFC 6582) under the
 * others. Linux also runs CUBIC, RACK's time-based loss detection and PRR,
 * which the engine leaves out (docs/CONTRIBUTING.md "Model decisions" says what that changes).
 */
import {
  CLASSIC_DELAYED_ACK_MS,
  DEFAULT_MSS,
  LINUX_DELAYED_ACK_MS,
  LINUX_MIN_RTO_MS,
  RFC_MIN_RTO_MS,
  RFC1122_INITIAL_RTO_MS,
} from "./constants";
import { checkNumber } from "../errors";
import type { StackName, TcpOptions } from "./options";

export type { StackName } from "./options";
export { STACK_NAMES } from "./options";
export const DEFAULT_STACK: StackName = "linux";

/** The bytes one timestamps option adds to a segment's TCP header (RFC 7323: 10, padded to 12). */
export const TIMESTAMP_OPTION_BYTES = 12;
/**
 * The options on a Linux SYN and SYN-ACK: MSS (4), SACK-permitted (2),
 * timestamps (10), NOP (1) and window scale (3) = 20 bytes.
 */
export const LINUX_SYN_OPTION_BYTES = 20;
/** A SYN without timestamps still carries the MSS option (RFC 9293 3.7.1): 4 bytes. */
export const MSS_OPTION_BYTES = 4;

/**
 * Every option a profile fixes. Not the MSS, which follows from the options on
 * the segments (1460 - 12 with timestamps); not receiveWindow, which no stack
 * caps here; not rtoMs, which replaces the RTO estimate only when asked.
 */
export type StackProfile = Required<Omit<TcpOptions, "stack" | "receiveWindow" | "rtoMs" | "mss">>;

export const STACKS: Readonly<Record<StackName, Readonly<StackProfile>>> = {
  linux: {
    timestamps: true,
    initialWindow: 10,
    delayedAckMs: LINUX_DELAYED_ACK_MS,
    quickAck: true,
    sack: true,
    frto: true,
    tailLossProbe: true,
    tsoPush: true,
    ackAfterRead: true,
    nagle: true,
    nagleVariant: "minshall",
    abcLimit: Infinity,
    initialRtoMs: RFC_MIN_RTO_MS,
    minRtoMs: LINUX_MIN_RTO_MS,
    bareHandshakeAck: true,
    slowStartAfterIdle: true,
    idleRestart: "linux",
  },
  rfc: {
    timestamps: false,
    initialWindow: 10,
    delayedAckMs: CLASSIC_DELAYED_ACK_MS,
    quickAck: false,
    sack: false,
    frto: false,
    tailLossProbe: false,
    tsoPush: false,
    ackAfterRead: false,
    nagle: true,
    nagleVariant: "classic",
    abcLimit: 1,
    initialRtoMs: RFC_MIN_RTO_MS,
    minRtoMs: RFC_MIN_RTO_MS,
    bareHandshakeAck: false,
    slowStartAfterIdle: true,
    idleRestart: "rfc5681",
  },
  classic: {
    timestamps: false,
    initialWindow: 2,
    delayedAckMs: CLASSIC_DELAYED_ACK_MS,
    quickAck: false,
    sack: false,
    frto: false,
    tailLossProbe: false,
    tsoPush: false,
    ackAfterRead: false,
    nagle: true,
    nagleVariant: "classic",
    abcLimit: 1,
    initialRtoMs: RFC1122_INITIAL_RTO_MS,
    minRtoMs: RFC_MIN_RTO_MS,
    bareHandshakeAck: false,
    slowStartAfterIdle: true,
    idleRestart: "rfc5681",
  },
};

/** A SACK option with `blocks` blocks (RFC 2018 3: 8n + 2 bytes), with the two NOPs that align it. */
export function sackOptionBytes(blocks: number): number {
  const n = checkNumber("blocks", blocks, { min: 0, max: 4, integer: true });
  return n > 0 ? 8 * n + 4 : 0;
}

/** TCP header option bytes on a data or ACK segment, and on a SYN or SYN-ACK. */
export function optionBytes(timestamps: boolean): { readonly segment: number; readonly syn: number } {
  return timestamps ? WITH_TIMESTAMPS : WITHOUT_TIMESTAMPS;
}
// made once: the engine asks for every packet
const WITH_TIMESTAMPS = Object.freeze({ segment: TIMESTAMP_OPTION_BYTES, syn: LINUX_SYN_OPTION_BYTES });
const WITHOUT_TIMESTAMPS = Object.freeze({ segment: 0, syn: MSS_OPTION_BYTES });

/** The payload an Ethernet-sized segment has room for once its options are in (RFC 6691). */
export function defaultMss(timestamps: boolean): number {
  return DEFAULT_MSS - optionBytes(timestamps).segment;
}
