/**
 * Many short lists of number pairs (an endpoint's cwnd samples, the send
 * times of its segments in flight) threaded through one store that all the
 * endpoints of a scheduler share, instead of an array each.
 *
 * Why: with thousands of connections alive, an array per endpoint is two
 * more objects to fetch from memory at every ACK (the array, then its
 * elements), and it grows during the run, so the garbage collector copies
 * it; here a pair is three numbers (its two values and the index of the
 * next pair) in a chunk of a typed array the collector never scans, and a
 * list is the index of its first and last pair, kept by its owner.
 * Pairs are never removed: a list's owner moves its first index on.
 */
import type { Scheduler } from "./scheduler";

/** The index a list's first or last pair has when it has none. */
export const NONE = -1;

// A pair is three numbers (first, second, next) in a chunk of CHUNK pairs.
const CHUNK = 4096;
const FIELDS = 3;

export class PairLists {
  private chunks: Float64Array[] = [];
  private count = 0;

  /** Appends (first, second) after pair `last` (NONE: a new list) and returns the new pair's index. */
  append(last: number, first: number, second: number): number {
    const i = this.count++;
    const k = i % CHUNK;
    if (k === 0) this.chunks.push(new Float64Array(CHUNK * FIELDS));
    const chunk = this.chunks[this.chunks.length - 1];
    chunk[k * FIELDS] = first;
    chunk[k * FIELDS + 1] = second;
    chunk[k * FIELDS + 2] = NONE;
    if (last !== NONE) this.chunks[Math.floor(last / CHUNK)][(last % CHUNK) * FIELDS + 2] = i;
    return i;
  }

  first(i: number): number {
    return this.chunks[Math.floor(i / CHUNK)][(i % CHUNK) * FIELDS];
  }
  second(i: number): number {
    return this.chunks[Math.floor(i / CHUNK)][(i % CHUNK) * FIELDS + 1];
  }
  /** The index of the pair after pair `i` in its list (NONE at the end). */
  next(i: number): number {
    return this.chunks[Math.floor(i / CHUNK)][(i % CHUNK) * FIELDS + 2];
  }
}

/** each scheduler's store (a WeakMap: it goes with its scheduler) */
const listsOf = new WeakMap<Scheduler, PairLists>();

/** The store the endpoints of `sim` share. */
export function pairListsOf(sim: Scheduler): PairLists {
  let lists = listsOf.get(sim);
  if (lists === undefined) {
    lists = new PairLists();
    listsOf.set(sim, lists);
  }
  return lists;
}
