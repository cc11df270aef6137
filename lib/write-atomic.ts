/**
 * Writes a file of .workbook/ (caches, the last verdicts, the hint record, lab results) so
 * that no reader ever sees half of it: the text goes to a temporary file
 * beside it, which then replaces the file in one rename. A check run beside
 * this one, or this one stopped by Ctrl-C mid-write, leaves the old file or
 * the new one, never a torn one.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { messages, type Message } from "./i18n";

const say = messages("write-atomic", {
  notSaved: {
    en: "Note: {file} could not be saved (error code {code}); the result stands, but it is not remembered.",
    ko: "참고: {file}을(를) 저장하지 못했습니다 (오류 코드 {code}). 결과는 그대로지만 기록되지는 않습니다.",
  },
});

export function writeFileAtomic(to: string, text: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  // the pid alone is not unique: two containers sharing a workbook folder can have the same one
  const temp = `${to}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, to);
  } catch (e) {
    removeQuietly(temp);
    if (e instanceof Error && (e as NodeJS.ErrnoException).path === temp) (e as NodeJS.ErrnoException).path = to; // name the file the user knows
    throw e;
  }
}

/**
 * writeFileAtomic for a record that only remembers something (the last
 * verdicts, the hints opened): when the file system refuses (a read-only
 * workbook, a full disk), one line on stderr says so and the command goes
 * on, instead of failing after its work was done. Returns whether it saved.
 * `notSaved` words that line ({file}, {code}) for a record that says more.
 */
export function saveRecord(to: string, text: string, notSaved: Message = say.notSaved): boolean {
  try {
    writeFileAtomic(to, text);
    return true;
  } catch (e) {
    if (!isFsError(e)) throw e;
    console.warn(notSaved({ file: to, code: String((e as NodeJS.ErrnoException).code) }));
    return false;
  }
}

/**
 * writeFileAtomic for a cache entry: when the file system refuses, nothing is
 * said (the answer was computed and is used; a later run computes it again).
 */
export function cacheQuietly(to: string, text: string): void {
  try {
    writeFileAtomic(to, text);
  } catch (e) {
    if (!isFsError(e)) throw e;
  }
}

/** An error of the file system (it names a system call), not a bug of ours. */
const isFsError = (e: unknown): boolean =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string";

/** Removes a temporary file that may not exist (or not be removable: a read-only file system says EROFS even then). */
function removeQuietly(file: string): void {
  try {
    fs.rmSync(file, { force: true });
  } catch {}
}
