/**
 * Pipelining on a connection the server may close, and what the client may
 * resend afterwards.
 *
 * What it models: RFC 9112 9.3.1 (retrying requests) and 9.3.2 (pipelining),
 * with the stricter RFC 2616 8.1.2.2 rule for non-idempotent requests, the
 * book's 4.6 rules. Message order only, no clock:
 *   - the server answers in the order the requests arrived and closes the
 *     connection after `serverClosesAfter` responses; requests behind that are
 *     never answered. With `announcesClose` its last response says
 *     `Connection: close`, so the client sends nothing more on it. Without it
 *     the client learns of the close only after it has sent whatever the rules
 *     allowed next (those requests cross the server's FIN on the wire).
 *   - the client pipelines idempotent requests (up to `maxDepth` unanswered
 *     at once). A non-idempotent request (POST, PATCH, ...) is never
 *     pipelined: it waits until everything before it is answered, goes alone,
 *     and nothing follows it until its own answer is in. That is RFC 2616
 *     8.1.2.2: clients "SHOULD NOT pipeline requests using non-idempotent
 *     methods", and one that wants to send such a request SHOULD wait for the
 *     response status of the previous request. RFC 9112 9.3.2 relaxed it to
 *     one direction: a user agent SHOULD NOT pipeline requests *after* a
 *     non-idempotent method until that method's final status code is in
 *     (unless it can detect and recover from partial failures), so a POST may
 *     itself ride at the end of a pipeline. The model (and exercise 4.6d)
 *     follows the stricter 2616 rule; `pipelineNonIdempotent` drops both, to
 *     show why they exist.
 *   - when the connection closes with requests unanswered, the client opens a
 *     new one and resends, in order, those whose method is idempotent
 *     (RFC 9110 9.2.2). A non-idempotent one fails: the client cannot know
 *     whether the server acted on it, so it must not resend it by itself.
 *   - after a connection that was not explicitly closed (a failure), the
 *     client sends one request alone on the new connection and pipelines only
 *     once that answer shows the connection works: RFC 9112 9.3.2's "MUST NOT
 *     pipeline immediately after connection establishment" when retrying
 *     after a failed connection (the first request left might draw an error
 *     response that another reset would destroy again). RFC 2616 8.1.2.2 put
 *     it as "MUST NOT pipeline before it knows the connection is persistent"
 *     after such a retry. On the first connection the client pipelines at
 *     once, ready to retry (2616 allowed that), unless
 *     `confirmPersistenceFirst` asks it to wait for a first answer (the
 *     book's "do not pipeline before you know the connection is persistent").
 *   - responses come back in request order: HTTP/1.1 has no other way to
 *     match them up.
 */

import { checkNumber, checkString, invalidType, optionalBoolean, optionsObject, outOfRange, listOf } from "../errors";
import { language, messages, tr, type Message, type Params } from "../i18n";
import { isIdempotent } from "./idempotency";

