/**
 * Lab: full close vs half close, and the RST that unread data causes
 * (RFC 9293 3.6 and RFC 2525 2.17; RFC 9112 9.6 "tear-down").
 *
 * The client uploads a body much larger than the server wants. The server
 * reads the request header and whatever body came with it, stops reading,
 * writes a complete response (Content-Length framed), and then closes:
 *   - abruptly: destroy() closes the socket while the client's body bytes
 *     still sit unread in the server's receive buffer. A TCP that closes with
 *     unread data sends RST instead of FIN. When the RST reaches the client,
 *     its next read or write fails with ECONNRESET (or EPIPE) and the response
 *     that had already arrived, but not yet been read by the application, is
 *     thrown away with the connection.
 *   - gracefully: end() sends FIN on the output side only (half close); the
 *     server keeps reading and discards the rest of the body, and closes once
 *     the client has finished. The client gets the whole response.
 * The client keeps sending body bytes after the server stops reading, and
 * reads the response only after a short delay, as a busy client uploading a
 * file would: that is what makes the abrupt case lose data every time.
 * A third run repeats the abrupt close with a client that reads from the
 * start: whether it still loses the response depends on the stack (Linux
 * leaves bytes that arrived before the RST readable), which the result shows.
 * Each way runs a few times; the result says how often the response was lost.
 * The lab also checks each run happened as designed: the server accepted the
 * connection and sent its response; an abrupt close came with the upload
 * unread (else there is no reason for an RST), a graceful one only after the
 * client's FIN (the upload drained). Otherwise the result is inconclusive
 * (see consistency.ts). Before measuring, it checks it has the few
 * descriptors it needs.
 */
import * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { messages, type Localized } from "../i18n";
import { type LabScope, connectLoopback, listenOnLoopback, runLab, socketClosed, deadlineOption } from "./harness";
import { type Consistency, ConsistencyLog, consistencyLines, inconclusiveBanner, orInconclusive } from "./consistency";
import { descriptorBudget, oneConnectionAtATime, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt, verifyLoopbackRtt } from "./loopback-rtt";
import { type PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, noteLines, platformLine } from "./table";
import { modelClose, type CloseModel } from "./close-model";

