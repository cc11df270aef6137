/** The result of checking one exercise, and how to print it. */

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

const MARK: Record<Status, string> = {
  passed: "✔ passed",
  failed: "✘ failed",
  "not-started": "○ not started",
  "timed-out": "⧖ timed out",
  "not-counted": "– not counted here",
};

const cases = (v: Verdict) =>
  v.status === "not-started" || v.status === "not-counted" || v.public.total + v.hidden.total === 0
    ? ""
    : ` (${v.public.passed}/${v.public.total} cases${v.hidden.total ? `, hidden ${v.hidden.passed}/${v.hidden.total}` : ""}; ${v.score}/${v.maxScore} points)`;

/** The verdict's first line: id, title, mark, cases and points. */
export function verdictLine(v: Verdict, title?: string): string {
  return `${v.id}${title ? ` ${title}` : ""}: ${MARK[v.status]}${cases(v)}`;
}

export function formatVerdict(v: Verdict, title?: string): string {
  const types = v.typeErrors.length ? `type errors (the check ran anyway):\n${v.typeErrors.map((e) => `  ${e}`).join("\n")}` : "";
  const body = [v.message, v.hiddenMessage, types].filter(Boolean).join("\n");
  return body ? `${verdictLine(v, title)}\n${indent(body)}` : verdictLine(v, title);
}

const indent = (s: string) => s.split("\n").map((l) => `  ${l}`).join("\n");
