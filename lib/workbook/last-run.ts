/**
 * The verdicts of the last check of exercises/ (from `check`, `grade`,
 * `npm test` or a notebook), with a hash of each exercise file as it was
 * then. `progress` reads this instead of grading again, and names the files
 * changed since.
 */
import * as path from "node:path";
import { hashOf } from "./build";
import { catalogue, exerciseFiles } from "./catalogue";
import { exerciseText } from "./exercise-source";
import { ROOT, targetFile } from "./paths";
import { isVerdict, type Verdict } from "./verdict";
import { readFileUpTo } from "../read-file";
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

/** Far more than the verdicts of every exercise take (a few hundred kilobytes); a bigger file is no record of ours. */
const MAX_LAST_RUN_BYTES = 8 * 1024 * 1024;

/**
 * The record, or undefined when there is none. Read as a file of ours that may have been damaged or
 * edited: not a file (a link to /dev/zero was read for ever), too big, or not JSON counts as none;
 * verdicts without a verdict's shape and hashes that are not strings are left out (such a record
 * made `progress` and `check` end in a TypeError's stack trace).
 */
function read(file = LAST_RUN_FILE): LastRun | undefined {
  const text = readFileUpTo(file, MAX_LAST_RUN_BYTES);
  if (text === undefined) return undefined;
  try {
    const j: unknown = JSON.parse(text);
    if (typeof j !== "object" || j === null || !Array.isArray((j as LastRun).verdicts)) return undefined;
    const { verdicts, hashes } = j as { verdicts: unknown[]; hashes: unknown };
    const files = new Set(exerciseFiles());
    const hashList = typeof hashes === "object" && hashes !== null ? Object.entries(hashes) : [];
    return {
      verdicts: verdicts.filter(isVerdict),
      hashes: Object.fromEntries(hashList.filter(([file, hash]) => files.has(file) && typeof hash === "string")),
    };
  } catch {
    return undefined; // unreadable: grade again
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

/** The saved verdicts, and the exercise files that changed since they were made (`file`: another record, for tests). */
export function loadLastRun(file = LAST_RUN_FILE): { verdicts: Verdict[]; changed: string[] } | undefined {
  const last = read(file);
  if (!last) return undefined;
  const files = exerciseFiles();
  return {
    verdicts: last.verdicts,
    changed: files.filter((f) => last.hashes[f] !== undefined && last.hashes[f] !== hashFile(f)).map((f) => `exercises/${f}`),
  };
}
