import { afterEach, describe, expect, it } from "vitest";
import { simulateClose } from "../../lib/http/close";
import { resetLanguage, setLanguage } from "../../lib/i18n";

const scene = { rttMs: 20, responseBytes: 3000 };
const flagsOf = (r: ReturnType<typeof simulateClose>) => r.trace.map((e) => `${e.from}:${e.flags.join("+")}`);

describe("simulateClose: abrupt close with unread input (RFC 9112 9.6, RFC 1122 4.2.2.13)", () => {
  it("sends RST, which wipes the response the client has not read yet", () => {
    const r = simulateClose({ ...scene, strategy: "abrupt" });
    expect(r).toMatchObject({ clientReceivedBytes: 0, responseBytes: 3000, lost: true, reset: true });
    expect(flagsOf(r)).toEqual([
      "client:PSH+ACK",
      "client:PSH+ACK", // two pipelined requests at 0 ms
      "server:ACK",
      "server:ACK",
      "server:PSH+ACK", // 1460 + 1460 + 80 bytes at 10 ms
      "server:RST+ACK",
    ]);
    expect(r.trace.filter((e) => e.from === "server").map((e) => [e.tMs, e.bytes])).toEqual([
      [10, 1460],
      [10, 1460],
      [10, 80],
      [10, 0],
    ]);
    expect(r.explanation).toMatch(/3000 of the 3000 response bytes/);
  });

  it("loses only the tail that was still unread when the RST arrived", () => {
    // 1 Mbit/s: a full packet takes 12 ms. Segments arrive at 32, 44, 44.96; the RST at 45.28.
    const r = simulateClose({ ...scene, strategy: "abrupt", bandwidthBps: 1_000_000 });
    expect(r.clientReceivedBytes).toBe(2920);
    expect(r.lost).toBe(true);
    const rst = r.trace.find((e) => e.flags.includes("RST"));
    expect(rst?.tMs).toBeCloseTo(34.96, 6);
  });

  it("loses nothing if the client reads each segment the moment it arrives", () => {
    const r = simulateClose({ ...scene, strategy: "abrupt", clientReadDelayMs: 0 });
    expect(r).toMatchObject({ clientReceivedBytes: 3000, lost: false, reset: true });
  });

  it("sends FIN and only later RST when the second request arrives after the close", () => {
    const r = simulateClose({ ...scene, strategy: "abrupt", secondRequestAtMs: 15 });
    expect(flagsOf(r).filter((f) => !f.endsWith(":PSH+ACK") && f !== "server:ACK")).toEqual([
      "server:FIN+ACK",
      "client:FIN+ACK",
      "server:RST+ACK",
    ]);
    expect(r.trace.find((e) => e.flags.includes("RST"))?.tMs).toBe(25);
    expect(r).toMatchObject({ clientReceivedBytes: 3000, lost: false, reset: true });
    expect(r.explanation).toMatch(/nothing lost this time/);
  });
});

describe("simulateClose: graceful close (half close, read on, then close)", () => {
  it("delivers the whole response with FIN, no RST", () => {
    const r = simulateClose({ ...scene, strategy: "graceful" });
    expect(r).toMatchObject({ clientReceivedBytes: 3000, lost: false, reset: false });
    expect(r.trace.some((e) => e.flags.includes("RST"))).toBe(false);
    const fins = r.trace.filter((e) => e.flags.includes("FIN")).map((e) => [e.tMs, e.from]);
    expect(fins).toEqual([
      [10, "server"],
      [21, "client"],
    ]);
  });

  it("holds on a slow link too, where the abrupt close lost data", () => {
    const r = simulateClose({ ...scene, strategy: "graceful", bandwidthBps: 1_000_000 });
    expect(r.clientReceivedBytes).toBe(3000);
  });
});

