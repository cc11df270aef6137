/** Where things are, from the workbook root (the folder with package.json). */
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

export type Target = "exercises" | "solutions" | string;

/** Absolute path of an exercise file in a target folder (exercises/, solutions/ or another copy). */
export function targetFile(target: Target, file: string): string {
  return path.resolve(ROOT, target, file);
}

/** The check module for an exercise file: lib/workbook/checks/<same name>. */
export function checksFile(file: string): string {
  return path.join(ROOT, "lib", "workbook", "checks", file);
}
