import { afterEach, describe, expect, it } from "vitest";
import { simulateKeepAlive } from "../../lib/http/keep-alive";
import { resetLanguage, setLanguage } from "../../lib/i18n";

const header = (pairs: Array<[string, string]>, name: string) => pairs.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const at = (...times: number[]) => times.map((atMs) => ({ atMs }));

describe("simulateKeepAlive: HTTP/1.0+ keep-alive", () => {
  it("reuses a connection the server agreed to keep, advertising timeout and the requests left", () => {
    const run = simulateKeepAlive({ server: { timeoutSeconds: 5, max: 10 }, requests: at(0, 1000, 2000) });
    expect(run.steps.map((s) => [s.conn, s.reused])).toEqual([
      [0, false],
      [0, true],
      [0, true],
    ]);
    expect(header(run.steps[0].request.headers, "Connection")).toBe("Keep-Alive");
    expect(header(run.steps[0].response.headers, "Connection")).toBe("Keep-Alive");
    expect(header(run.steps[0].response.headers, "Keep-Alive")).toBe("timeout=5, max=9");
    expect(header(run.steps[1].response.headers, "Keep-Alive")).toBe("timeout=5, max=8");
    expect(run.connectionsOpened).toBe(1);
  });

  it("ends the connection after max transactions", () => {
    const run = simulateKeepAlive({
      client: { closeOnLast: false },
      server: { timeoutSeconds: 5, max: 3 },
      requests: at(0, 100, 200, 300),
    });
    expect(run.steps.map((s) => s.conn)).toEqual([0, 0, 0, 1]);
    expect(header(run.steps[1].response.headers, "Keep-Alive")).toBe("timeout=5, max=1");
    expect(header(run.steps[2].response.headers, "Connection")).toBe("close");
    expect(run.steps[2]).toMatchObject({ keptOpen: false, requestOnConnection: 3, closedAtMs: 200 });
    expect(run.steps[2].closeReason).toMatch(/limit of 3/);
    expect(run.steps[3].reused).toBe(false);
    expect(run.steps[3].connectionNote).toMatch(/connection 0 closed after request 3/);
  });

  it("counts max as the requests left after this one: max=99 first for a max:100 server, close on the 100th", () => {
    const times = Array.from({ length: 100 }, (_, i) => i * 10);
    const run = simulateKeepAlive({ client: { closeOnLast: false }, server: { timeoutSeconds: 5, max: 100 }, requests: at(...times) });
    expect(header(run.steps[0].response.headers, "Keep-Alive")).toBe("timeout=5, max=99");
    expect(header(run.steps[98].response.headers, "Keep-Alive")).toBe("timeout=5, max=1");
    expect(header(run.steps[99].response.headers, "Connection")).toBe("close");
    expect(run.connectionsOpened).toBe(1);
  });

  it("ends the connection when it stays idle past the timeout, but not at exactly the timeout", () => {
    const run = simulateKeepAlive({ server: { timeoutSeconds: 5, max: 100 }, transactionMs: 50, requests: at(0, 5050, 10101) });
    expect(run.steps.map((s) => s.conn)).toEqual([0, 0, 1]);
    expect(run.steps[1]).toMatchObject({ closedAtMs: 10100 });
    expect(run.steps[1].closeReason).toMatch(/idle for 5001 ms.*5 s timeout/);
    expect(run.steps[0].closedAtMs).toBeUndefined();
    expect(run.steps[2].connectionNote).toMatch(/idle timeout/);
  });

  it("makes every request ask again: one that does not ask ends the connection", () => {
    const run = simulateKeepAlive({
      client: { closeOnLast: false },
      server: { timeoutSeconds: 5, max: 100 },
      requests: [{ atMs: 0 }, { atMs: 100, askKeepAlive: false }, { atMs: 200 }],
    });
    expect(header(run.steps[1].request.headers, "Connection")).toBeUndefined();
    expect(run.steps[1]).toMatchObject({ conn: 0, reused: true, keptOpen: false, rule: "http10-not-asked" });
    expect(run.steps[2]).toMatchObject({ conn: 1, reused: false });
  });

  it("closes after a response whose length is unknown (read until close)", () => {
    const run = simulateKeepAlive({
      server: { timeoutSeconds: 5, max: 100 },
      requests: [{ atMs: 0, framing: "until-close" }, { atMs: 100 }],
    });
    expect(header(run.steps[0].response.headers, "Content-Length")).toBeUndefined();
    expect(run.steps[0]).toMatchObject({ keptOpen: false });
    expect(run.steps[0].closeReason).toMatch(/without a length/);
    expect(run.steps[1].conn).toBe(1);
  });

  it("tells an HTTP/1.0 client nothing when the server will not keep the connection", () => {
    const run = simulateKeepAlive({ server: { version: "1.0", timeoutSeconds: 5, max: 100, persistent: false }, requests: at(0, 100) });
    expect(header(run.steps[0].response.headers, "Connection")).toBeUndefined();
    expect(run.steps[0]).toMatchObject({ keptOpen: false, rule: "http10-not-agreed" });
    expect(run.connectionsOpened).toBe(2);
  });
});

