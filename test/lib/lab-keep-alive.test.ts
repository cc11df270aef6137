import { describe, expect, it } from "vitest";
import { formatKeepAlive, runKeepAliveLab } from "../../lib/lab/keep-alive";
import { openTcpHandles } from "../../lib/lab/harness";

describe("keep-alive lab (real loopback sockets)", () => {
  it("a new connection per request opens N sockets, a kept-alive agent opens one", async () => {
    const before = openTcpHandles();
    const n = 6;
    const result = await runKeepAliveLab({ requests: n });
    expect(result.measured.newConnection.socketsOpened).toBe(n);
    expect(result.measured.keepAlive.socketsOpened).toBe(1);
    expect(result.model.newConnection.socketsOpened).toBe(n);
    expect(result.model.keepAlive.socketsOpened).toBe(1);
    // the model charges the handshake only to the new connections
    expect(result.model.newConnection.perRequestMs!).toBeGreaterThan(result.model.keepAlive.perRequestMs!);
    expect(result.setup.wire.responseBytes).toBeGreaterThan(result.setup.responseBytes);
    // the run checked itself: client and server agree on the sockets, every response came whole
    expect(result.consistency.ok).toBe(true);
    const checks = result.consistency.checks.join("\n");
    expect(checks).toContain(
      `new connection each: ${n} requests sent, ${n} responses of 256 B read whole with status 200, ${n} handled by the server`,
    );
    expect(checks).toContain(`new connection each: the client sent its requests on ${n} sockets and the server accepted ${n} connections`);
    expect(checks).toContain("kept alive: the client sent its requests on 1 socket and the server accepted 1 connection");
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("with too few file descriptors it measures nothing and says inconclusive", async () => {
    const before = openTcpHandles();
    const result = await runKeepAliveLab({ requests: 2, fdLimit: 4 });
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/^too few file descriptors/);
    expect(result.measured.newConnection).toEqual({ perRequestMs: null, socketsOpened: null });
    expect(result.measured.keepAlive).toEqual({ perRequestMs: null, socketsOpened: null });
    expect(formatKeepAlive(result).split("\n")[0]).toMatch(/^INCONCLUSIVE: too few file descriptors/);
    expect(openTcpHandles()).toBe(before);
  });

  it("formats a table with both sides", async () => {
    const result = await runKeepAliveLab({ requests: 2 });
    const table = formatKeepAlive(result);
    expect(table).toContain("sockets opened");
    expect(table).toMatch(/consistency: ok/);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 20_000);
});
