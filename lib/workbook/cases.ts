/**
 * The shape of a grader: for each exercise, the calls to make and what must
 * come back. The teacher's files in checks/ hold them as plain data with
 * literal expected values, so no answer is ever computed by a function a
 * student could import. checks/<file>.ts ships (public cases, shown in
 * feedback); checks/hidden/<file>.ts stays with the teacher.
 * Every sentence a student reads is a `Text` (English and Korean).
 */
import type { Text } from "../i18n";

export interface Case {
  /** the arguments the student's function is called with (copied into the child process) */
  args: unknown[];
  /** the value that must come back; compared deeply (numbers within `tolerance`) */
  expect?: unknown;
  /** instead of a value: the call must throw an error of this class name ("RangeError", "TypeError") */
  throws?: string;
  /** why this case matters; shown when it fails (overrides the exercise's `why`) */
  why?: Text;
  /** how the call is shown in feedback, when printing the arguments would be unreadable */
  label?: string | Text;
  /** absolute tolerance for numbers in this case (overrides the exercise's) */
  tolerance?: number;
  /** common wrong answers to this case, and the slip each one reveals (never the right answer) */
  slips?: Slip[];
}

export interface Slip {
  /** the wrong value (compared as `expect` is) */
  got: unknown;
  /** what the student probably did, in a sentence */
  say: Text;
}

export interface ExerciseCases {
  /** what every failure of this exercise should teach, after the case's own `why` */
  why: Text;
  /** the calls and their expectations; empty for a measure exercise (see `fromLab`) */
  cases: Case[];
  /**
   * A measure exercise: the lab (`npm run workbook -- lab <name>`) whose
   * result, saved in .workbook/labs/<name>.json, the cases compare with.
   */
  lab?: string;
  /**
   * Builds the cases from the student's own measurement. Returns a sentence
   * instead when the measurement cannot grade anything on this platform;
   * the exercise is then not counted. A run the lab itself marked
   * inconclusive never gets here: the grader says so (run-check.ts). The
   * measurement is the saved JSON, so unknown; as a method, a checks file may
   * still name the lab's result type.
   */
  fromLab?(measurement: unknown): Case[] | Text;
  /** absolute tolerance for every number compared (default 0: exact) */
  tolerance?: number;
  /** object properties whose value is `undefined` count as absent */
  ignoreUndefined?: boolean;
  /** the function must not change its arguments, and must not return one of them */
  pure?: boolean;
}

/** A checks file: exercise id → its cases. */
export type CheckCases = Record<string, ExerciseCases>;

/** A hidden-cases file: more cases for exercises already in the public file (their `why`, tolerance and rules apply). */
export type HiddenCheckCases = Record<string, { cases: Case[] }>;
