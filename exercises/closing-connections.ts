/**
 * Exercises for 4.7 The mysteries of connection close (커넥션 끊기에 대한 미스터리).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.7a")` in notebooks/4.7-closing-connections.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/** What a client knows about a response when its connection closes. */
export interface ReceivedResponse {
  /** the response's status code (default 200) */
  status?: number;
  /** the method of the request it answers (default "GET") */
  requestMethod?: string;
  /** the Content-Length header as a number, or undefined when the response has none */
  contentLength?: number;
}

/**
 * 4.7a: the connection has closed after `receivedBytes` body bytes arrived.
 * Is the body "complete", "truncated" (Content-Length promised more), or
 * "read-until-close" (no Content-Length: the close itself ended the body, so
 * nobody can tell whether it was cut short)? A response to HEAD, and any
 * 1xx, 204 or 304 response, has no body at all, so it is always "complete".
 * Bytes past the promised length do not make a body incomplete (they belong
 * to whatever comes next). Assume no Transfer-Encoding.
 *   bodyStatus({ contentLength: 1000 }, 600) → "truncated"
 */
export function bodyStatus(response: ReceivedResponse, receivedBytes: number): "complete" | "truncated" | "read-until-close" {
  return notImplemented("4.7a");
}

/**
 * 4.7b: which control packets does the closing side's TCP send?
 *   how: "close" closes the socket for both directions (close(), node's destroy());
 *        "shutdown-write" closes only the sending direction (shutdown(SHUT_WR),
 *        node's end()) and keeps reading.
 *   unreadBytes: bytes already received that the application never read.
 *   laterBytes: bytes the peer still sends after this moment.
 * Return the packets in order: ["FIN"], ["RST"] or ["FIN", "RST"].
 * (A full close with unread input resets at once; data that reaches a fully
 * closed socket draws a reset; a half-closed socket keeps reading.)
 *   closePackets("close", 0, 0) → ["FIN"]
 */
export function closePackets(how: "close" | "shutdown-write", unreadBytes: number, laterBytes: number): ("FIN" | "RST")[] {
  return notImplemented("4.7b");
}

/**
 * 4.7c: the segments of a response reach the client at `arrivals[i].atMs`
 * with `arrivals[i].bytes` bytes each; the client application reads each
 * segment `readDelayMs` after it arrives. A reset (RST) reaches the client
 * at `rstAtMs` (Infinity when none comes) and throws away everything the
 * application has not read by then (simulateClose's default assumption,
 * `discardOnReset: true`; see notebook 4.7 for when a real stack keeps the
 * bytes). A segment read exactly at `rstAtMs` is still read. How many response bytes does the application get?
 *   bytesReadBeforeReset([{ atMs: 10, bytes: 1460 }, { atMs: 30, bytes: 500 }], 1, 20) → 1460
 */
export function bytesReadBeforeReset(arrivals: { atMs: number; bytes: number }[], readDelayMs: number, rstAtMs: number): number {
  return notImplemented("4.7c");
}
