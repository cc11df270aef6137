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
