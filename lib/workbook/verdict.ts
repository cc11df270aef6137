/** The result of checking one exercise, and how to print it. */

export type Status = "passed" | "failed" | "not-started" | "timed-out";

export interface Verdict {
  id: string;
  status: Status;
  /** what the student should read: empty when passed */
  message: string;
  ms: number;
}

const MARK: Record<Status, string> = {
  passed: "✔ passed",
  failed: "✘ failed",
  "not-started": "○ not started",
  "timed-out": "⧖ timed out",
};

export function formatVerdict(v: Verdict, title?: string): string {
  const head = `${v.id}${title ? ` ${title}` : ""}: ${MARK[v.status]}`;
  return v.message ? `${head}\n${indent(v.message)}` : head;
}

const indent = (s: string) => s.split("\n").map((l) => `  ${l}`).join("\n");
