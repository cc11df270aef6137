/**
 * A packet's flags as bits, for the engine's tests on every packet ("is it a
 * SYN?", "does it carry an ACK?"): one lookup per packet instead of a call
 * to Array.prototype.includes per flag asked (those calls were about 7 % of
 * the instructions of a bench run). The engine's packets share a few frozen
 * flag sets, whose bits are kept; any other array is read each time.
 */
import type { Flag } from "../tcp/trace";

export const SYN_BIT = 1;
export const ACK_BIT = 2;
export const FIN_BIT = 4;
export const RST_BIT = 8;
export const PSH_BIT = 16;

const BITS: Readonly<Record<Flag, number>> = { SYN: SYN_BIT, ACK: ACK_BIT, FIN: FIN_BIT, RST: RST_BIT, PSH: PSH_BIT };

/** the bits of the frozen flag sets seen so far (a frozen set cannot change under its key) */
const frozenBits = new Map<readonly Flag[], number>();

/** The bits of the flags in `flags`. */
export function flagBits(flags: readonly Flag[]): number {
  const known = frozenBits.get(flags);
  if (known !== undefined) return known;
  let bits = 0;
  for (const name of Object.keys(BITS) as Flag[]) if (flags.includes(name)) bits |= BITS[name];
  if (Object.isFrozen(flags)) frozenBits.set(flags, bits);
  return bits;
}
