/**
 * check("4.1a") for notebook cells and the CLI: grades one exercise (or a
 * whole section, or everything) against exercises/ and prints the verdict.
 */
import { catalogue, findExercise } from "./catalogue";
import { runChecks } from "./run-check";
import { formatProgress, summarize } from "./progress";
import { formatVerdict, Verdict } from "./verdict";

/** `await check("4.1a")`, `await check("4.1")` (a section) or `await check()` (all). Prints, returns nothing. */
export async function check(idOrSection?: string): Promise<void> {
  const ids = selectIds(idOrSection);
  await runChecks(ids, {}, (v) => console.log(formatVerdict(v, findExercise(v.id).title)));
}

export function selectIds(idOrSection?: string): string[] {
  if (idOrSection === undefined) return catalogue.map((e) => e.id);
  const inSection = catalogue.filter((e) => e.section === idOrSection).map((e) => e.id);
  return inSection.length > 0 ? inSection : [findExercise(idOrSection).id];
}

export type { Verdict };

/** `await progress()`: checks everything and prints done/total and what to do next. */
export async function progress(): Promise<void> {
  console.log(formatProgress(summarize(await runChecks())));
}
