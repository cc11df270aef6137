/**
 * Progress: which exercises are done, how many points, and what to do next
 * (rustlings style). Works on verdicts from runChecks or from the last test run.
 */
import { catalogue, findSection, pointsOf } from "./catalogue";
import { roundPoints, Verdict } from "./verdict";

export interface Progress {
  done: number;
  total: number;
  points: number;
  maxPoints: number;
  /** exercises tried but not passed (failed or timed out), in catalogue order */
  revisit: string[];
  /** the first exercise in catalogue order that is not passed */
  next?: { id: string; title: string; kind: string; file: string; notebook?: string };
}

export function summarize(verdicts: Verdict[]): Progress {
  const passed = new Set(verdicts.filter((v) => v.status === "passed" || v.status === "not-counted").map((v) => v.id));
  const nextEx = catalogue.find((e) => !passed.has(e.id));
  const points = verdicts.filter((v) => catalogue.some((e) => e.id === v.id)).reduce((s, v) => s + (v.score ?? 0), 0);
  const tried = new Set(verdicts.filter((v) => v.status === "failed" || v.status === "timed-out").map((v) => v.id));
  return {
    revisit: catalogue.filter((e) => tried.has(e.id)).map((e) => e.id),
    done: passed.size,
    total: catalogue.length,
    points: roundPoints(points),
    maxPoints: pointsOf(catalogue),
    next: nextEx && {
      id: nextEx.id,
      title: nextEx.title,
      kind: nextEx.kind,
      file: `exercises/${nextEx.file}`,
      notebook: findSection(nextEx.section) && `notebooks/${findSection(nextEx.section)!.notebook}`,
    },
  };
}

/** `changed`: exercise files edited since their last check (their verdicts may be out of date). */
export function formatProgress(p: Progress, changed: string[] = []): string {
  const head = `Exercises: ${p.done}/${p.total} done, ${p.points}/${p.maxPoints} points.` +
    (changed.length ? `\nChanged since the last check: ${changed.join(", ")} (npm run workbook -- check <id> to grade them again).` : "");
  if (!p.next) return `${head} All done!`;
  const revisit = p.revisit.length ? `\nTried, not passed yet: ${p.revisit.join(", ")}.` : "";
  const where = p.next.notebook ? ` (notebook ${p.next.notebook})` : "";
  return `${head}\nNext: ${p.next.id} "${p.next.title}" (${p.next.kind}) in ${p.next.file}${where}. Stuck? npm run workbook -- hint ${p.next.id}${revisit}`;
}
