/**
 * Summaries of repeated runs: medians and quantiles, for the labs (which
 * repeat a measurement) and the models run over many seeds.
 */
import { checkNumber, expected, invalidType, outOfRange } from "./errors";

/**
 * The q-quantile of a non-empty list (0 <= q <= 1), interpolated between the
 * two nearest ranks: quantile(xs, 0.5) is the median (the mean of the
 * middle two for even lengths), 0 the least, 1 the greatest.
 */
export function quantile(values: readonly number[], q: number): number {
  if (!Array.isArray(values)) invalidType("values", expected.nonEmptyArray(), values);
  if (values.length === 0) outOfRange("values", expected.nonEmptyArray(), values);
  checkNumber("q", q, { min: 0, max: 1 });
  // Array.from visits holes too (map would skip them): a hole is refused as values[i]
  const sorted = Array.from(values, (v, i) => checkNumber(`values[${i}]`, v)).sort((a, b) => a - b);
  const at = q * (sorted.length - 1);
  const low = Math.floor(at);
  return low === at ? sorted[low] : sorted[low] + (at - low) * (sorted[low + 1] - sorted[low]);
}

/** The median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
