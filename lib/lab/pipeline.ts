/**
 * Lab: HTTP/1.1 pipelining (RFC 9112 9.3.2) on a raw socket to node:http.
 *
 * Three parts, each on loopback:
 *   1. Timing: N GETs written back to back in one write on one connection,
 *      against the same N GETs one at a time (write, wait for the answer,
 *      write the next) on the same kind of connection. Median of a few runs.
 *   2. Order: N pipelined GETs where the server deliberately finishes the
 *      later requests first (request i sleeps longer than request i+1). HTTP/1.1
 *      has no request ids on the wire, so the server must still answer in
 *      request order; we parse the responses (Content-Length framing) and
 *      check each is complete and in its place.
 *   3. Retry after an early close: the server answers k requests on a
 *      connection, marks the k-th response `Connection: close` and closes. The
 *      client resends on a new connection only the unanswered requests whose
 *      method is idempotent (RFC 9110 9.2.2) and reports the others (POST) as
 *      failed: it cannot know whether the server ran them. The client here
 *      pipelines POSTs along with the rest, which RFC 9112 9.3.2 tells a real
 *      client not to do: this is the situation that rule exists to avoid.
 * Every part also checks it ran as designed (each batch got all its
 * responses, the server was handed every request, client and server agree on
 * the connections, each retry request is answered or given up exactly once);
 * otherwise the result is inconclusive (see consistency.ts). Before
 * measuring, the lab checks it has the few descriptors it needs.
 */
import * as http from "node:http";
import type * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { messages, verbatim } from "../i18n";
import {
  type LabScope,
  type LoopbackServer,
  connectLoopback,
  listenOnLoopback,
  median,
  nowMs,
  roundMs,
  runLab,
  deadlineOption,
} from "./harness";
import {
  type Consistency,
  ConsistencyLog,
  connections,
  consistencyLines,
  counted,
  inconclusiveBanner,
  orInconclusive,
} from "./consistency";
import { descriptorBudget, oneConnectionAtATime, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt, verifyLoopbackRtt } from "./loopback-rtt";
import { type PlatformFacts, platformFacts } from "./platform";
import { type ParsedResponse, ResponseParser } from "./response-parser";
import { comparisonTable, noteLines, platformLine } from "./table";
import { isIdempotent } from "../http/index";
import { modelPipeline, type PipelineModel, type RetryPrediction } from "./pipeline-model";

