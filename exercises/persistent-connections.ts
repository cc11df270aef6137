/**
 * Exercises for 4.5 persistent connections (지속 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.5a")` in notebooks/4.5-persistent-connections.ipynb or `npm test`.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.5a: read a Keep-Alive header value (Keep-Alive 옵션), following the list
 * and parameter syntax of RFC 9110 5.6.
 * The value is a comma-separated list of parameters, each `name=value` or a
 * bare `name`; empty list elements are skipped.
 *   - A name is a token (letters, digits and !#$%&'*+-.^_`|~, at least one).
 *     Names are case-insensitive: return them lower-cased.
 *   - A value is a token or a quoted string. A quoted string may hold commas
 *     and "=" and spaces; a backslash in it takes the next character as it is;
 *     it loses its quotes and backslashes. A comma inside quotes does not end
 *     the parameter.
 *   - Spaces and tabs around names, "=" and values do not count.
 *   - `timeout=N` goes to timeoutSeconds, `max=N` to max, as numbers. N (after
 *     unquoting) must be a whole number written in decimal digits: anything
 *     else (`abc`, `-1`, `1.5`, nothing) is a RangeError, and so is giving
 *     timeout or max more than once in one value.
 *   - every other parameter goes to params, name → value (null for a bare
 *     name); the first one wins when a name repeats. Any token is a name,
 *     including ones that a plain JavaScript object already seems to have.
 *   - Anything else is malformed and throws a RangeError: a name that is not
 *     a token, a value that is neither a token nor a whole quoted string, a
 *     quote that is never closed.
 * Leave timeoutSeconds / max out (or undefined) when they are not given.
 *   parseKeepAliveParams("timeout=5, max=100") → { timeoutSeconds: 5, max: 100, params: {} }
 */
export function parseKeepAliveParams(value: string): {
  timeoutSeconds?: number;
  max?: number;
  params: Record<string, string | null>;
} {
  return notImplemented("4.5a");
}

/** One request/response pair, reduced to what decides persistence. */
export interface PairSummary {
  /** the request's HTTP version */
  clientVersion: "1.0" | "1.1";
  /** the request's Connection header value, if it has one */
  requestConnection?: string;
  /** the response's HTTP version */
  serverVersion: "1.0" | "1.1";
  /** the response's Connection header value, if it has one */
  responseConnection?: string;
  /** "known": the response says where its body ends (Content-Length);
   *  "until-close": it does not, so the body ends when the connection closes */
  body: "known" | "until-close";
}

export type PersistenceReason =
  | "client-close" | "server-close"
  | "http10-not-asked" | "http10-not-agreed" | "http10-agreed"
  | "http10-server-default" | "http10-server-agreed" | "http11-default"
  | "read-until-close";

/**
 * 4.5b: does the connection stay open after this pair, and which rule says so?
 * Connection values are token lists (case-insensitive). The first rule that
 * applies decides:
 *   1. the request's Connection has `close` → closed, "client-close";
 *   2. the response's Connection has `close` → closed, "server-close";
 *   3. clientVersion "1.0":
 *        no `keep-alive` in the request → closed, "http10-not-asked";
 *        asked but no `keep-alive` in the response → closed, "http10-not-agreed";
 *        both → go on to rule 5 with "http10-agreed";
 *   4. clientVersion "1.1", serverVersion "1.0":
 *        no `keep-alive` in the response → closed, "http10-server-default";
 *        otherwise → go on to rule 5 with "http10-server-agreed";
 *      both "1.1" → go on to rule 5 with "http11-default";
 *   5. the version rules allow it, but the body length is not known →
 *      closed, "read-until-close"; otherwise open, with the reason from 3 or 4.
 *   keepsConnectionOpen({ clientVersion: "1.1", serverVersion: "1.1", body: "known" })
 *     → { persistent: true, reason: "http11-default" }
 */
export function keepsConnectionOpen(pair: PairSummary): { persistent: boolean; reason: PersistenceReason } {
  return notImplemented("4.5b");
}

