import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { nagleHolds } from "../../lib/tcp/nagle";
import { nagleDelayedAck } from "../../lib/sim/nagle-delayed-ack";

describe("nagleHolds", () => {
  it("holds only a small segment while data is unACKed and Nagle is on", () => {
    expect(nagleHolds({ segmentBytes: 200, unackedBytes: 100 })).toBe(true);
    expect(nagleHolds({ segmentBytes: 200, unackedBytes: 0 })).toBe(false);
    expect(nagleHolds({ segmentBytes: 1460, unackedBytes: 100 })).toBe(false);
    expect(nagleHolds({ segmentBytes: 200, unackedBytes: 100, nodelay: true })).toBe(false);
    expect(nagleHolds({ segmentBytes: 535, mss: 536, unackedBytes: 1 })).toBe(true);
    expect(nagleHolds({ segmentBytes: 536, mss: 536, unackedBytes: 1 })).toBe(false);
  });

  it.each([
    [{ segmentBytes: -1, unackedBytes: 0 }, /"segmentBytes"/],
    [{ segmentBytes: 2000, unackedBytes: 0 }, /"segmentBytes"/],
    [{ segmentBytes: 10, unackedBytes: NaN }, /"unackedBytes"/],
    [{ segmentBytes: 10, unackedBytes: 0, mss: 0 }, /"mss"/],
    [{ segmentBytes: 10, unackedBytes: 0, nodelay: "yes" }, /"nodelay"/],
  ])("refuses %o", (input, message) => {
    expect(() => nagleHolds(input as never)).toThrow(message);
  });
});

describe("nagleDelayedAck: the write-write-read stall", () => {
  const base = { writes: [100, 200], nagle: true, delayedAckMs: 40, rttMs: 100 };

  it("nagleVariant: a single write larger than the MSS stalls on its tail under classic Nagle, not under Minshall's", () => {
    const classic = nagleDelayedAck({ writes: [2000], rttMs: 10 });
    expect(classic.stallMs).toBe(10 + 40); // the 540-byte tail waits for the first segment's delayed ACK
    expect(classic.trace.filter((e) => e.from === "client" && e.bytes > 0).map((e) => [e.tMs, e.bytes])).toEqual([
      [0, 1460],
      [50, 540],
    ]);
    expect(nagleDelayedAck({ writes: [2000], rttMs: 10, nagleVariant: "classic" })).toEqual(classic);
    const minshall = nagleDelayedAck({ writes: [2000], rttMs: 10, nagleVariant: "minshall" });
    expect(minshall.stallMs).toBe(0);
    // two small writes stall under both rules
    expect(nagleDelayedAck({ ...base, nagleVariant: "minshall" }).stallMs).toBe(nagleDelayedAck(base).stallMs);
    expect(() => nagleDelayedAck({ ...base, nagleVariant: "bsd" as never })).toThrow(/"nagleVariant"/);
  });

  it("hand-computed: the second write waits for the first one's delayed ACK", () => {
    const r = nagleDelayedAck(base);
    // write 1 arrives at 50, its ACK waits 40 ms (90), is back at 140; write 2 arrives at 190
    expect(r.completeMs).toBe(190);
    expect(r.stallMs).toBe(140); // rtt + delayedAckMs
    expect(r.trace.map((e) => [e.tMs, e.from, e.bytes, e.note])).toEqual([
      [0, "client", 100, "write 1"],
      [90, "server", 0, "delayed-ACK timer"],
      [140, "client", 200, "write 2"],
      [230, "server", 0, "delayed-ACK timer"],
    ]);
  });

  it("disappears with Nagle off or with a single write", () => {
    expect(nagleDelayedAck({ ...base, nagle: false })).toMatchObject({ completeMs: 50, stallMs: 0 });
    expect(nagleDelayedAck({ ...base, writes: [300] })).toMatchObject({ completeMs: 50, stallMs: 0 });
  });

  it("shrinks to Nagle's own round trip with delayed ACK off: nothing left on loopback", () => {
    expect(nagleDelayedAck({ ...base, delayedAckMs: 0 }).stallMs).toBe(100);
    const loopback = nagleDelayedAck({ ...base, rttMs: 0.05, delayedAckMs: 0 });
    expect(loopback.stallMs).toBeCloseTo(0.05, 9);
    const loopbackDelayed = nagleDelayedAck({ ...base, rttMs: 0.05 });
    expect(loopbackDelayed.stallMs).toBeCloseTo(40.05, 9); // the ~40 ms measured on Linux loopback
  });

  it("grows with the classic 200 ms timer", () => {
    expect(nagleDelayedAck({ ...base, delayedAckMs: 200 }).stallMs).toBe(300);
  });

  it("coalesces writes held behind an unACKed segment into one segment", () => {
    const r = nagleDelayedAck({ ...base, writes: [100, 50, 50, 50] });
    expect(r.trace.filter((e) => e.from === "client").map((e) => e.bytes)).toEqual([100, 150]);
    expect(r.stallMs).toBe(140);
  });

  it("shows the reply leaving once the request is complete", () => {
    const r = nagleDelayedAck({ ...base, responseBytes: 500 });
    expect(r.responseMs).toBe(240);
    const reply = r.trace.find((e) => e.from === "server" && e.bytes === 500)!;
    expect(reply.tMs).toBe(190);
    // the reply carries the ACK of write 2: no separate delayed ACK from the server any more
    expect(r.trace.filter((e) => e.from === "server" && e.bytes === 0)).toHaveLength(1);
  });

  it("sends every byte exactly once, no segment above MSS, deterministically", () => {
    const input = { writes: [3000, 10, 2000, 1], nagle: true, delayedAckMs: 40, rttMs: 30, bandwidthBps: 5e6 };
    const r = nagleDelayedAck(input);
    const sent = r.trace.filter((e) => e.from === "client").reduce((s, e) => s + e.bytes, 0);
    expect(sent).toBe(5011);
    expect(Math.max(...r.trace.map((e) => e.bytes))).toBeLessThanOrEqual(1460);
    expect(r.completeMs).toBeGreaterThanOrEqual(15 + ((5011 + 4 * 40) * 8 * 1000) / 5e6);
    expect(nagleDelayedAck(input)).toEqual(r);
  });

  it.each([
    [{ ...base, writes: [] }, /"writes"/, RangeError],
    [{ ...base, writes: "abc" }, /"writes"/, TypeError],
    [{ ...base, writes: [100, 0] }, /"writes\[1\]"/, RangeError],
    [{ ...base, rttMs: -1 }, /"rttMs"/, RangeError],
    [{ ...base, rttMs: NaN }, /"rttMs"/, RangeError],
    [{ ...base, delayedAckMs: 1000 }, /"delayedAckMs"/, RangeError],
    [{ ...base, mss: 0 }, /"mss"/, RangeError],
    [{ ...base, nagle: "on" }, /"nagle"/, TypeError],
  ])("refuses bad input %#", (input, message, type) => {
    expect(() => nagleDelayedAck(input as never)).toThrow(type);
    expect(() => nagleDelayedAck(input as never)).toThrow(message);
  });
});

