import { describe, expect, it } from "vitest";
import { ConnectionAbortedError } from "../../lib/errors";
import { simulatePageLoad } from "../../lib/http/page-load";
import type { PageLoadInput } from "../../lib/http/page-load";

const page = { htmlBytes: 5_000, objectBytes: Array.from({ length: 6 }, () => 2_000) };
// an unlimited link: every packet of a burst leaves at the same instant, so a drop shifts nothing but recovery
const load = (extra: Partial<PageLoadInput> = {}) =>
  simulatePageLoad({ page, strategy: "multiplexed", rttMs: 100, bandwidthBps: Infinity, transport: "quic", ...extra });

/** The index (in the order handed to the link) of the first server packet whose note says it carries `stream`. */
function firstServerPacketOf(stream: number, extra: Partial<PageLoadInput>): number {
  const trace = load(extra).trace;
  const i = trace.findIndex((e) => e.from === "server" && new RegExp(`streams (\\d+, )*${stream}(,|$)`).test(e.note ?? ""));
  expect(i).toBeGreaterThan(0);
  return i;
}

describe("simulatePageLoad over QUIC", () => {
  it("opens one connection whose handshake takes one round trip, as TCP's (the TCP model has no TLS)", () => {
    const quic = load();
    const tcp = load({ transport: "tcp" });
    expect(quic.transport).toBe("quic");
    expect(quic.connectionsOpened).toBe(1);
    expect(quic.trace.every((e) => e.flags.length === 0)).toBe(true);
    expect(quic.connections[0].establishedMs).toBe(100);
    // the HTML: 1 RTT of handshake, 1 RTT for request and response
    expect(quic.requests[0].doneMs).toBe(200);
    expect(quic.requests[0].doneMs).toBe(tcp.requests[0].doneMs);
    expect(quic.packets).toBe(quic.trace.length);
    expect(quic.retransmissions).toBe(0);
    expect(quic.lostPackets).toBe(0);
  });

  it("0-RTT sends the requests with the first flight and saves one round trip", () => {
    const one = load();
    const zero = load({ zeroRtt: true });
    expect(zero.requests[0].sentMs).toBe(0);
    expect(zero.trace.some((e) => e.from === "client" && e.note?.includes("0-RTT"))).toBe(true);
    expect(one.trace.some((e) => e.note?.includes("0-RTT"))).toBe(false);
    expect(one.elapsedMs - zero.elapsedMs).toBe(100);
  });

  it("delivers every response's bytes once, in packets of at most 1320 data bytes", () => {
    const r = load({ page: { htmlBytes: 30_000, objectBytes: [50_000, 7] } });
    expect(r.trace.every((e) => e.bytes <= 1320)).toBe(true);
    expect(r.requests.map((q) => q.doneMs >= q.firstByteMs && q.firstByteMs >= q.respondedMs)).toEqual([true, true, true]);
  });

  it("a dropped packet delays only the streams whose data it carried; on TCP it delays every later response", () => {
    const quicClean = load();
    const drop = firstServerPacketOf(8, {}); // object 2's response
    const quicDrop = load({ dropPackets: [drop] });
    expect(quicDrop.lostPackets).toBe(1);
    expect(quicDrop.retransmissions).toBeGreaterThan(0);
    for (const r of quicDrop.requests) {
      if (r.index === 2) expect(r.doneMs).toBeGreaterThan(quicClean.requests[2].doneMs);
      else expect(r.doneMs).toBe(quicClean.requests[r.index].doneMs);
    }

    const tcpClean = load({ transport: "tcp" });
    const tcpIndex = tcpClean.trace.findIndex((e) => e.from === "server" && e.note?.includes("/object-2"));
    const tcpDrop = load({ transport: "tcp", dropPackets: [tcpIndex] });
    for (const r of tcpDrop.requests.slice(2)) expect(r.doneMs).toBeGreaterThan(tcpClean.requests[r.index].doneMs);
  });

  it("gives the same trace for the same seed, and another for another seed", () => {
    const a = load({ lossRate: 0.05, seed: 7 });
    const b = load({ lossRate: 0.05, seed: 7 });
    expect(b.trace).toEqual(a.trace);
    expect(b.requests).toEqual(a.requests);
    const other = [8, 9, 10, 11].map((seed) => load({ lossRate: 0.05, seed }).trace);
    expect(other.some((t) => JSON.stringify(t) !== JSON.stringify(a.trace))).toBe(true);
  });

  it("recovers from random loss: every response completes, with the losses and resends counted", () => {
    for (const seed of [1, 2, 3]) {
      const r = load({ lossRate: 0.05, seed, page: { htmlBytes: 20_000, objectBytes: [30_000, 30_000, 30_000] } });
      expect(r.requests.every((q) => Number.isFinite(q.doneMs))).toBe(true);
      expect(r.lostPackets).toBe(r.trace.filter((e) => e.lost).length);
      expect(r.retransmissions).toBe(r.trace.filter((e) => e.retransmit).length);
    }
  });

  it("ends at loss 0.9 with a result or a ConnectionAbortedError", () => {
    for (const seed of [1, 2]) {
      try {
        const r = load({ lossRate: 0.9, seed });
        expect(r.requests.every((q) => Number.isFinite(q.doneMs))).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(ConnectionAbortedError);
        expect(String(e)).toMatch(/QUIC connection 0.*10 probe timeouts/);
      }
    }
  });

  it("refuses an unknown transport, and QUIC with any strategy but multiplexed, naming transport", () => {
    expect(() => load({ transport: "sctp" as never })).toThrow(/transport/);
    for (const strategy of ["serial", "parallel", "persistent", "pipelined"] as const) {
      expect(() => load({ strategy })).toThrow(RangeError);
      expect(() => load({ strategy })).toThrow(/transport/);
      expect(load({ strategy, transport: "tcp" }).transport).toBe("tcp");
    }
    expect(() => load({ zeroRtt: "yes" as never })).toThrow(/zeroRtt/);
  });
});
