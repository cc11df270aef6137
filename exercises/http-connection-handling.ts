/**
 * Exercises for 4.3 HTTP connection handling (HTTP 커넥션 관리).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.3a")` in notebooks/4.3-http-connection-handling.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.3a: read a Connection header value (커넥션 토큰).
 * The value is a comma-separated list of tokens. Return:
 *   - tokens: every token, lower-cased (options are case-insensitive), each
 *     once, in the order first seen; empty list elements (", ,") are skipped
 *     and spaces or tabs around a token are not part of it;
 *   - close: true when the `close` token is present;
 *   - keepAlive: true when the `keep-alive` token is present.
 * An element that is not a token (a token is 1 or more of the letters, digits
 * and !#$%&'*+-.^_`|~ ; so no spaces inside, no "/", no quotes) makes the
 * header malformed: throw a RangeError.
 *   parseConnection("Keep-Alive, X-Trace-Id") → { close: false, keepAlive: true, tokens: ["keep-alive", "x-trace-id"] }
 */
export function parseConnection(value: string): { close: boolean; keepAlive: boolean; tokens: string[] } {
  return notImplemented("4.3a");
}

/**
 * 4.3b: what a proxy forwards (홉별 헤더 제거). Return a NEW object with the
 * fields of `headers` that may cross to the next hop; do not change `headers`.
 * Remove, comparing names case-insensitively:
 *   - every field the Connection header names (this is how a sender
 *     "protects" a header: 헤더 보호하기);
 *   - Connection itself;
 *   - the fields that are hop-by-hop even when Connection does not name them:
 *     Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade, Trailer.
 * Every other field keeps its name (as written) and value.
 *   removeHopByHop({ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" })
 *     → { Host: "a.test", Accept: "text/html" }
 */
export function removeHopByHop(headers: Record<string, string>): Record<string, string> {
  return notImplemented("4.3b");
}

/**
 * 4.3c: how long a page takes when every object waits for the one before it
 * and has a connection of its own (순차적인 트랜잭션 처리에 의한 지연).
 * The model (no bandwidth limit, no loss, no DNS):
 *   - resources are fetched one after another: the HTML, then each object;
 *   - each fetch opens a new connection: 1 RTT of handshake, the request
 *     rides on the handshake's last packet;
 *   - the server answers after serverMs;
 *   - a response of S = ceil(bytes / mss) segments comes in slow-start
 *     rounds: the first round carries initialWindow segments and each round
 *     doubles the window, so r rounds carry initialWindow * (2^r - 1)
 *     segments; r is the smallest number that covers S;
 *   - one fetch therefore costs rttMs (handshake) + serverMs + r * rttMs
 *     (the request's trip plus r - 1 waits for ACKs plus the last trip back).
 * Return the total time in ms until the last object has arrived.
 * Defaults: serverMs 0, mss 1460, initialWindow 10. Every size is >= 1.
 *   serialPageLoadMs({ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 }) → 800
 */
export interface SerialPage {
  htmlBytes: number;
  objectBytes: number[];
  rttMs: number;
  serverMs?: number;
  mss?: number;
  initialWindow?: number;
}

export function serialPageLoadMs(page: SerialPage): number {
  return notImplemented("4.3c");
}
