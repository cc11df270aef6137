/**
 * Text tables for lab reports: each row puts a measurement beside the
 * model's prediction and the ratio measured / model. Columns are aligned by
 * display width (lib/viz/text-width.ts), so Korean row labels line up too.
 */
import { messages, verbatim, type Localized } from "../i18n";
import { maxWidth, padEndWidth, padStartWidth } from "../viz/text-width";
import type { PlatformFacts } from "./platform";

const say = messages("lab/table", {
  loopbackTiming: {
    en: "on loopback a round trip takes microseconds, so a time the model counts in round trips alone is mostly node's own work per request",
    ko: "루프백에서는 왕복 시간(RTT)이 마이크로초 단위라서, 모델이 왕복 횟수로만 세는 시간은 대부분 node가 요청마다 하는 자체 작업입니다",
  },
  notApplicable: { en: "n/a", ko: "없음" },
  measured: { en: "measured", ko: "측정값" },
  model: { en: "model", ko: "모델" },
  ratio: { en: "measured/model", ko: "측정값/모델" },
  note: { en: "note: {text}", ko: "참고: {text}" },
  platform: {
    en: "platform: {os}, node {node}, delayed ACK {delayedAckMs} ms, TIME_WAIT {timeWaitSeconds} s, ports {low}-{high} ({source}){rtt}",
    ko: "플랫폼: {os}, node {node}, 확인응답 지연(delayed ACK) {delayedAckMs} ms, TIME_WAIT {timeWaitSeconds} s, 포트 {low}-{high} ({source}){rtt}",
  },
  loopbackRtt: { en: ", loopback RTT {rtt}", ko: ", 루프백 왕복 시간(RTT) {rtt}" },
  sourceKernel: { en: "kernel", ko: "커널" },
  sourceLinuxDefault: { en: "linux default", ko: "Linux 기본값" },
});

/** Why fast rows on loopback show a large measured/model ratio; each lab adds what to read instead. */
export function loopbackTimingNote(): Localized {
  return say.loopbackTiming();
}

/** One line of a comparison: a number measured here and what the model says. */
export interface ComparisonRow {
  label: string;
  measured: number | null;
  model: number | null;
  /** unit shown after both numbers ("ms", "B", ...), in the reader's language when it is a word */
  unit: string;
}

/** A number for a table cell: "n/a" for null, up to 3 decimals otherwise. */
export function formatNumber(value: number | null, unit = ""): Localized {
  if (value === null || !Number.isFinite(value)) return say.notApplicable();
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 1 ? 2 : 3;
  const text = value.toFixed(digits);
  return verbatim(unit ? `${text} ${unit}` : text);
}

/** measured / model, or "n/a" when either side is missing or the model says 0. */
export function formatRatio(measured: number | null, model: number | null): Localized {
  if (measured === null || model === null || model === 0) return say.notApplicable();
  return verbatim(`${(measured / model).toFixed(2)}x`);
}

/** Lays out rows of strings in columns, first column left-aligned, others right-aligned, by display width. */
export function renderColumns(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => maxWidth(all.map((r) => r[c] ?? "")));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? padEndWidth(cell, widths[c]) : padStartWidth(cell, widths[c]))).join("  ");
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/** The measured | model | ratio table every lab prints. */
export function comparisonTable(rows: ComparisonRow[]): string {
  return renderColumns(
    ["", say.measured(), say.model(), say.ratio()],
    rows.map((r) => [r.label, formatNumber(r.measured, r.unit), formatNumber(r.model, r.unit), formatRatio(r.measured, r.model)]),
  );
}

/** A report's "note: ..." lines. */
export function noteLines(notes: readonly string[]): Localized[] {
  return notes.map((text) => say.note({ text }));
}

/** Where the port range came from, for a reader: "kernel" or "linux default" in the reader's language. */
export function portSourceLabel(source: PlatformFacts["portRange"]["source"]): Localized {
  return source === "kernel" ? say.sourceKernel() : source === "linux default" ? say.sourceLinuxDefault() : verbatim(String(source));
}

/** A one-line platform summary for the foot of a report. */
export function platformLine(
  p: Pick<PlatformFacts, "os" | "node" | "delayedAckMs" | "timeWaitSeconds" | "portRange" | "loopbackRttMs">,
): Localized {
  const rtt = p.loopbackRttMs !== undefined ? say.loopbackRtt({ rtt: formatNumber(p.loopbackRttMs, "ms") }) : "";
  const source = portSourceLabel(p.portRange.source);
  return say.platform({
    os: p.os,
    node: p.node,
    delayedAckMs: p.delayedAckMs,
    timeWaitSeconds: p.timeWaitSeconds,
    low: p.portRange.low,
    high: p.portRange.high,
    source,
    rtt,
  });
}
