import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { MAX_SLOW_START_ROUNDS, nextWindow, slowStart } from "../../lib/tcp/slow-start";

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
    expect(slowStart({ bytes: 10_000 * MSS, rttMs: 100 }).rounds).toBeLessThan(
      slowStart({ bytes: 10_000 * MSS, rttMs: 100, delayedAck: true }).rounds,
    );
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
    const pipe = (bw * 0.1) / 8 / (MSS + 40); // 83.3 full segments
    expect(r.pipeSegments).toBe(83);
    // 10, 20, 40, 80 leave the link idle part of each RTT; 160 covers the pipe
    expect(r.segmentsPerRound.slice(0, 7)).toEqual([10, 20, 40, 80, 83, 83, 84]);
    const steady = r.segmentsPerRound.slice(4, -1);
    expect(Math.min(...steady)).toBe(83);
    expect(Math.max(...steady)).toBe(84);
    expect(steady.reduce((a, b) => a + b, 0) / steady.length).toBeCloseTo(pipe, 1);
    const wireMs = ((Math.ceil(10_000_000 / MSS) * 40 + 10_000_000) * 8 * 1000) / bw;
    // four rounds of one RTT carry 150 segments (180 ms of link time), then the link never idles
    expect(r.timeMs).toBeCloseTo(wireMs + 4 * 100 - 150 * 1.2 + 50, 6);
  });

  it("keeps the link busy once the window covers the pipe (1 MB at 1 Mbit/s)", () => {
    // IW 10 already exceeds the pipe (8.3 segments): the wire time plus the one-way delay
    const r = slowStart({ bytes: 1_000_000, rttMs: 100, bandwidthBps: 1e6 });
    expect(r.timeMs).toBeCloseTo((1_027_400 * 8 * 1000) / 1e6 + 50, 6); // 8219.2 + 50
    expect(r.pipeSegments).toBe(8);
  });

  it("a long transfer costs its wire time plus at most one RTT per round before the pipe is full", () => {
    for (const bw of [1e6, 10e6, 100e6]) {
      for (const rttMs of [10, 100]) {
        const bytes = 20_000_000;
        const r = slowStart({ bytes, rttMs, bandwidthBps: bw });
        const wireMs = ((bytes + Math.ceil(bytes / MSS) * 40) * 8 * 1000) / bw;
        // rounds before the window first covers the pipe (window x 1500 wire bytes >= bandwidth x RTT)
        const growing = r.cwndPerRound.findIndex((cwnd) => (cwnd * 1500 * 8 * 1000) / bw >= rttMs);
        expect(growing).toBeGreaterThanOrEqual(0);
        expect(r.timeMs, `bw ${bw} rtt ${rttMs}`).toBeGreaterThanOrEqual(wireMs + rttMs / 2 - 1e-6);
        expect(r.timeMs, `bw ${bw} rtt ${rttMs}`).toBeLessThanOrEqual(wireMs + rttMs / 2 + growing * rttMs + 1e-6);
      }
    }
  });

  it("the growth rule (abcLimit): 1 is RFC 5681's 1.5x with delayed ACK, 2 (RFC 3465) and Infinity (Linux) double", () => {
    const bytes = 10_000 * MSS;
    const rfc = slowStart({ bytes, rttMs: 100, delayedAck: true });
    expect(slowStart({ bytes, rttMs: 100, delayedAck: true, abcLimit: 1 })).toEqual(rfc);
    for (const abcLimit of [2, Infinity]) {
      const r = slowStart({ bytes, rttMs: 100, delayedAck: true, abcLimit });
      expect(r.cwndPerRound.slice(0, 6)).toEqual([10, 20, 40, 80, 160, 320]);
      expect(r.rounds).toBe(slowStart({ bytes, rttMs: 100 }).rounds);
      expect(r.rounds).toBeLessThan(rfc.rounds);
    }
    // without delayed ACK each ACK covers one segment: every rule doubles, the closed form holds
    for (const abcLimit of [1, 2, Infinity]) {
      for (const n of [1, 9, 10, 11, 69, 300]) {
        expect(slowStart({ bytes: n * MSS, rttMs: 10, abcLimit }).rounds).toBe(Math.ceil(Math.log2(n / 10 + 1)));
      }
    }
    expect(nextWindow(10, 10, true, 2)).toBe(20);
    expect(nextWindow(15, 15, true, Infinity)).toBe(30);
    expect(nextWindow(15, 15, true, 1)).toBe(23);
  });

  it("refuses a transfer that would list absurdly many rounds, naming bytes", () => {
    expect(() => slowStart({ bytes: 1e11, rttMs: 100, receiveWindow: 1460 })).toThrow(RangeError);
    expect(() => slowStart({ bytes: 1e11, rttMs: 100, receiveWindow: 1460 })).toThrow(/"bytes"/);
    expect(() => slowStart({ bytes: 1e11, rttMs: 100, bandwidthBps: 1e3 })).toThrow(/"bytes"/);
    // just under the limit: listed, bounded
    const r = slowStart({ bytes: 100_000 * MSS, rttMs: 100, receiveWindow: MSS });
    expect(r.rounds).toBe(100_000);
    expect(r.rounds).toBeLessThanOrEqual(MAX_SLOW_START_ROUNDS);
    // a huge transfer without limits is only a few dozen rounds
    expect(slowStart({ bytes: 1e15, rttMs: 100 }).rounds).toBeLessThan(40);
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
    expect(slowStart({ bytes: 0, rttMs: 100 })).toEqual({
      rounds: 0,
      timeMs: 0,
      segmentsPerRound: [],
      cwndPerRound: [],
      pipeSegments: Infinity,
    });
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
    [{ bytes: 10, rttMs: 1, abcLimit: 0 }, /"abcLimit"/],
    [{ bytes: 10, rttMs: 1, abcLimit: 1.5 }, /"abcLimit"/],
    [{ bytes: 10, rttMs: 1, abcLimit: "2" }, /"abcLimit"/],
  ])("refuses %o", (input, message) => {
    expect(() => slowStart(input as never)).toThrow(message);
  });

  it("throws RangeError for out-of-range and TypeError for wrong types", () => {
    expect(() => slowStart({ bytes: 10, rttMs: -5 })).toThrow(RangeError);
    expect(() => slowStart({ bytes: "10" as never, rttMs: 5 })).toThrow(TypeError);
  });
});

