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
import { buildSandbox, loadTs, type SandboxFolder } from "./build";
import type { Case, CheckCases, ExerciseCases } from "./cases";
import { catalogue, type Exercise, findExercise } from "./catalogue";
import { judge, thrownText, type CallResult } from "./compare";
import { sourceProblem } from "./exercise-source";
import { importProblem } from "./import-rules";
import { loadLabResult } from "../lab/saved";
import { CHECKS_DIR, HIDDEN_CHECKS_DIR, ROOT, type Target, targetFile } from "./paths";
import { type Ended, prepareSpare, Sandbox } from "./sandbox";
import { typeErrors } from "./typecheck";
import { type CaseCount, roundPoints, type Status, type Verdict } from "./verdict";
import { messages, tr } from "../i18n";
import { envNumber } from "./env-number";

const say = messages("workbook/run-check", {
  noCases: { en: "no cases written for {id} in checks/{file}", ko: "checks/{file}에 {id}의 케이스가 없습니다" },
  needsLab: {
    en: "this exercise compares your prediction with your own measurement: run npm run workbook -- lab {lab} first.",
    ko: "이 문제는 여러분의 예측을 직접 잰 측정값과 비교합니다. 먼저 npm run workbook -- lab {lab} 명령을 실행하세요.",
  },
  badLab: {
    en: "your saved {lab} lab result cannot be read ({error}): run npm run workbook -- lab {lab} again.",
    ko: "저장된 {lab} 실험 결과를 읽을 수 없습니다({error}). npm run workbook -- lab {lab} 명령을 다시 실행하세요.",
  },
  labInconclusive: {
    en: "your lab run was inconclusive: {reason}",
    ko: "실험 실행이 결론을 내지 못했습니다(inconclusive): {reason}",
  },
  loadTimeout: {
    en: "{file} did not finish loading in {seconds} s: code at the top level of the file probably loops forever.",
    ko: "{file} 파일을 {seconds}초 안에 다 불러오지 못했습니다. 파일 최상위에 있는 코드가 끝없이 반복하는 것 같습니다.",
  },
  loadFailed: { en: "could not load {file}: {error}", ko: "{file} 파일을 불러오지 못했습니다: {error}" },
  callTimeout: {
    en:
      "stopped after {seconds} s without an answer: the code probably loops forever, or awaits a promise that never settles " +
      "(check every loop's exit condition). The other exercises are graded as usual.",
    ko:
      "{seconds}초 동안 답이 없어 중단했습니다. 코드가 끝없이 반복하거나, 영영 끝나지 않는 프로미스를 기다리는(await) 것 같습니다 " +
      "(반복문마다 끝나는 조건을 확인하세요). 다른 문제는 평소대로 채점합니다.",
  },
  notStarted: { en: "open {path} and write {name}.", ko: "{path} 파일을 열고 {name} 함수를 작성하세요." },
  missingFile: { en: "{path} does not exist.", ko: "{path} 파일이 없습니다." },
  budget: {
    en: "not graded: the run's time budget ({seconds} s) was used up by earlier exercises.",
    ko: "채점하지 못했습니다. 이번 실행에 주어진 시간({seconds}초)을 앞의 문제들이 다 썼습니다.",
  },
});

