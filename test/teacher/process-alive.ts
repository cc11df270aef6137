// Whether a process is still running, for tests of what ends the sandbox children (Linux: reads /proc).
import * as fs from "node:fs";

/** True while `pid` runs: a zombie (ended, not yet reaped by its parent) counts as ended. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}
