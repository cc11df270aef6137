/**
 * Page load time against round-trip time or bandwidth, one line per
 * strategy: the chart that shows where parallel connections pay (long
 * round trips) and where they stop paying (a thin link).
 *
 *   const rows = loadTimeSweep({ page, rttMs: [10, 50, 100, 200], bandwidthBps: 10e6 });
 *   tslab.display.raw("application/vnd.vegalite.v5+json", loadTimeChartSpec(rows, { x: "rttMs" }) as any);
 *
 * `loadTimeSweep` runs simulatePageLoad (lib/http/page-load.ts) once per
 * strategy and per point; exactly one of rttMs / bandwidthBps is a list,
 * and that one is the x axis. `loadTimeChartSpec` turns the rows into a
 * Vega-Lite v5 line chart (a plain JSON object); bandwidth is drawn in
 * Mbit/s on a log axis. A row's `series` stays the identifier ("parallel
 * x4"); titles, the legend's labels and the text table's headers are in the
 * reader's language (strategy-names.ts), the table aligned by display width.
 */
import {
  checkChoice,
  checkNumber,
  checkString,
  invalidType,
  isArray,
  listOf,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
} from "../errors";
import { HTTP1_STRATEGIES, PAGE_LOAD_STRATEGIES, simulatePageLoad } from "../http/page-load";
import type { PageLoadInput, PageLoadStrategy } from "../http/page-load";
import { checkPage, checkRepeatedLoads } from "../http/page-requests";
import { messages } from "../i18n";
import { seriesName as seriesDisplayName } from "./strategy-names";
import { maxWidth, padStartWidth } from "./text-width";
import { legendLabelExpr } from "./vega-labels";

const say = messages("viz/load-time-chart", {
  exactlyOne: {
    en: "a list for exactly one of them (the x axis) and a number for the other",
    ko: "둘 중 정확히 하나(x축)는 목록, 다른 하나는 숫자",
  },
  listCounts: { en: "{rtts} RTTs, {bandwidths} bandwidths", ko: "RTT {rtts}개, 대역폭 {bandwidths}개" },
  atMostValues: { en: "a list of at most {max} values", ko: "값이 {max}개 이하인 목록" },
  nonEmptyList: { en: "a non-empty list", ko: "비어 있지 않은 목록" },
  seriesArray: {
    en: "an array of strategy names or { strategy, maxConnections }",
    ko: "전략 이름 또는 { strategy, maxConnections }의 배열",
  },
  atMostLoads: {
    en: "at most {max} page loads in all ({series} series x {points} points)",
    ko: "페이지 로드 모두 최대 {max}번 (시리즈 {series}개 x 점 {points}개)",
  },
  seriesItem: { en: "a strategy name or { strategy, maxConnections }", ko: "전략 이름 또는 { strategy, maxConnections }" },
  rowsArray: { en: "an array of loadTimeSweep rows", ko: "loadTimeSweep 행의 배열" },
  atMostRows: { en: "at most {max} rows (what one loadTimeSweep returns)", ko: "최대 {max}행 (loadTimeSweep 한 번이 돌려주는 만큼)" },
  row: { en: "a loadTimeSweep row", ko: "loadTimeSweep 행" },
  axisRtt: { en: "round-trip time (ms)", ko: "왕복 시간(RTT, ms)" },
  axisBandwidth: { en: "bandwidth (Mbit/s, log scale)", ko: "대역폭 (Mbit/s, 로그 눈금)" },
  titleRtt: { en: "page load time against round-trip time", ko: "왕복 시간(RTT)에 따른 페이지 로드 시간" },
  titleBandwidth: { en: "page load time against bandwidth", ko: "대역폭에 따른 페이지 로드 시간" },
  loadTime: { en: "page load time (ms)", ko: "페이지 로드 시간 (ms)" },
  strategy: { en: "strategy", ko: "전략(strategy)" },
  seriesField: { en: "series", ko: "전략" },
  rttField: { en: "rttMs", ko: "RTT (ms)" },
  mbpsField: { en: "mbps", ko: "대역폭 (Mbit/s)" },
  elapsedField: { en: "elapsedMs", ko: "로드 시간 (ms)" },
  packetsField: { en: "packets", ko: "패킷 수" },
  connectionsField: { en: "connectionsOpened", ko: "연 커넥션 수" },
});

export interface LoadTimeRow {
  /** "parallel x4", "serial", ... */
  series: string;
  strategy: PageLoadStrategy;
  maxConnections: number;
  rttMs: number;
  bandwidthBps: number;
  elapsedMs: number;
  packets: number;
  connectionsOpened: number;
}

/** One line of the chart: a strategy, and for parallel/persistent how many connections. */
export interface LoadTimeSeries {
  strategy: PageLoadStrategy;
  maxConnections?: number;
}

