import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { handshakeShare, transactionTime } from "../../lib/tcp/transaction";
import { slowStart } from "../../lib/tcp/slow-start";

describe("transactionTime", () => {
  it("hand-computed: a small transaction on a new connection costs two RTTs plus think time", () => {
    const r = transactionTime({ rttMs: 100, requestBytes: 300, responseBytes: 1000, serverMs: 10 });
    expect(r.breakdown).toEqual({ dnsMs: 0, connectMs: 100, requestMs: 50, serverMs: 10, responseMs: 50 });
    expect(r.totalMs).toBe(210);
  });

  it("skips the handshake and slow start on a reused connection", () => {
    const fresh = transactionTime({ rttMs: 100, requestBytes: 300, responseBytes: 100_000 });
    const reused = transactionTime({ rttMs: 100, requestBytes: 300, responseBytes: 100_000, newConnection: false });
    expect(reused.breakdown.connectMs).toBe(0);
    expect(fresh.breakdown.responseMs).toBe(slowStart({ bytes: 100_000, rttMs: 100 }).timeMs);
    expect(fresh.breakdown.responseMs).toBe(250);
    expect(reused.breakdown.responseMs).toBe(50);
    expect(reused.totalMs).toBe(100);
  });

  it("adds DNS, and serialisation with headers when a bandwidth is given", () => {
    // 960 B + 40 B header = 1000 B = 8 ms at 1 Mbit/s; the SYN and SYN-ACK (44 B with the MSS option) take 0.352 ms each
    const r = transactionTime({ rttMs: 100, dnsMs: 30, requestBytes: 960, responseBytes: 0, bandwidthBps: 1e6 });
    expect(r.breakdown.dnsMs).toBe(30);
    expect(r.breakdown.connectMs).toBeCloseTo(100.704, 9);
    expect(r.breakdown.requestMs).toBeCloseTo(58, 9);
    expect(r.breakdown.responseMs).toBeCloseTo(50.32, 9);
  });

  it("sums its breakdown and never beats one RTT plus the bytes at link speed", () => {
    for (const newConnection of [true, false]) {
      for (const bw of [undefined, 1e5, 1e7]) {
        const input = { rttMs: 60, serverMs: 5, requestBytes: 500, responseBytes: 80_000, bandwidthBps: bw, newConnection };
        const r = transactionTime(input);
        const b = r.breakdown;
        expect(r.totalMs).toBeCloseTo(b.dnsMs + b.connectMs + b.requestMs + b.serverMs + b.responseMs, 9);
        const floor = 60 + 5 + (bw ? (80_500 * 8 * 1000) / bw : 0);
        expect(r.totalMs).toBeGreaterThanOrEqual(floor);
      }
    }
  });

  it.each([
    [{ rttMs: -1 }, /"rttMs"/],
    [{ rttMs: NaN }, /"rttMs"/],
    [{ rttMs: 10, dnsMs: -1 }, /"dnsMs"/],
    [{ rttMs: 10, serverMs: Infinity }, /"serverMs"/],
    [{ rttMs: 10, requestBytes: -3 }, /"requestBytes"/],
    [{ rttMs: 10, responseBytes: 0.5 }, /"responseBytes"/],
    [{ rttMs: 10, bandwidthBps: -1 }, /"bandwidthBps"/],
    [{ rttMs: 10, newConnection: 1 }, /"newConnection"/],
    [{ rttMs: 10, mss: 0 }, /"mss"/],
  ])("refuses %o", (input, message) => {
    expect(() => transactionTime(input as never)).toThrow(message);
  });
});

describe("handshakeShare", () => {
  it("is half of a small transaction with no think time, and shrinks as the response grows", () => {
    const small = handshakeShare({ rttMs: 100, requestBytes: 300, responseBytes: 1000 });
    expect(small).toEqual({ connectMs: 100, totalMs: 200, share: 0.5 });
    const large = handshakeShare({ rttMs: 100, requestBytes: 300, responseBytes: 5_000_000, bandwidthBps: 10e6 });
    expect(large.share).toBeLessThan(0.05);
  });

  it("is 0 for a transaction that takes no time, never NaN", () => {
    expect(handshakeShare({ rttMs: 0 }).share).toBe(0);
  });
});

describe("transactionTime in Korean", () => {
  afterEach(() => resetLanguage());

  it("names the request or the response when slow start cannot carry it", () => {
    const huge = { rttMs: 100, responseBytes: 2 ** 53 - 1, bandwidthBps: 1 };
    expect(() => transactionTime(huge)).toThrow(/"responseBytes".*a size slow start carries in at most 1000000 rounds/);
    setLanguage("ko");
    expect(() => transactionTime(huge)).toThrow(
      '"responseBytes" 값이 허용 범위를 벗어났습니다. 허용되는 값: 느린 시작(slow start)으로 1000000라운드 안에 보낼 수 있는 크기',
    );
  });
});
