/**
 * A student's exercise file as the grader reads it: the file may be in the
 * middle of an edit (a syntax error), gone, replaced by a folder or a pipe,
 * or pasted full of data. None of these may stop the grading of the other
 * exercises or end in a stack trace: each becomes the verdict of the
 * exercises in that file, and the grader itself reads at most
 * MAX_EXERCISE_BYTES (TypeScript and swc hold a file many times over in
 * memory: a 50 MB file took the grader past its heap).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { type Localized, messages } from "../i18n";
import { ROOT } from "./paths";
import { readFileUpTo } from "../read-file";

/** An exercise file is a few kilobytes; a thousand times that is not an answer. */
export const MAX_EXERCISE_BYTES = 1_000_000;

const say = messages("workbook/exercise-source", {
  notAFile: { en: "{path} is not a file.", ko: "{path}은(는) 파일이 아닙니다." },
  tooBig: {
    en: "{path} is {bytes} bytes; an exercise file is graded up to {max} bytes.",
    ko: "{path}의 크기는 {bytes}바이트입니다. 연습 문제 파일은 {max}바이트까지만 채점합니다.",
  },
  syntax: { en: "{path} does not parse: {error}", ko: "{path}을(를) 해석할 수 없습니다: {error}" },
});

const shown = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

/** Why the file cannot be read as an exercise (other than being absent), or undefined when it can. */
export function sourceProblem(file: string): Localized | undefined {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return undefined;
  if (!st.isFile()) return say.notAFile({ path: shown(file) });
  if (st.size > MAX_EXERCISE_BYTES) return say.tooBig({ path: shown(file), bytes: st.size, max: MAX_EXERCISE_BYTES });
  return undefined;
}

/** The file's text, or undefined when it is absent, not a file or too big (sourceProblem says which). */
export function exerciseText(file: string): string | undefined {
  return readFileUpTo(file, MAX_EXERCISE_BYTES);
}

/** A student's file that swc cannot parse: its message is the verdict. */
export class SourceSyntaxError extends SyntaxError {}

/** swc's complaint about a file, without its Rust back trace, with the path as the workbook names it. */
export function syntaxError(file: string, err: unknown): SourceSyntaxError {
  const raw = err instanceof Error ? err.message : String(err);
  const error = raw
    .split(/\n\s*\nCaused by:/)[0]
    .split(`${ROOT}${path.sep}`)
    .join("")
    .trim()
    .slice(0, 2000);
  return new SourceSyntaxError(say.syntax({ path: shown(file), error }));
}
