/**
 * Runs one exercise's check in the current thread: loads the student's (or
 * the reference) file fresh, finds the export, runs the check and turns what
 * happened into a Verdict. Called inside the check worker.
 */
import { findExercise } from "./catalogue";
import { CheckFailure } from "./expect";
import { isNotImplemented } from "./not-implemented";
import { checksFile, Target, targetFile } from "./paths";
import { Verdict } from "./verdict";

type CheckFn = (impl: any) => unknown;

export async function runInThisThread(id: string, target: Target): Promise<Verdict> {
  const started = Date.now();
  const done = (status: Verdict["status"], message = ""): Verdict => ({ id, status, message, ms: Date.now() - started });
  const exercise = findExercise(id);
  const file = targetFile(target, exercise.file);
  let mod: Record<string, unknown>;
  try {
    mod = require(file);
  } catch (err) {
    return done("failed", `could not load ${file}:\n${errorText(err)}`);
  }
  const impl = mod[exercise.export];
  if (impl === undefined) return done("failed", `${exercise.file} has no export named "${exercise.export}".`);
  const check: CheckFn | undefined = require(checksFile(exercise.file)).checks[id];
  if (!check) throw new Error(`no check written for ${id} in lib/workbook/checks/${exercise.file}`);
  try {
    await check(impl);
    return done("passed");
  } catch (err) {
    if (isNotImplemented(err)) return done("not-started", `open ${target}/${exercise.file} and write ${exercise.export}.`);
    if (err instanceof CheckFailure) return done("failed", err.message);
    return done("failed", `your code threw an error:\n${errorText(err)}`);
  }
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const frames = (err.stack ?? "").split("\n").slice(1, 4).join("\n");
  return `${err.name}: ${err.message}\n${frames}`;
}
