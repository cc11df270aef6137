/**
 * Grading into a score file in Gradescope's results.json format: `score`,
 * `execution_time`, `output`, `visibility` and one `tests` entry per part
 * of an exercise. An exercise's points are split over its cases; its public
 * cases are one part (visible), its hidden cases another (shown
 * "after_published", when the teacher publishes grades). The score is
 * computed here from the catalogue's points, and never exceeds the maximum.
 */
import { findExercise, pointsOf, catalogue } from "./catalogue";
import { hintsUsed } from "./hints";
import { CaseCount, roundPoints, Verdict } from "./verdict";

export type Visibility = "hidden" | "after_due_date" | "after_published" | "visible";

export interface GradeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: Visibility;
}

export interface GradeReport {
  score: number;
  execution_time: number;
  output: string;
  visibility: Visibility;
  stdout_visibility: Visibility;
  tests: GradeTest[];
}


/** The parts of one exercise, with its points split by case count (public first, hidden the rest). */
function parts(v: Verdict, hints: Record<string, number>): GradeTest[] {
  const ex = findExercise(v.id);
  const total = v.public.total + v.hidden.total;
  const started = v.status !== "not-started";
  const part = (label: string, count: CaseCount, max: number, visibility: Visibility, output: string): GradeTest => {
    const score = started && count.total > 0 ? Math.min(max, roundPoints((max * count.passed) / count.total)) : 0;
    const passed = started && count.passed === count.total;
    return { name: `${ex.id} ${ex.title} [${ex.kind}]${label}`, number: ex.id + (label ? `.${visibility === "visible" ? 1 : 2}` : ""), score, max_score: max,
      status: passed ? "passed" : "failed", output, visibility };
  };
  const typeErrors = v.typeErrors.length ? `\n\nType errors in the file (they do not change the score):\n${v.typeErrors.join("\n")}` : "";
  const opened = Math.min(Number(hints[ex.id]) || 0, ex.hints.length);
  const hintNote = `\nHints opened: ${opened} of ${ex.hints.length}.`;
  const publicOk = v.public.passed === v.public.total && v.status !== "not-started";
  const message = v.status === "passed" || (publicOk && v.message === "")
    ? `passed: ${v.public.passed}/${v.public.total} cases`
    : `${v.status}: ${v.message || "see the hidden cases"}`;
  if (v.hidden.total === 0) return [part("", v.public, ex.points, "visible", message + hintNote + typeErrors)];
  const publicMax = total === 0 ? ex.points : roundPoints((ex.points * v.public.total) / total);
  const hiddenMessage = v.hidden.passed === v.hidden.total && started
    ? `passed: ${v.hidden.passed}/${v.hidden.total} hidden cases`
    : `${v.hidden.passed}/${v.hidden.total} hidden cases passed${v.hiddenMessage ? `\n${v.hiddenMessage}` : ""}`;
  return [
    part(" (public cases)", v.public, publicMax, "visible", message + hintNote + typeErrors),
    part(" (hidden cases)", v.hidden, roundPoints(ex.points - publicMax), "after_published", hiddenMessage),
  ];
}

/** `hints`: the tiers each exercise's hints were opened to (from .workbook/hints.json); reported, never scored. */
export function gradeReport(verdicts: Verdict[], executionSeconds = 0, hints: Record<string, number> = hintsUsed()): GradeReport {
  const counted = verdicts.filter((v) => v.status !== "not-counted");
  const tests = counted.flatMap((v) => parts(v, hints));
  const max = pointsOf(counted.map((v) => findExercise(v.id)));
  const uncounted = verdicts.filter((v) => v.status === "not-counted").map((v) => `${v.id} (${v.message})`);
  const score = Math.min(max, roundPoints(tests.reduce((s, t) => s + t.score, 0)));
  const notGraded = catalogue.filter((e) => !verdicts.some((v) => v.id === e.id)).map((e) => e.id);
  const output = [
    `Score: ${score}/${max}.`,
    notGraded.length ? `Not graded in this run: ${notGraded.join(", ")}.` : "",
    uncounted.length ? `Not counted on this machine: ${uncounted.join("; ")}.` : "",
  ].filter(Boolean).join(" ");
  return { score, execution_time: Math.round(executionSeconds), output, visibility: "visible", stdout_visibility: "hidden", tests };
}

/** The most a report can score: the points of the exercises it graded. */
export const maxScoreOf = (report: GradeReport): number => roundPoints(report.tests.reduce((s, t) => s + t.max_score, 0));
