/** Where things are, from the workbook root (the folder with package.json). */
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** The teacher's graders: public cases ship with every copy ... */
export const CHECKS_DIR = path.join(ROOT, "checks");
/** ... hidden cases never leave the teacher's copy (release leaves them out). */
export const HIDDEN_CHECKS_DIR = path.join(CHECKS_DIR, "hidden");

export type Target = "exercises" | "solutions" | string;

/** Absolute path of an exercise file in a target folder (exercises/, solutions/ or another copy). */
export function targetFile(target: Target, file: string): string {
  return path.resolve(ROOT, target, file);
}
