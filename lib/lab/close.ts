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
 */
import * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { LabScope, connectLoopback, listenOnLoopback, runLab, socketClosed, deadlineOption } from "./harness";
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
function closingServer(kind: CloseKind, response: Buffer, closeDelayMs: number): net.Server {
  return net.createServer((socket) => {
    socket.on("error", () => undefined);
    let head = "";
    const onData = (chunk: Buffer) => {
      head += chunk.toString("latin1");
      if (!head.includes(HEADER_END)) return;
      socket.off("data", onData);
      socket.pause(); // stop reading: the rest of the body stays in the kernel
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

/** One client: send header and body, start reading after a delay, count bytes until the socket closes. */
async function oneRun(scope: LabScope, port: number, kind: CloseKind, o: { uploadBytes: number; readDelayMs: number; responseTotal: number }): Promise<CloseRun> {
  const socket = await connectLoopback(scope, port);
  let errorCode: string | null = null;
  let bytesReceived = 0;
  socket.on("error", (err: NodeJS.ErrnoException) => (errorCode = errorCode ?? err.code ?? err.message));
  const done = socketClosed(scope, socket);
  try {
    socket.write(`POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${o.uploadBytes}\r\n\r\n`);
    upload(socket, o.uploadBytes, kind === "graceful");
    await scope.sleep(o.readDelayMs);
    socket.on("data", (chunk: Buffer) => (bytesReceived += chunk.length));
    await done;
    return { bytesReceived, errorCode, lost: bytesReceived < o.responseTotal };
  } finally {
    socket.destroy();
  }
}

async function measureSide(scope: LabScope, kind: CloseKind, runs: number, response: Buffer, o: { uploadBytes: number; readDelayMs: number; closeDelayMs: number }): Promise<CloseSide> {
  const server = await listenOnLoopback(scope, closingServer(kind, response, o.closeDelayMs));
  try {
    const results: CloseRun[] = [];
    for (let i = 0; i < runs; i++) {
      scope.check();
      results.push(await oneRun(scope, server.port, kind, { ...o, responseTotal: response.length }));
    }
    return { runs: results, lostCount: results.filter((r) => r.lost).length };
  } finally {
    await server.close();
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
  };
}

/** Runs the close lab on loopback: abrupt close (RST) against graceful half close. */
export async function runCloseLab(options?: CloseLabOptions): Promise<CloseLabResult> {
  const { runs, responseBytes, uploadBytes, readDelayMs, closeDelayMs, deadlineMs } = readOptions(options);
  const response = responseFor(responseBytes);
  const o = { uploadBytes, readDelayMs, closeDelayMs };
  return runLab("close", deadlineMs, async (scope) => {
    const rttMs = await measureLoopbackRtt(scope);
    const abrupt = await measureSide(scope, "abrupt", runs, response, o);
    const graceful = await measureSide(scope, "graceful", runs, response, o);
    const abruptEagerReader = await measureSide(scope, "abrupt", runs, response, { ...o, readDelayMs: 0 });
    const model = modelClose({ runs, responseBytes: response.length, rttMs, readDelayMs });
    return {
      lab: "close" as const,
      setup: { runs, responseBytes, responseTotalBytes: response.length, ...o },
      measured: { abrupt, graceful, abruptEagerReader },
      model: model.expected,
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: [...model.notes, ...platformNotes()],
    };
  });
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
    `Closing with unread input: response of ${setup.responseTotalBytes} B while the client uploads ${setup.uploadBytes} B`,
    comparisonTable(rows),
    `client errors: abrupt ${errorSummary(m.abrupt)}; graceful ${errorSummary(m.graceful)}`,
    `client errors, abrupt with a client reading at once: ${errorSummary(m.abruptEagerReader)}`,
    ...result.notes.map((n) => `note: ${n}`),
    platformLine(result.platform),
  ].join("\n");
}
