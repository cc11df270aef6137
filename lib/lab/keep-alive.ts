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
 */
import * as http from "node:http";
import { optionsObject, optionalNumber } from "../errors";
import { LOOPBACK_HOST, LabScope, listenOnLoopback, median, nowMs, roundMs, runLab, deadlineOption } from "./harness";
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
}

function fixedBodyServer(body: Buffer): http.Server {
  return http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "Content-Type": "text/plain", "Content-Length": body.length });
      res.end(body);
    });
  });
}

/** One GET through `agent`; resolves with the ms until the whole body has arrived. */
function timedGet(scope: LabScope, port: number, agent: http.Agent): Promise<number> {
  const start = nowMs();
  return scope.race(
    new Promise<number>((resolve, reject) => {
      const req = http.get({ host: LOOPBACK_HOST, port, path: "/", agent }, (res) => {
        res.resume();
        res.on("end", () => resolve(nowMs() - start));
        res.on("error", reject);
      });
      req.on("error", reject);
    }),
  );
}

/** Runs `requests` GETs one after another on a fresh server; returns median time and sockets opened. */
async function measureSide(scope: LabScope, keepAlive: boolean, requests: number, body: Buffer): Promise<KeepAliveSide & { wire: MessageSizes }> {
  const server = await listenOnLoopback(scope, fixedBodyServer(body));
  const agent = new http.Agent(keepAlive ? { keepAlive: true, maxSockets: 1 } : { keepAlive: false });
  try {
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      scope.check();
      times.push(await timedGet(scope, server.port, agent));
    }
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
  };
}

/** Runs the keep-alive lab on loopback. */
export async function runKeepAliveLab(options?: KeepAliveLabOptions): Promise<KeepAliveLabResult> {
  const { requests, responseBytes, deadlineMs } = readOptions(options);
  const body = Buffer.alloc(responseBytes, "k");
  return runLab("keep-alive", deadlineMs, async (scope) => {
    const rttMs = await measureLoopbackRtt(scope);
    const { wire, ...newConnection } = await measureSide(scope, false, requests, body);
    const { wire: _sameSizes, ...keepAlive } = await measureSide(scope, true, requests, body);
    const model = modelKeepAlive({ requests, ...wire, rttMs });
    return {
      lab: "keep-alive" as const,
      setup: { requests, responseBytes, wire },
      measured: { newConnection, keepAlive },
      model: { newConnection: model.newConnection, keepAlive: model.keepAlive },
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: model.notes,
    };
  });
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
    `Keep-alive: ${setup.requests} GETs of ${setup.responseBytes} B, one at a time, median per request`,
    comparisonTable(rows),
    ...result.notes.map((n) => `note: ${n}`),
    platformLine(result.platform),
  ].join("\n");
}
