// Medians and quantiles by selection: the same numbers a sort gives, for any order and any repeats.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { median, quantile } from "../../lib/stats";

/** The definition: sort, then interpolate between the two nearest ranks. */
function bySorting(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  return low === at ? sorted[low] : sorted[low] + (at - low) * (sorted[low + 1] - sorted[low]);
}

describe("quantile and median", () => {
  it("equal the sorted list's ranks, interpolated, whatever the order and the repeats", () => {
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (values, q) => {
        const copy = [...values];
        expect(quantile(values, q)).toBeCloseTo(bySorting(values, q), 9);
        expect(median(values) + 0).toBe(bySorting(values, 0.5) + 0); // a sort may place -0 first
        expect(Object.is(median(values), -0)).toBe(false); // never -0: the same list always gives the same answer
        expect(values).toEqual(copy); // the caller's list is not rearranged
      }),
      { numRuns: 1000 },
    );
  });

  it("gives 0, never -0, for a tie of 0 and -0, whatever the pivot", () => {
    for (let i = 0; i < 200; i++) expect(Object.is(median([0, -0, 0]), 0)).toBe(true);
    expect(Object.is(quantile([-0, -0], 0.5), 0)).toBe(true);
  });

  it("refuses a hole, a value that is not a finite number and a read that throws, naming the element", () => {
    const throwing = [1, 2];
    Object.defineProperty(throwing, 1, {
      get() {
        throw 7;
      },
    });
    const holey = [1, 2, 3];
    delete holey[1];
    expect(() => median(holey)).toThrow(/"values\[1\]"/);
    expect(() => median([1, Number.NaN])).toThrow(/"values\[1\]"/);
    expect(() => median(throwing)).toThrow(/"values\[1\]" argument must be a value that can be read/);
    expect(() => median([])).toThrow(/"values"/);
  });
});
