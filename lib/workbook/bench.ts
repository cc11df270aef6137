/**
 * `bench`: speed targets for the models and the grader, measured here rather
 * than in timed tests (a slow CI machine must not turn a test red). Each case
 * runs a few times; the median is compared with its target.
 */
import { Network } from "../sim/engine";
import { nagleDelayedAck } from "../tcp/nagle-delayed-ack";
import { segment } from "../tcp/segment";
import { slowStart } from "../tcp/slow-start";
import { runCheck } from "./run-check";

export interface BenchCase {
  name: string;
  /** the median must stay under this, ms */
  targetMs: number;
  run(): unknown | Promise<unknown>;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  targetMs: number;
  ok: boolean;
}

function simulateTransfer(bytes: number): void {
  const net = new Network({ rttMs: 50, bandwidthBps: 100e6 });
  const conn = net.open();
  conn.client.write(300);
  conn.server.read(300, () => conn.server.write(bytes));
  net.run();
}

export const benchCases: BenchCase[] = [
  { name: "segment() of 1 MB, 1,000 times", targetMs: 100, run: () => { for (let i = 0; i < 1_000; i++) segment(1_000_000 + i); } },
  { name: "slowStart() of 1 GB", targetMs: 50, run: () => slowStart({ bytes: 1e9, rttMs: 100 }) },
  { name: "simulated 1 MB transfer (every packet)", targetMs: 500, run: () => simulateTransfer(1_000_000) },
  { name: "nagleDelayedAck() write-write-read", targetMs: 20, run: () => nagleDelayedAck({ writes: [200, 100], nagle: true, delayedAckMs: 40, rttMs: 1 }) },
  { name: "grade one exercise in a worker", targetMs: 3000, run: () => runCheck("4.1b", { target: "solutions" }) },
];

export async function runBench(cases = benchCases, repeats = 3, onResult: (r: BenchResult) => void = () => {}): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t = performance.now();
      await c.run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)];
    const r = { name: c.name, medianMs, targetMs: c.targetMs, ok: medianMs <= c.targetMs };
    results.push(r);
    onResult(r);
  }
  return results;
}

export function formatBenchResult(r: BenchResult): string {
  return `${r.ok ? "ok  " : "SLOW"} ${r.name.padEnd(42)} ${r.medianMs.toFixed(1).padStart(8)} ms  (target ${r.targetMs} ms)`;
}
