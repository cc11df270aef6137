/**
 * Section 4.8 in numbers: one page loaded over HTTP/1.1, HTTP/2 and HTTP/3
 * on a lossy path, many times with different loss draws, summarised as
 * medians and spreads. The answer to "why did HTTP/3 move to UDP?" is in
 * how the three fall apart as loss grows.
 *
 *   const rows = compareTransports({ page, rttMs: 100, bandwidthBps: 10e6, lossRates: [0, 0.01, 0.02, 0.05] });
 *   → one row per series and loss rate: page-load time (median, p10, p90),
 *     each object's time from request to last byte (median, p90), ...
 *
 * The series, all encrypted (TLS 1.3), as a browser runs them today:
 *   "http1.1"  six persistent connections (a browser's limit per host), one
 *              request at a time on each: a loss stalls one connection;
 *   "http2"    one TCP connection, every request multiplexed on it: a loss
 *              stalls every response behind the lost segment (TCP's
 *              head-of-line blocking), and one window halves for all;
 *   "http3"    one QUIC connection (lib/sim/quic-connection.ts): a loss
 *              stalls only the streams whose data it carried, and the
 *              handshake takes one round trip less.
 * Each (series, loss rate) runs `runs` times with seeds 1, 2, ... runs: the
 * same seeds for every series, so they meet the same luck. A run whose
 * connection gives up (ConnectionAbortedError) is counted in `aborted` and
 * left out of the times.
 */
import { ConnectionAbortedError, checkChoice, checkNumber, expected, listOf, optionalNumber, optionsObject, outOfRange } from "../errors";
import { messages } from "../i18n";
import { quantile } from "../stats";
import { simulatePageLoad } from "./page-load";
import { checkPage, checkRepeatedLoads } from "./page-requests";
import type { PageLoadInput, PageLoadResult } from "./page-load";

const say = messages("http/transport-comparison", {
  atMostLoads: {
    en: "at most {max} page loads in all ({series} series x {rates} loss rates x {runs} runs)",
    ko: "페이지 로드 모두 최대 {max}번 (시리즈 {series}개 x 손실률 {rates}개 x 실행 {runs}번)",
  },
});

export type TransportSeries = "http1.1" | "http2" | "http3";
export const TRANSPORT_SERIES: readonly TransportSeries[] = ["http1.1", "http2", "http3"];

/** Connections a browser opens to one host for HTTP/1.1 (Chrome, Firefox and Safari all use 6). */
export const BROWSER_CONNECTIONS_PER_HOST = 6;
/** The most page loads one comparison runs: a few seconds of the engine's work. */
export const MAX_COMPARISON_LOADS = 600;

export interface TransportComparisonInput extends Pick<PageLoadInput, "page" | "rttMs" | "bandwidthBps" | "stack" | "serverMs"> {
  /** each in [0, 1): the loss rate of both directions */
  lossRates: readonly number[];
  /** loads per series and loss rate, with seeds 1..runs (default 9) */
  runs?: number;
  /** which series, in this order (default all three) */
  series?: readonly TransportSeries[];
}

/** A spread of times in ms. */
export interface Spread {
  median: number;
  p10: number;
  p90: number;
}

export interface TransportComparisonRow {
  series: TransportSeries;
  lossRate: number;
  /** loads that finished */
  runs: number;
  /** loads whose connection gave up (left out of the times) */
  aborted: number;
  /** from the first packet to the page's last byte; null when every run gave up */
  loadMs: Spread | null;
  /** every object of every run: from the browser asking for it to its last byte */
  objectMs: Spread | null;
  /** the median run's packets sent again */
  retransmissions: number | null;
}

/** The simulatePageLoad input of one series. */
export function seriesInput(series: TransportSeries, base: Omit<PageLoadInput, "strategy">): PageLoadInput {
  const s = checkChoice("series", series, TRANSPORT_SERIES);
  const b = optionsObject("base", base); // a string would spread into a field per character; simulatePageLoad checks the fields
  if (s === "http1.1") return { ...b, strategy: "persistent", maxConnections: BROWSER_CONNECTIONS_PER_HOST, tls: "1.3" } as PageLoadInput;
  if (s === "http2") return { ...b, strategy: "multiplexed", tls: "1.3" } as PageLoadInput;
  return { ...b, strategy: "multiplexed", transport: "quic" } as PageLoadInput;
}

function spread(values: number[]): Spread | null {
  if (values.length === 0) return null;
  return { median: quantile(values, 0.5), p10: quantile(values, 0.1), p90: quantile(values, 0.9) };
}

function checkList<T>(name: string, value: unknown, item: (v: unknown, at: string) => T): T[] {
  const list = listOf(name, value, expected.array(), item);
  if (list.length === 0) outOfRange(name, expected.nonEmptyArray(), value);
  return list;
}

/** Loads the page over each series at each loss rate, `runs` times; see the file's opening comment. */
export function compareTransports(input: TransportComparisonInput): TransportComparisonRow[] {
  const o = optionsObject("input", input);
  const lossRates = checkList("lossRates", o.lossRates, (v, at) => checkNumber(at, v, { min: 0, max: 0.999999 }));
  const series =
    o.series === undefined ? [...TRANSPORT_SERIES] : checkList("series", o.series, (v, at) => checkChoice(at, v, TRANSPORT_SERIES));
  const runs = optionalNumber("runs", o.runs, 9, { min: 1, integer: true });
  const loads = series.length * lossRates.length * runs;
  if (loads > MAX_COMPARISON_LOADS) {
    outOfRange("runs", say.atMostLoads({ max: MAX_COMPARISON_LOADS, series: series.length, rates: lossRates.length, runs }), runs);
  }
  const page = checkPage(o.page);
  checkRepeatedLoads(page, loads);
  // simulatePageLoad checks these and names them; here they only pass through
  const base = { page, rttMs: o.rttMs, bandwidthBps: o.bandwidthBps, stack: o.stack, serverMs: o.serverMs } as Omit<
    PageLoadInput,
    "strategy"
  >;
  const rows: TransportComparisonRow[] = [];
  for (const s of series) {
    for (const lossRate of lossRates) {
      const done: PageLoadResult[] = [];
      let aborted = 0;
      for (let seed = 1; seed <= runs; seed++) {
        try {
          done.push(simulatePageLoad({ ...seriesInput(s, base), lossRate, seed }));
        } catch (e) {
          if (!(e instanceof ConnectionAbortedError)) throw e;
          aborted += 1;
        }
      }
      const objects = done.flatMap((r) => r.requests.filter((q) => q.index > 0).map((q) => q.doneMs - q.queuedMs));
      const byTime = [...done].sort((a, b) => a.elapsedMs - b.elapsedMs);
      rows.push({
        series: s,
        lossRate,
        runs: done.length,
        aborted,
        loadMs: spread(done.map((r) => r.elapsedMs)),
        objectMs: spread(objects),
        retransmissions: byTime.length ? byTime[Math.floor((byTime.length - 1) / 2)].retransmissions : null,
      });
    }
  }
  return rows;
}
