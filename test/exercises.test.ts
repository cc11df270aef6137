// Grades every exercise of the catalogue twice: against exercises/ (the
// student's work: a stub is "not started", i.e. skipped) and against
// solutions/ (the reference: everything must pass).
import * as fs from "node:fs";
import { afterAll, describe, it } from "vitest";
import { catalogue } from "../lib/workbook/catalogue";
import { saveLastRun } from "../lib/workbook/last-run";
import { ROOT } from "../lib/workbook/paths";
import { STUDENT_COPY_MARKER } from "../lib/workbook/release";
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

// A student copy made by `release` has no solutions/ (and says so with its marker file); the repository must.
const haveSolutions = fs.existsSync(`${ROOT}/solutions`);
if (haveSolutions) {
  describe("reference solutions (solutions/)", () => {
    for (const ex of catalogue) {
      it(`${ex.id} ${ex.title}`, async () => {
        const v = await runCheck(ex.id, { target: "solutions" });
        if (v.status !== "passed") throw new Error(formatVerdict(v, ex.title));
      });
    }
  });
} else if (!fs.existsSync(`${ROOT}/${STUDENT_COPY_MARKER}`)) {
  it("solutions/ exists", () => {
    throw new Error("solutions/ is missing, and this is not a student copy made by `npm run workbook -- release`");
  });
}