const say = messages("lab/pipeline", {
  batchOne: { en: "{n} batch", ko: "묶음 {n}개" },
  batchMany: { en: "{n} batches", ko: "묶음 {n}개" },
  timingOk: {
    en: "timing: {batches} of {n} GETs each way: {pipelined} of {total} pipelined and {sequential} of {total} one-at-a-time responses read; the server was handed {received} requests on {connections}",
    ko: "시간 측정: 방식마다 GET {n}개짜리 {batches}: 파이프라인 응답 {total}개 중 {pipelined}개, 하나씩 보낸 응답 {total}개 중 {sequential}개를 읽었습니다. 서버는 {connections}에서 요청 {received}개를 넘겨받았습니다",
  },
  timingBad: {
    en: "timing: of {total} GETs each way, {pipelined} pipelined and {sequential} one-at-a-time responses arrived, and the server was handed {received} of {expected} requests on {connections} (expected {expectedConnections}): the times do not time whole batches",
    ko: "시간 측정: 방식마다 GET {total}개 중 파이프라인 응답은 {pipelined}개, 하나씩 보낸 응답은 {sequential}개가 왔고, 서버는 {connections}에서 요청 {expected}개 중 {received}개를 넘겨받았습니다 (예상한 커넥션은 {expectedConnections}개): 잰 시간은 묶음 전체의 시간이 아닙니다",
  },
  orderOk: {
    en: "order: {n} GETs pipelined; the server was handed {received} and finished {finished}; {parsed} responses parsed",
    ko: "순서: GET {n}개를 파이프라인으로 보냈습니다. 서버는 {received}개를 넘겨받아 {finished}개를 마쳤고, 응답 {parsed}개를 파싱했습니다",
  },
  orderBad: {
    en: "order: {n} GETs pipelined, but the server was handed {received} and finished {finished}, and {parsed} responses were parsed",
    ko: "순서: GET {n}개를 파이프라인으로 보냈는데, 서버는 {received}개를 넘겨받아 {finished}개를 마쳤고, 파싱한 응답은 {parsed}개입니다",
  },
  retryOk: {
    en: "retry: each of the {n} requests answered or given up exactly once ({answered} answered, {failed} failed), every answer for a request the server was handed",
    ko: "재시도: 요청 {n}개가 저마다 정확히 한 번 응답받거나 포기됐고 (응답 {answered}개, 실패 {failed}개), 모든 응답은 서버가 넘겨받은 요청에 대한 것입니다",
  },
  retryBad: {
    en: "retry: the {n} requests are not each answered or given up exactly once (answered {answeredList}; failed {failedList}), or an answer came for a request the server was not handed",
    ko: "재시도: 요청 {n}개가 저마다 정확히 한 번씩 응답받거나 포기되지 않았거나 (응답 {answeredList}, 실패 {failedList}), 서버가 넘겨받지 않은 요청에 응답이 왔습니다",
  },
  none: { en: "none", ko: "없음" },
  retryConnectionsOk: {
    en: "retry: the client opened {connections} and the server accepted {accepted}",
    ko: "재시도: 클라이언트는 {connections}를 열었고 서버는 {accepted}개를 받아들였습니다",
  },
  retryConnectionsBad: {
    en: "retry: the client opened {connections} but the server accepted {accepted}",
    ko: "재시도: 클라이언트는 {connections}를 열었는데 서버는 {accepted}개를 받아들였습니다",
  },
  retryHeading: {
    en: "Retry after the server closes after {closeAfter} responses (Connection: close):",
    ko: "서버가 응답 {closeAfter}개를 보내고 커넥션을 닫은 뒤의 재시도 (Connection: close):",
  },
  rowConnections: { en: "connections opened", ko: "연 커넥션 수" },
  rowAnswered: { en: "requests answered", ko: "응답받은 요청" },
  rowResent: { en: "requests resent", ko: "다시 보낸 요청" },
  rowFailed: { en: "requests failed", ko: "실패한 요청" },
  answeredLine: { en: "  answered, in arrival order: {list}", ko: "  응답받은 요청 (도착 순서): {list}" },
  resentLine: { en: "  resent (idempotent): {list}   model: {model}", ko: "  다시 보냄 (멱등): {list}   모델: {model}" },
  failedLine: {
    en: "  failed, not resent (not idempotent): {list}   model: {model}",
    ko: "  실패, 다시 보내지 않음 (멱등 아님): {list}   모델: {model}",
  },
  handedLine: { en: "  the server was handed (answered or not): {list}", ko: "  서버가 넘겨받은 요청 (응답 여부와 상관없이): {list}" },
  rowPipelined: { en: "{n} GETs pipelined (total)", ko: "GET {n}개 파이프라인 (전체)" },
  rowSequential: { en: "{n} GETs one at a time (total)", ko: "GET {n}개 하나씩 (전체)" },
  heading: {
    en: "Pipelining: median of {repeats} batches on one raw connection each",
    ko: "파이프라인 커넥션: 묶음마다 원시 소켓(raw socket) 커넥션을 하나씩 써서 {repeats}번 잰 값의 중앙값",
  },
  orderLine: {
    en: "order: server finished {finished}; responses {complete} and {inOrder}",
    ko: "순서: 서버가 마친 순서 {finished}. 응답은 {complete}, {inOrder}",
  },
  complete: { en: "complete", ko: "모두 도착" },
  incomplete: { en: "INCOMPLETE", ko: "불완전(INCOMPLETE)" },
  inOrder: { en: "in request order", ko: "요청 순서대로 도착" },
  outOfOrder: { en: "OUT OF ORDER", ko: "순서 어긋남(OUT OF ORDER)" },
});

