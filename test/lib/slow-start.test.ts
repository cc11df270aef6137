import { describe, expect, it } from "vitest";
import { nextWindow, slowStart } from "../../lib/tcp/slow-start";

const MSS = 1460;

describe("slowStart", () => {
  it("hand-computed: 100 000 bytes (69 segments) over a 100 ms RTT with IW 10", () => {
    const r = slowStart({ bytes: 100_000, rttMs: 100 });
    expect(r.segmentsPerRound).toEqual([10, 20, 39]);
    expect(r.cwndPerRound).toEqual([10, 20, 40]);
    expect(r.rounds).toBe(3);
    // two full round trips, then the last flight's one-way trip
    expect(r.timeMs).toBe(250);
  });

  it("matches the closed form rounds = ceil(log2(N/IW + 1)) without delayed ACK or limits", () => {
    for (const iw of [1, 2, 3, 4, 10]) {
      for (let n = 1; n <= 300; n++) {
        const r = slowStart({ bytes: n * MSS, rttMs: 10, initialWindow: iw });
        expect(r.rounds, `N=${n} IW=${iw}`).toBe(Math.ceil(Math.log2(n / iw + 1)));
        expect(r.timeMs).toBe((r.rounds - 1) * 10 + 5);
      }
    }
  });

  it("grows about 1.5x per round with delayed ACK (one MSS per ACK, one ACK per two segments)", () => {
    const r = slowStart({ bytes: 100_000, rttMs: 100, delayedAck: true });
    expect(r.cwndPerRound).toEqual([10, 15, 23, 35]);
    expect(r.segmentsPerRound).toEqual([10, 15, 23, 21]);
    const big = slowStart({ bytes: 10_000 * MSS, rttMs: 100, delayedAck: true }).cwndPerRound;
    const ratio = big.at(-1)! / big.at(-2)!;
    expect(ratio).toBeGreaterThan(1.45);
    expect(ratio).toBeLessThan(1.55);
    expect(slowStart({ bytes: 10_000 * MSS, rttMs: 100 }).rounds).toBeLessThan(slowStart({ bytes: 10_000 * MSS, rttMs: 100, delayedAck: true }).rounds);
  });

  it("nextWindow adds one MSS per ACK", () => {
    expect(nextWindow(10, 10, false)).toBe(20);
    expect(nextWindow(10, 10, true)).toBe(15);
    expect(nextWindow(15, 15, true)).toBe(23);
  });

  it("uses RFC 6928's initial window for the MSS by default", () => {
    expect(slowStart({ bytes: 10 * MSS, rttMs: 10 }).rounds).toBe(1);
    expect(slowStart({ bytes: 11 * MSS, rttMs: 10 }).rounds).toBe(2);
    // MSS 4000: IW = 14600 bytes = 3 whole segments
    expect(slowStart({ bytes: 40_000, rttMs: 10, mss: 4000 }).cwndPerRound[0]).toBe(3);
  });

  it("caps a round at the receive window", () => {
    const r = slowStart({ bytes: 1_000_000, rttMs: 100, receiveWindow: 65_535 });
    expect(Math.max(...r.segmentsPerRound)).toBe(44);
    expect(r.segmentsPerRound.slice(0, 4)).toEqual([10, 20, 40, 44]);
  });

  it("caps a round at the bandwidth-delay product; a long transfer then runs at link speed", () => {
    const bw = 10e6;
    const r = slowStart({ bytes: 10_000_000, rttMs: 100, bandwidthBps: bw });
    const bdpSegments = Math.floor((bw * 0.1) / 8 / (MSS + 40)); // 83
    expect(Math.max(...r.segmentsPerRound)).toBe(bdpSegments);
    const wireSeconds = (Math.ceil(10_000_000 / MSS) * 40 + 10_000_000) * 8 / bw;
    expect(r.timeMs / 1000 / wireSeconds).toBeGreaterThan(1);
    expect(r.timeMs / 1000 / wireSeconds).toBeLessThan(1.1);
  });

  it("never finishes before the one-way delay plus the bytes at link speed", () => {
    for (const bw of [1e5, 1e6, 1e8]) {
      for (const bytes of [1, 1460, 15_000, 300_000]) {
        const r = slowStart({ bytes, rttMs: 40, bandwidthBps: bw });
        const wire = bytes + Math.ceil(bytes / MSS) * 40;
        expect(r.timeMs).toBeGreaterThanOrEqual(20 + (wire * 8 * 1000) / bw - 1e-9);
      }
    }
  });

  it("needs no round for nothing", () => {
    expect(slowStart({ bytes: 0, rttMs: 100 })).toEqual({ rounds: 0, timeMs: 0, segmentsPerRound: [], cwndPerRound: [] });
  });

  it("is deterministic", () => {
    const input = { bytes: 123_456, rttMs: 33, delayedAck: true, bandwidthBps: 5e6 };
    expect(slowStart(input)).toEqual(slowStart(input));
  });

  it.each([
    [{ bytes: -1, rttMs: 1 }, /"bytes"/],
    [{ bytes: 1.5, rttMs: 1 }, /"bytes"/],
    [{ bytes: 10, rttMs: -1 }, /"rttMs"/],
    [{ bytes: 10, rttMs: NaN }, /"rttMs"/],
    [{ bytes: 10, rttMs: 1, mss: 0 }, /"mss"/],
    [{ bytes: 10, rttMs: 1, initialWindow: 0 }, /"initialWindow"/],
    [{ bytes: 10, rttMs: 1, bandwidthBps: 0 }, /"bandwidthBps"/],
    [{ bytes: 10, rttMs: 1, receiveWindow: 1000 }, /"receiveWindow"/],
    [{ bytes: 10, rttMs: 1, delayedAck: "yes" }, /"delayedAck"/],
  ])("refuses %o", (input, message) => {
    expect(() => slowStart(input as never)).toThrow(message);
  });

  it("throws RangeError for out-of-range and TypeError for wrong types", () => {
    expect(() => slowStart({ bytes: 10, rttMs: -5 })).toThrow(RangeError);
    expect(() => slowStart({ bytes: "10" as never, rttMs: 5 })).toThrow(TypeError);
  });
});
