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
 * nobody can tell whether it was cut short)? Some responses never have a
 * body, whatever their headers say (RFC 9112 6.3, the first rule; notebook
 * 4.7 section 2): those are "complete". Bytes past the promised length do
 * not make a body incomplete (they belong to whatever comes next). Assume
 * no Transfer-Encoding.
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

/** 4.7d: the orders a server might close in, after writing its last response. */
export type CloseOrder =
  /** close() at once: both directions */
  | "close"
  /** shutdown(SHUT_WR), then close() at once */
  | "shutdown-then-close"
  /** keep reading until the client's FIN, then shutdown(SHUT_WR), then close() */
  | "read-then-shutdown-then-close"
  /** shutdown(SHUT_WR), keep reading until the client's FIN, then close() */
  | "shutdown-then-read-then-close";

/**
 * 4.7d (predict): a server has written the response to request 1 and wants
 * to close the connection (it reached its per-connection request limit).
 * The client had pipelined request 2 right behind request 1: it is on its
 * way, or already sitting unread in the server's receive buffer. Which order
 * of steps lets the client's application read the whole response and see
 * the connection end cleanly, without either side waiting for a timer?
 * Answer before you run the model cell below it in notebook 4.7.
 */
export function predictGracefulClose(): CloseOrder {
  return notImplemented("4.7d");
}

/** 4.7e: what you expect the close lab to measure, and what you conclude from it. */
export interface CloseLabPrediction {
  /** of `runs` abrupt closes (destroy() with the upload unread), how many lose the response */
  abruptLost: number;
  /** of `runs` graceful closes (end(), then read the rest), how many lose it */
  gracefulLost: number;
  /** what a server that wants to close while the client may still be sending should do */
  serverShould: "close-at-once" | "half-close-then-drain" | "either";
}

/**
 * 4.7e (measure): the close lab (notebook 4.7 section 7, or
 * `npm run workbook -- lab close`) runs `runs` clients of each kind. Each
 * uploads a large request body; the server reads only the header, writes a
 * complete response, and closes, abruptly or gracefully; the client starts
 * reading 50 ms later. Predict how many runs of each kind lose the response,
 * and the conclusion you expect to draw. Write it before you run the lab:
 * the check compares it with your own measurement.
 */
export function predictCloseLab(runs: number): CloseLabPrediction {
  return notImplemented("4.7e");
}
