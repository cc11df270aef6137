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
    expect(fins.map((e) => [e.tMs, e.conn])).toEqual([
      [1070, 1],
      [1070, 0],
      [1080, 1],
      [1080, 0],
    ]);
  });

  it("uses PSH/ACK for messages and FIN/ACK for closes, in time order", () => {
    for (const e of r.trace)
      expect([
        ["PSH", "ACK"],
        ["FIN", "ACK"],
      ]).toContainEqual(e.flags);
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

describe("simulateProxyChain: the run in fields (nodes, connections, events)", () => {
  it("names the nodes from the client's side to the server's", () => {
    expect(simulateProxyChain({ ...base, proxies: [] }).nodes).toEqual(["client", "server"]);
    expect(simulateProxyChain({ ...base, proxies: ["smart", "dumb"] }).nodes).toEqual([
      "client",
      "proxy 1 (smart)",
      "proxy 2 (dumb)",
      "server",
    ]);
  });

  it("gives each connection's two ends as node indexes, in the order opened", () => {
    const dumb = simulateProxyChain({ ...base, proxies: ["dumb"] });
    expect(dumb.connections).toEqual([
      { conn: 0, client: 0, server: 1 },
      { conn: 1, client: 1, server: 2 },
    ]);
    // Proxy-Connection through a dumb proxy: nothing is kept, each request opens both hops again
    const fresh = simulateProxyChain({ ...base, proxies: ["dumb"], clientHeader: "proxy-connection" });
    expect(fresh.connections.map((c) => [c.conn, c.client, c.server])).toEqual([
      [0, 0, 1],
      [1, 1, 2],
      [2, 0, 1],
      [3, 1, 2],
    ]);
    expect(fresh.connections).toHaveLength(fresh.connectionsOpened);
  });

  it("describes every trace entry: sender and receiver nodes, kind, request, close reason", () => {
    const r = simulateProxyChain({ ...base, proxies: ["dumb"] });
    expect(r.events).toHaveLength(r.trace.length);
    expect(r.events.map((e, i) => [r.trace[i].tMs, e.kind, e.from, e.to, e.request ?? e.reason])).toEqual([
      [20, "request", 0, 1, 1],
      [50, "request", 1, 2, 1],
      [60, "response", 2, 1, 1],
      [70, "response", 1, 0, 1],
      [80, "request", 0, 1, 2],
      [1070, "close", 1, 2, "idle-timeout"], // the proxy gives up on both sides
      [1070, "close", 1, 0, "idle-timeout"],
      [1080, "close", 2, 1, "client-closed"], // the server answers the proxy's FIN
      [1080, "close", 0, 1, "other-end-closed"], // and so does the client
    ]);
    r.events.forEach((e, i) => {
      const entry = r.trace[i],
        c = r.connections[entry.conn];
      // the sender is the trace's end of that connection, the receiver the other end
      expect([e.from, e.to]).toEqual(entry.from === "client" ? [c.client, c.server] : [c.server, c.client]);
      if (e.kind === "close") expect(entry.note).toContain(`(${e.detail})`);
      else expect(entry.note).toBe(`${r.nodes[e.from]} → ${r.nodes[e.to]}: ${e.detail}`);
    });
    expect(r.events[2].detail).toBe("HTTP/1.0 200 OK for request 1 (Connection: Keep-Alive)");
    expect(r.events[5].detail).toBe("idle timeout");
  });

  it("gives the reasons of the server's idle close and of a smart proxy's closes", () => {
    const server = simulateProxyChain({ proxies: ["dumb"], rttMs: 20, proxyTimeoutMs: 30_000, serverTimeoutMs: 2000 });
    const firstFin = server.events.find((e) => e.kind === "close");
    expect(firstFin).toMatchObject({ from: 2, to: 1, reason: "keep-alive-idle" });
    expect(server.events.filter((e) => e.kind === "close").map((e) => e.reason)).toEqual([
      "keep-alive-idle",
      "server-closed",
      "response-ended",
      "other-end-closed",
    ]);
    // a smart proxy in front of the dumb one: the upstream close fails the request it waits on
    const smart = simulateProxyChain({ ...base, proxies: ["smart", "dumb"] });
    const smartCloses = smart.events.filter((e) => e.kind === "close" && e.from === 1);
    expect(smartCloses.map((e) => [e.to, e.reason])).toEqual([
      [2, "next-hop-closed"],
      [0, "upstream-failed"],
    ]);
    // the client that is done closes its kept connection
    const done = simulateProxyChain({ ...base, proxies: [] });
    expect(done.events.find((e) => e.kind === "close")).toMatchObject({ from: 0, to: 1, reason: "no-more-requests" });
  });
});

describe("simulateProxyChain: options and bad input", () => {
  it("draws the handshake on request", () => {
    const r = simulateProxyChain({ ...base, proxies: [], showHandshake: true });
    expect(r.trace.slice(0, 2).map((e) => [e.tMs, e.from, e.flags])).toEqual([
      [0, "client", ["SYN"]],
      [10, "server", ["SYN", "ACK"]],
    ]);
    expect(r.events.slice(0, 2)).toEqual([
      { kind: "open", from: 0, to: 1, detail: "SYN" },
      { kind: "accept", from: 1, to: 0, detail: "SYN, ACK" },
    ]);
    expect(r.events).toHaveLength(r.trace.length);
  });

  it("keeps each event beside its trace entry when the handshake replies are sorted in", () => {
    // the proxy gives up at 60 ms, while its handshake to the server (SYN-ACK at 80 ms, recorded at 30) is on its way
    const r = simulateProxyChain({ proxies: ["dumb"], rttMs: [20, 100], proxyTimeoutMs: 30, showHandshake: true });
    expect(r.trace.map((e) => [e.tMs, e.conn, e.flags.join(",")])).toEqual([
      [0, 0, "SYN"],
      [10, 0, "SYN,ACK"],
      [20, 0, "PSH,ACK"],
      [30, 1, "SYN"],
      [60, 1, "FIN,ACK"],
      [60, 0, "FIN,ACK"],
      [70, 0, "FIN,ACK"],
      [80, 1, "SYN,ACK"],
      [110, 1, "FIN,ACK"],
      // no request at 130 ms: the proxy closed that connection before its handshake completed
    ]);
    expect(r.events).toHaveLength(r.trace.length);
    const flagsOf = { open: "SYN", accept: "SYN,ACK", request: "PSH,ACK", response: "PSH,ACK", close: "FIN,ACK" };
    r.events.forEach((e, i) => {
      expect(r.trace[i].flags.join(",")).toBe(flagsOf[e.kind]);
      const c = r.connections[r.trace[i].conn];
      expect([e.from, e.to]).toEqual(r.trace[i].from === "client" ? [c.client, c.server] : [c.server, c.client]);
    });
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
    expect(r.nodes).toEqual(["클라이언트", "멍청한 프락시 1", "서버"]);
    expect(r.events[0].detail).toBe("GET /1 HTTP/1.0 (Connection: Keep-Alive)");
    expect(r.events.find((e) => e.kind === "close")?.detail).toBe("keep-alive 유휴 타임아웃");
    // the structure does not depend on the language
    const { explanation: _ko, trace: koTrace, nodes: _kn, events: koEvents, ...koFields } = r;
    const { explanation: _en, trace: enTrace, nodes: _enn, events: enEvents, ...enFields } = english;
    expect(koFields).toEqual(enFields);
    expect(koFields).toMatchObject({ hungAt: { proxy: 1, request: 2 }, endedBy: "server-idle" });
    expect(koTrace.map(({ note: _n, ...e }) => e)).toEqual(enTrace.map(({ note: _n, ...e }) => e));
    expect(koEvents.map(({ detail: _d, ...e }) => e)).toEqual(enEvents.map(({ detail: _d, ...e }) => e));
    expect(() => simulateProxyChain({ ...base, proxies: "dumb" as never })).toThrow(
      '"scenario.proxies" 인자가 잘못되었습니다. 필요한 것: "dumb" | "smart"의 배열.',
    );
    expect(() => simulateProxyChain({ ...base, proxies: ["dumb"], rttMs: [10] })).toThrow(
      /"scenario.rttMs".*홉마다 RTT 하나\(프락시 1개면 2개\)/,
    );
  });
});
