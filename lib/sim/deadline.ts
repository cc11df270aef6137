/**
 * A timer that is moved far more often than it fires (TCP's retransmission
 * and probe timers are restarted on every ACK): moving it only changes a
 * deadline, and one scheduled event looks at the deadline when its time
 * comes, scheduling itself again if the deadline moved later. So a
 * restart costs no event, and the queue does not fill with cancelled ones.
 */
import type { EventHandle, Scheduler } from "./scheduler";

export class Deadline {
  private at = Infinity;
  private event: EventHandle | undefined;
  private readonly checkNow = () => this.check(); // one closure for every event this timer schedules

  constructor(
    private readonly sim: Scheduler,
    private readonly fire: () => void,
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
    if (this.event && this.event.atMs <= atMs) return; // the event that is queued will look again
    if (this.event) this.sim.cancel(this.event);
    this.event = this.sim.at(atMs, this.checkNow);
  }

  /** Stops the timer. */
  clear(): void {
    this.at = Infinity;
  }

  private check(): void {
    this.event = undefined;
    if (this.at === Infinity) return;
    if (this.sim.now < this.at) {
      this.event = this.sim.at(this.at, this.checkNow);
      return;
    }
    this.at = Infinity;
    this.fire();
  }
}
