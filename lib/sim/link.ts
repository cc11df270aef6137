/**
 * A point-to-point link between the client side and the server side, with
 * each direction modelled on its own: a one-way propagation delay and a
 * bandwidth.
 *
 * A packet of W wire bytes needs W*8/bandwidth seconds to be put on the wire
 * (serialisation). A direction sends one packet at a time: a packet handed
 * over while the previous one is still being sent waits in a FIFO queue
 * (think of the NIC or the bottleneck router). It arrives at the far end
 * when its last bit has been sent plus the propagation delay.
 *
 * Assumptions: an unlimited queue (nothing is ever dropped), no reordering,
 * no jitter. Every connection of a Network shares its link, so parallel
 * connections compete for the same bandwidth, as they do on a real access link.
 */
import { checkChoice, checkNumber, optionsObject, MAX_QUANTITY, MIN_BANDWIDTH_BPS, RULES } from "../errors";
import type { Side } from "./trace";

export interface DirectionSpec {
  /** one-way propagation delay in ms */
  delayMs: number;
  /** bits per second; Infinity (the default) means serialisation takes no time */
  bandwidthBps?: number;
}

export interface LinkSpec {
  clientToServer: DirectionSpec;
  serverToClient: DirectionSpec;
}

/** When a packet handed to the link starts to leave and when it arrives. */
export interface Transmission {
  startMs: number;
  endMs: number;
  arriveMs: number;
}

/** What Link.carry answers: the packet's times, valid until the next packet on the same direction. */
export interface Carried {
  readonly startMs: number;
  /** when its last bit has left */
  readonly endMs: number;
  readonly arriveMs: number;
}

/** The same delay (half the RTT) and bandwidth both ways. */
export function symmetricLink(rttMs: number, bandwidthBps: number = Infinity): LinkSpec {
  checkNumber("rttMs", rttMs, { min: 0, max: MAX_QUANTITY });
  if (bandwidthBps !== Infinity) checkNumber("bandwidthBps", bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const one = { delayMs: rttMs / 2, bandwidthBps };
  return { clientToServer: { ...one }, serverToClient: { ...one } };
}

const SIDES: readonly Side[] = ["client", "server"];

/** Milliseconds needed to serialise `wireBytes` at `bandwidthBps` (0 for an unlimited link). */
export function serialisationMs(wireBytes: number, bandwidthBps: number): number {
  checkNumber("wireBytes", wireBytes, { min: 0, max: MAX_QUANTITY });
  if (bandwidthBps === Infinity) return 0;
  return (wireBytes * 8 * 1000) / checkNumber("bandwidthBps", bandwidthBps, { min: MIN_BANDWIDTH_BPS });
}

class Direction {
  readonly delayMs: number;
  readonly bandwidthBps: number;
  /**
   * When the direction is free again, and the last packet's start and arrival, read right after
   * carry(): a typed array, because storing a fractional number in an object's field allocates
   * and the engine carries every packet.
   */
  private readonly times = new Float64Array(3);

  constructor(name: string, spec: DirectionSpec) {
    const s = optionsObject(name, spec);
    this.delayMs = checkNumber(`${name}.delayMs`, s.delayMs, { min: 0, max: MAX_QUANTITY });
    const bw = s.bandwidthBps === undefined ? Infinity : s.bandwidthBps;
    this.bandwidthBps = bw === Infinity ? bw : checkNumber(`${name}.bandwidthBps`, bw, { min: MIN_BANDWIDTH_BPS });
  }

  /** Queues a packet (arguments already checked); its times are then startMs, endMs and arriveMs. */
  carry(nowMs: number, wireBytes: number): void {
    const t = this.times;
    t[START] = Math.max(nowMs, t[FREE]);
    t[FREE] = t[START] + (this.bandwidthBps === Infinity ? 0 : (wireBytes * 8 * 1000) / this.bandwidthBps);
  }

  get startMs(): number {
    return this.times[START];
  }
  get endMs(): number {
    return this.times[FREE];
  }
  get arriveMs(): number {
    return this.times[FREE] + this.delayMs;
  }
}

const FREE = 0;
const START = 1;

export class Link {
  private readonly up: Direction;
  private readonly down: Direction;

  constructor(spec: LinkSpec) {
    const s = optionsObject("link", spec);
    this.up = new Direction("link.clientToServer", s.clientToServer as DirectionSpec);
    this.down = new Direction("link.serverToClient", s.serverToClient as DirectionSpec);
  }

  /** Queues a packet sent by `from` at `nowMs`; says when it leaves and when it arrives. */
  transmit(from: Side, nowMs: number, wireBytes: number): Transmission {
    const d = this.carry(from, nowMs, wireBytes);
    return { startMs: d.startMs, endMs: d.endMs, arriveMs: d.arriveMs };
  }

  /** transmit() without building its answer: the direction that took the packet, whose startMs and arriveMs are the packet's. */
  carry(from: Side, nowMs: number, wireBytes: number): Carried {
    if (from !== "client" && from !== "server") checkChoice("from", from, SIDES); // throws, naming "from"
    const direction = from === "client" ? this.up : this.down;
    direction.carry(checkNumber("nowMs", nowMs, RULES.nonNegative), checkNumber("wireBytes", wireBytes, RULES.quantity));
    return direction;
  }

  /** The round-trip propagation delay (no serialisation). */
  get rttMs(): number {
    return this.up.delayMs + this.down.delayMs;
  }

  bandwidthBps(from: Side): number {
    return (checkChoice("from", from, SIDES) === "client" ? this.up : this.down).bandwidthBps;
  }
}
