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
 * previous one has been sent, and occupies the link for as long as its bytes
 * take at bandwidthBps (bits per second). Its last byte reaches the client
 * rttMs / 2 after it leaves.
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

/** Your prediction for 4.8c: time to first byte on a new connection, ms. */
export interface FirstByteTimes {
  /** over TCP with TLS 1.3 (HTTP/2) */
  tcpTls13: number;
  /** over QUIC (HTTP/3) */
  quic: number;
}

/**
 * 4.8c (predict): a browser opens a new connection to a server 80 ms away
 * (round-trip time) and sends one GET; the server needs 20 ms to produce the
 * response. No DNS, nothing lost, sending takes no time. TCP's handshake is
 * the one of notebook 4.1; TLS 1.3's own handshake needs one round trip, and
 * over TCP it can begin only once TCP's handshake is done; QUIC carries the
 * TLS 1.3 handshake inside its own first packets. How many ms after the
 * browser's first packet does the first byte of the response arrive, over
 * TCP + TLS 1.3 and over QUIC? Answer before you run the model cell below
 * it in notebook 4.8.
 */
export function predictTimeToFirstByte(): FirstByteTimes {
  return notImplemented("4.8c");
}

/** 4.8d: what you expect the multiplex lab to measure, and what you conclude from it. */
export interface MultiplexLabPrediction {
  /** which protocol has all its quick responses complete first */
  quickFirst: "http1.1-pipelined" | "http2";
  /**
   * the time until HTTP/2's quick responses are all complete, as a fraction
   * of the time until the same quick responses are complete over HTTP/1.1
   * pipelining (1: no faster; 0.5: in half the time)
   */
  http2QuickShare: number;
  /** what held the quick responses back over HTTP/1.1 */
  conclusion: "response-order" | "one-tcp-connection" | "busy-server";
}

/**
 * 4.8d (measure): the multiplex lab (notebook 4.8 section 2, or
 * `npm run workbook -- lab multiplex`) sends the same batch on one connection
 * twice: as HTTP/1.1 requests pipelined to node:http, and as HTTP/2 streams
 * to node:http2. Request 0 takes the server 30 to 50 ms; the others are
 * answered at once. Predict which protocol gets the quick responses out
 * first, roughly the ratio of their times, and what held them back. Write it
 * before you run the lab: the check compares it with your own measurement.
 */
export function predictMultiplexLab(): MultiplexLabPrediction {
  return notImplemented("4.8d");
}

/** Your prediction for 4.8e. */
export interface LossStall {
  /** of the three streams, how many finish later than they would have without the loss, over HTTP/2 on TCP */
  tcpStalledStreams: number;
  /** the same over HTTP/3 on QUIC */
  quicStalledStreams: number;
  /** how long after packet 2 should have arrived does its copy arrive, in round-trip times (1 = one RTT) */
  repairRtts: number;
}

/**
 * 4.8e (predict): one connection carries three streams A, B and C; nine full
 * packets go out back to back, round robin (A B C A B C A B C), on a
 * 10 Mbit/s link (1.2 ms per packet) with a 100 ms RTT. Packet 2 (stream B)
 * is lost; everything else arrives. The receiver acknowledges every packet
 * at once, and the sender repairs the loss the way notebook 4.8 section 4
 * describes. Predict how many of the three streams are held back by the loss
 * over HTTP/2 (one TCP connection) and over HTTP/3 (QUIC), and how long the
 * repair takes. Answer before you run the cell below it in notebook 4.8.
 */
export function predictLossStall(): LossStall {
  return notImplemented("4.8e");
}
