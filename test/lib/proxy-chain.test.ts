import { afterEach, describe, expect, it } from "vitest";
import { simulateProxyChain } from "../../lib/http/proxy-chain";
import { resetLanguage, setLanguage } from "../../lib/i18n";

const base = { rttMs: 20, proxyTimeoutMs: 1000 };
const data = (r: ReturnType<typeof simulateProxyChain>) => r.trace.filter((e) => e.flags.includes("PSH"));

describe("simulateProxyChain: Connection: Keep-Alive through a dumb proxy (the hang)", () => {
  const r = simulateProxyChain({ ...base, proxies: ["dumb"] });

  it("hangs the second request until the proxy's idle timeout", () => {
    expect(r.outcome).toBe("hang");
    expect(r.answered).toEqual([1]);
    // GET /2 leaves at 80 ms; the proxy last saw traffic at 70 ms, gives up at 1070, the FIN lands at 1080
    expect(r.hangMs).toBe(1000);
  });

  it("shows the message sequence with hand-computed times", () => {
    expect(data(r).map((e) => [e.tMs, e.conn, e.from, e.bytes])).toEqual([
      [20, 0, "client", 63], // GET /1 after the 20 ms handshake
      [50, 1, "client", 63], // the proxy opens its own connection, then forwards it verbatim
      [60, 1, "server", 1114],
      [70, 0, "server", 1114],
      [80, 0, "client", 63], // GET /2 on the connection the proxy thinks is done
    ]);
    expect(data(r)[1].note).toMatch(/Connection: Keep-Alive/);
    const fins = r.trace.filter((e) => e.flags.includes("FIN"));
    expect(fins.map((e) => [e.tMs, e.conn])).toEqual([[1070, 1], [1070, 0], [1080, 1], [1080, 0]]);
  });

  it("uses PSH/ACK for messages and FIN/ACK for closes, in time order", () => {
    for (const e of r.trace) expect([["PSH", "ACK"], ["FIN", "ACK"]]).toContainEqual(e.flags);
    const times = r.trace.map((e) => e.tMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("says where it hung and which timer ended it, as fields", () => {
    expect(r.hungAt).toEqual({ proxy: 1, request: 2 });
    expect(r.endedBy).toBe("proxy-idle");
  });

  it("explains the hang", () => {
    expect(r.explanation).toMatch(/^HANG/);
    expect(r.explanation).toMatch(/forwards "Connection: Keep-Alive" unchanged/);
    expect(r.explanation).toMatch(/ignores request 2/);
  });

  it("ends the hang at the server's keep-alive timeout when that comes first", () => {
    const s = simulateProxyChain({ proxies: ["dumb"], rttMs: [20, 100], proxyTimeoutMs: 1000, serverTimeoutMs: 300 });
    // server answers at 180, closes idle at 480; proxy hears at 530, client at 540; GET /2 left at 240
    expect(s).toMatchObject({ outcome: "hang", hangMs: 300, hungAt: { proxy: 1, request: 2 }, endedBy: "server-idle" });
  });

  it("names whichever idle timer closed the stuck request's connection", () => {
    // the server's 2 s timer ends a 30 s proxy's wait; with a 5 s proxy the server's 15 s timer never gets to matter
    const serverFirst = simulateProxyChain({ proxies: ["dumb"], rttMs: 20, proxyTimeoutMs: 30_000, serverTimeoutMs: 2000 });
    expect(serverFirst).toMatchObject({ outcome: "hang", hangMs: 2000, endedBy: "server-idle" });
    const proxyFirst = simulateProxyChain({ proxies: ["dumb"], rttMs: 20, proxyTimeoutMs: 5000, serverTimeoutMs: 15_000 });
    expect(proxyFirst).toMatchObject({ outcome: "hang", hangMs: 5000, endedBy: "proxy-idle" });
  });

  it("scales the hang with the proxy timeout and per-hop RTTs", () => {
    const s = simulateProxyChain({ proxies: ["dumb"], rttMs: [20, 100], proxyTimeoutMs: 2500 });
    expect(s.hangMs).toBe(2500);
    expect(data(s)[4].tMs).toBe(240);
  });
});

describe("simulateProxyChain: what works", () => {
  it("works with no proxy: one kept connection", () => {
    const r = simulateProxyChain({ ...base, proxies: [] });
    expect(r).toMatchObject({ outcome: "ok", answered: [1, 2], connectionsOpened: 1 });
    expect(r.hangMs).toBeUndefined();
    expect(r.hungAt).toBeUndefined();
    expect(r.endedBy).toBeUndefined();
  });

  it("works through a smart proxy that strips hop-by-hop headers and negotiates each hop", () => {
    const r = simulateProxyChain({ ...base, proxies: ["smart"], requests: 3 });
    expect(r).toMatchObject({ outcome: "ok", answered: [1, 2, 3], connectionsOpened: 2 });
    const toServer = data(r).filter((e) => e.conn === 1 && e.from === "client");
    expect(toServer).toHaveLength(3); // all three requests reuse the proxy's server connection
  });

  it("works with Proxy-Connection through one dumb proxy, but without persistence", () => {
    const r = simulateProxyChain({ ...base, proxies: ["dumb"], clientHeader: "proxy-connection" });
    expect(r).toMatchObject({ outcome: "ok", answered: [1, 2], connectionsOpened: 4 });
    expect(r.explanation).toMatch(/does not know Proxy-Connection/);
  });

  it("works with Proxy-Connection through one smart proxy, which turns it into Connection for the next hop", () => {
    const r = simulateProxyChain({ ...base, proxies: ["smart"], clientHeader: "proxy-connection" });
    expect(r).toMatchObject({ outcome: "ok", connectionsOpened: 2 });
    const forwarded = data(r).find((e) => e.conn === 1 && e.from === "client");
    expect(forwarded?.note).toMatch(/\(Connection: Keep-Alive\)$/);
    expect(forwarded?.bytes).toBe(63); // Proxy-Connection (69 bytes) stripped, Connection added
  });
});

describe("simulateProxyChain: Proxy-Connection with a smart proxy behind a dumb one", () => {
  it("hangs: the smart proxy takes the forwarded Proxy-Connection as the dumb proxy's wish", () => {
    const r = simulateProxyChain({ ...base, proxies: ["dumb", "smart"], clientHeader: "proxy-connection" });
    expect(r).toMatchObject({ outcome: "hang", answered: [1] });
    expect(r.hangMs).toBe(1000);
    const reply = data(r).find((e) => e.conn === 1 && e.from === "server");
    expect(reply?.note).toMatch(/Connection: Keep-Alive/);
    expect(r.hungAt).toEqual({ proxy: 1, request: 2 }); // the dumb proxy in front is the one not reading
  });

  it("also hangs the other way round (smart in front of dumb)", () => {
    const r = simulateProxyChain({ ...base, proxies: ["smart", "dumb"], clientHeader: "proxy-connection" });
    expect(r.outcome).toBe("hang");
    expect(r.explanation).toMatch(/closed under request 2/);
    // the smart proxy reuses its kept connection to the dumb one, which does not read request 2
    expect(r).toMatchObject({ hungAt: { proxy: 2, request: 2 }, endedBy: "proxy-idle" });
  });

  it("hangs at the dumb proxy wherever it sits in the chain", () => {
    const second = simulateProxyChain({ ...base, proxies: ["smart", "dumb"] });
    expect(second).toMatchObject({ outcome: "hang", hungAt: { proxy: 2, request: 2 }, endedBy: "proxy-idle" });
    const third = simulateProxyChain({ ...base, proxies: ["smart", "smart", "dumb"], requests: 3 });
    expect(third).toMatchObject({ outcome: "hang", answered: [1], hungAt: { proxy: 3, request: 2 } });
  });

  it("has no hungAt when no proxy ignored the request: an idle timer closed the path while it was on its way", () => {
    // the dumb proxy gives up 30 ms after forwarding request 1, before its 100 ms handshake to the server is done
    const r = simulateProxyChain({ proxies: ["dumb"], rttMs: [20, 100], proxyTimeoutMs: 30 });
    expect(r).toMatchObject({ outcome: "hang", answered: [], hangMs: 50, endedBy: "proxy-idle" });
    expect(r.hungAt).toBeUndefined();
  });
});

describe("simulateProxyChain: options and bad input", () => {
  it("draws the handshake on request", () => {
    const r = simulateProxyChain({ ...base, proxies: [], showHandshake: true });
    expect(r.trace.slice(0, 2).map((e) => [e.tMs, e.from, e.flags])).toEqual([[0, "client", ["SYN"]], [10, "server", ["SYN", "ACK"]]]);
  });

  it("rejects bad scenarios by name", () => {
    expect(() => simulateProxyChain({ ...base, proxies: ["clever" as never] })).toThrow(/"scenario.proxies\[0\]".*"clever"/);
    expect(() => simulateProxyChain({ ...base, proxies: "dumb" as never })).toThrow(TypeError);
    expect(() => simulateProxyChain({ ...base, proxies: ["dumb"], rttMs: [10] })).toThrow(/"scenario.rttMs"/);
    expect(() => simulateProxyChain({ ...base, proxies: [], rttMs: -1 })).toThrow(/"scenario.rttMs".*-1/);
    expect(() => simulateProxyChain({ ...base, proxies: [], proxyTimeoutMs: 0 })).toThrow(/"scenario.proxyTimeoutMs"/);
    expect(() => simulateProxyChain({ ...base, proxies: [], requests: 0 })).toThrow(/"scenario.requests"/);
    expect(() => simulateProxyChain({ ...base, proxies: [], clientHeader: "keep-alive" as never })).toThrow(/"scenario.clientHeader"/);
  });

  it("does not mutate the scenario", () => {
    const scenario = { proxies: ["dumb", "smart"] as Array<"dumb" | "smart">, rttMs: [10, 20, 30], proxyTimeoutMs: 500 };
    const copy = JSON.parse(JSON.stringify(scenario));
    simulateProxyChain(scenario);
    expect(scenario).toEqual(copy);
  });
});

describe("simulateProxyChain in Korean", () => {
  afterEach(() => resetLanguage());
  const hangul = /[\uac00-\ud7a3]/;

  it("explains, notes and refuses in Korean, with the same fields and numbers", () => {
    const english = simulateProxyChain({ ...base, proxies: ["dumb"], serverTimeoutMs: 300 });
    setLanguage("ko");
    const r = simulateProxyChain({ ...base, proxies: ["dumb"], serverTimeoutMs: 300 });
    expect(r.explanation.split("\n")[0]).toBe("멈춤(HANG): 2번 요청은 300 ms를 기다린 뒤 응답 없이 커넥션을 잃었습니다.");
    expect(r.explanation).toContain("멍청한 프락시 1: 0번 커넥션으로 온 2번 요청을 무시합니다.");
    expect(r.explanation).toContain("서버: 1번 커넥션이 300 ms 동안 유휴 상태여서 닫습니다");
    expect(r.explanation).not.toMatch(/ignores|HANG:/);
    for (const line of r.explanation.split("\n")) expect(line).toMatch(hangul);
    for (const e of r.trace) expect(e.note).toMatch(hangul);
    expect(r.trace[0].note).toBe("클라이언트 → 멍청한 프락시 1: GET /1 HTTP/1.0 (Connection: Keep-Alive)");
    // the structure does not depend on the language
    const { explanation: _ko, trace: koTrace, ...koFields } = r;
    const { explanation: _en, trace: enTrace, ...enFields } = english;
    expect(koFields).toEqual(enFields);
    expect(koFields).toMatchObject({ hungAt: { proxy: 1, request: 2 }, endedBy: "server-idle" });
    expect(koTrace.map(({ note: _n, ...e }) => e)).toEqual(enTrace.map(({ note: _n, ...e }) => e));
    expect(() => simulateProxyChain({ ...base, proxies: "dumb" as never })).toThrow('"scenario.proxies" 인자가 잘못되었습니다. 필요한 것: "dumb" | "smart"의 배열.');
    expect(() => simulateProxyChain({ ...base, proxies: ["dumb"], rttMs: [10] })).toThrow(/"scenario.rttMs".*홉마다 RTT 하나\(프락시 1개면 2개\)/);
  });
});
