import { afterEach, describe, expect, it } from "vitest";
import { parseKeepAlive } from "../../lib/http/keep-alive-header";
import { resetLanguage, setLanguage } from "../../lib/i18n";

describe("parseKeepAlive (RFC 2068 19.7.1.1)", () => {
  it("reads timeout and max", () => {
    expect(parseKeepAlive("timeout=5, max=100")).toEqual({ timeoutSeconds: 5, max: 100, params: {} });
    expect(parseKeepAlive("max=5, timeout=20")).toEqual({ timeoutSeconds: 20, max: 5, params: {} });
  });

  it("leaves out what is not sent", () => {
    expect(parseKeepAlive("timeout=3")).toEqual({ timeoutSeconds: 3, params: {} });
    expect(parseKeepAlive("")).toEqual({ params: {} });
    expect("max" in parseKeepAlive("timeout=3")).toBe(false);
  });

  it("keeps other name[=value] parameters, names lower-cased", () => {
    expect(parseKeepAlive("timeout=5, Debug-Id=abc, verbose")).toEqual({
      timeoutSeconds: 5,
      params: { "debug-id": "abc", verbose: null },
    });
  });

  it("unquotes quoted values, escapes and commas included", () => {
    expect(parseKeepAlive('timeout="7", note="a, \\"b\\""')).toEqual({ timeoutSeconds: 7, params: { note: 'a, "b"' } });
  });

  it("is case-insensitive in names and tolerates whitespace and empty elements", () => {
    expect(parseKeepAlive(" , TIMEOUT = 5 ,, Max=0 ,")).toEqual({ timeoutSeconds: 5, max: 0, params: {} });
  });

  it("combines several field lines", () => {
    expect(parseKeepAlive(["timeout=5", "max=9"])).toEqual({ timeoutSeconds: 5, max: 9, params: {} });
  });

  it("accepts a bare old-style value as a parameter name", () => {
    expect(parseKeepAlive("300")).toEqual({ params: { "300": null } });
  });

  it("rejects malformed numbers with a RangeError naming the parameter and the value, never NaN", () => {
    const cases: Array<[string, RegExp]> = [
      ["timeout=abc", /"timeout".*"abc"/],
      ["timeout=-1", /"timeout".*"-1"/],
      ["max=1.5", /"max".*"1\.5"/],
      ["max=1e3", /"max".*"1e3"/],
      ["max=+3", /"max"/],
      ["timeout=", /"timeout"/],
      ["timeout", /"timeout".*no value/],
      ['max=" 4"', /"max".*" 4"/],
      ["max=99999999999999999999", /"max"/],
    ];
    for (const [value, message] of cases) {
      expect(() => parseKeepAlive(value), value).toThrow(RangeError);
      expect(() => parseKeepAlive(value), value).toThrow(message);
    }
  });

  it("rejects a repeated timeout or max as ambiguous", () => {
    expect(() => parseKeepAlive("timeout=5, timeout=6")).toThrow(RangeError);
    expect(() => parseKeepAlive(["max=1", "max=1"])).toThrow(/"value\[1\]"/);
  });

  it("rejects names and values that are not tokens", () => {
    expect(() => parseKeepAlive("time out=5")).toThrow(/"time out"/);
    expect(() => parseKeepAlive("x=a b")).toThrow(RangeError);
    expect(() => parseKeepAlive('x="open')).toThrow(RangeError);
  });

  it("splits only at commas outside quoted strings", () => {
    expect(parseKeepAlive('x="a,b", max=2')).toEqual({ max: 2, params: { x: "a,b" } });
    expect(Object.keys(parseKeepAlive('x="a,b"').params)).toEqual(["x"]);
  });

  it("rejects a repeated timeout or max even with equal values", () => {
    expect(() => parseKeepAlive("timeout=5, timeout=7")).toThrow(/"value".*timeout only once/);
    expect(() => parseKeepAlive("max=3, MAX=3")).toThrow(RangeError);
  });

  it("rejects a value with an unquoted '=' (neither a token nor a quoted string)", () => {
    expect(() => parseKeepAlive("x=a=b")).toThrow(/"x".*"a=b"/);
    expect(parseKeepAlive('x="a=b"')).toEqual({ params: { x: "a=b" } });
  });

  it("keeps parameters named like Object.prototype's properties", () => {
    const p = parseKeepAlive("constructor=1, __proto__=2, toString, hasOwnProperty=x").params;
    expect(Object.keys(p)).toEqual(["constructor", "__proto__", "tostring", "hasownproperty"]);
    expect(p.constructor).toBe("1");
    expect(Object.getOwnPropertyDescriptor(p, "__proto__")?.value).toBe("2");
    expect(p.tostring).toBeNull();
    expect(Object.getPrototypeOf(p)).toBeNull();
  });

  it("rejects a value that is not a string", () => {
    expect(() => parseKeepAlive(5 as unknown as string)).toThrow(TypeError);
    expect(() => parseKeepAlive(5 as unknown as string)).toThrow(/"value".*5/);
    expect(() => parseKeepAlive([null] as unknown as string[])).toThrow(/"value\[0\]"/);
  });
});

describe("parseKeepAlive in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses bad parameters in Korean", () => {
    setLanguage("ko");
    expect(() => parseKeepAlive("timeout")).toThrow(
      '"timeout" 값이 허용 범위를 벗어났습니다. 허용되는 값: 10진수 숫자로 쓴 0 이상의 정수. 받은 값: "(값 없음)"',
    );
    expect(() => parseKeepAlive("timeout=5, timeout=7")).toThrow(/"value".*timeout 값을 한 번만 주는 목록/);
    expect(() => parseKeepAlive("x=a b")).toThrow(/"x".*토큰 또는 따옴표 문자열/);
  });
});
