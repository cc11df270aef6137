// .workbook/last-run.json read back: a record damaged or edited by hand counts as no record, or
// loses only what does not have a verdict's shape; it never ends `progress` or `check` in a TypeError.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadLastRun } from "../../lib/workbook/last-run";
import type { Verdict } from "../../lib/workbook/verdict";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "last-run-"));
const file = path.join(dir, "last-run.json");
const VERDICT: Verdict = {
  id: "4.1a",
  status: "failed",
  message: "m",
  hiddenMessage: "",
  ms: 3,
  score: 0.5,
  maxScore: 2,
  public: { passed: 1, total: 4 },
  hidden: { passed: 0, total: 0 },
  typeErrors: [],
};

describe("loadLastRun on a damaged record", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps the verdicts that have a verdict's shape and drops the rest; hashes that are not an object count as none", () => {
    const bad = [null, 5, "x", { id: {} }, { ...VERDICT, score: "1" }, { ...VERDICT, status: "won" }, { ...VERDICT, typeErrors: [1] }];
    fs.writeFileSync(file, JSON.stringify({ verdicts: [...bad, VERDICT], hashes: null }));
    expect(loadLastRun(file)).toEqual({ verdicts: [VERDICT], changed: [] });
  });

  it("a folder, a link to /dev/zero or a file of another shape is no record at all", () => {
    fs.rmSync(file);
    fs.symlinkSync("/dev/zero", file);
    expect(loadLastRun(file)).toBeUndefined();
    fs.rmSync(file);
    fs.mkdirSync(file);
    expect(loadLastRun(file)).toBeUndefined();
    fs.rmdirSync(file);
    for (const text of ["null", "[]", '{"verdicts": {}}', "{"]) {
      fs.writeFileSync(file, text);
      expect(loadLastRun(file), text).toBeUndefined();
    }
  });
});
