/**
 * Closing a connection: why an abrupt close can destroy the response it just
 * sent, and how the graceful close avoids it.
 *
 * What it models: the "TCP reset problem" of RFC 9112 9.6, with the TCP rule
 * behind it (RFC 1122 4.2.2.13, RFC 9293 3.6): a host that closes a socket
 * while received data is still unread, or that receives data after it closed,
 * answers with RST instead of FIN.
 * What the RST then does to the response is not a TCP rule but depends on the
 * receiving stack and application. RFC 9112 9.6 only warns that the reset
 * "might erase" the client's unacknowledged input buffers before the HTTP
 * parser reads them. Windows does throw them away. Linux (tcp_reset) purges
 * its send queue but leaves received bytes readable: a client that keeps
 * reading gets the response and then ECONNRESET. Yet an application often
 * loses the bytes anyway, because it learns of the reset first: a write fails
 * (ECONNRESET, EPIPE) or a read returns the error, and node, for one, destroys
 * the socket with the unread data in it.
 * `discardOnReset` picks the assumption:
 *   - true (the default): the RFC's warning, and what a Windows client, or any
 *     client that meets the reset before it has read everything, experiences:
 *     response bytes the application has not read when the RST arrives are
 *     lost;
 *   - false: a Linux-like stack and a client that only reads: every response
 *     byte that arrived before the RST is still delivered.
 * The scene: the client pipelines two requests; the server answers the first
 * and then closes (say it reached its request limit), so the second request
 * is unread input.
 *   - "abrupt": the server calls close() right after writing the response.
 *     If the second request has arrived, close() has unread input and the
 *     stack sends RST; if it arrives later, it hits a closed socket and draws
 *     an RST then. When the RST reaches the client, every response byte its
 *     application has not read yet is gone (with `discardOnReset`; without
 *     it nothing is lost, since here every segment arrives before the RST
 *     that left behind it).
 *   - "graceful": the server shuts down only its sending side (half close: a
 *     FIN after the response), keeps reading and discards the second request,
 *     and closes fully once the client has closed too. No RST, nothing lost;
 *     the client reads the whole response, sees the end, and will resend the
 *     unanswered request elsewhere.
 * Assumptions: the connection is already open (conn 0); one-way delay is half
 * the RTT both ways; the response leaves in MSS-sized segments back to back
 * at `bandwidthBps` (unlimited by default), and a FIN or RST leaves after the
 * last of them (a real stack may even drop unsent data on close(), which only
 * loses more); the client application reads each segment `clientReadDelayMs`
 * after it arrives (the time to be scheduled and parse); ACKs are not drawn.
 */

