/**
 * The two shapes a header section takes in this workbook, and how to read a
 * field out of either.
 *
 * What it models: a message's header section as a list of field lines
 * (RFC 9110 5.2, 5.3). Field names are case-insensitive; a field may appear on
 * several lines, which together mean one comma-joined list (RFC 9110 5.3).
 * Shapes accepted (DESIGN.md):
 *   - a plain object, name -> value, where a value is a string or an array of
 *     strings (the shape Node's `IncomingMessage.headers` uses);
 *   - an array of [name, value] pairs, in wire order.
 * Bad shapes throw a TypeError naming the exact place (`headers[2]`,
 * `headers["Connection"][1]`).
 */

import { invalidType } from "../errors";

export type HeaderValue = string | string[];
export type HeaderObject = Record<string, HeaderValue>;
export type HeaderPairs = Array<[string, string]>;
export type HeaderInput = HeaderObject | HeaderPairs;

/** One field line: name as written, value as written. */
export interface FieldLine {
  name: string;
  value: string;
}

/** Checks `headers` and flattens it to field lines, in order. */
export function fieldLines(headers: unknown, param = "headers"): FieldLine[] {
  if (Array.isArray(headers)) {
    return headers.map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) invalidType(`${param}[${i}]`, "a [name, value] pair", pair);
      const [name, value] = pair as unknown[];
      if (typeof name !== "string") invalidType(`${param}[${i}][0]`, "a string", name);
      if (typeof value !== "string") invalidType(`${param}[${i}][1]`, "a string", value);
      return { name: name as string, value: value as string };
    });
  }
  if (headers === null || typeof headers !== "object") {
    invalidType(param, "an object of name -> value or an array of [name, value] pairs", headers);
  }
  const lines: FieldLine[] = [];
  for (const name of Object.keys(headers)) {
    const value = (headers as Record<string, unknown>)[name];
    const where = `${param}[${JSON.stringify(name)}]`;
    if (typeof value === "string") lines.push({ name, value });
    else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (typeof v !== "string") invalidType(`${where}[${i}]`, "a string", v);
        lines.push({ name, value: v });
      });
    } else invalidType(where, "a string or an array of strings", value);
  }
  return lines;
}

/** Every value of the field `name` (case-insensitive), in order. */
export function fieldValues(headers: unknown, name: string, param = "headers"): string[] {
  const wanted = name.toLowerCase();
  return fieldLines(headers, param)
    .filter((line) => line.name.toLowerCase() === wanted)
    .map((line) => line.value);
}

/** Checks an optional headers argument; `undefined` means no fields. */
export function checkHeaders(param: string, headers: unknown): HeaderInput {
  if (headers === undefined) return {};
  fieldLines(headers, param);
  return headers as HeaderInput;
}