/**
 * 4.5c: how many connections does a client need for these requests?
 * The client sends requests one at a time at the given times (ms from the
 * start, in order) and always reuses its connection while it is open. Each
 * request takes transactionMs (default 0) until its response has arrived.
 * The server closes a connection
 *   - after the response to the max-th request on it (Keep-Alive max), and
 *   - when it has been idle (from the end of one response to the next
 *     request) longer than timeoutSeconds; idle for exactly timeoutSeconds
 *     is still open.
 * A request that finds no open connection opens a new one. Return the number
 * of connections opened.
 *   connectionsNeeded([0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }) → 2
 */
export function connectionsNeeded(
  requestTimesMs: number[],
  server: { max: number; timeoutSeconds: number },
  transactionMs = 0,
): number {
  return notImplemented("4.5c");
}

/**
 * 4.5d: where does keep-alive hang (멍청한 프락시)?
 * An HTTP/1.0+ client asks for keep-alive with `Connection: Keep-Alive`
 * (ask "connection") or `Proxy-Connection: Keep-Alive` (ask
 * "proxy-connection") and sends two requests. Between it and the server sit
 * `proxies`, nearest the client first:
 *   - a "dumb" proxy does not understand Connection or Proxy-Connection. It
 *     forwards every header unchanged (request and response), reads just one
 *     request per connection, and waits for the server side to close;
 *   - a "smart" proxy understands both: it removes them, asks its next hop
 *     with `Connection: Keep-Alive`, and answers its own client with
 *     `Connection: Keep-Alive` when that client asked in either header;
 *   - the server keeps the connection iff the request it receives carries
 *     `Connection: Keep-Alive` (it knows nothing of Proxy-Connection), and
 *     then says `Connection: Keep-Alive` in its response.
 * Whoever receives a response with `Connection: Keep-Alive` sends its next
 * request on the same connection. Return the index in `proxies` of the proxy
 * that receives a second request it will never read (the hang), or null
 * when both requests are answered.
 *   hangingProxy(["dumb"], "connection") → 0
 */
export function hangingProxy(proxies: ("dumb" | "smart")[], ask: "connection" | "proxy-connection"): number | null {
  return notImplemented("4.5d");
}

/**
 * 4.5e (predict): a server closes a connection that has been idle for more
 * than 2 s and serves at most 3 requests on one connection. A client that
 * always reuses an open connection sends 8 requests, one at a time: at 0,
 * 300, 600, 900, 1200, 1500 and 1800 ms, and the last at 6900 ms. Each
 * response is complete 100 ms after its request was sent. How many TCP
 * connections does the client open in all?
 * Answer before you run the model cell below it in the notebook: return your
 * number.
 */
export function predictConnectionsOpened(): number {
  return notImplemented("4.5e");
}

/** What you expect the keep-alive lab to show, and what you conclude from it (4.5f). */
export interface KeepAliveLabPrediction {
  /** TCP connections the server accepts in the run with a new connection per request */
  newConnectionSockets: number;
  /** TCP connections the server accepts in the run through one kept-alive connection */
  keptAliveSockets: number;
  /**
   * your conclusion, from YOUR measurement: which run took less time per
   * request? "no-clear-difference" when the two medians are within 20 % of
   * each other (the slower is less than 1.2 times the faster).
   */
  faster: "kept-alive" | "new-connection" | "no-clear-difference";
}

/**
 * 4.5f (measure): the keep-alive lab sends `requests` small GETs, one after
 * another, to a node:http server on 127.0.0.1, twice: first through an agent
 * without keep-alive (every request says `Connection: close`), then through
 * an agent that keeps its connection alive (at most one socket). The server
 * counts the TCP connections it accepts in each run.
 *   1. Before you run the lab, predict the two socket counts for `requests`
 *      requests.
 *   2. Run it: `npm run workbook -- lab keep-alive` in a terminal, or the lab
 *      cell of notebooks/4.5-persistent-connections.ipynb.
 *   3. Read the time per request of both runs in your result and fill in
 *      `faster`.
 * The check compares your answer with your own measurement
 * (.workbook/labs/keep-alive.json).
 */
export function predictKeepAliveLab(requests: number): KeepAliveLabPrediction {
  return notImplemented("4.5f");
}
