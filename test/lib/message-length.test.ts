import { afterEach, describe, expect, it } from "vitest";
import { checkResponseBody, parseContentLength, responseFraming } from "../../lib/http/message-length";
import { resetLanguage, setLanguage } from "../../lib/i18n";

describe("responseFraming (RFC 9112 6.3)", () => {
  it("gives no body to HEAD responses and 1xx, 204, 304 whatever the headers say", () => {
    const headers = { "Content-Length": "500" };
    expect(responseFraming({ requestMethod: "HEAD", headers }).framing).toBe("no-body");
    for (const status of [100, 101, 204, 304]) expect(responseFraming({ status, headers }).framing).toBe("no-body");
    expect(responseFraming({ status: 200, headers }).framing).toBe("content-length");
  });

  it("uses chunked when it is the final transfer coding, else reads until close", () => {
    expect(responseFraming({ headers: { "Transfer-Encoding": "gzip, Chunked" } }).framing).toBe("chunked");
    expect(responseFraming({ headers: { "Transfer-Encoding": "chunked, gzip" } }).framing).toBe("until-close");
  });

  it("flags Transfer-Encoding with Content-Length, and any Transfer-Encoding in HTTP/1.0, as faulty", () => {
    const both = responseFraming({ headers: { "Transfer-Encoding": "chunked", "Content-Length": "3" } });
    expect(both.framing).toBe("chunked");
    expect(both.faulty).toMatch(/Content-Length/);
    const old = responseFraming({ version: "1.0", headers: { "Transfer-Encoding": "chunked", "Content-Length": "3" } });
    expect(old.framing).toBe("until-close");
    expect(old.faulty).toMatch(/HTTP\/1\.0/);
  });

  it("reads Content-Length, and reads until close without any length", () => {
    expect(responseFraming({ headers: [["content-length", "42"]] })).toEqual({ framing: "content-length", contentLength: 42 });
    expect(responseFraming({ headers: {} })).toEqual({ framing: "until-close" });
    expect(responseFraming({})).toEqual({ framing: "until-close" });
  });

  it("rejects bad arguments by name", () => {
    expect(() => responseFraming({ version: "2" as never })).toThrow(/"head.version"/);
    expect(() => responseFraming({ status: 99 })).toThrow(/"head.status".*99/);
    expect(() => responseFraming({ headers: { A: 1 } as never })).toThrow(/"head.headers\["A"\]"/);
  });
});

describe("parseContentLength (RFC 9110 8.6, RFC 9112 6.3)", () => {
  it("accepts digits, and a list of identical values as one", () => {
    expect(parseContentLength("0")).toBe(0);
    expect(parseContentLength("042")).toBe(42);
    expect(parseContentLength("42, 42")).toBe(42);
    expect(parseContentLength(["42", "42"])).toBe(42);
  });

  it("rejects differing or malformed values, naming them", () => {
    expect(() => parseContentLength("42, 43")).toThrow(/"Content-Length".*42, 43/);
    for (const bad of ["-1", "1.5", "abc", "+5", "", "0x10", "99999999999999999999"]) {
      expect(() => parseContentLength(bad), bad).toThrow(RangeError);
    }
  });
});

describe("checkResponseBody (RFC 9112 8)", () => {
  const head = { headers: { "Content-Length": "1000" } };

  it("detects truncation: fewer bytes than Content-Length before the close", () => {
    expect(checkResponseBody(head, 600)).toMatchObject({ status: "truncated", expectedBytes: 1000, receivedBytes: 600, missingBytes: 400 });
    expect(checkResponseBody(head, 0).status).toBe("truncated");
  });

  it("calls a body complete when every promised byte came, and counts extra bytes apart", () => {
    expect(checkResponseBody(head, 1000)).toMatchObject({ status: "complete", expectedBytes: 1000 });
    expect(checkResponseBody(head, 1000).extraBytes).toBeUndefined();
    expect(checkResponseBody(head, 1010)).toMatchObject({ status: "complete", extraBytes: 10 });
  });

  it("cannot judge a close-delimited body: the close is its end", () => {
    expect(checkResponseBody({ headers: {} }, 5).status).toBe("read-until-close");
  });

  it("says a chunked body needs its last chunk, not a byte count", () => {
    expect(checkResponseBody({ headers: { "Transfer-Encoding": "chunked" } }, 5).status).toBe("unknown");
  });

  it("treats no-body responses as complete", () => {
    expect(checkResponseBody({ status: 304, headers: { "Content-Length": "1000" } }, 0)).toMatchObject({
      status: "complete",
      expectedBytes: 0,
    });
  });

  it("rejects a bad byte count", () => {
    expect(() => checkResponseBody(head, -1)).toThrow(/"receivedBytes".*-1/);
    expect(() => checkResponseBody(head, NaN)).toThrow(RangeError);
    expect(() => checkResponseBody(head, "5" as never)).toThrow(TypeError);
  });
});

describe("message length in Korean", () => {
  afterEach(() => resetLanguage());

  it("explains a cut-off body and refuses a bad length in Korean", () => {
    setLanguage("ko");
    const cut = checkResponseBody({ headers: { "Content-Length": "1000" } }, 600);
    expect(cut).toMatchObject({ status: "truncated", missingBytes: 400 });
    expect(cut.explanation).toBe(
      "Content-Length는 1000바이트를 약속했지만 커넥션은 600바이트 뒤에 닫혔습니다. 응답이 불완전하므로 온전한 응답처럼 써서는 안 됩니다",
    );
    expect(checkResponseBody({}, 5).explanation).toMatch(/^선언된 길이가 없습니다\./);
    expect(responseFraming({ version: "1.0", headers: { "Transfer-Encoding": "chunked" } }).faulty).toMatch(
      /프레이밍\(framing\)이 잘못되었습니다/,
    );
    expect(() => parseContentLength("42, 43")).toThrow(
      '"Content-Length" 값이 허용 범위를 벗어났습니다. 허용되는 값: 길이 하나, 또는 모두 같은 길이의 목록. 받은 값: "42, 43"',
    );
  });
});
