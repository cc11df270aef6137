/**
 * A timer that is moved far more often than it fires (TCP's retransmission
 * and probe timers are restarted on every ACK): moving it only changes a
 * deadline, and a scheduled check looks at the deadline when its time
 * comes, scheduling itself again if the deadline moved later. So a restart
 * costs no event, and a check costs no allocation (Scheduler.schedule with
 * one function for every timer). A timer holds no closure either: it calls
 * `fire(owner)`, a function its owner's class makes once, so the tens of
 * thousands of timers of a large run are small objects.
 *
 * Checks are never cancelled: when the deadline moves earlier than the
 * queued check, a new check is queued and the old one later finds nothing
 * to do. `queuedAtMs` is the earliest check known to be queued; there is
 * always one at or before the deadline, so the timer fires at its deadline.
 *
 * A timer's two times live in a typed array its scheduler's timers share
 * (TimeSlots), not in fields: V8 keeps a fractional number held in a field
 * as a heap object of its own, so each timer would be three objects (a
 * connection has eight timers). In the array a connection's timers are
 * also next to each other. Slots are never reused: a timer lives as long
 * as its connection, which the network keeps.
 */
import type { Scheduler } from "./scheduler";

/** Two numbers per timer (its deadline, its earliest queued check), for every timer of one scheduler. */
class TimeSlots {
  times = new Float64Array(64);
  used = 0;
  constructor(readonly sim: Scheduler) {}

  /** The index of a new timer's two slots, both Infinity (not set, no check queued). */
  take(): number {
    if (this.used + 2 > this.times.length) {
      const grown = new Float64Array(2 * this.times.length);
      grown.set(this.times);
      this.times = grown;
    }
    const i = this.used;
    this.used += 2;
    this.times[i] = Infinity;
    this.times[i + 1] = Infinity;
    return i;
  }
}

/** each scheduler's slots (a WeakMap: the Scheduler class stays as it is, and its slots go with it) */
const slotsOf = new WeakMap<Scheduler, TimeSlots>();

export class Deadline<O = unknown> {
  private readonly slots: TimeSlots;
  /** this timer's deadline is at slots.times[i], its earliest queued check at [i + 1] */
  private readonly i: number;

  constructor(
    sim: Scheduler,
    private readonly fire: (owner: O) => void,
    private readonly owner: O,
  ) {
    let slots = slotsOf.get(sim);
    if (slots === undefined) {
      slots = new TimeSlots(sim);
      slotsOf.set(sim, slots);
    }
    this.slots = slots;
    this.i = slots.take();
  }

  private get at(): number {
    return this.slots.times[this.i];
  }
  private set at(atMs: number) {
    this.slots.times[this.i] = atMs;
  }
  private get queuedAtMs(): number {
    return this.slots.times[this.i + 1];
  }
  private set queuedAtMs(atMs: number) {
    this.slots.times[this.i + 1] = atMs;
  }
  private get sim(): Scheduler {
    return this.slots.sim;
  }

  /** True while the timer is set. */
  get pending(): boolean {
    return this.at !== Infinity;
  }

  /** When it fires (Infinity when not set). */
  get atMs(): number {
    return this.at;
  }

  /** Sets (or moves) the timer to fire at `atMs`. */
  set(atMs: number): void {
    this.at = atMs;
    this.queueCheck();
  }

  /** Stops the timer. */
  clear(): void {
    this.at = Infinity;
  }

  // Makes sure a check is queued at or before the deadline.
  private queueCheck(): void {
    if (this.queuedAtMs <= this.at) return;
    this.queuedAtMs = this.at;
    this.sim.schedule(this.at, Deadline.checkNow, this as Deadline);
  }

  private static readonly checkNow = (d: Deadline) => d.check();

  private check(): void {
    if (this.sim.now >= this.queuedAtMs) this.queuedAtMs = Infinity; // the earliest queued check is this one (or was before it)
    if (this.at === Infinity) return;
    if (this.sim.now < this.at) {
      this.queueCheck();
      return;
    }
    this.at = Infinity;
    this.fire(this.owner);
  }
}
