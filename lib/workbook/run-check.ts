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
import { CaseCount, Status, Verdict } from "./verdict";

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
  const built = spec.fromLab(measured);
  if (typeof built === "string") return { spec, public: [], hidden: [], skip: { status: "not-counted", message: built } };
  return { spec, public: [...spec.cases, ...built], hidden };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function gradeOne(ex: Exercise, sandbox: Sandbox, fileJs: string, options: RunOptions, typeErrs: string[]): Promise<Verdict> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const graded = casesOf(ex, options.hidden ?? true, options.labsDir);
  const counts = { public: { passed: 0, total: graded.public.length }, hidden: { passed: 0, total: graded.hidden.length } };
  const done = (status: Status, message = ""): Verdict => {
    const passed = counts.public.passed + counts.hidden.passed;
    const total = counts.public.total + counts.hidden.total;
    const score = status === "not-started" || total === 0 ? 0 : round2((ex.points * passed) / total);
    const maxScore = status === "not-counted" ? 0 : ex.points;
    return { id: ex.id, status, message, ms: Date.now() - started, score, maxScore, public: counts.public, hidden: counts.hidden, typeErrors: typeErrs };
  };
  if (graded.skip) return done(graded.skip.status, graded.skip.message);
  const source = targetFile(options.target ?? "exercises", ex.file);
  if (!fs.existsSync(source)) return done("failed", `${path.relative(ROOT, source)} does not exist.`);
  const problem = importProblem(source, ex.export, ex.imports);
  if (problem) return done("failed", problem);

  const loaded = await sandbox.load(fileJs, timeoutMs);
  if (loaded === "timeout") return done("timed-out", `${ex.file} did not finish loading in ${timeoutMs / 1000} s: code at the top level of the file probably loops forever.`);
  if (loaded !== "loaded") {
    if ("ended" in loaded) return done("failed", loaded.ended);
    return done("failed", `could not load ${ex.file}: ${loaded.threw?.name}: ${loaded.threw?.message}`);
  }

  const deadline = Date.now() + timeoutMs; // the limit starts once the file has loaded
  let firstFailure = "";
  const all: [Case, CaseCount, boolean][] = [
    ...graded.public.map((c): [Case, CaseCount, boolean] => [c, counts.public, false]),
    ...graded.hidden.map((c): [Case, CaseCount, boolean] => [c, counts.hidden, true]),
  ];
  for (const [c, count, hidden] of all) {
    const r: CallResult | Ended | "timeout" = await sandbox.call(ex.export, c.args, deadline);
    if (r === "timeout") {
      return done("timed-out", `stopped after ${timeoutMs / 1000} s without an answer: the code probably loops forever, or awaits a promise that never settles ` +
        "(check every loop's exit condition). The other exercises are graded as usual.");
    }
    if ("ended" in r) return done("failed", r.ended);
    if (r.threw?.notImplemented) return done("not-started", `open ${options.target ?? "exercises"}/${ex.file} and write ${ex.export}.`);
    const j = judge(ex.export, graded.spec, c, r, hidden);
    if (j.ok) count.passed++;
    else firstFailure ||= j.message;
  }
  return firstFailure ? done("failed", firstFailure) : done("passed");
}

/**
 * Checks exercises (all by default) in one sandbox, reporting each verdict as
 * it is decided. Unknown ids fail at once, listing the valid ones.
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
  let sandbox: { file: string; box: Sandbox; js: string } | undefined;
  try {
    for (const ex of exercises) {
      if (sandbox?.file !== ex.file) {
        sandbox?.box.kill(); // a fresh process, with its own folder, per exercise file
        const folder = buildSandbox(target, ex.file);
        sandbox = { file: ex.file, box: new Sandbox(folder.root, options.onOutput), js: folder.js };
      }
      const v = await gradeOne(ex, sandbox.box, sandbox.js, options, types.get(ex.file) ?? []);
      verdicts.push(v);
      onVerdict(v);
    }
  } finally {
    sandbox?.box.kill();
  }
  return verdicts;
}

/** One exercise: `runChecks([id])[0]`. */
export async function runCheck(id: string, options: RunOptions = {}): Promise<Verdict> {
  return (await runChecks([id], options))[0];
}
