/**
 * The delay of one HTTP transaction, split into the parts the chapter names:
 * DNS lookup, connection setup, sending the request, server processing,
 * and receiving the response.
 *
 *   dnsMs      given (0 when the name is cached)
 *   connectMs  the handshake (handshake.ts): one RTT on a new connection,
 *              0 on a reused one
 *   requestMs  the request's trip to the server
 *   serverMs   given: the server's think time
 *   responseMs the response's trip back, first segment sent to last byte received
 *
 * Both trips use one rule (`transferMs`): on a new connection the sender is
 * in slow start, so the trip is slowStart(...).timeMs (slow-start.ts, the one
 * source of the round model); on a reused connection the window is taken to
 * be open already, so a trip is the one-way delay plus the time to put the
 * bytes (with headers) on the wire. A small request fits in the initial
 * window, so its trip is simply one-way delay plus serialisation either way.
 *
 * Assumptions: the reused connection is warm (not idle longer than an RTO,
 * so RFC 5681 4.1's restart does not apply; see lib/sim for that case),
 * no loss, the request rides on the handshake's ACK (one packet fewer, the
 * same time: the client may send once the SYN-ACK is in), delayed ACK off unless
 * asked (`delayedAck`), and the time to close the connection is not counted.
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import { messages } from "../i18n";
import { DEFAULT_MSS } from "./constants";
import { handshake } from "./handshake";
import type { PathOptions, TcpOptions } from "./options";
import { segmentTotals } from "./segment";
import { MAX_SLOW_START_ROUNDS, slowStart, type SlowStartInput } from "./slow-start";

const say = messages("tcp/transaction", {
  slowStartSize: {
    en: "a size slow start carries in at most {max} rounds",
    ko: "느린 시작(slow start)으로 {max}라운드 안에 보낼 수 있는 크기",
  },
});

export interface TransactionInput
  extends Required<Pick<PathOptions, "rttMs">>,
    Pick<PathOptions, "bandwidthBps">,
    Pick<TcpOptions, "mss" | "initialWindow">,
    Pick<SlowStartInput, "delayedAck"> {
  /** the DNS lookup in ms (default 0: the name is cached) */
  dnsMs?: number;
  /** the server's think time in ms (default 0) */
  serverMs?: number;
  /** request bytes (default 0) */
  requestBytes?: number;
  /** response bytes (default 0) */
  responseBytes?: number;
  /** default true: pay the handshake and slow start */
  newConnection?: boolean;
}

export interface TransactionBreakdown {
  dnsMs: number;
  connectMs: number;
  requestMs: number;
  serverMs: number;
  responseMs: number;
}

export interface TransactionResult {
  totalMs: number;
  breakdown: TransactionBreakdown;
}

interface Path {
  rttMs: number;
  bandwidthBps: number;
  mss: number;
  initialWindow?: number;
  delayedAck: boolean;
  newConnection: boolean;
}

/** Time for `bytes` (the input field `name`) to go from one side to the other, first byte sent to last byte received. */
function transferMs(name: string, bytes: number, p: Path): number {
  if (p.newConnection && bytes > 0) {
    const input = {
      bytes,
      rttMs: p.rttMs,
      mss: p.mss,
      initialWindow: p.initialWindow,
      delayedAck: p.delayedAck,
      bandwidthBps: p.bandwidthBps === Infinity ? undefined : p.bandwidthBps,
    };
    try {
      return slowStart(input).timeMs;
    } catch (e) {
      // slowStart names its own "bytes"; here they are the request's or the response's
      if (e instanceof RangeError && e.message.includes('"bytes"'))
        outOfRange(name, say.slowStartSize({ max: MAX_SLOW_START_ROUNDS }), bytes);
      throw e;
    }
  }
  const serialise = p.bandwidthBps === Infinity ? 0 : (segmentTotals(bytes, { mss: p.mss }).wireBytes * 8 * 1000) / p.bandwidthBps;
  return p.rttMs / 2 + serialise;
}

export function transactionTime(input: TransactionInput): TransactionResult {
  const o = optionsObject("input", input);
  const rttMs = checkNumber("rttMs", o.rttMs, { min: 0, max: MAX_QUANTITY });
  const dnsMs = optionalNumber("dnsMs", o.dnsMs, 0, { min: 0, max: MAX_QUANTITY });
  const serverMs = optionalNumber("serverMs", o.serverMs, 0, { min: 0, max: MAX_QUANTITY });
  const requestBytes = optionalNumber("requestBytes", o.requestBytes, 0, { min: 0, integer: true, max: MAX_QUANTITY });
  const responseBytes = optionalNumber("responseBytes", o.responseBytes, 0, { min: 0, integer: true, max: MAX_QUANTITY });
  const bandwidthBps = o.bandwidthBps === undefined ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const newConnection = optionalBoolean("newConnection", o.newConnection, true);
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const initialWindow =
    o.initialWindow === undefined ? undefined : checkNumber("initialWindow", o.initialWindow, { min: 1, integer: true, max: MAX_QUANTITY });
  const delayedAck = optionalBoolean("delayedAck", o.delayedAck, false);

  const path: Path = { rttMs, bandwidthBps, mss, initialWindow, delayedAck, newConnection };
  const connectMs = newConnection ? handshake({ rttMs, mss, bandwidthBps: o.bandwidthBps }).connectMs : 0;
  const breakdown: TransactionBreakdown = {
    dnsMs,
    connectMs,
    requestMs: transferMs("requestBytes", requestBytes, path),
    serverMs,
    responseMs: transferMs("responseBytes", responseBytes, path),
  };
  const totalMs = breakdown.dnsMs + breakdown.connectMs + breakdown.requestMs + breakdown.serverMs + breakdown.responseMs;
  return { totalMs, breakdown };
}

export interface HandshakeShare {
  connectMs: number;
  totalMs: number;
  /** connectMs / totalMs, 0..1 (0 for a transaction that takes no time) */
  share: number;
}

/** How much of one transaction on a new connection is spent on the handshake. */
export function handshakeShare(input: Omit<TransactionInput, "newConnection">): HandshakeShare {
  const o = optionsObject("input", input);
  const { totalMs, breakdown } = transactionTime({ ...o, newConnection: true } as TransactionInput);
  return { connectMs: breakdown.connectMs, totalMs, share: totalMs === 0 ? 0 : breakdown.connectMs / totalMs };
}