const say = messages("lab/close", {
  abrupt: { en: "abrupt close", ko: "갑작스러운 끊기(abrupt close)" },
  graceful: { en: "graceful close", ko: "우아한 커넥션 끊기(graceful close)" },
  abruptEager: { en: "abrupt, client reads at once", ko: "갑작스러운 끊기, 클라이언트가 바로 읽음" },
  sideOk: {
    en: "{label}: {runs} runs; the server accepted {accepted} connections and sent its {bytes} B response on {responded}",
    ko: "{label}: {runs}회 실행. 서버는 커넥션 {accepted}개를 받아들였고, 그중 {responded}개에 {bytes} B 응답을 보냈습니다",
  },
  sideBad: {
    en: "{label}: {runs} runs, but the server accepted {accepted} connections, sent its response on {responded} and closed {closed}",
    ko: "{label}: {runs}회 실행했는데, 서버는 커넥션 {accepted}개를 받아들여 {responded}개에 응답을 보냈고 {closed}개를 닫았습니다",
  },
  abruptOk: {
    en: "{label}: the server closed every connection with the upload unread (it had read at most {mostRead} of {requestBytes} B)",
    ko: "{label}: 서버는 업로드를 다 읽지 않은 채로 모든 커넥션을 닫았습니다 ({requestBytes} B 중 많아야 {mostRead} B를 읽음)",
  },
  abruptBad: {
    en: "{label}: the server closed only {unread} of {closed} connections with input unread (read up to {mostRead} of {requestBytes} B), so those closes had no reason to send an RST (make uploadBytes larger)",
    ko: "{label}: 서버가 입력을 남긴 채 닫은 커넥션은 {closed}개 중 {unread}개뿐입니다 ({requestBytes} B 중 최대 {mostRead} B를 읽음). 나머지 끊기에는 RST를 보낼 이유가 없었습니다 (uploadBytes를 늘리세요)",
  },
  gracefulOk: {
    en: "{label}: the server closed every connection only after the client's FIN (upload drained)",
    ko: "{label}: 서버는 모든 커넥션을 클라이언트의 FIN을 받은 뒤에야 닫았습니다 (업로드를 끝까지 읽음)",
  },
  gracefulBad: {
    en: "{label}: the server closed {early} of {closed} connections before the client's FIN: the upload was not drained",
    ko: "{label}: 서버가 커넥션 {closed}개 중 {early}개를 클라이언트의 FIN보다 먼저 닫았습니다: 업로드를 끝까지 읽지 않았습니다",
  },
  linuxNote: {
    en: "Linux keeps bytes that arrived before the RST readable, so a client already reading gets the response and then ECONNRESET; a client that reads late finds the connection reset and node drops the unread response with it (some other stacks discard it already in the kernel)",
    ko: "Linux는 RST보다 먼저 도착한 바이트를 읽을 수 있게 남겨 두므로, 이미 읽고 있던 클라이언트는 응답을 받은 뒤 ECONNRESET을 만납니다. 늦게 읽는 클라이언트는 커넥션이 리셋된 것을 보게 되고, node는 읽지 않은 응답을 함께 버립니다 (다른 스택 중에는 커널에서 이미 버리는 것도 있습니다)",
  },
  none: { en: "none", ko: "없음" },
  ofRuns: { en: "of {runs}", ko: "/ {runs}회" },
  rowAbruptLost: { en: "abrupt close (RST): runs that lost the response", ko: "갑작스러운 끊기(RST): 응답을 잃은 실행" },
  rowGracefulLost: { en: "graceful close (FIN): runs that lost the response", ko: "우아한 끊기(FIN): 응답을 잃은 실행" },
  rowAbruptBytes: { en: "abrupt close: bytes read, mean", ko: "갑작스러운 끊기: 읽은 바이트, 평균" },
  rowGracefulBytes: { en: "graceful close: bytes read, mean", ko: "우아한 끊기: 읽은 바이트, 평균" },
  rowEagerLost: { en: "abrupt, client reads at once: runs that lost it", ko: "갑작스러운 끊기, 바로 읽는 클라이언트: 응답을 잃은 실행" },
  rowEagerBytes: { en: "abrupt, client reads at once: bytes read, mean", ko: "갑작스러운 끊기, 바로 읽는 클라이언트: 읽은 바이트, 평균" },
  heading: {
    en: "Closing with unread input: response of {response} B while the client uploads {upload} B",
    ko: "읽지 않은 입력을 남기고 끊기: 클라이언트가 {upload} B를 업로드하는 동안 보내는 {response} B 응답",
  },
  errors: {
    en: "client errors: abrupt {abrupt}; graceful {graceful}",
    ko: "클라이언트 오류: 갑작스러운 끊기 {abrupt}, 우아한 끊기 {graceful}",
  },
  errorsEager: {
    en: "client errors, abrupt with a client reading at once: {errors}",
    ko: "클라이언트 오류, 바로 읽는 클라이언트의 갑작스러운 끊기: {errors}",
  },
});

export interface CloseLabOptions {
  /** runs of each kind (default 5, at most 50) */
  runs?: number;
  /** bytes of the response body the server sends (default 8192) */
  responseBytes?: number;
  /** bytes of the request body the client tries to upload (default 1 MiB) */
  uploadBytes?: number;
  /** how long the client waits before it starts reading (default 50 ms) */
  readDelayMs?: number;
  /** how long the server waits after its response before it closes (default 10 ms) */
  closeDelayMs?: number;
  /** the whole lab aborts after this long (default 15000 ms) */
  deadlineMs?: number;
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
}

export type CloseKind = "abrupt" | "graceful";

export interface CloseRun {
  /** response bytes (head and body) the client's application actually read */
  bytesReceived: number;
  /** the error the client's socket ended with, if any (ECONNRESET, EPIPE, ...) */
  errorCode: string | null;
  /** true when the client read less than the whole response */
  lost: boolean;
}