export interface PipelineLabOptions {
  /** requests per batch (default 10, at most 100) */
  requests?: number;
  /** timing runs of each kind; the median is reported (default 5, at most 50) */
  repeats?: number;
  /** in the order part, request i sleeps (N - 1 - i) times this long at the server (default 2 ms) */
  delayStepMs?: number;
  /** in the retry part, the server closes after this many responses per connection (default 3) */
  closeAfter?: number;
  /** the whole lab aborts after this long (default 15000 ms) */
  deadlineMs?: number;
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
}

export interface LabRequest {
  id: number;
  method: string;
  /** how long the server sleeps before answering */
  delayMs: number;
}

export interface RetryOutcome {
  /** ids answered, in the order the answers arrived */
  answered: number[];
  /** ids sent again on a later connection (idempotent and unanswered), each once, in first-resend order */
  resent: number[];
  /** ids given up on: unanswered and not idempotent */
  failed: { id: number; method: string }[];
  /** "METHOD id" for every request the server's handler was given, answered or not */
  serverReceived: string[];
  connections: number;
}

export interface PipelineLabResult {
  lab: "pipeline";
  setup: { requests: number; repeats: number; delayStepMs: number; closeAfter: number; methods: string[] };
  measured: {
    pipelinedMs: number;
    sequentialMs: number;
    /** every response of the order part arrived whole and in request order */
    inOrder: boolean;
    complete: boolean;
    /** the ids in the order the server finished them (not the order it sent them) */
    serverFinishOrder: number[];
    retry: RetryOutcome;
  };
  model: PipelineModel["times"] & { retry: PipelineModel["retry"] };
  platform: PlatformFacts;
  notes: string[];
  /**
   * What the lab verified about its own run, and why the result is
   * inconclusive when it is. When nothing could be measured, the measured
   * numbers are NaN (null in the saved JSON) and the lists are empty.
   */
  consistency: Consistency;
}

/** The most descriptors the lab holds at once: a listening server, one connection (both ends), and the previous one still closing. */
const PEAK_DESCRIPTORS = 5;

/** The methods the retry part sends, in order (cycled when there are more requests). */
export const RETRY_METHODS = ["GET", "HEAD", "POST", "GET", "PUT", "POST", "DELETE", "OPTIONS", "GET", "TRACE"] as const;

function bodyFor(id: number): string {
  return `item ${id}\n`;
}

export interface ServerLog {
  received: string[];
  finished: number[];
}

/**
 * A node:http server for /item/<id>?delay=<ms>: sleeps, then answers with a
 * Content-Length body naming the item. With `closeAfter`, the k-th response
 * on a connection carries `Connection: close` and the connection ends there.
 */
