/**
 * The physical floor under a page load: no strategy, window or clever stack
 * can load the page faster than the round trips its requests depend on plus
 * the time the link needs to carry the response bytes. simulatePageLoad's
 * elapsedMs must never be below it (test/lib/page-load.test.ts checks that).
 *
 * Dependent round trips, k objects, n = min(maxConnections, k) connections:
 *   HTML          2 RTT on a new connection (handshake, then request/response)
 *   serial        2 RTT per object, one after the other
 *   parallel      2 RTT per round of n new connections: 2 * ceil(k / n)
 *   persistent    1 RTT per object on the HTML's warm connection; each extra
 *                 connection pays a handshake first: T rounds serve
 *                 T + (n - 1)(T - 1) objects, so T = ceil((k + n - 1) / n)
 *   pipelined     1 RTT for all the objects together
 * Bytes: no response byte can leave the server before its request has
 * arrived, so a phase lasts at least the round trips before its first byte
 * plus the time to put all its payload on the link (headers, ACKs and slow
 * start only add to it). Server think time adds: every HTML's and, per phase,
 * at least the slowest object's (serial: every object's).
 */
import { checkChoice, checkNumber, optionsObject, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import type { PageLoadInput } from "./page-load-input";
import { checkServerTime, pageRequests } from "./page-requests";
import { DEFAULT_MAX_CONNECTIONS, PAGE_LOAD_STRATEGIES } from "./page-load-strategies";

export interface PageLoadFloor {
  floorMs: number;
  /** round trips the requests depend on, one after the other */
  roundTrips: number;
  /** the response payload's time on the link */
  transferMs: number;
}

/** The lower bound on simulatePageLoad(input).elapsedMs; same input. */
export function pageLoadFloor(
  input: Pick<PageLoadInput, "page" | "strategy" | "maxConnections" | "rttMs" | "bandwidthBps" | "serverMs">,
): PageLoadFloor {
  const o = optionsObject("input", input);
  const requests = pageRequests(o.page as PageLoadInput["page"]);
  const [html, ...objects] = requests;
  const strategy = checkChoice("strategy", o.strategy, PAGE_LOAD_STRATEGIES);
  const rtt = checkNumber("rttMs", o.rttMs, { min: 0, max: MAX_QUANTITY });
  const bw = o.bandwidthBps === Infinity ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const max =
    o.maxConnections === undefined
      ? DEFAULT_MAX_CONNECTIONS[strategy]
      : checkNumber("maxConnections", o.maxConnections, { min: 1, integer: true });
  // a function's times are not known before the load: the floor counts them as 0 (still a lower bound)
  const thinkTime = typeof o.serverMs === "function" ? () => 0 : checkServerTime(o.serverMs, requests.length);
  const server = (i: number): number => thinkTime(requests[i]);
  const onLink = (bytes: number): number => (bw === Infinity ? 0 : (bytes * 8 * 1000) / bw);

  const k = objects.length;
  const n = Math.min(max, Math.max(k, 1));
  const objectBytes = objects.reduce((s, r) => s + r.bytes, 0);
  const slowest = objects.reduce((m, r) => Math.max(m, server(r.index)), 0);
  const htmlMs = 2 * rtt + onLink(html.bytes) + server(0);
  let objectRoundTrips: number;
  let objectsMs: number;
  if (k === 0) {
    objectRoundTrips = 0;
    objectsMs = 0;
  } else if (strategy === "serial") {
    objectRoundTrips = 2 * k;
    objectsMs = objects.reduce((s, r) => s + 2 * rtt + onLink(r.bytes) + server(r.index), 0);
  } else {
    objectRoundTrips =
      strategy === "parallel" ? 2 * Math.ceil(k / n) : strategy === "persistent" ? (n === 1 ? k : Math.ceil((k + n - 1) / n)) : 1;
    const beforeFirstByte = strategy === "parallel" ? 2 : 1;
    objectsMs = Math.max(objectRoundTrips * rtt, beforeFirstByte * rtt + onLink(objectBytes)) + slowest;
  }
  return {
    floorMs: htmlMs + objectsMs,
    roundTrips: 2 + objectRoundTrips,
    transferMs: onLink(html.bytes + objectBytes),
  };
}
