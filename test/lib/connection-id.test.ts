import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { connectionKey, fourTuple, sameConnection } from "../../lib/tcp/connection-id";

const a = { sourceIp: "192.0.2.7", sourcePort: 51000, destinationIp: "10.0.0.80", destinationPort: 80 };

describe("a connection is named by four values", () => {
  it("differs when any one of the four differs", () => {
    expect(sameConnection(a, { ...a })).toBe(true);
    expect(sameConnection(a, { ...a, sourcePort: 51001 })).toBe(false);
    expect(sameConnection(a, { ...a, sourceIp: "192.0.2.8" })).toBe(false);
    expect(sameConnection(a, { ...a, destinationPort: 443 })).toBe(false);
    expect(sameConnection(a, { ...a, destinationIp: "10.0.0.81" })).toBe(false);
  });

  it("prints IPv6 addresses in brackets", () => {
    expect(connectionKey(a)).toBe("192.0.2.7:51000 -> 10.0.0.80:80");
    expect(connectionKey({ ...a, sourceIp: "::1", destinationIp: "::1" })).toBe("[::1]:51000 -> [::1]:80");
  });

  it("rejects a bad address or port, naming it", () => {
    expect(() => fourTuple({ ...a, sourcePort: 70000 })).toThrow(/"sourcePort".*70000/);
    expect(() => fourTuple({ ...a, destinationIp: "not-an-ip" })).toThrow(/"destinationIp"/);
    expect(() => fourTuple({ ...a, sourcePort: NaN })).toThrow(RangeError);
  });
});

describe("connection identity in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses a bad address or tuple in the reader's language", () => {
    setLanguage("ko");
    expect(() => fourTuple({ ...a, destinationIp: "not-an-ip" })).toThrow(
      '"destinationIp" 인자가 잘못되었습니다. 필요한 것: IPv4 또는 IPv6 주소',
    );
    expect(() => fourTuple(null as never)).toThrow('"tuple" 인자가 잘못되었습니다. 필요한 것: 객체');
  });
});
