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
import { messages } from "../i18n";
import { LOOPBACK_HOST, type LabScope, listenOnLoopback, roundMs, nowMs, runLab, deadlineOption } from "./harness";
import {
  type Consistency,
  ConsistencyLog,
  LabInconclusiveError,
  connections,
  consistencyLines,
  inconclusiveBanner,
  orInconclusive,
} from "./consistency";
import { descriptorBudget, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt, verifyLoopbackRtt } from "./loopback-rtt";
import { modelMultiplex, type MultiplexTimes } from "./multiplex-model";
import { exchange, itemServer, type LabRequest, type ServerLog } from "./pipeline";
import { type PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, loopbackTimingNote, noteLines, platformLine } from "./table";

const say = messages("lab/multiplex", {
  pipelinedMissing: {
    en: "HTTP/1.1 pipelined: {arrived} of {n} responses arrived before the connection closed",
    ko: "HTTP/1.1 파이프라인: 커넥션이 닫히기 전에 응답 {n}개 중 {arrived}개만 도착했습니다",
  },
  pipelinedOk: {
    en: "HTTP/1.1 pipelined: {n} requests written; the server was handed {received}; {whole} responses arrived whole with status 200",
    ko: "HTTP/1.1 파이프라인: 요청 {n}개를 썼습니다. 서버는 {received}개를 넘겨받았고, 응답 {whole}개가 상태 200으로 온전히 도착했습니다",
  },
  pipelinedBad: {
    en: "HTTP/1.1 pipelined: {n} requests written, but the server was handed {received} and {whole} responses arrived whole with status 200",
    ko: "HTTP/1.1 파이프라인: 요청 {n}개를 썼는데, 서버는 {received}개를 넘겨받았고 상태 200으로 온전히 도착한 응답은 {whole}개입니다",
  },
  pipelinedConnectionOk: {
    en: "HTTP/1.1 pipelined: the client opened 1 connection and the server accepted 1",
    ko: "HTTP/1.1 파이프라인: 클라이언트는 커넥션 1개를 열었고 서버는 1개를 받아들였습니다",
  },
  pipelinedConnectionBad: {
    en: "HTTP/1.1 pipelined: the client opened 1 connection but the server accepted {accepted}",
    ko: "HTTP/1.1 파이프라인: 클라이언트는 커넥션 1개를 열었는데 서버는 {accepted}개를 받아들였습니다",
  },
  streamsOk: {
    en: "HTTP/2: {n} streams opened; the server was handed {received}; {whole} responses arrived whole with status 200",
    ko: "HTTP/2: 스트림 {n}개를 열었습니다. 서버는 {received}개를 넘겨받았고, 응답 {whole}개가 상태 200으로 온전히 도착했습니다",
  },
  streamsBad: {
    en: "HTTP/2: {n} streams opened, but the server was handed {received} and {whole} responses arrived whole with status 200",
    ko: "HTTP/2: 스트림 {n}개를 열었는데, 서버는 {received}개를 넘겨받았고 상태 200으로 온전히 도착한 응답은 {whole}개입니다",
  },
  sessionOk: {
    en: "HTTP/2: the client opened 1 session (connection) and the server accepted 1",
    ko: "HTTP/2: 클라이언트는 세션(커넥션) 1개를 열었고 서버는 1개를 받아들였습니다",
  },
  sessionBad: {
    en: "HTTP/2: the client opened 1 session but the server accepted {connections}",
    ko: "HTTP/2: 클라이언트는 세션 1개를 열었는데 서버는 {connections}를 받아들였습니다",
  },
  descriptorsWhat: {
    en: "the lab (one HTTP/1.1 connection and one HTTP/2 session)",
    ko: "이 실험(HTTP/1.1 커넥션 하나와 HTTP/2 세션 하나)",
  },
  noteStart: {
    en: "times run from the moment the batch is written; the first request is the slow one",
    ko: "시간은 요청 묶음을 쓴 순간부터 잽니다. 첫 요청이 느린 요청입니다",
  },
  noteLoopback: {
    en: "{loopback} (here: per stream); compare each side with the slow request",
    ko: "{loopback} (여기서는 스트림마다). 양쪽을 느린 요청과 비교해 보세요",
  },
  noteH2c: {
    en: "HTTP/2 here is cleartext h2c: browsers speak HTTP/2 only over TLS, which adds a handshake but changes nothing about streams",
    ko: "여기서 HTTP/2는 평문 h2c입니다. 브라우저는 TLS 위에서만 HTTP/2를 쓰는데, TLS는 핸드셰이크를 더할 뿐 스트림에 관해서는 바꾸는 것이 없습니다",
  },
  sidePipelined: { en: "HTTP/1.1 pipelined", ko: "HTTP/1.1 파이프라인" },
  sideMultiplexed: { en: "HTTP/2 streams", ko: "HTTP/2 스트림" },
  rowQuick: { en: "{side}: quick responses done", ko: "{side}: 빠른 응답 완료" },
  rowSlow: { en: "{side}: slow response done", ko: "{side}: 느린 응답 완료" },
  rowConnections: { en: "{side}: connections", ko: "{side}: 커넥션 수" },
  heading: {
    en: "Head-of-line blocking: {requests} requests on one connection, request 0 takes {slowMs} ms at the server",
    ko: "HOL 블로킹(head-of-line blocking): 커넥션 하나에 요청 {requests}개, 요청 0은 서버에서 {slowMs} ms 걸림",
  },
  arrivalOrder: {
    en: "HTTP/2 arrival order: {order} (request order was 0..{last})",
    ko: "HTTP/2 도착 순서: {order} (요청 순서는 0..{last})",
  },
});

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
  if (arrivalsMs.length !== n) throw new LabInconclusiveError(say.pipelinedMissing({ arrived: arrivalsMs.length, n }));
  const whole = responses.filter((r, i) => r.status === 200 && r.body.toString() === `item ${requests[i].id}\n`).length;
  const counts = { n, received: log.received.length, whole };
  checks.verify(log.received.length === n && whole === n, say.pipelinedOk(counts), say.pipelinedBad(counts));
  checks.verify(server.connections === 1, say.pipelinedConnectionOk(), say.pipelinedConnectionBad({ accepted: server.connections }));
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

