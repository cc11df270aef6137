/**
 * Reads a file the workbook finds by name (an exercise, a cache entry, a
 * saved record) only when it is an ordinary file of a size the workbook could
 * have written: a folder, a pipe (whose read would wait for ever), a device
 * (/dev/zero reads without end) or a file far too big gives undefined, as
 * does one that cannot be read. The caller then treats it as missing.
 */
import * as fs from "node:fs";

/** Opening a pipe that has no writer returns at once instead of waiting for one (no effect on a file). */
const NO_WAIT = fs.constants.O_NONBLOCK ?? 0;

/** The text of `file`, or undefined when it is not an ordinary readable file of at most `maxBytes`. */
export function readFileUpTo(file: string, maxBytes: number): string | undefined {
  let fd: number | undefined;
  try {
    // one open file for the look and the read: what is read is what was looked at, even if the name is swapped meanwhile
    fd = fs.openSync(file, fs.constants.O_RDONLY | NO_WAIT);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    // at most maxBytes + 1 bytes, however much the file grows while it is read: one more means too big
    let buffer = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return undefined;
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(Math.min(buffer.length, maxBytes + 1 - buffer.length))]);
    }
    return buffer.toString("utf8", 0, length);
  } catch {
    return undefined; // gone, or not ours to read
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
