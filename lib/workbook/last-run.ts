/**
 * The verdicts of the last check of exercises/ (from `check`, `grade`,
 * `npm test` or a notebook), with a hash of each exercise file as it was
 * then. `progress` reads this instead of grading again, and names the files
 * changed since.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { hashOf } from "./build";
import { catalogue, exerciseFiles } from "./catalogue";
import { exerciseText } from "./exercise-source";
import { ROOT, targetFile } from "./paths";
import type { Verdict } from "./verdict";
import { saveRecord } from "../write-atomic";

export const LAST_RUN_FILE = path.join(ROOT, ".workbook", "last-run.json");

interface LastRun {
  verdicts: Verdict[];
  /** exercise file → hash of its content when it was last checked */
  hashes: Record<string, string>;
}

const hashFile = (file: string) => {
  const text = exerciseText(targetFile("exercises", file));
  return text === undefined ? "" : hashOf(text); // "" for a file that is gone (or a folder, a pipe, too big)
};

function read(): LastRun | undefined {
  try {
    const j = JSON.parse(fs.readFileSync(LAST_RUN_FILE, "utf8"));
    return Array.isArray(j.verdicts) ? j : undefined;
  } catch {
    return undefined; // none yet, or unreadable: grade again
  }
}

/** Merges new verdicts (of exercises/) into the saved ones. */
export function saveLastRun(verdicts: Verdict[]): void {
  const last = read() ?? { verdicts: [], hashes: {} };
  const byId = new Map(last.verdicts.map((v) => [v.id, v]));
  for (const v of verdicts) byId.set(v.id, v);
  for (const file of new Set(verdicts.map((v) => catalogue.find((e) => e.id === v.id)?.file).filter(Boolean) as string[])) {
    last.hashes[file] = hashFile(file);
  }
  saveRecord(LAST_RUN_FILE, JSON.stringify({ verdicts: [...byId.values()], hashes: last.hashes }, null, 2));
}

/** The saved verdicts, and the exercise files that changed since they were made. */
export function loadLastRun(): { verdicts: Verdict[]; changed: string[] } | undefined {
  const last = read();
  if (!last) return undefined;
  const files = exerciseFiles();
  return {
    verdicts: last.verdicts,
    changed: files.filter((f) => last.hashes[f] !== undefined && last.hashes[f] !== hashFile(f)).map((f) => `exercises/${f}`),
  };
}
