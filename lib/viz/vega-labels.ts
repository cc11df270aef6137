/**
 * Vega-Lite legends in the reader's language while the data keeps its
 * identifiers: the colour field stays "phase" or "series" (what a notebook
 * filters on), and the legend shows each value's display name through a
 * label expression, a chain of comparisons (plain Vega expression syntax).
 */

/** A legend's `labelExpr` mapping each value to its name, or undefined when every name is the value itself. */
export function legendLabelExpr(names: Iterable<readonly [value: string, name: string]>): string | undefined {
  const changed = [...new Map(names)].filter(([value, name]) => value !== name);
  if (changed.length === 0) return undefined;
  // JSON string literals are Vega expression string literals: quotes and backslashes come escaped
  return changed.reduceRight(
    (rest, [value, name]) => `datum.label === ${JSON.stringify(value)} ? ${JSON.stringify(name)} : ${rest}`,
    "datum.label",
  );
}
