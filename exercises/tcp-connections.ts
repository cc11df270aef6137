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
 * 4.1b: how many TCP segments (IP packets) does a message of `bytes` bytes
 * (bytes >= 1) need when no segment may carry more than `mss` bytes of it?
 * The answer is a whole number of packets.
 *   segmentCount(3000, 1460) → 3
 */
export function segmentCount(bytes: number, mss = 1460): number {
  return notImplemented("4.1b");
}

/**
 * 4.1c: what fraction of the bytes on the wire are IP and TCP headers when a
 * message of `bytes` bytes (bytes >= 1) is sent? A number between 0 and 1.
 * Each packet carries a 20-byte IP header and a 20-byte TCP header, plus
 * `tcpOptionBytes` bytes of TCP options in every segment (default 0; Linux's
 * timestamps: 12). `mss` is the MSS the peer announced, and an announced MSS
 * counts no options (RFC 6691): a sender that puts options in its segments
 * must fit them within that limit, at the expense of data.
 *   headerOverhead(1, 1460) → about 0.976
 *   headerOverhead(100, 1460, 12) → about 0.342
 */
export function headerOverhead(bytes: number, mss = 1460, tcpOptionBytes = 0): number {
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

/**
 * 4.1e (predict): a capture of a real Linux connection. TCP timestamps are
 * on (a 12-byte option in every TCP header), so each full segment carries
 * 1448 bytes of data instead of 1460. How many data packets does a
 * 1,000,000-byte response need on it? (The notebook's table gives 685 for
 * 1460-byte segments.) Answer before you run the model cell below.
 */
export function predictLinuxPackets(): number {
  return notImplemented("4.1e");
}
