import { describe, expect, it } from "vitest";
import { packetLabel, sequenceDiagramMermaid, sequenceDiagramText } from "../../lib/viz/sequence-diagram";
import type { Trace } from "../../lib/sim/trace";

const trace: Trace = [
  { tMs: 0, conn: 0, from: "client", flags: ["SYN"], bytes: 0, note: "open" },
  { tMs: 50, conn: 0, from: "server", flags: ["SYN", "ACK"], bytes: 0 },
  { tMs: 100, conn: 0, from: "client", flags: ["ACK", "PSH"], bytes: 300, note: "GET /a; #1" },
  { tMs: 40.0749999, conn: 1, from: "client", flags: ["SYN"], bytes: 0 },
];

describe("sequence diagram", () => {
  it("labels a packet with flags, payload and note", () => {
    expect(packetLabel(trace[2])).toBe("ACK,PSH 300 B (GET /a; #1)");
    expect(packetLabel(trace[1])).toBe("SYN,ACK");
    expect(packetLabel(trace[3], true)).toBe("[c1] SYN");
  });

  it("draws one line per packet, client arrows pointing right, server arrows left", () => {
    const text = sequenceDiagramText(trace, { conn: 0 }).split("\n");
    expect(text).toHaveLength(4);
    expect(text[0]).toMatch(/t \(ms\)\s+client\s+server$/);
    expect(text[1]).toMatch(/^\s+0 {2}\|-+ SYN \(open\) -+>\|$/);
    expect(text[2]).toMatch(/^\s+50 {2}\|<-+ SYN,ACK -+\|$/);
    expect(text[3]).toContain("300 B");
    // every arrow ends in the same column: the server's
    expect(new Set(text.slice(1).map((l) => l.length)).size).toBe(1);
  });

  it("labels connections when several are shown, rounds times, and summarises what it leaves out", () => {
    const text = sequenceDiagramText(trace, { maxPackets: 3 });
    expect(text).toContain("[c0]");
    expect(text).toContain("... 1 more packets");
    expect(sequenceDiagramText(trace)).toContain("40.075 ");
  });

  it("writes mermaid source with plain labels", () => {
    const m = sequenceDiagramMermaid(trace, { conn: 0 }).split("\n");
    expect(m[0]).toBe("sequenceDiagram");
    expect(m).toHaveLength(3 + 3);
    expect(m[3]).toBe("    C->>S: 0 ms SYN (open)");
    expect(m[4]).toBe("    S->>C: 50 ms SYN,ACK");
    expect(m[5]).not.toMatch(/[;#]/);
  });

  it("refuses what is not a trace", () => {
    expect(() => sequenceDiagramText("x" as never)).toThrow(/"trace"/);
    expect(() => sequenceDiagramMermaid(trace, { conn: -1 })).toThrow(/"conn"/);
  });
});
