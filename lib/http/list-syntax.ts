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
 * RFC 9112 5.2 asks a recipient to do.
 */

import { invalidType, outOfRange } from "../errors";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `s` is a non-empty RFC 9110 token. */
export function isToken(s: string): boolean {
  return TOKEN.test(s);
}

const isOws = (c: string) => c === " " || c === "\t";

/**
 * Strips optional whitespace (SP and HTAB only, not every JS whitespace).
 * By index, not by a regular expression: `[ \t]+$` backtracks over every run
 * of blanks inside a value, which made long values take quadratic time.
 */
export function trimOws(s: string): string {
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
  const items: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inQuotes) {
      if (c === "\\") i++; // a quoted-pair: the next character is taken as it is
      else if (c === '"') inQuotes = false;
    } else if (c === ",") {
      items.push(value.slice(start, i));
      start = i + 1;
    } else if (c === '"') {
      inQuotes = true;
    }
  }
  if (inQuotes) outOfRange(name, "a list whose quoted strings are closed", value);
  items.push(value.slice(start));
  return items.map(trimOws).filter((item) => item !== "");
}

/**
 * Reads a quoted-string (RFC 9110 5.6.4), returning its content with the
 * backslash escapes removed, or null when `s` is not one whole quoted-string.
 */
export function unquote(s: string): string | null {
  if (s.length < 2 || s[0] !== '"' || s[s.length - 1] !== '"') return null;
  let out = "";
  for (let i = 1; i < s.length - 1; i++) {
    const c = s[i];
    if (c === '"') return null; // an unescaped quote ends the string early
    if (c === "\\") {
      if (i + 1 >= s.length - 1) return null; // the escape would eat the closing quote
      out += s[++i];
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Checks a field-value argument: one string, or one string per field line
 * (several lines of a list field mean one list, RFC 9110 5.3).
 */
export function stringOrStrings(name: string, value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) invalidType(name, "a string or an array of strings", value);
  value.forEach((v, i) => {
    if (typeof v !== "string") invalidType(`${name}[${i}]`, "a string", v);
  });
  return value as string[];
}