describe("simulateClose: what the RST does to unread data (discardOnReset)", () => {
  it("defaults to discarding what the application has not read (RFC 9112 9.6's warning, Windows-like)", () => {
    const r = simulateClose({ ...scene, strategy: "abrupt" });
    expect(r.discardOnReset).toBe(true);
    expect(simulateClose({ ...scene, strategy: "abrupt", discardOnReset: true })).toMatchObject({ clientReceivedBytes: 0, lost: true });
  });

  it("keeps every byte that arrived before the RST when the stack leaves it readable (Linux-like)", () => {
    const r = simulateClose({ ...scene, strategy: "abrupt", discardOnReset: false });
    expect(r).toMatchObject({ clientReceivedBytes: 3000, lost: false, reset: true, discardOnReset: false });
    // the RST still goes out: the packets do not depend on the receiver
    expect(flagsOf(r)).toEqual(flagsOf(simulateClose({ ...scene, strategy: "abrupt" })));
    expect(r.explanation).toMatch(/had read 3000 of the 3000 response bytes; this stack keeps bytes/);
  });

  it("keeps the whole response on a slow link too, where discarding lost the tail", () => {
    const slow = { ...scene, strategy: "abrupt" as const, bandwidthBps: 1_000_000 };
    expect(simulateClose(slow).clientReceivedBytes).toBe(2920);
    expect(simulateClose({ ...slow, discardOnReset: false }).clientReceivedBytes).toBe(3000);
  });

  it("changes nothing when the application had read everything, or when no RST comes", () => {
    expect(simulateClose({ ...scene, strategy: "abrupt", secondRequestAtMs: 15, discardOnReset: false }).explanation).toMatch(
      /nothing lost this time/,
    );
    expect(simulateClose({ ...scene, strategy: "graceful", discardOnReset: false })).toMatchObject({
      clientReceivedBytes: 3000,
      reset: false,
    });
  });

  it("rejects a value that is not a boolean", () => {
    expect(() => simulateClose({ ...scene, strategy: "abrupt", discardOnReset: "yes" as never })).toThrow(
      /"scenario.discardOnReset".*"yes"/,
    );
  });
});

describe("simulateClose: bad input", () => {
  it("names the parameter and the value", () => {
    expect(() => simulateClose({ ...scene, strategy: "polite" as never })).toThrow(/"scenario.strategy".*"polite"/);
    expect(() => simulateClose({ ...scene, strategy: "abrupt", responseBytes: 0 })).toThrow(/"scenario.responseBytes".*0/);
    expect(() => simulateClose({ ...scene, strategy: "abrupt", rttMs: NaN })).toThrow(/"scenario.rttMs".*NaN/);
    expect(() => simulateClose({ ...scene, strategy: "abrupt", bandwidthBps: 0 })).toThrow(/"scenario.bandwidthBps"/);
    expect(() => simulateClose({ ...scene, strategy: "abrupt", secondRequestAtMs: 20 })).toThrow(/"scenario.secondRequestAtMs".*20/);
    expect(() => simulateClose(undefined as never)).toThrow(/"scenario.strategy"/);
  });
});

describe("simulateClose in Korean", () => {
  afterEach(() => resetLanguage());

  it("explains the close and labels the packets in Korean, with the same numbers", () => {
    const english = simulateClose({ ...scene, strategy: "abrupt" });
    setLanguage("ko");
    const r = simulateClose({ ...scene, strategy: "abrupt" });
    expect(r.explanation.split("\n")).toEqual([
      "서버가 10 ms에 커넥션을 닫을 때 요청 2가 아직 읽히지 않은 채 버퍼에 있었으므로, 서버의 TCP 스택은 FIN 대신 RST를 보냈습니다.",
      "RST가 20 ms에 클라이언트에 도착했을 때 애플리케이션은 응답 3000바이트 가운데 3000바이트를 아직 읽지 못했습니다. 그 바이트는 버려졌습니다.",
    ]);
    expect(r.trace.map((e) => e.note)).toEqual([
      "요청 1",
      "요청 2(파이프라인)",
      "응답 1, 세그먼트 1/3",
      "응답 1, 세그먼트 2/3",
      "응답 1, 세그먼트 3/3",
      "요청 2를 읽지 않은 채 close(): RST",
    ]);
    const { explanation: _ko, trace: koTrace, ...koFields } = r;
    const { explanation: _en, trace: enTrace, ...enFields } = english;
    expect(koFields).toEqual(enFields);
    expect(koTrace.map(({ note: _n, ...e }) => e)).toEqual(enTrace.map(({ note: _n, ...e }) => e));
    expect(simulateClose({ ...scene, strategy: "graceful" }).explanation).toMatch(
      /^서버는 10 ms에 절반 끊기\(half close\)를 하고.*RST는 없습니다\.$/,
    );
    expect(() => simulateClose({ ...scene, strategy: "abrupt", secondRequestAtMs: 20 })).toThrow(
      /"scenario.secondRequestAtMs".*응답의 첫 바이트가 클라이언트에 닿기 전.*20/,
    );
  });
});
