import stringWidth = require("string-width");
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { packetLabel, sequenceDiagramMermaid, sequenceDiagramText } from "../../lib/viz/sequence-diagram";
import { gallery } from "../../lib/viz/gallery";
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

  it("keeps both bars straight when one label is wider than the default width", () => {
    const trace: Trace = [
      { tMs: 0, conn: 0, from: "client", flags: ["SYN"], bytes: 0 },
      {
        tMs: 10,
        conn: 0,
        from: "server",
        flags: ["RST", "ACK"],
        bytes: 0,
        note: "close() with request 2 unread in the buffer, so the stack answers RST",
      },
      { tMs: 20, conn: 0, from: "client", flags: ["ACK"], bytes: 0 },
    ];
    const lines = sequenceDiagramText(trace, { width: 20 }).split("\n");
    const widths = new Set(lines.map((l) => stringWidth(l)));
    expect(widths.size, lines.join("\n")).toBe(1);
    // the right bar is in the same column on every arrow line
    expect(new Set(lines.slice(1).map((l) => l.lastIndexOf("|"))).size).toBe(1);
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

describe("sequence diagram in Korean", () => {
  beforeEach(() => setLanguage("ko"));
  afterEach(() => resetLanguage());

  // notes as a Korean model writes them, one with what mermaid reads as structure (";", "#", a line break)
  const korean: Trace = [
    { tMs: 0, conn: 0, from: "client", flags: ["SYN"], bytes: 0, note: "커넥션 열기" },
    { tMs: 50, conn: 0, from: "server", flags: ["SYN", "ACK"], bytes: 0, note: "수락" },
    { tMs: 100, conn: 0, from: "client", flags: ["ACK", "PSH"], bytes: 300, note: "요청 보냄; 두 번째 #1\n다음 줄" },
    { tMs: 150, conn: 0, from: "server", flags: ["ACK"], bytes: 0 },
  ];

  it("text: Korean names and notes, and the server's column straight (Hangul is two columns wide)", () => {
    // wide enough for every label, so every arrow has the same span
    const lines = sequenceDiagramText(korean, { width: 60 }).split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^t \(ms\)\s+클라이언트\s+서버$/);
    expect(lines[1]).toMatch(/^\s+0 {2}\|-+ SYN \(커넥션 열기\) -+>\|$/);
    expect(lines[3]).toContain("(요청 보냄; 두 번째 #1 다음 줄)");
    // the header's "서버" and every arrow's end share one display column
    expect(new Set(lines.map((l) => stringWidth(l))).size).toBe(1);
    expect(sequenceDiagramText(korean, { maxPackets: 2 }).split("\n").at(-1)!.trim()).toBe("... 패킷 2개 더");
  });

  it("mermaid: Korean participants and notes kept, nothing left that mermaid's sequence syntax reads as structure", () => {
    const m = sequenceDiagramMermaid(korean, { maxPackets: 3 }).split("\n");
    expect(m).toHaveLength(3 + 3 + 1);
    expect(m.slice(0, 4)).toEqual([
      "sequenceDiagram",
      "    participant C as 클라이언트",
      "    participant S as 서버",
      "    C->>S: 0 ms SYN (커넥션 열기)",
    ]);
    expect(m[4]).toBe("    S->>C: 50 ms SYN,ACK (수락)");
    for (const word of ["요청 보냄", "두 번째", "다음 줄"]) expect(m[5]).toContain(word);
    expect(m[6]).toBe("    Note over C,S: 패킷 1개 더");
    // one statement per line: a message or note ends at ";" or a line break, and "#" starts an entity code
    for (const line of m.slice(1)) expect(line).toMatch(/^ {4}(participant [CS] as |[CS]->>[CS]: |Note over C,S: )[^;#\r\n\u2028\u2029]+$/);
  });

  it("a refused trace says so in Korean, naming the parameter as the code spells it", () => {
    expect(() => sequenceDiagramText("x" as never)).toThrow(/"trace" 인자가 잘못되었습니다. 필요한 것: 트레이스 항목의 배열/);
  });
});

describe("npm run workbook -- show <model>, in Korean", () => {
  afterEach(() => resetLanguage());

  it("every caption and every picture is Korean, with no English sentence left", () => {
    setLanguage("ko");
    for (const [name, picture] of Object.entries(gallery)) {
      expect(picture.about, name).toMatch(/[\uac00-\ud7a3]/);
      const drawing = picture.draw();
      expect(drawing.split("\n")[0], name).toMatch(/[\uac00-\ud7a3]/);
      expect(
        drawing.split("\n").filter((l) => /[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/.test(l)),
        name,
      ).toEqual([]);
    }
  });

  it("reads the language when shown, so English stays as it was", () => {
    setLanguage("en");
    expect(gallery.nagle.about).toBe("the write-write-read stall of Nagle against a delayed ACK");
    expect(gallery.nagle.draw().split("\n")[0]).toBe("A request written in two pieces (200 + 100 bytes), RTT 1 ms, delayed ACK 40 ms");
    setLanguage("ko");
    expect(gallery.nagle.about).toBe("네이글 알고리즘과 확인응답 지연이 만날 때의 쓰기-쓰기-읽기 지연");
  });
});
