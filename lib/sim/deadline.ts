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
 */
import type { Scheduler } from "./scheduler";

export class Deadline<O = unknown> {
  private at = Infinity;
  private queuedAtMs = Infinity;

  constructor(
    private readonly sim: Scheduler,
    private readonly fire: (owner: O) => void,
    private readonly owner: O,
  ) {}

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
