/**
 * Argument checks shared by every model. A bad argument gets an error that
 * names the parameter and the value, in the style of Node's own errors
 * (`code` is ERR_INVALID_ARG_TYPE or ERR_OUT_OF_RANGE), never a NaN result.
 */

export interface NumberRule {
  /** smallest allowed value (inclusive) */
  min?: number;
  /** largest allowed value (inclusive) */
  max?: number;
  /** the value must be strictly greater than this */
  above?: number;
  /** the value must be a whole number */
  integer?: boolean;
}

/** Long strings are cut in messages: an error about a 1 MB header must not be 1 MB long. */
const SHOWN_CHARS = 120;

function describe(value: unknown): string {
  if (typeof value === "string") {
    return value.length > SHOWN_CHARS ? `${JSON.stringify(value.slice(0, SHOWN_CHARS))}... (${value.length} characters)` : JSON.stringify(value);
  }
  if (Array.isArray(value)) return `array of length ${value.length}`;
  return String(value);
}

/** Throws a TypeError with code ERR_INVALID_ARG_TYPE. */
export function invalidType(name: string, expected: string, value: unknown): never {
  const err = new TypeError(`The "${name}" argument must be ${expected}. Received ${typeof value} ${describe(value)}`);
  (err as NodeJS.ErrnoException).code = "ERR_INVALID_ARG_TYPE";
  throw err;
}

/** Throws a RangeError with code ERR_OUT_OF_RANGE. */
export function outOfRange(name: string, expected: string, value: unknown): never {
  const err = new RangeError(`The value of "${name}" is out of range. It must be ${expected}. Received ${describe(value)}`);
  (err as NodeJS.ErrnoException).code = "ERR_OUT_OF_RANGE";
  throw err;
}

/** Returns `value` if it is a finite number obeying `rule`, else throws naming `name`. */
export function checkNumber(name: string, value: unknown, rule: NumberRule = {}): number {
  if (typeof value !== "number") invalidType(name, "a number", value);
  // the common case first, without building a message: the engine checks every event's time
  if (
    Number.isFinite(value) &&
    (!rule.integer || Number.isInteger(value)) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max)
  ) return value;
  const parts: string[] = [];
  if (rule.integer) parts.push("an integer");
  if (rule.above !== undefined) parts.push(`> ${rule.above}`);
  if (rule.min !== undefined) parts.push(`>= ${rule.min}`);
  if (rule.max !== undefined) parts.push(`<= ${rule.max}`);
  const expected = parts.length ? parts.join(" and ") : "a finite number";
  return outOfRange(name, Number.isFinite(value) || !parts.length ? expected : `a finite number, ${expected}`, value);
}

/** Like checkNumber, but `undefined` yields `fallback` (for optional options). */
export function optionalNumber(name: string, value: unknown, fallback: number, rule: NumberRule = {}): number {
  return value === undefined ? checkNumber(name, fallback, rule) : checkNumber(name, value, rule);
}

/** Returns `value` if it is a boolean, `fallback` if undefined, else throws. */
export function optionalBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") invalidType(name, "a boolean", value);
  return value;
}

/** Returns `value` if it is a string, else throws naming `name`. */
export function checkString(name: string, value: unknown): string {
  if (typeof value !== "string") invalidType(name, "a string", value);
  return value;
}

/** Returns `value` if it is one of `choices`, else throws a RangeError listing them. */
export function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== "string" || !(choices as readonly string[]).includes(value)) {
    outOfRange(name, `one of ${choices.map((c) => JSON.stringify(c)).join(", ")}`, value);
  }
  return value as T;
}

/** Returns `value` if it is a plain object (options bag), `{}` if undefined. */
export function optionsObject<T extends object>(name: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) invalidType(name, "an object", value);
  return value;
}