async function measureMultiplexed(
  scope: LabScope,
  checks: ConsistencyLog,
  requests: LabRequest[],
): Promise<MultiplexLabResult["measured"]["multiplexed"]> {
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
  const counts = { n, received: streams.count, whole };
  checks.verify(streams.count === n && whole === n, say.streamsOk(counts), say.streamsBad(counts));
  checks.verify(server.connections === 1, say.sessionOk(), say.sessionBad({ connections: connections(server.connections) }));
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
  if (!requireDescriptors(checks, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, say.descriptorsWhat())) return notMeasured();
  const work = runLab("multiplex", deadlineMs, async (scope): Promise<MultiplexLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    verifyLoopbackRtt(checks, rttMs);
    const requests = batch(n, slowMs);
    const pipelined = await measurePipelined(scope, checks, requests);
    const multiplexed = await measureMultiplexed(scope, checks, requests);
    return {
      lab: "multiplex",
      setup: { requests: n, slowMs },
      measured: { pipelined, multiplexed },
      model: modelMultiplex({ requests: n, slowMs, rttMs }),
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: [say.noteStart(), say.noteLoopback({ loopback: loopbackTimingNote() }), say.noteH2c()],
      consistency: checks.result(),
    };
  });
  return orInconclusive(work, checks, notMeasured);
}

export function formatMultiplex(r: MultiplexLabResult): string {
  const sides = [
    ["pipelined", say.sidePipelined()],
    ["multiplexed", say.sideMultiplexed()],
  ] as const;
  const rows = sides.flatMap(([k, side]) => [
    { label: say.rowQuick({ side }), measured: r.measured[k].quickDoneMs, model: r.model[k].quickDoneMs, unit: "ms" },
    { label: say.rowSlow({ side }), measured: r.measured[k].slowDoneMs, model: r.model[k].slowDoneMs, unit: "ms" },
    { label: say.rowConnections({ side }), measured: r.measured[k].connections, model: 1, unit: "" },
  ]);
  return [
    ...inconclusiveBanner(r.consistency, Number.isFinite(r.measured.pipelined.quickDoneMs)),
    say.heading({ requests: r.setup.requests, slowMs: r.setup.slowMs }),
    comparisonTable(rows),
    say.arrivalOrder({ order: r.measured.multiplexed.arrivalOrder.join(", "), last: r.setup.requests - 1 }),
    ...noteLines(r.notes),
    ...consistencyLines(r.consistency),
    platformLine(r.platform),
  ].join("\n");
}
