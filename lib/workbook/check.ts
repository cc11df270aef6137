/**
 * check("4.1a") for notebook cells and the CLI: grades one exercise (or a
 * whole section, or everything) against exercises/, prints the verdict and
 * remembers it for `progress`.
 */
import { catalogue, findExercise } from "./catalogue";
import { loadLastRun, saveLastRun } from "./last-run";
import { runChecks, type RunOptions } from "./run-check";
import { formatProgress, summarize } from "./progress";
import { formatVerdict, type Verdict } from "./verdict";

/** `await check("4.1a")`, `await check("4.1")` (a section) or `await check()` (all). Prints, returns nothing. */
export async function check(idOrSection?: string): Promise<void> {
  await checkExercises(selectIds(idOrSection), verdictPrinter(), { spare: inKernel() });
}

/** In a notebook kernel (scripts/kernel.js says so), which lives on between checks: the next check's child starts ahead. */
const inKernel = () => process.env.WORKBOOK_KERNEL === "1";

/** Prints verdicts; a file's type errors only under the first of its exercises. */
export function verdictPrinter(print: (s: string) => void = console.log): (v: Verdict) => void {
  const shown = new Set<string>();
  return (v) => {
    const ex = findExercise(v.id);
    print(formatVerdict(shown.has(ex.file) ? { ...v, typeErrors: [] } : v, ex.title));
    if (v.typeErrors.length) shown.add(ex.file);
  };
}

/** Grades exercises/ and saves the verdicts as the last run. */
export async function checkExercises(
  ids: string[],
  onVerdict: (v: Verdict) => void = () => {},
  options: RunOptions = {},
): Promise<Verdict[]> {
  const verdicts = await runChecks(ids, { ...options, target: "exercises" }, onVerdict);
  saveLastRun(verdicts);
  return verdicts;
}

export function selectIds(idOrSection?: string): string[] {
  if (idOrSection === undefined) return catalogue.map((e) => e.id);
  const inSection = catalogue.filter((e) => e.section === idOrSection).map((e) => e.id);
  return inSection.length > 0 ? inSection : [findExercise(idOrSection).id];
}

export type { Verdict };

/** `await progress()`: done/total and what to do next, from the last checks (grading only what was never checked). */
export async function progress(): Promise<void> {
  console.log(await progressText());
}

/** Progress from the last checks; with none saved, grades everything once (or, `savedOnly`, says nothing). */
export async function progressText(savedOnly = false): Promise<string | undefined> {
  const last = loadLastRun();
  if (!last && savedOnly) return undefined;
  const verdicts =
    last?.verdicts ??
    (await checkExercises(
      catalogue.map((e) => e.id),
      undefined,
      { typeCheck: false },
    ));
  return formatProgress(summarize(verdicts), last?.changed ?? []);
}
