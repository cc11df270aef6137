import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { segment } from "../../lib/tcp/segment";
import { overheadSeries } from "../../lib/viz/overhead-chart";
import { packetLayout } from "../../lib/viz/packet-layout";

describe("segment: a byte stream cut at the MSS, each piece in its own IP packet", () => {
  it("hand-computed cases with the default MSS 1460 and 20 + 20 header bytes", () => {
    expect(segment(3000)).toEqual({ segments: 3, payloads: [1460, 1460, 80], wireBytes: 3120, overheadRatio: 120 / 3120 });
    expect(segment(1460)).toEqual({ segments: 1, payloads: [1460], wireBytes: 1500, overheadRatio: 40 / 1500 });
    expect(segment(1461).payloads).toEqual([1460, 1]);
    expect(segment(1).overheadRatio).toBeCloseTo(40 / 41, 12);
  });

  it("zero bytes still cost one packet of headers (what a pure ACK costs)", () => {
    expect(segment(0)).toEqual({ segments: 1, payloads: [0], wireBytes: 40, overheadRatio: 1 });
  });

  it("honours mss and header sizes (timestamps: a 32-byte TCP header)", () => {
    expect(segment(1000, { mss: 536 }).payloads).toEqual([536, 464]);
    expect(segment(1448, { mss: 1448, tcpHeaderBytes: 32 }).wireBytes).toBe(1500);
    expect(segment(100, { ipHeaderBytes: 40 }).wireBytes).toBe(160); // IPv6's fixed header
  });

  it("invariants: payloads sum to the bytes, none above the MSS, only the last may be short", () => {
    for (const bytes of [1, 7, 535, 536, 537, 1460, 2921, 100_000, 1_000_003]) {
      for (const mss of [1, 536, 1460, 9000]) {
        const s = segment(bytes, { mss });
        expect(s.payloads.reduce((a, b) => a + b, 0)).toBe(bytes);
        expect(s.payloads.every((p) => p <= mss)).toBe(true);
        expect(s.payloads.slice(0, -1).every((p) => p === mss)).toBe(true);
        expect(s.segments).toBe(Math.ceil(bytes / mss));
        expect(s.wireBytes).toBe(bytes + 40 * s.segments);
      }
    }
  });

  it("bad input: a RangeError or TypeError naming the parameter and the value", () => {
    expect(() => segment(-1)).toThrow(RangeError);
    expect(() => segment(-1)).toThrow(/"bytes".*-1/);
    expect(() => segment(NaN)).toThrow(/"bytes".*NaN/);
    expect(() => segment(1.5)).toThrow(/"bytes".*1\.5/);
    expect(() => segment(Infinity)).toThrow(RangeError);
    expect(() => segment(100, { mss: 0 })).toThrow(/"mss".*0/);
    expect(() => segment(100, { mss: NaN })).toThrow(/"mss".*NaN/);
    expect(() => segment(100, { tcpHeaderBytes: -20 })).toThrow(/"tcpHeaderBytes".*-20/);
    expect(() => segment("100" as unknown as number)).toThrow(TypeError);
    expect(() => segment(100, null as unknown as object)).toThrow(TypeError);
    // a result too big to list is refused rather than exhausting memory
    expect(() => segment(1e12)).toThrow(/"bytes".*1000000000000/);
  });
});

describe("pictures of segmentation", () => {
  it("the overhead falls as messages grow, with a bump just past each MSS", () => {
    const { bytes, percent } = overheadSeries({ maxBytes: 6000, width: 200 });
    expect(bytes[0]).toBe(1);
    expect(percent[0]).toBeCloseTo((100 * 40) / 41, 6);
    const at = (b: number) => percent[bytes.findIndex((x) => x >= b)];
    expect(at(1461)).toBeGreaterThan(at(1400)); // one byte too many costs a whole packet
  });

  it("the packet layout shows every header and payload", () => {
    const text = packetLayout(3000);
    expect(text.match(/IP 20 B/g)).toHaveLength(3);
    expect(text).toContain("data 80 B");
    expect(text).toContain("3120 bytes on the wire");
  });
});

describe("segment in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses a stream of too many segments, in the reader's language", () => {
    expect(() => segment(1e12)).toThrow("at most 10000000 segments of mss 1460 (14600000000 bytes)");
    setLanguage("ko");
    expect(() => segment(1e12)).toThrow(
      '"bytes" 값이 허용 범위를 벗어났습니다. 허용되는 값: mss 1460인 세그먼트 10000000개 이하(14600000000바이트 이하). 받은 값: 1000000000000',
    );
  });
});
