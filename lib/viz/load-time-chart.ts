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
 * Mbit/s on a log axis.
 */
import { checkChoice, checkNumber, checkString, invalidType, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { HTTP1_STRATEGIES, PAGE_LOAD_STRATEGIES, simulatePageLoad } from "../http/page-load";
import type { PageLoadInput, PageLoadStrategy } from "../http/page-load";

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
  const rtts = Array.isArray(o.rttMs) ? o.rttMs : [o.rttMs];
  const bws = Array.isArray(o.bandwidthBps) ? o.bandwidthBps : [o.bandwidthBps];
  if (Array.isArray(o.rttMs) === Array.isArray(o.bandwidthBps)) {
    outOfRange("rttMs / bandwidthBps", "a list for exactly one of them (the x axis) and a number for the other", `${rtts.length} RTTs, ${bws.length} bandwidths`);
  }
  const axis = Array.isArray(o.rttMs) ? "rttMs" : "bandwidthBps";
  if (rtts.length === 0 || bws.length === 0) outOfRange(axis, "a non-empty list", []);
  const list = o.series ?? HTTP1_STRATEGIES;
  if (!Array.isArray(list)) invalidType("series", "an array of strategy names or { strategy, maxConnections }", list);
  const points = rtts.length * bws.length;
  if (list.length * points > MAX_SWEEP_RUNS) {
    outOfRange(list.length > points ? "series" : axis, `at most ${MAX_SWEEP_RUNS} page loads in all (${list.length} series x ${points} points)`, list.length > points ? list : (axis === "rttMs" ? rtts : bws));
  }
  // Array.from visits holes too (map would skip them): a hole is refused as series[i]
  const series = Array.from(list as readonly unknown[], (s, i): LoadTimeSeries => {
    if (typeof s === "string") return { strategy: checkChoice(`series[${i}]`, s, PAGE_LOAD_STRATEGIES) };
    if (s === null || typeof s !== "object") invalidType(`series[${i}]`, "a strategy name or { strategy, maxConnections }", s);
    const one = s as Partial<LoadTimeSeries>;
    const strategy = checkChoice(`series[${i}].strategy`, one.strategy, PAGE_LOAD_STRATEGIES);
    const maxConnections = one.maxConnections === undefined ? undefined : checkNumber(`series[${i}].maxConnections`, one.maxConnections, { min: 1, integer: true });
    return { strategy, maxConnections };
  });
  const { series: _s, rttMs: _r, bandwidthBps: _b, ...rest } = o;
  const rows: LoadTimeRow[] = [];
  for (const s of series) {
    for (const rttMs of rtts) {
      for (const bandwidthBps of bws) {
        const r = simulatePageLoad({ ...(rest as Omit<PageLoadInput, "strategy" | "rttMs" | "bandwidthBps">), strategy: s.strategy, maxConnections: s.maxConnections, rttMs, bandwidthBps });
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
  if (!Array.isArray(rows)) invalidType("rows", "an array of loadTimeSweep rows", rows);
  if (rows.length > MAX_SWEEP_RUNS) outOfRange("rows", `at most ${MAX_SWEEP_RUNS} rows (what one loadTimeSweep returns)`, rows);
  return Array.from(rows as readonly unknown[], (row, i) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) invalidType(`rows[${i}]`, "a loadTimeSweep row", row);
    const r = row as Partial<LoadTimeRow>;
    return {
      ...r,
      series: checkString(`rows[${i}].series`, r.series),
      rttMs: checkNumber(`rows[${i}].rttMs`, r.rttMs, { min: 0, max: MAX_QUANTITY }),
      bandwidthBps: r.bandwidthBps === Infinity ? Infinity : checkNumber(`rows[${i}].bandwidthBps`, r.bandwidthBps, { above: 0 }),
      elapsedMs: checkNumber(`rows[${i}].elapsedMs`, r.elapsedMs, { min: 0 }),
      packets: checkNumber(`rows[${i}].packets`, r.packets, { min: 0, integer: true }),
      connectionsOpened: checkNumber(`rows[${i}].connectionsOpened`, r.connectionsOpened, { min: 0, integer: true }),
    } as LoadTimeRow;
  });
}

export function loadTimeChartSpec(rows: readonly LoadTimeRow[], options: LoadTimeChartOptions): Record<string, unknown> {
  const checked = checkRows(rows);
  const o = optionsObject("options", options);
  const x = checkChoice("options.x", o.x, ["rttMs", "bandwidthBps"] as const);
  const values = checked.map((r) => ({
    series: r.series,
    rttMs: r.rttMs,
    mbps: r.bandwidthBps === Infinity ? null : r.bandwidthBps / 1e6,
    elapsedMs: r.elapsedMs,
    packets: r.packets,
    connectionsOpened: r.connectionsOpened,
  }));
  const xEncoding =
    x === "rttMs"
      ? { field: "rttMs", type: "quantitative", title: "round-trip time (ms)" }
      : { field: "mbps", type: "quantitative", title: "bandwidth (Mbit/s, log scale)", scale: { type: "log" } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: o.title === undefined ? (x === "rttMs" ? "page load time against round-trip time" : "page load time against bandwidth") : checkString("options.title", o.title),
    width: optionalNumber("options.width", o.width, 480, { min: 50, integer: true }),
    height: optionalNumber("options.height", o.height, 300, { min: 50, integer: true }),
    data: { values },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: xEncoding,
      y: { field: "elapsedMs", type: "quantitative", title: "page load time (ms)" },
      color: { field: "series", type: "nominal", title: "strategy", sort: [...new Set(checked.map((r) => r.series))] },
      tooltip: [
        { field: "series", type: "nominal" },
        { field: x === "rttMs" ? "rttMs" : "mbps", type: "quantitative" },
        { field: "elapsedMs", type: "quantitative", format: ".1f" },
        { field: "packets", type: "quantitative" },
        { field: "connectionsOpened", type: "quantitative" },
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
  const widths = series.map((s) => Math.max(s.length, 8));
  const lines = [[head.padStart(9), ...series.map((s, i) => s.padStart(widths[i]))].join("  ")];
  for (const v of xs) {
    const label = x === "rttMs" ? String(v) : v === Infinity ? "inf" : String(v / 1e6);
    const cells = series.map((s, i) => {
      const row = cell.get(`${s}\u0000${v}`);
      return (row ? row.elapsedMs.toFixed(0) : "").padStart(widths[i]);
    });
    lines.push([label.padStart(9), ...cells].join("  "));
  }
  return `page load time (ms)\n${lines.join("\n")}`;
}
