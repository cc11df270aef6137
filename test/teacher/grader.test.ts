// The grader against wrong, broken and hostile student code
// (test/teacher/fixtures/attempts): each exercise fails alone with a clear
// message, the rest is graded, and nothing the student's code does can
// raise a score or reach the answers.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { runChecks } from "../../lib/workbook/run-check";
import { ROOT } from "../../lib/workbook/paths";

const ATTEMPTS = "test/teacher/fixtures/attempts";
const grade = (ids: string[]) => runChecks(ids, { target: ATTEMPTS, timeoutMs: 2000, typeCheck: false, onOutput: () => {} });

describe("grader on made-up attempts", () => {
  it("grades each exercise on its own: wrong, endless loop, crash, right", async () => {
    const [wrong, loop, crash, right] = await grade(["4.1a", "4.1b", "4.1c", "4.1d"]);
    expect(wrong.status).toBe("failed");
    expect(wrong.message).toMatch(/expected .*port: 80/s);
    expect(wrong.message).toMatch(/got .*port: 8080/s);
    expect(wrong.message).toMatch(/why it matters/);
    expect(wrong.score).toBeGreaterThan(0); // partial credit: some cases pass
    expect(wrong.score).toBeLessThan(wrong.maxScore);
    expect(loop.status).toBe("timed-out");
    expect(loop.message).toMatch(/loops forever/);
    expect(crash.status).toBe("failed");
    expect(crash.message).toMatch(/Error: boom/);
    expect(right.status).toBe("passed");
    expect(right.score).toBe(right.maxScore);
  });

  it("survives exit, memory, odd throws, promises that never settle, processes and file writes", async () => {
    const stray = path.join(ROOT, "..", "stolen.txt");
    fs.rmSync(stray, { force: true });
    const v = Object.fromEntries((await grade(["4.2a", "4.2b", "4.2c", "4.2d", "4.2e", "4.2f", "4.2g"])).map((x) => [x.id, x]));
    expect(v["4.2a"].message).toMatch(/ended the process running it/);
    expect(v["4.2b"].message).toMatch(/more memory than allowed/);
    expect(v["4.2c"].message).toMatch(/an error was thrown: object/);
    expect(v["4.2d"].status).toBe("timed-out");
    expect(v["4.2d"].message).toMatch(/never settles/);
    expect(v["4.2e"].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(v["4.2f"].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(v["4.2g"].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(fs.existsSync(stray)).toBe(false);
    for (const x of Object.values(v)) {
      expect(x.status).not.toBe("passed");
      expect(x.score).toBe(0);
    }
  }, 60_000);

  it("fails an exercise that answers with the workbook's own model, naming it", async () => {
    const [direct, namespace, forged] = await grade(["4.3a", "4.3b", "4.3c"]);
    expect(direct.status).toBe("failed");
    expect(direct.message).toMatch(/uses parseConnectionHeader from lib\/http\/connection-header/);
    expect(namespace.message).toMatch(/uses everything from lib\/http\/index/);
    expect(forged.message).toMatch(/uses process/);
    for (const x of [direct, namespace, forged]) expect(x.score).toBe(0);
  });

  it("rejects an unknown exercise id, listing the valid ones", async () => {
    await expect(runChecks(["9.9z"])).rejects.toThrow(/Valid ids: 4\.1a/);
  });
});
