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
import type * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { messages } from "../i18n";
import { LOOPBACK_HOST, type LabScope, listenOnLoopback, median, nowMs, roundMs, runLab, deadlineOption } from "./harness";
import {
  type Consistency,
  ConsistencyLog,
  connections,
  consistencyLines,
  inconclusiveBanner,
  orInconclusive,
  sockets,
} from "./consistency";
import { descriptorBudget, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt, verifyLoopbackRtt } from "./loopback-rtt";
import { type PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, noteLines, platformLine } from "./table";
import type { KeepAliveSide } from "./keep-alive-model";
import { modelKeepAlive } from "./keep-alive-model";

const say = messages("lab/keep-alive", {
  sideKept: { en: "kept alive", ko: "지속 커넥션(kept alive)" },
  sideNew: { en: "new connection each", ko: "요청마다 새 커넥션" },
  responsesOk: {
    en: "{side}: {requests} requests sent, {complete} responses of {bytes} B read whole with status 200, {handled} handled by the server",
    ko: "{side}: 요청 {requests}개를 보냈고, {bytes} B 응답 {complete}개를 상태 200으로 끝까지 읽었으며, 서버가 {handled}개를 처리했습니다",
  },
  responsesBad: {
    en: "{side}: {requests} requests sent, but {complete} responses read whole and {handled} handled by the server",
    ko: "{side}: 요청 {requests}개를 보냈지만, 끝까지 읽은 응답은 {complete}개이고 서버가 처리한 것은 {handled}개입니다",
  },
  socketsOk: {
    en: "{side}: the client sent its requests on {sockets} and the server accepted {connections}",
    ko: "{side}: 클라이언트는 {sockets}로 요청을 보냈고 서버는 {connections}를 받아들였습니다",
  },
  socketsBad: {
    en: "{side}: the client sent its requests on {sockets} but the server accepted {connections}",
    ko: "{side}: 클라이언트는 {sockets}로 요청을 보냈는데 서버는 {connections}를 받아들였습니다",
  },
  oneRequest: { en: "the lab (one request at a time)", ko: "이 실험(한 번에 요청 하나)" },
  heading: {
    en: "Keep-alive: {requests} GETs of {bytes} B, one at a time, median per request",
    ko: "keep-alive: {bytes} B짜리 GET {requests}개를 하나씩 보낸 요청당 시간의 중앙값",
  },
  rowNewTime: { en: "new connection each: time per request", ko: "요청마다 새 커넥션: 요청당 시간" },
  rowKeptTime: { en: "kept alive: time per request", ko: "지속 커넥션: 요청당 시간" },
  rowNewSockets: { en: "new connection each: sockets opened", ko: "요청마다 새 커넥션: 연 소켓 수" },
  rowKeptSockets: { en: "kept alive: sockets opened", ko: "지속 커넥션: 연 소켓 수" },
});

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

export type { KeepAliveSide } from "./keep-alive-model";

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
async function measureSide(
  scope: LabScope,
  log: ConsistencyLog,
  keepAlive: boolean,
  requests: number,
  body: Buffer,
): Promise<KeepAliveSide & { wire: MessageSizes }> {
  const stats: SideStats = { handled: 0, complete: 0, clientSockets: new Set() };
  const server = await listenOnLoopback(scope, fixedBodyServer(body, stats));
  const agent = new http.Agent(keepAlive ? { keepAlive: true, maxSockets: 1 } : { keepAlive: false });
  const side = keepAlive ? say.sideKept() : say.sideNew();
  try {
    const times: number[] = [];
    for (let i = 0; i < requests; i++) {
      scope.check();
      times.push(await timedGet(scope, server.port, agent, stats, body.length));
    }
    log.verify(
      stats.complete === requests && stats.handled === requests,
      say.responsesOk({ side, requests, complete: stats.complete, bytes: body.length, handled: stats.handled }),
      say.responsesBad({ side, requests, complete: stats.complete, handled: stats.handled }),
    );
    const counts = { side, sockets: sockets(stats.clientSockets.size), connections: connections(server.connections) };
    log.verify(stats.clientSockets.size === server.connections, say.socketsOk(counts), say.socketsBad(counts));
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
  if (!requireDescriptors(log, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, say.oneRequest())) return notMeasured();
  const work = runLab("keep-alive", deadlineMs, async (scope): Promise<KeepAliveLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    verifyLoopbackRtt(log, rttMs);
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
    { label: say.rowNewTime(), measured: m.newConnection.perRequestMs, model: p.newConnection.perRequestMs, unit: "ms" },
    { label: say.rowKeptTime(), measured: m.keepAlive.perRequestMs, model: p.keepAlive.perRequestMs, unit: "ms" },
    { label: say.rowNewSockets(), measured: m.newConnection.socketsOpened, model: p.newConnection.socketsOpened, unit: "" },
    { label: say.rowKeptSockets(), measured: m.keepAlive.socketsOpened, model: p.keepAlive.socketsOpened, unit: "" },
  ];
  return [
    ...inconclusiveBanner(result.consistency, m.newConnection.perRequestMs !== null || m.keepAlive.perRequestMs !== null),
    say.heading({ requests: setup.requests, bytes: setup.responseBytes }),
    comparisonTable(rows),
    ...noteLines(result.notes),
    ...consistencyLines(result.consistency),
    platformLine(result.platform),
  ].join("\n");
}
