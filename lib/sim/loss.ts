/**
 * Which packets the path loses: a seeded, reproducible Bernoulli draw per
 * packet, with its own rate and its own random stream in each direction
 * (so more packets one way never shift the losses the other way), and an
 * explicit list of packets to drop, numbered in the order they are handed
 * to the link (0 = the first SYN).
 *
 * The draws come from pure-rand's xoroshiro128+; the two directions use two
 * streams of one seed, one jump (2^64 draws) apart.
 */
import { xoroshiro128plus, type RandomGenerator } from "pure-rand";
import { checkNumber, expected, invalidType, listOf, optionsObject, MAX_QUANTITY } from "../errors";
import type { DirectionalLoss, PathOptions } from "../tcp/options";
import { messages } from "../i18n";
import type { Side } from "../tcp/trace";

const say = messages("sim/loss", {
  lossRate: {
    en: "a number in [0, 1), or { clientToServer, serverToClient } with one such number each",
    ko: "[0, 1) 범위의 숫자, 또는 방향마다 그런 숫자를 하나씩 담은 { clientToServer, serverToClient }",
  },
  tooManyDrops: { en: "an array of at most {max} packet numbers", ko: "패킷 번호가 {max}개 이하인 배열" },
});

/** The seed when none is given. */
export const DEFAULT_LOSS_SEED = 1;

const SEED_LIMIT = 2 ** 31 - 1;

function checkRate(name: string, value: unknown): number {
  return checkNumber(name, value, { min: 0, max: 0.999999 });
}

/** Checks lossRate: a number in [0, 1) or { clientToServer, serverToClient }. */
export function checkLossRate(value: unknown): DirectionalLoss {
  if (value === undefined) return { clientToServer: 0, serverToClient: 0 };
  if (typeof value === "number") {
    const rate = checkRate("lossRate", value);
    return { clientToServer: rate, serverToClient: rate };
  }
  if (value === null || typeof value !== "object") invalidType("lossRate", say.lossRate(), value);
  const o = optionsObject("lossRate", value as DirectionalLoss);
  return {
    clientToServer: checkRate("lossRate.clientToServer", o.clientToServer),
    serverToClient: checkRate("lossRate.serverToClient", o.serverToClient),
  };
}

export class LossProcess {
  readonly rates: DirectionalLoss;
  readonly seed: number;
  private readonly drops: ReadonlySet<number>;
  private readonly streams: Record<Side, RandomGenerator>;
  /** True when nothing can ever be lost (the engine then skips the draws; read for every packet, so worked out once: the rates are frozen). */
  readonly none: boolean;

  constructor(options: Pick<PathOptions, "lossRate" | "seed" | "dropPackets"> = {}) {
    const o = optionsObject("options", options);
    this.rates = Object.freeze(checkLossRate(o.lossRate));
    this.seed =
      o.seed === undefined ? DEFAULT_LOSS_SEED : checkNumber("seed", o.seed, { min: -SEED_LIMIT, max: SEED_LIMIT, integer: true });
    this.drops = checkDropPackets(o.dropPackets);
    const up = xoroshiro128plus(this.seed);
    // xoroshiro128+ always has jump(); the type marks it optional for other generators
    this.streams = { client: up, server: up.jump?.() ?? xoroshiro128plus(this.seed + 1) };
    this.none = this.drops.size === 0 && this.rates.clientToServer === 0 && this.rates.serverToClient === 0;
  }

  /** Whether packet number `n`, sent by `from`, is lost. Draws once per packet when its direction has a rate. */
  lost(n: number, from: Side): boolean {
    const rate = from === "client" ? this.rates.clientToServer : this.rates.serverToClient;
    const drawn = rate > 0 && uniform(this.streams[from]) < rate;
    return this.drops.has(n) || drawn;
  }
}

/** A uniform number in [0, 1) from the generator's 32-bit output. */
function uniform(rng: RandomGenerator): number {
  return (rng.unsafeNext() >>> 0) / 2 ** 32;
}

/**
 * The most packets `dropPackets` may list: losses picked by hand are a few, and ten million of them
 * took a second to read and index before the run began.
 */
const MAX_DROPPED_PACKETS = 100_000;

function checkDropPackets(value: unknown): ReadonlySet<number> {
  if (value === undefined) return new Set();
  const drops = listOf(
    "dropPackets",
    value,
    expected.array(),
    (n, at) => checkNumber(at, n, { min: 0, integer: true, max: MAX_QUANTITY }),
    {
      count: MAX_DROPPED_PACKETS,
      tooMany: () => say.tooManyDrops({ max: MAX_DROPPED_PACKETS }),
    },
  );
  return new Set(drops);
}
