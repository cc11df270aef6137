/** The verdicts of the last `npm test` on exercises/, kept so progress can be shown without re-running. */
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./paths";
import { Verdict } from "./verdict";

export const LAST_RUN_FILE = path.join(ROOT, ".workbook", "last-run.json");

export function saveLastRun(verdicts: Verdict[]): void {
  fs.mkdirSync(path.dirname(LAST_RUN_FILE), { recursive: true });
  fs.writeFileSync(LAST_RUN_FILE, JSON.stringify(verdicts, null, 2));
}

export function loadLastRun(): Verdict[] | undefined {
  return fs.existsSync(LAST_RUN_FILE) ? JSON.parse(fs.readFileSync(LAST_RUN_FILE, "utf8")) : undefined;
}
