// The grader itself: a wrong answer fails with a message that teaches, an
// endless loop times out alone, a crash is reported, and the rest is graded.
import { describe, expect, it } from "vitest";
import { runChecks } from "../../lib/workbook/run-check";

describe("grader on a made-up attempt (test/fixtures/attempts)", () => {
  it("grades each exercise on its own", async () => {
    const [wrong, loop, crash, right] = await runChecks(["4.1a", "4.1b", "4.1c", "4.1d"], {
      target: "test/fixtures/attempts",
      timeoutMs: 3000,
    });
    expect(wrong.status).toBe("failed");
    expect(wrong.message).toMatch(/expected .*port: 80/s);
    expect(wrong.message).toMatch(/got .*port: 8080/s);
    expect(wrong.message).toMatch(/why it matters/);
    expect(loop.status).toBe("timed-out");
    expect(loop.message).toMatch(/loops forever/);
    expect(crash.status).toBe("failed");
    expect(crash.message).toMatch(/threw.*boom/s);
    expect(right.status).toBe("passed");
  });

  it("rejects an unknown exercise id, listing the valid ones", async () => {
    await expect(runChecks(["9.9z"])).rejects.toThrow(/Valid ids: 4\.1a/);
  });
});
