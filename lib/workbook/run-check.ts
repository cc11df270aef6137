/**
 * Grades exercises. Each check runs in its own worker thread with a time
 * limit, so an endless loop in student code fails that exercise alone, and
 * each run loads the files fresh, so an edit is seen without a restart.
 */
import { cpus } from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { catalogue, findExercise } from "./catalogue";
import { Target } from "./paths";
import { Verdict } from "./verdict";

/** Per-exercise limit; WORKBOOK_CHECK_TIMEOUT_MS overrides it (slow machines). */
export const DEFAULT_TIMEOUT_MS = Number(process.env.WORKBOOK_CHECK_TIMEOUT_MS) || 10_000;

export interface RunOptions {
  target?: Target;
  timeoutMs?: number;
}

export function runCheck(id: string, options: RunOptions = {}): Promise<Verdict> {
  findExercise(id); // unknown id: fail here, with the list of valid ones
  const target = options.target ?? "exercises";
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const worker = new Worker(path.join(__dirname, "check-worker.js"), { workerData: { id, target } });
  return new Promise<Verdict>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({
        id,
        status: "timed-out",
        message: `stopped after ${timeoutMs / 1000} s without an answer: the code probably loops forever ` +
          `(check every loop's exit condition). The other exercises are graded as usual.`,
        ms: Date.now() - started,
      });
    }, timeoutMs);
    const finish = () => clearTimeout(timer);
    worker.once("message", (msg: { verdict?: Verdict; crash?: string }) => {
      finish();
      void worker.terminate();
      if (msg.verdict) resolve(msg.verdict);
      else reject(new Error(`the grader itself failed on ${id}:\n${msg.crash}`));
    });
    worker.once("error", (err) => {
      finish();
      resolve({ id, status: "failed", message: `your code crashed the check: ${err.message}`, ms: Date.now() - started });
    });
  });
}

/** Checks many exercises, a few at a time, reporting each as soon as those before it are reported. */
export async function runChecks(
  ids: string[] = catalogue.map((e) => e.id),
  options: RunOptions = {},
  onVerdict: (v: Verdict) => void = () => {},
): Promise<Verdict[]> {
  const results: Verdict[] = new Array(ids.length);
  let next = 0;
  let reported = 0;
  const lane = async () => {
    while (next < ids.length) {
      const i = next++;
      results[i] = await runCheck(ids[i], options);
      while (reported < ids.length && results[reported]) onVerdict(results[reported++]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(cpus().length, 4)) }, lane));
  return results;
}
