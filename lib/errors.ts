/**
 * Argument checks shared by every model. A bad argument gets an error that
 * names the parameter and the value, in the style of Node's own errors
 * (`code` is ERR_INVALID_ARG_TYPE or ERR_OUT_OF_RANGE), never a NaN result.
 * The message is in the reader's language (lib/i18n.ts): `expected` comes
 * from a message table, so it is `Localized`; the parameter name stays as the
 * code spells it.
 */
import { errorFrames, messages, plainFields, type Localized } from "./i18n";

const say = messages("errors", {
  arrayOfLength: { en: "array of length {length}", ko: "길이 {length}인 배열" },
  number: { en: "a number", ko: "숫자" },
  finiteNumber: { en: "a finite number", ko: "유한한 숫자" },
  finiteNumberAnd: { en: "a finite number, {rule}", ko: "유한한 숫자, {rule}" },
  integer: { en: "an integer", ko: "정수" },
  and: { en: " and ", ko: ", " },
  boolean: { en: "a boolean", ko: "불리언(true 또는 false)" },
  string: { en: "a string", ko: "문자열" },
  object: { en: "an object", ko: "객체" },
  plainObject: {
    en: "a plain object ({ ... }, its own fields; not a class instance, a boxed value or an object with a prototype)",
    ko: "일반 객체({ ... }, 자기 필드만; 클래스 인스턴스, 감싼 값, 프로토타입이 있는 객체는 안 됨)",
  },
  readableObject: {
    en: "a value that can be read (reading it threw: a getter, a Proxy's trap, or a revoked Proxy)",
    ko: "읽을 수 있는 값(읽는 중에 예외가 났습니다: 게터, Proxy의 트랩, 또는 폐기된 Proxy)",
  },
  ruleObject: { en: "an object { min?, max?, above?, integer? }", ko: "객체 { min?, max?, above?, integer? }" },
  stringArray: { en: "an array of strings", ko: "문자열 배열" },
  function: { en: "a function", ko: "함수" },
  array: { en: "an array", ko: "배열" },
  nonEmptyArray: { en: "a non-empty array", ko: "비어 있지 않은 배열" },
  stringOrStrings: { en: "a string or an array of strings", ko: "문자열 또는 문자열 배열" },
  oneOf: { en: "one of {choices}", ko: "{choices} 중 하나" },
  atMost: { en: "an array of at most {max} elements", ko: "원소가 {max}개 이하인 배열" },
});

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

/**
 * The largest time (ms) or size (bytes) a model takes: 2^53 - 1, the largest
 * whole number a double holds exactly. Sums and products of a few of them
 * stay finite, so a finite input never comes back as an Infinity time.
 */
export const MAX_QUANTITY = Number.MAX_SAFE_INTEGER;
/** The slowest link a model takes, bits/s: at one bit per second every transfer time is still finite. */
export const MIN_BANDWIDTH_BPS = 1;

/** Long strings are cut in messages: an error about a 1 MB header must not be 1 MB long. */
const SHOWN_CHARS = 120;

/** Names and expectations are written by the models, but may quote the input (a header name, a list item). */
const SHOWN_NAME_CHARS = 200;
const SHOWN_EXPECTED_CHARS = 1000;

function cut(text: string, max = SHOWN_CHARS): string {
  return text.length > max ? errorFrames.cut({ shown: text.slice(0, max), length: text.length }) : text;
}

/** Any value as text for a message, without throwing (an object without a prototype has no toString). */
function describe(value: unknown): string {
  if (typeof value === "string") {
    return value.length > SHOWN_CHARS
      ? errorFrames.cut({ shown: JSON.stringify(value.slice(0, SHOWN_CHARS)), length: value.length })
      : JSON.stringify(value);
  }
  try {
    // both may run the caller's code (a Proxy's traps, a lying length or toString), so both may throw
    if (Array.isArray(value)) return say.arrayOfLength({ length: value.length });
    return cut(String(value));
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return typeof value; // a revoked Proxy
    }
  }
}

