import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { portCount, portExhaustion } from "../../lib/tcp/ports";

describe("portExhaustion", () => {
  it("defaults to Linux: 28 232 ports and 60 s of TIME_WAIT", () => {
    const r = portExhaustion({});
    expect(r.maxConnectionsPerSecond).toBeCloseTo(28232 / 60, 9);
    expect(r.exhaustedAfterSeconds).toBeNull();
  });

  it("hand-computed: 1000 ports, 60 s TIME_WAIT, 100 connections per second", () => {
    const r = portExhaustion({ ports: 1000, timeWaitSeconds: 60, connectionsPerSecond: 100 });
    expect(r.maxConnectionsPerSecond).toBeCloseTo(16.667, 3);
    expect(r.exhaustedAfterSeconds).toBe(10);
  });

  it("never runs out at or below the ceiling", () => {
    expect(portExhaustion({ ports: 600, timeWaitSeconds: 60, connectionsPerSecond: 10 }).exhaustedAfterSeconds).toBeNull();
    expect(portExhaustion({ ports: 600, timeWaitSeconds: 60, connectionsPerSecond: 9 }).exhaustedAfterSeconds).toBeNull();
    expect(portExhaustion({ ports: 600, timeWaitSeconds: 60, connectionsPerSecond: 10.5 }).exhaustedAfterSeconds).toBeCloseTo(
      600 / 10.5,
      9,
    );
  });

  it("takes an inclusive range", () => {
    expect(portCount({ low: 32768, high: 60999 })).toBe(28232);
    expect(portCount({ low: 49152, high: 65535 })).toBe(16384);
    expect(portExhaustion({ ports: { low: 10, high: 10 }, timeWaitSeconds: 2 }).maxConnectionsPerSecond).toBe(0.5);
    // RFC 9293's 2MSL of 240 s quarters the ceiling
    expect(portExhaustion({ ports: 24_000, timeWaitSeconds: 240 }).maxConnectionsPerSecond).toBe(100);
  });

  it.each([
    [{ ports: 0 }, /"ports"/, RangeError],
    [{ ports: "many" }, /"ports"/, TypeError],
    [{ ports: { low: 100, high: 50 } }, /"ports.high"/, RangeError],
    [{ ports: { low: 0, high: 50 } }, /"ports.low"/, RangeError],
    [{ ports: { low: 1, high: 70000 } }, /"ports.high"/, RangeError],
    [{ timeWaitSeconds: 0 }, /"timeWaitSeconds"/, RangeError],
    [{ timeWaitSeconds: NaN }, /"timeWaitSeconds"/, RangeError],
    [{ connectionsPerSecond: -1 }, /"connectionsPerSecond"/, RangeError],
  ])("refuses %o", (input, message, type) => {
    expect(() => portExhaustion(input as never)).toThrow(type);
    expect(() => portExhaustion(input as never)).toThrow(message);
  });
});

describe("ports in Korean", () => {
  afterEach(() => resetLanguage());

  it.each([
    [
      () => portCount("many" as never),
      "portCount: 포트 개수(숫자) 또는 범위 { low, high }",
      "필요한 것: 포트 개수(숫자) 또는 범위 { low, high }",
    ],
    [() => portCount({ low: 2000, high: 1000 }), "a reversed range", "허용되는 값: ports.low(2000) 이상"],
    [
      () => portExhaustion({ ports: 1000, timeWaitSeconds: 1e-320 }),
      "a TIME_WAIT so short the rate is infinite",
      "허용되는 값: 1000개 포트 / timeWaitSeconds가 유한한 속도가 될 만큼 긴 시간",
    ],
  ])("%#: %s", (call, _what, korean) => {
    setLanguage("ko");
    expect(call).toThrow(korean);
  });
});
