/**
 * The last result of each lab, kept in .workbook/labs/<name>.json, so a
 * measure exercise can compare a student's prediction with the student's
 * own measurement. Running a lab (CLI or notebook, through runLab) saves it.
 * WORKBOOK_LABS_DIR moves the folder (tests run the CLI with it, so they
 * never overwrite a student's own results).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const LAB_RESULTS_DIR = process.env.WORKBOOK_LABS_DIR
  ? path.resolve(process.env.WORKBOOK_LABS_DIR)
  : path.resolve(__dirname, "..", "..", ".workbook", "labs");

export function saveLabResult(name: string, result: unknown): void {
  fs.mkdirSync(LAB_RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(LAB_RESULTS_DIR, `${name}.json`), JSON.stringify(result, null, 2));
}

/** The saved result, or undefined when the lab has not been run here (or its file is unreadable). */
export function loadLabResult(name: string, dir = LAB_RESULTS_DIR): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8"));
  } catch {
    return undefined;
  }
}
