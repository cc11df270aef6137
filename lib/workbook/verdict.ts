/** The result of checking one exercise, and how to print it. */
import { messages, tr, type Localized, type Text } from "../i18n";

const say = messages("workbook/verdict", {
  passed: { en: "✔ passed", ko: "✔ 통과" },
  failed: { en: "✘ failed", ko: "✘ 실패" },
  notStarted: { en: "○ not started", ko: "○ 시작 전" },
  timedOut: { en: "⧖ timed out", ko: "⧖ 시간 초과" },
  notCounted: { en: "– not counted here", ko: "– 이 환경에서는 채점 제외" },
  cases: {
    en: " ({passed}/{total} cases{hidden}; {score}/{maxScore} points)",
    ko: " (케이스 {passed}/{total}{hidden}; {score}/{maxScore}점)",
  },
  hiddenCases: { en: ", hidden {passed}/{total}", ko: ", 숨은 케이스 {passed}/{total}" },
  typeErrors: { en: "type errors (the check ran anyway):", ko: "타입 오류 (채점은 그대로 했습니다):" },
});

/** not-counted: a measure exercise whose lab cannot run on this platform; it is left out of the score. */
export type Status = "passed" | "failed" | "not-started" | "timed-out" | "not-counted";

/** Points are kept to two decimals (an exercise's points split over its cases). */
export const roundPoints = (x: number): number => Math.round(x * 100) / 100;

export interface CaseCount {
  passed: number;
  total: number;
}

export interface Verdict {
  id: string;
  status: Status;
  /** what the student should read at once: the first public failure (empty when none) */
  message: string;
  /** the first hidden failure: what it tests, never its input or answer (shown with published grades) */
  hiddenMessage: string;
  ms: number;
  /** points earned: the exercise's points split evenly over its cases */
  score: number;
  maxScore: number;
  /** cases that ship with the workbook (shown in feedback) */
  public: CaseCount;
  /** the teacher's hidden cases (absent from a student copy: total 0) */
  hidden: CaseCount;
  /** type errors in the exercise's file: "exercises/x.ts:12:5 message" (they do not change the score) */
  typeErrors: string[];
}

const isCount = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v >= 0;
const isCaseCount = (v: unknown): boolean =>
  typeof v === "object" && v !== null && isCount((v as CaseCount).passed) && isCount((v as CaseCount).total);

/**
 * True when `v` has a verdict's shape (a record read back from a file: one edited by hand, or
 * damaged, must not reach the code that reads verdicts as numbers and strings).
 */
export function isVerdict(v: unknown): v is Verdict {
  if (typeof v !== "object" || v === null) return false;
  const x = v as Verdict;
  return (
    typeof x.id === "string" &&
    typeof x.status === "string" &&
    Object.hasOwn(MARK, x.status) &&
    typeof x.message === "string" &&
    typeof x.hiddenMessage === "string" &&
    isCount(x.ms) &&
    isCount(x.score) &&
    isCount(x.maxScore) &&
    isCaseCount(x.public) &&
    isCaseCount(x.hidden) &&
    Array.isArray(x.typeErrors) &&
    x.typeErrors.every((t) => typeof t === "string")
  );
}

/** The mark of each status, in the current language. */
const MARK: Record<Status, () => Localized> = {
  passed: say.passed,
  failed: say.failed,
  "not-started": say.notStarted,
  "timed-out": say.timedOut,
  "not-counted": say.notCounted,
};

/** The short word for a status, as a verdict line shows it ("✘ failed"). */
const statusMark = (status: Status): Localized => MARK[status]();

const cases = (v: Verdict) =>
  v.status === "not-started" || v.status === "not-counted" || v.public.total + v.hidden.total === 0
    ? ""
    : say.cases({
        passed: v.public.passed,
        total: v.public.total,
        score: v.score,
        maxScore: v.maxScore,
        hidden: v.hidden.total ? say.hiddenCases({ passed: v.hidden.passed, total: v.hidden.total }) : "",
      });

/** The verdict's first line: id, title (in the current language), mark, cases and points. */
export function verdictLine(v: Verdict, title?: Text): string {
  return `${v.id}${title ? ` ${tr(title)}` : ""}: ${statusMark(v.status)}${cases(v)}`;
}

export function formatVerdict(v: Verdict, title?: Text): string {
  const types = v.typeErrors.length ? `${say.typeErrors()}\n${v.typeErrors.map((e) => `  ${e}`).join("\n")}` : "";
  // a crash or a timeout stops the hidden cases too, with the same words: say it once
  const hidden = v.hiddenMessage === v.message ? "" : v.hiddenMessage;
  const body = [v.message, hidden, types].filter(Boolean).join("\n");
  return body ? `${verdictLine(v, title)}\n${indent(body)}` : verdictLine(v, title);
}

const indent = (s: string) =>
  s
    .split("\n")
    .map((l) => `  ${l}`)
    .join("\n");
