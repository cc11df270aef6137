// Grades every exercise of the catalogue twice: against exercises/ (the
// student's work: a stub is "not started", i.e. skipped) and against
// solutions/ (the reference: everything must pass).
import * as fs from "node:fs";
import { afterAll, describe, it } from "vitest";
import { catalogue } from "../lib/workbook/catalogue";
import { saveLastRun } from "../lib/workbook/last-run";
import { ROOT } from "../lib/workbook/paths";
import { runCheck } from "../lib/workbook/run-check";
import { formatVerdict, Verdict } from "../lib/workbook/verdict";

describe("your exercises (exercises/)", () => {
  const verdicts: Verdict[] = [];
  afterAll(() => saveLastRun(verdicts));

  for (const ex of catalogue) {
    it(`${ex.id} ${ex.title}`, async (ctx) => {
      const v = await runCheck(ex.id, { target: "exercises" });
      verdicts.push(v);
      if (v.status === "not-started") ctx.skip(`not started: ${v.message}`);
      if (v.status !== "passed") throw new Error(formatVerdict(v, ex.title));
    });
  }
});

const haveSolutions = fs.existsSync(`${ROOT}/solutions`);
describe("reference solutions (solutions/)", () => {
  if (!haveSolutions) {
    // A student copy made by `release` has no solutions/; the repository must.
    if (process.env.CI) it("solutions/ exists", () => { throw new Error("solutions/ is missing"); });
    return;
  }
  for (const ex of catalogue) {
    it(`${ex.id} ${ex.title}`, async () => {
      const v = await runCheck(ex.id, { target: "solutions" });
      if (v.status !== "passed") throw new Error(formatVerdict(v, ex.title));
    });
  }
});
