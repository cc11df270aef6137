/**
 * Which request methods may be sent twice without changing the outcome.
 *
 * What it models: RFC 9110 9.2.2. A method is idempotent when the intended
 * effect of several identical requests is the same as of one: GET, HEAD,
 * OPTIONS and TRACE (the safe methods, 9.2.1) and PUT and DELETE. POST,
 * PATCH and CONNECT are not. This is what lets a client resend a request
 * whose connection died before the answer came (RFC 9112 9.3.1): it cannot
 * know whether the server acted on it, and for an idempotent method it does
 * not matter.
 * Assumptions: method names are case-sensitive (RFC 9110 9.1), so "get" is
 * an unknown method, and an unknown method is not known to be idempotent.
 */

import { checkString, outOfRange } from "../errors";
import { messages } from "../i18n";
import { isToken } from "./list-syntax";

const say = messages("http/idempotency", {
  methodName: { en: "a method name (an RFC 9110 token)", ko: "메서드 이름(RFC 9110 토큰)" },
});

export const IDEMPOTENT_METHODS: readonly string[] = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

/** True for the methods RFC 9110 9.2.2 defines as idempotent. */
export function isIdempotent(method: string): boolean {
  checkString("method", method);
  if (!isToken(method)) outOfRange("method", say.methodName(), method);
  return IDEMPOTENT_METHODS.includes(method);
}
