/**
 * The last result of each lab, kept in .workbook/labs/<name>.json, so a
 * measure exercise can compare a student's prediction with the student's
 * own measurement. Running a lab (CLI or notebook, through runLab) saves it.
 * WORKBOOK_LABS_DIR moves the folder (tests run the CLI with it, so they
 * never overwrite a student's own results).
 */
import * as path from "node:path";
import { messages } from "../i18n";
import { readFileUpTo } from "../read-file";
import { saveRecord } from "../write-atomic";

const say = messages("lab/saved", {
  notSaved: {
    en: "Note: the result could not be saved in {file} (error code {code}); the measure exercises will not see it.",
    ko: "참고: 결과를 {file}에 저장하지 못했습니다 (오류 코드 {code}). 측정 연습 문제는 이 결과를 보지 못합니다.",
  },
});

export const LAB_RESULTS_DIR = process.env.WORKBOOK_LABS_DIR
  ? path.resolve(process.env.WORKBOOK_LABS_DIR)
  : path.resolve(__dirname, "..", "..", ".workbook", "labs");

/**
 * Saves a result whole (a temporary file, then one rename: two labs run at
 * once never leave half a file). A file system that refuses (a read-only
 * workbook, a full disk) costs one line on stderr, not the measurement.
 */
export function saveLabResult(name: string, result: unknown, dir = LAB_RESULTS_DIR): boolean {
  return saveRecord(path.join(dir, `${name}.json`), JSON.stringify(result, null, 2), say.notSaved);
}

/** A saved result is a few kilobytes; a file far bigger (or a link to /dev/zero) is not one, and is not read. */
export const MAX_LAB_RESULT_BYTES = 1_000_000;

/** The saved result, or undefined when the lab has not been run here (or its file is unreadable, not a file, or too big). */
export function loadLabResult(name: string, dir = LAB_RESULTS_DIR): unknown {
  const text = readFileUpTo(path.join(dir, `${name}.json`), MAX_LAB_RESULT_BYTES);
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}
