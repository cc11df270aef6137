/**
 * Grades exercises: a sandboxed child process per exercise file (lib/workbook/sandbox),
 * the teacher's cases from checks/ (public) and checks/hidden/ (when present),
 * and every verdict decided here, in the grader's process.
 *
 * Per exercise: the import rule first (no lib model may compute the answer),
 * then the file is loaded in the child, and only then does the time limit
 * start: every case is one call, judged against its literal expectation.
 * Code that loops, exhausts memory, exits or throws anything fails that
 * exercise alone; the child is replaced and the rest is graded.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildSandbox, loadTs } from "./build";
import type { Case, CheckCases, ExerciseCases } from "./cases";
import { catalogue, Exercise, findExercise } from "./catalogue";
import { judge, CallResult } from "./compare";
import { importProblem } from "./import-rules";
import { loadLabResult } from "../lab/saved";
import { CHECKS_DIR, HIDDEN_CHECKS_DIR, ROOT, Target, targetFile } from "./paths";
import { Ended, Sandbox } from "./sandbox";
import { typeErrors } from "./typecheck";
import { CaseCount, roundPoints, Status, Verdict } from "./verdict";

/** Per-exercise limit, counted from when the file has loaded; WORKBOOK_CHECK_TIMEOUT_MS overrides it. */
export const DEFAULT_TIMEOUT_MS = Number(process.env.WORKBOOK_CHECK_TIMEOUT_MS) || 10_000;

export interface RunOptions {
  target?: Target;
  timeoutMs?: number;
  /** grade the hidden cases too when checks/hidden/ exists (default true) */
  hidden?: boolean;
  /** report type errors of the exercise files (default true) */
  typeCheck?: boolean;
  /** where the student's console output goes (default: stderr, marked with │) */
  onOutput?: (line: string) => void;
  /** where measure exercises find saved lab results (default .workbook/labs) */
  labsDir?: string;
  /** stop grading after this many ms; exercises not reached fail with a note (the autograder's overall limit) */
  budgetMs?: number;
}

export interface GradedCases {
  spec: ExerciseCases;
  public: Case[];
  hidden: Case[];
  /** why the exercise cannot be graded here, or is not started (a measure exercise without its lab result) */
  skip?: { status: Status; message: string };
}

function casesIn(dir: string, file: string): CheckCases {
  const p = path.join(dir, file);
  return fs.existsSync(p) ? ((loadTs(p).default ?? {}) as CheckCases) : {};
}

/** The teacher's cases for one exercise: public ones, and hidden ones when this copy has them. */
export function casesOf(ex: Exercise, withHidden = true, labsDir?: string): GradedCases {
  const spec = casesIn(CHECKS_DIR, ex.file)[ex.id];
  if (!spec) throw new Error(`no cases written for ${ex.id} in checks/${ex.file}`);
  const hidden = withHidden ? casesIn(HIDDEN_CHECKS_DIR, ex.file)[ex.id]?.cases ?? [] : [];
  if (!spec.lab || !spec.fromLab) return { spec, public: spec.cases, hidden };
  const measured = loadLabResult(spec.lab, labsDir);
  if (measured === undefined) {
    return { spec, public: [], hidden: [], skip: { status: "not-started", message:
      `this exercise compares your prediction with your own measurement: run npm run workbook -- lab ${spec.lab} first.` } };
  }
  let built: Case[] | string;
  try {
    built = spec.fromLab(measured);
  } catch (err) {
    // a saved result is the student's file: one that breaks the check is "not started", never a crash of the run
    return { spec, public: [], hidden: [], skip: { status: "not-started", message:
      `your saved ${spec.lab} lab result cannot be read (${String((err as Error)?.message).slice(0, 200)}): run npm run workbook -- lab ${spec.lab} again.` } };
  }
  if (typeof built === "string") return { spec, public: [], hidden: [], skip: { status: "not-counted", message: built } };
  return { spec, public: [...spec.cases, ...built], hidden };
}


/** What one run of some cases in one child came to. */
interface Phase {
  status: Status;
  message: string;
}

/**
 * Loads the file in `sandbox` and runs `cases` as calls, counting passes in
 * `count`. The time limit starts once the file has loaded.
 */
async function runPhase(ex: Exercise, graded: GradedCases, cases: Case[], hidden: boolean, count: CaseCount,
  sandbox: Sandbox, fileJs: string, options: RunOptions): Promise<Phase> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (cases.length === 0) return { status: "passed", message: "" };
  const loaded = await sandbox.load(fileJs, timeoutMs);
  if (loaded === "timeout") return { status: "timed-out", message: `${ex.file} did not finish loading in ${timeoutMs / 1000} s: code at the top level of the file probably loops forever.` };
  if (loaded !== "loaded") {
    if ("ended" in loaded) return { status: "failed", message: loaded.ended };
    return { status: "failed", message: `could not load ${ex.file}: ${loaded.threw?.name}: ${loaded.threw?.message}` };
  }
  const deadline = Date.now() + timeoutMs;
  let firstFailure = "";
  for (const c of cases) {
    const r: CallResult | Ended | "timeout" = await sandbox.call(ex.export, c.args, deadline);
    if (r === "timeout") {
      return { status: "timed-out", message: `stopped after ${timeoutMs / 1000} s without an answer: the code probably loops forever, or awaits a promise that never settles ` +
        "(check every loop's exit condition). The other exercises are graded as usual." };
    }
    if ("ended" in r) return { status: "failed", message: r.ended };
    if (r.threw?.notImplemented) return { status: "not-started", message: `open ${options.target ?? "exercises"}/${ex.file} and write ${ex.export}.` };
    const j = judge(ex.export, graded.spec, c, r, hidden);
    if (j.ok) count.passed++;
    else firstFailure ||= j.message;
  }
  return { status: firstFailure ? "failed" : "passed", message: firstFailure };
}

