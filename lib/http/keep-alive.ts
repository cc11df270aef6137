/**
 * Running a sequence of requests through one server, keep-alive rules and all.
 *
 * What it models: the life of HTTP/1.0+ keep-alive and HTTP/1.1 persistent
 * connections between one client and one server (RFC 9112 9.3, 9.6;
 * RFC 2068 19.7.1), one request at a time (no pipelining: see
 * pipeline-retry.ts). For every request it builds the request head the client
 * sends and the response head the server answers with, then asks
 * persistence.ts whether the connection survives; so the headers a notebook
 * prints are the ones the decision was made on.
 * The client:
 *   - HTTP/1.0: asks with `Connection: Keep-Alive` on every request (unless a
 *     request says otherwise); the agreement never carries over by itself;
 *   - HTTP/1.1: persistent by default, sends no Connection header;
 *   - both: on its last request says `Connection: close` (it will send no
 *     more), unless `closeOnLast` is false.
 * The server, with its `{timeoutSeconds, max}` policy:
 *   - answers `Connection: close` (1.1) or nothing (1.0) when it will not keep
 *     the connection: the client said close, the limit of `max` requests on
 *     this connection is reached, the body has no length, or it does not keep
 *     connections at all (`persistent: false`); an HTTP/1.0 request that did
 *     not ask for keep-alive just gets no keep-alive back;
 *   - otherwise, when the request carried the keep-alive token, answers
 *     `Connection: Keep-Alive` and `Keep-Alive: timeout=T, max=R`, R being how
 *     many more requests it will take on this connection after this one
 *     (`max` minus the requests served on it so far, this one included): a
 *     `max: 100` server says max=99 on its first response, max=1 on its 99th
 *     and `Connection: close` on its 100th. (Apache counts one higher: with
 *     MaxKeepAliveRequests 100 its first response says max=100.);
 *   - closes a connection that stays idle longer than `timeoutSeconds` after
 *     its last response (exactly the timeout still counts as open).
 * Assumptions: a transaction takes `transactionMs` (default 0) from request to
 * last response byte; the client never races the server's idle close (it
 * learns of the close before it would reuse the connection).
 */

import {
  checkChoice,
  checkNumber,
  checkString,
  isArray,
  listOf,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
} from "../errors";
import { language, messages, tr, type Message, type Params } from "../i18n";
import type { HeaderPairs } from "./header-fields";
import { EXAMPLE_BODY_BYTES, HTTP_VERSIONS, type HttpVersion } from "./message-length";
import { decidePersistence, type PersistenceRule } from "./persistence";

const say = messages("http/keep-alive", {
  firstRequest: { en: "the first request opens a connection", ko: "첫 요청이 커넥션을 엽니다" },
  idleClosed: {
    en: "idle for {idleMs} ms, longer than the server's {timeoutSeconds} s timeout: the server closed it",
    ko: "{idleMs} ms 동안 유휴 상태였고, 이는 서버의 타임아웃 {timeoutSeconds} s보다 깁니다. 서버가 커넥션을 닫았습니다",
  },
  closedByIdle: {
    en: "connection {conn} was closed by the server's idle timeout",
    ko: "{conn}번 커넥션은 서버의 유휴 타임아웃(idle timeout)으로 닫혔습니다",
  },
  keptOpen: {
    en: "connection {conn} was kept open by request {previous}'s exchange",
    ko: "{conn}번 커넥션은 요청 {previous}의 요청/응답이 끝난 뒤에도 열려 있었습니다",
  },
  closedAfter: {
    en: "connection {conn} closed after request {index}: {reason}",
    ko: "{conn}번 커넥션은 요청 {index} 뒤에 닫혔습니다: {reason}",
  },
  clientAsked: { en: "the client asked to close", ko: "클라이언트가 커넥션을 닫겠다고 했습니다" },
  notPersistent: { en: "the server does not keep connections open at all", ko: "서버가 커넥션을 전혀 유지하지 않습니다" },
  limit: {
    en: "the server's limit of {max} request(s) per connection is reached",
    ko: "커넥션당 요청 {max}개라는 서버의 한도에 도달했습니다",
  },
  twoReasons: { en: "{why}; {reason}", ko: "{why}. {reason}" },
  untilClose: {
    en: "the server must close to mark the end of a body without a length",
    ko: "길이가 없는 본문의 끝을 알리려면 서버가 커넥션을 닫아야 합니다",
  },
  server: { en: "an object with timeoutSeconds and max", ko: "timeoutSeconds와 max가 있는 객체" },
  requests: { en: "a non-empty array of requests", ko: "비어 있지 않은 요청 배열" },
  tooMany: { en: "at most {max} requests", ko: "요청 최대 {max}개" },
  overlap: {
    en: ">= {end} (the previous response ends then; no pipelining here)",
    ko: ">= {end}(이전 응답이 그때 끝납니다. 여기서는 파이프라인을 쓰지 않습니다)",
  },
  chunked10: {
    en: 'not "chunked" when either side speaks HTTP/1.0',
    ko: '어느 한쪽이 HTTP/1.0이면 "chunked"가 아닌 값',
  },
});

