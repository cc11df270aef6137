/**
 * HTTP field-value syntax shared by the header parsers: tokens, comma lists
 * and quoted strings.
 *
 * What it models: the grammar of RFC 9110 5.6 that the Connection,
 * Keep-Alive and Content-Length fields are written in.
 *   - 5.6.1   list rule `#element`: elements separated by commas with optional
 *             whitespace (OWS = spaces and tabs); a recipient must accept empty
 *             elements, so ", , a ,b" is the list ["a", "b"].
 *   - 5.6.2   token = 1*tchar, tchar = "!#$%&'*+-.^_`|~", digits and letters.
 *   - 5.6.4   quoted-string with backslash escapes (quoted-pair).
 * Assumptions: field values arrive as JS strings already split from the
 * field name; obs-fold (line folding) has already been replaced by spaces, as
 * RFC 9112 5.2 asks a recipient to do. A value that still holds CR, LF or NUL
 * is refused (RFC 9110 5.5: a recipient must reject it or replace those
 * characters; passing them on would let a value smuggle a header line).
 * Every function here is linear in the length of its input.
 */

import { checkString, expected, invalidType, outOfRange, listOf } from "../errors";
import { messages } from "../i18n";

const say = messages("http/list-syntax", {
  fieldValue: { en: "a field value without CR, LF or NUL (RFC 9110 5.5)", ko: "CR, LF, NUL이 없는 필드 값(RFC 9110 5.5)" },
  closedQuotes: { en: "a list whose quoted strings are closed", ko: "따옴표 문자열(quoted-string)이 모두 닫힌 목록" },
  tooManyLines: { en: "at most {max} field lines", ko: "필드 줄 최대 {max}개" },
  tooManyElements: { en: "a list of at most {max} elements in all", ko: "모두 합쳐 원소 최대 {max}개인 목록" },
});

/**
 * The most field lines one header section (or one list of field values) may
 * have. RFC 9110 sets no number; servers do (Node 2,000 headers, Apache 100):
 * a bigger input is refused at once, naming it.
 */
export const MAX_FIELD_LINES = 10_000;

/**
 * The most elements one list field may hold, over all its lines. Real Connection and Keep-Alive
 * fields hold a few; servers refuse a whole header section past 8-16 KB. A bigger list is refused
 * as soon as it is counted, before the parser builds anything from it.
 */
export const MAX_LIST_ELEMENTS = 10_000;

const CONTROL = /[\r\n\0]/;

/** Returns `value` if it is a string without CR, LF or NUL (RFC 9110 5.5), else throws naming `name`. */
export function checkFieldValue(name: string, value: unknown): string {
  const s = checkString(name, value);
  if (CONTROL.test(s)) outOfRange(name, say.fieldValue(), s);
  return s;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `s` is a non-empty RFC 9110 token. */
export function isToken(s: string): boolean {
  return TOKEN.test(checkString("s", s));
}

const isOws = (c: string) => c === " " || c === "\t";

/**
 * Strips optional whitespace (SP and HTAB only, not every JS whitespace).
 * By index, not by a regular expression: `[ \t]+$` backtracks over every run
 * of blanks inside a value, which made long values take quadratic time.
 */
export function trimOws(s: string): string {
  checkString("s", s);
  let start = 0;
  let end = s.length;
  while (start < end && isOws(s[start])) start++;
  while (end > start && isOws(s[end - 1])) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

/**
 * Splits a list field value at the commas that are not inside a quoted
 * string, trims each element and drops empty ones (RFC 9110 5.6.1).
 * A quote that is never closed makes the value malformed: the caller's
 * parameter name is used in the error.
 */
export function splitList(value: string, name: string): string[] {
  checkString(typeof name === "string" ? name : "value", value);
  const items: string[] = [];
  const add = (from: number, to: number) => {
    const item = trimOws(value.slice(from, to));
    if (item !== "") items.push(item);
  };
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inQuotes) {
      if (c === "\\")
        i++; // a quoted-pair: the next character is taken as it is
      else if (c === '"') inQuotes = false;
    } else if (c === ",") {
      add(start, i);
      start = i + 1;
    } else if (c === '"') {
      inQuotes = true;
    }
  }
  if (inQuotes) outOfRange(name, say.closedQuotes(), value);
  add(start, value.length);
  return items;
}

/**
 * Reads a quoted-string (RFC 9110 5.6.4), returning its content with the
 * backslash escapes removed, or null when `s` is not one whole quoted-string.
 */
export function unquote(s: string): string | null {
  checkString("s", s);
  if (s.length < 2 || s[0] !== '"' || s[s.length - 1] !== '"') return null;
  const end = s.length - 1;
  let out = "";
  let from = 1; // the start of the run of plain characters not yet copied
  for (let i = 1; i < end; i++) {
    const c = s[i];
    if (c === '"') return null; // an unescaped quote ends the string early
    if (c === "\\") {
      if (i + 1 >= end) return null; // the escape would eat the closing quote
      out += s.slice(from, i); // copied by runs, not character by character
      from = i + 1;
      i++;
    }
  }
  return out + s.slice(from, end);
}

/**
 * Checks a field-value argument: one string, or one string per field line
 * (several lines of a list field mean one list, RFC 9110 5.3), at most
 * MAX_FIELD_LINES of them; no CR, LF or NUL in any (RFC 9110 5.5).
 */
export function stringOrStrings(name: string, value: unknown): string[] {
  if (typeof name !== "string") invalidType("name", expected.string(), name);
  if (typeof value === "string") return [checkFieldValue(name, value)];
  // a copy, each line read once (a hole is no string)
  // messages passed as functions: made only for an error (parsers run for every header a model reads)
  return listOf(name, value, expected.stringOrStrings, (line, at) => checkFieldValue(at, line), {
    count: MAX_FIELD_LINES,
    tooMany: () => say.tooManyLines({ max: MAX_FIELD_LINES }),
  });
}

/** One element of a list field, with the line it came from: `param` names that line in errors ("value[1]"). */
export interface ListElement {
  item: string;
  param: string;
  fieldValue: string;
}

/**
 * The elements of a list field given as one value or one value per field line (several lines are one
 * list, RFC 9110 5.3), each line checked (stringOrStrings) and split (splitList); at most
 * MAX_LIST_ELEMENTS in all.
 */
export function listElements(name: string, value: unknown): ListElement[] {
  const values = stringOrStrings(name, value);
  const elements: ListElement[] = [];
  values.forEach((fieldValue, i) => {
    const param = Array.isArray(value) ? `${name}[${i}]` : name;
    for (const item of splitList(fieldValue, param)) {
      if (elements.length === MAX_LIST_ELEMENTS) outOfRange(param, say.tooManyElements({ max: MAX_LIST_ELEMENTS }), fieldValue);
      elements.push({ item, param, fieldValue });
    }
  });
  return elements;
}
