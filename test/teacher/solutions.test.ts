// The reference solutions pass every case, public and hidden: the literal
// expectations in checks/ and the reference answers agree. Teacher only.
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tr } from "../../lib/i18n";
import { catalogue } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";
import { runChecks } from "../../lib/workbook/run-check";
import { formatVerdict, type Verdict } from "../../lib/workbook/verdict";

describe("reference solutions (solutions/)", () => {
  const verdicts = new Map<string, Verdict>();
  beforeAll(async () => {
    // measure exercises grade against lab results recorded on a Linux machine
    const labsDir = path.join(ROOT, "test/teacher/fixtures/labs");
    for (const v of await runChecks(undefined, { target: "solutions", labsDir })) verdicts.set(v.id, v);
  }, 300_000);

  for (const ex of catalogue) {
    it(`${ex.id} ${tr(ex.title)}: every public and hidden case, no type error`, () => {
      const v = verdicts.get(ex.id)!;
      if (v.status !== "passed") throw new Error(formatVerdict(v, ex.title));
      if (ex.kind === "implement") expect(v.hidden.total).toBeGreaterThanOrEqual(3);
      expect(v.score).toBe(ex.points);
      expect(v.typeErrors).toEqual([]);
    });
  }
});
