/**
 * Exercises for 4.1 TCP connections (TCP 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.1a")` in notebooks/4.1-tcp-connections.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";
import type { FourTuple } from "../lib/tcp/connection-id";

/**
 * 4.1a: the first steps a browser takes with a URL. Return the host name and
 * the TCP port to connect to. A URL without a port uses its scheme's default
 * (http: 80, https: 443).
 *   hostAndPort("http://www.joes-hardware.com/index.html") → { host: "www.joes-hardware.com", port: 80 }
 */
export function hostAndPort(url: string): { host: string; port: number } {
  return notImplemented("4.1a");
}

/**
 * 4.1b: how many TCP segments does a message of `bytes` bytes (bytes >= 1)
 * need when each segment carries at most `mss` bytes?
 *   segmentCount(3000, 1460) → 3
 */
export function segmentCount(bytes: number, mss = 1460): number {
  return notImplemented("4.1b");
}

/**
 * 4.1c: what fraction of the bytes on the wire are IP and TCP headers
 * (20 + 20 bytes per segment) when a message of `bytes` bytes (bytes >= 1)
 * is sent in segments of at most `mss` bytes? A number between 0 and 1.
 *   headerOverhead(1, 1460) → 40 / 41 ≈ 0.976
 */
export function headerOverhead(bytes: number, mss = 1460): number {
  return notImplemented("4.1c");
}

/**
 * 4.1d: a host keeps a table of its open connections, each named from its
 * own point of view (sourceIp/sourcePort are this host's end). A packet
 * arrives; its sourceIp/sourcePort are the sender's end. Return the index of
 * the connection it belongs to, or -1 when none matches.
 */
export function findConnection(packet: FourTuple, connections: FourTuple[]): number {
  return notImplemented("4.1d");
}
