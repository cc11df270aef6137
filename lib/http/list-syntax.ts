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

/** Strips optional whitespace (SP and HTAB only, not every JS whitespace). */
export function trimOws(s: string): string {
  return s.replace(/^[ \t]+|[ \t]+$/g, "");
}

/**
 * Splits a list field value at the commas that are not inside a quoted
 * string, trims each element and drops empty ones (RFC 9110 5.6.1).
 * A quote that is never closed makes the value malformed: the caller's
 * parameter name is used in the error.
 */
export function splitList(value: string, name: string): string[] {
  const items: string[] = [];
  let current = "";
  let inQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inQuotes) {
      current += c;
      if (c === "\\" && i + 1 < value.length) current += value[++i];
      else if (c === '"') inQuotes = false;
    } else if (c === ",") {
      items.push(current);
      current = "";
    } else {
      if (c === '"') inQuotes = true;
      current += c;
    }
  }
  if (inQuotes) outOfRange(name, "a list whose quoted strings are closed", value);
  items.push(current);
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
