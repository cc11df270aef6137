/**
 * Selective acknowledgment (RFC 2018) and the loss recovery built on it
 * (RFC 6675): the receiver tells the sender which blocks above the
 * cumulative ACK it holds; the sender keeps them in a scoreboard and resends
 * only what is missing, several holes per round trip, where NewReno without
 * SACK repairs one hole per round trip.
 *
 * The scoreboard works in sequence numbers (bytes) with the sender's MSS:
 *  - IsLost(seq) (RFC 6675 4): more than (DupThresh - 1) x MSS bytes, or
 *    DupThresh separate blocks, are SACKed above seq;
 *  - pipe (SetPipe): the bytes still in the network: every byte between
 *    SND.UNA and SND.MAX that is not SACKed and not lost, plus every
 *    byte resent and not yet acknowledged (up to HighRxt);
 *  - NextSeg: the first byte at or above HighRxt that is lost and not SACKed.
 * Blocks are kept merged and sorted; the ones below SND.UNA are dropped.
 */
import { checkNumber, MAX_QUANTITY } from "../errors";

/** RFC 6675's DupThresh: three duplicate ACKs, or three segments' worth of SACKed data. */
export const DUP_THRESH = 3;
/** A SACK option carries at most 3 blocks beside the timestamps option (RFC 2018 3: 4 without it). */
export const MAX_SACK_BLOCKS = 3;

export type SackBlock = readonly [start: number, end: number];

export class Scoreboard {
  /** SACKed ranges [start, end), sorted and disjoint */
  private blocks: [number, number][] = [];

  /** Adds the blocks of one ACK (those above `una` count). */
  add(blocks: readonly SackBlock[], una: number): void {
    for (const [start, end] of blocks) {
      const s = Math.max(start, una);
      if (end > s) this.insert(s, end);
    }
  }

  /** Forgets what the cumulative ACK now covers. */
  pruneBelow(una: number): void {
    while (this.blocks.length > 0 && this.blocks[0][1] <= una) this.blocks.shift();
    if (this.blocks.length > 0 && this.blocks[0][0] < una) this.blocks[0][0] = una;
  }

  /** Forgets everything (a timeout that clears the scoreboard, or a new connection). */
  clear(): void {
    this.blocks = [];
  }

  get empty(): boolean {
    return this.blocks.length === 0;
  }

  /** True when `seq` is in a SACKed block. */
  isSacked(seq: number): boolean {
    return this.blocks.some(([s, e]) => seq >= s && seq < e);
  }

  /** The end of the SACKed block holding `seq`, or `seq` when it is not SACKed: where the next unSACKed byte starts. */
  skipSacked(seq: number): number {
    for (const [s, e] of this.blocks) if (seq >= s && seq < e) return e;
    return seq;
  }

  /** The start of the next SACKed block above `seq` (Infinity if none): a resend stops there. */
  nextSackedStart(seq: number): number {
    for (const [s] of this.blocks) if (s > seq) return s;
    return Infinity;
  }

  /** RFC 6675 4 IsLost: enough is SACKed above `seq` to call it lost. */
  isLost(seq: number, mss: number): boolean {
    let bytes = 0;
    let count = 0;
    for (const [s, e] of this.blocks) {
      if (e <= seq) continue;
      bytes += e - Math.max(s, seq + 1);
      count += 1;
    }
    return bytes > (DUP_THRESH - 1) * mss || count >= DUP_THRESH;
  }

  /**
   * RFC 6675 4 SetPipe, by segments of at most `mss`: the bytes between `una`
   * and `sndMax` counted as in the network.
   */
  pipe(una: number, sndMax: number, highRxt: number, mss: number): number {
    let pipe = 0;
    for (let seq = una; seq < sndMax; ) {
      const next = this.skipSacked(seq);
      if (next !== seq) {
        seq = next;
        continue;
      }
      const end = Math.min(seq + mss, sndMax, this.nextSackedStart(seq));
      const size = end - seq;
      if (!this.isLost(seq, mss)) pipe += size;
      if (seq < highRxt) pipe += Math.min(end, highRxt) - seq;
      seq = end;
    }
    return pipe;
  }

  /** RFC 6675 4 NextSeg (1): the first lost, unSACKed byte at or above `from` and below `sndMax`, or undefined. */
  nextLost(from: number, sndMax: number, mss: number): number | undefined {
    for (let seq = from; seq < sndMax; ) {
      const next = this.skipSacked(seq);
      if (next !== seq) {
        seq = next;
        continue;
      }
      if (this.isLost(seq, mss)) return seq;
      seq = Math.min(seq + mss, this.nextSackedStart(seq));
    }
    return undefined;
  }

  /** The blocks, lowest first (a copy). */
  get ranges(): SackBlock[] {
    return this.blocks.map(([s, e]) => [s, e] as const);
  }

  private insert(start: number, end: number): void {
    addRange(this.blocks, checkNumber("start", start, { min: 0, max: MAX_QUANTITY }), end);
  }
}

/**
 * Adds [start, end) to sorted, disjoint ranges, merging those it touches: the
 * sender's scoreboard, the TCP receiver's out-of-order list and QUIC's
 * per-stream reassembly keep their byte ranges so.
 */
export function addRange(ranges: [number, number][], start: number, end: number): void {
  let i = 0;
  while (i < ranges.length && ranges[i][1] < start) i++;
  let s = start;
  let e = end;
  let j = i;
  while (j < ranges.length && ranges[j][0] <= e) {
    s = Math.min(s, ranges[j][0]);
    e = Math.max(e, ranges[j][1]);
    j++;
  }
  ranges.splice(i, j - i, [s, e]);
}
