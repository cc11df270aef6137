/**
 * How a response says where its body ends, and whether a body cut short by a
 * close is complete.
 *
 * What it models: RFC 9112 6.3 (message body length, in order of precedence)
 * and RFC 9112 8 (incomplete messages):
 *   1. a response to HEAD, and any 1xx, 204 or 304 response, has no body;
 *   2. Transfer-Encoding with chunked as the final coding: the chunks say
 *      where the body ends; Transfer-Encoding without chunked last: the body
 *      runs until the server closes;
 *   3. a valid Content-Length gives the length; a list of identical values
 *      ("42, 42") counts as one value; anything else is an unrecoverable
 *      framing error (here a RangeError);
 *   4. otherwise the body runs until the server closes the connection.
 * Faulty framing that forces a close (RFC 9112 6.1, 6.3): an HTTP/1.0 message
 * with Transfer-Encoding (framing treated as faulty even with Content-Length),
 * and a message with both Transfer-Encoding and Content-Length.
 * A close-delimited body cannot be told apart from one cut by a failure: that
 * is why persistence needs a self-delimited length (RFC 9112 9.3).
 * Not modelled: 2xx responses to CONNECT (the connection becomes a tunnel).
 */

import { checkChoice, checkNumber, checkString, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { checkHeaders, fieldValues, type HeaderInput } from "./header-fields";
import { messages } from "../i18n";
import { isToken, splitList, stringOrStrings } from "./list-syntax";

const say = messages("http/message-length", {
  faultyHttp10: {
    en: "an HTTP/1.0 message with Transfer-Encoding has faulty framing (RFC 9112 6.1)",
    ko: "Transfer-Encoding이 있는 HTTP/1.0 메시지는 프레이밍(framing)이 잘못되었습니다(RFC 9112 6.1)",
  },
  faultyBoth: {
    en: "Transfer-Encoding and Content-Length together: treated as an error (RFC 9112 6.3)",
    ko: "Transfer-Encoding과 Content-Length가 함께 있어 오류로 다룹니다(RFC 9112 6.3)",
  },
  methodName: { en: "a method name (an RFC 9110 token)", ko: "메서드 이름(RFC 9110 토큰)" },
  digits: { en: "a decimal number of bytes (1*DIGIT)", ko: "10진수로 쓴 바이트 수(1*DIGIT)" },
  noLength: { en: "a decimal number of bytes", ko: "10진수로 쓴 바이트 수" },
  unequal: { en: "one length, or a list of equal lengths", ko: "길이 하나, 또는 모두 같은 길이의 목록" },
  noBody: {
    en: "this response cannot carry a body; it ends with its header section",
    ko: "이 응답에는 본문이 올 수 없습니다. 응답은 헤더 섹션으로 끝납니다",
  },
  truncated: {
    en: "Content-Length promised {expected} bytes but the connection closed after {received}: the response is incomplete and must not be used as if whole",
    ko: "Content-Length는 {expected}바이트를 약속했지만 커넥션은 {received}바이트 뒤에 닫혔습니다. 응답이 불완전하므로 온전한 응답처럼 써서는 안 됩니다",
  },
  complete: {
    en: "all {expected} bytes that Content-Length promised arrived",
    ko: "Content-Length가 약속한 {expected}바이트가 모두 도착했습니다",
  },
  chunked: {
    en: "a chunked body is complete only if its zero-size last chunk arrived; a byte count cannot tell",
    ko: "chunked 본문은 크기가 0인 마지막 청크가 도착해야만 완전합니다. 바이트 수로는 알 수 없습니다",
  },
  untilClose: {
    en: "no declared length: the close itself ends the body, so a cut-off body looks exactly like a whole one",
    ko: "선언된 길이가 없습니다. 커넥션 끊기 자체가 본문의 끝이므로, 중간에 잘린 본문도 온전한 본문과 똑같아 보입니다",
  },
});

const DIGITS = /^[0-9]+$/;

/** Body size the message-level models use when none is given: an illustrative small page, not an RFC value. */
export const EXAMPLE_BODY_BYTES = 1024;

export type BodyFraming = "no-body" | "content-length" | "chunked" | "until-close";
export type HttpVersion = "1.0" | "1.1";
export const HTTP_VERSIONS: readonly HttpVersion[] = ["1.0", "1.1"];

export interface ResponseHead {
  /** the response's HTTP version (default "1.1") */
  version?: HttpVersion;
  /** status code (default 200) */
  status?: number;
  /** the method of the request it answers (default "GET") */
  requestMethod?: string;
  headers?: HeaderInput;
}

export interface FramingResult {
  framing: BodyFraming;
  /** the declared length, for framing "content-length" */
  contentLength?: number;
  /** set when the framing is faulty and the connection must close after this message */
  faulty?: string;
}

/**
 * Decides how the body of a response is delimited (RFC 9112 6.3). `name` is
 * what errors call `head` ("head.status"); a caller passes its own.
 */
export function responseFraming(head: ResponseHead, name = "head"): FramingResult {
  const h = optionsObject(name, head);
  const version = h.version === undefined ? "1.1" : checkChoice(`${name}.version`, h.version, HTTP_VERSIONS);
  const status = h.status === undefined ? 200 : checkNumber(`${name}.status`, h.status, { integer: true, min: 100, max: 999 });
  const method = h.requestMethod === undefined ? "GET" : checkMethod(`${name}.requestMethod`, h.requestMethod);
  const param = `${name}.headers`;
  const headers = checkHeaders(param, h.headers);

  if (method === "HEAD" || (status >= 100 && status < 200) || status === 204 || status === 304) {
    return { framing: "no-body" };
  }
  const te = fieldValues(headers, "transfer-encoding", param);
  const cl = fieldValues(headers, "content-length", param);
  if (te.length > 0) {
    const codings = te.flatMap((v) => splitList(v, `${param}["Transfer-Encoding"]`)).map((c) => c.toLowerCase());
    if (version === "1.0") {
      return { framing: "until-close", faulty: say.faultyHttp10() };
    }
    const chunkedLast = codings[codings.length - 1] === "chunked";
    const result: FramingResult = { framing: chunkedLast ? "chunked" : "until-close" };
    if (cl.length > 0) result.faulty = say.faultyBoth();
    return result;
  }
  if (cl.length > 0) return { framing: "content-length", contentLength: parseContentLength(cl, `${param}["Content-Length"]`) };
  return { framing: "until-close" };
}

/** A request method is a token (RFC 9110 9.1). */
function checkMethod(name: string, value: unknown): string {
  const method = checkString(name, value);
  if (!isToken(method)) outOfRange(name, say.methodName(), method);
  return method;
}

/**
 * Content-Length = 1*DIGIT (RFC 9110 8.6). Several lines or a list are
 * accepted only when every value is valid and equal (RFC 9112 6.3). `name`
 * is what errors call the value.
 */
export function parseContentLength(value: string | readonly string[], name = "Content-Length"): number {
  const lines = stringOrStrings(name, value);
  const lengths: number[] = [];
  for (const line of lines) {
    for (const item of splitList(line, name)) {
      const n = Number(item);
      if (!DIGITS.test(item) || !Number.isSafeInteger(n)) outOfRange(name, say.digits(), item);
      lengths.push(n);
    }
  }
  if (lengths.length === 0) outOfRange(name, say.noLength(), lines.join(", "));
  const n = lengths[0];
  if (lengths.some((length) => length !== n)) outOfRange(name, say.unequal(), lines.join(", "));
  return n;
}

export type BodyStatus = "complete" | "truncated" | "read-until-close" | "unknown";

export interface BodyCheck {
  framing: BodyFraming;
  status: BodyStatus;
  expectedBytes?: number;
  receivedBytes: number;
  /** bytes still owed when truncated */
  missingBytes?: number;
  /** bytes past the declared end (they are not part of this response) */
  extraBytes?: number;
  explanation: string;
}

/**
 * Given a response head and the number of body bytes that arrived before the
 * connection closed, says whether the body is complete (RFC 9112 8).
 */
export function checkResponseBody(head: ResponseHead, receivedBytes: number): BodyCheck {
  const { framing, contentLength } = responseFraming(head);
  const received = checkNumber("receivedBytes", receivedBytes, { integer: true, min: 0, max: MAX_QUANTITY });
  if (framing === "no-body") {
    return withExtra({ framing, status: "complete", expectedBytes: 0, receivedBytes: received, explanation: say.noBody() }, 0);
  }
  if (framing === "content-length") {
    const expected = contentLength as number;
    if (received < expected) {
      return {
        framing,
        status: "truncated",
        expectedBytes: expected,
        receivedBytes: received,
        missingBytes: expected - received,
        explanation: say.truncated({ expected, received }),
      };
    }
    return withExtra(
      { framing, status: "complete", expectedBytes: expected, receivedBytes: received, explanation: say.complete({ expected }) },
      expected,
    );
  }
  if (framing === "chunked") {
    return {
      framing,
      status: "unknown",
      receivedBytes: received,
      explanation: say.chunked(),
    };
  }
  return {
    framing,
    status: "read-until-close",
    receivedBytes: received,
    explanation: say.untilClose(),
  };
}

function withExtra(result: BodyCheck, expected: number): BodyCheck {
  if (result.receivedBytes > expected) result.extraBytes = result.receivedBytes - expected;
  return result;
}
