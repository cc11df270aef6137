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
 * Timers wait in a binary min-heap keyed on (time, sequence number), so
 * scheduling and taking the next one cost O(log n) whatever the queue's
 * length. Cancelling only marks the event; the heap drops it when it comes
 * to the top (lazy deletion). Packet arrivals, most of the events, skip the
 * heap: a link direction is a FIFO, so its arrival times never go back, and
 * each direction is a Lane, a plain queue. The next event is the earliest of
 * the heap's top and the lanes' heads, by the same (time, sequence number)
 * order, so lanes change the speed and never the order.
 */
import { checkFunction, checkNumber, invalidType, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";
import { EventHeap } from "./event-heap";

const say = messages("sim/scheduler", {
  eventHandle: { en: "an event handle returned by at() or after()", ko: "at() 또는 after()가 돌려준 이벤트 핸들" },
  laneBackwards: {
    en: "a lane's events must come in time order: {atMs} ms is before the lane's last event at {lastMs} ms",
    ko: "레인의 이벤트는 시간 순서대로 와야 합니다: {atMs} ms는 레인의 마지막 이벤트 시각 {lastMs} ms보다 앞섭니다",
  },
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

/**
 * A queue of events whose times never go back (one direction of a FIFO
 * link), taken in order without a heap. Made by Scheduler.lane(); its events
 * cannot be cancelled (a packet on the wire arrives or is lost before it is sent).
 */
class Lane {
  private times: number[] = [];
  private seqs: number[] = [];
  private runs: ((arg: unknown) => void)[] = [];
  private args: unknown[] = [];
  /** events before this index have run */
  head = 0;

  constructor(private readonly sim: Scheduler) {}

  /**
   * Runs `run(arg)` at `atMs`, which is never before now or before this
   * lane's last event. (`arg` spares a closure per event: the engine passes the packet.)
   */
  at<A>(atMs: number, run: (arg: A) => void, arg: A): void {
    const last = this.times.length > this.head ? this.times[this.times.length - 1] : this.sim.now;
    if (typeof atMs !== "number" || !(atMs >= last && atMs < Infinity)) {
      checkNumber("atMs", atMs, { min: this.sim.now });
      throw new RangeError(say.laneBackwards({ atMs, lastMs: last }));
    }
    if (this.head > 1024 && this.head * 2 > this.times.length) this.compact();
    this.times.push(atMs);
    this.seqs.push(this.sim.nextSeq());
    this.runs.push(checkFunction<(arg: unknown) => void>("run", run));
    this.args.push(arg);
  }

  get length(): number {
    return this.times.length - this.head;
  }
  /** the time and sequence number of the next event (only while length > 0) */
  get nextAtMs(): number {
    return this.times[this.head];
  }
  get nextSeq(): number {
    return this.seqs[this.head];
  }
  /** Runs the next event (only while length > 0). */
  runNext(): void {
    const run = this.runs[this.head];
    const arg = this.args[this.head];
    this.runs[this.head] = NOOP; // let the function and its argument go
    this.args[this.head++] = undefined;
    run(arg);
  }

  // Drops the events already run, so a long run keeps only the ones to come.
  private compact(): void {
    this.times = this.times.slice(this.head);
    this.seqs = this.seqs.slice(this.head);
    this.runs = this.runs.slice(this.head);
    this.args = this.args.slice(this.head);
    this.head = 0;
  }
}

export type { Lane };

const NOOP = (): void => {};

export class Scheduler {
  /** the timers (everything not in a lane) */
  private queue = new EventHeap<QueuedEvent>();
  private lanes: Lane[] = [];
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
    if (typeof atMs !== "number" || !(atMs >= this.current && atMs < Infinity)) checkNumber("atMs", atMs, { min: this.current }); // the check's message, only when it fails
    const event: QueuedEvent = { atMs, seq: this.seq++, run: checkFunction<() => void>("run", run), cancelled: false };
    this.queue.push(event);
    return event;
  }

  /** Runs `run` `delayMs` from now. */
  after(delayMs: number, run: () => void): EventHandle {
    checkNumber("delayMs", delayMs, { min: 0, max: MAX_QUANTITY });
    checkFunction("run", run);
    return this.at(this.current + delayMs, run);
  }

  /** A new FIFO lane on this clock, for events that come in time order (see Lane). */
  lane(): Lane {
    const lane = new Lane(this);
    this.lanes.push(lane);
    return lane;
  }

  /** The next sequence number: every event, heap or lane, takes one, so ties run in the order scheduled. */
  nextSeq(): number {
    return this.seq++;
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
    for (;;) {
      const lane = this.nextLane();
      const top = this.queue.peek();
      if (lane !== undefined) {
        if (lane.nextAtMs > untilMs) break;
        this.advance(lane.nextAtMs);
        lane.runNext();
      } else if (top !== undefined && top.atMs <= untilMs) {
        this.queue.pop();
        if (top.cancelled) continue;
        this.advance(top.atMs);
        top.run();
      } else break;
    }
    if (untilMs !== Infinity && untilMs > this.current) this.current = untilMs;
  }

  // The lane whose head runs before every other lane's head and the heap's top, if any does.
  private nextLane(): Lane | undefined {
    let best: Lane | undefined;
    let atMs = Infinity;
    let seq = Infinity;
    const top = this.queue.peek();
    if (top !== undefined) {
      atMs = top.atMs;
      seq = top.seq;
    }
    for (const lane of this.lanes) {
      if (lane.length === 0) continue;
      const t = lane.nextAtMs;
      if (t < atMs || (t === atMs && lane.nextSeq < seq)) {
        best = lane;
        atMs = t;
        seq = lane.nextSeq;
      }
    }
    return best;
  }

  // Counts one event against maxEvents and moves the clock to it.
  private advance(atMs: number): void {
    if (++this.processed > this.maxEvents) throw new RangeError(say.runaway({ events: this.maxEvents, atMs }));
    this.current = atMs;
  }

  /** Number of events run so far (a measure of the engine's work: `bench` divides it by time). */
  get processedEvents(): number {
    return this.processed;
  }

  /** Number of events still waiting (cancelled ones included until they are reached). */
  get pending(): number {
    let n = this.queue.length;
    for (const lane of this.lanes) n += lane.length;
    return n;
  }
}