export interface CloseSide {
  runs: CloseRun[];
  /** how many runs lost (part of) the response */
  lostCount: number;
}

export interface CloseLabResult {
  lab: "close";
  setup: {
    runs: number;
    responseBytes: number;
    responseTotalBytes: number;
    uploadBytes: number;
    readDelayMs: number;
    closeDelayMs: number;
  };
  measured: {
    abrupt: CloseSide;
    graceful: CloseSide;
    /** the abrupt close again, with a client that reads from the start (no read delay) */
    abruptEagerReader: CloseSide;
  };
  model: CloseModel["expected"];
  platform: PlatformFacts;
  notes: string[];
  /**
   * What the lab verified about its own run, and why the result is
   * inconclusive when it is. When nothing could be measured, `runs` are
   * empty and the counts NaN (null in the saved JSON).
   */
  consistency: Consistency;
}

/** The most descriptors the lab holds at once: a listening server, one connection (both ends), and the previous one still closing. */
const PEAK_DESCRIPTORS = 5;

/** How long (in 5 ms steps) to wait for the server's sockets to report their close before checking them. */
const CLOSE_WAIT_STEPS = 200;

/** What the server saw of each connection, to check the runs happened as designed. */
interface ServerStats {
  accepted: number;
  /** connections it wrote the response on */
  responded: number;
  /** per connection, at its close: bytes read, and whether the client's FIN had arrived (the upload drained) */
  closed: { bytesRead: number; sawFin: boolean }[];
}

const CHUNK_BYTES = 16 * 1024;
const HEADER_END = "\r\n\r\n";

