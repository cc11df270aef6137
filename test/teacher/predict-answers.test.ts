// Predict exercises whose answer a lib model computes: the check holds the
// model's answer as a literal (checks/ never call lib), so this test runs the
// model and fails when it no longer gives that literal. Teacher only.
import { describe, expect, it } from "vitest";
import { simulatePageLoad, type PageLoadInput, type PageLoadResult } from "../../lib/http/page-load";
import { compareTransports, seriesInput, type TransportSeries } from "../../lib/http/transport-comparison";
import { findExercise } from "../../lib/workbook/catalogue";
import { casesOf } from "../../lib/workbook/run-check";

const answer = (id: string) => casesOf(findExercise(id), false).public[0].expect;
const page = { htmlBytes: 42_000, objectBytes: Array.from({ length: 42 }, () => 3_000) };

/** The trace index of the packet in the middle of object `n`'s response (its data packets, not a copy). */
function middleOf(load: PageLoadResult, n: number): number {
  const data = load.trace.map((e, i) => ({ e, i })).filter(({ e }) => e.from === "server" && e.bytes > 0 && !e.retransmit);
  if (load.transport === "quic") {
    // client-initiated bidirectional streams are 0, 4, 8, ... (RFC 9000 2.1): object n is on stream 4n
    const mine = data.filter(({ e }) => new RegExp(`\\b${4 * n}$`).test(e.note ?? ""));
    return mine[Math.floor(mine.length / 2)].i;
  }
  // over TCP the response starts in the packet named after it; 3 KB are about two packets, so the next one is its middle
  return data[data.findIndex(({ e }) => (e.note ?? "").startsWith(`200 /object-${n} `)) + 1].i;
}

/** The load with trace packet `at` dropped: dropPackets counts packets as handed to the link, which a queue reorders against the trace. */
function dropTracePacket(input: PageLoadInput, at: number): PageLoadResult {
  for (let d = 0; d <= at; d++) {
    for (const n of d === 0 ? [at] : [at - d, at + d]) {
      const load = simulatePageLoad({ ...input, dropPackets: [n] });
      if (load.trace[at]?.lost) return load;
    }
  }
  throw new Error(`no packet number drops trace packet ${at}`);
}

describe("predict answers agree with the models", () => {
  it("4.8f: the median page-load ranking at 100 ms, with no loss and at 5 %, each place clearly apart", () => {
    const rows = compareTransports({ page, rttMs: 100, bandwidthBps: 10e6, lossRates: [0, 0.05] });
    const ranked = (lossRate: number) =>
      rows
        .filter((r) => r.lossRate === lossRate)
        .map((r) => ({ series: r.series, ms: r.loadMs!.median }))
        .sort((a, b) => a.ms - b.ms);
    const noLoss = ranked(0);
    const fivePercent = ranked(0.05);
    expect({ noLoss: noLoss.map((r) => r.series), fivePercent: fivePercent.map((r) => r.series) }).toEqual(answer("4.8f"));
    // a ranking decided by a hair would flip with the next model change: each place at least 10 % behind the one before
    for (const order of [noLoss, fivePercent])
      for (let i = 1; i < order.length; i++) expect(order[i].ms).toBeGreaterThan(1.1 * order[i - 1].ms);
  });

  it("4.8g: object 4's delay after one packet of object 3 is lost, over HTTP/2 and HTTP/3", () => {
    const base = { page, rttMs: 50, bandwidthBps: 10e6 };
    const delay = (series: TransportSeries) => {
      const input = seriesInput(series, base);
      const clean = simulatePageLoad(input);
      const lossy = dropTracePacket(input, middleOf(clean, 3));
      expect(lossy.lostPackets).toBe(1);
      return lossy.requests[4].doneMs - clean.requests[4].doneMs;
    };
    const expected = answer("4.8g") as { http2Ms: number; http3Ms: number };
    // within a few ms: far inside the check's tolerance, so a model change that moves the answer shows here first
    expect(Math.abs(delay("http2") - expected.http2Ms)).toBeLessThan(3);
    expect(Math.abs(delay("http3") - expected.http3Ms)).toBeLessThan(3);
  });
});
