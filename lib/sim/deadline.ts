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
 * as its connection, which the network keeps. A queued check names its
 * timer by index, so a check that finds nothing to do (most of them) reads
 * two numbers and no object.
 */
import type { Scheduler } from "./scheduler";

/**
 * Two numbers per timer (its deadline, its earliest queued check), and what to call when it fires,
 * for every timer of one scheduler. A queued check carries its timer's index, not the timer: most
 * checks find the deadline cleared or moved, and then read only the two numbers (with tens of
 * thousands of timers, the Deadline object would be one more fetch from memory).
 */
class TimeSlots {
  times = new Float64Array(64);
  used = 0;
  /** by timer (index / 2): the function to call when it fires, and its argument */
  private readonly fires: ((owner: unknown) => void)[] = [];
  private readonly owners: unknown[] = [];
  constructor(readonly sim: Scheduler) {}

  /** The index of a new timer's two slots, both Infinity (not set, no check queued). */
  take<O>(fire: (owner: O) => void, owner: O): number {
    if (this.used + 2 > this.times.length) {
      const grown = new Float64Array(2 * this.times.length);
      grown.set(this.times);
      this.times = grown;
    }
    const i = this.used;
    this.used += 2;
    this.times[i] = Infinity;
    this.times[i + 1] = Infinity;
    this.fires.push(fire as (owner: unknown) => void);
    this.owners.push(owner);
    return i;
  }

  /** Makes sure a check of timer `i` is queued at or before its deadline. */
  queueCheck(i: number): void {
    const t = this.times;
    if (t[i + 1] <= t[i]) return;
    t[i + 1] = t[i];
    this.sim.schedule(t[i], this.checkNow, i);
  }

  /** check, made once per scheduler (Scheduler.schedule: no closure per check) */
  private readonly checkNow = (i: number) => this.check(i);

  private check(i: number): void {
    const t = this.times;
    if (this.sim.now >= t[i + 1]) t[i + 1] = Infinity; // the earliest queued check is this one (or was before it)
    if (t[i] === Infinity) return;
    if (this.sim.now < t[i]) {
      this.queueCheck(i);
      return;
    }
    t[i] = Infinity;
    this.fires[i / 2](this.owners[i / 2]);
  }
}

/** each scheduler's slots (a WeakMap: the Scheduler class stays as it is, and its slots go with it) */
const slotsOf = new WeakMap<Scheduler, TimeSlots>();

export class Deadline<O = unknown> {
  private readonly slots: TimeSlots;
  /** this timer's deadline is at slots.times[i], its earliest queued check at [i + 1] */
  private readonly i: number;

  /** `fire(owner)` runs when the deadline comes. */
  constructor(sim: Scheduler, fire: (owner: O) => void, owner: O) {
    let slots = slotsOf.get(sim);
    if (slots === undefined) {
      slots = new TimeSlots(sim);
      slotsOf.set(sim, slots);
    }
    this.slots = slots;
    this.i = slots.take(fire, owner);
  }

  /** True while the timer is set. */
  get pending(): boolean {
    return this.slots.times[this.i] !== Infinity;
  }

  /** When it fires (Infinity when not set). */
  get atMs(): number {
    return this.slots.times[this.i];
  }

  /** Sets (or moves) the timer to fire at `atMs`. */
  set(atMs: number): void {
    this.slots.times[this.i] = atMs;
    this.slots.queueCheck(this.i);
  }

  /** Stops the timer. */
  clear(): void {
    this.slots.times[this.i] = Infinity;
  }
}
