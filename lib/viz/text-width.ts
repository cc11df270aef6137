/**
 * Text laid out in a terminal by its display width, not its length: a Hangul
 * syllable (like any East Asian wide character) takes two columns, a
 * combining mark none, so a Korean table padded with `padEnd` / `padStart`
 * comes out ragged. string-width (4.2.3, its last CommonJS release) measures
 * a string as a terminal draws it; every table and chart in lib/viz and
 * lib/lab pads and measures with these helpers.
 */
// string-width 4 is a CommonJS function that is also its own `default` property. A namespace
// import and `.default` reach it the same way under esModuleInterop (tsc, ts-node, vitest) and
// without it (tslab, which also refuses `import =` and default imports of CommonJS packages).
import * as stringWidthModule from "string-width";

const stringWidth: (text: string) => number = stringWidthModule.default;

// Printable ASCII is one column per character: the common case is measured without string-width's regular expressions.
const PLAIN = /^[\x20-\x7e]*$/;

/** How many terminal columns `text` takes (Hangul and other wide characters count two). */
export function displayWidth(text: string): number {
  return PLAIN.test(text) ? text.length : stringWidth(text);
}

/** `text` with spaces (or `fill`, one column wide) after it up to `width` columns; as it is when already that wide. */
export function padEndWidth(text: string, width: number, fill = " "): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + fill.repeat(missing) : text;
}

/** `text` with spaces before it up to `width` columns; as it is when already that wide. */
export function padStartWidth(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? " ".repeat(missing) + text : text;
}

/** The widest of `texts` in columns (`min` at least); a loop, so a long list cannot overflow the call stack. */
export function maxWidth(texts: Iterable<string>, min = 0): number {
  let widest = min;
  for (const text of texts) widest = Math.max(widest, displayWidth(text));
  return widest;
}
