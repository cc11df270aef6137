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
import { checkChoice, checkNumber, invalidType, optionalNumber, optionsObject, outOfRange } from "../errors";
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
  if (rtts.length === 0 || bws.length === 0) outOfRange(Array.isArray(o.rttMs) ? "rttMs" : "bandwidthBps", "a non-empty list", []);
  const series = (o.series ?? HTTP1_STRATEGIES).map((s, i): LoadTimeSeries => {
    if (typeof s === "string") return { strategy: checkChoice(`series[${i}]`, s, PAGE_LOAD_STRATEGIES) };
    if (s === null || typeof s !== "object") invalidType(`series[${i}]`, "a strategy name or { strategy, maxConnections }", s);
    return { strategy: checkChoice(`series[${i}].strategy`, s.strategy, PAGE_LOAD_STRATEGIES), maxConnections: s.maxConnections };
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
export function loadTimeChartSpec(rows: readonly LoadTimeRow[], options: LoadTimeChartOptions): Record<string, unknown> {
  if (!Array.isArray(rows)) invalidType("rows", "an array of loadTimeSweep rows", rows);
  const o = optionsObject("options", options);
  const x = checkChoice("options.x", o.x, ["rttMs", "bandwidthBps"] as const);
  const values = rows.map((r, i) => ({
    series: r.series,
    rttMs: checkNumber(`rows[${i}].rttMs`, r.rttMs, { min: 0 }),
    mbps: r.bandwidthBps === Infinity ? null : checkNumber(`rows[${i}].bandwidthBps`, r.bandwidthBps, { above: 0 }) / 1e6,
    elapsedMs: checkNumber(`rows[${i}].elapsedMs`, r.elapsedMs, { min: 0 }),
    packets: r.packets,
    connectionsOpened: r.connectionsOpened,
  }));
  const xEncoding =
    x === "rttMs"
      ? { field: "rttMs", type: "quantitative", title: "round-trip time (ms)" }
      : { field: "mbps", type: "quantitative", title: "bandwidth (Mbit/s, log scale)", scale: { type: "log" } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: o.title ?? (x === "rttMs" ? "page load time against round-trip time" : "page load time against bandwidth"),
    width: optionalNumber("width", o.width, 480, { min: 50, integer: true }),
    height: optionalNumber("height", o.height, 300, { min: 50, integer: true }),
    data: { values },
    mark: { type: "line", point: true, tooltip: true },
    encoding: {
      x: xEncoding,
      y: { field: "elapsedMs", type: "quantitative", title: "page load time (ms)" },
      color: { field: "series", type: "nominal", title: "strategy", sort: [...new Set(rows.map((r) => r.series))] },
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
  if (!Array.isArray(rows)) invalidType("rows", "an array of loadTimeSweep rows", rows);
  const x = checkChoice("options.x", optionsObject("options", options).x, ["rttMs", "bandwidthBps"] as const);
  const series = [...new Set(rows.map((r) => r.series))];
  const xs = [...new Set(rows.map((r) => r[x]))];
  const head = x === "rttMs" ? "RTT (ms)" : "Mbit/s";
  const widths = series.map((s) => Math.max(s.length, 8));
  const lines = [[head.padStart(9), ...series.map((s, i) => s.padStart(widths[i]))].join("  ")];
  for (const v of xs) {
    const label = x === "rttMs" ? String(v) : v === Infinity ? "inf" : String(v / 1e6);
    const cells = series.map((s, i) => {
      const row = rows.find((r) => r.series === s && r[x] === v);
      return (row ? row.elapsedMs.toFixed(0) : "").padStart(widths[i]);
    });
    lines.push([label.padStart(9), ...cells].join("  "));
  }
  return `page load time (ms)\n${lines.join("\n")}`;
}