describe("simulateKeepAlive: HTTP/1.1 persistent connections", () => {
  const v11 = { version: "1.1" as const };

  it("is persistent without any header, and the client's last request says close", () => {
    const run = simulateKeepAlive({ client: v11, server: { timeoutSeconds: 5, max: 100 }, requests: at(0, 10, 20) });
    expect(run.steps.map((s) => s.conn)).toEqual([0, 0, 0]);
    expect(run.steps[0].request.headers).toEqual([["Host", "example.test"]]);
    expect(run.steps[0]).toMatchObject({ keptOpen: true, rule: "http11-default" });
    expect(header(run.steps[2].request.headers, "Connection")).toBe("close");
    expect(header(run.steps[2].response.headers, "Connection")).toBe("close");
    expect(run.steps[2]).toMatchObject({ keptOpen: false, rule: "client-close" });
  });

  it("sends nothing more on a connection after a request that said close", () => {
    const run = simulateKeepAlive({
      client: v11,
      server: { timeoutSeconds: 5, max: 100 },
      requests: [{ atMs: 0, close: true }, { atMs: 10 }],
    });
    expect(run.steps[0].rule).toBe("client-close");
    expect(run.steps[1]).toMatchObject({ conn: 1, reused: false });
  });

  it("still honours the server's limits: Connection: close after max", () => {
    const run = simulateKeepAlive({
      client: { ...v11, closeOnLast: false },
      server: { timeoutSeconds: 5, max: 2 },
      requests: at(0, 10, 20),
    });
    expect(run.steps[1]).toMatchObject({ keptOpen: false, rule: "server-close" });
    expect(run.steps.map((s) => s.conn)).toEqual([0, 0, 1]);
  });

  it("keeps the chunked response's connection", () => {
    const run = simulateKeepAlive({
      client: { ...v11, closeOnLast: false },
      server: { timeoutSeconds: 5, max: 9 },
      requests: [{ atMs: 0, framing: "chunked" }, { atMs: 5 }],
    });
    expect(run.steps[1].reused).toBe(true);
  });

  it("does not trust the 1.1 default with an HTTP/1.0 server", () => {
    const silent = simulateKeepAlive({
      client: { ...v11, closeOnLast: false },
      server: { version: "1.0", timeoutSeconds: 5, max: 9 },
      requests: at(0, 10),
    });
    expect(silent.steps[0]).toMatchObject({ keptOpen: false, rule: "http10-server-default" });
    expect(silent.connectionsOpened).toBe(2);
    const asked = simulateKeepAlive({
      client: { ...v11, askKeepAlive: true, closeOnLast: false },
      server: { version: "1.0", timeoutSeconds: 5, max: 9 },
      requests: at(0, 10),
    });
    expect(asked.steps[0]).toMatchObject({ keptOpen: true, rule: "http10-server-agreed" });
    expect(asked.connectionsOpened).toBe(1);
  });

  it("answers Connection: close on every response when it keeps no connections", () => {
    const run = simulateKeepAlive({
      client: { ...v11, closeOnLast: false },
      server: { timeoutSeconds: 5, max: 9, persistent: false },
      requests: at(0, 10),
    });
    expect(header(run.steps[0].response.headers, "Connection")).toBe("close");
    expect(run.connectionsOpened).toBe(2);
  });
});