function responseFor(bodyBytes: number): Buffer {
  const head = `HTTP/1.1 200 OK\r\nContent-Length: ${bodyBytes}\r\nConnection: close\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), Buffer.alloc(bodyBytes, "r")]);
}

/**
 * A server that answers as soon as it has the request header, without
 * reading the body, and then closes the way `kind` says.
 */
function closingServer(kind: CloseKind, response: Buffer, closeDelayMs: number, stats: ServerStats): net.Server {
  return net.createServer((socket) => {
    stats.accepted++;
    let sawFin = false;
    socket.on("end", () => (sawFin = true));
    socket.on("close", () => stats.closed.push({ bytesRead: socket.bytesRead, sawFin }));
    socket.on("error", () => undefined);
    let head = "";
    const onData = (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (!head.includes(HEADER_END)) return;
      socket.off("data", onData);
      socket.pause(); // stop reading: the rest of the body stays in the kernel
      stats.responded++;
      socket.write(response);
      if (kind === "graceful") {
        socket.end(); // FIN on our output only
        socket.resume(); // read and drop the rest; node closes once the client ends too
      } else {
        setTimeout(() => socket.destroy(), closeDelayMs); // close with unread input: RST
      }
    };
    socket.on("data", onData);
  });
}

/** Writes `total` body bytes in chunks, one chunk per turn of the event loop, until done or the socket fails. */
function upload(socket: net.Socket, total: number, end: boolean): void {
  const chunk = Buffer.alloc(CHUNK_BYTES, "u");
  let sent = 0;
  const step = () => {
    if (socket.destroyed || !socket.writable) return;
    if (sent >= total) {
      if (end) socket.end();
      return;
    }
    const n = Math.min(CHUNK_BYTES, total - sent);
    sent += n;
    const more = socket.write(n === CHUNK_BYTES ? chunk : chunk.subarray(0, n));
    if (more) setImmediate(step);
    else socket.once("drain", step);
  };
  step();
}

/** The request head the client sends before its upload. */
function requestHead(uploadBytes: number): string {
  return `POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${uploadBytes}\r\n\r\n`;
}

/** One client: send header and body, start reading after a delay, count bytes until the socket closes. */
async function oneRun(
  scope: LabScope,
  port: number,
  kind: CloseKind,
  o: { uploadBytes: number; readDelayMs: number; responseTotal: number },
): Promise<CloseRun> {
  const socket = await connectLoopback(scope, port);
  let errorCode: string | null = null;
  let bytesReceived = 0;
  socket.on("error", (err: NodeJS.ErrnoException) => (errorCode = errorCode ?? err.code ?? err.message));
  const done = socketClosed(scope, socket);
  try {
    socket.write(requestHead(o.uploadBytes));
    upload(socket, o.uploadBytes, kind === "graceful");
    await scope.sleep(o.readDelayMs);
    socket.on("data", (chunk: Buffer) => (bytesReceived += chunk.length));
    await done;
    return { bytesReceived, errorCode, lost: bytesReceived < o.responseTotal };
  } finally {
    socket.destroy();
  }
}

async function measureSide(
  scope: LabScope,
  log: ConsistencyLog,
  label: Localized,
  kind: CloseKind,
  runs: number,
  response: Buffer,
  o: { uploadBytes: number; readDelayMs: number; closeDelayMs: number },
): Promise<CloseSide> {
  const stats: ServerStats = { accepted: 0, responded: 0, closed: [] };
  const server = await listenOnLoopback(scope, closingServer(kind, response, o.closeDelayMs, stats));
  try {
    const results: CloseRun[] = [];
    for (let i = 0; i < runs; i++) {
      scope.check();
      results.push(await oneRun(scope, server.port, kind, { ...o, responseTotal: response.length }));
    }
    await server.close();
    // a destroyed socket reports 'close' a little later (when its handle is released): wait for every one, bounded
    for (let i = 0; i < CLOSE_WAIT_STEPS && stats.closed.length < stats.accepted; i++) await scope.sleep(5);
    checkSide(log, label, kind, runs, response.length, Buffer.byteLength(requestHead(o.uploadBytes)) + o.uploadBytes, stats);
    return { runs: results, lostCount: results.filter((r) => r.lost).length };
  } finally {
    await server.close();
  }
}

/** Records whether a side's runs happened as designed (not what the client got: that is the measurement). */
function checkSide(
  log: ConsistencyLog,
  label: Localized,
  kind: CloseKind,
  runs: number,
  responseBytes: number,
  requestBytes: number,
  stats: ServerStats,
): void {
  const closed = stats.closed.length;
  log.verify(
    stats.accepted === runs && stats.responded === runs && closed === runs,
    say.sideOk({ label, runs, accepted: stats.accepted, bytes: responseBytes, responded: stats.responded }),
    say.sideBad({ label, runs, accepted: stats.accepted, responded: stats.responded, closed }),
  );
  const mostRead = Math.max(0, ...stats.closed.map((c) => c.bytesRead));
  if (kind === "abrupt") {
    const unread = stats.closed.filter((c) => !c.sawFin && c.bytesRead < requestBytes).length;
    log.verify(
      unread === closed,
      say.abruptOk({ label, mostRead, requestBytes }),
      say.abruptBad({ label, unread, closed, mostRead, requestBytes }),
    );
  } else {
    const drained = stats.closed.filter((c) => c.sawFin).length;
    log.verify(drained === closed, say.gracefulOk({ label }), say.gracefulBad({ label, early: closed - drained, closed }));
  }
}

function readOptions(options: CloseLabOptions | undefined) {
  const o = optionsObject("options", options);
  return {
    runs: optionalNumber("runs", o.runs, 5, { integer: true, min: 1, max: 50 }),
    responseBytes: optionalNumber("responseBytes", o.responseBytes, 8192, { integer: true, min: 0, max: 1_000_000 }),
    uploadBytes: optionalNumber("uploadBytes", o.uploadBytes, 1024 * 1024, { integer: true, min: 1, max: 64 * 1024 * 1024 }),
    readDelayMs: optionalNumber("readDelayMs", o.readDelayMs, 50, { min: 0, max: 1000 }),
    closeDelayMs: optionalNumber("closeDelayMs", o.closeDelayMs, 10, { min: 0, max: 1000 }),
    deadlineMs: deadlineOption(o.deadlineMs),
    fdLimit: o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 }),
  };
}

/** Runs the close lab on loopback: abrupt close (RST) against graceful half close. */
export async function runCloseLab(options?: CloseLabOptions): Promise<CloseLabResult> {
  const { runs, responseBytes, uploadBytes, readDelayMs, closeDelayMs, deadlineMs, fdLimit } = readOptions(options);
  const response = responseFor(responseBytes);
  const o = { uploadBytes, readDelayMs, closeDelayMs };
  const setup = { runs, responseBytes, responseTotalBytes: response.length, ...o };
  const log = new ConsistencyLog();
  const notMeasured = (): CloseLabResult => {
    const none = (): CloseSide => ({ runs: [], lostCount: NaN });
    return {
      lab: "close",
      setup,
      measured: { abrupt: none(), graceful: none(), abruptEagerReader: none() },
      model: { abruptLost: NaN, gracefulLost: NaN, abruptBytes: NaN, gracefulBytes: NaN, abruptEagerLost: NaN, abruptEagerBytes: NaN },
      platform: platformFacts(),
      notes: [],
      consistency: log.result(),
    };
  };
  if (!requireDescriptors(log, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, oneConnectionAtATime())) return notMeasured();
  const work = runLab("close", deadlineMs, async (scope): Promise<CloseLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    verifyLoopbackRtt(log, rttMs);
    const abrupt = await measureSide(scope, log, say.abrupt(), "abrupt", runs, response, o);
    const graceful = await measureSide(scope, log, say.graceful(), "graceful", runs, response, o);
    const abruptEagerReader = await measureSide(scope, log, say.abruptEager(), "abrupt", runs, response, { ...o, readDelayMs: 0 });
    const model = modelClose({ runs, responseBytes: response.length, rttMs, readDelayMs });
    return {
      lab: "close",
      setup,
      measured: { abrupt, graceful, abruptEagerReader },
      model: model.expected,
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: [...model.notes, ...platformNotes()],
      consistency: log.result(),
    };
  });
  return orInconclusive(work, log, notMeasured);
}

/** What this kernel does with data that arrived before a RST, as the eager-reader runs show. */
function platformNotes(): string[] {
  if (process.platform !== "linux") return [];
  return [say.linuxNote()];
}

function errorSummary(side: CloseSide): string {
  const codes = side.runs.map((r) => r.errorCode ?? say.none());
  return [...new Set(codes)].map((c) => `${c} x${codes.filter((x) => x === c).length}`).join(", ");
}

/** The close lab as a table. */
export function formatClose(result: CloseLabResult): string {
  const { measured: m, model: p, setup } = result;
  const avg = (s: CloseSide) => s.runs.reduce((a, r) => a + r.bytesReceived, 0) / s.runs.length;
  const ofRuns = say.ofRuns({ runs: setup.runs });
  const rows = [
    { label: say.rowAbruptLost(), measured: m.abrupt.lostCount, model: p.abruptLost, unit: ofRuns },
    { label: say.rowGracefulLost(), measured: m.graceful.lostCount, model: p.gracefulLost, unit: ofRuns },
    { label: say.rowAbruptBytes(), measured: avg(m.abrupt), model: p.abruptBytes, unit: "B" },
    { label: say.rowGracefulBytes(), measured: avg(m.graceful), model: p.gracefulBytes, unit: "B" },
    { label: say.rowEagerLost(), measured: m.abruptEagerReader.lostCount, model: p.abruptEagerLost, unit: ofRuns },
    { label: say.rowEagerBytes(), measured: avg(m.abruptEagerReader), model: p.abruptEagerBytes, unit: "B" },
  ];
  return [
    ...inconclusiveBanner(result.consistency, m.abrupt.runs.length > 0),
    say.heading({ response: setup.responseTotalBytes, upload: setup.uploadBytes }),
    comparisonTable(rows),
    say.errors({ abrupt: errorSummary(m.abrupt), graceful: errorSummary(m.graceful) }),
    say.errorsEager({ errors: errorSummary(m.abruptEagerReader) }),
    ...noteLines(result.notes),
    ...consistencyLines(result.consistency),
    platformLine(result.platform),
  ].join("\n");
}