/** A parameter name or an expectation as given (cut when long); one that is not a string is described. */
function label(text: unknown, max: number): string {
  return typeof text === "string" ? cut(text, max) : describe(text);
}

/** Throws a TypeError with code ERR_INVALID_ARG_TYPE. */
export function invalidType(name: string, expected: Localized, value: unknown): never {
  const err = new TypeError(
    errorFrames.invalidType({
      name: label(name, SHOWN_NAME_CHARS),
      expected: label(expected, SHOWN_EXPECTED_CHARS),
      // "Received undefined" or "null" as Node words it; otherwise the type, then the value
      received: value === undefined || value === null ? String(value) : `${typeof value} ${describe(value)}`,
    }),
  );
  (err as NodeJS.ErrnoException).code = "ERR_INVALID_ARG_TYPE";
  throw err;
}

/** Throws a RangeError with code ERR_OUT_OF_RANGE. */
export function outOfRange(name: string, expected: Localized, value: unknown): never {
  const err = new RangeError(
    errorFrames.outOfRange({
      name: label(name, SHOWN_NAME_CHARS),
      expected: label(expected, SHOWN_EXPECTED_CHARS),
      received: describe(value),
    }),
  );
  (err as NodeJS.ErrnoException).code = "ERR_OUT_OF_RANGE";
  throw err;
}

/**
 * Rules the engine checks on every packet, made once: a rule written as a
 * literal at the call is a new object per call where the call is not inlined.
 */
export const RULES = Object.freeze({
  /** a time or a duration: a finite number >= 0 */
  nonNegative: Object.freeze({ min: 0 }) as NumberRule,
  /** an amount: >= 0, at most MAX_QUANTITY */
  quantity: Object.freeze({ min: 0, max: MAX_QUANTITY }) as NumberRule,
});

/** Returns `value` if it is a finite number obeying `rule`, else throws naming `name`. */
export function checkNumber(name: string, value: unknown, rule: NumberRule = NO_RULE): number {
  // small enough to inline: the engine checks every event's time, and a call that returns a
  // fractional number from a function that is not inlined allocates a box for it
  if (typeof value === "number" && typeof rule === "object" && rule !== null && obeys(value, rule)) return value;
  return numberFailure(name, value, rule);
}

const NO_RULE: NumberRule = Object.freeze({});

/** True when `value` is finite and every bound of `rule` is a number it respects (a bound of another type goes to the slow path). */
function obeys(value: number, rule: NumberRule): boolean {
  // The engine's per-packet rules, known by identity: rules come in dozens of shapes, so reading a
  // rule's fields is a slow (megamorphic) lookup, several per check.
  if (rule === RULES.nonNegative) return value >= 0 && value < Infinity;
  if (rule === RULES.quantity) return value >= 0 && value <= MAX_QUANTITY;
  try {
    const { min, max, above } = rule;
    return (
      value - value === 0 && // finite: Infinity - Infinity and NaN - NaN are NaN
      (!rule.integer || Number.isInteger(value)) &&
      (above === undefined || (typeof above === "number" && value > above)) &&
      (min === undefined || (typeof min === "number" && value >= min)) &&
      (max === undefined || (typeof max === "number" && value <= max))
    );
  } catch {
    return false; // a getter or a Proxy's trap threw: numberFailure names the rule
  }
}

// checkNumber's slow path: names what was wrong (the value's type, the rule itself, or the bound it broke).
function numberFailure(name: string, value: unknown, rule: NumberRule): number {
  if (typeof rule !== "object" || rule === null) invalidType("rule", say.ruleObject(), rule);
  if (typeof value !== "number") invalidType(name, say.number(), value);
  const r = checkRule(rule);
  const parts: string[] = [];
  if (r.integer) parts.push(say.integer());
  if (r.above !== undefined) parts.push(`> ${r.above}`);
  if (r.min !== undefined) parts.push(`>= ${r.min}`);
  if (r.max !== undefined) parts.push(`<= ${r.max}`);
  const expected = (parts.length ? parts.join(say.and()) : say.finiteNumber()) as Localized;
  return outOfRange(name, Number.isFinite(value) || !parts.length ? expected : say.finiteNumberAnd({ rule: expected }), value);
}

