/**
 * The Gradescope autograder. `autograder <dir>` writes:
 *   <dir>/source/          what Gradescope unpacks into /autograder/source:
 *                          the trusted workbook (lib/, checks/ with the hidden
 *                          cases, the catalogue), setup.sh and run_autograder
 *   <dir>/autograder.zip   the same, ready to upload
 * `autograde <submission>` (what run_autograder calls) takes only the
 * exercise files from a submission, grades them with every case, and writes
 * results.json. Nothing else a student sends is used.
 */
import AdmZip from "adm-zip";
import * as fs from "node:fs";
import * as path from "node:path";
import { exerciseFiles } from "./catalogue";
import { gradeReport, type GradeReport } from "./grade";
import { hintsUsed } from "./hints";
import { CHECKS_DIR, ROOT } from "./paths";
import { checkSources, checkTarget, releaseFiles } from "./release";
import { runChecks } from "./run-check";
import { language, messages } from "../i18n";
import { verdictLine } from "./verdict";
import { envNumber } from "./env-number";
import { MAX_EXERCISE_BYTES } from "./exercise-source";
import { MAX_LAB_RESULT_BYTES } from "../lab/saved";

const say = messages("workbook/autograder", {
  notEmpty: {
    en: "autograder <dir> must be a new or empty folder; {dir} is not empty",
    ko: "autograder <dir>은 새 폴더나 빈 폴더여야 합니다. {dir}은 비어 있지 않습니다",
  },
  zipName: {
    en: "the zip cannot hold a file named {files} at the top of the workbook (a name every JavaScript object has); rename or remove it",
    ko: "워크북 맨 위에 있는 {files} 이름의 파일은 zip에 넣을 수 없습니다(모든 자바스크립트 객체가 가진 이름). 이름을 바꾸거나 지우세요",
  },
  missing: { en: "Not found in the submission: {files}.", ko: "제출물에 없는 파일: {files}." },
});

