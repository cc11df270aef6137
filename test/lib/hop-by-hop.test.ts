import { afterEach, describe, expect, it } from "vitest";
import { HOP_BY_HOP_FIELDS, RFC2616_HOP_BY_HOP, RFC9110_HOP_BY_HOP, stripHopByHop } from "../../lib/http/hop-by-hop";
import { resetLanguage, setLanguage } from "../../lib/i18n";

describe("stripHopByHop (RFC 9110 7.6.1)", () => {
  it("removes the fixed hop-by-hop fields even when Connection does not list them", () => {
    const input = {
      Host: "a.test",
      Connection: "close",
      "Keep-Alive": "timeout=5",
      "Proxy-Connection": "Keep-Alive",
      TE: "trailers",
      Trailer: "Expires",
      "Transfer-Encoding": "chunked",
      Upgrade: "websocket",
      Accept: "*/*",
    };
    expect(stripHopByHop(input)).toEqual({ Host: "a.test", Accept: "*/*" });
  });

  it("removes every field the Connection header names, case-insensitively", () => {
    const input = { Connection: "X-Hop, meter", "x-hop": "1", Meter: "2", "X-End": "3" };
    expect(stripHopByHop(input)).toEqual({ "X-End": "3" });
  });

  it("reads every Connection field line, in either shape", () => {
    const pairs: Array<[string, string]> = [
      ["connection", "x-a"],
      ["X-A", "1"],
      ["CONNECTION", "X-B"],
      ["x-b", "2"],
      ["x-c", "3"],
    ];
    expect(stripHopByHop(pairs)).toEqual([["x-c", "3"]]);
    expect(stripHopByHop({ Connection: ["x-a", "x-b"], "X-A": "1", "X-B": "2", "X-C": "3" })).toEqual({ "X-C": "3" });
  });

  it("keeps the array shape, order and duplicates of the rest", () => {
    const pairs: Array<[string, string]> = [
      ["Set-Cookie", "a=1"],
      ["Connection", "keep-alive"],
      ["Set-Cookie", "b=2"],
      ["Via", "1.0 p"],
    ];
    expect(stripHopByHop(pairs)).toEqual([
      ["Set-Cookie", "a=1"],
      ["Set-Cookie", "b=2"],
      ["Via", "1.0 p"],
    ]);
  });

  it("keeps Proxy-Authorization and Proxy-Authenticate (RFC 2616's list had them, RFC 9110's does not)", () => {
    expect(stripHopByHop({ "Proxy-Authorization": "Basic x", "Proxy-Authenticate": "Basic" })).toEqual({
      "Proxy-Authorization": "Basic x",
      "Proxy-Authenticate": "Basic",
    });
    expect(RFC2616_HOP_BY_HOP).toContain("proxy-authorization");
    expect(RFC9110_HOP_BY_HOP).not.toContain("proxy-authorization");
    expect(RFC9110_HOP_BY_HOP).toContain("proxy-connection");
    expect(HOP_BY_HOP_FIELDS).toContain("trailer");
  });

  it("does not mutate its input and returns fresh containers", () => {
    const obj = { Connection: "x-a", "X-A": "1", "Set-Cookie": ["a", "b"] };
    const snapshot = JSON.parse(JSON.stringify(obj));
    const out = stripHopByHop(obj);
    expect(obj).toEqual(snapshot);
    expect(out).not.toBe(obj);
    expect(out["Set-Cookie"]).toEqual(["a", "b"]);
    expect(out["Set-Cookie"]).not.toBe(obj["Set-Cookie"]);

    const pairs: Array<[string, string]> = [
      ["A", "1"],
      ["Connection", "close"],
    ];
    const copy = pairs.map((p) => [...p]);
    const outPairs = stripHopByHop(pairs);
    expect(pairs).toEqual(copy);
    expect(outPairs[0]).not.toBe(pairs[0]);
  });

  it("keeps a __proto__ field as a plain field", () => {
    const input = JSON.parse('{"__proto__": "x", "A": "1"}');
    const out = stripHopByHop(input);
    expect(Object.keys(out)).toEqual(["__proto__", "A"]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it("reads each field once: a getter that is clean when checked and holds CR LF later cannot smuggle a line through", () => {
    const later = (clean: string, dirty: string) => {
      let reads = 0;
      return () => (reads++ === 0 ? clean : dirty);
    };
    const object: Record<string, string> = { Host: "a.test" };
    Object.defineProperty(object, "X-A", { get: later("1", "1\r\nSet-Cookie: x"), enumerable: true });
    expect(stripHopByHop(object)).toEqual({ Host: "a.test", "X-A": "1" });
    const value = ["X-A", "1"];
    Object.defineProperty(value, 1, { get: later("1", "1\r\nSet-Cookie: x"), enumerable: true });
    const name = ["X-B", "2"];
    Object.defineProperty(name, 0, { get: later("X-B", "X-B\r\nSet-Cookie: x"), enumerable: true });
    const list = ["3", "4"];
    Object.defineProperty(list, 0, { get: later("3", "3\r\nSet-Cookie: x"), enumerable: true });
    expect(stripHopByHop([["Host", "a.test"], value, name] as Array<[string, string]>)).toEqual([
      ["Host", "a.test"],
      ["X-A", "1"],
      ["X-B", "2"],
    ]);
    expect(stripHopByHop({ "X-C": list })).toEqual({ "X-C": ["3", "4"] });
  });

  it("a field name with a character outside the token set says which one, by code point: look-alikes read as ASCII", () => {
    expect(() => stripHopByHop({ "\u212Aeep-Alive": "1" })).toThrow(/the character U\+212A at index 0 is not a token character/);
    expect(() => stripHopByHop([["Connect\u0131on", "close"]])).toThrow(/"headers\[0\]\[0\]".*U\+0131 at index 7/);
    expect(() => stripHopByHop({ "X A": "1" })).toThrow(/U\+0020 at index 1/);
    expect(() => stripHopByHop({ "X:A": "1" })).toThrow(/U\+003A \(:\) at index 1/);
  });

  it("works on an empty header set", () => {
    expect(stripHopByHop({})).toEqual({});
    expect(stripHopByHop([])).toEqual([]);
  });

  it("rejects bad shapes, naming the place and the value", () => {
    expect(() => stripHopByHop(null as never)).toThrow(TypeError);
    expect(() => stripHopByHop("Connection: close" as never)).toThrow(/"headers".*Connection: close/);
    expect(() => stripHopByHop({ A: 1 } as never)).toThrow(/"headers\["A"\]".*1/);
    expect(() => stripHopByHop({ A: ["x", 2] } as never)).toThrow(/"headers\["A"\]\[1\]"/);
    expect(() => stripHopByHop([["A", "1"], ["B"]] as never)).toThrow(/"headers\[1\]"/);
    expect(() => stripHopByHop([[1, "x"]] as never)).toThrow(/"headers\[0\]\[0\]"/);
  });

  it("rejects a malformed Connection value", () => {
    expect(() => stripHopByHop({ Connection: "a b" })).toThrow(RangeError);
  });
});

describe("stripHopByHop in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses bad header shapes in Korean, naming the place", () => {
    setLanguage("ko");
    expect(() => stripHopByHop([["A", "1"], ["B"]] as never)).toThrow(
      /"headers\[1\]" 인자가 잘못되었습니다\. 필요한 것: \[name, value\] 쌍\./,
    );
    expect(() => stripHopByHop({ "A B": "1" })).toThrow(/"headers\["A B"\]".*필드 이름\(RFC 9110 토큰\)/);
    expect(() => stripHopByHop({ A: "x\r\nB: y" })).toThrow(/CR, LF, NUL이 없는 필드 값/);
  });
});
