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
 * Timers wait in a min-heap (event-heap.ts) keyed on (time, sequence number), so
 * scheduling and taking the next one cost O(log n) whatever the queue's
 * length. Cancelling only marks the event; the heap drops it when it comes
 * to the top (lazy deletion). Packet arrivals, most of the events, skip the
 * heap: a link direction is a FIFO, so its arrival times never go back, and
 * each direction is a Lane, a plain queue. So do most of the engine's own
 * timers, which come in time order too (schedule). The next event is the
 * earliest of the heap's top and the lanes' heads, by the same (time,
 * sequence number) order, so lanes change the speed and never the order;
 * the lanes' heads are kept side by side (LaneHeads) for that comparison.
 */
import { checkFunction, checkNumber, invalidType, RULES } from "../errors";
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
  // a ring buffer: the events are at head, head + 1, ... (mod capacity), `size` of them; its next event's time and sequence number are also in `heads`
  private times = new Float64Array(LANE_START);
  private seqs = new Float64Array(LANE_START);
  private runs: (((arg: unknown) => void) | undefined)[] = new Array(LANE_START).fill(undefined);
  private args: unknown[] = new Array(LANE_START).fill(undefined);
  private head = 0;
  private size = 0;

  constructor(
    private readonly sim: Scheduler,
    private readonly heads: LaneHeads,
    /** this lane's place in `heads` */
    private readonly slot: number,
  ) {}

  /**
   * Runs `run(arg)` at `atMs`, which is never before now or before this
   * lane's last event. (`arg` spares a closure per event: the engine passes the packet.)
   */
  at<A>(atMs: number, run: (arg: A) => void, arg: A): void {
    const last = this.size > 0 ? this.times[(this.head + this.size - 1) & (this.times.length - 1)] : this.sim.now;
    if (typeof atMs !== "number" || !(atMs >= last && atMs < Infinity)) {
      checkNumber("atMs", atMs, { min: this.sim.now });
      throw new RangeError(say.laneBackwards({ atMs, lastMs: last }));
    }
    this.push(atMs, checkFunction<(arg: A) => void>("run", run), arg);
  }

  /** at() for a time already checked against this lane's last (Scheduler.schedule). */
  push<A>(atMs: number, run: (arg: A) => void, arg: A): void {
    if (this.size === this.times.length) this.grow();
    const i = (this.head + this.size++) & (this.times.length - 1);
    const seq = this.sim.nextSeq();
    this.times[i] = atMs;
    this.seqs[i] = seq;
    this.runs[i] = run as (arg: unknown) => void;
    this.args[i] = arg;
    if (this.size === 1) this.heads.set(this.slot, atMs, seq);
  }

  get length(): number {
    return this.size;
  }
  /** the time of the last event queued (-Infinity when empty) */
  get lastAtMs(): number {
    return this.size > 0 ? this.times[(this.head + this.size - 1) & (this.times.length - 1)] : -Infinity;
  }
  /** Runs the next event (only while length > 0). */
  runNext(): void {
    const i = this.head;
    const run = this.runs[i] as (arg: unknown) => void;
    const arg = this.args[i];
    this.runs[i] = undefined; // let the function and its argument go
    this.args[i] = undefined;
    this.head = (i + 1) & (this.times.length - 1);
    this.size -= 1;
    if (this.size > 0) this.heads.set(this.slot, this.times[this.head], this.seqs[this.head]);
    else this.heads.set(this.slot, NO_EVENT, NO_EVENT);
    run(arg);
  }

  // Makes the ring LANE_GROWTH times bigger, unrolling it so the events start at 0.
  private grow(): void {
    const n = this.times.length;
    const times = new Float64Array(LANE_GROWTH * n);
    const seqs = new Float64Array(LANE_GROWTH * n);
    const runs: typeof this.runs = new Array(LANE_GROWTH * n).fill(undefined);
    const args: unknown[] = new Array(LANE_GROWTH * n).fill(undefined);
    for (let k = 0; k < n; k++) {
      const j = (this.head + k) & (n - 1);
      times[k] = this.times[j];
      seqs[k] = this.seqs[j];
      runs[k] = this.runs[j];
      args[k] = this.args[j];
    }
    this.times = times;
    this.seqs = seqs;
    this.runs = runs;
    this.args = args;
    this.head = 0;
  }
}

/**
 * The time and sequence number of every lane's next event (NO_EVENT and NO_EVENT when it has none),
 * side by side in one typed array: the scheduler compares them at every event, and reads a few
 * numbers in a row instead of fetching each lane and its arrays.
 */
class LaneHeads {
  private pairs = new Float64Array(16);
  count = 0;