export interface LoadTimeSweepInput extends Omit<PageLoadInput, "strategy" | "rttMs" | "bandwidthBps" | "maxConnections"> {
  rttMs: number | readonly number[];
  bandwidthBps: number | readonly number[];
  /** default: every strategy with its default maxConnections */
  series?: readonly (PageLoadStrategy | LoadTimeSeries)[];
}

/** The most page loads one sweep runs (series x points); a longer sweep is refused, naming its list. */
export const MAX_SWEEP_RUNS = 1000;

function seriesName(s: LoadTimeSeries, maxConnections: number): string {
  return s.strategy === "parallel" || s.strategy === "persistent" ? `${s.strategy} x${maxConnections}` : s.strategy;
}

/** simulatePageLoad over a list of RTTs or of bandwidths, for each series. */
export function loadTimeSweep(input: LoadTimeSweepInput): LoadTimeRow[] {
  const o = optionsObject("input", input);
  // copies, each value read once (simulatePageLoad checks each); no list is longer than the runs allowed
  const most = { count: MAX_SWEEP_RUNS, tooMany: say.atMostValues({ max: MAX_SWEEP_RUNS }) };
  const values = (name: string, v: unknown) => (isArray(v) ? listOf(name, v, say.nonEmptyList(), (x) => x, most) : [v]);
  const rtts = values("rttMs", o.rttMs) as number[];
  const bws = values("bandwidthBps", o.bandwidthBps) as number[];
  if (isArray(o.rttMs) === isArray(o.bandwidthBps)) {
    outOfRange("rttMs / bandwidthBps", say.exactlyOne(), say.listCounts({ rtts: rtts.length, bandwidths: bws.length }));
  }
  const axis = isArray(o.rttMs) ? "rttMs" : "bandwidthBps";
  if (rtts.length === 0 || bws.length === 0) outOfRange(axis, say.nonEmptyList(), []);
  const list = listOf("series", o.series ?? HTTP1_STRATEGIES, say.seriesArray(), (x) => x, most);
  const points = rtts.length * bws.length;
  if (list.length * points > MAX_SWEEP_RUNS) {
    outOfRange(
      list.length > points ? "series" : axis,
      say.atMostLoads({ max: MAX_SWEEP_RUNS, series: list.length, points }),
      list.length > points ? list : axis === "rttMs" ? rtts : bws,
    );
  }
  // holes included: a hole is refused as series[i]
  const series = Array.from(list, (s, i): LoadTimeSeries => {
    if (typeof s === "string") return { strategy: checkChoice(`series[${i}]`, s, PAGE_LOAD_STRATEGIES) };
    if (s === null || typeof s !== "object") invalidType(`series[${i}]`, say.seriesItem(), s);
    const one = optionsObject(`series[${i}]`, s as LoadTimeSeries);
    const strategy = checkChoice(`series[${i}].strategy`, one.strategy, PAGE_LOAD_STRATEGIES);
    const maxConnections =
      one.maxConnections === undefined
        ? undefined
        : checkNumber(`series[${i}].maxConnections`, one.maxConnections, { min: 1, integer: true });
    return { strategy, maxConnections };
  });
  const page = checkPage(o.page);
  checkRepeatedLoads(page, series.length * points);
  const { series: _s, rttMs: _r, bandwidthBps: _b, ...rest } = o;
  const rows: LoadTimeRow[] = [];
  for (const s of series) {
    for (const rttMs of rtts) {
      for (const bandwidthBps of bws) {
        const r = simulatePageLoad({
          ...(rest as Omit<PageLoadInput, "strategy" | "rttMs" | "bandwidthBps">),
          page,
          strategy: s.strategy,
          maxConnections: s.maxConnections,
          rttMs,
          bandwidthBps,
        });
        rows.push({
          series: seriesName(s, r.maxConnections),
          strategy: s.strategy,
          maxConnections: r.maxConnections,
          rttMs,
          bandwidthBps,
          elapsedMs: r.elapsedMs,
          packets: r.packets,
          connectionsOpened: r.connectionsOpened,
        });
      }
    }
  }
  return rows;
}

export interface LoadTimeChartOptions {
  /** the x axis: "rttMs" or "bandwidthBps" */
  x: "rttMs" | "bandwidthBps";
  title?: string;
  /** pixels (default 480 x 300) */
  width?: number;
  height?: number;
}