/**
 * A rule whose bounds are not numbers would make every value fail (or pass) for the wrong reason.
 * Returns a copy, each field read once (a getter may answer a second read differently).
 */
function checkRule(rule: NumberRule): NumberRule {
  let fields: NumberRule = {};
  try {
    fields = { min: rule.min, max: rule.max, above: rule.above, integer: rule.integer };
  } catch {
    invalidType("rule", say.readableObject(), rule); // a getter or a Proxy's trap threw
  }
  for (const key of ["min", "max", "above"] as const) {
    const bound = fields[key];
    if (bound !== undefined && (typeof bound !== "number" || Number.isNaN(bound))) invalidType(`rule.${key}`, say.number(), bound);
  }
  if (fields.integer !== undefined && typeof fields.integer !== "boolean") invalidType("rule.integer", say.boolean(), fields.integer);
  return fields;
}

/** Like checkNumber, but `undefined` yields `fallback` (for optional options). */
export function optionalNumber(name: string, value: unknown, fallback: number, rule: NumberRule = {}): number {
  return value === undefined ? checkNumber(name, fallback, rule) : checkNumber(name, value, rule);
}

/** Returns `value` if it is a boolean, `fallback` if undefined, else throws. */
export function optionalBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (typeof fallback !== "boolean") invalidType("fallback", say.boolean(), fallback);
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") invalidType(name, say.boolean(), value);
  return value;
}

/** Expectations many checks share, worded once: `invalidType(name, expected.array(), value)`. */
export const expected = {
  number: say.number,
  string: say.string,
  boolean: say.boolean,
  object: say.object,
  function: say.function,
  array: say.array,
  nonEmptyArray: say.nonEmptyArray,
  stringOrStrings: say.stringOrStrings,
  readable: say.readableObject,
};

/** Returns `value` if it is a function, else throws naming `name`. */
export function checkFunction<T extends (...args: never[]) => unknown>(name: string, value: unknown): T {
  if (typeof value !== "function") invalidType(name, say.function(), value);
  return value as T;
}

/** Returns `value` if it is a string, else throws naming `name`. */
export function checkString(name: string, value: unknown): string {
  if (typeof value !== "string") invalidType(name, say.string(), value);
  return value;
}

/** More choices than a message can list: checkChoice's callers pass a handful. */
const MAX_CHOICES = 1000;

/** Returns `value` if it is one of `choices`, else throws a RangeError listing them. */
export function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (!isArray(choices)) invalidType("choices", say.stringArray(), choices);
  // a sparse array of length 2^32 - 1 would be searched and listed for minutes
  if (choices.length > MAX_CHOICES) outOfRange("choices", say.atMost({ max: MAX_CHOICES }), choices);
  // reading the choices runs the caller's code (a getter, a Proxy's trap), which may throw
  let listed: string | undefined;
  try {
    if (typeof value !== "string" || !(choices as readonly string[]).includes(value))
      listed = Array.from(choices, (c) => describe(c)).join(", ");
  } catch {
    invalidType("choices", say.readableObject(), choices);
  }
  if (listed !== undefined) outOfRange(name, say.oneOf({ choices: listed }), value);
  return value as T;
}

/**
 * An options bag: a copy of `value`'s own enumerable fields, `{}` if undefined.
 * Only a plain object (`{ ... }`, or one without a prototype) is taken: a
 * field it inherits (Object.create({ rttMs: 5 }), a class's getter, new
 * String("a")) would be read by the model but not by a copy or a check.
 * Every field is read once, here: a getter or a Proxy that answers the check
 * with one value and the model with another sees only the copy used.
 */
