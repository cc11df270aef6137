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
 * `transport: "quic"` carries the multiplexed strategy over one QUIC
 * connection instead of TCP (page-load-quic.ts, lib/sim/quic-connection.ts).
 *
 * What is counted
 *  - elapsedMs: from the first SYN (t = 0) until the last byte of the last
 *    response reaches the browser: the moment the page is complete. The
 *    closing handshakes that follow are not in it.
 *  - packets, wireBytes: every TCP packet on the wire in both directions,
 *    closing packets included (SYN, SYN-ACK, data, pure ACKs as the delayed
 *    ACK rule sends them, FINs, retransmissions), with 40 header bytes each
 *    and the TCP options of the stack (lib/tcp/stacks.ts).
 *  - connectionsOpened: TCP connections the load opened.
 *
 * Loss: off unless `lossRate` or `dropPackets` asks; then TCP recovers as
 * lib/sim does (retransmissions and losses are counted in the result), and a
 * multiplexed load shows TCP's head-of-line blocking: a lost segment holds
 * back every response behind it in the byte stream.
 *
 * Assumptions (beyond lib/sim's: no reordering, losses random or listed)
 *  - sizes are whole HTTP messages (start line, headers, body) as TCP
 *    payload; a request is `requestBytes` (default 300) in one write;
 *  - responses carry a Content-Length: a response is complete at its last
 *    byte, the browser never waits for a close to know it (page-load-session.ts);
 *  - one-request connections are closed by the server first (HTTP/1.0
 *    servers did), persistent ones by the browser when it has nothing left
 *    to ask; the other side answers the FIN with its own at once;
 *  - Nagle is off by default (nagle: false): browsers and servers set
 *    TCP_NODELAY on HTTP connections. ACKs, windows and timers are those
 *    of `stack` ("linux" unless said);
 *  - no DNS, no browser parsing time, TLS only when `tls` asks for it
 *    (page-load-session.ts runs its handshake); the server answers after
 *    `serverMs` (default 0) from the moment the whole request has arrived;
 *  - a pipelining server works on requests as they arrive but writes the
 *    responses in request order (RFC 9112 9.3.2);
 *  - slow start per connection (RFC 5681 3.1, IW from RFC 6928 unless
 *    `initialWindow`), restart after idle (RFC 5681 4.1) as lib/sim does.
 *
 * Limits: at most MAX_PAGE_OBJECTS objects (page-requests.ts), and at most
 * MAX_STREAM_SEGMENTS segments (lib/sim/scheduler.ts) of requests and
 * responses in all, about a second of the engine's work; a bigger page is
 * refused before the simulation starts, naming the field.
 */
import {
  checkChoice,
  checkNumber,
  invalidType,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
  MIN_BANDWIDTH_BPS,
} from "../errors";
import { messages } from "../i18n";
import { Network } from "../sim/engine";
import { MAX_STREAM_SEGMENTS } from "../sim/scheduler";
import { tcpConfig } from "../sim/tcp-endpoint";
import type { StackName } from "../tcp/stacks";
import { TLS_VERSIONS, type TlsVersion } from "../tcp/tls-handshake";
import type { Trace } from "../tcp/trace";
import { PageLoadSession } from "./page-load-session";
import type { ConnectionTiming, RequestTiming } from "./page-load-session";
import { checkServerTime, pageRequests } from "./page-requests";
import type { PageRequest } from "./page-requests";
import { DEFAULT_MAX_CONNECTIONS, PAGE_LOAD_STRATEGIES, SINGLE_CONNECTION_STRATEGIES, STRATEGY_RUNS } from "./page-load-strategies";
import type { PageLoadStrategy } from "./page-load-strategies";

const say = messages("http/page-load", {
  segments: {
    en: "at most {max} segments (of mss {mss}) of requests and responses in all",
    ko: "요청과 응답을 합쳐 세그먼트(mss {mss}) 최대 {max}개",
  },
  requestsTooBig: {
    en: "{limit}; {requests} requests of {bytes} bytes need more",
    ko: "{limit}. {bytes}바이트 요청 {requests}개에는 그보다 많이 필요합니다",
  },
  responsesTooBig: {
    en: "{limit}; the responses up to {path} go past it",
    ko: "{limit}. {path}까지의 응답이 이 한도를 넘습니다",
  },
  responses: { en: "{count} responses", ko: "응답 {count}개" },
  oneConnection: {
    en: '1 for strategy "{strategy}", which uses one connection at a time (use "parallel" or "persistent" for more)',
    ko: '1("{strategy}" 전략은 한 번에 커넥션 하나만 씁니다. 더 쓰려면 "parallel"이나 "persistent"를 고르세요)',
  },
  page: { en: "an object { htmlBytes, objectBytes }", ko: "객체 { htmlBytes, objectBytes }" },
  incomplete: {
    en: "page load did not complete: {missing} (a bug in the model)",
    ko: "페이지 로드가 끝나지 않았습니다: {missing}(모델의 버그입니다)",
  },
  requestsMissing: { en: "requests missing", ko: "요청이 빠짐" },
  quicTls: {
    en: '"1.3" or "none" with transport "quic" (QUIC always runs TLS 1.3 inside it, RFC 9001)',
    ko: 'transport "quic"에서는 "1.3" 또는 "none"(QUIC은 언제나 TLS 1.3을 안에 품습니다, RFC 9001)',
  },
  quicMultiplexed: {
    en: '"tcp" for strategy "{strategy}" ("quic" carries the "multiplexed" strategy only)',
    ko: '"tcp"("{strategy}" 전략은 TCP로만 가능합니다. "quic"은 "multiplexed" 전략에만 씁니다)',
  },
});

export type { RequestTiming, ConnectionTiming } from "./page-load-session";
export { MAX_PAGE_OBJECTS, pageRequests } from "./page-requests";
export type { Page, PageRequest } from "./page-requests";
export { pageLoadFloor } from "./page-load-floor";
export type { PageLoadFloor } from "./page-load-floor";
export { PAGE_LOAD_STRATEGIES, HTTP1_STRATEGIES, DEFAULT_MAX_CONNECTIONS } from "./page-load-strategies";
export type { PageLoadStrategy } from "./page-load-strategies";

/** A GET with a handful of headers (Host, User-Agent, Accept...). */
export const DEFAULT_PAGE_REQUEST_BYTES = 300;

export type { PageLoadInput, ServerTime } from "./page-load-input";
import { PAGE_LOAD_TRANSPORTS } from "./page-load-input";
import type { PageLoadInput, PageLoadTransport } from "./page-load-input";
import { loadOverQuic } from "./page-load-quic";

export interface PageLoadResult {
  /** until the last response byte reaches the browser (closing not included) */
  elapsedMs: number;
  /** every TCP packet, both directions, closing packets included */
  packets: number;
  wireBytes: number;
  /** packets sent again (SYN, SYN-ACK, data, FIN), timeouts and fast retransmits alike */
  retransmissions: number;
  /** packets the path dropped */
  lostPackets: number;
  /** "tcp", or "quic" (one QUIC connection: connectionsOpened 1, trace entries without TCP flags) */
  transport: PageLoadTransport;
  /** HTTPS: the TLS version each connection ran before its requests ("none": plain HTTP; QUIC: always "1.3") */
  tls: TlsVersion;
  /** the TCP stack profile behind the numbers (lib/tcp/stacks.ts) */
  stack: StackName;
  connectionsOpened: number;
  trace: Trace;
  strategy: PageLoadStrategy;
  maxConnections: number;
  /** one per request, in request order: 0 is the HTML */
  requests: RequestTiming[];
  connections: ConnectionTiming[];
}

/** Refuses a page whose requests and responses are more segments than the engine plays in about a second. */
function checkSegments(requests: readonly PageRequest[], requestBytes: number, mss: number): void {
  const limit = say.segments({ max: MAX_STREAM_SEGMENTS, mss });
  const perRequest = Math.ceil(requestBytes / mss);
  if (perRequest * requests.length > MAX_STREAM_SEGMENTS)
    outOfRange("requestBytes", say.requestsTooBig({ limit, requests: requests.length, bytes: requestBytes }), requestBytes);
  let total = perRequest * requests.length;
  for (const r of requests) {
    const name = r.kind === "html" ? "page.htmlBytes" : `page.objectBytes[${r.index - 1}]`;
    const segments = Math.ceil(r.bytes / mss);
    if (segments > MAX_STREAM_SEGMENTS) outOfRange(name, limit, r.bytes);
    total += segments;
    if (total > MAX_STREAM_SEGMENTS)
      outOfRange("page", say.responsesTooBig({ limit, path: r.path }), say.responses({ count: requests.length }));
  }
}

function checkMaxConnections(value: unknown, strategy: PageLoadStrategy): number {
  if (value === undefined) return DEFAULT_MAX_CONNECTIONS[strategy];
  const n = checkNumber("maxConnections", value, { min: 1, integer: true });
  if (SINGLE_CONNECTION_STRATEGIES.includes(strategy) && n !== 1) {
    outOfRange("maxConnections", say.oneConnection({ strategy }), n);
  }
  return n;
}

function checkTransport(value: unknown, strategy: PageLoadStrategy): PageLoadTransport {
  if (value === undefined) return "tcp";
  const transport = checkChoice("transport", value, PAGE_LOAD_TRANSPORTS);
  if (transport === "quic" && strategy !== "multiplexed") outOfRange("transport", say.quicMultiplexed({ strategy }), transport);
  return transport;
}

// QUIC always runs TLS 1.3 inside it (RFC 9001): "none" and "1.3" both mean that; "1.2" cannot be.
function checkTls(value: unknown, transport: PageLoadTransport): TlsVersion {
  const tls = value === undefined ? "none" : checkChoice("tls", value, TLS_VERSIONS);
  if (transport === "quic" && tls === "1.2") outOfRange("tls", say.quicTls(), tls);
  return tls;
}

/** Loads `page` with `strategy` on a simulated network; see the file's opening comment for the model. */
export function simulatePageLoad(input: PageLoadInput): PageLoadResult {
  const o = optionsObject("input", input);
  if (o.page === undefined) invalidType("page", say.page(), o.page);
  const [html, ...objects] = pageRequests(o.page);
  const strategy = checkChoice("strategy", o.strategy, PAGE_LOAD_STRATEGIES);
  const maxConnections = checkMaxConnections(o.maxConnections, strategy);
  const rttMs = checkNumber("rttMs", o.rttMs, { min: 0, max: MAX_QUANTITY });
  const bandwidthBps = o.bandwidthBps === Infinity ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const requestBytes = optionalNumber("requestBytes", o.requestBytes, DEFAULT_PAGE_REQUEST_BYTES, {
    min: 1,
    integer: true,
    max: MAX_QUANTITY,
  });
  const nagle = optionalBoolean("nagle", o.nagle, false);
  const serverMs = checkServerTime(o.serverMs, objects.length + 1);
  const transport = checkTransport(o.transport, strategy);
  const zeroRtt = optionalBoolean("zeroRtt", o.zeroRtt, false);
  const tls = checkTls(o.tls, transport);

  const tcp = tcpConfig({ stack: o.stack, mss: o.mss, initialWindow: o.initialWindow, delayedAckMs: o.delayedAckMs, nagle });
  checkSegments([html, ...objects], requestBytes, tcp.mss);
  const net = new Network({ ...tcp, rttMs, bandwidthBps, lossRate: o.lossRate, seed: o.seed, dropPackets: o.dropPackets });
  const session = new PageLoadSession(net, { requestBytes, serverMs, tls });
  const quic = transport === "quic" ? loadOverQuic(net, { html, objects, requestBytes, serverMs, zeroRtt }) : undefined;
  if (!quic) STRATEGY_RUNS[strategy](session, { html, objects, maxConnections });
  net.run();

  const requests = [...(quic?.requests ?? session.requests)].sort((a, b) => a.index - b.index);
  const unfinished = requests.filter((r) => Number.isNaN(r.doneMs));
  if (requests.length !== objects.length + 1 || unfinished.length > 0) {
    throw new Error(say.incomplete({ missing: unfinished.map((r) => r.path).join(", ") || say.requestsMissing() }));
  }
  return {
    elapsedMs: requests.reduce((m, r) => Math.max(m, r.doneMs), 0),
    packets: net.packets,
    wireBytes: net.wireBytes,
    retransmissions: net.retransmissions,
    lostPackets: net.lostPackets,
    transport,
    tls: transport === "quic" ? "1.3" : tls,
    stack: tcp.stack,
    connectionsOpened: quic ? 1 : net.connectionsOpened,
    trace: net.trace,
    strategy,
    maxConnections,
    requests,
    connections: quic ? [quic.connection] : session.connections.map((c) => ({ ...c.timing, requests: [...c.timing.requests] })),
  };
}
