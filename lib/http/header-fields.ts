/**
 * The two shapes a header section takes in this workbook, and how to read a
 * field out of either.
 *
 * What it models: a message's header section as a list of field lines
 * (RFC 9110 5.2, 5.3). Field names are case-insensitive; a field may appear on
 * several lines, which together mean one comma-joined list (RFC 9110 5.3).
 * Shapes accepted (docs/ARCHITECTURE.md "Header fields"):
 *   - a plain object, name -> value, where a value is a string or an array of
 *     strings (the shape Node's `IncomingMessage.headers` uses);
 *   - an array of [name, value] pairs, in wire order.
 * Bad shapes throw a TypeError naming the exact place (`headers[2]`,
 * `headers["Connection"][1]`). A field name must be a token (RFC 9110 5.1)
 * and a value must not hold CR, LF or NUL (RFC 9110 5.5): either would let
 * one field smuggle another line into the message, so both are a RangeError
 * naming the place. At most MAX_FIELD_LINES lines (list-syntax.ts).
 */

import { checkString, expected, invalidType, isArray, listOf, optionsObject, outOfRange } from "../errors";
import { messages } from "../i18n";
import { MAX_FIELD_LINES, checkFieldValue, isToken } from "./list-syntax";

const say = messages("http/header-fields", {
  fieldName: { en: "a field name (an RFC 9110 token)", ko: "필드 이름(RFC 9110 토큰)" },
  fieldNameAt: {
    en: "a field name (an RFC 9110 token); the character {char} at index {index} is not a token character",
    ko: "필드 이름(RFC 9110 토큰). 인덱스 {index}의 문자 {char}은(는) 토큰에 쓸 수 없습니다",
  },
  tooManyLines: { en: "at most {max} field lines", ko: "필드 줄 최대 {max}개" },
  pair: { en: "a [name, value] pair", ko: "[name, value] 쌍" },
  headers: { en: "an object of name -> value or an array of [name, value] pairs", ko: "name -> value 객체 또는 [name, value] 쌍의 배열" },
});

export type HeaderValue = string | string[];
export type HeaderObject = Record<string, HeaderValue>;
export type HeaderPairs = Array<[string, string]>;
export type HeaderInput = HeaderObject | HeaderPairs;

/** One field line: name as written, value as written. */
export interface FieldLine {
  name: string;
  value: string;
}

/** A field name is a token (RFC 9110 5.1): no spaces, colons, CR, LF or NUL. */
function checkFieldName(where: string, name: string): string {
  if (!isToken(name)) {
    // name the first bad character by its code point: "\u212Aeep-Alive" (a Kelvin sign) prints as "Keep-Alive"
    const index = name.search(/[^!#$%&'*+\-.^_`|~0-9A-Za-z]/);
    if (index === -1) outOfRange(where, say.fieldName(), name);
    const code = name.codePointAt(index) as number;
    const char = `U+${code.toString(16).toUpperCase().padStart(4, "0")}${code > 0x20 && code < 0x7f ? ` (${String.fromCodePoint(code)})` : ""}`;
    outOfRange(where, say.fieldNameAt({ char, index }), name);
  }
  return name;
}

function tooMany(param: string, headers: unknown): never {
  return outOfRange(param, say.tooManyLines({ max: MAX_FIELD_LINES }), headers);
}

/** Checks `headers` and flattens it to field lines, in order. */
export function fieldLines(headers: unknown, param = "headers"): FieldLine[] {
  return readHeaders(headers, param).lines;
}

/**
 * A checked copy of `headers`, in the same shape: each field is read once, so
 * what a getter or a Proxy returns on a second read can neither escape the
 * checks (a value that was clean when checked and holds CR LF when copied)
 * nor change the copy. For functions that hand headers back (stripHopByHop).
 */
export function copyHeaders<T extends HeaderInput>(headers: T, param = "headers"): T {
  return readHeaders(headers, param).copy as T;
}

/** listOf's limits for a header list and for one [name, value] pair. */
const LINES = { count: MAX_FIELD_LINES, tooMany: () => say.tooManyLines({ max: MAX_FIELD_LINES }) };
const PAIR = { count: 2, tooMany: say.pair };

/** Reads every field of `headers` exactly once: its field lines, and a copy of the same shape. */
function readHeaders(headers: unknown, param: string): { lines: FieldLine[]; copy: HeaderInput } {
  if (typeof param !== "string") invalidType("param", expected.string(), param);
  const lines: FieldLine[] = [];
  if (isArray(headers)) {
    // holes included (a hole is no pair); each pair and each of its two strings read once
    // messages passed as functions: made only for an error (this runs for every message a model reads)
    listOf(
      param,
      headers,
      say.headers,
      (pair, at) => {
        const two = listOf(at, pair, say.pair, (v) => v, PAIR);
        if (two.length !== 2) invalidType(at, say.pair(), pair);
        const [name, value] = two;
        lines.push({ name: checkFieldName(`${at}[0]`, checkString(`${at}[0]`, name)), value: checkFieldValue(`${at}[1]`, value) });
      },
      LINES,
    );
    return { lines, copy: lines.map((l): [string, string] => [l.name, l.value]) };
  }
  if (headers === null || typeof headers !== "object") {
    invalidType(param, say.headers(), headers);
  }
  const fields = optionsObject(param, headers as Record<string, unknown>); // each field read once
  const copy: HeaderObject = {};
  for (const name of Object.keys(fields)) {
    const value = fields[name];
    const where = `${param}[${JSON.stringify(name.length > 100 ? `${name.slice(0, 100)}...` : name)}]`;
    checkFieldName(where, name);
    let copied: HeaderValue;
    if (typeof value === "string") {
      copied = checkFieldValue(where, value);
      lines.push({ name, value: copied });
    } else if (isArray(value)) {
      copied = listOf(where, value, expected.stringOrStrings, (line, at) => {
        if (lines.length >= MAX_FIELD_LINES) tooMany(param, headers);
        const v = checkFieldValue(at, line);
        lines.push({ name, value: v });
        return v;
      });
    } else invalidType(where, expected.stringOrStrings(), value);
    if (lines.length > MAX_FIELD_LINES) tooMany(param, headers);
    // defined, not assigned: a "__proto__" field stays a plain key
    Object.defineProperty(copy, name, { value: copied, enumerable: true, writable: true, configurable: true });
  }
  return { lines, copy };
}

/** Every value of the field `name` (case-insensitive), in order. */
export function fieldValues(headers: unknown, name: string, param = "headers"): string[] {
  const wanted = checkFieldName("name", checkString("name", name)).toLowerCase();
  return fieldLines(headers, param)
    .filter((line) => line.name.toLowerCase() === wanted)
    .map((line) => line.value);
}

/** Checks an optional headers argument; `undefined` means no fields. */
export function checkHeaders(param: string, headers: unknown): HeaderInput {
  if (typeof param !== "string") invalidType("param", expected.string(), param);
  if (headers === undefined) return {};
  return readHeaders(headers, param).copy; // the copy: each field was read once, when checked
}
