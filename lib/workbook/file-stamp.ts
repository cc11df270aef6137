/**
 * What a file is now, from its stat alone, for what a process that lives on
 * (a notebook kernel, `check --watch`) keeps between checks: the sources of
 * lib/ it read, the sandbox files it verified. A student does not edit lib/
 * during a session; when someone does, the stamp changes and the kept value
 * is not used.
 *
 * The stamp is the device, inode, size, type and permissions, and the
 * modification and change times in nanoseconds: an edit that keeps the size
 * changes the times, a file replaced by a rename changes the inode, and the
 * change time cannot be set back by anyone. A file changed in the last
 * RECENT_NS has no stamp (undefined: read it again): on a file system whose
 * clock ticks coarsely, a second edit within the same tick would keep the
 * times (git calls such an entry "racily clean"). A file changed longer ago
 * gets a new time from any later edit, whatever the granularity.
 *
 * Take the stamp before reading the file: a change between the two then
 * shows as a different stamp the next time.
 */
import * as fs from "node:fs";

/** Far more than any file system's time granularity (FAT: 2 s). */
const RECENT_NS = 3_000_000_000n;

/** The file's stamp, or undefined when it is absent, unreadable or changed too recently to be told apart from a next edit. */
export function fileStamp(file: string): string | undefined {
  let st: fs.BigIntStats | undefined;
  try {
    st = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!st) return undefined;
  const now = BigInt(Date.now()) * 1_000_000n;
  // a time in the future (a clock set back, another machine's clock) is recent too
  if (now - st.mtimeNs < RECENT_NS || now - st.ctimeNs < RECENT_NS) return undefined;
  return `${st.dev}:${st.ino}:${st.mode}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * Values made from files, kept while every one of those files keeps its
 * stamp. `make` reads the files itself (after their stamps were taken); with
 * any file unstamped its value is made and not kept.
 */
export class StampedMemo<T> {
  private readonly kept = new Map<string, { stamps: string; value: T }>();

  get(key: string, files: readonly string[], make: () => T): T {
    const stamps: string[] = [];
    for (const f of files) {
      const s = fileStamp(f);
      if (s === undefined) {
        this.kept.delete(key);
        return make();
      }
      stamps.push(`${f}\0${s}`);
    }
    const joined = stamps.join("\n");
    const known = this.kept.get(key);
    if (known?.stamps === joined) return known.value;
    const value = make();
    this.kept.set(key, { stamps: joined, value });
    return value;
  }
}
