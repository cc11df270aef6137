import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { handshake } from "../../lib/tcp/handshake";

describe("handshake", () => {
  it("puts SYN at 0, SYN-ACK at RTT/2 and the ACK at one RTT", () => {
    const h = handshake({ rttMs: 80 });
    expect(h.packets.map((p) => [p.tMs, p.from, p.flags.join(","), p.bytes])).toEqual([
      [0, "client", "SYN", 0],
      [40, "server", "SYN,ACK", 0],
      [80, "client", "ACK", 0],
    ]);
    expect(h.connectMs).toBe(80);
    expect(h.serverEstablishedMs).toBe(120);
  });

  it("lets the request ride on the third packet (up to one MSS)", () => {
    const h = handshake({ rttMs: 80, requestBytes: 300 });
    expect(h.packets).toHaveLength(3);
    expect(h.packets[2]).toMatchObject({ tMs: 80, flags: ["ACK", "PSH"], bytes: 300 });
    expect(handshake({ rttMs: 80, requestBytes: 5000 }).packets[2]).toMatchObject({ flags: ["ACK"], bytes: 1460 });
  });

  it("charges each control packet its serialisation time: 40 header bytes, + the 4-byte MSS option on SYNs", () => {
    // 44 B at 352 kbit/s = 1 ms for a SYN or SYN-ACK
    const h = handshake({ rttMs: 10, bandwidthBps: 352_000 });
    expect(h.packets.map((p) => p.tMs)).toEqual([0, 6, 12]);
    expect(h.connectMs).toBe(12);
  });

  it.each([
    [{ rttMs: -1 }, /"rttMs"/],
    [{ rttMs: NaN }, /"rttMs"/],
    [{ rttMs: 1, bandwidthBps: 0 }, /"bandwidthBps"/],
    [{ rttMs: 1, requestBytes: -1 }, /"requestBytes"/],
    [{ rttMs: 1, mss: 0 }, /"mss"/],
  ])("refuses %o", (input, message) => {
    expect(() => handshake(input as never)).toThrow(message);
  });
});

describe("handshake in Korean", () => {
  afterEach(() => resetLanguage());

  it("notes the three packets in the reader's language", () => {
    expect(handshake({ rttMs: 80, requestBytes: 300 }).packets.map((p) => p.note)).toEqual(["open", "accept", "request rides on the ACK"]);
    expect(handshake({ rttMs: 80 }).packets.map((p) => p.note)).toEqual(["open", "accept", "handshake"]);
    setLanguage("ko");
    expect(handshake({ rttMs: 80, requestBytes: 300 }).packets.map((p) => p.note)).toEqual(["커넥션 열기", "수락", "요청이 ACK에 실려 감"]);
    expect(handshake({ rttMs: 80 }).packets.map((p) => p.note)).toEqual(["커넥션 열기", "수락", "핸드셰이크"]);
  });

  it("refuses bad input in Korean", () => {
    setLanguage("ko");
    expect(() => handshake({ rttMs: -1 })).toThrow('"rttMs" 값이 허용 범위를 벗어났습니다');
    expect(() => handshake(null as never)).toThrow('"input" 인자가 잘못되었습니다. 필요한 것: 일반 객체');
  });
});
