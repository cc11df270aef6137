/**
 * Exercises for 4.2 TCP performance (TCP의 성능에 대한 고려).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.2a")` in notebooks/4.2-tcp-performance.ipynb or `npm test`.
 * Times are in ms, sizes in bytes, rates in bits/s.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.2a: what fraction of one small HTTP transaction on a new connection is
 * the TCP handshake (핸드셰이크)? The client looks the name up (dnsMs; 0 when
 * it is cached), opens the connection, sends its request, the server works
 * for serverMs, and the response comes back. The request and the response
 * each fit in one segment and the link is fast, so each of them costs only
 * its trip across the path. The client sends the request as soon as the
 * handshake allows (whether the request shares a packet with the
 * handshake's last ACK changes the packet count, not the time).
 * Return the handshake's time over the whole transaction's time, a number
 * from 0 to 1 (0 when the whole transaction takes no time at all).
 *   handshakeFraction({ rttMs: 100, serverMs: 20 }) → about 0.4545
 */
export function handshakeFraction(input: { rttMs: number; dnsMs?: number; serverMs?: number }): number {
  return notImplemented("4.2a");
}

/**
 * 4.2b: a receiver with delayed ACKs (확인응답 지연) and nothing of its own to
 * send. Segments arrive at the given times (in time order) with the given
 * payload sizes; a segment of exactly `mss` bytes is full-sized. Return the
 * times at which the receiver sends its ACKs, in order. The rules:
 *  - the ACK goes out at once when it would leave two full-sized segments
 *    unacknowledged (the second one arriving triggers it);
 *  - otherwise the first unacknowledged segment starts a timer of
 *    `delayedAckMs`; when it fires, one ACK covers everything received so far;
 *  - an ACK (either kind) acknowledges everything received so far, resets the
 *    count of full-sized segments and cancels the timer;
 *  - a timer that fires at the same instant a segment arrives fires first;
 *  - delayedAckMs 0 means delayed ACK is off: every segment is ACKed on arrival.
 *   ackTimes([{ tMs: 0, bytes: 1460 }, { tMs: 1, bytes: 1460 }, { tMs: 2, bytes: 300 }], 40)
 *     → [1, 42]
 */
export function ackTimes(arrivals: { tMs: number; bytes: number }[], delayedAckMs: number, mss = 1460): number[] {
  return notImplemented("4.2b");
}

/**
 * 4.2h (predict): slow start with delayed ACKs. A server starts a large
 * response on a new connection with an initial window of 10 segments; no
 * loss, no other limit. The client's TCP delays its ACKs: one ACK for every
 * second full-sized segment. The server follows RFC 5681 3.1 to the letter:
 * in slow start, each ACK that acknowledges new data adds at most one
 * segment to cwnd, however many segments it acknowledges. The first round
 * sends 10 segments. How many segments does the server send in the fourth
 * round? Answer before you run the model cell below.
 */
export function predictDelayedAckGrowth(): number {
  return notImplemented("4.2h");
}

/**
 * 4.2c: slow start (느린 시작) without delayed ACK and with no other limit: the
 * first round sends `initialWindow` segments and every round sends twice as
 * many as the round before. How many rounds (round trips) does a response of
 * `bytes` bytes (bytes >= 0) need? A partly filled last segment is still a
 * segment; 0 bytes need 0 rounds. Use a closed form, not a loop.
 *   slowStartRounds(100_000) → 3   (69 segments: 10 + 20 + 40)
 */
export function slowStartRounds(bytes: number, initialWindow = 10, mss = 1460): number {
  return notImplemented("4.2c");
}

/**
 * 4.2d: the window that fills the pipe: how many full segments fit on the
 * link in one round trip (the bandwidth-delay product, 대역폭-지연 곱)? Count
 * each segment as mss + 40 bytes on the wire (IP and TCP headers), round down
 * to whole segments, and return at least 1. Once cwnd reaches this number,
 * a bigger window cannot make the transfer faster.
 *   pipeSegments(10_000_000, 100) → 83
 */
export function pipeSegments(bandwidthBps: number, rttMs: number, mss = 1460): number {
  return notImplemented("4.2d");
}

/**
 * 4.2i (predict): restart after idle. One persistent connection, RTT
 * 100 ms; the server sent a 300 KB response and its cwnd grew to about
 * 215 segments. The client now reads for a while before it asks for a
 * second 300 KB response. The server follows RFC 5681 with RFC 6298's
 * minimum retransmission timeout (RTO) of 1 s. What is the server's cwnd, in
 * segments (initial window 10), when it starts sending the second response
 * if the client paused half a second (halfSecond), and if it paused two
 * seconds (twoSeconds)? Answer before you run the model cell below.
 */
export function predictCwndAfterIdle(): { halfSecond: number; twoSeconds: number } {
  return notImplemented("4.2i");
}

