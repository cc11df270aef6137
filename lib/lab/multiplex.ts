/**
 * Lab: head-of-line blocking in HTTP/1.1 pipelining, and HTTP/2's streams
 * (RFC 9113) that remove it, on loopback.
 *
 * The same batch on one connection each way: request 0 is slow at the server
 * (it sleeps `slowMs`), the others are answered at once.
 *   - HTTP/1.1 pipelined: every request written back to back on a raw socket
 *     to node:http. Responses must come in request order, so the quick ones
 *     wait behind the slow one.
 *   - HTTP/2 (cleartext h2c, node:http2): every request is its own stream on
 *     one session; each response is sent when ready, so the quick ones arrive
 *     at once and the slow one last.
 * Measured: when the quick responses were all complete, when the slow one
 * was, and how many connections each way opened (one). Model: simulatePageLoad
 * "pipelined" against "multiplexed" with the same server times.
 */
import * as http2 from "node:http2";
import { optionsObject, optionalNumber } from "../errors";
import { LOOPBACK_HOST, LabScope, listenOnLoopback, roundMs, nowMs, runLab, deadlineOption } from "./harness";
import { measureLoopbackRtt } from "./loopback-rtt";
import { modelMultiplex, MultiplexTimes } from "./multiplex-model";
import { exchange, itemServer, LabRequest, ServerLog } from "./pipeline";
import { PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, LOOPBACK_TIMING_NOTE, platformLine } from "./table";

export interface MultiplexLabOptions {
  /** requests in the batch, the first one slow (default 6, 2..50) */
  requests?: number;
  /** how long the server works on the slow request (default 50 ms) */
  slowMs?: number;
  /** the whole lab aborts after this long (default 15000 ms) */
  deadlineMs?: number;
}

export interface MultiplexSide extends MultiplexTimes {
  connections: number;
}

export interface MultiplexLabResult {
  lab: "multiplex";
  setup: { requests: number; slowMs: number };
  measured: { pipelined: MultiplexSide; multiplexed: MultiplexSide & { arrivalOrder: number[] } };
  model: { pipelined: MultiplexTimes; multiplexed: MultiplexTimes };
  platform: PlatformFacts;
  notes: string[];
}

const batch = (n: number, slowMs: number): LabRequest[] =>
  Array.from({ length: n }, (_, id) => ({ id, method: "GET", delayMs: id === 0 ? slowMs : 0 }));

async function measurePipelined(scope: LabScope, requests: LabRequest[]): Promise<MultiplexSide> {
  const log: ServerLog = { received: [], finished: [] };
  const server = await listenOnLoopback(scope, itemServer(log));
  const { arrivalsMs } = await exchange(scope, server.port, requests, "pipelined");
  if (arrivalsMs.length !== requests.length) throw new Error(`pipelined: ${arrivalsMs.length} of ${requests.length} responses arrived`);
  return { quickDoneMs: Math.max(...arrivalsMs.slice(1)), slowDoneMs: arrivalsMs[0], connections: server.connections };
}

function h2Server(): http2.Http2Server {
  const server = http2.createServer();
  server.on("stream", (stream, headers) => {
    const url = new URL(String(headers[":path"] ?? "/"), "http://loopback");
    const id = Number(url.pathname.split("/").pop());
    const delayMs = Number(url.searchParams.get("delay") ?? 0);
    const answer = () => {
      if (stream.destroyed) return;
      const body = `item ${id}\n`;
      stream.respond({ ":status": 200, "content-length": Buffer.byteLength(body), "x-request-id": String(id) });
      stream.end(body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
  return server;
}

async function measureMultiplexed(scope: LabScope, requests: LabRequest[]): Promise<MultiplexLabResult["measured"]["multiplexed"]> {
  const server = await listenOnLoopback(scope, h2Server());
  const session = http2.connect(`http://${LOOPBACK_HOST}:${server.port}`);
  session.on("error", () => undefined); // a failure shows as a stream that never ends, caught by the deadline
  scope.defer(() => new Promise<void>((resolve) => (session.closed ? resolve() : session.close(() => resolve()))));
  await scope.race(new Promise<void>((resolve, reject) => session.once("connect", () => resolve()).once("error", reject)));
  const start = nowMs();
  const arrivals: { id: number; ms: number }[] = [];
  await scope.race(
    Promise.all(
      requests.map(
        (r) =>
          new Promise<void>((resolve, reject) => {
            const stream = session.request({ ":path": `/item/${r.id}?delay=${r.delayMs}` });
            stream.on("error", reject);
            stream.resume();
            stream.on("end", () => {
              arrivals.push({ id: r.id, ms: roundMs(nowMs() - start) });
              resolve();
            });
          }),
      ),
    ),
  );
  const ms = (id: number) => arrivals.find((a) => a.id === id)!.ms;
  return {
    quickDoneMs: Math.max(...requests.slice(1).map((r) => ms(r.id))),
    slowDoneMs: ms(0),
    connections: server.connections,
    arrivalOrder: arrivals.map((a) => a.id),
  };
}

export async function runMultiplexLab(options: MultiplexLabOptions = {}): Promise<MultiplexLabResult> {
  const o = optionsObject("options", options);
  const n = optionalNumber("requests", o.requests, 6, { min: 2, max: 50, integer: true });
  const slowMs = optionalNumber("slowMs", o.slowMs, 50, { min: 1, max: 2000, integer: true });
  const deadlineMs = deadlineOption(o.deadlineMs);
  return runLab("multiplex", deadlineMs, async (scope) => {
    const rttMs = await measureLoopbackRtt(scope);
    const requests = batch(n, slowMs);
    const pipelined = await measurePipelined(scope, requests);
    const multiplexed = await measureMultiplexed(scope, requests);
    return {
      lab: "multiplex",
      setup: { requests: n, slowMs },
      measured: { pipelined, multiplexed },
      model: modelMultiplex({ requests: n, slowMs, rttMs }),
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: [
        "times run from the moment the batch is written; the first request is the slow one",
        `${LOOPBACK_TIMING_NOTE} (here: per stream); compare each side with the slow request`,
        "HTTP/2 here is cleartext h2c: browsers speak HTTP/2 only over TLS, which adds a handshake but changes nothing about streams",
      ],
    };
  });
}

export function formatMultiplex(r: MultiplexLabResult): string {
  const sides = [["pipelined", "HTTP/1.1 pipelined"], ["multiplexed", "HTTP/2 streams"]] as const;
  const rows = sides.flatMap(([k, name]) => [
    { label: `${name}: quick responses done`, measured: r.measured[k].quickDoneMs, model: r.model[k].quickDoneMs, unit: "ms" },
    { label: `${name}: slow response done`, measured: r.measured[k].slowDoneMs, model: r.model[k].slowDoneMs, unit: "ms" },
    { label: `${name}: connections`, measured: r.measured[k].connections, model: 1, unit: "" },
  ]);
  return [
    `Head-of-line blocking: ${r.setup.requests} requests on one connection, request 0 takes ${r.setup.slowMs} ms at the server`,
    comparisonTable(rows),
    `HTTP/2 arrival order: ${r.measured.multiplexed.arrivalOrder.join(", ")} (request order was 0..${r.setup.requests - 1})`,
    ...r.notes.map((n) => `note: ${n}`),
    platformLine(r.platform),
  ].join("\n");
}
