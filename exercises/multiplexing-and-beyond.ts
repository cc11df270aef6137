/**
 * Exercises for 4.8 Multiplexing and beyond (다중 커넥션과 그 이후).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.8a")` in notebooks/4.8-multiplexing-and-beyond.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/** One batch of requests on one open HTTP/2 connection (4.8a). */
export interface MultiplexedBatch {
  /** the server's think time for each request, ms (request order) */
  serverMs: number[];
  /** the size of each response, bytes (same length as serverMs) */
  bytes: number[];
  /** round-trip time, ms */
  rttMs: number;
  /** bits/s of the path; Infinity when sending takes no time */
  bandwidthBps: number;
}

/**
 * 4.8a: responses on a multiplexed connection (HTTP/2 streams). The client
 * writes every request at t = 0 on an open connection; they all reach the
 * server rttMs / 2 later. Response i is ready serverMs[i] after that. Each
 * response is handed to the connection whole as soon as it is ready, in
 * whatever order they become ready (ties: lower index first). The connection
 * sends one response at a time: a response starts when it is ready and the
 * previous one has been sent, and takes bytes[i] * 8 * 1000 / bandwidthBps ms
 * on the wire. Its last byte reaches the client rttMs / 2 after it leaves.
 * Return when each response is complete at the client, in request order.
 * Throw a RangeError when serverMs and bytes differ in length.
 *   multiplexedDoneTimes({ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 })
 *   → [130, 30, 40]
 */
export function multiplexedDoneTimes(batch: MultiplexedBatch): number[] {
  return notImplemented("4.8a");
}

/**
 * 4.8b: how many TCP connections does a page open? `urls` lists every
 * request the page makes, all wanted at once. Under HTTP/1.1 a browser opens
 * up to `perOrigin` connections to each origin (never more than it has
 * requests for that origin); under HTTP/2 it opens exactly one per origin
 * (RFC 9113 9.1; no connection coalescing). An origin is scheme, host and
 * port, with the scheme's default port filled in: "https://a.example/" and
 * "https://a.example:443/" are one origin, "http://a.example/" another.
 * Throw a TypeError for a string that is not an absolute URL and a
 * RangeError when perOrigin is not a whole number >= 1.
 *   connectionsForPage(["https://a.example/1.png", "https://a.example/2.png", "https://b.example/x.css"])
 *   → { http1: 3, http2: 2 }
 */
export function connectionsForPage(urls: string[], perOrigin = 6): { http1: number; http2: number } {
  return notImplemented("4.8b");
}

/** The transport and security under the first request (4.8c). */
export type { SetupStack } from "../lib/http/connection-setup";
import type { SetupStack } from "../lib/http/connection-setup";

/**
 * 4.8c: time to first byte on a new connection. From the moment the client
 * sends its first packet, how long until the first byte of the response
 * arrives? Count the round trips of connection setup before the request may
 * leave (TCP's handshake: 1; TCP Fast Open with a cookie from an earlier
 * connection: 0, the request rides on the SYN; a full TLS 1.2 handshake: 2
 * more; TLS 1.3: 1 more; QUIC, transport and TLS 1.3 together: 1; QUIC
 * resuming with 0-RTT: 0), then one round trip for the request and the
 * response's first byte, plus the server's think time. No DNS, nothing lost,
 * sending takes no time. Throw a RangeError for an unknown stack or a
 * negative or non-finite rttMs / serverMs.
 *   timeToFirstByteMs("tcp+tls1.3", 50) → 150
 */
export function timeToFirstByteMs(stack: SetupStack, rttMs: number, serverMs = 0): number {
  return notImplemented("4.8c");
}
