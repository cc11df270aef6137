/**
 * The Connection header field: which options apply to this connection only.
 *
 * What it models: RFC 9110 7.6.1. `Connection = #connection-option`, each
 * option a token, compared case-insensitively. The book's three kinds of
 * token share the one list:
 *   - the name of a header field that is meant for this hop only and must
 *     not be forwarded (see hop-by-hop.ts);
 *   - an arbitrary option token (the Korean edition's 임시적인 토큰 값): a
 *     non-standard option about this connection, `keep-alive` (the HTTP/1.0
 *     persistent-connection request or agreement, RFC 2068 19.7.1) being the
 *     best known;
 *   - `close`: the sender will close the connection after this message
 *     (RFC 9112 9.6).
 * Syntax cannot tell the first two apart: a token names a field when the
 * message carries a field of that name. Either way it stops at this hop.
 * Assumptions: several Connection field lines are one list (RFC 9110 5.3), so
 * the function accepts a string or an array of strings. Empty list elements
 * are accepted (RFC 9110 5.6.1); an element that is not a token is malformed
 * and throws a RangeError naming it. Tokens are returned lower-cased, each
 * once, in first-seen order. A list of more than MAX_LIST_ELEMENTS elements
 * over all its lines (list-syntax.ts) is refused, naming that limit.
 */

import { outOfRange } from "../errors";
import { messages } from "../i18n";
import { isToken, listElements } from "./list-syntax";

const say = messages("http/connection-header", {
  notToken: {
    en: "a comma-separated list of tokens; {item} is not a token",
    ko: "쉼표로 구분한 토큰 목록. {item}은(는) 토큰이 아닙니다",
  },
});

export interface ConnectionOptions {
  /** the `close` option is present */
  close: boolean;
  /** the `keep-alive` option is present */
  keepAlive: boolean;
  /** every option, lower-cased, without repeats */
  tokens: string[];
}

/**
 * Parses one or more Connection field values into their options. `name` is
 * what errors call the value (a caller that read it from a header section
 * passes `headers["Connection"]`).
 */
export function parseConnectionHeader(value: string | readonly string[], name = "value"): ConnectionOptions {
  const tokens = new Set<string>(); // a repeated token counts once; a Set keeps the first-seen order
  for (const { item, param, fieldValue } of listElements(name, value)) {
    if (!isToken(item)) outOfRange(param, say.notToken({ item: JSON.stringify(item) }), fieldValue);
    tokens.add(item.toLowerCase()); // options are case-insensitive
  }
  return { close: tokens.has("close"), keepAlive: tokens.has("keep-alive"), tokens: [...tokens] };
}
