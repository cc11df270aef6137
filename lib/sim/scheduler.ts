/**
 * The clock and the event queue of the simulator.
 *
 * Simulated time only moves when the next event is taken from the queue, so a
 * run takes the same steps every time: events are ordered by time, and events
 * due at the same time run in the order they were scheduled (a sequence number
 * breaks ties). That stable order is what makes traces reproducible.
 *
 * A run stops after `maxEvents` events with a RangeError instead of spinning
 * forever, so a buggy model fails loudly rather than hanging a notebook.
 */
import { checkNumber } from "../errors";

/** A scheduled event; keep it to cancel the event later (a timer that is no longer needed). */
export interface EventHandle {
  readonly atMs: number;
  cancelled: boolean;
}

interface QueuedEvent extends EventHandle {
  seq: number;
  run: () => void;
}

/** Enough for any page load in the workbook, far short of a hang. */
export const DEFAULT_MAX_EVENTS = 5_000_000;

export class Scheduler {
  private queue: QueuedEvent[] = [];
  private seq = 0;
  private processed = 0;
  private current = 0;

  constructor(readonly maxEvents: number = DEFAULT_MAX_EVENTS) {
    checkNumber("maxEvents", maxEvents, { min: 1, integer: true });
  }

  /** The simulated time in ms. */
  get now(): number {
    return this.current;
  }

  /** Runs `run` at absolute time `atMs` (never in the past). */
  at(atMs: number, run: () => void): EventHandle {
    checkNumber("atMs", atMs, { min: this.current });
    const event: QueuedEvent = { atMs, seq: this.seq++, run, cancelled: false };
    this.insert(event);
    return event;
  }

  /** Runs `run` `delayMs` from now. */
  after(delayMs: number, run: () => void): EventHandle {
    checkNumber("delayMs", delayMs, { min: 0 });
    return this.at(this.current + delayMs, run);
  }

  cancel(handle: EventHandle | undefined): void {
    if (handle) handle.cancelled = true;
  }

  /** Runs events in order until the queue is empty or the next one is after `untilMs`. */
  run(untilMs: number = Infinity): void {
    if (untilMs !== Infinity) checkNumber("untilMs", untilMs, { min: 0 });
    while (this.queue.length > 0 && this.queue[0].atMs <= untilMs) {
      const event = this.queue.shift()!;
      if (event.cancelled) continue;
      if (++this.processed > this.maxEvents) {
        throw new RangeError(`simulation stopped after ${this.maxEvents} events at t=${event.atMs} ms (a model that never settles?)`);
      }
      this.current = event.atMs;
      event.run();
    }
    if (untilMs !== Infinity && untilMs > this.current) this.current = untilMs;
  }

  /** Number of events still waiting (cancelled ones included until they are reached). */
  get pending(): number {
    return this.queue.length;
  }

  // Binary search for the first event that must run later than `event`:
  // later time, or same time and scheduled later. Inserting there keeps FIFO order for ties.
  private insert(event: QueuedEvent): void {
    let lo = 0;
    let hi = this.queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.queue[mid];
      if (other.atMs < event.atMs || (other.atMs === event.atMs && other.seq < event.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.queue.splice(lo, 0, event);
  }
}
