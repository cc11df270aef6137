/**
 * Exercises for 4.3 HTTP connection handling (HTTP 커넥션 관리).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.3a")` in notebooks/4.3-http-connection-handling.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.3a (predict): a proxy that understands Connection (a "smart" proxy)
 * receives this request from a browser and forwards it to the origin server:
 *
 *   GET http://www.joes-hardware.com/tools.html HTTP/1.1
 *   Host: www.joes-hardware.com
 *   User-Agent: Mozilla/5.0
 *   Accept: text/html
 *   Accept-Language: ko, en;q=0.8
 *   Connection: Keep-Alive, Meter, X-Trace-Id
 *   Keep-Alive: timeout=30, max=50
 *   Meter: will-report-and-limit
 *   X-Trace-Id: 4bf92f35
 *   X-Request-Id: 77ad01
 *   Proxy-Connection: keep-alive
 *   Upgrade-Insecure-Requests: 1
 *   Cache-Control: no-cache
 *
 * Of these 12 header fields, how many reach the origin server as the browser
 * wrote them? (The proxy may add fields of its own for its own connection;
 * do not count those.) Answer with a whole number before you run the model
 * cell below the check.
 */
export function predictForwardedFields(): number {
  return notImplemented("4.3a");
}

/**
 * 4.3b: what a proxy forwards (홉별 헤더 제거). Return a NEW object with the
 * fields of `headers` that may cross to the next hop; do not change `headers`.
 * Remove, comparing names case-insensitively:
 *   - every field the Connection header names (this is how a sender
 *     "protects" a header: 헤더 보호하기); the Connection value is a
 *     comma-separated list, with optional spaces or tabs around each name
 *     and possibly empty elements;
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
 * The situation (no bandwidth limit, no loss, no DNS):
 *   - resources are fetched one after another: the HTML, then each object;
 *     the next fetch starts the moment the previous response has fully arrived;
 *   - every packet takes rttMs / 2 to cross, in either direction; bytes take
 *     no time on the link, and ACKs go out at once;
 *   - each fetch opens a new connection: the client sends SYN, the server
 *     answers SYN-ACK, and the request rides on the client's final ACK;
 *   - the server starts its response serverMs after the request has arrived;
 *   - a response is cut into segments of at most mss bytes and leaves in
 *     slow-start rounds: a fresh connection may send initialWindow segments
 *     at once, then must wait for their ACKs; every ACKed segment lets it send
 *     two more, so each round may be twice as large as the one before.
 * Return the time in ms from the first SYN until the last object's last byte
 * has arrived. Defaults: serverMs 0, mss 1460, initialWindow 10. Every size is >= 1.
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