export type ResponseFramingChoice = "content-length" | "chunked" | "until-close";

/** The most requests simulateKeepAlive plays (each step keeps its headers): a bigger list is refused, naming it. */
export const MAX_KEEP_ALIVE_REQUESTS = 10_000;
const FRAMINGS: readonly ResponseFramingChoice[] = ["content-length", "chunked", "until-close"];

export interface KeepAliveClientOptions {
  version?: HttpVersion;
  /** send `Connection: Keep-Alive` (default: true for 1.0, false for 1.1) */
  askKeepAlive?: boolean;
  /** say `Connection: close` on the last request (default true) */
  closeOnLast?: boolean;
}
export interface KeepAliveServerOptions {
  version?: HttpVersion;
  /** idle seconds before the server closes a kept connection */
  timeoutSeconds: number;
  /** most requests the server serves on one connection; its Keep-Alive `max` counts down from max - 1 */
  max: number;
  /** whether the server keeps connections open at all (default true) */
  persistent?: boolean;
}
export interface KeepAliveRequest {
  /** when the client sends it, ms from the start */
  atMs: number;
  path?: string;
  /** override the client's askKeepAlive for this request */
  askKeepAlive?: boolean;
  /** send `Connection: close` on this request */
  close?: boolean;
  /** how the server frames this response's body (default "content-length") */
  framing?: ResponseFramingChoice;
}
export interface KeepAliveScenario {
  client?: KeepAliveClientOptions;
  server: KeepAliveServerOptions;
  requests: KeepAliveRequest[];
  /** ms from sending a request to receiving the last byte of its response */
  transactionMs?: number;
  /** body size the server sends, bytes (default 1024) */
  bodyBytes?: number;
}

export interface KeepAliveStep {
  index: number;
  path: string;
  atMs: number;
  /** connection number, 0 for the first one opened */
  conn: number;
  /** true when the request went on a connection that carried an earlier one */
  reused: boolean;
  /** why a new connection was needed, or why the old one could be used */
  connectionNote: string;
  /** n-th request on its connection (1-based) */
  requestOnConnection: number;
  request: { version: HttpVersion; headers: HeaderPairs };
  response: { version: HttpVersion; headers: HeaderPairs };
  /** does the connection survive this response? */
  keptOpen: boolean;
  rule: PersistenceRule;
  /** set when the connection closed after this response: when and why */
  closedAtMs?: number;
  closeReason?: string;
}

export interface KeepAliveRun {
  steps: KeepAliveStep[];
  connectionsOpened: number;
}