/**
 * 4.2e: Nagle's algorithm (네이글 알고리즘, RFC 896). The sender has a segment of
 * `segmentBytes` ready and `unackedBytes` bytes sent but not yet
 * acknowledged. Return true when Nagle makes it wait: the segment is smaller
 * than the MSS and something is still unacknowledged. A full-sized segment is
 * never held, and with `nodelay` (TCP_NODELAY) nothing is. Throw a RangeError
 * when segmentBytes is more than mss (no segment can be that large).
 *   nagleWouldHold({ segmentBytes: 100, unackedBytes: 64 }) → true
 */
export function nagleWouldHold(input: { segmentBytes: number; unackedBytes: number; mss?: number; nodelay?: boolean }): boolean {
  return notImplemented("4.2e");
}

/**
 * 4.2f: the write-write-read stall. On an open, idle connection a client
 * makes all its `writes` at t = 0 (one request; the whole request fits in
 * the initial window, at most 10 segments). The link adds rttMs / 2 each way
 * and has unlimited bandwidth; the server has nothing to send back and ACKs
 * by the rules of 4.2b. Return how much later the server has the whole
 * request with classic Nagle on than with TCP_NODELAY (which delivers all of
 * it at rttMs / 2). The stream is cut into segments in order:
 *  - the first segment (up to mss bytes) leaves at once: nothing is unACKed;
 *  - after it, every full-sized segment leaves too (Nagle never holds those);
 *  - a smaller tail is held until every byte sent before it is ACKed, and
 *    then leaves: it arrives rttMs / 2 after that ACK reaches the client.
 *   nagleStallMs({ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }) → 140
 */
export function nagleStallMs(input: { writes: number[]; rttMs: number; delayedAckMs: number; mss?: number }): number {
  return notImplemented("4.2f");
}

/**
 * 4.2k (measure): the Nagle lab (npm run workbook -- lab nagle, or runLab in
 * the notebook) sends each request as two small writes (64 + 64 bytes) on one
 * loopback connection and times it three ways: Nagle on, TCP_NODELAY, and
 * Nagle on with the request in one write. Predict, for your machine:
 *  - stallMs: how much longer one request takes with Nagle on and two writes
 *    than with TCP_NODELAY (the median, in ms);
 *  - removedBy: which change removes that stall: "TCP_NODELAY" only,
 *    "one write" only, "either" of them, or "neither".
 * The check compares your prediction with your own saved measurement.
 */
export function predictNagleLab(): { stallMs: number; removedBy: "TCP_NODELAY" | "one write" | "either" | "neither" } {
  return notImplemented("4.2k");
}

/**
 * 4.2j (predict): an HTTP/1.0 server closes every connection as soon as it
 * has sent the response (it sends the first FIN); each client closes its end
 * when it sees that. The server handles 1000 connections a second. Which
 * host holds the TIME_WAIT entries these connections leave: the "client",
 * the "server", "both", or "neither"? Answer before you run the model cell
 * below.
 */
export function predictTimeWaitHolder(): "client" | "server" | "both" | "neither" {
  return notImplemented("4.2j");
}

/**
 * 4.2g: TIME_WAIT and port exhaustion (TIME_WAIT 누적과 포트 고갈). A client
 * opens short connections to one server address and port and closes each one
 * first, so each local port sits in TIME_WAIT for `timeWaitSeconds` before it
 * can be used again. `ports` is the inclusive ephemeral range. Return
 *  - ceiling: the most new connections per second it can keep up forever;
 *  - exhaustedAfterSeconds: at `connectionsPerSecond`, when the last free port
 *    is taken (null when the rate is at or below the ceiling).
 *   portBudget({ low: 32768, high: 60999 }, 60, 1000)
 *     → { ceiling: 470.53..., exhaustedAfterSeconds: 28.232 }
 */
export function portBudget(
  ports: { low: number; high: number },
  timeWaitSeconds: number,
  connectionsPerSecond: number,
): { ceiling: number; exhaustedAfterSeconds: number | null } {
  return notImplemented("4.2g");
}

/**
 * 4.2l (measure): the TIME_WAIT lab (npm run workbook -- lab time-wait, or
 * runLab in the notebook; Linux only) opens and closes a batch of
 * connections on loopback twice, once with the client closing first and
 * once with the server closing first, and counts the TIME_WAIT entries at
 * each end. Predict:
 *  - perConnection: how many TIME_WAIT entries one closed connection leaves,
 *    counting both ends;
 *  - heldBy: which end holds them.
 * The check compares your prediction with your own saved measurement.
 */
export function predictTimeWaitLab(): {
  perConnection: number;
  heldBy: "the side that closes first" | "the side that closes second" | "always the client" | "always the server" | "both sides";
} {
  return notImplemented("4.2l");
}
