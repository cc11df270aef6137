import { afterEach, describe, expect, it } from "vitest";
import { parseConnectionHeader } from "../../lib/http/connection-header";
import { parseKeepAlive } from "../../lib/http/keep-alive-header";
import { MAX_LIST_ELEMENTS } from "../../lib/http/list-syntax";
import { resetLanguage, setLanguage } from "../../lib/i18n";

describe("parseConnectionHeader (RFC 9110 7.6.1)", () => {
  it("reads close and keep-alive case-insensitively and lower-cases tokens", () => {
    expect(parseConnectionHeader("Keep-Alive")).toEqual({ close: false, keepAlive: true, tokens: ["keep-alive"] });
    expect(parseConnectionHeader("CLOSE")).toEqual({ close: true, keepAlive: false, tokens: ["close"] });
  });

  it("keeps header names and ad-hoc options as tokens", () => {
    expect(parseConnectionHeader("Keep-Alive, X-Trace-Id, meter")).toEqual({
      close: false,
      keepAlive: true,
      tokens: ["keep-alive", "x-trace-id", "meter"],
    });
  });

  it("accepts optional whitespace and empty list elements (RFC 9110 5.6.1)", () => {
    expect(parseConnectionHeader(", , a ,b").tokens).toEqual(["a", "b"]);
    expect(parseConnectionHeader(" \tclose\t ").tokens).toEqual(["close"]);
    expect(parseConnectionHeader(",,,").tokens).toEqual([]);
    expect(parseConnectionHeader("")).toEqual({ close: false, keepAlive: false, tokens: [] });
  });

  it("refuses a list of more than MAX_LIST_ELEMENTS elements over all its lines, naming the line and the limit", () => {
    const tokens = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`).join(", ");
    expect(parseConnectionHeader(tokens(MAX_LIST_ELEMENTS)).tokens).toHaveLength(MAX_LIST_ELEMENTS);
    const limit = new RegExp(`"value\\[1\\]".*a list of at most ${MAX_LIST_ELEMENTS} elements in all`);
    expect(() => parseConnectionHeader([tokens(MAX_LIST_ELEMENTS), "one-more"])).toThrow(limit);
    expect(() => parseKeepAlive([tokens(MAX_LIST_ELEMENTS), "one=more"])).toThrow(limit);
  });

  it("combines several Connection field lines into one list", () => {
    const r = parseConnectionHeader(["keep-alive", "Upgrade, close"]);
    expect(r).toEqual({ close: true, keepAlive: true, tokens: ["keep-alive", "upgrade", "close"] });
  });

  it("lists a token once even if repeated in another case", () => {
    expect(parseConnectionHeader("close, Close, CLOSE").tokens).toEqual(["close"]);
  });

  it("accepts every tchar", () => {
    expect(parseConnectionHeader("!#$%&'*+-.^_`|~09azAZ").tokens).toEqual(["!#$%&'*+-.^_`|~09azaz"]);
  });

  it("rejects an element that is not a token, naming it and the value", () => {
    expect(() => parseConnectionHeader("close, keep alive")).toThrow(RangeError);
    expect(() => parseConnectionHeader("close, keep alive")).toThrow(/"value".*"keep alive".*"close, keep alive"/);
    expect(() => parseConnectionHeader("a;b")).toThrow(/"a;b"/);
    expect(() => parseConnectionHeader('"close"')).toThrow(RangeError);
    expect(() => parseConnectionHeader("clo\u00e9se")).toThrow(RangeError);
  });

  it("names the array element that is bad", () => {
    expect(() => parseConnectionHeader(["close", "a b"])).toThrow(/"value\[1\]"/);
    expect(() => parseConnectionHeader(["close", 3 as unknown as string])).toThrow(TypeError);
    expect(() => parseConnectionHeader(["close", 3 as unknown as string])).toThrow(/"value\[1\]".*3/);
  });

  it("rejects a value that is not a string", () => {
    for (const bad of [undefined, null, 42, { close: true }]) {
      expect(() => parseConnectionHeader(bad as unknown as string)).toThrow(TypeError);
    }
    expect(() => parseConnectionHeader(42 as unknown as string)).toThrow(/"value".*42/);
  });

  it("does not mutate an array argument", () => {
    const input = ["Close", "X-A"];
    parseConnectionHeader(input);
    expect(input).toEqual(["Close", "X-A"]);
  });
});

describe("parseConnectionHeader in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses a malformed list in Korean, naming the parameter and the value as before", () => {
    setLanguage("ko");
    expect(() => parseConnectionHeader("close, keep alive")).toThrow(
      '"value" 값이 허용 범위를 벗어났습니다. 허용되는 값: 쉼표로 구분한 토큰 목록. "keep alive"은(는) 토큰이 아닙니다. 받은 값: "close, keep alive"',
    );
    expect(() => parseConnectionHeader(42 as unknown as string)).toThrow(
      /"value" 인자가 잘못되었습니다\. 필요한 것: 문자열 또는 문자열 배열\./,
    );
  });
});