/** What the trusted copy leaves out: answers and everything grading does not need. */
const NOT_FOR_GRADING = [/^solutions\//, /^notebooks\//, /^docs\//, /^test\//, /^\.ci\//, /^\.github\//, /^TEACHING\.md$/, /^README/];

const SETUP_SH = `#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder image.
# Grading needs Node.js 20 or newer and the workbook's npm packages; no Python.
set -euo pipefail
cd "$(dirname "$0")"
major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 20 ]; then
  echo "[setup] installing Node.js 20 from NodeSource"
  apt-get update -qq
  apt-get install -y -qq ca-certificates curl gnupg
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y -qq nodejs
fi
echo "[setup] npm ci"
npm ci --no-audit --no-fund
`;

/** `lang`: the language of the feedback, the teacher's when the autograder was written (WORKBOOK_LANG overrides it). */
const runAutograder = (lang: string) => `#!/usr/bin/env bash
# Gradescope runs this for every submission. AUTOGRADER_ROOT (default
# /autograder) lets you try it locally: it reads $AUTOGRADER_ROOT/submission/
# and writes $AUTOGRADER_ROOT/results/results.json.
set -uo pipefail
# The language of the feedback (en or ko): yours when you wrote the autograder.
export WORKBOOK_LANG="\${WORKBOOK_LANG:-${lang}}"
ROOT="\${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
mkdir -p "$ROOT/results"
cd "$SOURCE"
# Student code runs as an unprivileged user when this script runs as root.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then export WORKBOOK_SANDBOX_USER=nobody; fi
node node_modules/ts-node/dist/bin.js --transpile-only scripts/workbook.ts autograde "$ROOT/submission" --out "$ROOT/results/results.json"
`;

export function autograderFiles(): string[] {
  return releaseFiles(ROOT, { keepTeacherFiles: true }).filter((f) => !NOT_FOR_GRADING.some((re) => re.test(f)));
}

/**
 * adm-zip keeps its entries in a plain object: a file named like a field of every object
 * ("constructor", "toString", "__proto__") at the top of the workbook is taken for an entry it
 * already has, and the zip fails half-written with a TypeError. Such a file (a report written
 * with `grade --out constructor`, say) is refused, by name, before anything is written.
 */
export function checkZipNames(files: string[]): string[] {
  const clash = files.filter((f) => f in Object.prototype);
  if (clash.length) throw new RangeError(say.zipName({ files: clash.map((f) => JSON.stringify(f)).join(", ") }));
  return files;
}

export function buildAutograder(dir: string): { dir: string; zip: string; files: number } {
  const target = checkTarget(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new RangeError(say.notEmpty({ dir: JSON.stringify(dir) }));
  }
  const source = path.join(target, "source");
  const zip = new AdmZip();
  const add = (rel: string, content: Buffer, mode = 0o644) => {
    const to = path.join(source, rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.writeFileSync(to, content, { mode });
    zip.addFile(rel, content, "", mode); // the Unix mode travels in the zip: run_autograder stays executable
  };
  const files = checkSources(checkZipNames(autograderFiles()));
  for (const f of files) add(f, fs.readFileSync(path.join(ROOT, f)));
  add("setup.sh", Buffer.from(SETUP_SH), 0o755);
  add("run_autograder", Buffer.from(runAutograder(language())), 0o755);
  const zipPath = path.join(target, "autograder.zip");
  zip.writeZip(zipPath);
  return { dir: target, zip: zipPath, files: files.length + 2 };
}

/** The submission's copy of an exercise file: exercises/<file>, or <file> anywhere a few folders down. */
function findSubmitted(submission: string, file: string): string | undefined {
  const direct = [path.join(submission, "exercises", file), path.join(submission, file)];
  // lstat, never stat: a submission's symlinks are not followed (into the trusted copy, say)
  const hit = direct.find((p) => fs.existsSync(p) && fs.lstatSync(p).isFile() && !fs.lstatSync(path.dirname(p)).isSymbolicLink());
  if (hit) return hit;
  const search = (dir: string, depth: number): string | undefined => {
    if (depth > 3) return undefined;
    for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
      if (d.name === "node_modules" || d.name.startsWith(".")) continue;
      const p = path.join(dir, d.name);
      if (d.isFile() && d.name === file) return p;
      if (d.isDirectory()) {
        const found = search(p, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return fs.existsSync(submission) ? search(submission, 0) : undefined;
}

/**
 * Copies a submitted exercise file. One too big to grade is not read (a 3 GB file failed the whole
 * run, past readFileSync's limit): its stand-in is a sparse file of the same size, which the grader
 * refuses unread, naming the size, as it would the original.
 */
function copySubmitted(from: string, to: string): void {
  const { size } = fs.lstatSync(from);
  if (size <= MAX_EXERCISE_BYTES) {
    fs.writeFileSync(to, fs.readFileSync(from));
  } else {
    fs.writeFileSync(to, "");
    fs.truncateSync(to, size);
  }
}

/** The whole run's limit, well inside Gradescope's default 10 minutes; WORKBOOK_GRADING_BUDGET_MS overrides it. */
export const GRADING_BUDGET_MS = envNumber("WORKBOOK_GRADING_BUDGET_MS", 6 * 60_000, 1, 24 * 3600_000);

/** The folders directly inside a folder (a submission may arrive wrapped in one). */
function subfolders(dir: string): string[] {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !d.name.startsWith("."))
        .map((d) => path.join(dir, d.name))
    : [];
}

/** Where a submission's exercise files are graded: a fresh folder beside exercises/ (so "../lib" resolves). */
export const SUBMITTED = "submitted";

/** Grades a submission folder in this trusted copy; always returns a complete report. */
export async function autograde(submission: string, log: (s: string) => void = () => {}): Promise<GradeReport> {
  const started = Date.now();
  const missing: string[] = [];
  const into = path.join(ROOT, SUBMITTED);
  fs.rmSync(into, { recursive: true, force: true });
  fs.mkdirSync(into);
  for (const file of exerciseFiles()) {
    const from = findSubmitted(submission, file);
    if (from) copySubmitted(from, path.join(into, file));
    else missing.push(file);
  }
  if (process.env.WORKBOOK_SANDBOX_USER) fs.chmodSync(CHECKS_DIR, 0o700); // the answers: root only
  // a student's own measurements (measure exercises) and hint record travel in their .workbook/
  const own = [path.join(submission, ".workbook"), ...subfolders(submission).map((d) => path.join(d, ".workbook"))].find(
    (d) => fs.existsSync(d) && fs.lstatSync(d).isDirectory(),
  );
  const labsDir = path.join(ROOT, ".workbook", "submitted-labs");
  fs.rmSync(labsDir, { recursive: true, force: true });
  fs.mkdirSync(labsDir, { recursive: true });
  if (own && fs.existsSync(path.join(own, "labs")) && fs.lstatSync(path.join(own, "labs")).isDirectory()) {
    for (const f of fs.readdirSync(path.join(own, "labs")).filter((n) => /^[a-z-]+\.json$/.test(n))) {
      const from = path.join(own, "labs", f);
      const st = fs.lstatSync(from);
      if (st.isFile() && st.size <= MAX_LAB_RESULT_BYTES) fs.copyFileSync(from, path.join(labsDir, f)); // a bigger one is no result
    }
  }
  const hints = own ? hintsUsed(path.join(own, "hints.json")) : {};
  // Type errors are informational; on a submission the compiler itself could be made to run out of memory, so it is not run.
  const verdicts = await runChecks(undefined, { target: SUBMITTED, labsDir, typeCheck: false, budgetMs: GRADING_BUDGET_MS }, (v) =>
    log(verdictLine(v)),
  );
  const report = gradeReport(verdicts, (Date.now() - started) / 1000, hints);
  if (missing.length) {
    report.output += ` ${say.missing({ files: missing.map((f) => `exercises/${f}`).join(", ") })}`;
  }
  return report;
}
