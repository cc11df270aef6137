/**
 * The scheduler's timers: a binary min-heap keyed on (time, sequence
 * number). Each entry is four parallel slots (time and sequence number in
 * Float64Arrays, the function to run, the handle if the caller may cancel),
 * not an object: a sift compares numbers that sit next to each other in
 * memory, and a timer that is never cancelled (the engine's own) costs no
 * allocation at all. With tens of thousands of timers pending (one per
 * connection), that is most of a heap operation's cost and of the garbage.
 */

/** A cancellable entry's handle: the run is skipped when `cancelled`. */
export interface Cancellable {
  cancelled: boolean;
}

export class EventHeap {
  private atMs = new Float64Array(64);
  private seq = new Float64Array(64);
  private runs: ((() => void) | undefined)[] = [];
  private handles: (Cancellable | undefined)[] = [];
  private size = 0;

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
    return this.runs[0] as () => void;
  }
  get topHandle(): Cancellable | undefined {
    return this.handles[0];
  }

  push(atMs: number, seq: number, run: () => void, handle: Cancellable | undefined): void {
    if (this.size === this.atMs.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(atMs < this.atMs[parent] || (atMs === this.atMs[parent] && seq < this.seq[parent]))) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, atMs, seq, run, handle);
  }

  /** Removes the next entry (only while length > 0). */
  pop(): void {
    const last = --this.size;
    const atMs = this.atMs[last];
    const seq = this.seq[last];
    const run = this.runs[last];
    const handle = this.handles[last];
    this.runs[last] = undefined; // let them go
    this.handles[last] = undefined;
    if (last === 0) return;
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
    this.place(i, atMs, seq, run, handle);
  }

  private before(a: number, b: number): boolean {
    return this.atMs[a] < this.atMs[b] || (this.atMs[a] === this.atMs[b] && this.seq[a] < this.seq[b]);
  }

  private move(from: number, to: number): void {
    this.atMs[to] = this.atMs[from];
    this.seq[to] = this.seq[from];
    this.runs[to] = this.runs[from];
    this.handles[to] = this.handles[from];
  }

  private place(i: number, atMs: number, seq: number, run: (() => void) | undefined, handle: Cancellable | undefined): void {
    this.atMs[i] = atMs;
    this.seq[i] = seq;
    this.runs[i] = run;
    this.handles[i] = handle;
  }

  private grow(): void {
    const atMs = new Float64Array(this.atMs.length * 2);
    atMs.set(this.atMs);
    this.atMs = atMs;
    const seq = new Float64Array(this.seq.length * 2);
    seq.set(this.seq);
    this.seq = seq;
  }
}
