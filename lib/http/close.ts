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
import {
  checkChoice,
  checkNumber,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
  MIN_BANDWIDTH_BPS,
} from "../errors";
import { serialisationMs } from "../sim/link";
import { MAX_STREAM_SEGMENTS } from "../sim/scheduler";
import type { TraceEntry } from "../tcp/trace";
import { DEFAULT_MSS, IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { segment } from "../tcp/segment";
import { language, messages, tr, type Message, type Params } from "../i18n";

const say = messages("http/close", {
  request1: { en: "request 1", ko: "요청 1" },
  request2: { en: "request 2 (pipelined)", ko: "요청 2(파이프라인)" },
  segment: { en: "response 1, segment {i}/{n}", ko: "응답 1, 세그먼트 {i}/{n}" },
  rstUnread: { en: "close() with request 2 unread: RST", ko: "요청 2를 읽지 않은 채 close(): RST" },
  rstLate: { en: "request 2 hit a closed socket: RST", ko: "요청 2가 닫힌 소켓에 도착: RST" },
  clientReadToEnd: { en: "client read to the end, closes", ko: "클라이언트가 끝까지 읽고 닫음" },
  halfClose: { en: "shutdown(SHUT_WR): half close, keep reading", ko: "shutdown(SHUT_WR): 절반 끊기(half close), 계속 읽음" },
  clientReadAll: { en: "client read the whole response and the FIN, closes", ko: "클라이언트가 응답 전체와 FIN을 읽고 닫음" },
  beforeFirstByte: {
    en: "< {at} (before the first response byte reaches the client)",
    ko: "< {at}(응답의 첫 바이트가 클라이언트에 닿기 전)",
  },
  abruptUnread: {
    en: "The server closed at {closeMs} ms with request 2 still unread in its buffer, so its stack sent RST instead of FIN.",
    ko: "서버가 {closeMs} ms에 커넥션을 닫을 때 요청 2가 아직 읽히지 않은 채 버퍼에 있었으므로, 서버의 TCP 스택은 FIN 대신 RST를 보냈습니다.",
  },
  abruptLate: {
    en: "The server closed at {closeMs} ms before request 2 arrived (FIN); request 2 then reached a closed socket at {arriveMs} ms and drew an RST.",
    ko: "서버는 요청 2가 도착하기 전인 {closeMs} ms에 커넥션을 닫았고(FIN), 요청 2는 {arriveMs} ms에 닫힌 소켓에 도착해 RST를 불러왔습니다.",
  },
  graceful: {
    en: "The server half-closed at {closeMs} ms (FIN after the response), read and dropped request 2 at {arriveMs} ms, and closed fully once the client's FIN arrived at {finMs} ms. No RST.",
    ko: "서버는 {closeMs} ms에 절반 끊기(half close)를 하고(응답 뒤에 FIN), {arriveMs} ms에 요청 2를 읽어서 버렸으며, {finMs} ms에 클라이언트의 FIN이 도착하자 커넥션을 완전히 닫았습니다(전체 끊기). RST는 없습니다.",
  },
  resetLost: {
    en: "The RST reached the client at {rstMs} ms, before its application had read {lost} of the {total} response bytes: they were discarded.",
    ko: "RST가 {rstMs} ms에 클라이언트에 도착했을 때 애플리케이션은 응답 {total}바이트 가운데 {lost}바이트를 아직 읽지 못했습니다. 그 바이트는 버려졌습니다.",
  },
  resetKept: {
    en:
      "The RST reached the client at {rstMs} ms, before its application had read {unread} of the {total} response bytes; " +
      "this stack keeps bytes that arrived before a reset readable (discardOnReset: false), so the application still read them all and met ECONNRESET only afterwards.",
    ko:
      "RST가 {rstMs} ms에 클라이언트에 도착했을 때 애플리케이션은 응답 {total}바이트 가운데 {unread}바이트를 아직 읽지 못했습니다. " +
      "이 스택은 리셋 전에 도착한 바이트를 계속 읽을 수 있게 두므로(discardOnReset: false), 애플리케이션은 그래도 모두 읽었고 ECONNRESET은 그 뒤에야 만났습니다.",
  },
  resetHarmless: {
    en: "The RST reached the client at {rstMs} ms, after its application had read the whole response: nothing lost this time.",
    ko: "RST는 {rstMs} ms에 클라이언트에 도착했지만, 애플리케이션이 응답 전체를 이미 읽은 뒤였습니다. 이번에는 잃은 바이트가 없습니다.",
  },
});

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
  const requestBytes = optionalNumber("scenario.requestBytes", s.requestBytes, DEFAULT_REQUEST_BYTES, {
    integer: true,
    min: 1,
    max: MAX_QUANTITY,
  });
  const t2 = optionalNumber("scenario.secondRequestAtMs", s.secondRequestAtMs, 0, { min: 0, max: MAX_QUANTITY });
  const bw = s.bandwidthBps === undefined ? Infinity : checkNumber("scenario.bandwidthBps", s.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const readDelay = optionalNumber("scenario.clientReadDelayMs", s.clientReadDelayMs, DEFAULT_READ_DELAY_MS, { min: 0, max: MAX_QUANTITY });
  const serverMs = optionalNumber("scenario.serverMs", s.serverMs, 0, { min: 0, max: MAX_QUANTITY });
  const discardOnReset = optionalBoolean("scenario.discardOnReset", s.discardOnReset, true);
  // one language for the whole scene, looked up once (a response may be 100,000 segments, each with a note)
  const lang = language();
  const t = (message: Message, params?: Params): string => tr(message.text, params, lang);
  const d = rttMs / 2;
  const headerBytes = IP_HEADER_BYTES + TCP_HEADER_BYTES;

  const trace: TraceEntry[] = [
    { tMs: 0, conn: 0, from: "client", flags: ["PSH", "ACK"], bytes: requestBytes, note: t(say.request1) },
    { tMs: t2, conn: 0, from: "client", flags: ["PSH", "ACK"], bytes: requestBytes, note: t(say.request2) },
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
    trace.push({
      tMs: leaves,
      conn: 0,
      from: "server",
      flags: last ? ["PSH", "ACK"] : ["ACK"],
      bytes,
      note: t(say.segment, { i: i + 1, n: payloads.length }),
    });
    arrivals.push({ bytes, at: linkFree + d });
  });
  // "pipelined" means sent before any of the answer came back
  if (t2 >= arrivals[0].at) outOfRange("scenario.secondRequestAtMs", say.beforeFirstByte({ at: arrivals[0].at }), t2);
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
      trace.push({ tMs: rst.leaves, conn: 0, from: "server", flags: ["RST", "ACK"], bytes: 0, note: t(say.rstUnread) });
      rstArrives = rst.arrives;
      lines.push(t(say.abruptUnread, { closeMs: ms(closeAt) }));
    } else {
      const fin = controlLeaves();
      trace.push({ tMs: fin.leaves, conn: 0, from: "server", flags: ["FIN", "ACK"], bytes: 0, note: "close(): FIN" });
      const rstLeaves = Math.max(request2Arrives, linkFree);
      linkFree = rstLeaves + serialisationMs(headerBytes, bw);
      trace.push({ tMs: rstLeaves, conn: 0, from: "server", flags: ["RST", "ACK"], bytes: 0, note: t(say.rstLate) });
      rstArrives = linkFree + d;
      const finRead = fin.arrives + readDelay;
      if (finRead <= rstArrives) {
        trace.push({ tMs: finRead, conn: 0, from: "client", flags: ["FIN", "ACK"], bytes: 0, note: t(say.clientReadToEnd) });
      }
      lines.push(t(say.abruptLate, { closeMs: ms(closeAt), arriveMs: ms(request2Arrives) }));
    }
    reset = true;
  } else {
    const fin = controlLeaves();
    trace.push({ tMs: fin.leaves, conn: 0, from: "server", flags: ["FIN", "ACK"], bytes: 0, note: t(say.halfClose) });
    const clientCloses = arrivals.reduce((latest, a) => Math.max(latest, a.at), fin.arrives) + readDelay;
    trace.push({ tMs: clientCloses, conn: 0, from: "client", flags: ["FIN", "ACK"], bytes: 0, note: t(say.clientReadAll) });
    lines.push(t(say.graceful, { closeMs: ms(closeAt), arriveMs: ms(request2Arrives), finMs: ms(clientCloses + d) }));
  }

  // With discardOnReset the client application keeps a segment only if it read it before any RST
  // arrived; without it, every segment that arrived before the RST stays readable.
  const kept = (a: { at: number }) => (discardOnReset ? a.at + readDelay : a.at) <= rstArrives;
  const clientReceivedBytes = arrivals.filter(kept).reduce((sum, a) => sum + a.bytes, 0);
  const unreadAtReset = arrivals.filter((a) => a.at + readDelay > rstArrives).reduce((sum, a) => sum + a.bytes, 0);
  const lost = clientReceivedBytes < responseBytes;
  if (reset) {
    if (lost) {
      lines.push(t(say.resetLost, { rstMs: ms(rstArrives), lost: responseBytes - clientReceivedBytes, total: responseBytes }));
    } else if (unreadAtReset > 0) {
      lines.push(t(say.resetKept, { rstMs: ms(rstArrives), unread: unreadAtReset, total: responseBytes }));
    } else {
      lines.push(t(say.resetHarmless, { rstMs: ms(rstArrives) }));
    }
  }
  trace.sort((a, b) => a.tMs - b.tMs);
  return { strategy, clientReceivedBytes, responseBytes, lost, reset, discardOnReset, trace, explanation: lines.join("\n") };
}
