/**
 * The physical floor under a page load: no strategy, window or clever stack
 * can load the page faster than the round trips its requests depend on, the
 * server's think times and the time the link needs to carry the response
 * bytes. simulatePageLoad's elapsedMs must never be below it
 * (test/lib/page-load.test.ts and test/lib/property-page-load.test.ts check that).
 *
 * Notation: R the round-trip time; for a request i, s(i) its think time and
 * B(i) its response bytes' time on the link (bytes * 8 / bandwidth); P the
 * moment the HTML's last byte arrives. Headers, ACKs, slow start, Nagle,
 * delayed ACKs and losses only add to every bound below, and so do the
 * requests' own bytes.
 *
 * Two facts carry every proof. (1) A response's first byte leaves the server
 * no earlier than half a round trip after its request left the browser, plus
 * s(i); its last byte arrives at least B(i) later, plus half a round trip. So
 * one request on an open connection costs at least R + s(i) + B(i). A new TCP
 * connection costs R before its first request (SYN, SYN-ACK), and with TLS
 * (`tls`) the handshake's round trips (1 for 1.3, 2 for 1.2) and the
 * server's handshake messages on the link, which the browser needs whole
 * before it may send: together the "set-up" H. (2) The link towards the
 * browser is one for every connection and carries one byte at a time.
 *
 * HTML: one request on a new connection at t = 0: P >= 2R + H + s(0) + B(0).
 * Over QUIC the handshake is one round trip, TLS included (its bytes are not
 * counted), and none with 0-RTT: the request leaves with the first flight.
 * The objects are asked for only from P on, so their phase adds to it. With
 * k objects and n = min(maxConnections, k) connections, the phase lasts at
 * least the largest of these terms:
 *
 * (a) Chains: requests that follow one another, each sent when the previous
 *     response is complete. By (1) a chain of m requests costs the round trips
 *     and set-ups of its connections plus the sum of its s(i) + B(i), which is
 *     at least S(m), the sum of the m smallest s(i) + B(i) of the page,
 *     whichever objects the chain carries.
 *     serial      one chain of every object, each on a new connection:
 *                 k (2R + H) + S(k).
 *     parallel    n slots, each opening a new connection for its next object
 *                 when its last one is done: one slot carries at least
 *                 M = ceil(k / n) objects, so M (2R + H) + S(M).
 *     persistent  the HTML's warm connection carries m0 objects (at least its
 *                 first), each of the n - 1 others pays its set-up R + H and
 *                 carries at least one; the busiest of them carries at least
 *                 M = ceil((k - m0) / (n - 1)). Whatever m0 the load took, the
 *                 phase is at least max(m0 R + S(m0), R + H + M R + S(M)),
 *                 so at least the smallest of these over m0 = 1 .. k - n + 1.
 *                 (Without TLS, think times and bytes: T rounds serve at most
 *                 T + (n - 1)(T - 1) objects, T = ceil((k + n - 1) / n).)
 *     pipelined, multiplexed: every request is written at P: one R.
 * (b) The link from the smallest think time: by (1) no object's byte leaves
 *     before P + (f - 1/2)R + min s, where f R is what an object waits for
 *     before its first byte: R + H + R when each object opens a new
 *     connection (serial, parallel), else R; by (2) all the objects' bytes
 *     then follow one another and the last arrives R/2 later:
 *     f R + min s + the sum of every B(i).
 * (c) Each object alone: f R + s(i) + B(i), by (1).
 *     Both are cases of one bound, which is what is computed: for any
 *     threshold t, the bytes of every object with s(j) >= t leave after
 *     P + (f - 1/2)R + t, one after the other, so the phase lasts at least
 *     f R + t + the sum of B(j) over s(j) >= t; t = min s gives (b), and
 *     t = s(i) gives at least (c) (object i is among them).
 *     Other connections' responses travel, or their servers think, while a
 *     slow server thinks: only the slow object's own bytes, and those of
 *     objects as slow, have to wait for it.
 * Pipelined: responses leave in request order (RFC 9112 9.3.2), so response j
 *     leaves no earlier than the largest think time of requests 1 .. j, and
 *     responses j .. k all follow it on the link: R + max(s(1..j)) + the sum
 *     of B(j..k), for every j. For j = k: the last response cannot leave
 *     before the largest think time of all. (It replaces (b) and (c), which
 *     it implies for j = 1 and j = k.)
 * A think time given as a function is not known before the load: the floor
 * counts it as 0, still a lower bound.
 */