import { roundMs } from "../time";
import { checkChoice, checkNumber, optionalBoolean, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import { serialisationMs } from "../sim/link";
import { MAX_STREAM_SEGMENTS } from "../sim/scheduler";
import type { TraceEntry } from "../sim/trace";
import { DEFAULT_MSS, IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { segment } from "../tcp/segment";


/** A time for a sentence: 26.624, not 26.623999999999995. */
const ms = (t: number): string => String(roundMs(t));

export type CloseStrategy = "abrupt" | "graceful";
const STRATEGIES: readonly CloseStrategy[] = ["abrupt", "graceful"];

export interface CloseScenario {
  strategy: CloseStrategy;
  rttMs: number;
  /** size of the response the server writes before closing, bytes */
  responseBytes: number;
  /** size of each request, bytes (default 100) */
  requestBytes?: number;
  /** when the client sends its pipelined second request (default 0, right behind the first) */
  secondRequestAtMs?: number;
  /** server-to-client link rate, bits/s (default unlimited) */
  bandwidthBps?: number;
  mss?: number;
  /** how long after a segment arrives the client application reads it (default 1 ms) */
  clientReadDelayMs?: number;
  /** server think time before it writes the response (default 0) */
  serverMs?: number;
  /**
   * what the client loses when the RST arrives (default true): true, every
   * response byte its application has not read yet (RFC 9112 9.6's warning;
   * Windows; any client that meets the reset before it has read the data);
   * false, nothing that already arrived (a Linux-like stack with a client that
   * keeps reading until the error)
   */
  discardOnReset?: boolean;
}

export interface CloseOutcome {
  strategy: CloseStrategy;
  /** response bytes the client application actually read */
  clientReceivedBytes: number;
  responseBytes: number;
  lost: boolean;
  /** the server's stack sent RST */
  reset: boolean;
  /** the assumption the outcome was computed with (see CloseScenario.discardOnReset) */
  discardOnReset: boolean;
  trace: TraceEntry[];
  explanation: string;
}

const DEFAULT_REQUEST_BYTES = 100;
const DEFAULT_READ_DELAY_MS = 1;

/** Plays the scene for one close strategy. */
export function simulateClose(scenario: CloseScenario): CloseOutcome {
  const s = optionsObject("scenario", scenario);
  const strategy = checkChoice("scenario.strategy", s.strategy, STRATEGIES);
  const rttMs = checkNumber("scenario.rttMs", s.rttMs, { min: 0, max: MAX_QUANTITY });
  const mss = optionalNumber("scenario.mss", s.mss, DEFAULT_MSS, { integer: true, min: 1, max: MAX_QUANTITY });
  // one trace entry per segment: at most MAX_STREAM_SEGMENTS of them
  const responseBytes = checkNumber("scenario.responseBytes", s.responseBytes, { integer: true, min: 1, max: MAX_STREAM_SEGMENTS * mss });
  const requestBytes = optionalNumber("scenario.requestBytes", s.requestBytes, DEFAULT_REQUEST_BYTES, { integer: true, min: 1, max: MAX_QUANTITY });
  const t2 = optionalNumber("scenario.secondRequestAtMs", s.secondRequestAtMs, 0, { min: 0, max: MAX_QUANTITY });
  const bw = s.bandwidthBps === undefined ? Infinity : checkNumber("scenario.bandwidthBps", s.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const readDelay = optionalNumber("scenario.clientReadDelayMs", s.clientReadDelayMs, DEFAULT_READ_DELAY_MS, { min: 0, max: MAX_QUANTITY });
  const serverMs = optionalNumber("scenario.serverMs", s.serverMs, 0, { min: 0, max: MAX_QUANTITY });
  const discardOnReset = optionalBoolean("scenario.discardOnReset", s.discardOnReset, true);
  const d = rttMs / 2;
  const headerBytes = IP_HEADER_BYTES + TCP_HEADER_BYTES;

  const trace: TraceEntry[] = [
    { tMs: 0, conn: 0, from: "client", flags: ["PSH", "ACK"], bytes: requestBytes, note: "request 1" },
    { tMs: t2, conn: 0, from: "client", flags: ["PSH", "ACK"], bytes: requestBytes, note: "request 2 (pipelined)" },
  ];

  // The response leaves in segments, back to back on the server's link.
  const writeAt = d + serverMs;
  const payloads = segment(responseBytes, { mss }).payloads;
  let linkFree = writeAt;
  const arrivals: Array<{ bytes: number; at: number }> = [];
  payloads.forEach((bytes, i) => {
    const leaves = linkFree;
    linkFree = leaves + serialisationMs(bytes + headerBytes, bw);
    const last = i === payloads.length - 1;
    trace.push({ tMs: leaves, conn: 0, from: "server", flags: last ? ["PSH", "ACK"] : ["ACK"], bytes, note: `response 1, segment ${i + 1}/${payloads.length}` });
    arrivals.push({ bytes, at: linkFree + d });
  });
  // "pipelined" means sent before any of the answer came back
  if (t2 >= arrivals[0].at) outOfRange("scenario.secondRequestAtMs", `< ${arrivals[0].at} (before the first response byte reaches the client)`, t2);
  const controlLeaves = () => {
    const leaves = linkFree;
    linkFree = leaves + serialisationMs(headerBytes, bw);
    return { leaves, arrives: linkFree + d };
  };
  const closeAt = writeAt; // the server closes as soon as its write returns
  const request2Arrives = t2 + d;
  const lines: string[] = [];
  let rstArrives = Infinity;
  let reset = false;

  if (strategy === "abrupt") {
    if (request2Arrives <= closeAt) {
      const rst = controlLeaves();
      trace.push({ tMs: rst.leaves, conn: 0, from: "server", flags: ["RST", "ACK"], bytes: 0, note: "close() with request 2 unread: RST" });
      rstArrives = rst.arrives;
      lines.push(`The server closed at ${ms(closeAt)} ms with request 2 still unread in its buffer, so its stack sent RST instead of FIN.`);
    } else {
      const fin = controlLeaves();
      trace.push({ tMs: fin.leaves, conn: 0, from: "server", flags: ["FIN", "ACK"], bytes: 0, note: "close(): FIN" });
      const rstLeaves = Math.max(request2Arrives, linkFree);
      linkFree = rstLeaves + serialisationMs(headerBytes, bw);
      trace.push({ tMs: rstLeaves, conn: 0, from: "server", flags: ["RST", "ACK"], bytes: 0, note: "request 2 hit a closed socket: RST" });
      rstArrives = linkFree + d;
      const finRead = fin.arrives + readDelay;
      if (finRead <= rstArrives) {
        trace.push({ tMs: finRead, conn: 0, from: "client", flags: ["FIN", "ACK"], bytes: 0, note: "client read to the end, closes" });
      }
      lines.push(`The server closed at ${ms(closeAt)} ms before request 2 arrived (FIN); request 2 then reached a closed socket at ${ms(request2Arrives)} ms and drew an RST.`);
    }
    reset = true;
  } else {
    const fin = controlLeaves();
    trace.push({ tMs: fin.leaves, conn: 0, from: "server", flags: ["FIN", "ACK"], bytes: 0, note: "shutdown(SHUT_WR): half close, keep reading" });
    const clientCloses = arrivals.reduce((latest, a) => Math.max(latest, a.at), fin.arrives) + readDelay;
    trace.push({ tMs: clientCloses, conn: 0, from: "client", flags: ["FIN", "ACK"], bytes: 0, note: "client read the whole response and the FIN, closes" });
    lines.push(`The server half-closed at ${ms(closeAt)} ms (FIN after the response), read and dropped request 2 at ${ms(request2Arrives)} ms, and closed fully once the client's FIN arrived at ${ms(clientCloses + d)} ms. No RST.`);
  }

  // With discardOnReset the client application keeps a segment only if it read it before any RST
  // arrived; without it, every segment that arrived before the RST stays readable.
  const kept = (a: { at: number }) => (discardOnReset ? a.at + readDelay : a.at) <= rstArrives;
  const clientReceivedBytes = arrivals.filter(kept).reduce((sum, a) => sum + a.bytes, 0);
  const unreadAtReset = arrivals.filter((a) => a.at + readDelay > rstArrives).reduce((sum, a) => sum + a.bytes, 0);
  const lost = clientReceivedBytes < responseBytes;
  if (reset) {
    if (lost) {
      lines.push(`The RST reached the client at ${ms(rstArrives)} ms, before its application had read ${responseBytes - clientReceivedBytes} of the ${responseBytes} response bytes: they were discarded.`);
    } else if (unreadAtReset > 0) {
      lines.push(`The RST reached the client at ${ms(rstArrives)} ms, before its application had read ${unreadAtReset} of the ${responseBytes} response bytes; ` +
        "this stack keeps bytes that arrived before a reset readable (discardOnReset: false), so the application still read them all and met ECONNRESET only afterwards.");
    } else {
      lines.push(`The RST reached the client at ${ms(rstArrives)} ms, after its application had read the whole response: nothing lost this time.`);
    }
  }
  trace.sort((a, b) => a.tMs - b.tMs);
  return { strategy, clientReceivedBytes, responseBytes, lost, reset, discardOnReset, trace, explanation: lines.join("\n") };
}
