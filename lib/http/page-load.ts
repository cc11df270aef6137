/**
 * A web page loaded four ways (the book's 4.3.2 serial delay, 4.4 parallel,
 * 4.5 persistent and 4.6 pipelined connections), on the simulated TCP of
 * lib/sim: real handshakes, slow start per connection, delayed ACKs, Nagle,
 * FINs, and one link whose bandwidth every connection shares.
 *
 *   simulatePageLoad({ page: { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] },
 *                      strategy: "parallel", rttMs: 100, bandwidthBps: 10e6 })
 *   → { elapsedMs, packets, wireBytes, connectionsOpened, trace, requests, connections, ... }
 *
 * The browser fetches the HTML first and asks for the objects once the HTML
 * has fully arrived. How it spreads the requests over connections is the
 * strategy (page-load-strategies.ts, with the default maxConnections per
 * strategy: parallel 4, persistent 1, serial, pipelined and multiplexed always 1).
 *
 * What is counted
 *  - elapsedMs: from the first SYN (t = 0) until the last byte of the last
 *    response reaches the browser: the moment the page is complete. The
 *    closing handshakes that follow are not in it.
 *  - packets, wireBytes: every TCP packet on the wire in both directions,
 *    closing packets included (SYN, SYN-ACK, data, pure ACKs as the delayed
 *    ACK rule sends them, FINs), with 40 header bytes each (segment.ts).
 *  - connectionsOpened: TCP connections the load opened.
 *
 * Assumptions (beyond lib/sim's: no loss, no reordering, no retransmission)
 *  - sizes are whole HTTP messages (start line, headers, body) as TCP
 *    payload; a request is `requestBytes` (default 300) in one write;
 *  - responses carry a Content-Length: a response is complete at its last
 *    byte, the browser never waits for a close to know it (page-load-session.ts);
 *  - one-request connections are closed by the server first (HTTP/1.0
 *    servers did), persistent ones by the browser when it has nothing left
 *    to ask; the other side answers the FIN with its own at once;
 *  - Nagle is off by default (nagle: false): browsers and servers set
 *    TCP_NODELAY on HTTP connections. Delayed ACK as lib/sim (Linux 40 ms);
 *  - no DNS, no TLS, no browser parsing time; the server answers after
 *    `serverMs` (default 0) from the moment the whole request has arrived;
 *  - a pipelining server works on requests as they arrive but writes the
 *    responses in request order (RFC 9112 9.3.2);
 *  - slow start per connection (RFC 5681 3.1, IW from RFC 6928 unless
 *    `initialWindow`), restart after idle (RFC 5681 4.1) as lib/sim does.
 */
import { checkChoice, checkNumber, invalidType, optionalBoolean, optionalNumber, optionsObject, outOfRange } from "../errors";
import { Network } from "../sim/engine";
import type { Trace } from "../sim/trace";
import { PageLoadSession } from "./page-load-session";
import type { ConnectionTiming, RequestTiming } from "./page-load-session";
import { pageRequests } from "./page-requests";
import type { Page, PageRequest } from "./page-requests";
import { DEFAULT_MAX_CONNECTIONS, PAGE_LOAD_STRATEGIES, SINGLE_CONNECTION_STRATEGIES, STRATEGY_RUNS } from "./page-load-strategies";
import type { PageLoadStrategy } from "./page-load-strategies";

export type { RequestTiming, ConnectionTiming } from "./page-load-session";
export { pageRequests } from "./page-requests";
export type { Page, PageRequest } from "./page-requests";
export { pageLoadFloor } from "./page-load-floor";
export type { PageLoadFloor } from "./page-load-floor";
export { PAGE_LOAD_STRATEGIES, HTTP1_STRATEGIES, DEFAULT_MAX_CONNECTIONS } from "./page-load-strategies";
export type { PageLoadStrategy } from "./page-load-strategies";

/** A GET with a handful of headers (Host, User-Agent, Accept...). */
export const DEFAULT_PAGE_REQUEST_BYTES = 300;

/** A server think time for every response, one per request ([HTML, object 1, ...]), or a function of the request. */
export type ServerTime = number | readonly number[] | ((request: PageRequest) => number);

