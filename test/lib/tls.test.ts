import { describe, expect, it } from "vitest";
import { simulatePageLoad } from "../../lib/http/page-load";
import type { PageLoadInput } from "../../lib/http/page-load";
import { tlsRoundTrips } from "../../lib/tcp/tls-handshake";

const page = { htmlBytes: 5_000, objectBytes: [3_000, 3_000, 3_000] };
const base: PageLoadInput = { page, strategy: "persistent", rttMs: 100, bandwidthBps: Infinity };

describe("HTTPS over TCP: the TLS handshake before the first request", () => {
  it("TLS 1.3 costs one round trip more before the HTML, TLS 1.2 two", () => {
    const html = (tls: "none" | "1.2" | "1.3") => simulatePageLoad({ ...base, tls }).requests[0];
    for (const tls of ["1.3", "1.2"] as const) {
      expect(html(tls).doneMs - html("none").doneMs, tls).toBeCloseTo(tlsRoundTrips(tls) * base.rttMs, 6);
      expect(html(tls).sentMs - html(tls).connectedMs!, tls).toBeCloseTo(tlsRoundTrips(tls) * base.rttMs, 6);
    }
  });

  it("every new connection pays it: serial loads pay once per object, persistent ones once", () => {
    const extra = (strategy: "serial" | "persistent") =>
      simulatePageLoad({ ...base, strategy, tls: "1.3" }).elapsedMs - simulatePageLoad({ ...base, strategy }).elapsedMs;
    expect(extra("serial")).toBeCloseTo(4 * base.rttMs, 6);
    expect(extra("persistent")).toBeCloseTo(base.rttMs, 6);
  });

  it("the handshake's bytes are on the wire, before every request and response", () => {
    const r = simulatePageLoad({ ...base, tls: "1.3" });
    expect(r.tls).toBe("1.3");
    const notes = r.trace.filter((e) => e.bytes > 0).map((e) => e.note ?? "");
    expect(notes[0]).toMatch(/ClientHello/);
    expect(notes.findIndex((n) => n.startsWith("GET"))).toBeGreaterThan(notes.findIndex((n) => n.includes("Finished")));
  });

  it("QUIC's handshake carries TLS 1.3 in its own first round trip: the HTML comes one RTT sooner than over TCP with TLS 1.3", () => {
    const mux = { ...base, strategy: "multiplexed" as const };
    const tcp = simulatePageLoad({ ...mux, tls: "1.3" }).requests[0].doneMs;
    const quic = simulatePageLoad({ ...mux, transport: "quic" }).requests[0].doneMs;
    expect(tcp - quic).toBeGreaterThan(0.9 * base.rttMs);
    expect(tcp - quic).toBeLessThan(1.1 * base.rttMs);
  });

  it("refuses an unknown version, and TLS 1.2 over QUIC, naming tls", () => {
    expect(() => simulatePageLoad({ ...base, tls: "1.4" as never })).toThrow(/"tls"/);
    expect(() => simulatePageLoad({ ...base, strategy: "multiplexed", transport: "quic", tls: "1.2" })).toThrow(/"tls"/);
  });
});
