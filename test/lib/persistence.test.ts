import { afterEach, describe, expect, it } from "vitest";
import { decidePersistence } from "../../lib/http/persistence";
import { resetLanguage, setLanguage } from "../../lib/i18n";

const withLength = { "Content-Length": "10" };

describe("decidePersistence: HTTP/1.0 keep-alive (RFC 2068 19.7.1, RFC 9112 9.3)", () => {
  it("closes an HTTP/1.0 connection the client did not ask to keep", () => {
    const d = decidePersistence({ request: { version: "1.0" }, response: { version: "1.0", headers: withLength } });
    expect(d).toMatchObject({ persistent: false, rule: "http10-not-asked" });
  });

  it("keeps it when the client asked and the response agreed, and reads Keep-Alive", () => {
    const d = decidePersistence({
      request: { version: "1.0", headers: { Connection: "Keep-Alive" } },
      response: { version: "1.0", headers: { ...withLength, Connection: "Keep-Alive", "Keep-Alive": "timeout=5, max=99" } },
    });
    expect(d).toMatchObject({ persistent: true, rule: "http10-agreed", keepAlive: { timeoutSeconds: 5, max: 99 } });
  });

  it("closes when the client asked but the response did not say keep-alive back", () => {
    const d = decidePersistence({
      request: { version: "1.0", headers: { Connection: "keep-alive" } },
      response: { version: "1.1", headers: withLength },
    });
    expect(d).toMatchObject({ persistent: false, rule: "http10-not-agreed" });
  });

  it("ignores a Keep-Alive field that came without the keep-alive token", () => {
    const d = decidePersistence({ request: {}, response: { headers: { ...withLength, "Keep-Alive": "timeout=5" } } });
    expect(d.persistent).toBe(true);
    expect(d.keepAlive).toBeUndefined();
  });

  it("never lets a proxy keep a persistent connection with an HTTP/1.0 client", () => {
    const d = decidePersistence({
      request: { version: "1.0", headers: { Connection: "Keep-Alive" } },
      response: { version: "1.1", headers: { ...withLength, Connection: "Keep-Alive" } },
      serverIsProxy: true,
    });
    expect(d).toMatchObject({ persistent: false, rule: "proxy-http10-client" });
  });

  it("does not give an HTTP/1.0 response the 1.1 default", () => {
    const d = decidePersistence({ request: { version: "1.1" }, response: { version: "1.0", headers: withLength } });
    expect(d).toMatchObject({ persistent: false, rule: "http10-server-default" });
    const agreed = decidePersistence({
      request: { version: "1.1" },
      response: { version: "1.0", headers: { ...withLength, Connection: "keep-alive" } },
    });
    expect(agreed).toMatchObject({ persistent: true, rule: "http10-server-agreed" });
  });
});

describe("decidePersistence: HTTP/1.1 (RFC 9112 9.3, 9.6)", () => {
  it("is persistent by default", () => {
    expect(decidePersistence({ request: {}, response: { headers: withLength } })).toMatchObject({
      persistent: true,
      rule: "http11-default",
      framing: "content-length",
    });
  });

  it("closes after Connection: close from the client or the server", () => {
    expect(decidePersistence({ request: { headers: { Connection: "close" } }, response: { headers: withLength } }).rule).toBe(
      "client-close",
    );
    expect(decidePersistence({ request: {}, response: { headers: { ...withLength, Connection: "Keep-Alive, close" } } }).rule).toBe(
      "server-close",
    );
  });

  it("checks close before anything else, even a 1.0 keep-alive agreement", () => {
    const d = decidePersistence({
      request: { version: "1.0", headers: { Connection: "keep-alive, close" } },
      response: { version: "1.0", headers: { ...withLength, Connection: "keep-alive" } },
    });
    expect(d.rule).toBe("client-close");
  });

  it("needs a self-delimited body: no length means read until close", () => {
    const d = decidePersistence({ request: {}, response: { headers: {} } });
    expect(d).toMatchObject({ persistent: false, rule: "read-until-close", framing: "until-close" });
    expect(d.reason).toMatch(/Content-Length/);
  });

  it("keeps a chunked response's connection, and one with no body at all", () => {
    expect(decidePersistence({ request: {}, response: { headers: { "Transfer-Encoding": "chunked" } } }).persistent).toBe(true);
    expect(decidePersistence({ request: {}, response: { status: 204 } }).persistent).toBe(true);
    expect(decidePersistence({ request: { method: "HEAD" }, response: {} }).persistent).toBe(true);
  });

  it("closes after faulty framing", () => {
    const d = decidePersistence({ request: {}, response: { headers: { "Transfer-Encoding": "chunked", "Content-Length": "5" } } });
    expect(d).toMatchObject({ persistent: false, rule: "faulty-framing" });
    const old = decidePersistence({
      request: { version: "1.0", headers: { Connection: "keep-alive" } },
      response: { version: "1.0", headers: { "Transfer-Encoding": "chunked", Connection: "keep-alive" } },
    });
    expect(old).toMatchObject({ persistent: false, rule: "faulty-framing" });
  });

  it("rejects bad input by name", () => {
    expect(() => decidePersistence(undefined as never)).toThrow(/"exchange"/);
    expect(() => decidePersistence({ request: { version: "2.0" as never }, response: {} })).toThrow(/"exchange.request.version".*"2.0"/);
    expect(() => decidePersistence({ request: {}, response: { headers: { Connection: "a b" } } })).toThrow(RangeError);
    expect(() => decidePersistence({ request: {}, response: {}, serverIsProxy: "yes" as never })).toThrow(/"exchange.serverIsProxy"/);
    expect(() => decidePersistence({ request: null as never, response: {} })).toThrow(/"exchange.request"/);
  });

  it("does not mutate the headers it reads", () => {
    const headers = { Connection: "Keep-Alive", "Keep-Alive": "timeout=5", "Content-Length": "1" };
    const copy = { ...headers };
    decidePersistence({ request: { version: "1.0", headers: { Connection: "keep-alive" } }, response: { version: "1.0", headers } });
    expect(headers).toEqual(copy);
  });
});

describe("decidePersistence in Korean", () => {
  afterEach(() => resetLanguage());

  it("gives the rule's reason in Korean; the rule itself does not change", () => {
    setLanguage("ko");
    const d = decidePersistence({ request: { version: "1.0" }, response: { version: "1.0", headers: withLength } });
    expect(d).toMatchObject({ persistent: false, rule: "http10-not-asked" });
    expect(d.reason).toBe("HTTP/1.0은 요청이 Connection: keep-alive로 요청하지 않는 한 응답마다 커넥션을 닫습니다");
    const faulty = decidePersistence({ request: {}, response: { headers: { "Transfer-Encoding": "chunked", "Content-Length": "5" } } });
    expect(faulty).toMatchObject({ persistent: false, rule: "faulty-framing" });
    expect(faulty.reason).toBe(
      "Transfer-Encoding과 Content-Length가 함께 있어 오류로 다룹니다(RFC 9112 6.3). 이 응답 뒤에 커넥션이 닫힙니다",
    );
    expect(() => decidePersistence(undefined as never)).toThrow(
      '"exchange" 인자가 잘못되었습니다. 필요한 것: 객체 {request, response}. 받은 값: undefined',
    );
  });
});
