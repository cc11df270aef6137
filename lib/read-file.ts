/**
 * Reads a file the workbook finds by name (an exercise, a cache entry, a
 * saved record) only when it is an ordinary file of a size the workbook could
 * have written: a folder, a pipe (whose read would wait for ever), a device
 * (/dev/zero reads without end) or a file far too big gives undefined, as
 * does one that cannot be read. The caller then treats it as missing.
 */
import * as fs from "node:fs";

/** The text of `file`, or undefined when it is not an ordinary readable file of at most `maxBytes`. */
export function readFileUpTo(file: string, maxBytes: number): string | undefined {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size > maxBytes) return undefined;
    const text = fs.readFileSync(file, "utf8");
    return text.length > maxBytes ? undefined : text; // it grew between the two looks
  } catch {
    return undefined; // gone (or replaced) since, or not ours to read
  }
}