export function itemServer(log: ServerLog, closeAfter?: number): http.Server {
  const served = new WeakMap<net.Socket, number>();
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://loopback");
    const id = Number(url.pathname.split("/").pop());
    const delayMs = Number(url.searchParams.get("delay") ?? 0);
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    // node parses every pipelined request and hands it over: a server could run a POST here
    // and still close before answering it, which is why the client must not resend it blindly
    log.received.push(`${req.method} ${id}`);
    if (closeAfter !== undefined && count > closeAfter) return; // never answered: the connection closes first
    req.resume();
    const answer = () => {
      log.finished.push(id);
      const body = bodyFor(id);
      res.setHeader("Content-Length", Buffer.byteLength(body));
      res.setHeader("X-Request-Id", String(id));
      if (closeAfter !== undefined && count === closeAfter) res.setHeader("Connection", "close");
      res.end(body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
}

function encodeRequest(r: LabRequest): string {
  const body = r.method === "POST" || r.method === "PUT" ? "Content-Length: 0\r\n" : "";
  return `${r.method} /item/${r.id}?delay=${r.delayMs} HTTP/1.1\r\nHost: 127.0.0.1\r\n${body}\r\n`;
}

export interface Exchange {
  responses: ParsedResponse[];
  /** ms from the first write until each response (same index) was complete */
  arrivalsMs: number[];
  ms: number;
}

/**
 * Sends `requests` on one new connection, all at once ("pipelined") or one
 * after the other ("sequential"), and collects the responses until all have
 * come or the server closes the connection.
 */
export async function exchange(scope: LabScope, port: number, requests: LabRequest[], mode: "pipelined" | "sequential"): Promise<Exchange> {
  const socket = await connectLoopback(scope, port, { noDelay: true });
  const parser = new ResponseParser(requests.map((r) => r.method));
  const responses: ParsedResponse[] = [];
  const arrivalsMs: number[] = [];
  let ended = false;
  let failure: Error | null = null;
  let wake: () => void = () => {};
  socket.on("data", (chunk) => {
    try {
      const complete = parser.push(chunk);
      responses.push(...complete);
      for (let i = 0; i < complete.length; i++) arrivalsMs.push(roundMs(nowMs() - start));
    } catch (err) {
      failure = err as Error;
    }
    wake();
  });
  socket.on("error", () => undefined); // a reset ends the exchange like a close does
  socket.on("close", () => {
    ended = true;
    wake();
  });
  const start = nowMs();
  const until = (count: number) =>
    scope.race(
      new Promise<void>((resolve, reject) => {
        wake = () => (failure ? reject(failure) : responses.length >= count || ended ? resolve() : undefined);
        wake();
      }),
    );
  try {
    if (mode === "pipelined") {
      socket.write(requests.map(encodeRequest).join(""));
      await until(requests.length);
    } else {
      for (let i = 0; i < requests.length && !ended; i++) {
        socket.write(encodeRequest(requests[i]));
        await until(i + 1);
      }
    }
    return { responses, arrivalsMs, ms: nowMs() - start };
  } finally {
    socket.destroy();
  }
}

/** Median total time of `repeats` batches of N zero-delay GETs, pipelined and one at a time; checks every batch got all its answers. */
async function measureTiming(
  scope: LabScope,
  server: LoopbackServer,
  serverLog: ServerLog,
  checks: ConsistencyLog,
  n: number,
  repeats: number,
) {
  const gets: LabRequest[] = Array.from({ length: n }, (_, id) => ({ id, method: "GET", delayMs: 0 }));
  const pipelined: number[] = [];
  const sequential: number[] = [];
  const answered = { pipelined: 0, sequential: 0 };
  const before = { connections: server.connections, received: serverLog.received.length };
  for (let i = 0; i < repeats; i++) {
    const p = await exchange(scope, server.port, gets, "pipelined");
    pipelined.push(p.ms);
    answered.pipelined += p.responses.filter((r) => r.status === 200).length;
    const q = await exchange(scope, server.port, gets, "sequential");
    sequential.push(q.ms);
    answered.sequential += q.responses.filter((r) => r.status === 200).length;
  }
  const total = repeats * n;
  const opened = server.connections - before.connections;
  const received = serverLog.received.length - before.received;
  const counts = { total, pipelined: answered.pipelined, sequential: answered.sequential, received, connections: connections(opened) };
  checks.verify(
    answered.pipelined === total && answered.sequential === total && received === 2 * total && opened === 2 * repeats,
    say.timingOk({ ...counts, batches: counted(repeats, say.batchOne, say.batchMany), n }),
    say.timingBad({ ...counts, expected: 2 * total, expectedConnections: 2 * repeats }),
  );
  return { pipelinedMs: roundMs(median(pipelined)), sequentialMs: roundMs(median(sequential)) };
}

/** Pipelined GETs the server finishes last-first; checks the answers come whole and in order. */
async function measureOrder(scope: LabScope, port: number, log: ServerLog, checks: ConsistencyLog, n: number, stepMs: number) {
  const requests: LabRequest[] = Array.from({ length: n }, (_, id) => ({ id, method: "GET", delayMs: (n - 1 - id) * stepMs }));
  log.finished.length = 0;
  const receivedBefore = log.received.length;
  const { responses } = await exchange(scope, port, requests, "pipelined");
  const complete = responses.length === n && responses.every((r, i) => r.status === 200 && r.body.toString() === bodyFor(requests[i].id));
  const inOrder = responses.length === n && responses.every((r, i) => r.headers["x-request-id"] === String(requests[i].id));
  const received = log.received.length - receivedBefore;
  // which order they came in is the finding; that all came, and the server finished all, is the setup
  const counts = { n, received, finished: log.finished.length, parsed: responses.length };
  checks.verify(responses.length === n && received === n && log.finished.length === n, say.orderOk(counts), say.orderBad(counts));
  return { complete, inOrder, serverFinishOrder: [...log.finished] };
}

/** Sends a pipelined batch, resending unanswered idempotent requests on new connections. */
export async function sendWithRetry(
  scope: LabScope,
  port: number,
  requests: LabRequest[],
  mayResend: (method: string) => boolean = isIdempotent,
): Promise<Omit<RetryOutcome, "serverReceived">> {
  const outcome = { answered: [] as number[], resent: [] as number[], failed: [] as { id: number; method: string }[], connections: 0 };
  let pending = requests;
  // each connection answers at least one request, so this many always suffices
  for (let attempt = 0; pending.length > 0 && attempt <= requests.length; attempt++) {
    outcome.connections++;
    const { responses } = await exchange(scope, port, pending, "pipelined");
    outcome.answered.push(...responses.map((r) => Number(r.headers["x-request-id"])));
    const unanswered = pending.slice(responses.length);
    for (const r of unanswered) if (!mayResend(r.method)) outcome.failed.push({ id: r.id, method: r.method });
    pending = unanswered.filter((r) => mayResend(r.method));
    for (const r of pending) if (!outcome.resent.includes(r.id)) outcome.resent.push(r.id);
  }
  return outcome;
}

async function measureRetry(
  scope: LabScope,
  checks: ConsistencyLog,
  methods: readonly string[],
  closeAfter: number,
): Promise<RetryOutcome> {
  const log: ServerLog = { received: [], finished: [] };
  const server = await listenOnLoopback(scope, itemServer(log, closeAfter));
  try {
    const requests: LabRequest[] = methods.map((method, id) => ({ id, method, delayMs: 0 }));
    const outcome = await sendWithRetry(scope, server.port, requests);
    const answered = new Set(outcome.answered);
    const failed = new Set(outcome.failed.map((f) => f.id));
    const accounted = requests.every((r) => answered.has(r.id) !== failed.has(r.id));
    const once = answered.size === outcome.answered.length && failed.size === outcome.failed.length;
    const reached = outcome.answered.every((id) => log.received.includes(`${methods[id]} ${id}`));
    checks.verify(
      accounted && once && reached,
      say.retryOk({ n: requests.length, answered: answered.size, failed: failed.size }),
      say.retryBad({
        n: requests.length,
        answeredList: outcome.answered.join(",") || say.none(),
        failedList: [...failed].join(",") || say.none(),
      }),
    );
    const opened = { connections: connections(outcome.connections), accepted: server.connections };
    checks.verify(server.connections === outcome.connections, say.retryConnectionsOk(opened), say.retryConnectionsBad(opened));
    return { ...outcome, serverReceived: log.received };
  } finally {
    await server.close();
  }
}

function readOptions(options: PipelineLabOptions | undefined) {
  const o = optionsObject("options", options);
  return {
    requests: optionalNumber("requests", o.requests, 10, { integer: true, min: 1, max: 100 }),
    repeats: optionalNumber("repeats", o.repeats, 5, { integer: true, min: 1, max: 50 }),
    delayStepMs: optionalNumber("delayStepMs", o.delayStepMs, 2, { min: 0, max: 50 }),
    closeAfter: optionalNumber("closeAfter", o.closeAfter, 3, { integer: true, min: 1, max: 100 }),
    deadlineMs: deadlineOption(o.deadlineMs),
    fdLimit: o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 }),
  };
}

