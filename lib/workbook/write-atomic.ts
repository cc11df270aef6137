/**
 * Writes a file of .workbook/ (caches, the last verdicts, the hint record) so
 * that no reader ever sees half of it: the text goes to a temporary file
 * beside it, which then replaces the file in one rename. A check run beside
 * this one, or this one stopped by Ctrl-C mid-write, leaves the old file or
 * the new one, never a torn one.
 */
import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";

export function writeFileAtomic(to: string, text: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  // the pid alone is not unique: two containers sharing a workbook folder can have the same one
  const temp = `${to}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, to);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
