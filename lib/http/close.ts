/**
 * Closing a connection: why an abrupt close can destroy the response it just
 * sent, and how the graceful close avoids it.
 *
 * What it models: the "TCP reset problem" of RFC 9112 9.6, with the TCP rule
 * behind it (RFC 1122 4.2.2.13, RFC 9293 3.6): a host that closes a socket
 * while received data is still unread, or that receives data after it closed,
 * answers with RST instead of FIN, and a host that receives RST throws away
 * whatever is still waiting in its receive buffer.
 * The scene: the client pipelines two requests; the server answers the first
 * and then closes (say it reached its request limit), so the second request
 * is unread input.
 *   - "abrupt": the server calls close() right after writing the response.
 *     If the second request has arrived, close() has unread input and the
 *     stack sends RST; if it arrives later, it hits a closed socket and draws
 *     an RST then. When the RST reaches the client, every response byte its
 *     application has not read yet is gone.
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

import { checkChoice, checkNumber, optionalNumber, optionsObject, outOfRange } from "../errors";
import { serialisationMs } from "../sim/link";
import type { TraceEntry } from "../sim/trace";
import { DEFAULT_MSS, IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { segment } from "../tcp/segment";


/** A time for a sentence: at most microsecond precision, no float noise (26.624, not 26.623999999999995). */
const ms = (t: number): string => String(Number(t.toFixed(3)));

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
}

export interface CloseOutcome {
  strategy: CloseStrategy;
  /** response bytes the client application actually read */
  clientReceivedBytes: number;
  responseBytes: number;
  lost: boolean;
  /** the server's stack sent RST */
  reset: boolean;
  trace: TraceEntry[];
  explanation: string;
}

const DEFAULT_REQUEST_BYTES = 100;
const DEFAULT_READ_DELAY_MS = 1;

/** Plays the scene for one close strategy. */
export function simulateClose(scenario: CloseScenario): CloseOutcome {
  const s = optionsObject("scenario", scenario);
  const strategy = checkChoice("scenario.strategy", s.strategy, STRATEGIES);
  const rttMs = checkNumber("scenario.rttMs", s.rttMs, { min: 0 });
  const responseBytes = checkNumber("scenario.responseBytes", s.responseBytes, { integer: true, min: 1 });
  const requestBytes = optionalNumber("scenario.requestBytes", s.requestBytes, DEFAULT_REQUEST_BYTES, { integer: true, min: 1 });
  const t2 = optionalNumber("scenario.secondRequestAtMs", s.secondRequestAtMs, 0, { min: 0 });
  const bw = s.bandwidthBps === undefined ? Infinity : checkNumber("scenario.bandwidthBps", s.bandwidthBps, { above: 0 });
  const mss = optionalNumber("scenario.mss", s.mss, DEFAULT_MSS, { integer: true, min: 1 });
  const readDelay = optionalNumber("scenario.clientReadDelayMs", s.clientReadDelayMs, DEFAULT_READ_DELAY_MS, { min: 0 });
  const serverMs = optionalNumber("scenario.serverMs", s.serverMs, 0, { min: 0 });
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
    const clientCloses = Math.max(fin.arrives, ...arrivals.map((a) => a.at)) + readDelay;
    trace.push({ tMs: clientCloses, conn: 0, from: "client", flags: ["FIN", "ACK"], bytes: 0, note: "client read the whole response and the FIN, closes" });
    lines.push(`The server half-closed at ${ms(closeAt)} ms (FIN after the response), read and dropped request 2 at ${ms(request2Arrives)} ms, and closed fully once the client's FIN arrived at ${ms(clientCloses + d)} ms. No RST.`);
  }

  // The client application keeps a segment only if it read it before any RST arrived.
  const clientReceivedBytes = arrivals.filter((a) => a.at + readDelay <= rstArrives).reduce((sum, a) => sum + a.bytes, 0);
  const lost = clientReceivedBytes < responseBytes;
  if (reset) {
    lines.push(lost
      ? `The RST reached the client at ${ms(rstArrives)} ms, before its application had read ${responseBytes - clientReceivedBytes} of the ${responseBytes} response bytes: they were discarded.`
      : `The RST reached the client at ${ms(rstArrives)} ms, after its application had read the whole response: nothing lost this time.`);
  }
  trace.sort((a, b) => a.tMs - b.tMs);
  return { strategy, clientReceivedBytes, responseBytes, lost, reset, trace, explanation: lines.join("\n") };
}