const say = messages("http/pipeline-retry", {
  open: { en: "open connection {conn}", ko: "{conn}번 커넥션 열기" },
  openProbeFirst: {
    en: "open connection {conn} (first confirm it is persistent: one request alone until an answer shows the connection works)",
    ko: "{conn}번 커넥션 열기(먼저 지속 커넥션인지 확인: 응답이 와서 커넥션이 동작함을 보일 때까지 요청 하나만 보냄)",
  },
  openProbeAfterFailure: {
    en: "open connection {conn} (after a failure: one request alone until an answer shows the connection works)",
    ko: "{conn}번 커넥션 열기(실패 뒤: 응답이 와서 커넥션이 동작함을 보일 때까지 요청 하나만 보냄)",
  },
  send: { en: "  send {request} on connection {conn}", ko: "  {conn}번 커넥션으로 {request} 전송" },
  sendPipelined: {
    en: "  send {request} on connection {conn} (pipelined, {depth} unanswered)",
    ko: "  {conn}번 커넥션으로 {request} 전송(파이프라인, 응답 대기 {depth}개)",
  },
  sendMany: {
    en: "  send {first} .. {last} on connection {conn} ({more} more, pipelined, up to {depth} unanswered)",
    ko: "  {conn}번 커넥션으로 {first} .. {last} 전송({more}개 더, 파이프라인, 응답 대기 최대 {depth}개)",
  },
  response: { en: "  response to {request}", ko: "  {request}의 응답" },
  responseClosing: { en: "  response to {request} with Connection: close", ko: "  {request}의 응답(Connection: close 포함)" },
  serverCloses: {
    en: "  server closes connection {conn} after {k} response(s)",
    ko: "  서버가 응답 {k}개 뒤에 {conn}번 커넥션을 닫음",
  },
  settled: { en: "all requests settled; {count} connection(s) used", ko: "모든 요청 처리 끝: 커넥션 {count}개 사용" },
  resend: {
    en: "  {request} unanswered: {method} is idempotent, resend it",
    ko: "  {request} 응답 없음: {method} 메서드는 멱등(idempotent)이므로 다시 보냄",
  },
  resendMany: {
    en: "  {first} .. {last} unanswered ({more} more idempotent requests): resend them",
    ko: "  {first} .. {last} 응답 없음(멱등 요청 {more}개 더): 다시 보냄",
  },
  noResend: {
    en: "  {request} unanswered: {method} is not idempotent, report the failure instead of resending",
    ko: "  {request} 응답 없음: {method} 메서드는 멱등이 아니므로 다시 보내지 않고 실패를 알림",
  },
  failReason: {
    en: "the connection closed before its response; {method} is not idempotent, so the client cannot tell whether the server acted on it and must not resend it automatically",
    ko: "응답이 오기 전에 커넥션이 닫혔습니다. {method} 메서드는 멱등이 아니므로, 클라이언트는 서버가 그 요청을 처리했는지 알 수 없고 자동으로 다시 보내면 안 됩니다",
  },
  tooManySends: {
    en: "a scenario of at most {max} sends and resends ({requests} requests to a server that closes after {k} response(s) need more: send fewer, or raise scenario.serverClosesAfter)",
    ko: "전송과 재전송이 모두 최대 {max}번인 시나리오(응답 {k}개 뒤에 닫는 서버로 가는 요청 {requests}개에는 그보다 많이 필요합니다. 요청을 줄이거나 scenario.serverClosesAfter를 늘리세요)",
  },
  requestCount: { en: "{count} requests", ko: "요청 {count}개" },
  requestArray: { en: "an array of {method, path?}", ko: "{method, path?} 객체의 배열" },
  atLeastOne: { en: "at least one request", ko: "요청 1개 이상" },
  tooMany: { en: "at most {max} requests", ko: "요청 최대 {max}개" },
  requestObject: { en: "an object {method, path?}", ko: "객체 {method, path?}" },
  methodName: { en: "a method name (an RFC 9110 token)", ko: "메서드 이름(RFC 9110 토큰)" },
});

/** A message in the language of the run (looked up once per run: a run may log tens of thousands of lines). */
type Say = (message: Message, params?: Params) => string;

export interface PipelineRequest {
  method: string;
  path?: string;
}
export interface PipelineScenario {
  requests: PipelineRequest[];
  /** responses the server sends on a connection before closing it */
  serverClosesAfter: number;
  /** the last response says Connection: close (default false: the close is a surprise) */
  announcesClose?: boolean;
  /** most unanswered requests on a connection (default: no limit) */
  maxDepth?: number;
  /** break the rule and pipeline non-idempotent requests too (default false) */
  pipelineNonIdempotent?: boolean;
  /** on the first connection too, wait for one answer before pipelining (default false) */
  confirmPersistenceFirst?: boolean;
}
export interface PipelineRequestReport {
  index: number;
  method: string;
  path: string;
  idempotent: boolean;
  outcome: "answered" | "failed";
  /** how many times it was sent */
  attempts: number;
  /** the connection of each attempt */
  connections: number[];
  /** sent again after a connection closed under it */
  resent: boolean;
  failReason?: string;
}
export interface PipelineRun {
  requests: PipelineRequestReport[];
  answered: number[];
  resent: number[];
  failed: number[];
  connectionsOpened: number;
  /**
   * connections on which the client sent one request alone first, waiting for
   * its answer before pipelining (after a failed connection; on the first one
   * with confirmPersistenceFirst)
   */
  probedConnections: number;
  /** what happened, step by step, for a notebook (in the reader's language: read the fields above, not this) */
  log: string[];
}

/** The most requests simulatePipeline takes. */
export const MAX_PIPELINE_REQUESTS = 10_000;
/**
 * The most sends (first sends and resends) simulatePipeline plays. A server
 * that closes after every response, unannounced, makes the client resend
 * everything behind the first request on every new connection: n requests
 * cost about n^2 / 2 sends (2,000 requests: 2 million), and each send is an
 * entry in its request's `connections`. Past this the scenario is refused,
 * naming it: the largest run allowed stays well under a second of CPU.
 */
