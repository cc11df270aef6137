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
 * The lab checks each way ran as designed (the server was handed every
 * request, every response arrived whole, client and server agree on the
 * connections), else the result is inconclusive (see consistency.ts); before
 * measuring, that it has the few descriptors it needs.
 */
import * as http2 from "node:http2";
import { optionsObject, optionalNumber } from "../errors";
import { LOOPBACK_HOST, LabScope, listenOnLoopback, roundMs, nowMs, runLab, deadlineOption } from "./harness";
import { Consistency, ConsistencyLog, LabInconclusiveError, consistencyLines, counted, inconclusiveBanner, orInconclusive } from "./consistency";
import { descriptorBudget, requireDescriptors } from "./descriptors";
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
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
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
  /**
   * What the lab verified about its own run, and why the result is
   * inconclusive when it is. When nothing could be measured, the times and
   * counts are NaN (null in the saved JSON) and the arrival order empty.
   */
  consistency: Consistency;
}

/**
 * The most descriptors the lab holds at once: the HTTP/1.1 server and its
 * connection (both ends) stay open until the lab ends, beside the HTTP/2
 * server and its session (both ends).
 */
const PEAK_DESCRIPTORS = 7;

const batch = (n: number, slowMs: number): LabRequest[] =>
  Array.from({ length: n }, (_, id) => ({ id, method: "GET", delayMs: id === 0 ? slowMs : 0 }));

async function measurePipelined(scope: LabScope, checks: ConsistencyLog, requests: LabRequest[]): Promise<MultiplexSide> {
  const log: ServerLog = { received: [], finished: [] };
  const server = await listenOnLoopback(scope, itemServer(log));
  const { arrivalsMs, responses } = await exchange(scope, server.port, requests, "pipelined");
  const n = requests.length;
  // without every response there is no "quick ones done" time to report
  if (arrivalsMs.length !== n) throw new LabInconclusiveError(`HTTP/1.1 pipelined: ${arrivalsMs.length} of ${n} responses arrived before the connection closed`);
  const whole = responses.filter((r, i) => r.status === 200 && r.body.toString() === `item ${requests[i].id}\n`).length;
  checks.verify(
    log.received.length === n && whole === n,
    `HTTP/1.1 pipelined: ${n} requests written; the server was handed ${log.received.length}; ${whole} responses arrived whole with status 200`,
    `HTTP/1.1 pipelined: ${n} requests written, but the server was handed ${log.received.length} and ${whole} responses arrived whole with status 200`,
  );
  checks.verify(
    server.connections === 1,
    "HTTP/1.1 pipelined: the client opened 1 connection and the server accepted 1",
    `HTTP/1.1 pipelined: the client opened 1 connection but the server accepted ${server.connections}`,
  );
  return { quickDoneMs: Math.max(...arrivalsMs.slice(1)), slowDoneMs: arrivalsMs[0], connections: server.connections };
}

function h2Server(streams: { count: number }): http2.Http2Server {
  const server = http2.createServer();
  server.on("stream", (stream, headers) => {
    streams.count++;
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

async function measureMultiplexed(scope: LabScope, checks: ConsistencyLog, requests: LabRequest[]): Promise<MultiplexLabResult["measured"]["multiplexed"]> {
  const streams = { count: 0 };
  const server = await listenOnLoopback(scope, h2Server(streams));
  const session = http2.connect(`http://${LOOPBACK_HOST}:${server.port}`);
  session.on("error", () => undefined); // a failure shows as a stream that never ends, caught by the deadline
  scope.defer(() => new Promise<void>((resolve) => (session.closed ? resolve() : session.close(() => resolve()))));
  await scope.race(new Promise<void>((resolve, reject) => session.once("connect", () => resolve()).once("error", reject)));
  const start = nowMs();
  const arrivals: { id: number; ms: number }[] = [];
  let whole = 0;
  await scope.race(
    Promise.all(
      requests.map(
        (r) =>
          new Promise<void>((resolve, reject) => {
            const stream = session.request({ ":path": `/item/${r.id}?delay=${r.delayMs}` });
            let status = 0;
            let body = "";
            stream.on("error", reject);
            stream.on("response", (headers) => (status = Number(headers[":status"])));
            stream.setEncoding("utf8");
            stream.on("data", (chunk: string) => (body += chunk));
            stream.on("end", () => {
              arrivals.push({ id: r.id, ms: roundMs(nowMs() - start) });
              if (status === 200 && body === `item ${r.id}\n`) whole++;
              resolve();
            });
          }),
      ),
    ),
  );
  const n = requests.length;
  checks.verify(
    streams.count === n && whole === n,
    `HTTP/2: ${n} streams opened; the server was handed ${streams.count}; ${whole} responses arrived whole with status 200`,
    `HTTP/2: ${n} streams opened, but the server was handed ${streams.count} and ${whole} responses arrived whole with status 200`,
  );
  checks.verify(
    server.connections === 1,
    "HTTP/2: the client opened 1 session (connection) and the server accepted 1",
    `HTTP/2: the client opened 1 session but the server accepted ${counted(server.connections, "connection")}`,
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
  const fdLimit = o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 });
  const checks = new ConsistencyLog();
  const notMeasured = (): MultiplexLabResult => {
    const none = (): MultiplexTimes => ({ quickDoneMs: NaN, slowDoneMs: NaN });
    return {
      lab: "multiplex",
      setup: { requests: n, slowMs },
      measured: { pipelined: { ...none(), connections: NaN }, multiplexed: { ...none(), connections: NaN, arrivalOrder: [] } },
      model: { pipelined: none(), multiplexed: none() },
      platform: platformFacts(),
      notes: [],
      consistency: checks.result(),
    };
  };
  if (!requireDescriptors(checks, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, "the lab (one HTTP/1.1 connection and one HTTP/2 session)")) return notMeasured();
  const work = runLab("multiplex", deadlineMs, async (scope): Promise<MultiplexLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    checks.verify(Number.isFinite(rttMs) && rttMs > 0, `loopback round trip measured: ${rttMs} ms (median of the echo probe)`, `the loopback round trip could not be measured (${rttMs} ms)`);
    const requests = batch(n, slowMs);
    const pipelined = await measurePipelined(scope, checks, requests);
    const multiplexed = await measureMultiplexed(scope, checks, requests);
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
      consistency: checks.result(),
    };
  });
  return orInconclusive(work, checks, notMeasured);
}

export function formatMultiplex(r: MultiplexLabResult): string {
  const sides = [["pipelined", "HTTP/1.1 pipelined"], ["multiplexed", "HTTP/2 streams"]] as const;
  const rows = sides.flatMap(([k, name]) => [
    { label: `${name}: quick responses done`, measured: r.measured[k].quickDoneMs, model: r.model[k].quickDoneMs, unit: "ms" },
    { label: `${name}: slow response done`, measured: r.measured[k].slowDoneMs, model: r.model[k].slowDoneMs, unit: "ms" },
    { label: `${name}: connections`, measured: r.measured[k].connections, model: 1, unit: "" },
  ]);
  return [
    ...inconclusiveBanner(r.consistency, Number.isFinite(r.measured.pipelined.quickDoneMs)),
    `Head-of-line blocking: ${r.setup.requests} requests on one connection, request 0 takes ${r.setup.slowMs} ms at the server`,
    comparisonTable(rows),
    `HTTP/2 arrival order: ${r.measured.multiplexed.arrivalOrder.join(", ")} (request order was 0..${r.setup.requests - 1})`,
    ...r.notes.map((n) => `note: ${n}`),
    ...consistencyLines(r.consistency),
    platformLine(r.platform),
  ].join("\n");
}
