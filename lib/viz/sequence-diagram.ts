/**
 * A packet trace (sim/trace.ts) drawn as a sequence diagram: the client on
 * the left, the server on the right, one arrow per packet at the time it
 * leaves its sender, labelled with flags, payload bytes and the note.
 *
 * Two renderings of the same rows:
 *  - `sequenceDiagramText`: plain text for the terminal and notebook output;
 *  - `sequenceDiagramMermaid`: a mermaid `sequenceDiagram` source, which a
 *    notebook shows with tslab.display.markdown("```mermaid\n" + s + "\n```").
 * Arrows are horizontal: the diagram orders packets, the time column says
 * when; the travel time is the gap between a packet and the reply it causes.
 * Every entry is checked (a trace from elsewhere may be malformed), an arrow
 * is at most MAX_CHART_COLUMNS wide, and control characters in a note are
 * drawn as spaces, so one packet stays one line.
 */
import { roundMs } from "../time";
import { checkChoice, checkNumber, checkString, invalidType, optionalBoolean, optionalNumber, optionsObject, MAX_QUANTITY } from "../errors";
import type { Flag, Side, Trace, TraceEntry } from "../sim/trace";
import { MAX_CHART_COLUMNS } from "./chart-limits";

const SIDES: readonly Side[] = ["client", "server"];
const FLAGS: readonly Flag[] = ["SYN", "ACK", "FIN", "RST", "PSH"];

/** Checks one trace entry, naming its fields `${name}.tMs` and so on. */
function checkEntry(name: string, value: unknown): TraceEntry {
  if (value === null || typeof value !== "object" || Array.isArray(value)) invalidType(name, "a trace entry { tMs, conn, from, flags, bytes, note? }", value);
  const e = value as Partial<TraceEntry>;
  checkNumber(`${name}.tMs`, e.tMs, { min: 0 });
  checkNumber(`${name}.conn`, e.conn, { min: 0, integer: true });
  checkChoice(`${name}.from`, e.from, SIDES);
  if (!Array.isArray(e.flags)) invalidType(`${name}.flags`, `an array of ${FLAGS.join(", ")}`, e.flags);
  for (let i = 0; i < e.flags.length; i++) checkChoice(`${name}.flags[${i}]`, e.flags[i], FLAGS);
  checkNumber(`${name}.bytes`, e.bytes, { min: 0, integer: true, max: MAX_QUANTITY });
  if (e.note !== undefined) checkString(`${name}.note`, e.note);
  return e as TraceEntry;
}

// every index, holes included (Array.prototype.every would skip a hole)
function allFlags(flags: unknown[]): boolean {
  for (let i = 0; i < flags.length; i++) if (!FLAGS.includes(flags[i] as Flag)) return false;
  return true;
}

/** The same rules as checkEntry, as a quick yes or no. */
function isPlainEntry(e: unknown): boolean {
  if (e === null || typeof e !== "object" || Array.isArray(e)) return false;
  const x = e as Record<string, unknown>;
  const num = (v: unknown, integer: boolean, max = Infinity) =>
    typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= max && (!integer || Number.isInteger(v));
  return num(x.tMs, false) && num(x.conn, true) && (x.from === "client" || x.from === "server") &&
    Array.isArray(x.flags) && allFlags(x.flags) && num(x.bytes, true, MAX_QUANTITY) &&
    (x.note === undefined || typeof x.note === "string");
}

export interface SequenceDiagramOptions {
  /** only this connection's packets (default: all, each labelled with its connection) */
  conn?: number;
  /** the shortest arrow in characters (text only, default 44) */
  width?: number;
  /** at most this many packets, the rest summarised (default: all) */
  maxPackets?: number;
}

interface Rows {
  rows: TraceEntry[];
  labelConn: boolean;
  hidden: number;
}

