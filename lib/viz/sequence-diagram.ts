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
 * drawn as spaces, so one packet stays one line. The text diagram is laid
 * out by display width, so a Korean note (two columns a syllable) keeps the
 * server's column straight; the mermaid source keeps Korean as it is and
 * blanks only what mermaid's sequence syntax reads as structure.
 */
import { roundMs } from "../time";
import {
  checkChoice,
  checkNumber,
  checkString,
  invalidType,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  MAX_QUANTITY,
} from "../errors";
import { messages } from "../i18n";
import type { Flag, Side, Trace, TraceEntry } from "../sim/trace";
import { MAX_CHART_COLUMNS } from "./chart-limits";
import { displayWidth, maxWidth, padEndWidth, padStartWidth } from "./text-width";

const say = messages("viz/sequence-diagram", {
  traceEntry: {
    en: "a trace entry { tMs, conn, from, flags, bytes, note? }",
    ko: "트레이스 항목 { tMs, conn, from, flags, bytes, note? }",
  },
  flagsArray: { en: "an array of {flags}", ko: "{flags} 가운데 값들의 배열" },
  traceArray: { en: "an array of trace entries", ko: "트레이스 항목의 배열" },
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  morePackets: { en: "... {n} more packets", ko: "... 패킷 {n}개 더" },
  morePacketsNote: { en: "{n} more packets", ko: "패킷 {n}개 더" },
});

const SIDES: readonly Side[] = ["client", "server"];
const FLAGS: readonly Flag[] = ["SYN", "ACK", "FIN", "RST", "PSH"];

/** Checks one trace entry, naming its fields `${name}.tMs` and so on. */
function checkEntry(name: string, value: unknown): TraceEntry {
  if (value === null || typeof value !== "object" || Array.isArray(value)) invalidType(name, say.traceEntry(), value);
  const e = value as Partial<TraceEntry>;
  checkNumber(`${name}.tMs`, e.tMs, { min: 0 });
  checkNumber(`${name}.conn`, e.conn, { min: 0, integer: true });
  checkChoice(`${name}.from`, e.from, SIDES);
  if (!Array.isArray(e.flags)) invalidType(`${name}.flags`, say.flagsArray({ flags: FLAGS.join(", ") }), e.flags);
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
  return (
    num(x.tMs, false) &&
    num(x.conn, true) &&
    (x.from === "client" || x.from === "server") &&
    Array.isArray(x.flags) &&
    allFlags(x.flags) &&
    num(x.bytes, true, MAX_QUANTITY) &&
    (x.note === undefined || typeof x.note === "string")
  );
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
  if (!Array.isArray(trace)) invalidType("trace", say.traceArray(), trace);
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

// CR, LF, NUL and the other control characters (C0, DEL, C1, and the Unicode line and paragraph separators) would break the line (or the terminal)
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are replaced by a space
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** One arrow `span` columns between the two bars (every arrow of a diagram gets the same span, so the bars line up). */
function arrow(body: string, toServer: boolean, span: number): string {
  const bodyWidth = displayWidth(body);
  const left = Math.floor((span - bodyWidth) / 2);
  const right = span - bodyWidth - left;
  return toServer ? `|${"-".repeat(left)}${body}${"-".repeat(right - 1)}>|` : `|<${"-".repeat(left - 1)}${body}${"-".repeat(right)}|`;
}

/** The trace as text, one line per packet. */
export function sequenceDiagramText(trace: Trace, options?: SequenceDiagramOptions): string {
  const { rows, labelConn, hidden } = pick(trace, options);
  const width = optionalNumber("width", optionsObject("options", options).width, 44, { min: 10, max: MAX_CHART_COLUMNS, integer: true });
  const times = rows.map((e) => formatMs(e.tMs));
  // a loop, not Math.max(...list): a long trace would overflow the call stack
  const timeWidth = maxWidth(times, 6);
  const bodies = rows.map((e) => ` ${label(e, labelConn).replace(CONTROLS, " ")} `);
  // wide enough for the widest label with three dashes each side
  const arrowSpan = Math.max(width, maxWidth(bodies, 0) + 6);
  const lines = rows.map((e, i) => `${times[i].padStart(timeWidth)}  ${arrow(bodies[i], e.from === "client", arrowSpan)}`);
  const span = arrowSpan + 2;
  const client = say.client();
  const server = say.server();
  // the server's name ends where the arrows end; at least one space after the client's
  const header = `${padStartWidth("t (ms)", timeWidth)}  ${padEndWidth(client, Math.max(span - displayWidth(server), displayWidth(client) + 1))}${server}`;
  if (hidden > 0) lines.push(`${"".padStart(timeWidth)}  ${say.morePackets({ n: hidden })}`);
  return [header, ...lines].join("\n");
}

// Mermaid's sequence syntax ends a message at a line break or ";" and reads "#" as the start
// of an entity code (#59;): those become spaces. Everything else, Hangul included, is text.
function mermaidSafe(text: string): string {
  return text.replace(/[;#]/g, " ").replace(CONTROLS, " ");
}

/** The trace as mermaid `sequenceDiagram` source. */
export function sequenceDiagramMermaid(trace: Trace, options?: SequenceDiagramOptions): string {
  const { rows, labelConn, hidden } = pick(trace, options);
  const lines = [
    "sequenceDiagram",
    `    participant C as ${mermaidSafe(say.client())}`,
    `    participant S as ${mermaidSafe(say.server())}`,
  ];
  for (const e of rows) {
    const [from, to] = e.from === "client" ? ["C", "S"] : ["S", "C"];
    lines.push(`    ${from}->>${to}: ${mermaidSafe(`${formatMs(e.tMs)} ms ${label(e, labelConn)}`)}`);
  }
  if (hidden > 0) lines.push(`    Note over C,S: ${mermaidSafe(say.morePacketsNote({ n: hidden }))}`);
  return lines.join("\n");
}