/** Per-exercise limit, counted from when the file has loaded; WORKBOOK_CHECK_TIMEOUT_MS overrides it. */
export const DEFAULT_TIMEOUT_MS = envNumber("WORKBOOK_CHECK_TIMEOUT_MS", 10_000, 1, 24 * 3600_000);

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
  /** start a child for the last file's folder after grading, for the next check of a process that lives on (sandbox.ts, prepareSpare) */
  spare?: boolean;
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
  if (!spec) throw new Error(say.noCases({ id: ex.id, file: ex.file }));
  const hidden = withHidden ? (casesIn(HIDDEN_CHECKS_DIR, ex.file)[ex.id]?.cases ?? []) : [];
  if (!spec.lab || !spec.fromLab) return { spec, public: spec.cases, hidden };
  const measured = loadLabResult(spec.lab, labsDir);
  if (measured === undefined) {
    return { spec, public: [], hidden: [], skip: { status: "not-started", message: say.needsLab({ lab: spec.lab }) } };
  }
  // a run the lab itself found inconclusive grades nothing, whichever exercise reads it
  const inconclusive = (measured as { consistency?: { inconclusive?: unknown } } | null)?.consistency?.inconclusive;
  if (inconclusive) {
    return {
      spec,
      public: [],
      hidden: [],
      skip: { status: "not-counted", message: say.labInconclusive({ reason: String(inconclusive) }) },
    };
  }
  let built: ReturnType<NonNullable<ExerciseCases["fromLab"]>>;
  try {
    built = spec.fromLab(measured);
  } catch (err) {
    // a saved result is the student's file: one that breaks the check is "not started", never a crash of the run
    return {
      spec,
      public: [],
      hidden: [],
      skip: { status: "not-started", message: say.badLab({ lab: spec.lab, error: String((err as Error)?.message).slice(0, 200) }) },
    };
  }
  // a sentence instead of cases: this platform cannot grade the measurement
  if (!Array.isArray(built)) return { spec, public: [], hidden: [], skip: { status: "not-counted", message: tr(built) } };
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
async function runPhase(
  ex: Exercise,
  graded: GradedCases,
  cases: Case[],
  hidden: boolean,
  count: CaseCount,
  sandbox: Sandbox,
  fileJs: string,
  options: RunOptions,
): Promise<Phase> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (cases.length === 0) return { status: "passed", message: "" };
  const loaded = await sandbox.load(fileJs, timeoutMs);
  if (loaded === "timeout") return { status: "timed-out", message: say.loadTimeout({ file: ex.file, seconds: timeoutMs / 1000 }) };
  if (loaded !== "loaded") {
    if ("ended" in loaded) return { status: "failed", message: loaded.ended };
    return { status: "failed", message: say.loadFailed({ file: ex.file, error: loaded.threw ? thrownText(loaded.threw) : "" }) };
  }
  const deadline = Date.now() + timeoutMs;
  let firstFailure = "";
  for (const c of cases) {
    const r: CallResult | Ended | "timeout" = await sandbox.call(ex.export, c.args, deadline);
    if (r === "timeout") {
      return { status: "timed-out", message: say.callTimeout({ seconds: timeoutMs / 1000 }) };
    }
    if ("ended" in r) return { status: "failed", message: r.ended };
    if (r.threw?.notImplemented)
      return { status: "not-started", message: say.notStarted({ path: `${options.target ?? "exercises"}/${ex.file}`, name: ex.export }) };
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
async function gradeOne(
  ex: Exercise,
  boxes: { public: Sandbox; hidden: Sandbox },
  fileJs: string,
  options: RunOptions,
  typeErrs: string[],
): Promise<Verdict> {
  const started = Date.now();
  const graded = casesOf(ex, options.hidden ?? true, options.labsDir);
  const counts = { public: { passed: 0, total: graded.public.length }, hidden: { passed: 0, total: graded.hidden.length } };
  const done = (status: Status, message = "", hiddenMessage = ""): Verdict => {
    const passed = counts.public.passed + counts.hidden.passed;
    const total = counts.public.total + counts.hidden.total;
    const score = status === "not-started" || total === 0 ? 0 : roundPoints((ex.points * passed) / total);
    const maxScore = status === "not-counted" ? 0 : ex.points;
    return {
      id: ex.id,
      status,
      message,
      hiddenMessage,
      ms: Date.now() - started,
      score,
      maxScore,
      public: counts.public,
      hidden: counts.hidden,
      typeErrors: typeErrs,
    };
  };
  if (graded.skip) return done(graded.skip.status, graded.skip.message);
  const source = targetFile(options.target ?? "exercises", ex.file);
  if (!fs.existsSync(source)) return done("failed", say.missingFile({ path: path.relative(ROOT, source) }));
  const unreadable = sourceProblem(source); // a folder, a pipe, 50 MB: said here, never read
  if (unreadable) return done("failed", unreadable);
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
  const verdicts: Verdict[] = [];
  const endBy = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
  let current: { file: string; boxes: { public: Sandbox; hidden: Sandbox }; folder: SandboxFolder } | undefined;
  const killAll = () => {
    current?.boxes.public.kill();
    current?.boxes.hidden.kill();
  };
  /** Fresh processes, with their own folder, per exercise file. */
  const open = (file: string) => {
    killAll();
    const folder = buildSandbox(target, file);
    current = { file, boxes: { public: new Sandbox(folder.root, options.onOutput), hidden: new Sandbox(folder.root, () => {}) }, folder };
    return current;
  };
  try {
    // the first child starts while the type check runs and the teacher's cases load: most of a first check's wait
    if (exercises.length > 0) open(exercises[0].file).boxes.public.prestart();
    const types =
      options.typeCheck === false ? new Map<string, string[]>() : typeErrors(target, [...new Set(exercises.map((e) => e.file))]);
    for (const ex of exercises) {
      if (Date.now() > endBy) {
        const v = skipped(ex, say.budget({ seconds: options.budgetMs! / 1000 }));
        verdicts.push(v);
        onVerdict(v);
        continue;
      }
      const box = current?.file === ex.file ? current : open(ex.file);
      const v = await gradeOne(ex, box.boxes, box.folder.js, options, types.get(ex.file) ?? []);
      verdicts.push(v);
      onVerdict(v);
    }
  } finally {
    killAll();
  }
  if (options.spare && current) prepareSpare(current.folder.root);
  return verdicts;
}

/** A verdict for an exercise the run did not reach. */
function skipped(ex: Exercise, message: string): Verdict {
  const none = { passed: 0, total: 0 };
  return {
    id: ex.id,
    status: "failed",
    message,
    hiddenMessage: "",
    ms: 0,
    score: 0,
    maxScore: ex.points,
    public: none,
    hidden: none,
    typeErrors: [],
  };
}
