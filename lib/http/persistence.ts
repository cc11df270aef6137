/**
 * Does the connection stay open after this request/response pair, and why?
 *
 * What it models: RFC 9112 9.3 (persistence), RFC 9112 9.6 (the close
 * option), RFC 2068 19.7.1 (HTTP/1.0 keep-alive). The rules, checked in order:
 *   1. `Connection: close` in the request: the client will send nothing more
 *      on this connection; the server closes after the response.
 *   2. `Connection: close` in the response: the server closes after it.
 *   3. An HTTP/1.0 client: its connections end after one response unless it
 *      asked with `Connection: keep-alive` and the response said
 *      `Connection: keep-alive` back. It must ask again on every request.
 *      A proxy never keeps a persistent connection with an HTTP/1.0 client
 *      (RFC 9112 9.3): an old proxy may have forwarded that keep-alive blindly.
 *   4. An HTTP/1.1 client and an HTTP/1.0 response: the 1.1 default does not
 *      apply to a 1.0 peer; only an explicit keep-alive in the response keeps
 *      the connection (the 1.0 rules, nothing beyond them).
 *   5. HTTP/1.1 on both sides: persistent by default.
 *   6. Whatever rules 3-5 say, the connection can only be reused if the
 *      response's body has a self-defined length (RFC 9112 9.3, 6.3); a body
 *      read until close, or faulty framing, ends the connection.
 * Assumptions: the request has no body or a delimited one (requests are never
 * close-delimited, RFC 9112 6.3); versions are "1.0" or "1.1". The decision
 * is what both ends conclude from the pair, so a notebook can show it per
 * message. Either side may still close later (idle timeout, limits): see
 * keep-alive.ts.
 */

import { checkChoice, checkString, invalidType, optionalBoolean, optionsObject, outOfRange } from "../errors";
import { messages } from "../i18n";
import { parseConnectionHeader } from "./connection-header";
import { checkHeaders, fieldValues, type HeaderInput } from "./header-fields";
import { parseKeepAlive, type KeepAliveParams } from "./keep-alive-header";
import { isToken } from "./list-syntax";
import { HTTP_VERSIONS, responseFraming, type BodyFraming, type HttpVersion } from "./message-length";

const say = messages("http/persistence", {
  exchange: { en: "an object {request, response}", ko: "객체 {request, response}" },
  methodName: { en: "a method name (an RFC 9110 token)", ko: "메서드 이름(RFC 9110 토큰)" },
  clientClose: {
    en: "the request said Connection: close: the client will send no more requests on this connection",
    ko: "요청에 Connection: close가 있습니다. 클라이언트는 이 커넥션으로 더 이상 요청을 보내지 않습니다",
  },
  serverClose: {
    en: "the response said Connection: close: the server closes after sending it",
    ko: "응답에 Connection: close가 있습니다. 서버는 이 응답을 보낸 뒤 커넥션을 닫습니다",
  },
  faulty: { en: "{faulty}; the connection closes after this response", ko: "{faulty}. 이 응답 뒤에 커넥션이 닫힙니다" },
  readUntilClose: {
    en: "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection",
    ko: "응답에 Content-Length가 없고 chunked도 아닙니다. 본문은 서버가 커넥션을 닫아야만 끝납니다",
  },
  proxyHttp10Client: {
    en: "a proxy must not keep a persistent connection with an HTTP/1.0 client, whatever its Connection header says (an older proxy may have forwarded it blindly)",
    ko: "프락시는 HTTP/1.0 클라이언트와 지속 커넥션을 유지하면 안 됩니다. Connection 헤더가 무엇이라고 하든 마찬가지입니다(오래된 프락시가 그 헤더를 무조건 전달했을 수 있습니다)",
  },
  http10NotAsked: {
    en: "HTTP/1.0 closes after every response unless the request asks with Connection: keep-alive",
    ko: "HTTP/1.0은 요청이 Connection: keep-alive로 요청하지 않는 한 응답마다 커넥션을 닫습니다",
  },
  http10NotAgreed: {
    en: "the HTTP/1.0 client asked for keep-alive but the response has no Connection: keep-alive, so the client expects the server to close",
    ko: "HTTP/1.0 클라이언트가 keep-alive를 요청했지만 응답에 Connection: keep-alive가 없으므로, 클라이언트는 서버가 커넥션을 닫으리라고 예상합니다",
  },
  http10Agreed: {
    en: "the client asked with Connection: keep-alive and the response agreed with Connection: keep-alive",
    ko: "클라이언트가 Connection: keep-alive로 요청했고 응답도 Connection: keep-alive로 동의했습니다",
  },
  http10ServerDefault: {
    en: "an HTTP/1.0 response without Connection: keep-alive: the 1.1 default does not apply to a 1.0 server, which closes after responding",
    ko: "Connection: keep-alive가 없는 HTTP/1.0 응답입니다. HTTP/1.1의 기본값은 1.0 서버에 적용되지 않고, 1.0 서버는 응답한 뒤 커넥션을 닫습니다",
  },
  http10ServerAgreed: {
    en: "an HTTP/1.0 server agreed explicitly with Connection: keep-alive",
    ko: "HTTP/1.0 서버가 Connection: keep-alive로 명시적으로 동의했습니다",
  },
  http11Default: {
    en: "HTTP/1.1 on both sides and no Connection: close: persistent by default",
    ko: "양쪽 모두 HTTP/1.1이고 Connection: close가 없습니다. 기본으로 지속 커넥션입니다",
  },
});

