/**
 * Summaries of repeated runs: medians and quantiles, for the labs (which
 * repeat a measurement) and the models run over many seeds.
 */
import { checkNumber, expected, listOf, outOfRange } from "./errors";

/**
 * The q-quantile of a non-empty list (0 <= q <= 1), interpolated between the
 * two nearest ranks: quantile(xs, 0.5) is the median (the mean of the
 * middle two for even lengths), 0 the least, 1 the greatest.
 */
export function quantile(values: readonly number[], q: number): number {
  // holes included: a hole is refused as values[i]
  const sorted = listOf("values", values, expected.nonEmptyArray(), (v, at) => checkNumber(at, v)).sort((a, b) => a - b);
  if (sorted.length === 0) outOfRange("values", expected.nonEmptyArray(), values);
  checkNumber("q", q, { min: 0, max: 1 });
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  return low === at ? sorted[low] : sorted[low] + (at - low) * (sorted[low + 1] - sorted[low]);
}

/** The median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
