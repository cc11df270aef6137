import { afterEach, describe, expect, it } from "vitest";
import { CONNECTION_SETUPS, connectionSetup, type SETUP_STACKS } from "../../lib/http/connection-setup";
import { handshake } from "../../lib/tcp/handshake";
import { resetLanguage, setLanguage } from "../../lib/i18n";

describe("connection setup round trips per stack", () => {
  it("TLS adds its handshake on top of TCP's; QUIC does both in one; resumption can reach zero", () => {
    const rt = (s: (typeof SETUP_STACKS)[number]) => connectionSetup(s).roundTrips;
    expect(rt("tcp")).toBe(handshake({ rttMs: 1 }).connectMs);
    expect(rt("tcp+tls1.2")).toBe(rt("tcp") + 2);
    expect(rt("tcp+tls1.3")).toBe(rt("tcp") + 1);
    expect(rt("quic")).toBe(1);
    expect(rt("quic-0rtt")).toBe(0);
    expect(rt("tcp-fastopen")).toBe(0);
  });

  it("every setup ends with the client sending its request in the last client flight", () => {
    for (const s of CONNECTION_SETUPS) {
      const lastClient = [...s.flights].reverse().find((f) => f.startsWith("C→S"))!;
      expect(lastClient).toMatch(/request/);
    }
  });

  it("an unknown stack is a RangeError listing the valid ones", () => {
    expect(() => connectionSetup("tcp+tls1.1" as never)).toThrow(/"stack".*"quic"/);
  });
});

describe("connection setups in Korean", () => {
  afterEach(() => resetLanguage());

  it("reads names, flights and notes in the language current when they are read", () => {
    const tcp = connectionSetup("tcp");
    expect(tcp.name).toBe("TCP, plain HTTP");
    setLanguage("ko");
    expect(tcp.name).toBe("TCP, 일반 HTTP");
    expect(tcp.flights).toEqual(["C→S SYN", "S→C SYN-ACK", "C→S ACK + 요청"]);
    expect(tcp.note).toMatch(/^3방향 핸드셰이크\(three-way handshake, RFC 9293; lib\/tcp\/handshake\.ts\)\./);
    expect(connectionSetup("tcp+tls1.3").name).toBe("TCP + TLS 1.3"); // the same in both languages
    // every text with words is Korean; every client's last flight still carries the request
    for (const s of CONNECTION_SETUPS) {
      expect(s.note).toMatch(/[\uac00-\ud7a3]/);
      expect([...s.flights].reverse().find((f) => f.startsWith("C→S"))).toMatch(/요청/);
    }
    expect(JSON.parse(JSON.stringify(CONNECTION_SETUPS[0]))).toEqual({
      stack: "tcp",
      name: "TCP, 일반 HTTP",
      roundTrips: 1,
      flights: tcp.flights,
      note: tcp.note,
    });
    expect(() => connectionSetup("tcp+tls1.1" as never)).toThrow(/"stack" 값이 허용 범위를 벗어났습니다\. 허용되는 값: .*"quic".* 중 하나/);
  });
});