import { checkChoice, checkNumber, optionalBoolean, optionsObject, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import {
  SERVER_HANDSHAKE_BYTES,
  SERVER_HELLO_BYTES,
  TLS12_SERVER_FINISH_BYTES,
  TLS_VERSIONS,
  tlsRoundTrips,
  type TlsVersion,
} from "../tcp/tls-handshake";
import { PAGE_LOAD_TRANSPORTS, type PageLoadInput } from "./page-load-input";
import { checkServerTime, pageRequests } from "./page-requests";
import { DEFAULT_MAX_CONNECTIONS, PAGE_LOAD_STRATEGIES } from "./page-load-strategies";
import type { PageLoadStrategy } from "./page-load-strategies";

export interface PageLoadFloor {
  floorMs: number;
  /** round trips the requests depend on, one after the other */
  roundTrips: number;
  /** the response payload's time on the link */
  transferMs: number;
}

/** One object as the floor sees it: think time and time on the link, ms. */
interface Cost {
  think: number;
  link: number;
}

/** The path as the floor sees it: the round trip, and what a new connection's TLS adds before its first request (H - R). */
interface Path {
  rtt: number;
  tls: number;
}

/** The lower bound on simulatePageLoad(input).elapsedMs; same input. */
export function pageLoadFloor(
  input: Pick<
    PageLoadInput,
    "page" | "strategy" | "maxConnections" | "rttMs" | "bandwidthBps" | "serverMs" | "transport" | "zeroRtt" | "tls"
  >,
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
  const quic = checkChoice("transport", o.transport ?? "tcp", PAGE_LOAD_TRANSPORTS) === "quic";
  const zeroRtt = quic && optionalBoolean("zeroRtt", o.zeroRtt, false);
  // QUIC's handshake carries TLS in its own round trip; over TCP, TLS comes after TCP's
  const tls: TlsVersion = quic ? "none" : checkChoice("tls", o.tls ?? "none", TLS_VERSIONS);
  const thinkTime = typeof o.serverMs === "function" ? () => 0 : checkServerTime(o.serverMs, requests.length);
  const onLink = (bytes: number): number => (bw === Infinity ? 0 : (bytes * 8 * 1000) / bw);
  const costs = objects.map((r): Cost => ({ think: thinkTime(r), link: onLink(r.bytes) }));
  const path: Path = { rtt, tls: tlsRoundTrips(tls) * rtt + onLink(serverHandshakeBytes(tls)) };

  const k = objects.length;
  const n = Math.min(max, Math.max(k, 1));
  const htmlRoundTrips = zeroRtt ? 1 : 2 + tlsRoundTrips(tls);
  const htmlMs = (zeroRtt ? rtt : 2 * rtt + path.tls) + onLink(html.bytes) + thinkTime(html);
  // the round trips alone: the chains of (a) with no think time, no bytes, R = 1
  const noCost = costs.map(() => ({ think: 0, link: 0 }));
  const objectRoundTrips = k === 0 ? 0 : chainFloor(strategy, noCost, n, { rtt: 1, tls: tlsRoundTrips(tls) });
  return {
    floorMs: htmlMs + (k === 0 ? 0 : objectsFloor(strategy, costs, n, path)),
    roundTrips: htmlRoundTrips + objectRoundTrips,
    transferMs: onLink(html.bytes + objects.reduce((s, r) => s + r.bytes, 0)),
  };
}

/** The server's TLS messages a browser must have whole before it sends a request on a new TCP connection. */
function serverHandshakeBytes(tls: TlsVersion): number {
  if (tls === "none") return 0;
  return SERVER_HELLO_BYTES + SERVER_HANDSHAKE_BYTES + (tls === "1.2" ? TLS12_SERVER_FINISH_BYTES : 0);
}

/** The objects' phase, from the HTML's last byte: the largest of the terms in the file's opening comment. */
function objectsFloor(strategy: PageLoadStrategy, costs: readonly Cost[], n: number, path: Path): number {
  const chains = chainFloor(strategy, costs, n, path);
  if (strategy === "pipelined") return Math.max(chains, path.rtt + inOrderLink(costs));
  const newConnections = strategy === "serial" || strategy === "parallel";
  const beforeFirstByte = newConnections ? 2 * path.rtt + path.tls : path.rtt;
  return Math.max(chains, beforeFirstByte + linkAfterThinking(costs));
}

/** (a): the longest chain of requests that must follow one another, set-ups, think times and bytes included. */
function chainFloor(strategy: PageLoadStrategy, costs: readonly Cost[], n: number, { rtt, tls }: Path): number {
  const k = costs.length;
  // smallest[m] = S(m): the m cheapest requests' think time and bytes
  const sorted = costs.map((c) => c.think + c.link).sort((a, b) => a - b);
  const smallest = [0];
  for (const c of sorted) smallest.push(smallest[smallest.length - 1] + c);
  if (strategy === "serial") return k * (2 * rtt + tls) + smallest[k];
  if (strategy === "parallel") {
    const m = Math.ceil(k / n);
    return m * (2 * rtt + tls) + smallest[m];
  }
  if (strategy === "persistent") {
    if (n === 1) return rtt * k + smallest[k];
    let best = Infinity;
    for (let warm = 1; warm <= k - n + 1; warm++) {
      const busiest = Math.ceil((k - warm) / (n - 1));
      best = Math.min(best, Math.max(rtt * warm + smallest[warm], rtt + tls + rtt * busiest + smallest[busiest]));
    }
    return best;
  }
  return rtt; // pipelined, multiplexed: every request at once
}

/** (b) and (c): for every threshold t, t plus the bytes of every object that thinks at least t. */
function linkAfterThinking(costs: readonly Cost[]): number {
  const slowestFirst = [...costs].sort((a, b) => b.think - a.think);
  let bytes = 0;
  let most = 0;
  for (const c of slowestFirst) {
    bytes += c.link;
    most = Math.max(most, c.think + bytes);
  }
  return most;
}

/** Pipelined: for every j, the largest think time of 1..j plus the bytes of j..k (responses in request order). */
function inOrderLink(costs: readonly Cost[]): number {
  const thinkUpTo: number[] = [];
  for (const c of costs) thinkUpTo.push(Math.max(thinkUpTo.length ? thinkUpTo[thinkUpTo.length - 1] : 0, c.think));
  let bytesFrom = 0;
  let most = 0;
  for (let j = costs.length - 1; j >= 0; j--) {
    bytesFrom += costs[j].link;
    most = Math.max(most, thinkUpTo[j] + bytesFrom);
  }
  return most;
}
