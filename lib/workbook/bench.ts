/**
 * `bench`: speed targets for the models and the grader, measured here rather
 * than in timed tests (a slow CI machine must not turn a test red). Each case
 * runs a few times; the median is compared with its target.
 *
 * Grading cases measure CPU time (this process and the sandbox children it
 * waited for), on a scratch copy of the exercise files edited before every
 * run, so no cache hides the cost a student pays after saving a file.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { Network } from "../sim/engine";
import { nagleDelayedAck } from "../tcp/nagle-delayed-ack";
import { segment } from "../tcp/segment";
import { slowStart } from "../tcp/slow-start";
import { catalogue } from "./catalogue";
import { ROOT } from "./paths";
import { runChecks } from "./run-check";

export interface BenchCase {
  /** the key in `bench --json`'s metrics */
  key: string;
  name: string;
  /** the median must stay under this, ms */
  targetMs: number;
  /** what is measured: wall-clock time, or CPU time of this process and its children */
  clock?: "wall" | "cpu";
  run(): unknown | Promise<unknown>;
  setup?(): void;
}

export interface BenchResult {
  key: string;
  name: string;
  medianMs: number;
  targetMs: number;
  clock: "wall" | "cpu";
  ok: boolean;
}

/** CPU time so far, ms: this process plus the children it has waited for (Linux), or this process alone. */
function cpuMs(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    children = (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime, in 1/100 s ticks
  } catch {
    // not Linux: children's time is not counted
  }
  return (own.user + own.system) / 1000 + children;
}

function simulateTransfer(bytes: number): void {
  const net = new Network({ rttMs: 50, bandwidthBps: 100e6 });
  const conn = net.open();
  conn.client.write(300);
  conn.server.read(300, () => conn.server.write(bytes));
  net.run();
}

/** A scratch copy of the exercise files to grade (the reference answers when present), inside the workbook so "../lib" resolves. */
const SCRATCH = ".tmp-bench";
function scratch(): void {
  const from = fs.existsSync(path.join(ROOT, "solutions")) ? "solutions" : "exercises";
  fs.mkdirSync(path.join(ROOT, SCRATCH), { recursive: true });
  for (const file of new Set(catalogue.map((e) => e.file))) {
    fs.copyFileSync(path.join(ROOT, from, file), path.join(ROOT, SCRATCH, file));
  }
}
/** An edit, as a student's save: every cache keyed on content misses. */
function edit(files: string[]): void {
  for (const f of files) fs.appendFileSync(path.join(ROOT, SCRATCH, f), `\n// edited ${process.hrtime.bigint()}\n`);
}
const first = catalogue[1];

export const benchCases: BenchCase[] = [
  { key: "segmentMs", name: "segment() of 1 MB, 1,000 times", targetMs: 100, run: () => { for (let i = 0; i < 1_000; i++) segment(1_000_000 + i); } },
  { key: "slowStartMs", name: "slowStart() of 1 GB", targetMs: 50, run: () => slowStart({ bytes: 1e9, rttMs: 100 }) },
  { key: "transferMs", name: "simulated 1 MB transfer (every packet)", targetMs: 500, run: () => simulateTransfer(1_000_000) },
  { key: "nagleMs", name: "nagleDelayedAck() write-write-read", targetMs: 20, run: () => nagleDelayedAck({ writes: [200, 100], nagle: true, delayedAckMs: 40, rttMs: 1 }) },
  {
    key: "checkOneMs", name: `check ${first.id} after a save (notebook, check --watch)`, targetMs: 500, clock: "cpu",
    setup: () => { scratch(); edit([first.file]); },
    run: () => runChecks([first.id], { target: SCRATCH }),
  },
  {
    key: "checkAllMs", name: `check all ${catalogue.length} after editing every file`, targetMs: 5000, clock: "cpu",
    setup: () => { scratch(); edit([...new Set(catalogue.map((e) => e.file))]); },
    run: () => runChecks(undefined, { target: SCRATCH }),
  },
  {
    key: "checkOneColdMs", name: `check ${first.id} after a save, in a fresh process`, targetMs: 3000, clock: "cpu",
    setup: () => { scratch(); edit([first.file]); },
    run: () => node(`require(${JSON.stringify(path.join(__dirname, "run-check"))}).runChecks([${JSON.stringify(first.id)}], { target: ${JSON.stringify(SCRATCH)} })`),
  },
  {
    key: "gradeMs", name: "npm run workbook -- grade (exercises/, a fresh process)", targetMs: 10_000,
    run: () => spawnSync(process.execPath, [path.join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "scripts/workbook.ts", "grade", "--json", "--exit-zero"], { cwd: ROOT, stdio: "ignore" }),
  },
];

/** Runs a line of code in a fresh Node process with ts-node, as the CLI starts. */
function node(code: string): void {
  spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", code], { cwd: ROOT, stdio: "ignore" });
}

export async function runBench(cases = benchCases, repeats = 3, onResult: (r: BenchResult) => void = () => {}): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  try {
    for (const c of cases) {
      const clock = c.clock ?? "wall";
      const now = clock === "cpu" ? cpuMs : () => performance.now();
      const times: number[] = [];
      if (c.setup) { c.setup(); await c.run(); } // warm up once: the notebook kernel or watcher has already loaded everything
      for (let i = 0; i < repeats; i++) {
        c.setup?.();
        const t = now();
        await c.run();
        times.push(now() - t);
      }
      times.sort((a, b) => a - b);
      const medianMs = times[Math.floor(times.length / 2)];
      const r = { key: c.key, name: c.name, medianMs, targetMs: c.targetMs, clock, ok: medianMs <= c.targetMs };
      results.push(r);
      onResult(r);
    }
  } finally {
    fs.rmSync(path.join(ROOT, SCRATCH), { recursive: true, force: true });
  }
  return results;
}

export function formatBenchResult(r: BenchResult): string {
  return `${r.ok ? "ok  " : "SLOW"} ${r.name.padEnd(58)} ${r.medianMs.toFixed(1).padStart(8)} ms ${r.clock === "cpu" ? "CPU " : "wall"} (target ${r.targetMs} ms)`;
}