export interface PageLoadInput {
  page: Page;
  strategy: PageLoadStrategy;
  /** connections at once (parallel: default 4; persistent: default 1; serial, pipelined: 1 only) */
  maxConnections?: number;
  rttMs: number;
  /** bits/s, both directions; Infinity for an unlimited link */
  bandwidthBps: number;
  mss?: number;
  /** segments */
  initialWindow?: number;
  /** default false: TCP_NODELAY, as browsers and servers set it */
  nagle?: boolean;
  /** default 40 (Linux); 0 turns delayed ACK off */
  delayedAckMs?: number;
  /** ms; default 0 */
  serverMs?: ServerTime;
  /** bytes per request, default 300 */
  requestBytes?: number;
}

export interface PageLoadResult {
  /** until the last response byte reaches the browser (closing not included) */
  elapsedMs: number;
  /** every TCP packet, both directions, closing packets included */
  packets: number;
  wireBytes: number;
  connectionsOpened: number;
  trace: Trace;
  strategy: PageLoadStrategy;
  maxConnections: number;
  /** one per request, in request order: 0 is the HTML */
  requests: RequestTiming[];
  connections: ConnectionTiming[];
}

function serverTime(value: unknown, requests: number): (r: PageRequest) => number {
  if (value === undefined) return () => 0;
  if (typeof value === "number") {
    const ms = checkNumber("serverMs", value, { min: 0 });
    return () => ms;
  }
  if (Array.isArray(value)) {
    if (value.length !== requests) outOfRange("serverMs", `an array of ${requests} times (the HTML, then each object)`, value);
    const list = value.map((v, i) => checkNumber(`serverMs[${i}]`, v, { min: 0 }));
    return (r) => list[r.index];
  }
  if (typeof value === "function") {
    return (r) => checkNumber(`serverMs(${r.path})`, (value as (r: PageRequest) => unknown)(r), { min: 0 });
  }
  return invalidType("serverMs", "a number, an array of numbers or a function", value);
}

function checkMaxConnections(value: unknown, strategy: PageLoadStrategy): number {
  if (value === undefined) return DEFAULT_MAX_CONNECTIONS[strategy];
  const n = checkNumber("maxConnections", value, { min: 1, integer: true });
  if (SINGLE_CONNECTION_STRATEGIES.includes(strategy) && n !== 1) {
    outOfRange("maxConnections", `1 for strategy "${strategy}", which uses one connection at a time (use "parallel" or "persistent" for more)`, n);
  }
  return n;
}

/** Loads `page` with `strategy` on a simulated network; see the file's opening comment for the model. */
export function simulatePageLoad(input: PageLoadInput): PageLoadResult {
  const o = optionsObject("input", input);
  if (o.page === undefined) invalidType("page", "an object { htmlBytes, objectBytes }", o.page);
  const [html, ...objects] = pageRequests(o.page);
  const strategy = checkChoice("strategy", o.strategy, PAGE_LOAD_STRATEGIES);
  const maxConnections = checkMaxConnections(o.maxConnections, strategy);
  const rttMs = checkNumber("rttMs", o.rttMs, { min: 0 });
  const bandwidthBps = o.bandwidthBps === Infinity ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { above: 0 });
  const requestBytes = optionalNumber("requestBytes", o.requestBytes, DEFAULT_PAGE_REQUEST_BYTES, { min: 1, integer: true });
  const nagle = optionalBoolean("nagle", o.nagle, false);
  const serverMs = serverTime(o.serverMs, objects.length + 1);

  const net = new Network({ rttMs, bandwidthBps, mss: o.mss, initialWindow: o.initialWindow, delayedAckMs: o.delayedAckMs, nagle });
  const session = new PageLoadSession(net, { requestBytes, serverMs });
  STRATEGY_RUNS[strategy](session, { html, objects, maxConnections });
  net.run();

  const requests = [...session.requests].sort((a, b) => a.index - b.index);
  const unfinished = requests.filter((r) => Number.isNaN(r.doneMs));
  if (requests.length !== objects.length + 1 || unfinished.length > 0) {
    throw new Error(`page load did not complete: ${unfinished.map((r) => r.path).join(", ") || "requests missing"} (a bug in the model)`);
  }
  return {
    elapsedMs: Math.max(...requests.map((r) => r.doneMs)),
    packets: net.packets,
    wireBytes: net.wireBytes,
    connectionsOpened: net.connectionsOpened,
    trace: net.trace,
    strategy,
    maxConnections,
    requests,
    connections: session.connections.map((c) => ({ ...c.timing, requests: [...c.timing.requests] })),
  };
}
