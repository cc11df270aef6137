/**
 * Assertions for exercise checks. A failure is a CheckFailure whose message
 * teaches: what was called, what was expected, what came back, and why the
 * difference matters for HTTP connections.
 */
import { inspect, isDeepStrictEqual } from "node:util";
import { isNotImplemented } from "./not-implemented";

export class CheckFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckFailure";
  }
}

const show = (v: unknown) => inspect(v, { depth: 4, breakLength: 100 });

/** Fails the check with a message of its own. */
export function fail(message: string): never {
  throw new CheckFailure(message);
}

function mismatch(call: string, expected: string, got: unknown, why: string): never {
  fail(`${call}\n  expected ${expected}\n  got      ${show(got)}\n  why it matters: ${why}`);
}

/** Deep equality. `call` names what was computed, e.g. "segmentCount(3000)". */
export function expectEqual<T>(got: unknown, expected: T, call: string, why: string): void {
  if (!isDeepStrictEqual(got, expected)) mismatch(call, show(expected), got, why);
}

/** A number within `tolerance` of `expected` (absolute). */
export function expectClose(got: unknown, expected: number, tolerance: number, call: string, why: string): void {
  if (typeof got !== "number" || !(Math.abs(got - expected) <= tolerance)) {
    mismatch(call, `${expected} (± ${tolerance})`, got, why);
  }
}

/** `fn` must throw an error of class `type` (RangeError, TypeError, ...). */
export function expectThrows(fn: () => unknown, type: ErrorConstructor, call: string, why: string): void {
  try {
    fn();
  } catch (err) {
    if (isNotImplemented(err)) throw err; // a stub has not "rejected bad input"
    if (err instanceof type || (err instanceof Error && err.name === type.name)) return;
    mismatch(call, `a ${type.name}`, err, why);
  }
  fail(`${call}\n  expected a ${type.name} to be thrown\n  got      no error\n  why it matters: ${why}`);
}