describe("slowStart: the receive window option means what it means in the simulator", () => {
  it("takes Infinity as no cap, like undefined (TcpOptions.receiveWindow)", () => {
    expect(slowStart({ bytes: 1_000_000, rttMs: 100, receiveWindow: Infinity })).toEqual(slowStart({ bytes: 1_000_000, rttMs: 100 }));
    expect(() => slowStart({ bytes: 10, rttMs: 1, receiveWindow: -Infinity })).toThrow(/"receiveWindow"/);
  });
});

describe("slowStart in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses a transfer of too many rounds, saying why in the reader's language", () => {
    const huge = { bytes: 1e11, rttMs: 100, receiveWindow: 1460 };
    expect(() => slowStart(huge)).toThrow(
      `no more than ${MAX_SLOW_START_ROUNDS} rounds can carry (this transfer would need 68493151 rounds: send less, or raise receiveWindow or bandwidthBps)`,
    );
    setLanguage("ko");
    expect(() => slowStart(huge)).toThrow(
      `"bytes" 값이 허용 범위를 벗어났습니다. 허용되는 값: ${MAX_SLOW_START_ROUNDS}라운드 안에 보낼 수 있는 크기(이 전송에는 68493151라운드가 필요합니다: 덜 보내거나 receiveWindow 또는 bandwidthBps를 키우세요)`,
    );
  });
});
