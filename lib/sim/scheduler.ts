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
 *
 * The queue is a binary min-heap keyed on (time, sequence number), so
 * scheduling and taking the next event cost O(log n) whatever the queue's
 * length: a transfer of 10^8 bytes (about 70,000 segments, each with its
 * arrival and ACK events) runs in a fraction of a second. Cancelling only
 * marks the event; the heap drops it when it comes to the top (lazy deletion).
 */
import { checkFunction, checkNumber, invalidType, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";

const say = messages("sim/scheduler", {
  eventHandle: { en: "an event handle returned by at() or after()", ko: "at() 또는 after()가 돌려준 이벤트 핸들" },
  runaway: {
    en: "simulation stopped after {events} events at t={atMs} ms (a model that never settles?)",
    ko: "이벤트를 {events}개 처리한 뒤 t={atMs} ms에서 시뮬레이션을 멈췄습니다 (끝나지 않는 모델일까요?)",
  },
});

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

/**
 * The most segments one side of a simulated connection may write, and the
 * most a model on the engine plays in all (a page's responses, a request
 * written in pieces): about a second of the engine's work. Bigger inputs are
 * refused up front, naming the parameter, instead of running into
 * maxEvents half a minute later.
 */
export const MAX_STREAM_SEGMENTS = 100_000;

export class Scheduler {
  /** a binary min-heap: queue[0] runs next; the children of i are 2i+1 and 2i+2 */
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
    const event: QueuedEvent = { atMs, seq: this.seq++, run: checkFunction<() => void>("run", run), cancelled: false };
    this.push(event);
    return event;
  }

  /** Runs `run` `delayMs` from now. */
  after(delayMs: number, run: () => void): EventHandle {
    checkNumber("delayMs", delayMs, { min: 0, max: MAX_QUANTITY });
    checkFunction("run", run);
    return this.at(this.current + delayMs, run);
  }

  cancel(handle: EventHandle | undefined): void {
    if (handle === undefined || handle === null) return;
    if (typeof handle !== "object" || typeof handle.cancelled !== "boolean") {
      invalidType("handle", say.eventHandle(), handle);
    }
    handle.cancelled = true;
  }

  /** Runs events in order until the queue is empty or the next one is after `untilMs`. */
  run(untilMs: number = Infinity): void {
    if (untilMs !== Infinity) checkNumber("untilMs", untilMs, { min: 0 });
    while (this.queue.length > 0 && this.queue[0].atMs <= untilMs) {
      const event = this.pop();
      if (event.cancelled) continue;
      if (++this.processed > this.maxEvents) {
        throw new RangeError(say.runaway({ events: this.maxEvents, atMs: event.atMs }));
      }
      this.current = event.atMs;
      event.run();
    }
    if (untilMs !== Infinity && untilMs > this.current) this.current = untilMs;
  }

  /** Number of events run so far (a measure of the engine's work: `bench` divides it by time). */
  get processedEvents(): number {
    return this.processed;
  }

  /** Number of events still waiting (cancelled ones included until they are reached). */
  get pending(): number {
    return this.queue.length;
  }

  private push(event: QueuedEvent): void {
    const q = this.queue;
    let i = q.length;
    q.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!runsBefore(event, q[parent])) break;
      q[i] = q[parent];
      i = parent;
    }
    q[i] = event;
  }

  private pop(): QueuedEvent {
    const q = this.queue;
    const top = q[0];
    const last = q.pop()!;
    if (q.length > 0) {
      // sift `last` down from the root
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= q.length) break;
        const right = left + 1;
        const child = right < q.length && runsBefore(q[right], q[left]) ? right : left;
        if (!runsBefore(q[child], last)) break;
        q[i] = q[child];
        i = child;
      }
      q[i] = last;
    }
    return top;
  }
}

/** Earlier time first; at the same time, the event scheduled first (FIFO ties). */
function runsBefore(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.atMs < b.atMs || (a.atMs === b.atMs && a.seq < b.seq);
}