/** The worse of two phase statuses. */
const worse = (a: Status, b: Status): Status => {
  const rank: Status[] = ["passed", "failed", "timed-out", "not-started"];
  return rank.indexOf(a) >= rank.indexOf(b) ? a : b;
};

/**
 * Grades one exercise: public cases in the file's public child, hidden cases
 * in a second child that never runs a public case, so nothing a hidden case
 * passed in can come back in feedback a student sees at once.
 */
async function gradeOne(ex: Exercise, boxes: { public: Sandbox; hidden: Sandbox }, fileJs: string, options: RunOptions, typeErrs: string[]): Promise<Verdict> {
  const started = Date.now();
  const graded = casesOf(ex, options.hidden ?? true, options.labsDir);
  const counts = { public: { passed: 0, total: graded.public.length }, hidden: { passed: 0, total: graded.hidden.length } };
  const done = (status: Status, message = "", hiddenMessage = ""): Verdict => {
    const passed = counts.public.passed + counts.hidden.passed;
    const total = counts.public.total + counts.hidden.total;
    const score = status === "not-started" || total === 0 ? 0 : roundPoints((ex.points * passed) / total);
    const maxScore = status === "not-counted" ? 0 : ex.points;
    return { id: ex.id, status, message, hiddenMessage, ms: Date.now() - started, score, maxScore, public: counts.public, hidden: counts.hidden, typeErrors: typeErrs };
  };
  if (graded.skip) return done(graded.skip.status, graded.skip.message);
  const source = targetFile(options.target ?? "exercises", ex.file);
  if (!fs.existsSync(source)) return done("failed", `${path.relative(ROOT, source)} does not exist.`);
  const problem = importProblem(source, ex.export, ex.imports);
  if (problem) return done("failed", problem);

  const pub = await runPhase(ex, graded, graded.public, false, counts.public, boxes.public, fileJs, options);
  if (pub.status === "not-started") return done("not-started", pub.message);
  const hid = await runPhase(ex, graded, graded.hidden, true, counts.hidden, boxes.hidden, fileJs, options);
  return done(worse(pub.status, hid.status), pub.message, hid.message);
}

/**
 * Checks exercises (all by default), reporting each verdict as it is decided.
 * Each exercise file gets fresh children and its own sandbox folder. Unknown
 * ids fail at once, listing the valid ones. With `budgetMs`, exercises not
 * reached in time are reported as such, so a run always ends.
 */
export async function runChecks(
  ids: string[] = catalogue.map((e) => e.id),
  options: RunOptions = {},
  onVerdict: (v: Verdict) => void = () => {},
): Promise<Verdict[]> {
  const exercises = ids.map((id) => findExercise(id));
  const target = options.target ?? "exercises";
  const types = options.typeCheck === false ? new Map<string, string[]>() : typeErrors(target, [...new Set(exercises.map((e) => e.file))]);
  const verdicts: Verdict[] = [];
  const endBy = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
  let current: { file: string; boxes: { public: Sandbox; hidden: Sandbox }; js: string } | undefined;
  const killAll = () => {
    current?.boxes.public.kill();
    current?.boxes.hidden.kill();
  };
  try {
    for (const ex of exercises) {
      if (Date.now() > endBy) {
        const v = skipped(ex, `not graded: the run's time budget (${options.budgetMs! / 1000} s) was used up by earlier exercises.`);
        verdicts.push(v);
        onVerdict(v);
        continue;
      }
      if (current?.file !== ex.file) {
        killAll(); // fresh processes, with their own folder, per exercise file
        const folder = buildSandbox(target, ex.file);
        current = { file: ex.file, boxes: { public: new Sandbox(folder.root, options.onOutput), hidden: new Sandbox(folder.root, () => {}) }, js: folder.js };
      }
      const v = await gradeOne(ex, current.boxes, current.js, options, types.get(ex.file) ?? []);
      verdicts.push(v);
      onVerdict(v);
    }
  } finally {
    killAll();
  }
  return verdicts;
}

/** A verdict for an exercise the run did not reach. */
function skipped(ex: Exercise, message: string): Verdict {
  const none = { passed: 0, total: 0 };
  return { id: ex.id, status: "failed", message, hiddenMessage: "", ms: 0, score: 0, maxScore: ex.points, public: none, hidden: none, typeErrors: [] };
}