/** Runs the requests in order and reports, per request, the connection it used and what ended it. */
export function simulateKeepAlive(scenario: KeepAliveScenario): KeepAliveRun {
  const s = optionsObject("scenario", scenario);
  const client = readClient(s.client);
  const server = readServer(s.server);
  const transactionMs = optionalNumber("scenario.transactionMs", s.transactionMs, 0, { min: 0, max: MAX_QUANTITY });
  // at most 2^53 - 1: Content-Length says it in decimal, and its reader wants it exact
  const bodyBytes = optionalNumber("scenario.bodyBytes", s.bodyBytes, EXAMPLE_BODY_BYTES, { integer: true, min: 0, max: MAX_QUANTITY });
  const requests = readRequests(s.requests, transactionMs);
  // one language for the whole run (and one look-up, not one per step)
  const lang = language();
  const t = (message: Message, params?: Params): string => tr(message.text, params, lang);

  const steps: KeepAliveStep[] = [];
  let conn = -1;
  let onConn = 0; // requests served on the current connection
  let open = false;
  let newReason = t(say.firstRequest);

  requests.forEach((req, index) => {
    const prev = steps[steps.length - 1];
    if (open && prev) {
      const idleMs = req.atMs - (prev.atMs + transactionMs);
      if (idleMs > server.timeoutSeconds * 1000) {
        open = false;
        prev.closedAtMs = prev.atMs + transactionMs + server.timeoutSeconds * 1000;
        prev.closeReason = t(say.idleClosed, { idleMs, timeoutSeconds: server.timeoutSeconds });
        newReason = t(say.closedByIdle, { conn });
      }
    }
    const reused = open;
    if (!open) {
      conn += 1;
      onConn = 0;
    }
    onConn += 1;
    const isLast = index === requests.length - 1;
    const reqHead = buildRequest(client, req, isLast);
    const { headers: resHeaders, closeWhy } = buildResponse(server, client.version, reqHead, req, index, onConn, bodyBytes, t);
    const decision = decidePersistence({
      request: { version: client.version, headers: reqHead },
      response: { version: server.version, headers: resHeaders },
    });
    const step: KeepAliveStep = {
      index,
      path: req.path,
      atMs: req.atMs,
      conn,
      reused,
      // requests are numbered for a reader from 1, as their paths are (/1, /2, ...); `index` stays 0-based data
      connectionNote: reused ? t(say.keptOpen, { conn, previous: index }) : newReason,
      requestOnConnection: onConn,
      request: { version: client.version, headers: reqHead },
      response: { version: server.version, headers: resHeaders },
      keptOpen: decision.persistent,
      rule: decision.rule,
    };
    if (!decision.persistent) {
      step.closedAtMs = req.atMs + transactionMs;
      step.closeReason = closeWhy ? t(say.twoReasons, { why: closeWhy, reason: decision.reason }) : decision.reason;
      newReason = t(say.closedAfter, { conn, index: index + 1, reason: step.closeReason });
    }
    open = decision.persistent;
    steps.push(step);
  });
  return { steps, connectionsOpened: conn + 1 };
}

interface Client {
  version: HttpVersion;
  askKeepAlive: boolean;
  closeOnLast: boolean;
}
interface Server {
  version: HttpVersion;
  timeoutSeconds: number;
  max: number;
  persistent: boolean;
}
interface Request {
  atMs: number;
  path: string;
  askKeepAlive?: boolean;
  close: boolean;
  framing: ResponseFramingChoice;
}

function readClient(value: KeepAliveClientOptions | undefined): Client {
  const c = optionsObject("scenario.client", value);
  const version = c.version === undefined ? "1.0" : checkChoice("scenario.client.version", c.version, HTTP_VERSIONS);
  return {
    version,
    askKeepAlive: optionalBoolean("scenario.client.askKeepAlive", c.askKeepAlive, version === "1.0"),
    closeOnLast: optionalBoolean("scenario.client.closeOnLast", c.closeOnLast, true),
  };
}

function readServer(value: KeepAliveServerOptions | undefined): Server {
  if (value === undefined) outOfRange("scenario.server", say.server(), value);
  const v = optionsObject("scenario.server", value);
  return {
    version: v.version === undefined ? "1.1" : checkChoice("scenario.server.version", v.version, HTTP_VERSIONS),
    // at most 2^53 - 1: the Keep-Alive field says them in decimal, and its reader wants them exact
    timeoutSeconds: checkNumber("scenario.server.timeoutSeconds", v.timeoutSeconds, { min: 0, max: MAX_QUANTITY }),
    max: checkNumber("scenario.server.max", v.max, { integer: true, min: 1, max: MAX_QUANTITY }),
    persistent: optionalBoolean("scenario.server.persistent", v.persistent, true),
  };
}

