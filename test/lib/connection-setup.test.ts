import { describe, expect, it } from "vitest";
import { CONNECTION_SETUPS, connectionSetup, SETUP_STACKS } from "../../lib/http/connection-setup";
import { handshake } from "../../lib/tcp/handshake";

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
