/**
 * The scheduler's timers: a binary min-heap keyed on (time, sequence
 * number). The heap itself is three typed arrays (time, sequence, slot);
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
  private runs: ((() => void) | undefined)[] = [];
  private handles: (Cancellable | undefined)[] = [];
  private freeSlots: number[] = [];

  get length(): number {
    return this.size;
  }

  /** The next entry's time, sequence number, function and handle (only while length > 0). */
  get topAtMs(): number {
    return this.atMs[0];
  }
  get topSeq(): number {
    return this.seq[0];
  }
  get topRun(): () => void {
    return this.runs[this.slot[0]] as () => void;
  }
  get topHandle(): Cancellable | undefined {
    return this.handles[this.slot[0]];
  }

  push(atMs: number, seq: number, run: () => void, handle: Cancellable | undefined): void {
    if (this.size === this.atMs.length) this.grow();
    const slot = this.freeSlots.length > 0 ? (this.freeSlots.pop() as number) : this.runs.length;
    this.runs[slot] = run;
    this.handles[slot] = handle;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
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
    this.handles[freed] = undefined;
    this.freeSlots.push(freed);
    const last = --this.size;
    if (last === 0) return;
    const atMs = this.atMs[last];
    const seq = this.seq[last];
    const slot = this.slot[last];
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.before(right, left) ? right : left;
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