/** A Vega-Lite v5 line chart of elapsedMs against RTT or bandwidth, one line per series. */
/** Checks loadTimeSweep rows (each field the charts read), holes included. */
function checkRows(rows: unknown): LoadTimeRow[] {
  const most = { count: MAX_SWEEP_RUNS, tooMany: say.atMostRows({ max: MAX_SWEEP_RUNS }) };
  return listOf(
    "rows",
    rows,
    say.rowsArray(),
    (row, at, i) => {
      if (row === null || typeof row !== "object") invalidType(at, say.row(), row);
      const r = optionsObject(at, row as LoadTimeRow);
      return {
        ...r,
        series: checkString(`rows[${i}].series`, r.series),
        rttMs: checkNumber(`rows[${i}].rttMs`, r.rttMs, { min: 0, max: MAX_QUANTITY }),
        bandwidthBps: r.bandwidthBps === Infinity ? Infinity : checkNumber(`rows[${i}].bandwidthBps`, r.bandwidthBps, { above: 0 }),
        elapsedMs: checkNumber(`rows[${i}].elapsedMs`, r.elapsedMs, { min: 0 }),
        packets: checkNumber(`rows[${i}].packets`, r.packets, { min: 0, integer: true }),
        connectionsOpened: checkNumber(`rows[${i}].connectionsOpened`, r.connectionsOpened, { min: 0, integer: true }),
      } as LoadTimeRow;
    },
    most,
  );
}

export function loadTimeChartSpec(rows: readonly LoadTimeRow[], options: LoadTimeChartOptions): Record<string, unknown> {
  const checked = checkRows(rows);
  const o = optionsObject("options", options);
  const x = checkChoice("options.x", o.x, ["rttMs", "bandwidthBps"] as const);
  const names = new Map(checked.map((r) => [r.series, seriesDisplayName(r.series)] as const));
  const values = checked.map((r) => ({
    series: r.series,
    seriesName: names.get(r.series)!,
    rttMs: r.rttMs,
    mbps: r.bandwidthBps === Infinity ? null : r.bandwidthBps / 1e6,
    elapsedMs: r.elapsedMs,
    packets: r.packets,
    connectionsOpened: r.connectionsOpened,
  }));
  const xEncoding =
    x === "rttMs"
      ? { field: "rttMs", type: "quantitative", title: say.axisRtt() }
      : { field: "mbps", type: "quantitative", title: say.axisBandwidth(), scale: { type: "log" } };
  const legendExpr = legendLabelExpr(names);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: o.title === undefined ? (x === "rttMs" ? say.titleRtt() : say.titleBandwidth()) : checkString("options.title", o.title),
    width: optionalNumber("options.width", o.width, 480, { min: 50, integer: true }),
    height: optionalNumber("options.height", o.height, 300, { min: 50, integer: true }),
    data: { values },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: xEncoding,
      y: { field: "elapsedMs", type: "quantitative", title: say.loadTime() },
      color: {
        field: "series",
        type: "nominal",
        title: say.strategy(),
        sort: [...names.keys()],
        ...(legendExpr === undefined ? {} : { legend: { labelExpr: legendExpr } }),
      },
      tooltip: [
        { field: "seriesName", type: "nominal", title: say.seriesField() },
        x === "rttMs"
          ? { field: "rttMs", type: "quantitative", title: say.rttField() }
          : { field: "mbps", type: "quantitative", title: say.mbpsField() },
        { field: "elapsedMs", type: "quantitative", format: ".1f", title: say.elapsedField() },
        { field: "packets", type: "quantitative", title: say.packetsField() },
        { field: "connectionsOpened", type: "quantitative", title: say.connectionsField() },
      ],
    },
  };
}

/** The same rows as a text table: one line per x value, one column per series (elapsedMs). */
export function loadTimeTable(rows: readonly LoadTimeRow[], options: Pick<LoadTimeChartOptions, "x">): string {
  const checked = checkRows(rows);
  const x = checkChoice("options.x", optionsObject("options", options).x, ["rttMs", "bandwidthBps"] as const);
  const series = [...new Set(checked.map((r) => r.series))];
  const xs = [...new Set(checked.map((r) => r[x]))];
  // the first row of each (series, x), found in one pass: a find() per cell was quadratic
  const cell = new Map<string, LoadTimeRow>();
  for (const r of checked) {
    const key = `${r.series}\u0000${r[x]}`;
    if (!cell.has(key)) cell.set(key, r);
  }
  const head = x === "rttMs" ? "RTT (ms)" : "Mbit/s";
  const names = series.map((s) => seriesDisplayName(s));
  const widths = names.map((name) => maxWidth([name], 8));
  const lines = [[head.padStart(9), ...names.map((name, i) => padStartWidth(name, widths[i]))].join("  ")];
  for (const v of xs) {
    const label = x === "rttMs" ? String(v) : v === Infinity ? "inf" : String(v / 1e6);
    const cells = series.map((s, i) => {
      const row = cell.get(`${s}\u0000${v}`);
      return (row ? row.elapsedMs.toFixed(0) : "").padStart(widths[i]);
    });
    lines.push([label.padStart(9), ...cells].join("  "));
  }
  return `${say.loadTime()}\n${lines.join("\n")}`;
}
