/**
 * Summaries of repeated runs: medians and quantiles, for the labs (which
 * repeat a measurement) and the models run over many seeds.
 */
import { checkNumber, expected, numbersOf, outOfRange } from "./errors";

/**
 * The q-quantile of a non-empty list (0 <= q <= 1), interpolated between the
 * two nearest ranks: quantile(xs, 0.5) is the median (the mean of the
 * middle two for even lengths), 0 the least, 1 the greatest.
 */
export function quantile(values: readonly number[], q: number): number {
  // holes included: a hole is refused as values[i]
  const list = numbersOf("values", values, expected.nonEmptyArray);
  if (list.length === 0) outOfRange("values", expected.nonEmptyArray(), values);
  checkNumber("q", q, { min: 0, max: 1 });
  const at = q * (list.length - 1);
  const low = Math.floor(at);
  // the two ranks by selection, not a sort: a comparator sort of ten million values took 1.7 s
  const a = list; // our own copy: select may rearrange it
  const lowValue = select(a, low) + 0; // + 0: -0 and 0 tie, and which one the random pivot met must not show
  if (low === at) return lowValue;
  let next = Infinity; // select left everything above `low` no smaller than it: the next rank is their least
  for (let i = low + 1; i < a.length; i++) if (a[i] < next) next = a[i];
  return lowValue + (at - low) * (next - lowValue);
}

/**
 * The k-th smallest of `a` (0-based), rearranging it: quickselect with a random pivot (no input
 * order makes it quadratic) and a three-way partition (runs of equal values cost one pass).
 * Afterwards every element after index k is >= the result.
 */
function select(a: number[], k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[lo + Math.floor(Math.random() * (hi - lo + 1))];
    // a[lo..lt-1] < pivot, a[lt..i-1] == pivot, a[gt+1..hi] > pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const x = a[i];
      if (x < pivot) {
        a[i++] = a[lt];
        a[lt++] = x;
      } else if (x > pivot) {
        a[i] = a[gt];
        a[gt--] = x;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k];
}

/** The median of a non-empty list of numbers (mean of the middle two for even lengths). */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