export const MAX_PIPELINE_SENDS = 2_000_000;
/** A batch of sends or resends is logged line by line up to this many, then summed up in one line. */
const LOG_DETAIL = 3;

/**
 * Runs the requests through the closing server and reports each one's fate.
 * Work and memory are linear in the number of sends: the queue and the
 * pipeline are walked by index (no shift/unshift), and the log holds at most
 * LOG_DETAIL + 1 lines per batch of sends, so it grows with the requests, not
 * with the sends.
 */
export function simulatePipeline(scenario: PipelineScenario): PipelineRun {
  const s = optionsObject("scenario", scenario);
  const reports = readRequests(s.requests);
  const k = checkNumber("scenario.serverClosesAfter", s.serverClosesAfter, { integer: true, min: 1 });
  const announce = optionalBoolean("scenario.announcesClose", s.announcesClose, false);
  const maxDepth = s.maxDepth === undefined ? Infinity : checkNumber("scenario.maxDepth", s.maxDepth, { integer: true, min: 1 });
  const pipelineAll = optionalBoolean("scenario.pipelineNonIdempotent", s.pipelineNonIdempotent, false);
  // one request alone first: after a failed connection always, on the first one if asked
  let probe = optionalBoolean("scenario.confirmPersistenceFirst", s.confirmPersistenceFirst, false);
  const name = (r: PipelineRequestReport) => `#${r.index} ${r.method} ${r.path}`;
  const lang = language();
  const t: Say = (message, params) => tr(message.text, params, lang);

  const log: string[] = [];
  // requests not yet sent (or to resend), in order: queue[head], queue[head + 1], ...
  const queue = reports.slice();
  let head = 0;
  // the connections of each request's attempts, as runs of consecutive numbers [from, to, from, to, ...]:
  // `connections` is filled once at the end, at its final length (growing n arrays send by send costs more than the sends)
  const runs: number[][] = reports.map(() => []);
  let conn = -1;
  let sends = 0;
  let probedConnections = 0;

  while (head < queue.length) {
    conn += 1;
    if (probe) probedConnections += 1;
    log.push(t(!probe ? say.open : conn === 0 ? say.openProbeFirst : say.openProbeAfterFailure, { conn }));
    // sent on this connection, in order; outstanding[answeredHere...] are unanswered (responses come in order)
    const outstanding: PipelineRequestReport[] = [];
    let answeredHere = 0;
    const unanswered = () => outstanding.length - answeredHere;

    const mayPipelineAfter = (r: PipelineRequestReport) => r.idempotent || pipelineAll;
    const fill = () => {
      const batch = new LogBatch(
        log,
        (r, depth) => t(depth > 1 ? say.sendPipelined : say.send, { request: name(r), conn, depth }),
        (first, last, more, depth) => t(say.sendMany, { first: name(first), last: name(last), conn, more, depth }),
      );
      while (head < queue.length && unanswered() < maxDepth) {
        if (probe && answeredHere === 0 && unanswered() >= 1) break;
        if (unanswered() > 0 && !mayPipelineAfter(outstanding[outstanding.length - 1])) break; // nothing follows a non-idempotent request
        if (unanswered() > 0 && !mayPipelineAfter(queue[head])) break; // it waits for the pipeline to drain
        const r = queue[head++];
        if (++sends > MAX_PIPELINE_SENDS) tooManySends(reports.length, k);
        r.attempts += 1;
        const run = runs[r.index];
        if (run.length > 0 && run[run.length - 1] === conn - 1) run[run.length - 1] = conn;
        else run.push(conn, conn);
        outstanding.push(r);
        batch.add(r, unanswered());
      }
      batch.end();
    };

    for (;;) {
      fill();
      if (unanswered() === 0) break; // all done
      const r = outstanding[answeredHere];
      r.outcome = "answered";
      answeredHere += 1;
      const closing = answeredHere === k;
      log.push(t(closing && announce ? say.responseClosing : say.response, { request: name(r) }));
      if (!closing) continue;
      if (!announce) fill(); // the client has not seen the close yet
      log.push(t(say.serverCloses, { conn, k }));
      const retry = afterClose(outstanding, answeredHere, log, name, t);
      // back to the front of the queue: they were taken from the slots just before `head`
      head -= retry.length;
      for (let i = 0; i < retry.length; i++) queue[head + i] = retry[i];
      probe = !announce;
      break;
    }
  }
  if (conn >= 0) log.push(t(say.settled, { count: conn + 1 }));
  for (const r of reports) {
    const run = runs[r.index];
    const connections = new Array<number>(r.attempts);
    let at = 0;
    for (let j = 0; j < run.length; j += 2) for (let c = run[j]; c <= run[j + 1]; c++) connections[at++] = c;
    r.connections = connections;
  }
  return {
    requests: reports,
    answered: reports.filter((r) => r.outcome === "answered").map((r) => r.index),
    resent: reports.filter((r) => r.resent).map((r) => r.index),
    failed: reports.filter((r) => r.outcome === "failed").map((r) => r.index),
    connectionsOpened: conn + 1,
    probedConnections,
    log,
  };
}