describe("simulateKeepAlive: bad input", () => {
  it("names the parameter and the value", () => {
    const server = { timeoutSeconds: 5, max: 3 };
    expect(() => simulateKeepAlive({ server, requests: [] })).toThrow(/"scenario.requests"/);
    expect(() => simulateKeepAlive({ server, requests: at(0, 50), transactionMs: 100 })).toThrow(/"scenario.requests\[1\].atMs".*50/);
    expect(() => simulateKeepAlive({ server: { timeoutSeconds: 5, max: 0 }, requests: at(0) })).toThrow(/"scenario.server.max".*0/);
    expect(() => simulateKeepAlive({ server: { timeoutSeconds: NaN, max: 1 }, requests: at(0) })).toThrow(
      /"scenario.server.timeoutSeconds".*NaN/,
    );
    expect(() => simulateKeepAlive({ requests: at(0) } as never)).toThrow(/"scenario.server"/);
    expect(() => simulateKeepAlive({ server, requests: [{ atMs: 0, framing: "gzip" as never }] })).toThrow(
      /"scenario.requests\[0\].framing"/,
    );
    expect(() => simulateKeepAlive({ client: { version: "1.0" }, server, requests: [{ atMs: 0, framing: "chunked" }] })).toThrow(/chunked/);
  });

  it("does not mutate the scenario", () => {
    const scenario = { server: { timeoutSeconds: 5, max: 3 }, requests: at(0, 10) };
    const copy = JSON.parse(JSON.stringify(scenario));
    simulateKeepAlive(scenario);
    expect(scenario).toEqual(copy);
  });
});

describe("simulateKeepAlive in Korean", () => {
  afterEach(() => resetLanguage());

  it("gives its reasons and notes in Korean, with the same steps", () => {
    const scenario = { client: { closeOnLast: false }, server: { timeoutSeconds: 5, max: 3 }, requests: at(0, 100, 200, 300) };
    const english = simulateKeepAlive(scenario);
    setLanguage("ko");
    const run = simulateKeepAlive(scenario);
    expect(run.steps[0].connectionNote).toBe("첫 요청이 커넥션을 엽니다");
    expect(run.steps[1].connectionNote).toBe("0번 커넥션은 요청 1의 요청/응답이 끝난 뒤에도 열려 있었습니다");
    expect(run.steps[2].closeReason).toBe(
      "커넥션당 요청 3개라는 서버의 한도에 도달했습니다. 응답에 Connection: close가 있습니다. 서버는 이 응답을 보낸 뒤 커넥션을 닫습니다",
    );
    expect(run.steps[3].connectionNote).toMatch(/^0번 커넥션은 요청 3 뒤에 닫혔습니다: 커넥션당 요청 3개/);
    const strip = (r: typeof run) => r.steps.map(({ connectionNote: _c, closeReason: _r, ...s }) => s);
    expect(strip(run)).toEqual(strip(english));
    const idle = simulateKeepAlive({ server: { timeoutSeconds: 5, max: 100 }, transactionMs: 50, requests: at(0, 5050, 10101) });
    expect(idle.steps[1].closeReason).toBe("5001 ms 동안 유휴 상태였고, 이는 서버의 타임아웃 5 s보다 깁니다. 서버가 커넥션을 닫았습니다");
    expect(() => simulateKeepAlive({ server: { timeoutSeconds: 5, max: 3 }, requests: [] })).toThrow(
      '"scenario.requests" 값이 허용 범위를 벗어났습니다. 허용되는 값: 비어 있지 않은 요청 배열.',
    );
  });
});
