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
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("formats a table with both sides", async () => {
    const result = await runKeepAliveLab({ requests: 2 });
    const table = formatKeepAlive(result);
    expect(table).toContain("sockets opened");
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  }, 20_000);
});