/** Runs the pipelining lab on loopback. */
export async function runPipelineLab(options?: PipelineLabOptions): Promise<PipelineLabResult> {
  const { requests, repeats, delayStepMs, closeAfter, deadlineMs, fdLimit } = readOptions(options);
  const methods = Array.from({ length: requests }, (_, i) => RETRY_METHODS[i % RETRY_METHODS.length]);
  const setup = { requests, repeats, delayStepMs, closeAfter, methods };
  const checks = new ConsistencyLog();
  const notMeasured = (): PipelineLabResult => ({
    lab: "pipeline",
    setup,
    measured: {
      pipelinedMs: NaN,
      sequentialMs: NaN,
      inOrder: false,
      complete: false,
      serverFinishOrder: [],
      retry: { answered: [], resent: [], failed: [], serverReceived: [], connections: NaN },
    },
    model: { pipelinedMs: null, sequentialMs: null, retry: { answered: [], resent: [], failed: [], connections: NaN } },
    platform: platformFacts(),
    notes: [],
    consistency: checks.result(),
  });
  if (!requireDescriptors(checks, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, oneConnectionAtATime())) return notMeasured();
  const work = runLab("pipeline", deadlineMs, async (scope): Promise<PipelineLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    verifyLoopbackRtt(checks, rttMs);
    const log: ServerLog = { received: [], finished: [] };
    const server = await listenOnLoopback(scope, itemServer(log));
    let timing: Pick<PipelineLabResult["measured"], "pipelinedMs" | "sequentialMs">;
    let order: Pick<PipelineLabResult["measured"], "complete" | "inOrder" | "serverFinishOrder">;
    try {
      timing = await measureTiming(scope, server, log, checks, requests, repeats);
      order = await measureOrder(scope, server.port, log, checks, requests, delayStepMs);
    } finally {
      await server.close();
    }
    const retry = await measureRetry(scope, checks, methods, closeAfter);
    const model = modelPipeline({ methods, closeAfter, rttMs, requests });
    return {
      lab: "pipeline",
      setup,
      measured: { ...timing, ...order, retry },
      model: { ...model.times, retry: model.retry },
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: model.notes,
      consistency: checks.result(),
    };
  });
  return orInconclusive(work, checks, notMeasured);
}