export interface RequestHead {
  version?: HttpVersion;
  method?: string;
  headers?: HeaderInput;
}
export interface ResponseHeadForPersistence {
  version?: HttpVersion;
  status?: number;
  headers?: HeaderInput;
}
export interface Exchange {
  request: RequestHead;
  response: ResponseHeadForPersistence;
  /** the server end is a proxy (RFC 9112 9.3 forbids it persistence with 1.0 clients) */
  serverIsProxy?: boolean;
}

export type PersistenceRule =
  | "client-close"
  | "server-close"
  | "proxy-http10-client"
  | "http10-not-asked"
  | "http10-not-agreed"
  | "http10-agreed"
  | "http10-server-default"
  | "http10-server-agreed"
  | "http11-default"
  | "faulty-framing"
  | "read-until-close";

export interface PersistenceDecision {
  persistent: boolean;
  rule: PersistenceRule;
  reason: string;
  framing: BodyFraming;
  /** the response's Keep-Alive parameters, when it agreed to keep-alive */
  keepAlive?: KeepAliveParams;
}

/** Decides whether the connection stays open after this exchange. */
export function decidePersistence(exchange: Exchange): PersistenceDecision {
  if (exchange === undefined) invalidType("exchange", say.exchange(), exchange);
  const ex = optionsObject("exchange", exchange);
  const request = optionsObject("exchange.request", ex.request);
  const response = optionsObject("exchange.response", ex.response);
  const serverIsProxy = optionalBoolean("exchange.serverIsProxy", ex.serverIsProxy, false);
  const reqVersion = request.version === undefined ? "1.1" : checkChoice("exchange.request.version", request.version, HTTP_VERSIONS);
  const resVersion = response.version === undefined ? "1.1" : checkChoice("exchange.response.version", response.version, HTTP_VERSIONS);
  const method = request.method === undefined ? undefined : checkString("exchange.request.method", request.method);
  if (method !== undefined && !isToken(method)) outOfRange("exchange.request.method", say.methodName(), method);
  const reqHeaders = checkHeaders("exchange.request.headers", request.headers);
  const resHeaders = checkHeaders("exchange.response.headers", response.headers);
  const reqConn = parseConnectionHeader(
    fieldValues(reqHeaders, "connection", "exchange.request.headers"),
    'exchange.request.headers["Connection"]',
  );
  const resConn = parseConnectionHeader(
    fieldValues(resHeaders, "connection", "exchange.response.headers"),
    'exchange.response.headers["Connection"]',
  );
  // the response's own fields keep their names in errors: "exchange.response.status"
  const { framing, faulty } = responseFraming(
    {
      version: resVersion,
      status: response.status,
      requestMethod: method,
      headers: resHeaders,
    },
    "exchange.response",
  );
  const decide = (persistent: boolean, rule: PersistenceRule, reason: string): PersistenceDecision => ({
    persistent,
    rule,
    reason,
    framing,
  });

  if (reqConn.close) return decide(false, "client-close", say.clientClose());
  if (resConn.close) return decide(false, "server-close", say.serverClose());

  const byVersion = versionRule(reqVersion, resVersion, reqConn.keepAlive, resConn.keepAlive, serverIsProxy);
  if (!byVersion.persistent) return decide(false, byVersion.rule, byVersion.reason);

  // Persistence also needs a body whose end is known without a close.
  if (faulty) return decide(false, "faulty-framing", say.faulty({ faulty }));
  if (framing === "until-close") {
    return decide(false, "read-until-close", say.readUntilClose());
  }
  const result = decide(true, byVersion.rule, byVersion.reason);
  // RFC 2068 19.7.1.1: Keep-Alive is ignored unless the keep-alive token came with it.
  const keepAliveField = fieldValues(resHeaders, "keep-alive", "exchange.response.headers");
  if (resConn.keepAlive && keepAliveField.length > 0)
    result.keepAlive = parseKeepAlive(keepAliveField, 'exchange.response.headers["Keep-Alive"]');
  return result;
}

interface VersionVerdict {
  persistent: boolean;
  rule: PersistenceRule;
  reason: string;
}

/** Rules 3-5: what the two versions and the keep-alive tokens allow. */
function versionRule(req: HttpVersion, res: HttpVersion, asked: boolean, agreed: boolean, serverIsProxy: boolean): VersionVerdict {
  if (req === "1.0") {
    if (serverIsProxy) {
      return { persistent: false, rule: "proxy-http10-client", reason: say.proxyHttp10Client() };
    }
    if (!asked) return { persistent: false, rule: "http10-not-asked", reason: say.http10NotAsked() };
    if (!agreed) return { persistent: false, rule: "http10-not-agreed", reason: say.http10NotAgreed() };
    return { persistent: true, rule: "http10-agreed", reason: say.http10Agreed() };
  }
  if (res === "1.0") {
    if (!agreed) return { persistent: false, rule: "http10-server-default", reason: say.http10ServerDefault() };
    return { persistent: true, rule: "http10-server-agreed", reason: say.http10ServerAgreed() };
  }
  return { persistent: true, rule: "http11-default", reason: say.http11Default() };
}
