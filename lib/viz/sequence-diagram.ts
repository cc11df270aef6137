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
  expected,
  invalidType,
  listOf,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  MAX_QUANTITY,
  RULES,
} from "../errors";
import { messages } from "../i18n";
import type { Flag, Side, Trace, TraceEntry } from "../sim/trace";
import { MAX_CHART_COLUMNS } from "./chart-limits";
import { displayWidth, maxWidth, padEndWidth, padStartWidth } from "./text-width";

const say = messages("viz/sequence-diagram", {
  flagsArray: { en: "an array of {flags}", ko: "{flags} 가운데 값들의 배열" },
  traceArray: { en: "an array of trace entries", ko: "트레이스 항목의 배열" },
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  morePackets: { en: "... {n} more packets", ko: "... 패킷 {n}개 더" },
  morePacketsNote: { en: "{n} more packets", ko: "패킷 {n}개 더" },
});

const SIDES: readonly Side[] = ["client", "server"];
const FLAGS: readonly Flag[] = ["SYN", "ACK", "FIN", "RST", "PSH"];

/**
 * One trace entry, checked, as a copy: each field (and each flag) is read
 * once, so a getter cannot pass the check with one value and be drawn with
 * another. Fields are named `${name}.tMs` and so on.
 */
function entryOf(name: string, value: unknown): TraceEntry {
  const o = optionsObject(name, value as TraceEntry);
  const e: TraceEntry = {
    tMs: checkNumber(`${name}.tMs`, o.tMs, RULES.quantity), // at most MAX_QUANTITY: a larger time, rounded to the microsecond, is Infinity
    conn: checkNumber(`${name}.conn`, o.conn, { min: 0, integer: true }),
    from: checkChoice(`${name}.from`, o.from, SIDES),
    flags: flagsOf(`${name}.flags`, o.flags),
    bytes: checkNumber(`${name}.bytes`, o.bytes, { min: 0, integer: true, max: MAX_QUANTITY }),
  };
  if (o.note !== undefined) e.note = checkString(`${name}.note`, o.note);
  return e;
}

/** A copy of a flags array: each of FLAGS at most once (a TCP header's flag bits), holes refused. */
function flagsOf(name: string, value: unknown): Flag[] {
  const flagsArray = () => say.flagsArray({ flags: FLAGS.join(", ") });
  // listOf reads each element once, inside a guard: a getter or a Proxy's trap that throws is named
  const flags = listOf(name, value, flagsArray, (flag, at) => checkChoice(at, flag, FLAGS), { count: FLAGS.length, tooMany: flagsArray });
  if (new Set(flags).size !== flags.length) invalidType(name, flagsArray(), value);
  return flags;
}

const isCount = (v: unknown, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * entryOf's quick path, for a trace of thousands of entries: the same rules,
 * each field read once, and no names built. It reads into its own fields and
 * copies only on request, so the entries a diagram does not draw (the rest of
 * a long trace) cost no allocation; read() is false when anything is amiss
 * (entryOf then reads the entry again to name what).
 */
class QuickEntry {
  tMs = 0;
  conn = 0;
  from: Side = "client";
  flags: Flag[] = [];
  bytes = 0;
  note: string | undefined = undefined;

  read(value: unknown): boolean {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    const x = value as Record<string, unknown>;
    const { tMs, conn, from, bytes, note } = x;
    const flags = quickFlags(x.flags);
    if (
      typeof tMs !== "number" ||
      !(tMs >= 0 && tMs <= MAX_QUANTITY) || // finite, not negative, and not so large that rounding overflows
      !isCount(conn) ||
      (from !== "client" && from !== "server") ||
      flags === undefined ||
      !isCount(bytes, MAX_QUANTITY) ||
      (note !== undefined && typeof note !== "string")
    ) {
      return false;
    }
    this.tMs = tMs;
    this.conn = conn;
    this.from = from;
    this.flags = flags;
    this.bytes = bytes;
    this.note = note as string | undefined;
    return true;
  }

  /** Takes a checked entry's fields (entryOf's, after the quick path said no). */
  set(e: TraceEntry): void {
    this.tMs = e.tMs;
    this.conn = e.conn;
    this.from = e.from;
    this.flags = e.flags as Flag[];
    this.bytes = e.bytes;
    this.note = e.note;
  }

  copy(): TraceEntry {
    const { tMs, conn, from, flags, bytes, note } = this;
    return note === undefined ? { tMs, conn, from, flags, bytes } : { tMs, conn, from, flags, bytes, note };
  }
}

/** Copies of the flag lists met so far, by their code (at most 326: each flag at most once, in any order); never handed out. */
const flagLists = new Map<number, Flag[]>();

/** A copy of a flags array, shared by every entry with the same flags in the same order. */
function quickFlags(value: unknown): Flag[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const n = value.length;
  if (n > FLAGS.length) return undefined;
  let code = 0;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const bit = FLAGS.indexOf(value[i]);
    if (bit < 0 || seen & (1 << bit)) return undefined;
    seen |= 1 << bit;
    code = code * 6 + bit + 1;
  }
  let flags = flagLists.get(code);
  if (flags === undefined) {
    flags = [];
    for (let c = code; c > 0; c = Math.floor(c / 6)) flags.unshift(FLAGS[(c % 6) - 1]);
    flagLists.set(code, flags);
  }
  return flags;
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

/**
 * Checks every entry of `trace` (holes included: a hole is no entry) and
 * hands each, read, to `visit`, which copies the ones it keeps.
 */
function eachEntry(trace: unknown, visit: (entry: QuickEntry) => void): void {
  let length: unknown;
  try {
    length = Array.isArray(trace) ? trace.length : undefined;
  } catch {
    // a revoked Proxy: not an array one can read
  }
  if (typeof length !== "number") invalidType("trace", say.traceArray(), trace);
  const entry = new QuickEntry();
  for (let i = 0; i < length; i++) {
    let value: unknown;
    try {
      value = (trace as unknown[])[i];
    } catch {
      invalidType(`trace[${i}]`, expected.readable(), trace); // a getter or a Proxy's trap threw
    }
    let ok = false;
    try {
      ok = entry.read(value);
    } catch {
      // a getter or a Proxy's trap threw: entryOf names the entry
    }
    if (!ok) entry.set(entryOf(`trace[${i}]`, value));
    visit(entry);
  }
}

/** The rows to draw: every entry is checked, but only those drawn are copied (a long trace with maxPackets costs little). */
function pick(trace: Trace, options: SequenceDiagramOptions | undefined): Rows {
  const o = optionsObject("options", options);
  const conn = o.conn === undefined ? undefined : checkNumber("conn", o.conn, { min: 0, integer: true });
  const max = o.maxPackets === undefined ? Infinity : checkNumber("maxPackets", o.maxPackets, { min: 1, integer: true });
  const rows: TraceEntry[] = [];
  let chosen = 0;
  let firstConn = -1;
  let manyConns = false;
  eachEntry(trace, (e) => {
    if (firstConn < 0) firstConn = e.conn;
    else if (e.conn !== firstConn) manyConns = true;
    if (conn !== undefined && e.conn !== conn) return;
    if (chosen++ < max) rows.push(e.copy());
  });
  return { rows, labelConn: conn === undefined && manyConns, hidden: chosen - rows.length };
}

/** "ACK,PSH 100 B (write 1)" style label; payload omitted for control packets. */
export function packetLabel(e: TraceEntry, withConn = false): string {
  return label(entryOf("entry", e), optionalBoolean("withConn", withConn, false));
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
