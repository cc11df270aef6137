/**
 * Lab: persistent connections (HTTP/1.1 keep-alive, RFC 9112 9.3) against a
 * new connection per request, with node:http on loopback.
 *
 * The same N small GET requests run twice, one at a time:
 *   - a new connection each: an http.Agent with keepAlive false, so every
 *     request says `Connection: close` and pays a TCP handshake;
 *   - one kept-alive connection: http.Agent({keepAlive: true, maxSockets: 1}).
 * The server counts its 'connection' events, so the result shows how many
 * sockets each way opened (N against 1) beside the median time per request.
 * The client counts the sockets its agent used too: the two counts must
 * agree, and every request must get its whole response, or the result is
 * inconclusive (see consistency.ts). Before measuring, the lab checks it has
 * the few descriptors it needs.
 */
import * as http from "node:http";
import * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { LOOPBACK_HOST, LabScope, listenOnLoopback, median, nowMs, roundMs, runLab, deadlineOption } from "./harness";
import { Consistency, ConsistencyLog, consistencyLines, counted, inconclusiveBanner, orInconclusive } from "./consistency";
import { descriptorBudget, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt } from "./loopback-rtt";
import { PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, platformLine } from "./table";
import { modelKeepAlive } from "./keep-alive-model";

export interface KeepAliveLabOptions {
  /** requests per run (default 20, at most 500) */
  requests?: number;
  /** bytes of each response body (default 256) */
  responseBytes?: number;
  /** the whole lab aborts after this long (default 15000 ms) */
  deadlineMs?: number;
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
}

export interface KeepAliveSide {
  /** median ms per request */
  perRequestMs: number | null;
  /** TCP connections the server accepted for this run */
  socketsOpened: number | null;
}

/** Request and response sizes on the wire (HTTP head and body), averaged over a run. */
export interface MessageSizes {
  requestBytes: number;
  responseBytes: number;
}

export interface KeepAliveLabResult {
  lab: "keep-alive";
  /** responseBytes is the body; `wire` the average whole messages the server read and wrote */
  setup: { requests: number; responseBytes: number; wire: MessageSizes };
  measured: { newConnection: KeepAliveSide; keepAlive: KeepAliveSide };
  model: { newConnection: KeepAliveSide; keepAlive: KeepAliveSide };
  platform: PlatformFacts;
  notes: string[];
  /** what the lab verified about its own run, and why the result is inconclusive when it is (numbers are then null when nothing was measured) */
  consistency: Consistency;
}

/** The most descriptors the lab holds at once: a listening server, and two connections (one closing while the next opens), both ends. */
const PEAK_DESCRIPTORS = 5;

/** What one side's run saw, to check it ran as designed. */
interface SideStats {
  /** requests the server's handler answered */
  handled: number;
  /** responses the client read whole with status 200 */
  complete: number;
  /** the distinct sockets the client's agent sent requests on */
  clientSockets: Set<net.Socket>;
}

function fixedBodyServer(body: Buffer, stats: SideStats): http.Server {
  return http.createServer((req, res) => {
    stats.handled++;
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": body.length });
      res.end(body);
    });
  });
}

/** One GET through `agent`; resolves with the ms until the whole body has arrived. */
function timedGet(scope: LabScope, port: number, agent: http.Agent, stats: SideStats, bodyBytes: number): Promise<number> {
  const start = nowMs();
  return scope.race(
    new Promise<number>((resolve, reject) => {
      const req = http.get({ host: LOOPBACK_HOST, port, path: "/", agent }, (res) => {
        let got = 0;
        res.on("data", (chunk: Buffer) => (got += chunk.length));
        res.on("end", () => {
          if (res.statusCode === 200 && got === bodyBytes) stats.complete++;
          resolve(nowMs() - start);
        });
        res.on("error", reject);
      });
      req.on("socket", (socket: net.Socket) => stats.clientSockets.add(socket));
      req.on("error", reject);
    }),
  );
}

