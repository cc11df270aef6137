import stringWidth = require("string-width");
import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { simulatePageLoad } from "../../lib/http/page-load";
import { loadTimeChartSpec, loadTimeSweep, loadTimeTable } from "../../lib/viz/load-time-chart";

const page = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };

describe("loadTimeSweep", () => {
  it("runs every strategy at every point, with the same numbers as simulatePageLoad", () => {
    const rows = loadTimeSweep({ page, rttMs: [10, 100], bandwidthBps: 10e6 });
    expect(rows.map((r) => r.series)).toEqual([
      "serial",
      "serial",
      "parallel x4",
      "parallel x4",
      "persistent x1",
      "persistent x1",
      "pipelined",
      "pipelined",
    ]);
    const one = rows.find((r) => r.series === "parallel x4" && r.rttMs === 100)!;
    const direct = simulatePageLoad({ page, strategy: "parallel", rttMs: 100, bandwidthBps: 10e6 });
    expect(one.elapsedMs).toBe(direct.elapsedMs);
    expect(one.packets).toBe(direct.packets);
  });

  it("takes series with their own connection counts, and passes other options through", () => {
    const rows = loadTimeSweep({
      page,
      rttMs: 50,
      bandwidthBps: [1e6, 10e6],
      series: [{ strategy: "parallel", maxConnections: 2 }],
      serverMs: 20,
    });
    expect(rows.map((r) => r.series)).toEqual(["parallel x2", "parallel x2"]);
    expect(rows[0].elapsedMs).toBe(
      simulatePageLoad({ page, strategy: "parallel", maxConnections: 2, rttMs: 50, bandwidthBps: 1e6, serverMs: 20 }).elapsedMs,
    );
  });

  it("needs exactly one list (the x axis)", () => {
    expect(() => loadTimeSweep({ page, rttMs: [10], bandwidthBps: [1e6] })).toThrow(RangeError);
    expect(() => loadTimeSweep({ page, rttMs: 10, bandwidthBps: 1e6 })).toThrow(/exactly one/);
    expect(() => loadTimeSweep({ page, rttMs: [], bandwidthBps: 1e6 })).toThrow(/non-empty/);
    expect(() => loadTimeSweep({ page, rttMs: [10], bandwidthBps: 1e6, series: ["turbo" as never] })).toThrow(/series\[0\]/);
  });
});

describe("loadTimeChartSpec", () => {
  it("draws load time against RTT, one line per series", () => {
    const rows = loadTimeSweep({ page, rttMs: [10, 50, 100], bandwidthBps: 10e6 });
    const spec = loadTimeChartSpec(rows, { x: "rttMs" }) as any;
    expect(spec.$schema).toContain("vega-lite/v5");
    expect(spec.mark.type).toBe("line");
    expect(spec.encoding.x.field).toBe("rttMs");
    expect(spec.encoding.color.field).toBe("series");
    expect(spec.data.values).toHaveLength(rows.length);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it("draws bandwidth in Mbit/s on a log axis", () => {
    const rows = loadTimeSweep({ page, rttMs: 50, bandwidthBps: [1e6, 10e6] });
    const spec = loadTimeChartSpec(rows, { x: "bandwidthBps" }) as any;
    expect(spec.encoding.x.field).toBe("mbps");
    expect(spec.encoding.x.scale.type).toBe("log");
    expect(spec.data.values.map((v: any) => v.mbps)).toContain(10);
    expect(() => loadTimeChartSpec(rows, { x: "packets" as never })).toThrow(/options\.x/);
  });

  it("prints the same rows as a table", () => {
    const rows = loadTimeSweep({ page, rttMs: [10, 100], bandwidthBps: 10e6, series: ["serial", "parallel"] });
    const text = loadTimeTable(rows, { x: "rttMs" });
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/RTT \(ms\)\s+serial\s+parallel x4/);
    expect(lines[3].trim().split(/\s+/).map(Number)).toEqual([
      100,
      ...rows.filter((r) => r.rttMs === 100).map((r) => Math.round(r.elapsedMs)),
    ]);
  });
});

/** A Vega label expression run as the JavaScript it is a subset of, for one value. */
const label = (expr: string, value: string): string => new Function("datum", `return ${expr};`)({ label: value });

describe("load-time charts in Korean", () => {
  afterEach(() => resetLanguage());

  it("titles, axes and legend labels in Korean; the data keeps its identifiers", () => {
    const rows = loadTimeSweep({ page, rttMs: [10, 50], bandwidthBps: 10e6 });
    const en = loadTimeChartSpec(rows, { x: "rttMs" }) as any;
    expect(en.encoding.color.legend).toBeUndefined(); // English needs no relabelling
    setLanguage("ko");
    const spec = loadTimeChartSpec(rows, { x: "rttMs" }) as any;
    expect(spec.title).toBe("왕복 시간(RTT)에 따른 페이지 로드 시간");
    expect(spec.encoding.x.title).toBe("왕복 시간(RTT, ms)");
    expect(spec.encoding.y.title).toBe("페이지 로드 시간 (ms)");
    expect(spec.encoding.color.field).toBe("series");
    expect(spec.data.values.map((v: any) => v.series)).toEqual(rows.map((r) => r.series));
    const expr = spec.encoding.color.legend.labelExpr;
    expect(label(expr, "parallel x4")).toBe("병렬(parallel) x4");
    expect(label(expr, "serial")).toBe("순차(serial)");
    expect(label(expr, "something else")).toBe("something else");
    expect(spec.data.values.find((v: any) => v.series === "persistent x1").seriesName).toBe("지속(persistent) x1");
    expect((loadTimeChartSpec(rows, { x: "bandwidthBps" }) as any).encoding.x.title).toBe("대역폭 (Mbit/s, 로그 눈금)");
  });

  it("the text table names the strategies in Korean and keeps its columns by display width", () => {
    const rows = loadTimeSweep({ page, rttMs: [10, 100], bandwidthBps: 10e6 });
    setLanguage("ko");
    const lines = loadTimeTable(rows, { x: "rttMs" }).split("\n");
    expect(lines[0]).toBe("페이지 로드 시간 (ms)");
    expect(lines[1]).toMatch(/RTT \(ms\)\s+순차\(serial\)\s+병렬\(parallel\) x4\s+지속\(persistent\) x1\s+파이프라인\(pipelined\)$/);
    // each number ends under the end of its header: every line is as wide as the header
    for (const line of lines.slice(2)) expect(stringWidth(line), line).toBe(stringWidth(lines[1]));
    expect(lines[3].trim().split(/\s+/).map(Number)).toEqual([
      100,
      ...rows.filter((r) => r.rttMs === 100).map((r) => Math.round(r.elapsedMs)),
    ]);
  });

  it("refuses a sweep without an axis in Korean", () => {
    setLanguage("ko");
    expect(() => loadTimeSweep({ page, rttMs: 10, bandwidthBps: 1e6 })).toThrow(
      /"rttMs \/ bandwidthBps" 값이 허용 범위를 벗어났습니다. 허용되는 값: 둘 중 정확히 하나\(x축\)는 목록/,
    );
  });
});