  /** A place for one more lane, with no event yet. */
  add(): number {
    if (2 * (this.count + 1) > this.pairs.length) {
      const grown = new Float64Array(2 * this.pairs.length);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.set(this.count, NO_EVENT, NO_EVENT);
    return this.count++;
  }

  set(slot: number, atMs: number, seq: number): void {
    this.pairs[2 * slot] = atMs;
    this.pairs[2 * slot + 1] = seq;
  }

  atMs(slot: number): number {
    return this.pairs[2 * slot];
  }

  /** The lane whose next event comes before (atMs, seq) and every other lane's, or -1. */
  earliest(atMs: number, seq: number): number {
    const p = this.pairs;
    let best = -1;
    for (let k = 0; k < this.count; k++) {
      const t = p[2 * k];
      if (t < atMs || (t === atMs && p[2 * k + 1] < seq)) {
        best = k;
        atMs = t;
        seq = p[2 * k + 1];
      }
    }
    return best;
  }
}

/**
 * A lane head's time and sequence number when the lane is empty: after every event in (time,
 * sequence number) order, since times are finite and sequence numbers below 2^53. (Not Infinity,
 * which readers of the scheduler's fields take for a leaked non-finite number.)
 */
const NO_EVENT = Number.MAX_VALUE;

/** A lane's first capacity (a power of two: the ring's index wraps with a mask). */
const LANE_START = 256;

/**
 * How much a full lane grows (a power of two): four times rather than twice, because a large run's
 * timer lanes grow to tens of thousands of events, and each growth copies and fills them again.
 */
const LANE_GROWTH = 4;

/** Timer lanes per scheduler: enough for the few delays a connection's timers use, few enough to scan at every event. */
const TIMER_LANES = 4;

export type { Lane };

export class Scheduler {
  /** the timers (everything not in a lane) */
  private queue = new EventHeap();
  /** every lane, by its slot in `heads` */
  private lanes: Lane[] = [];
  private readonly heads = new LaneHeads();
  /** lanes for timers that come in time order (schedule); also in `lanes` */
  private readonly timerLanes: Lane[] = [];
  private seq = 0;
  private processed = 0;
  private current = 0;

  constructor(readonly maxEvents: number = DEFAULT_MAX_EVENTS) {
    checkNumber("maxEvents", maxEvents, { min: 1, integer: true });
    for (let i = 0; i < TIMER_LANES; i++) this.timerLanes.push(this.lane());
  }

  /** The simulated time in ms. */
  get now(): number {
    return this.current;
  }

  /** Runs `run` at absolute time `atMs` (never in the past). */
  at(atMs: number, run: () => void): EventHandle {
    const handle: EventHandle = { atMs: this.checkedTime(atMs), cancelled: false };
    this.queue.push(atMs, this.seq++, checkFunction<() => void>("run", run), undefined, handle);
    return handle;
  }

  /**
   * Like at(), for a caller that never cancels (a timer that checks its own deadline when it runs): no
   * handle is made, and `run(arg)` lets one function serve many objects without a closure for each.
   *
   * Such timers mostly come in time order (a fixed delay from a clock that only moves on: every
   * connection's SYN timer is 1 s after its SYN), so the event joins a timer lane when one ends at or
   * before it (the lane that ends latest, so the others stay free for earlier times), and the heap
   * only when none does: with tens of thousands of timers pending, a lane's append is far cheaper
   * than a heap's sift through levels the cache no longer holds. Order is unchanged (see run).
   */
  schedule<A>(atMs: number, run: (arg: A) => void, arg: A): void {
    const t = this.checkedTime(atMs);
    checkFunction<(arg: A) => void>("run", run);
    const lane = this.timerLaneFor(t);
    if (lane !== undefined) lane.push(t, run, arg);
    else this.queue.push(t, this.seq++, run, arg, undefined);
  }

  // The timer lane whose last event is latest but not after `atMs`, if any.
  private timerLaneFor(atMs: number): Lane | undefined {
    let best: Lane | undefined;
    let bestLast = -Infinity;
    for (const lane of this.timerLanes) {
      const last = lane.lastAtMs;
      if (last <= atMs && (best === undefined || last > bestLast)) {
        best = lane;
        bestLast = last;
      }
    }
    return best;
  }

  // A time to schedule at: a number, not in the past (the check's message is built only when it fails).
  private checkedTime(atMs: number): number {
    if (typeof atMs !== "number" || !(atMs >= this.current && atMs < Infinity)) checkNumber("atMs", atMs, { min: this.current });
    return atMs;
  }

  /** Runs `run` `delayMs` from now. */
  after(delayMs: number, run: () => void): EventHandle {
    checkNumber("delayMs", delayMs, RULES.quantity);
    checkFunction("run", run);
    return this.at(this.current + delayMs, run);
  }

  /** A new FIFO lane on this clock, for events that come in time order (see Lane). */
  lane(): Lane {
    const lane = new Lane(this, this.heads, this.heads.add());
    this.lanes.push(lane);
    return lane;
  }

  /** The next sequence number: every event, heap or lane, takes one, so ties run in the order scheduled. */
  nextSeq(): number {
    return this.seq++;
  }

  cancel(handle: EventHandle | undefined): void {
    if (handle === undefined || handle === null) return;
    let usable = false;
    try {
      usable = typeof handle === "object" && typeof handle.cancelled === "boolean" && Object.isExtensible(handle);
      if (usable) handle.cancelled = true;
    } catch {
      usable = false; // a revoked Proxy, or a trap that threw
    }
    if (!usable) invalidType("handle", say.eventHandle(), handle);
  }

  /** Runs events in order until the queue is empty or the next one is after `untilMs`. */
  run(untilMs: number = Infinity): void {
    if (untilMs !== Infinity) checkNumber("untilMs", untilMs, { min: 0 });
    for (;;) {
      const slot = this.nextLane();
      if (slot >= 0) {
        const atMs = this.heads.atMs(slot);
        if (atMs > untilMs) break;
        this.advance(atMs);
        this.lanes[slot].runNext();
      } else if (this.queue.length > 0 && this.queue.topAtMs <= untilMs) {
        const { topAtMs, topRun, topArg, topHandle } = this.queue;
        this.queue.pop();
        if (topHandle?.cancelled) continue;
        this.advance(topAtMs);
        topRun(topArg);
      } else break;
    }
    if (untilMs !== Infinity && untilMs > this.current) this.current = untilMs;
  }

  // The slot of the lane whose next event runs before every other lane's and the heap's top, or -1.
  private nextLane(): number {
    return this.queue.length > 0 ? this.heads.earliest(this.queue.topAtMs, this.queue.topSeq) : this.heads.earliest(NO_EVENT, NO_EVENT);
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
