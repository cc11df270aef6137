/**
 * The Keep-Alive header field of HTTP/1.0+ persistent connections.
 *
 * What it models: RFC 2068 19.7.1.1, where the field is
 *   Keep-Alive = "Keep-Alive" ":" 0#keepalive-param
 *   keepalive-param = param-name "=" value      (value: token or quoted-string)
 * RFC 2068 defines no parameters itself; the two everyone uses come from the
 * servers that shipped keep-alive (the book's "Keep-Alive options"):
 *   - timeout: how many seconds the sender will keep an idle connection open;
 *   - max: how many more requests the sender will accept on this connection.
 *     Servers do not count alike. This workbook (simulateKeepAlive in
 *     keep-alive.ts) counts the requests still allowed after the one being
 *     answered, so a server that serves 100 requests per connection says
 *     max=99 on its first response and closes after the 100th. Apache counts
 *     from MaxKeepAliveRequests minus the requests already kept alive, so
 *     with MaxKeepAliveRequests 100 its first response says max=100.
 *     The parser just returns the number; it assumes neither convention.
 * Assumptions and choices:
 *   - a parameter may also appear without "=value" (the book's `name[=value]`,
 *     and old clients sent `Keep-Alive: 300`); RFC 2068's grammar requires the
 *     "=", we accept both and record a bare name with the value null;
 *   - whitespace around "=" is accepted (RFC 2068's implied linear whitespace);
 *   - parameter names are case-insensitive and returned lower-cased;
 *     quoted values are unquoted;
 *   - the list splits at commas outside quoted strings only (RFC 9110 5.6.1,
 *     5.6.4): `x="a,b"` is one parameter whose value is `a,b`; empty elements
 *     are skipped; a quote that is never closed is a RangeError;
 *   - a name must be a token and a value a token or a quoted-string (RFC 9110
 *     5.6.2, 5.6.4; RFC 2068 2.2): `x=a=b` or `x=a b` is malformed (the value
 *     is neither), a RangeError. A quoted value loses its quotes and its
 *     backslash escapes;
 *   - timeout and max must be whole non-negative decimal numbers
 *     (1*DIGIT): anything else (abc, -1, 1.5, 1e3, empty) is a RangeError
 *     naming the parameter and the value, never NaN. Giving one of them twice
 *     (`timeout=5, timeout=7`) is a RangeError too, even with equal values:
 *     a client that picked the wrong one would reuse a connection the server
 *     has already closed, or give up on one it still keeps. Other parameters
 *     go to `params` (a repeated one keeps its first value);
 *   - `params` has no prototype (Object.create(null)), so a parameter named
 *     `constructor`, `toString` or `__proto__` is kept like any other: on a
 *     plain `{}`, `name in params` would call it present already, and
 *     assigning `params["__proto__"]` would change the prototype instead.
 * Several field lines are one list, so an array of strings is accepted; at
 * most MAX_LIST_ELEMENTS elements over all of them (list-syntax.ts).
 */

import { outOfRange } from "../errors";
import { messages } from "../i18n";
import { isToken, listElements, trimOws, unquote } from "./list-syntax";

const say = messages("http/keep-alive-header", {
  notToken: {
    en: "a list of name[=value] parameters; {name} is not a token",
    ko: "name[=value] 매개변수 목록. {name}은(는) 토큰이 아닙니다",
  },
  once: { en: "a list that gives {key} only once", ko: "{key} 값을 한 번만 주는 목록" },
  tokenOrQuoted: { en: "a token or a quoted string", ko: "토큰 또는 따옴표 문자열(quoted-string)" },
  wholeNumber: { en: "a whole number of 0 or more written in decimal digits", ko: "10진수 숫자로 쓴 0 이상의 정수" },
  noValue: { en: "(no value)", ko: "(값 없음)" },
  atMost: { en: "at most {max}", ko: "{max} 이하" },
});

export interface KeepAliveParams {
  /** `timeout`: seconds an idle connection is kept open */
  timeoutSeconds?: number;
  /** `max`: requests still allowed on this connection (the sender's count; see the header comment) */
  max?: number;
  /** every other parameter, name lower-cased -> value (null when written without "="); an object without a prototype */
  params: Record<string, string | null>;
}

/** Parses one or more Keep-Alive field values; `name` is what errors call the value. */
export function parseKeepAlive(value: string | readonly string[], name = "value"): KeepAliveParams {
  const result: KeepAliveParams = { params: Object.create(null) as Record<string, string | null> };
  for (const { item, param, fieldValue } of listElements(name, value)) addParam(result, item, param, fieldValue);
  return result;
}

function addParam(result: KeepAliveParams, item: string, param: string, fieldValue: string): void {
  const eq = item.indexOf("=");
  const name = trimOws(eq < 0 ? item : item.slice(0, eq));
  if (!isToken(name)) outOfRange(param, say.notToken({ name: JSON.stringify(name) }), fieldValue);
  const key = name.toLowerCase();
  const raw = eq < 0 ? null : trimOws(item.slice(eq + 1));
  const unquoted = raw === null ? null : unquote(raw);
  const paramValue = raw === null ? null : (unquoted ?? raw);

  if (key === "timeout" || key === "max") {
    const field = key === "timeout" ? "timeoutSeconds" : "max";
    if (result[field] !== undefined) outOfRange(param, say.once({ key }), fieldValue);
    result[field] = wholeNumber(key, paramValue);
  } else {
    // a value is a token or a quoted-string (RFC 2068 2.2)
    if (raw !== null && unquoted === null && !isToken(raw)) outOfRange(key, say.tokenOrQuoted(), raw);
    if (!(key in result.params)) result.params[key] = paramValue;
  }
}

/** timeout and max are counts: 1*DIGIT, nothing else, and small enough to be exact. */
function wholeNumber(key: string, value: string | null): number {
  if (value === null || !/^[0-9]+$/.test(value)) outOfRange(key, say.wholeNumber(), value ?? say.noValue());
  const n = Number(value);
  if (!Number.isSafeInteger(n)) outOfRange(key, say.atMost({ max: Number.MAX_SAFE_INTEGER }), value);
  return n;
}
