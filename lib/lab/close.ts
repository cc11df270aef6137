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
import { LabScope, connectLoopback, listenOnLoopback, runLab, socketClosed, deadlineOption } from "./harness";
import { Consistency, ConsistencyLog, consistencyLines, inconclusiveBanner, orInconclusive } from "./consistency";
import { descriptorBudget, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt } from "./loopback-rtt";
import { PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, platformLine } from "./table";
import { modelClose, CloseModel } from "./close-model";

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
  setup: { runs: number; responseBytes: number; responseTotalBytes: number; uploadBytes: number; readDelayMs: number; closeDelayMs: number };
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
async function oneRun(scope: LabScope, port: number, kind: CloseKind, o: { uploadBytes: number; readDelayMs: number; responseTotal: number }): Promise<CloseRun> {
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
  label: string,
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
function checkSide(log: ConsistencyLog, label: string, kind: CloseKind, runs: number, responseBytes: number, requestBytes: number, stats: ServerStats): void {
  log.verify(
    stats.accepted === runs && stats.responded === runs && stats.closed.length === runs,
    `${label}: ${runs} runs; the server accepted ${stats.accepted} connections and sent its ${responseBytes} B response on ${stats.responded}`,
    `${label}: ${runs} runs, but the server accepted ${stats.accepted} connections, sent its response on ${stats.responded} and closed ${stats.closed.length}`,
  );
  const mostRead = Math.max(0, ...stats.closed.map((c) => c.bytesRead));
  if (kind === "abrupt") {
    const unread = stats.closed.filter((c) => !c.sawFin && c.bytesRead < requestBytes).length;
    log.verify(
      unread === stats.closed.length,
      `${label}: the server closed every connection with the upload unread (it had read at most ${mostRead} of ${requestBytes} B)`,
      `${label}: the server closed only ${unread} of ${stats.closed.length} connections with input unread (read up to ${mostRead} of ${requestBytes} B), ` +
        "so those closes had no reason to send an RST (make uploadBytes larger)",
    );
  } else {
    const drained = stats.closed.filter((c) => c.sawFin).length;
    log.verify(
      drained === stats.closed.length,
      `${label}: the server closed every connection only after the client's FIN (upload drained)`,
      `${label}: the server closed ${stats.closed.length - drained} of ${stats.closed.length} connections before the client's FIN: the upload was not drained`,
    );
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
  if (!requireDescriptors(log, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, "the lab (one connection at a time)")) return notMeasured();
  const work = runLab("close", deadlineMs, async (scope): Promise<CloseLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    log.verify(Number.isFinite(rttMs) && rttMs > 0, `loopback round trip measured: ${rttMs} ms (median of the echo probe)`, `the loopback round trip could not be measured (${rttMs} ms)`);
    const abrupt = await measureSide(scope, log, "abrupt close", "abrupt", runs, response, o);
    const graceful = await measureSide(scope, log, "graceful close", "graceful", runs, response, o);
    const abruptEagerReader = await measureSide(scope, log, "abrupt, client reads at once", "abrupt", runs, response, { ...o, readDelayMs: 0 });
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
  return [
    "Linux keeps bytes that arrived before the RST readable, so a client already reading gets the response and then ECONNRESET; " +
      "a client that reads late finds the connection reset and node drops the unread response with it (some other stacks discard it already in the kernel)",
  ];
}

function errorSummary(side: CloseSide): string {
  const codes = side.runs.map((r) => r.errorCode ?? "none");
  return [...new Set(codes)].map((c) => `${c} x${codes.filter((x) => x === c).length}`).join(", ");
}

/** The close lab as a table. */
export function formatClose(result: CloseLabResult): string {
  const { measured: m, model: p, setup } = result;
  const avg = (s: CloseSide) => s.runs.reduce((a, r) => a + r.bytesReceived, 0) / s.runs.length;
  const rows = [
    { label: "abrupt close (RST): runs that lost the response", measured: m.abrupt.lostCount, model: p.abruptLost, unit: `of ${setup.runs}` },
    { label: "graceful close (FIN): runs that lost the response", measured: m.graceful.lostCount, model: p.gracefulLost, unit: `of ${setup.runs}` },
    { label: "abrupt close: bytes read, mean", measured: avg(m.abrupt), model: p.abruptBytes, unit: "B" },
    { label: "graceful close: bytes read, mean", measured: avg(m.graceful), model: p.gracefulBytes, unit: "B" },
    { label: "abrupt, client reads at once: runs that lost it", measured: m.abruptEagerReader.lostCount, model: p.abruptEagerLost, unit: `of ${setup.runs}` },
    { label: "abrupt, client reads at once: bytes read, mean", measured: avg(m.abruptEagerReader), model: p.abruptEagerBytes, unit: "B" },
  ];
  return [
    ...inconclusiveBanner(result.consistency, m.abrupt.runs.length > 0),
    `Closing with unread input: response of ${setup.responseTotalBytes} B while the client uploads ${setup.uploadBytes} B`,
    comparisonTable(rows),
    `client errors: abrupt ${errorSummary(m.abrupt)}; graceful ${errorSummary(m.graceful)}`,
    `client errors, abrupt with a client reading at once: ${errorSummary(m.abruptEagerReader)}`,
    ...result.notes.map((n) => `note: ${n}`),
    ...consistencyLines(result.consistency),
    platformLine(result.platform),
  ].join("\n");
}
