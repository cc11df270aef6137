/**
 * The registry of real-socket labs the CLI runs (`npm run workbook -- lab
 * <name> [--json]`): each has a title, a run() that measures on loopback and
 * returns a JSON-able result, and a format() that turns the result into a
 * table of measurement beside model. `quick` runs smaller counts.
 * Every result carries `consistency` (see consistency.ts): what the lab
 * verified about its own run, and why it is inconclusive when it is; the CLI
 * then exits with LAB_INCONCLUSIVE_EXIT (2).
 */
import { formatClose, runCloseLab } from "./close";
import { formatKeepAlive, runKeepAliveLab } from "./keep-alive";
import { formatNagle, runNagleLab } from "./nagle";
import { formatMultiplex, runMultiplexLab } from "./multiplex";
import { formatPipeline, runPipelineLab } from "./pipeline";
import { saveLabResult } from "./saved";
import { formatTimeWait, runTimeWaitLab } from "./time-wait";

export type LabName = "nagle" | "keep-alive" | "time-wait" | "pipeline" | "close" | "multiplex";

export interface LabEntry {
  title: string;
  run(opts?: { quick?: boolean }): Promise<unknown>;
  format(result: any): string;
}

export const labs: Record<LabName, LabEntry> = {
  nagle: {
    title: "Nagle's algorithm against delayed ACK: two small writes per request",
    run: (opts) => runNagleLab(opts?.quick ? { rounds: 8 } : {}),
    format: formatNagle,
  },
  "keep-alive": {
    title: "A new connection per request against one kept-alive connection",
    run: (opts) => runKeepAliveLab(opts?.quick ? { requests: 5 } : {}),
    format: formatKeepAlive,
  },
  "time-wait": {
    title: "TIME_WAIT: which side holds it, and the ceiling on new connections",
    run: (opts) => runTimeWaitLab(opts?.quick ? { connections: 100 } : {}),
    format: formatTimeWait,
  },
  pipeline: {
    title: "HTTP/1.1 pipelining: timing, response order, and retry after an early close",
    run: (opts) => runPipelineLab(opts?.quick ? { requests: 5, repeats: 3 } : {}),
    format: formatPipeline,
  },
  close: {
    title: "Closing with unread input: RST and the lost response, against a half close",
    run: (opts) => runCloseLab(opts?.quick ? { runs: 2 } : {}),
    format: formatClose,
  },
  multiplex: {
    title: "Head-of-line blocking: HTTP/1.1 pipelining against HTTP/2 streams",
    run: (opts) => runMultiplexLab(opts?.quick ? { requests: 4, slowMs: 30 } : {}),
    format: formatMultiplex,
  },
};

export { runNagleLab, formatNagle } from "./nagle";
export { runKeepAliveLab, formatKeepAlive } from "./keep-alive";
export { runTimeWaitLab, formatTimeWait } from "./time-wait";
export { runPipelineLab, formatPipeline } from "./pipeline";
export { runCloseLab, formatClose } from "./close";
export { runMultiplexLab, formatMultiplex } from "./multiplex";
export { LabDeadlineError } from "./harness";
export { LAB_INCONCLUSIVE_EXIT, LabInconclusiveError, inconclusiveReason } from "./consistency";
export type { Consistency } from "./consistency";

/** Runs a lab and saves its result for the measure exercises (.workbook/labs/<name>.json). */
export async function runLab(name: LabName, opts?: { quick?: boolean }): Promise<unknown> {
  const result = await labs[name].run(opts);
  saveLabResult(name, result);
  return result;
}
