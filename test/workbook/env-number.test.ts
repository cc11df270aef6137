import { afterEach, describe, expect, it, vi } from "vitest";
import { envNumber } from "../../lib/workbook/env-number";

describe("envNumber: the grader's limits from the environment", () => {
  const NAME = "WORKBOOK_TEST_ENV_NUMBER";
  afterEach(() => {
    delete process.env[NAME];
    vi.restoreAllMocks();
  });

  it("takes a whole number in range, and the fallback when unset or empty, without a word", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(envNumber(NAME, 10, 1, 100)).toBe(10);
    for (const [raw, want] of [
      ["", 10],
      ["  ", 10],
      ["50", 50],
      ["1", 1],
      ["100", 100],
    ] as const) {
      process.env[NAME] = raw;
      expect(envNumber(NAME, 10, 1, 100), raw).toBe(want);
    }
    expect(warn).not.toHaveBeenCalled();
  });

  it("ignores anything else with one line naming the variable, the range and the value used", () => {
    const lines: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
    // a negative limit timed every exercise out at once; Infinity never did; "10s" was the default without a word
    for (const raw of ["-5", "0", "1e400", "10s", "2.5", "101", "NaN", `9${"9".repeat(100)}`, "1\n2"]) {
      lines.length = 0;
      process.env[NAME] = raw;
      expect(envNumber(NAME, 10, 1, 100), raw).toBe(10);
      expect(lines, raw).toHaveLength(1);
      expect(lines[0], raw).toMatch(new RegExp(`^${NAME} is ".*", which is not a whole number from 1 to 100; using 10\\.$`));
      expect(lines[0].length, raw).toBeLessThan(200);
    }
  });
});
