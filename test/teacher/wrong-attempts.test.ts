// Every exercise has a known-wrong attempt, a mistake a student is likely to
// make, and each must fail. The attempts at one exercise file's exercises sit
// together in test/teacher/fixtures/wrong/<file>.ts, so the whole target is
// graded in one run, as a student's files are: two sandbox children per file
// rather than two per exercise (each child costs about 0.1 s of CPU to start).
// Measure exercises grade against the recorded lab results in test/teacher/fixtures/labs/.
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tr } from "../../lib/i18n";
import { catalogue } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";
import { runChecks } from "../../lib/workbook/run-check";
import type { Verdict } from "../../lib/workbook/verdict";

const WRONG = "test/teacher/fixtures/wrong";
const LABS = path.join(ROOT, "test/teacher/fixtures/labs");

describe("known-wrong attempts fail", () => {
  const verdicts = new Map<string, Verdict>();
  beforeAll(async () => {
    for (const v of await runChecks(undefined, { target: WRONG, typeCheck: false, timeoutMs: 5000, labsDir: LABS, onOutput: () => {} }))
      verdicts.set(v.id, v);
  }, 120_000);

  for (const ex of catalogue) {
    it(`${ex.id} ${tr(ex.title)}`, () => {
      // the attempt is there: a missing export would fail too, for the wrong reason
      const file = path.join(ROOT, WRONG, ex.file);
      expect(fs.existsSync(file), `${WRONG}/${ex.file}`).toBe(true);
      expect(fs.readFileSync(file, "utf8"), `${WRONG}/${ex.file} exports ${ex.export}`).toMatch(
        new RegExp(`^export (async )?(function|const) ${ex.export}\\b`, "m"),
      );
      const v = verdicts.get(ex.id)!;
      expect(["failed", "timed-out"], `${ex.id}: ${v.status} ${v.message}`).toContain(v.status);
      expect(v.score).toBeLessThan(v.maxScore);
      expect(v.message.length).toBeGreaterThan(20);
    });
  }
});
