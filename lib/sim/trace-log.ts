/**
 * The network's record of every packet, kept column by column (arrays of
 * numbers, the flags packed into one number) instead of an object per
 * packet: a run of 10,000 connections then leaves the garbage collector a
 * few long arrays to keep, not hundreds of thousands of small objects.
 * `trace()` builds the Trace readers see (lib/tcp/trace.ts), in time order.
 */
import type { Flag, Side, Trace, TraceEntry } from "../tcp/trace";

/** Every flag, numbered from 1: a packet's flags are the digits of a base-6 number, first flag lowest, so their order survives. */
const FLAG_NAMES: readonly Flag[] = ["SYN", "ACK", "FIN", "RST", "PSH"];
const BASE = FLAG_NAMES.length + 1;

/** The codes of the frozen flag sets the engine sends again and again (each connection's packets share them). */
const frozenCodes = new Map<readonly Flag[], number>();

function encodeFlags(flags: readonly Flag[]): number {
  const known = frozenCodes.get(flags);
  if (known !== undefined) return known;
  const code = computeCode(flags);
  if (Object.isFrozen(flags)) frozenCodes.set(flags, code); // a frozen set cannot change under its key
  return code;
}

function computeCode(flags: readonly Flag[]): number {
  let code = 0;
  for (let i = flags.length - 1; i >= 0; i--) code = code * BASE + FLAG_NAMES.indexOf(flags[i]) + 1;
  return code;
}

function decodeFlags(code: number): Flag[] {
  const flags: Flag[] = [];
  for (let c = code; c > 0; c = Math.floor(c / BASE)) flags.push(FLAG_NAMES[(c % BASE) - 1]);
  return flags;
}

// The low bits of a packet's `bits`; the flags' code sits above them.
const FROM_SERVER = 1;
const RETRANSMIT = 2;
const LOST = 4;
const FLAGS_SHIFT = 8;

// A packet is four numbers (time, connection, bits, bytes) in a chunk of CHUNK packets, and its note.
const FIELDS = 4;
const TIME = 0;
const BITS = 2;
const CHUNK = 4096;

export class TraceLog {
  private numbers: Float64Array[] = [];
  private notes: (string | undefined)[][] = [];
  private count = 0;

  add(
    tMs: number,
    conn: number,
    from: Side,
    flags: readonly Flag[],
    bytes: number,
    note: string | undefined,
    retransmit: boolean,
    lost: boolean,
  ): void {
    const k = this.count % CHUNK;
    if (k === 0) {
      this.numbers.push(new Float64Array(CHUNK * FIELDS));
      this.notes.push(new Array(CHUNK).fill(undefined)); // full size at once: a growing array is copied, and it outlives young collections
    }
    const chunk = this.numbers[this.numbers.length - 1];
    const low = (from === "server" ? FROM_SERVER : 0) | (retransmit ? RETRANSMIT : 0) | (lost ? LOST : 0);
    chunk[k * FIELDS] = tMs;
    chunk[k * FIELDS + 1] = conn;
    chunk[k * FIELDS + 2] = encodeFlags(flags) * FLAGS_SHIFT + low;
    chunk[k * FIELDS + 3] = bytes;
    this.notes[this.notes.length - 1][k] = note;
    this.count += 1;
  }

  /**
   * Every packet, ordered by the time it left its sender (ties: in the order
   * recorded); fresh objects each call. Each direction of the link is a FIFO,
   * so its packets were recorded in time order already: the trace merges the two.
   */
  trace(): Trace {
    const [client, server] = [this.direction(false), this.direction(true)];
    const order: number[] = [];
    let c = 0;
    let s = 0;
    while (c < client.length || s < server.length) {
      const takeClient =
        s >= server.length ||
        (c < client.length &&
          (this.time(client[c]) < this.time(server[s]) || (this.time(client[c]) === this.time(server[s]) && client[c] < server[s])));
      order.push(takeClient ? client[c++] : server[s++]);
    }
    return order.map((i) => this.entry(i));
  }

  // The packets one direction carried, in the order recorded.
  private direction(fromServer: boolean): number[] {
    const found: number[] = [];
    for (let i = 0; i < this.count; i++) if (((this.field(i, BITS) & FROM_SERVER) !== 0) === fromServer) found.push(i);
    return found;
  }

  private time(i: number): number {
    return this.field(i, TIME);
  }

  private field(i: number, f: number): number {
    return this.numbers[Math.floor(i / CHUNK)][(i % CHUNK) * FIELDS + f];
  }

  private entry(i: number): TraceEntry {
    const chunk = this.numbers[Math.floor(i / CHUNK)];
    const at = (i % CHUNK) * FIELDS;
    const bits = chunk[at + 2];
    const e: TraceEntry = {
      tMs: chunk[at],
      conn: chunk[at + 1],
      from: bits & FROM_SERVER ? "server" : "client",
      flags: decodeFlags(Math.floor(bits / FLAGS_SHIFT)),
      bytes: chunk[at + 3],
    };
    const note = this.notes[Math.floor(i / CHUNK)][i % CHUNK];
    if (note !== undefined) e.note = note;
    if (bits & RETRANSMIT) e.retransmit = true;
    if (bits & LOST) e.lost = true;
    return e;
  }
}