export function optionsObject<T extends object>(name: string, value: T | undefined): Partial<T> {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object") invalidType(name, say.plainObject(), value);
  let plain = false;
  try {
    const proto = Object.getPrototypeOf(value);
    plain = !Array.isArray(value) && (proto === Object.prototype || proto === null);
  } catch {
    invalidType(name, say.readableObject(), value); // a revoked Proxy, or its trap threw
  }
  if (!plain) invalidType(name, say.plainObject(), value);
  return (plainFields(value) ?? invalidType(name, say.readableObject(), value)) as Partial<T>;
}

/** Array.isArray, but false for a revoked Proxy (which makes Array.isArray throw): the caller's check then names it. */
export function isArray(value: unknown): value is unknown[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

/** A message given as it is, or as a function that makes it: a caller in a loop passes the function, so the words (and the language they need) are looked up only for an error. */
function textOf(text: Localized | (() => Localized)): Localized {
  return typeof text === "function" ? text() : text;
}

/**
 * A copy of the array `value`, each element read once and passed to `item`
 * with its name (`${name}[i]`) and index, in order, holes included (as undefined):
 * the checks and the model then see the same elements. Refused, naming
 * `name`: anything but an array, one longer than `max` (before any element
 * is read: a sparse array can claim 2^32 - 1), and one whose reading throws
 * (a revoked Proxy, a trap or a getter that throws).
 */
export function listOf<T>(
  name: string,
  value: unknown,
  what: Localized | (() => Localized),
  item: (element: unknown, at: string, index: number) => T,
  max: { count: number; tooMany: Localized | (() => Localized) } | undefined = undefined,
): T[] {
  checkString("name", name);
  checkFunction("item", item);
  const m = max === undefined ? undefined : optionsObject("max", max);
  const limit = m === undefined ? Infinity : checkNumber("max.count", m.count, { min: 0, integer: true });
  const length = arrayLength(name, value, what);
  if (length > limit) outOfRange(name, textOf(m?.tooMany as Localized), value);
  const list: T[] = [];
  for (let i = 0; i < length; i++) list.push(item(elementAt(name, value as unknown[], i), `${name}[${i}]`, i));
  return list;
}

/** The length of `value` if it is an array whose length can be read, else a TypeError naming `name`. */
function arrayLength(name: string, value: unknown, what: Localized | (() => Localized)): number {
  let length = -1;
  try {
    if (Array.isArray(value)) length = value.length;
  } catch {
    invalidType(name, say.readableObject(), value); // a revoked Proxy
  }
  if (length < 0) invalidType(name, textOf(what), value);
  return length;
}

/** Element `i` of `list`, read once; a read that throws (a trap, a getter) is a TypeError naming the element. */
function elementAt(name: string, list: unknown[], i: number): unknown {
  try {
    return list[i];
  } catch {
    return invalidType(`${name}[${i}]`, say.readableObject(), list);
  }
}

/**
 * listOf for a list of numbers obeying `rule`: the same reading (each element once, in order, a hole
 * refused as undefined, a read that throws named), but the name of an element (`${name}[i]`) is made
 * only for its error. Made for every element, the names cost a list of ten million numbers a second.
 */
export function numbersOf(name: string, value: unknown, what: Localized | (() => Localized), rule: NumberRule = NO_RULE): number[] {
  checkString("name", name);
  const length = arrayLength(name, value, what);
  const list: number[] = [];
  for (let i = 0; i < length; i++) {
    const element = elementAt(name, value as unknown[], i);
    list.push(typeof element === "number" && obeys(element, rule) ? element : numberFailure(`${name}[${i}]`, element, rule));
  }
  return list;
}

/**
 * A simulated connection gave up, as a real stack does after its retries
 * (a SYN that is never answered, data that is never acknowledged): not a bad
 * argument but what the path did, so it names the connection and the time
 * instead of a parameter.
 */
export class ConnectionAbortedError extends Error {
  override name = "ConnectionAbortedError";
  constructor(message: string) {
    super(checkString("message", message));
  }
}