function readRequests(value: unknown, transactionMs: number): Request[] {
  if (!isArray(value)) outOfRange("scenario.requests", say.requests(), value);
  let lastEnd = -Infinity;
  // holes included: a hole is refused as requests[i]
  const requests = listOf(
    "scenario.requests",
    value,
    say.requests(),
    (raw, _at, i) => {
      const r = optionsObject(`scenario.requests[${i}]`, raw as KeepAliveRequest);
      const atMs = checkNumber(`scenario.requests[${i}].atMs`, r.atMs, { min: 0, max: MAX_QUANTITY });
      // one request at a time: the next may not start before the last response ended
      if (atMs < lastEnd) outOfRange(`scenario.requests[${i}].atMs`, say.overlap({ end: lastEnd }), atMs);
      lastEnd = atMs + transactionMs;
      return {
        atMs,
        path: r.path === undefined ? `/${i + 1}` : checkString(`scenario.requests[${i}].path`, r.path),
        askKeepAlive:
          r.askKeepAlive === undefined ? undefined : optionalBoolean(`scenario.requests[${i}].askKeepAlive`, r.askKeepAlive, false),
        close: optionalBoolean(`scenario.requests[${i}].close`, r.close, false),
        framing: r.framing === undefined ? "content-length" : checkChoice(`scenario.requests[${i}].framing`, r.framing, FRAMINGS),
      };
    },
    { count: MAX_KEEP_ALIVE_REQUESTS, tooMany: say.tooMany({ max: MAX_KEEP_ALIVE_REQUESTS }) },
  );
  if (requests.length === 0) outOfRange("scenario.requests", say.requests(), value);
  return requests;
}

function buildRequest(client: Client, req: Request, isLast: boolean): HeaderPairs {
  const headers: HeaderPairs = [["Host", "example.test"]];
  if (req.close || (isLast && client.closeOnLast)) headers.push(["Connection", "close"]);
  else if (req.askKeepAlive ?? client.askKeepAlive) headers.push(["Connection", "Keep-Alive"]);
  return headers;
}

/** The server's answer, and (when it chose to close) its own reason. */
function buildResponse(
  server: Server,
  clientVersion: HttpVersion,
  reqHeaders: HeaderPairs,
  req: Request,
  index: number,
  onConn: number,
  bodyBytes: number,
  t: (message: Message, params?: Params) => string,
): { headers: HeaderPairs; closeWhy?: string } {
  const connection = reqHeaders.find(([n]) => n === "Connection")?.[1].toLowerCase();
  const headers: HeaderPairs = [];
  if (req.framing === "chunked") {
    // chunked is HTTP/1.1 only, in both directions (RFC 9112 6.1)
    if (server.version === "1.0" || clientVersion === "1.0") {
      outOfRange(`scenario.requests[${index}].framing`, say.chunked10(), req.framing);
    }
    headers.push(["Transfer-Encoding", "chunked"]);
  } else if (req.framing === "content-length") {
    headers.push(["Content-Length", String(bodyBytes)]);
  }
  const remaining = server.max - onConn;
  let closeWhy: string | undefined;
  if (connection === "close") closeWhy = t(say.clientAsked);
  else if (!server.persistent) closeWhy = t(say.notPersistent);
  else if (remaining <= 0) closeWhy = t(say.limit, { max: server.max });
  else if (req.framing === "until-close") closeWhy = t(say.untilClose);

  if (closeWhy) {
    // RFC 9112 9.6: a 1.1 server that will close says so; a 1.0 server just omits keep-alive
    if (server.version === "1.1") headers.push(["Connection", "close"]);
  } else if (connection === "keep-alive") {
    // the field carries whole seconds (1*DIGIT): a server with a 2.5 s timeout promises 2
    headers.push(["Connection", "Keep-Alive"], ["Keep-Alive", `timeout=${Math.floor(server.timeoutSeconds)}, max=${remaining}`]);
  }
  return { headers, closeWhy };
}
