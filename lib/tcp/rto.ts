/**
 * The retransmission timer's length (RFC 6298): how long a sender waits for
 * an ACK before it sends the oldest unacknowledged segment again.
 *
 *  - Before any RTT is measured the RTO is the initial value (RFC 6298 2.1:
 *    1 s; RFC 1122 had 3 s).
 *  - The first sample R sets SRTT = R and RTTVAR = R/2; each later one
 *    RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, then SRTT = 7/8 SRTT + 1/8 R (2.2, 2.3).
 *  - RTO = SRTT + max(G, 4 RTTVAR), never below the floor (2.4: 1 s) and
 *    never above the ceiling (2.5: at least 60 s; Linux's TCP_RTO_MAX, 120 s).
 *    Linux instead adds its floor to SRTT as the least variance term:
 *    RTO = SRTT + max(4 RTTVAR, TCP_RTO_MIN) ("floor": "variance").
 *  - Each timeout doubles the RTO (5.5, exponential backoff) up to the
 *    ceiling; the next RTT sample recomputes it from the estimate.
 *  - Karn's rule (RFC 6298 3): a segment sent more than once gives no
 *    sample, since its ACK may answer either copy. (The sender does that.)
 */
import { checkChoice, checkNumber, MAX_QUANTITY, RULES } from "../errors";
import { RFC1122_INITIAL_RTO_MS } from "./constants";

/** RFC 6298 2.5 allows a ceiling of 60 s or more; Linux's TCP_RTO_MAX is 120 s. */
export const MAX_RTO_MS = 120_000;
/** Clock granularity G (RFC 6298 2.3): the engine's clock is exact; Linux's is 1 ms. */
export const CLOCK_GRANULARITY_MS = 1;

export type RtoFloorRule = "rto" | "variance";

export class RtoEstimator {
  // SRTT and RTTVAR are always numbers (SRTT is NaN before the first sample): a field that holds only
  // numbers is updated in place, where one that may hold undefined takes a new heap number on every sample
  private srtt = Number.NaN;
  private rttVar = 0;
  private backoffs = 0;
  private initialMs: number;
  private readonly minMs: number;
  private readonly floorRule: RtoFloorRule;
  private readonly fixedMs: number | undefined;

  /**
   * `floorRule` "rto": RFC 6298's floor on the whole RTO; "variance": Linux's
   * floor on the variance term. `fixedMs`: no estimate, this RTO (still backed off).
   */
  constructor(initialMs: number, minMs: number, floorRule: RtoFloorRule = "rto", fixedMs?: number) {
    this.initialMs = checkNumber("initialRtoMs", initialMs, { min: 1, max: MAX_RTO_MS });
    this.minMs = checkNumber("minRtoMs", minMs, { min: 0, max: MAX_RTO_MS });
    this.floorRule = checkChoice("floorRule", floorRule, ["rto", "variance"] as const);
    this.fixedMs = fixedMs === undefined ? undefined : checkNumber("rtoMs", fixedMs, { min: 1, max: MAX_QUANTITY });
  }

  /** A new RTT measurement (ms) from a segment sent once; clears the backoff. */
  sample(rttMs: number): void {
    const r = checkNumber("rttMs", rttMs, RULES.quantity);
    if (Number.isNaN(this.srtt)) {
      this.srtt = r;
      this.rttVar = r / 2;
    } else {
      this.rttVar = 0.75 * this.rttVar + 0.25 * Math.abs(this.srtt - r);
      this.srtt = 0.875 * this.srtt + 0.125 * r;
    }
    this.backoffs = 0;
  }

  /** smoothed RTT, undefined before the first sample */
  get srttMs(): number | undefined {
    return Number.isNaN(this.srtt) ? undefined : this.srtt;
  }
  get rttVarMs(): number {
    return this.rttVar;
  }

  /** The timer expired: the next RTO is twice as long (up to the ceiling). */
  backoff(): void {
    this.backoffs += 1;
  }

  /** RFC 6298 5.7: a SYN timed out, so data starts with a 3 s RTO until an RTT is measured. */
  synTimedOut(): void {
    this.initialMs = Math.max(this.initialMs, RFC1122_INITIAL_RTO_MS);
    this.backoffs = 0;
  }

  /** Timeouts since the last RTT sample. */
  get backoffCount(): number {
    return this.backoffs;
  }

  /** The RTO to arm the timer with now. */
  get rtoMs(): number {
    // never below the clock's tick: a zero RTO would fire again and again at the same instant
    const base = Math.max(CLOCK_GRANULARITY_MS, this.baseMs());
    return Math.min(MAX_RTO_MS, this.backoffs === 0 ? base : base * 2 ** Math.min(this.backoffs, 30));
  }

  private baseMs(): number {
    if (this.fixedMs !== undefined) return this.fixedMs;
    if (Number.isNaN(this.srtt)) return this.initialMs;
    if (this.floorRule === "variance") return this.srtt + Math.max(4 * this.rttVar, this.minMs);
    return Math.max(this.minMs, this.srtt + Math.max(CLOCK_GRANULARITY_MS, 4 * this.rttVar));
  }
}
