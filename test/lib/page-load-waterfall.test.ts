import stringWidth = require("string-width");
import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { simulatePageLoad } from "../../lib/http/page-load";
import { WATERFALL_PHASES, waterfallRows, waterfallSpec, waterfallText } from "../../lib/viz/waterfall";

const page = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const load = (strategy: "serial" | "parallel" | "persistent" | "pipelined") =>
  simulatePageLoad({ page, strategy, rttMs: 100, bandwidthBps: 10e6 });

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
    const bars = (s: "serial" | "parallel") =>
      waterfallText(load(s), { width: 60, endMs: 1200 })
        .split("\n")
        .slice(0, 4)
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

describe("waterfalls in Korean", () => {
  afterEach(() => resetLanguage());

  it("text: a Korean legend and title, the same bars, and bars aligned after Korean labels", () => {
    const r = load("parallel");
    const en = waterfallText(r, { width: 40 }).split("\n");
    setLanguage("ko");
    const ko = waterfallText(r, { width: 40, title: "병렬 커넥션 네 개" }).split("\n");
    expect(ko[0]).toBe("병렬 커넥션 네 개");
    expect(ko.slice(1, -1)).toEqual(en.slice(0, -1));
    expect(ko.at(-1)).toContain(". 대기열(queued)  = 연결(connect)  > 요청(request)  - 응답 대기(wait)  # 수신(receive)");
    // a path in Hangul (two columns a syllable) still starts every bar in the same display column
    const named = { ...r, requests: r.requests.map((q, i) => (i === 2 ? { ...q, path: "/이미지-2.png" } : q)) };
    const rows = waterfallText(named, { width: 40 }).split("\n").slice(0, 4);
    const barStart = (line: string) => stringWidth(line.slice(0, line.indexOf("|")));
    expect(new Set(rows.map(barStart)).size).toBe(1);
    expect(rows[2]).toMatch(/^c2 \/이미지-2\.png +\|/);
  });

  it("spec: Korean title, legend labels and tooltip titles; the data keeps the phase names", () => {
    const r = load("pipelined");
    expect((waterfallSpec(r) as any).encoding.color.legend).toBeUndefined();
    setLanguage("ko");
    const spec = waterfallSpec(r) as any;
    expect(spec.title).toBe("페이지 로드: 파이프라인(pipelined)");
    expect(spec.encoding.x.title).toBe("시간 (ms)");
    expect(spec.encoding.color.field).toBe("phase");
    expect(spec.encoding.color.scale.domain).toEqual([...WATERFALL_PHASES]);
    const expr: string = spec.encoding.color.legend.labelExpr;
    const label = (value: string) => new Function("datum", `return ${expr};`)({ label: value });
    expect(WATERFALL_PHASES.map(label)).toEqual(["대기열(queued)", "연결(connect)", "요청(request)", "응답 대기(wait)", "수신(receive)"]);
    for (const v of spec.data.values) expect(WATERFALL_PHASES).toContain(v.phase);
    expect(spec.encoding.tooltip.map((t: any) => t.title)).toEqual(["요청", "단계", "시작 (ms)", "걸린 시간 (ms)"]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});
