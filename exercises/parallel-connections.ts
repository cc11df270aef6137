/**
 * Exercises for 4.4 Parallel connections (병렬 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.4a")` in notebooks/4.4-parallel-connections.ipynb or `npm test`.
 *
 * 4.4a and 4.4c are back-of-the-envelope models. Their assumptions, to keep
 * the arithmetic honest:
 *   - every response travels on a connection that is already wide open: no
 *     slow start, no TCP/IP headers, no ACKs competing for the link;
 *   - a request takes no time to send beyond its trip (its bytes are ignored);
 *   - the server answers at once; closing a connection costs nothing;
 *   - a new connection costs one round trip (the handshake) before its
 *     request can go, and the request/response exchange costs one more round
 *     trip plus the response's bytes on the link: bytes * 8 * 1000 / bandwidthBps ms.
 */
import { notImplemented } from "../lib/workbook/not-implemented";
import type { Page } from "../lib/http/page-load";
// 4.4d: simulatePageLoad runs a page load on the simulated TCP of lib/sim.
import { simulatePageLoad } from "../lib/http/page-load";

/**
 * 4.4a: how long does a page take to load serially (순차적인 트랜잭션 처리), one
 * new connection per response, each waiting for the one before it? The HTML
 * first, then each object. Use the assumptions at the top of this file.
 *   serialLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] })
 *     → (200 + 80) + (200 + 200) = 680
 */
export function serialLoadMs(input: { rttMs: number; bandwidthBps: number; htmlBytes: number; objectBytes: number[] }): number {
  return notImplemented("4.4a");
}

/**
 * 4.4b: a browser may keep at most `maxConnections` connections open at once
 * (one object each). How many rounds of connections does it need for
 * `objectCount` objects? maxConnections below 1 makes no sense: throw a RangeError.
 *   connectionRounds(10, 4) → 3
 */
export function connectionRounds(objectCount: number, maxConnections: number): number {
  return notImplemented("4.4b");
}

/**
 * 4.4c: the same page loaded with parallel connections (병렬 커넥션): the HTML
 * on its own connection, then `objectCount` objects of `objectBytes` bytes
 * each, in rounds of at most `maxConnections` new connections at once. All
 * the connections of a round share one link: together they still cannot move
 * more than bandwidthBps. A round starts when the previous one has finished.
 * Same assumptions as 4.4a.
 *   parallelLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 })
 *     → (200 + 80) + (200 + 600) = 1080
 */
export interface ParallelPage {
  rttMs: number;
  bandwidthBps: number;
  htmlBytes: number;
  objectCount: number;
  objectBytes: number;
  maxConnections: number;
}

export function parallelLoadMs(input: ParallelPage): number {
  return notImplemented("4.4c");
}

/**
 * 4.4d: more connections cost memory on both ends and load on the server
 * (4.4.2), so a browser should use no more than it needs. Using the simulator
 * (simulatePageLoad with strategy "parallel"), return the smallest number of
 * connections N between 1 and `limit` whose load time is within `tolerance`
 * (0.05 = 5 %) of the fastest load time any N in 1..limit achieves.
 */
export function enoughConnections(input: { page: Page; rttMs: number; bandwidthBps: number; limit: number; tolerance: number }): number {
  return notImplemented("4.4d");
}
