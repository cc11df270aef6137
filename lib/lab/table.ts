/**
 * Text tables for lab reports: each row puts a measurement beside the
 * model's prediction and the ratio measured / model.
 */

/** Why fast rows on loopback show a large measured/model ratio; each lab adds what to read instead. */
export const LOOPBACK_TIMING_NOTE =
  "on loopback a round trip takes microseconds, so a time the model counts in round trips alone is mostly node's own work per request";

/** One line of a comparison: a number measured here and what the model says. */
export interface ComparisonRow {
  label: string;
  measured: number | null;
  model: number | null;
  /** unit shown after both numbers ("ms", "sockets", ...) */
  unit: string;
}

/** A number for a table cell: "n/a" for null, up to 3 decimals otherwise. */
export function formatNumber(value: number | null, unit = ""): string {
  if (value === null || !Number.isFinite(value)) return "n/a";
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 1 ? 2 : 3;
  const text = value.toFixed(digits);
  return unit ? `${text} ${unit}` : text;
}

/** measured / model, or "n/a" when either side is missing or the model says 0. */
export function formatRatio(measured: number | null, model: number | null): string {
  if (measured === null || model === null || model === 0) return "n/a";
  return `${(measured / model).toFixed(2)}x`;
}

/** Lays out rows of strings in columns, first column left-aligned, others right-aligned. */
export function renderColumns(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The measured | model | ratio table every lab prints. */
export function comparisonTable(rows: ComparisonRow[]): string {
  return renderColumns(
    ["", "measured", "model", "measured/model"],
    rows.map((r) => [r.label, formatNumber(r.measured, r.unit), formatNumber(r.model, r.unit), formatRatio(r.measured, r.model)]),
  );
}

/** A one-line platform summary for the foot of a report. */
export function platformLine(p: { os: string; node: string; delayedAckMs: number; timeWaitSeconds: number; portRange: { low: number; high: number; source: string }; loopbackRttMs?: number }): string {
  const rtt = p.loopbackRttMs !== undefined ? `, loopback RTT ${formatNumber(p.loopbackRttMs, "ms")}` : "";
  return `platform: ${p.os}, node ${p.node}, delayed ACK ${p.delayedAckMs} ms, TIME_WAIT ${p.timeWaitSeconds} s, ports ${p.portRange.low}-${p.portRange.high} (${p.portRange.source})${rtt}`;
}
