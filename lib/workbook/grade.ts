/**
 * Grading into a score file. The JSON follows Gradescope's results.json
 * (score, max_score, and one entry per test), which GitHub Classroom's
 * autograding can also read with a custom step.
 */
import { catalogue, findExercise, pointsOf } from "./catalogue";
import { Verdict } from "./verdict";

export interface GradeReport {
  score: number;
  max_score: number;
  tests: { name: string; number: string; score: number; max_score: number; status: "passed" | "failed"; output: string }[];
}

export function gradeReport(verdicts: Verdict[]): GradeReport {
  const tests = verdicts.map((v) => {
    const ex = findExercise(v.id);
    const passed = v.status === "passed";
    return {
      name: `${ex.id} ${ex.title}`,
      number: ex.id,
      score: passed ? ex.points : 0,
      max_score: ex.points,
      status: passed ? ("passed" as const) : ("failed" as const),
      output: passed ? "passed" : `${v.status}: ${v.message}`,
    };
  });
  return {
    score: tests.reduce((s, t) => s + t.score, 0),
    max_score: pointsOf(catalogue),
    tests,
  };
}