function pick(trace: Trace, options: SequenceDiagramOptions | undefined): Rows {
  if (!Array.isArray(trace)) invalidType("trace", "an array of trace entries", trace);
  // holes included; the named check (which builds its messages' names) runs only for an entry that fails the quick test
  for (let i = 0; i < trace.length; i++) if (!isPlainEntry(trace[i])) checkEntry(`trace[${i}]`, trace[i]);
  const o = optionsObject("options", options);
  const conn = o.conn === undefined ? undefined : checkNumber("conn", o.conn, { min: 0, integer: true });
  const chosen = conn === undefined ? trace : trace.filter((e) => e.conn === conn);
  const max = optionalNumber("maxPackets", o.maxPackets, Math.max(1, chosen.length), { min: 1, integer: true });
  const labelConn = conn === undefined && new Set(trace.map((e) => e.conn)).size > 1;
  return { rows: chosen.slice(0, max), labelConn, hidden: Math.max(0, chosen.length - max) };
}

/** "ACK,PSH 100 B (write 1)" style label; payload omitted for control packets. */
export function packetLabel(e: TraceEntry, withConn = false): string {
  checkEntry("entry", e);
  return label(e, optionalBoolean("withConn", withConn, false));
}

// For entries pick() has already checked: a diagram checks each entry once, not twice.
function label(e: TraceEntry, withConn: boolean): string {
  const parts = [e.flags.join(",")];
  if (e.bytes > 0) parts.push(`${e.bytes} B`);
  if (e.note) parts.push(`(${e.note})`);
  return (withConn ? `[c${e.conn}] ` : "") + parts.join(" ");
}

function formatMs(t: number): string {
  return String(roundMs(t));
}

// CR, LF, NUL and the other control characters would break the line (or the terminal)
const CONTROLS = /[\u0000-\u001f\u007f]/g;

function arrow(label: string, toServer: boolean, width: number): string {
  const body = ` ${label.replace(CONTROLS, " ")} `;
  const span = Math.max(width, body.length + 6);
  const left = Math.floor((span - body.length) / 2);
  const right = span - body.length - left;
  return toServer ? `|${"-".repeat(left)}${body}${"-".repeat(right - 1)}>|` : `|<${"-".repeat(left - 1)}${body}${"-".repeat(right)}|`;
}

/** The trace as text, one line per packet. */
export function sequenceDiagramText(trace: Trace, options?: SequenceDiagramOptions): string {
  const { rows, labelConn, hidden } = pick(trace, options);
  const width = optionalNumber("width", optionsObject("options", options).width, 44, { min: 10, max: MAX_CHART_COLUMNS, integer: true });
  const times = rows.map((e) => formatMs(e.tMs));
  // reduce, not Math.max(...list): a long trace would overflow the call stack
  const timeWidth = times.reduce((m, t) => Math.max(m, t.length), 6);
  const lines = rows.map((e, i) => `${times[i].padStart(timeWidth)}  ${arrow(label(e, labelConn), e.from === "client", width)}`);
  const span = lines.length ? lines.reduce((m, l) => Math.max(m, l.length), 0) - timeWidth - 2 : width + 2;
  const header = `${"t (ms)".padStart(timeWidth)}  ${"client".padEnd(span - "server".length)}server`;
  if (hidden > 0) lines.push(`${"".padStart(timeWidth)}  ... ${hidden} more packets`);
  return [header, ...lines].join("\n");
}

// Mermaid reads ";" as a statement break and "#" as an entity start; keep labels plain.
function mermaidSafe(text: string): string {
  return text.replace(/[;#]/g, " ").replace(CONTROLS, " ");
}

/** The trace as mermaid `sequenceDiagram` source. */
export function sequenceDiagramMermaid(trace: Trace, options?: SequenceDiagramOptions): string {
  const { rows, labelConn, hidden } = pick(trace, options);
  const lines = ["sequenceDiagram", "    participant C as client", "    participant S as server"];
  for (const e of rows) {
    const [from, to] = e.from === "client" ? ["C", "S"] : ["S", "C"];
    lines.push(`    ${from}->>${to}: ${mermaidSafe(`${formatMs(e.tMs)} ms ${label(e, labelConn)}`)}`);
  }
  if (hidden > 0) lines.push(`    Note over C,S: ${hidden} more packets`);
  return lines.join("\n");
}
