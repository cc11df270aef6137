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

import { checkNumber, checkString, invalidType, optionalBoolean, optionsObject, outOfRange } from "../errors";
import { isIdempotent } from "./idempotency";

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
  /** what happened, step by step, for a notebook */
  log: string[];
}

/** Runs the requests through the closing server and reports each one's fate. */
export function simulatePipeline(scenario: PipelineScenario): PipelineRun {
  const s = optionsObject("scenario", scenario);
  const reports = readRequests(s.requests);
  const k = checkNumber("scenario.serverClosesAfter", s.serverClosesAfter, { integer: true, min: 1 });
  const announce = optionalBoolean("scenario.announcesClose", s.announcesClose, false);
  const maxDepth = s.maxDepth === undefined ? Infinity : checkNumber("scenario.maxDepth", s.maxDepth, { integer: true, min: 1 });
  const pipelineAll = optionalBoolean("scenario.pipelineNonIdempotent", s.pipelineNonIdempotent, false);
  const name = (r: PipelineRequestReport) => `#${r.index} ${r.method} ${r.path}`;

  const log: string[] = [];
  const queue = reports.map((r) => r); // requests not yet sent (or to resend), in order
  let conn = -1;
  // one request alone first: after a failed connection always, on the first one if asked
  let probe = optionalBoolean("scenario.confirmPersistenceFirst", s.confirmPersistenceFirst, false);

  while (queue.length > 0) {
    conn += 1;
    const why = conn === 0 ? "first confirm it is persistent" : "after a failure";
    log.push(`open connection ${conn}${probe ? ` (${why}: one request alone until an answer shows the connection works)` : ""}`);
    const outstanding: PipelineRequestReport[] = [];
    let answeredHere = 0;

    const mayPipelineAfter = (r: PipelineRequestReport) => r.idempotent || pipelineAll;
    const fill = () => {
      while (queue.length > 0 && outstanding.length < maxDepth) {
        if (probe && answeredHere === 0 && outstanding.length >= 1) break;
        const last = outstanding[outstanding.length - 1];
        if (last && !mayPipelineAfter(last)) break; // nothing follows a non-idempotent request
        if (outstanding.length > 0 && !mayPipelineAfter(queue[0])) break; // it waits for the pipeline to drain
        const r = queue.shift() as PipelineRequestReport;
        r.attempts += 1;
        r.connections.push(conn);
        outstanding.push(r);
        log.push(`  send ${name(r)} on connection ${conn}${outstanding.length > 1 ? ` (pipelined, ${outstanding.length} unanswered)` : ""}`);
      }
    };

    for (;;) {
      fill();
      if (outstanding.length === 0) break; // all done
      const r = outstanding.shift() as PipelineRequestReport;
      r.outcome = "answered";
      answeredHere += 1;
      const closing = answeredHere === k;
      log.push(`  response to ${name(r)}${closing && announce ? " with Connection: close" : ""}`);
      if (!closing) continue;
      if (!announce) fill(); // the client has not seen the close yet
      log.push(`  server closes connection ${conn} after ${k} response(s)`);
      afterClose(outstanding, queue, log, name);
      probe = !announce;
      break;
    }
  }
  if (conn >= 0) log.push(`all requests settled; ${conn + 1} connection(s) used`);
  return {
    requests: reports,
    answered: reports.filter((r) => r.outcome === "answered").map((r) => r.index),
    resent: reports.filter((r) => r.resent).map((r) => r.index),
    failed: reports.filter((r) => r.outcome === "failed").map((r) => r.index),
    connectionsOpened: conn + 1,
    log,
  };
}

/** Unanswered requests: idempotent ones go back to the front of the queue, the others fail. */
function afterClose(unanswered: PipelineRequestReport[], queue: PipelineRequestReport[], log: string[], name: (r: PipelineRequestReport) => string): void {
  const retry = unanswered.filter((r) => r.idempotent);
  for (const r of unanswered) {
    if (r.idempotent) {
      r.resent = true;
      log.push(`  ${name(r)} unanswered: ${r.method} is idempotent, resend it`);
    } else {
      r.outcome = "failed";
      r.failReason = `the connection closed before its response; ${r.method} is not idempotent, so the client cannot tell whether the server acted on it and must not resend it automatically`;
      log.push(`  ${name(r)} unanswered: ${r.method} is not idempotent, report the failure instead of resending`);
    }
  }
  queue.unshift(...retry);
}

function readRequests(value: unknown): PipelineRequestReport[] {
  if (!Array.isArray(value)) invalidType("scenario.requests", "an array of {method, path?}", value);
  if (value.length === 0) outOfRange("scenario.requests", "at least one request", value);
  return (value as unknown[]).map((raw, i) => {
    const r = optionsObject(`scenario.requests[${i}]`, raw as PipelineRequest);
    const method = checkString(`scenario.requests[${i}].method`, r.method);
    let idempotent: boolean;
    try {
      idempotent = isIdempotent(method);
    } catch {
      outOfRange(`scenario.requests[${i}].method`, "a method name (an RFC 9110 token)", method);
    }
    return {
      index: i, method, path: r.path === undefined ? `/${i}` : checkString(`scenario.requests[${i}].path`, r.path),
      idempotent, outcome: "failed" as const, attempts: 0, connections: [], resent: false,
    };
  });
}