function tooManySends(requests: number, k: number): never {
  return outOfRange("scenario.requests", say.tooManySends({ max: MAX_PIPELINE_SENDS, requests, k }), say.requestCount({ count: requests }));
}

/** Log lines for one batch of sends or resends: the first LOG_DETAIL each on its line, the rest in one. */
class LogBatch {
  private count = 0;
  private first: PipelineRequestReport | undefined;
  private last: PipelineRequestReport | undefined;
  private depth = 0;

  constructor(
    private readonly log: string[],
    private readonly line: (r: PipelineRequestReport, depth: number) => string,
    private readonly summary: (first: PipelineRequestReport, last: PipelineRequestReport, more: number, depth: number) => string,
  ) {}

  /** `depth`: unanswered requests once `r` is sent */
  add(r: PipelineRequestReport, depth = 0): void {
    this.count += 1;
    if (this.count <= LOG_DETAIL) return void this.log.push(this.line(r, depth));
    this.first ??= r;
    this.last = r;
    this.depth = depth;
  }

  end(): void {
    if (!this.first || !this.last) return;
    // one left over reads better as its own line than as a range of one
    this.log.push(
      this.first === this.last
        ? this.line(this.last, this.depth)
        : this.summary(this.first, this.last, this.count - LOG_DETAIL, this.depth),
    );
  }
}

/**
 * Unanswered requests (sent[from...]): idempotent ones are returned, to go back
 * to the front of the queue; the others fail.
 */
function afterClose(
  sent: PipelineRequestReport[],
  from: number,
  log: string[],
  name: (r: PipelineRequestReport) => string,
  t: Say,
): PipelineRequestReport[] {
  const retry: PipelineRequestReport[] = [];
  const batch = new LogBatch(
    log,
    (r) => t(say.resend, { request: name(r), method: r.method }),
    (first, last, more) => t(say.resendMany, { first: name(first), last: name(last), more }),
  );
  for (let i = from; i < sent.length; i++) {
    const r = sent[i];
    if (r.idempotent) {
      r.resent = true;
      retry.push(r);
      batch.add(r);
    } else {
      r.outcome = "failed";
      r.failReason = t(say.failReason, { method: r.method });
      log.push(t(say.noResend, { request: name(r), method: r.method }));
    }
  }
  batch.end();
  return retry;
}

function readRequests(value: unknown): PipelineRequestReport[] {
  const tooMany = { count: MAX_PIPELINE_REQUESTS, tooMany: say.tooMany({ max: MAX_PIPELINE_REQUESTS }) };
  // holes included: a hole is refused as requests[i]
  const requests = listOf(
    "scenario.requests",
    value,
    say.requestArray(),
    (raw, _at, i): PipelineRequestReport => {
      if (raw === undefined) invalidType(`scenario.requests[${i}]`, say.requestObject(), raw);
      const r = optionsObject(`scenario.requests[${i}]`, raw as PipelineRequest);
      const method = checkString(`scenario.requests[${i}].method`, r.method);
      let idempotent: boolean;
      try {
        idempotent = isIdempotent(method);
      } catch {
        outOfRange(`scenario.requests[${i}].method`, say.methodName(), method);
      }
      return {
        index: i,
        method,
        path: r.path === undefined ? `/${i}` : checkString(`scenario.requests[${i}].path`, r.path),
        idempotent,
        outcome: "failed",
        attempts: 0,
        connections: [],
        resent: false,
      };
    },
    tooMany,
  );
  if (requests.length === 0) outOfRange("scenario.requests", say.atLeastOne(), value);
  return requests;
}
