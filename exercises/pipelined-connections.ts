/**
 * Exercises for 4.6 Pipelined connections (파이프라인 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.6a")` in notebooks/4.6-pipelined-connections.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.6a: a client pipelined requests with these `methods` (index 0 first) on
 * one connection; the server answered the first `answered` of them
 * (0 <= answered <= methods.length) and then closed the connection. Which
 * requests does the client resend on a new connection by itself, and which
 * must it report as failed? Only idempotent methods (GET, HEAD, PUT, DELETE,
 * OPTIONS, TRACE; names are case-sensitive) may be resent. Indexes ascending.
 *   afterEarlyClose(["GET", "GET", "POST", "PUT"], 1) → { resend: [1, 3], fail: [2] }
 */
export function afterEarlyClose(methods: string[], answered: number): { resend: number[]; fail: number[] } {
  return notImplemented("4.6a");
}

/**
 * 4.6b: head-of-line blocking. A client writes all its requests at once, at
 * t = 0, on an open persistent connection; each reaches the server rttMs / 2
 * later. The server works on all of them at once: response i is ready
 * serverMs[i] after its request arrived. But responses must leave in request
 * order, so a ready response waits until every earlier one has left. Each
 * response reaches the client rttMs / 2 after it leaves (sending takes no
 * time). Return when each response reaches the client, in request order.
 *   pipelinedDoneTimes([50, 5, 5], 20) → [70, 70, 70]
 */
export function pipelinedDoneTimes(serverMs: number[], rttMs: number): number[] {
  return notImplemented("4.6b");
}

/**
 * 4.6c: may a client resend a request with this method after its connection
 * died without an answer? True for the idempotent methods of RFC 9110 9.2.2:
 * GET, HEAD, PUT, DELETE, OPTIONS, TRACE. Method names are case-sensitive,
 * and a method the client does not know is not known to be idempotent.
 *   isIdempotentMethod("POST") → false
 */
export function isIdempotentMethod(method: string): boolean {
  return notImplemented("4.6c");
}

/**
 * 4.6d: a careful client pipelines idempotent requests, but never pipelines
 * a non-idempotent one (POST, PATCH, ...): that request waits until every
 * earlier response is in, is sent alone, and nothing follows it until its
 * own response is in (the strict rule of RFC 2616 8.1.2.2; RFC 9112 9.3.2
 * only forbids pipelining after a non-idempotent request, see notebook 4.6).
 * Split the requests (by index, in order) into the batches the client
 * writes back to back; each batch costs a round trip.
 *   pipelineBatches(["GET", "GET", "POST", "GET", "PUT"]) → [[0, 1], [2], [3, 4]]
 */
export function pipelineBatches(methods: string[]): number[][] {
  return notImplemented("4.6d");
}

/**
 * 4.6e (predict): a careful client follows every rule of pipelining in
 * notebook 4.6, section 3. It has 6 GETs for a server it has never talked
 * to. The server answers in HTTP/1.1 without `Connection: close`, but drops
 * every connection right after its third response, without any notice (its
 * last response does not say `Connection: close`). How many times in all
 * does the client send a request alone, waiting for its response before it
 * writes the next one on that connection?
 * Answer before you run the model cell below it in the notebook: return your
 * number.
 */
export function predictRequestsSentAlone(): number {
  return notImplemented("4.6e");
}

/** What you expect the pipeline lab to show, and what you conclude from it (4.6f). */
export interface PipelineLabPrediction {
  /**
   * the order part: the ids (0 .. methods.length - 1) in the order their
   * responses reach the client, when the server finishes the requests in
   * reverse (the last one first)
   */
  order: number[];
  /** the retry part: the ids the client sends again on a later connection, each once, in the order first resent */
  resent: number[];
  /**
   * your conclusion, from YOUR measurement: did the server's handler receive
   * some request that it did not answer on that connection? (See "the server
   * was handed" in your lab result.)
   */
  unansweredReachedServer: boolean;
}

/**
 * 4.6f (measure): the pipeline lab (`npm run workbook -- lab pipeline`, or
 * the lab cell of notebooks/4.6-pipelined-connections.ipynb) talks to a
 * node:http server on 127.0.0.1 over a raw socket.
 *   - Order: it pipelines methods.length GETs (ids 0, 1, ...) in one write;
 *     the server makes request i wait longer than request i + 1, so it
 *     finishes the last request first.
 *   - Retry: it pipelines requests with these `methods` (ids 0, 1, ...) in
 *     one write. The server answers `closeAfter` requests per connection,
 *     marks the last of them `Connection: close` and closes. The client
 *     (which pipelines everything at once, POST included, to show what
 *     happens) then sends the unanswered requests whose method is idempotent
 *     again, together, on a new connection, and does so again after every
 *     close; the others it reports as failed.
 * Before you run the lab, predict `order` and `resent`; after it, state your
 * conclusion. The check compares your answer with your own measurement
 * (.workbook/labs/pipeline.json).
 */
export function predictPipelineLab(methods: string[], closeAfter: number): PipelineLabPrediction {
  return notImplemented("4.6f");
}
