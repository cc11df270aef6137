/**
 * The scheduler's timers: a binary min-heap keyed on (time, sequence
 * number). The keys live in two Float64Arrays beside the array of events, so
 * a sift compares numbers that sit next to each other in memory instead of
 * following a pointer to an event object per comparison: with tens of
 * thousands of timers pending (one per connection), that is most of a
 * heap operation's cost.
 */

/** What the heap holds: anything with a time and a sequence number. */
export interface HeapEvent {
  readonly atMs: number;
  readonly seq: number;
}

export class EventHeap<E extends HeapEvent> {
  private atMs = new Float64Array(64);
  private seq = new Float64Array(64);
  private events: E[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** The event that runs next (undefined when empty). */
  peek(): E | undefined {
    return this.size > 0 ? this.events[0] : undefined;
  }

  push(event: E): void {
    if (this.size === this.atMs.length) this.grow();
    let i = this.size++;
    const { atMs, seq } = event;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!(atMs < this.atMs[parent] || (atMs === this.atMs[parent] && seq < this.seq[parent]))) break;
      this.move(parent, i);
      i = parent;
    }
    this.place(i, event);
  }

  /** Removes and returns the next event (only while length > 0). */
  pop(): E {
    const top = this.events[0];
    const last = this.events[--this.size];
    this.events[this.size] = undefined as unknown as E; // let it go
    if (this.size > 0) {
      const { atMs, seq } = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= this.size) break;
        const right = left + 1;
        const child = right < this.size && this.before(right, left) ? right : left;
        if (!(this.atMs[child] < atMs || (this.atMs[child] === atMs && this.seq[child] < seq))) break;
        this.move(child, i);
        i = child;
      }
      this.place(i, last);
    }
    return top;
  }

  private before(a: number, b: number): boolean {
    return this.atMs[a] < this.atMs[b] || (this.atMs[a] === this.atMs[b] && this.seq[a] < this.seq[b]);
  }

  private move(from: number, to: number): void {
    this.atMs[to] = this.atMs[from];
    this.seq[to] = this.seq[from];
    this.events[to] = this.events[from];
  }

  private place(i: number, event: E): void {
    this.atMs[i] = event.atMs;
    this.seq[i] = event.seq;
    this.events[i] = event;
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