describe("Nagle in Korean", () => {
  afterEach(() => resetLanguage());

  it("a segment larger than the MSS: the same English as before, and Korean on request", () => {
    const big = { segmentBytes: 2000, unackedBytes: 0 };
    expect(() => nagleHolds(big)).toThrow('The value of "segmentBytes" is out of range. It must be <= mss (1460). Received 2000');
    setLanguage("ko");
    expect(() => nagleHolds(big)).toThrow('"segmentBytes" 값이 허용 범위를 벗어났습니다. 허용되는 값: mss(1460) 이하. 받은 값: 2000');
  });

  it("nagleDelayedAck labels the writes and the reply, and TCP's own packets, in Korean", () => {
    setLanguage("ko");
    const r = nagleDelayedAck({ writes: [100, 200], delayedAckMs: 40, rttMs: 100, responseBytes: 50 });
    expect(r.trace.map((e) => [e.tMs, e.from, e.bytes, e.note])).toEqual([
      [0, "client", 100, "쓰기 1"],
      [90, "server", 0, "확인응답 지연 타이머"],
      [140, "client", 200, "쓰기 2"],
      [190, "server", 50, "응답"],
      [280, "client", 0, "확인응답 지연 타이머"], // the reply arrives at 240; the client's ACK waits 40 ms
    ]);
  });

  it.each([
    [{ writes: [] }, "허용되는 값: 비어 있지 않은 배열(쓰기가 하나 이상)"],
    [{ writes: "abc" }, "필요한 것: 바이트 수의 배열"],
    [{ writes: new Array(100_001).fill(1) }, "허용되는 값: 쓰기 100000개 이하"],
    [{ writes: [100_000 * 1460, 1] }, "허용되는 값: 모두 합쳐 세그먼트 100000개(mss 1460) 이하인 쓰기(writes[1] = 1에서 이를 넘습니다)"],
  ])("nagleDelayedAck refuses bad writes in Korean %#", (input, korean) => {
    setLanguage("ko");
    expect(() => nagleDelayedAck({ rttMs: 10, ...input } as never)).toThrow(korean);
  });
});
