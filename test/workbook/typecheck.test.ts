// Type errors in an exercise file show under the verdict (file, line,
// message) and do not stop the check: the code still runs and is graded.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runChecks } from "../../lib/workbook/run-check";
import { ROOT } from "../../lib/workbook/paths";

const TARGET = ".tmp-typecheck-test";

describe("type errors", () => {
  afterAll(() => fs.rmSync(path.join(ROOT, TARGET), { recursive: true, force: true }));

  it("are listed with file and line under a verdict that is still decided", async () => {
    fs.mkdirSync(path.join(ROOT, TARGET), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, TARGET, "tcp-connections.ts"),
      [
        "export function segmentCount(bytes: number, mss = 1460): number {",
        "  const label: string = bytes; // a type error: number is not string",
        "  return label === undefined ? 0 : 1;",
        "}",
        "",
      ].join("\n"),
    );
    const [v] = await runChecks(["4.1b"], { target: TARGET, onOutput: () => {} });
    expect(v.typeErrors).toHaveLength(1);
    expect(v.typeErrors[0]).toMatch(new RegExp(`^${TARGET}/tcp-connections.ts:2:9 Type 'number' is not assignable to type 'string'`));
    expect(v.status).toBe("failed"); // graded anyway: it returns 1 for every input
    expect(v.public.passed).toBeGreaterThan(0);
  }, 60_000);
});
