import { describe, expect, it } from "vitest";
import { simulatePageLoad } from "../../lib/http/page-load";
import { WATERFALL_PHASES, waterfallRows, waterfallSpec, waterfallText } from "../../lib/viz/waterfall";

const page = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const load = (strategy: "serial" | "parallel" | "persistent" | "pipelined") => simulatePageLoad({ page, strategy, rttMs: 100, bandwidthBps: 10e6 });

describe("waterfallRows", () => {
  it("cuts each request into phases that follow one another without gaps or overlap", () => {
    for (const s of ["serial", "parallel", "persistent", "pipelined"] as const) {
      const r = load(s);
      const rows = waterfallRows(r);
      expect(rows.map((x) => x.index)).toEqual([0, 1, 2, 3]);
      for (const row of rows) {
        expect(row.segments[0].startMs).toBe(row.startMs);
        expect(row.segments.at(-1)!.endMs).toBe(row.endMs);
        for (let i = 1; i < row.segments.length; i++) expect(row.segments[i].startMs).toBe(row.segments[i - 1].endMs);
        const order = row.segments.map((x) => WATERFALL_PHASES.indexOf(x.phase));
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });

  it("shows a connect phase of one round trip on new connections and none on reused ones", () => {
    const serial = waterfallRows(load("serial"));
    for (const row of serial) {
      const connect = row.segments.find((x) => x.phase === "connect")!;
      expect(connect.endMs - connect.startMs).toBeCloseTo(100, 0);
    }
    const persistent = waterfallRows(load("persistent"));
    for (const row of persistent.slice(1)) expect(row.segments.map((x) => x.phase)).not.toContain("connect");
    // one at a time: objects 2 and 3 queue behind the one before
    expect(persistent[2].segments[0].phase).toBe("queued");
  });
});

describe("waterfallText", () => {
  it("draws one row per request, an axis and a legend, within the width", () => {
    const text = waterfallText(load("parallel"), { width: 40, title: "parallel" });
    const lines = text.split("\n");
    expect(lines[0]).toBe("parallel");
    expect(lines.slice(1, 5).map((l) => l.split(" ")[0])).toEqual(["c0", "c1", "c2", "c3"]);
    for (const l of lines.slice(1, 5)) expect(l.slice(l.indexOf("|") + 1, l.lastIndexOf("|")).length).toBe(40);
    expect(text).toContain("= connect");
    expect(text).toContain("# receive");
    expect(lines[1]).toMatch(/^c0 \/index\.html\s+\|=+>+-+#*/);
  });

  it("puts loads on one scale with endMs, so the slower one is visibly longer", () => {
    const bars = (s: "serial" | "parallel") => waterfallText(load(s), { width: 60, endMs: 1200 }).split("\n").slice(0, 4)
      .map((l) => l.slice(l.indexOf("|") + 1, l.lastIndexOf("|")).trimEnd().length);
    expect(Math.max(...bars("serial"))).toBeGreaterThan(1.8 * Math.max(...bars("parallel")));
  });

  it("marks a phase shorter than one column instead of dropping it", () => {
    const text = waterfallText(load("persistent"), { width: 20 });
    expect(text.split("\n")[1]).toContain(">");
  });

  it("rejects what is not a page load", () => {
    expect(() => waterfallText({} as never)).toThrow(TypeError);
    expect(() => waterfallText(load("serial"), { width: 3 })).toThrow(/width/);
  });
});

describe("waterfallSpec", () => {
  it("is a plain Vega-Lite v5 bar chart with one bar per phase per request", () => {
    const r = load("pipelined");
    const spec = waterfallSpec(r) as any;
    expect(spec.$schema).toContain("vega-lite/v5");
    expect(spec.mark.type).toBe("bar");
    expect(spec.title).toBe("page load: pipelined");
    const values = spec.data.values as { request: string; phase: string; startMs: number; endMs: number }[];
    expect(values.length).toBe(waterfallRows(r).reduce((n, row) => n + row.segments.length, 0));
    expect(new Set(values.map((v) => v.request)).size).toBe(4);
    for (const v of values) expect(v.endMs).toBeGreaterThan(v.startMs);
    expect(spec.encoding.color.scale.domain).toEqual([...WATERFALL_PHASES]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec); // JSON all the way down
  });
});
