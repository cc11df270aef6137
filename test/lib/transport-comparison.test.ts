import { describe, expect, it } from "vitest";
import { compareTransports, seriesInput } from "../../lib/http/transport-comparison";
import { simulatePageLoad } from "../../lib/http/page-load";
import { MAX_REPEATED_LOAD_SEGMENTS, checkRepeatedLoads, pageSegments } from "../../lib/http/page-requests";
import { loadTimeSweep } from "../../lib/viz/load-time-chart";

const page = { htmlBytes: 20_000, objectBytes: Array(16).fill(3_000) };
const path = { page, rttMs: 80, bandwidthBps: 10e6 };

describe("compareTransports: HTTP/1.1, HTTP/2 and HTTP/3 against loss", () => {
  const rows = compareTransports({ ...path, lossRates: [0, 0.05], runs: 7 });
  const row = (series: string, lossRate: number) => rows.find((r) => r.series === series && r.lossRate === lossRate)!;

  it("gives one row per series and loss rate, every run accounted for", () => {
    expect(rows.map((r) => `${r.series}@${r.lossRate}`)).toEqual([
      "http1.1@0",
      "http1.1@0.05",
      "http2@0",
      "http2@0.05",
      "http3@0",
      "http3@0.05",
    ]);
    for (const r of rows) expect(r.runs + r.aborted).toBe(7);
  });

  it("without loss every run is the same, and HTTP/3 is first: its handshake is one round trip shorter", () => {
    for (const s of ["http1.1", "http2", "http3"]) {
      const { loadMs } = row(s, 0);
      expect(loadMs!.p10).toBe(loadMs!.p90);
      expect(row(s, 0).retransmissions).toBe(0);
    }
    expect(row("http3", 0).loadMs!.median).toBeLessThan(row("http2", 0).loadMs!.median);
    expect(row("http2", 0).loadMs!.median).toBeLessThan(row("http1.1", 0).loadMs!.median);
  });

  it("under loss, HTTP/3's objects wait less than HTTP/2's, whose one TCP stream holds every response behind a lost segment", () => {
    expect(row("http3", 0.05).objectMs!.median).toBeLessThan(row("http2", 0.05).objectMs!.median);
    expect(row("http3", 0.05).objectMs!.p90).toBeLessThan(row("http2", 0.05).objectMs!.p90);
    expect(row("http2", 0.05).loadMs!.median).toBeGreaterThan(row("http2", 0).loadMs!.median);
  });

  it("is a summary of plain page loads: the same seeds give the same medians", () => {
    const again = compareTransports({ ...path, lossRates: [0.05], runs: 7, series: ["http2"] })[0];
    expect(again).toEqual(row("http2", 0.05));
    const loads = [1, 2, 3, 4, 5, 6, 7].map((seed) => simulatePageLoad({ ...seriesInput("http2", path), lossRate: 0.05, seed }).elapsedMs);
    const sorted = loads.sort((a, b) => a - b);
    expect(row("http2", 0.05).loadMs!.median).toBe(sorted[3]);
  });

  it.each([
    [{ lossRates: [] }, /"lossRates"/],
    [{ lossRates: [1] }, /"lossRates\[0\]"/],
    [{ lossRates: [0.01], series: ["spdy"] }, /"series\[0\]"/],
    [{ lossRates: [0, 0.01, 0.02], runs: 1000 }, /"runs"/],
    [{ lossRates: [0.01], runs: 0 }, /"runs"/],
  ])("refuses %o, naming the parameter", (bad, message) => {
    expect(() => compareTransports({ ...path, ...(bad as object) } as never)).toThrow(message);
  });
});

describe("models that load a page many times: a bound on their work, not only on their count of loads", () => {
  // 600 loads (the most compareTransports runs) of a 10,000-object page would take a quarter of an hour
  const page = (objects: number, bytes: number) => ({ htmlBytes: 1460, objectBytes: Array.from({ length: objects }, () => bytes) });

  it("counts a request and the full-sized segments of its response per object", () => {
    expect(pageSegments(page(0, 1))).toBe(2);
    expect(pageSegments(page(3, 1461))).toBe(2 + 3 * 3);
  });

  it("takes exactly MAX_REPEATED_LOAD_SEGMENTS and refuses one segment more, naming the page and the loads", () => {
    const p = page(9999, 1460); // 2 + 9999 * 2 = 20,000 segments a load
    expect(pageSegments(p)).toBe(20_000);
    expect(() => checkRepeatedLoads(p, MAX_REPEATED_LOAD_SEGMENTS / 20_000)).not.toThrow();
    expect(() => checkRepeatedLoads(p, MAX_REPEATED_LOAD_SEGMENTS / 20_000 + 1)).toThrow(
      /"page" is out of range\. It must be at most 200000 segments over all the loads .*Received "11 loads of a page of about 20000 segments each"/,
    );
  });

  it("compareTransports and loadTimeSweep refuse before loading anything", () => {
    const big = page(10_000, 1460);
    expect(() => compareTransports({ page: big, rttMs: 50, bandwidthBps: 10e6, lossRates: [0, 0.01], runs: 5 })).toThrow(
      /"page" is out of range/,
    );
    expect(() => loadTimeSweep({ page: big, rttMs: [10, 20, 30, 40], bandwidthBps: 10e6 })).toThrow(/"page" is out of range.*16 loads/);
  });
});
