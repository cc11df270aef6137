/**
 * `release <dir>`: the student copy a teacher hands out. Every file git
 * tracks, except the reference solutions and this repository's CI; the
 * tests then grade exercises/ alone. It refuses a folder that is not empty,
 * so it can never overwrite a student's work.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./paths";

/** A file at the root of a student copy: tells the tests that solutions/ is left out on purpose. */
export const STUDENT_COPY_MARKER = ".workbook-student-copy";

/** Paths (relative, "/"-separated) that stay with the teacher. */
export const TEACHER_ONLY = [/^solutions\//, /^\.ci\//];

export function releaseFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-z"], { cwd: ROOT, encoding: "utf8" });
  return out.split("\0").filter((f) => f && !TEACHER_ONLY.some((re) => re.test(f)));
}

export function release(dir: string): { dir: string; files: number } {
  const target = path.resolve(dir);
  if (target === ROOT || target.startsWith(ROOT + path.sep)) {
    throw new RangeError(`release <dir> must be outside the workbook (${ROOT}); got ${JSON.stringify(dir)}`);
  }
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new RangeError(`release <dir> must be a new or empty folder, so nothing is overwritten; ${JSON.stringify(dir)} is not empty`);
  }
  const files = releaseFiles();
  for (const f of files) {
    const to = path.join(target, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), to);
  }
  fs.writeFileSync(path.join(target, STUDENT_COPY_MARKER), "A student copy of the workbook, made by `npm run workbook -- release`: solutions/ is left out on purpose.\n");
  return { dir: target, files: files.length };
}
