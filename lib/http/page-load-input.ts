/**
 * What a page load is asked to do: the input of simulatePageLoad and of
 * pageLoadFloor (its own file so that the floor, which page-load re-exports,
 * does not import page-load back).
 */
import type { PathOptions, TcpOptions } from "../tcp/options";
import type { TlsVersion } from "../tcp/tls-handshake";
import type { PageLoadStrategy } from "./page-load-strategies";
import type { Page, PageRequest } from "./page-requests";

/** A server think time for every response, one per request ([HTML, object 1, ...]), or a function of the request. */
export type ServerTime = number | readonly number[] | ((request: PageRequest) => number);

/**
 * The TCP options and the path are those of TcpOptions and PathOptions (see
 * there), with the page load's own defaults: `nagle` false (TCP_NODELAY, as
 * browsers and servers set it); `rttMs` and `bandwidthBps` are required
 * (Infinity: an unlimited link); `stack` names the TCP behind the numbers
 * ("linux" unless said); loss is off unless `lossRate` or `dropPackets` asks.
 */
export interface PageLoadInput
  extends Pick<TcpOptions, "stack" | "mss" | "initialWindow" | "nagle" | "delayedAckMs">,
    Required<Pick<PathOptions, "rttMs" | "bandwidthBps">>,
    Pick<PathOptions, "lossRate" | "seed" | "dropPackets"> {
  page: Page;
  strategy: PageLoadStrategy;
  /** connections at once (parallel: default 4; persistent: default 1; serial, pipelined: 1 only) */
  maxConnections?: number;
  /** ms; default 0 */
  serverMs?: ServerTime;
  /** bytes per request, default 300 */
  requestBytes?: number;
  /** "tcp" (default) or "quic" (strategy "multiplexed" only: HTTP/3's streams over QUIC, lib/sim/quic-connection.ts) */
  transport?: PageLoadTransport;
  /** QUIC only: the requests go with the first flight (0-RTT); default false */
  zeroRtt?: boolean;
  /**
   * HTTPS over TCP: "1.3" (1 more RTT before the first request on each
   * connection), "1.2" (2 more), or "none" (default: plain HTTP, as the book's
   * examples); lib/tcp/tls-handshake.ts. QUIC always runs TLS 1.3.
   */
  tls?: TlsVersion;
}

export type PageLoadTransport = "tcp" | "quic";
/** Every transport simulatePageLoad accepts. */
export const PAGE_LOAD_TRANSPORTS: readonly PageLoadTransport[] = ["tcp", "quic"];
