// Every exercise has a known-wrong attempt (test/teacher/fixtures/wrong/<id>/),
// a mistake a student is likely to make; each must fail. Measure exercises
// grade against the recorded lab results in test/teacher/fixtures/labs/.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { tr } from "../../lib/i18n";
import { catalogue } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";
import { runChecks } from "../../lib/workbook/run-check";

const WRONG = "test/teacher/fixtures/wrong";
const LABS = path.join(ROOT, "test/teacher/fixtures/labs");

describe("known-wrong attempts fail", () => {
  for (const ex of catalogue) {
    it(`${ex.id} ${tr(ex.title)}`, async () => {
      const target = `${WRONG}/${ex.id}`;
      expect(fs.existsSync(path.join(ROOT, target, ex.file)), `${target}/${ex.file}`).toBe(true);
      const [v] = await runChecks([ex.id], { target, typeCheck: false, timeoutMs: 5000, labsDir: LABS, onOutput: () => {} });
      expect(["failed", "timed-out"], `${ex.id}: ${v.status} ${v.message}`).toContain(v.status);
      expect(v.score).toBeLessThan(v.maxScore);
      expect(v.message.length).toBeGreaterThan(20);
    });
  }
});
