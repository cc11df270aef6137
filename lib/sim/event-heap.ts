/**
 * The scheduler's timers: a 4-ary min-heap keyed on (time, sequence
 * number); four children per node halve a binary heap's depth, and the four
 * sit side by side in memory, so taking the next timer out of tens of
 * thousands touches fewer cache lines. The heap itself is three typed arrays (time, sequence, slot);
 * the function to run and the handle, if the caller may cancel, wait in a
 * slot that never moves. So a sift moves only numbers that sit next to each
 * other in memory (no pointer writes for the garbage collector to track),
 * and a timer that is never cancelled (the engine's own) allocates nothing.
 * With tens of thousands of timers pending (one per connection), that is
 * most of a heap operation's cost and of the garbage.
 */

/** A cancellable entry's handle: the run is skipped when `cancelled`. */
export interface Cancellable {
  cancelled: boolean;
}

export class EventHeap {
  // heap order
  private atMs = new Float64Array(64);
  private seq = new Float64Array(64);
  private slot = new Int32Array(64);
  private size = 0;
  // by slot
  private runs: (((arg: unknown) => void) | undefined)[] = [];
  private args: unknown[] = [];
  private handles: (Cancellable | undefined)[] = [];
  private freeSlots: number[] = [];

  get length(): number {
    return this.size;
  }

  /** The next entry's time, sequence number, function, its argument and handle (only while length > 0). */
  get topAtMs(): number {
    return this.atMs[0];
  }
  get topSeq(): number {
    return this.seq[0];
  }
  get topRun(): (arg: unknown) => void {
    return this.runs[this.slot[0]] as (arg: unknown) => void;
  }
  get topArg(): unknown {
    return this.args[this.slot[0]];
  }
  get topHandle(): Cancellable | undefined {
    return this.handles[this.slot[0]];
  }

  /** `arg` is passed to `run`, so that callers with one function for many objects need no closure per object. */
  push<A>(atMs: number, seq: number, run: (arg: A) => void, arg: A, handle: Cancellable | undefined): void {
    if (this.size === this.atMs.length) this.grow();
    const slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.runs.length;
    this.runs[slot] = run as (arg: unknown) => void;
    this.args[slot] = arg;
    this.handles[slot] = handle;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 2;
      if (!(atMs < this.atMs[parent] || (atMs === this.atMs[parent] && seq < this.seq[parent]))) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, atMs, seq, slot);
  }

  /** Removes the next entry (only while length > 0). */
  pop(): void {
    const freed = this.slot[0];
    this.runs[freed] = undefined; // let them go
    this.args[freed] = undefined;
    this.handles[freed] = undefined;
    this.freeSlots.push(freed);
    const last = --this.size;
    if (last === 0) return;
    const atMs = this.atMs[last];
    const seq = this.seq[last];
    const slot = this.slot[last];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= last) break;
      let child = first;
      const end = Math.min(first + 4, last);
      for (let c = first + 1; c < end; c++) if (this.before(c, child)) child = c;
      if (!(this.atMs[child] < atMs || (this.atMs[child] === atMs && this.seq[child] < seq))) break;
      this.move(child, i);
      i = child;
    }
    this.place(i, atMs, seq, slot);
  }

  private before(a: number, b: number): boolean {
    return this.atMs[a] < this.atMs[b] || (this.atMs[a] === this.atMs[b] && this.seq[a] < this.seq[b]);
  }

  private move(from: number, to: number): void {
    this.atMs[to] = this.atMs[from];
    this.seq[to] = this.seq[from];
    this.slot[to] = this.slot[from];
  }

  private place(i: number, atMs: number, seq: number, slot: number): void {
    this.atMs[i] = atMs;
    this.seq[i] = seq;
    this.slot[i] = slot;
  }

  private grow(): void {
    const n = this.atMs.length * 2;
    const atMs = new Float64Array(n);
    atMs.set(this.atMs);
    const seq = new Float64Array(n);
    seq.set(this.seq);
    const slot = new Int32Array(n);
    slot.set(this.slot);
    this.atMs = atMs;
    this.seq = seq;
    this.slot = slot;
  }
}