function retryLines(retry: RetryOutcome, predicted: RetryPrediction, closeAfter: number): string[] {
  const failed = retry.failed.map((f) => `${f.method} ${f.id}`).join(", ") || say.none();
  const list = (ids: number[]) => ids.join(", ") || say.none();
  const rows = [
    { label: say.rowConnections(), measured: retry.connections, model: predicted.connections, unit: "" },
    { label: say.rowAnswered(), measured: retry.answered.length, model: predicted.answered.length, unit: "" },
    { label: say.rowResent(), measured: retry.resent.length, model: predicted.resent.length, unit: "" },
    { label: say.rowFailed(), measured: retry.failed.length, model: predicted.failed.length, unit: "" },
  ];
  return [
    say.retryHeading({ closeAfter }),
    comparisonTable(rows),
    say.answeredLine({ list: list(retry.answered) }),
    say.resentLine({ list: list(retry.resent), model: list(predicted.resent) }),
    say.failedLine({ list: failed, model: list(predicted.failed) }),
    say.handedLine({ list: verbatim(retry.serverReceived.join(", ")) }),
  ];
}

/** The pipelining lab as a table plus the order and retry checks. */
export function formatPipeline(result: PipelineLabResult): string {
  const { measured: m, model: p, setup } = result;
  const rows = [
    { label: say.rowPipelined({ n: setup.requests }), measured: m.pipelinedMs, model: p.pipelinedMs, unit: "ms" },
    { label: say.rowSequential({ n: setup.requests }), measured: m.sequentialMs, model: p.sequentialMs, unit: "ms" },
  ];
  return [
    ...inconclusiveBanner(result.consistency, Number.isFinite(m.pipelinedMs)),
    say.heading({ repeats: setup.repeats }),
    comparisonTable(rows),
    say.orderLine({
      finished: m.serverFinishOrder.join(","),
      complete: m.complete ? say.complete() : say.incomplete(),
      inOrder: m.inOrder ? say.inOrder() : say.outOfOrder(),
    }),
    ...retryLines(m.retry, p.retry, setup.closeAfter),
    ...noteLines(result.notes),
    ...consistencyLines(result.consistency),
    platformLine(result.platform),
  ].join("\n");
}
