// What the grader shows of a student's returned value or changed arguments: whatever the value,
// a few lines, made in little time (util.inspect alone lists every field of an object).
import { describe, expect, it } from "vitest";
import type { ExerciseCases } from "../../lib/workbook/cases";
import { judge, show } from "../../lib/workbook/compare";

const SPEC: ExerciseCases = { why: { en: "why", ko: "이유" }, cases: [], pure: true };
const CASE = { args: [{ a: 1 }], expect: { total: 1 } };

/** An object with `n` fields, as the sandbox's structured clone hands one over. */
function fields(n: number): Record<string, number> {
  const o: Record<string, number> = {};
  for (let i = 0; i < n; i++) o[`k${i}`] = i;
  return o;
}

describe("show and judge on values a student's code shapes", () => {
  it("a returned object with 20,000 fields, a long key, an Error or a BigInt: a message of at most a few thousand characters", () => {
    const huge = [
      fields(20_000),
      { ["k".repeat(100_000)]: 1 },
      new Error("m".repeat(100_000)),
      7n ** 20_000n,
      new RegExp("a".repeat(100_000)),
    ];
    for (const value of huge) {
      const { ok, message } = judge("f", SPEC, CASE, { value }, false);
      expect(ok).toBe(false);
      expect(message.length).toBeLessThan(4000);
    }
    expect(show(fields(20_000))).toMatch(/k19: 19, '\.\.\.': 19980 more fields \}$/);
  });

  it("changed arguments holding a huge object are shown cut too", () => {
    const { ok, message } = judge("f", SPEC, CASE, { value: { total: 1 }, argsAfter: [fields(20_000)] }, false);
    expect(ok).toBe(false);
    expect(message.length).toBeLessThan(4000);
  });

  it("small values read as util.inspect writes them: holes, Maps, nesting and the count of items left out", () => {
    const holey = [1, 2, 3];
    delete holey[1];
    expect(show(holey)).toBe("[ 1, <1 empty item>, 3 ]");
    expect(show({ a: [1, 2, { b: 3 }], c: "x" })).toBe("{ a: [ 1, 2, { b: 3 } ], c: 'x' }");
    expect(show(new Map([["k", new Set([1])]]))).toBe("Map(1) { 'k' => Set(1) { 1 } }");
    expect(show(Array.from({ length: 30 }, (_, i) => i))).toMatch(/19,\s+\.\.\. 10 more items\s+\]$/);
    expect(show(2n ** 64n)).toBe("18446744073709551616n");
  });

  it("never throws, whatever the keys: two the clip makes equal, a field named '...', __proto__", () => {
    const twins = { [`${"k".repeat(100)}a`]: 1, [`${"k".repeat(100)}b`]: 2 };
    expect(show(twins)).toMatch(/^\{ 'k{100} …': 1 \}$/);
    const dots = { "...": "mine", ...fields(30) };
    expect(show(dots)).toMatch(/'\.\.\.\.': 11 more fields \}$/);
    expect(show(JSON.parse('{"__proto__": 1, "a": 2}'))).toBe("{ ['__proto__']: 1, a: 2 }");
    for (const value of [twins, dots]) expect(judge("f", SPEC, CASE, { value }, true).ok).toBe(false);
  });

  it("a big Map or Set says how many items are left out; a boxed string is cut", () => {
    const map = new Map(Array.from({ length: 1000 }, (_, i) => [i, i]));
    expect(show(map)).toMatch(/^Map\(20\) \{ 0 => 0, .* 18 => 18, \.\.\. => 981 more items \}$/);
    expect(show(new Set(Array.from({ length: 1000 }, (_, i) => i)))).toMatch(/^Set\(20\) \{ 0, .* 18, \.\.\. 981 more items \}$/);
    const boxed = show(new String("x".repeat(7_000_000)));
    expect(boxed.length).toBeLessThan(300);
    expect(boxed).toMatch(/^\[String: "x+ …\]$/);
  });
});
