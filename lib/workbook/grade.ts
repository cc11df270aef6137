/**
 * Grading into a score file in Gradescope's results.json format: `score`,
 * `execution_time`, `output`, `visibility` and one `tests` entry per part
 * of an exercise. An exercise's points are split over its cases; its public
 * cases are one part (visible), its hidden cases another (shown
 * "after_published", when the teacher publishes grades). The score is
 * computed here from the catalogue's points, and never exceeds the maximum.
 */
import { messages, tr } from "../i18n";
import { findExercise, pointsOf, catalogue } from "./catalogue";
import { hintsUsed } from "./hints";
import { kindName } from "./progress";
import { type CaseCount, roundPoints, type Status, type Verdict } from "./verdict";

const say = messages("workbook/grade", {
  publicPart: { en: " (public cases)", ko: " (공개 케이스)" },
  hiddenPart: { en: " (hidden cases)", ko: " (숨은 케이스)" },
  typeErrors: { en: "Type errors in the file (they do not change the score):", ko: "파일의 타입 오류 (점수에는 영향이 없습니다):" },
  hintsOpened: { en: "Hints opened: {opened} of {total}.", ko: "열어 본 힌트: {total}개 중 {opened}개." },
  passed: { en: "passed: {passed}/{total} cases", ko: "통과: 케이스 {passed}/{total}" },
  seeHidden: { en: "see the hidden cases", ko: "숨은 케이스를 보세요" },
  hiddenPassed: { en: "passed: {passed}/{total} hidden cases", ko: "통과: 숨은 케이스 {passed}/{total}" },
  hiddenSome: { en: "{passed}/{total} hidden cases passed", ko: "숨은 케이스 {total}개 중 {passed}개 통과" },
  score: { en: "Score: {score}/{max}.", ko: "점수: {score}/{max}." },
  notGraded: { en: "Not graded in this run: {ids}.", ko: "이번 실행에서 채점하지 않은 문제: {ids}." },
  notCounted: { en: "Not counted on this machine: {list}.", ko: "이 컴퓨터에서는 채점에서 뺀 문제: {list}." },
  failed: { en: "failed", ko: "실패" },
  timedOut: { en: "timed-out", ko: "시간 초과" },
  notStarted: { en: "not-started", ko: "시작 전" },
  notCountedStatus: { en: "not-counted", ko: "채점 제외" },
  passedStatus: { en: "passed", ko: "통과" },
});

/** A status as a grade's output names it: the identifier in English ("not-started"), a word in Korean. */
const STATUS: Record<Status, () => string> = {
  passed: say.passedStatus,
  failed: say.failed,
  "timed-out": say.timedOut,
  "not-started": say.notStarted,
  "not-counted": say.notCountedStatus,
};

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
    return {
      name: `${ex.id} ${tr(ex.title)} [${kindName(ex.kind)}]${label}`,
      number: ex.id + (label ? `.${visibility === "visible" ? 1 : 2}` : ""),
      score,
      max_score: max,
      status: passed ? "passed" : "failed",
      output,
      visibility,
    };
  };
  const typeErrors = v.typeErrors.length ? `\n\n${say.typeErrors()}\n${v.typeErrors.join("\n")}` : "";
  const opened = Math.min(Number(hints[ex.id]) || 0, ex.hints.length);
  const hintNote = `\n${say.hintsOpened({ opened, total: ex.hints.length })}`;
  const publicOk = v.public.passed === v.public.total && v.status !== "not-started";
  const message =
    v.status === "passed" || (publicOk && v.message === "")
      ? say.passed({ passed: v.public.passed, total: v.public.total })
      : `${STATUS[v.status]()}: ${v.message || say.seeHidden()}`;
  if (v.hidden.total === 0) return [part("", v.public, ex.points, "visible", message + hintNote + typeErrors)];
  const publicMax = total === 0 ? ex.points : roundPoints((ex.points * v.public.total) / total);
  const hiddenMessage =
    v.hidden.passed === v.hidden.total && started
      ? say.hiddenPassed({ passed: v.hidden.passed, total: v.hidden.total })
      : say.hiddenSome({ passed: v.hidden.passed, total: v.hidden.total }) + (v.hiddenMessage ? `\n${v.hiddenMessage}` : "");
  return [
    part(say.publicPart(), v.public, publicMax, "visible", message + hintNote + typeErrors),
    part(say.hiddenPart(), v.hidden, roundPoints(ex.points - publicMax), "after_published", hiddenMessage),
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
    say.score({ score, max }),
    notGraded.length ? say.notGraded({ ids: notGraded.join(", ") }) : "",
    uncounted.length ? say.notCounted({ list: uncounted.join("; ") }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { score, execution_time: Math.round(executionSeconds), output, visibility: "visible", stdout_visibility: "hidden", tests };
}

/** The most a report can score: the points of the exercises it graded. */
export const maxScoreOf = (report: GradeReport): number => roundPoints(report.tests.reduce((s, t) => s + t.max_score, 0));
