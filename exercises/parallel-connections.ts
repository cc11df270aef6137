/**
 * Exercises for 4.4 Parallel connections (병렬 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.4a")` in notebooks/4.4-parallel-connections.ipynb or `npm test`.
 *
 * 4.4a and 4.4c are back-of-the-envelope models. The situation they assume,
 * to keep the arithmetic honest:
 *   - a packet takes rttMs / 2 to cross the network, in either direction;
 *   - a new connection must finish its handshake (SYN out, SYN-ACK back)
 *     before its request may leave; the request is small: sending it takes
 *     only its trip to the server;
 *   - the server answers at once; closing a connection costs nothing;
 *   - the response's bytes cross one link of bandwidthBps bits per second,
 *     one after another; the connection is wide open (no slow start), and
 *     TCP/IP headers and ACKs take no room on the link.
 */
import { notImplemented } from "../lib/workbook/not-implemented";
import type { Page } from "../lib/http/page-load";
// 4.4d: simulatePageLoad runs a page load on the simulated TCP of lib/sim.
import { simulatePageLoad } from "../lib/http/page-load";

/**
 * 4.4a: how long does a page take to load serially (순차적인 트랜잭션 처리), one
 * new connection per response, each starting only when the one before it has
 * fully arrived? The HTML first, then each object, in the situation described
 * at the top of this file. Return ms from the first SYN to the last byte.
 *   serialLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] }) → 680
 */
export function serialLoadMs(input: { rttMs: number; bandwidthBps: number; htmlBytes: number; objectBytes: number[] }): number {
  return notImplemented("4.4a");
}

/**
 * 4.4b (predict): a page of 10 kB of HTML and ten images of 4 kB each, on a
 * 100 ms round trip and a 10 Mbit/s link. The browser opens at most 4
 * connections at once, one image per connection, each closed after its
 * response; when one finishes, the next image starts on a new connection.
 * The simulator (simulatePageLoad, strategy "parallel") has the HTML complete
 * at 208.6 ms. At what time, in ms, is the last image complete? Answer within
 * 50 ms, before you run the waterfall cell below the check.
 */
export function predictTenImagesMs(): number {
  return notImplemented("4.4b");
}

/**
 * 4.4c: the same page loaded with parallel connections (병렬 커넥션): the HTML
 * on its own connection, then `objectCount` objects of `objectBytes` bytes
 * each, in rounds of at most `maxConnections` new connections at once. All
 * the connections of a round share one link: together they still cannot move
 * more than bandwidthBps. A round starts when the previous one has finished.
 * The situation is the one at the top of this file.
 *   parallelLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 }) → 1080
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

/** 4.4e and 4.4f: which load finishes first, or do they finish within 5 % of each other? */
export type Faster = "parallel" | "persistent" | "about the same";

/**
 * 4.4e (predict): a page of 10 kB of HTML and four 50 kB images, on a short
 * round trip (20 ms) and a thin link (1 Mbit/s). Two browsers load it:
 *   - "parallel": the HTML, then the four images on four new connections at once;
 *   - "persistent": one connection for everything, reused for each image in turn.
 * Which finishes first in the simulator (simulatePageLoad)? Answer
 * "about the same" when the slower one takes at most 5 % longer than the
 * faster. Answer before you run the model cell below the check.
 */
export function predictThinLinkFaster(): Faster {
  return notImplemented("4.4e");
}

/**
 * 4.4f (predict): the same page and the same two browsers as 4.4e, on a long
 * round trip (200 ms) and a fat link (50 Mbit/s). Which finishes first, or
 * "about the same" (within 5 %)?
 */
export function predictLongFatLinkFaster(): Faster {
  return notImplemented("4.4f");
}