/** Runs `requests` GETs one after another on a fresh server; returns median time and sockets opened. */
async function measureSide(scope: LabScope, log: ConsistencyLog, keepAlive: boolean, requests: number, body: Buffer): Promise<KeepAliveSide & { wire: MessageSizes }> {
  const stats: SideStats = { handled: 0, complete: 0, clientSockets: new Set() };
  const server = await listenOnLoopback(scope, fixedBodyServer(body, stats));
  const agent = new http.Agent(keepAlive ? { keepAlive: true, maxSockets: 1 } : { keepAlive: false });
  const side = keepAlive ? "kept alive" : "new connection each";
  try {
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      scope.check();
      times.push(await timedGet(scope, server.port, agent, stats, body.length));
    }
    log.verify(
      stats.complete === requests && stats.handled === requests,
      `${side}: ${requests} requests sent, ${stats.complete} responses of ${body.length} B read whole with status 200, ${stats.handled} handled by the server`,
      `${side}: ${requests} requests sent, but ${stats.complete} responses read whole and ${stats.handled} handled by the server`,
    );
    log.verify(
      stats.clientSockets.size === server.connections,
      `${side}: the client sent its requests on ${counted(stats.clientSockets.size, "socket")} and the server accepted ${counted(server.connections, "connection")}`,
      `${side}: the client sent its requests on ${counted(stats.clientSockets.size, "socket")} but the server accepted ${counted(server.connections, "connection")}`,
    );
    const bytes = server.bytes();
    return {
      perRequestMs: roundMs(median(times)),
      socketsOpened: server.connections,
      wire: { requestBytes: Math.round(bytes.read / requests), responseBytes: Math.round(bytes.written / requests) },
    };
  } finally {
    agent.destroy();
    await server.close();
  }
}

function readOptions(options: KeepAliveLabOptions | undefined) {
  const o = optionsObject("options", options);
  return {
    requests: optionalNumber("requests", o.requests, 20, { integer: true, min: 1, max: 500 }),
    responseBytes: optionalNumber("responseBytes", o.responseBytes, 256, { integer: true, min: 0, max: 1_000_000 }),
    deadlineMs: deadlineOption(o.deadlineMs),
    fdLimit: o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 }),
  };
}

/** Runs the keep-alive lab on loopback. */
export async function runKeepAliveLab(options?: KeepAliveLabOptions): Promise<KeepAliveLabResult> {
  const { requests, responseBytes, deadlineMs, fdLimit } = readOptions(options);
  const body = Buffer.alloc(responseBytes, "k");
  const log = new ConsistencyLog();
  const none = (): KeepAliveSide => ({ perRequestMs: null, socketsOpened: null });
  const notMeasured = (): KeepAliveLabResult => ({
    lab: "keep-alive",
    setup: { requests, responseBytes, wire: { requestBytes: 0, responseBytes: 0 } },
    measured: { newConnection: none(), keepAlive: none() },
    model: { newConnection: none(), keepAlive: none() },
    platform: platformFacts(),
    notes: [],
    consistency: log.result(),
  });
  if (!requireDescriptors(log, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, "the lab (one request at a time)")) return notMeasured();
  const work = runLab("keep-alive", deadlineMs, async (scope): Promise<KeepAliveLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    log.verify(Number.isFinite(rttMs) && rttMs > 0, `loopback round trip measured: ${rttMs} ms (median of the echo probe)`, `the loopback round trip could not be measured (${rttMs} ms)`);
    const { wire, ...newConnection } = await measureSide(scope, log, false, requests, body);
    const { wire: _sameSizes, ...keepAlive } = await measureSide(scope, log, true, requests, body);
    const model = modelKeepAlive({ requests, ...wire, rttMs });
    return {
      lab: "keep-alive",
      setup: { requests, responseBytes, wire },
      measured: { newConnection, keepAlive },
      model: { newConnection: model.newConnection, keepAlive: model.keepAlive },
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: model.notes,
      consistency: log.result(),
    };
  });
  return orInconclusive(work, log, notMeasured);
}

/** The keep-alive lab as a table. */
export function formatKeepAlive(result: KeepAliveLabResult): string {
  const { measured: m, model: p, setup } = result;
  const rows = [
    { label: "new connection each: time per request", measured: m.newConnection.perRequestMs, model: p.newConnection.perRequestMs, unit: "ms" },
    { label: "kept alive: time per request", measured: m.keepAlive.perRequestMs, model: p.keepAlive.perRequestMs, unit: "ms" },
    { label: "new connection each: sockets opened", measured: m.newConnection.socketsOpened, model: p.newConnection.socketsOpened, unit: "" },
    { label: "kept alive: sockets opened", measured: m.keepAlive.socketsOpened, model: p.keepAlive.socketsOpened, unit: "" },
  ];
  return [
    ...inconclusiveBanner(result.consistency, m.newConnection.perRequestMs !== null || m.keepAlive.perRequestMs !== null),
    `Keep-alive: ${setup.requests} GETs of ${setup.responseBytes} B, one at a time, median per request`,
    comparisonTable(rows),
    ...result.notes.map((n) => `note: ${n}`),
    ...consistencyLines(result.consistency),
    platformLine(result.platform),
  ].join("\n");
}
