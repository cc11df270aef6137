import { describe, expect, it } from "vitest";
import { formatNagle, runNagleLab } from "../../lib/lab/nagle";
import { openTcpHandles } from "../../lib/lab/harness";
import { LINUX_DELAYED_ACK_MS } from "../../lib/tcp/constants";

describe("nagle lab (real loopback sockets)", () => {
  it("two small writes with Nagle on wait for the delayed ACK; TCP_NODELAY and one write do not", async () => {
    const before = openTcpHandles();
    const result = await runNagleLab({ rounds: 8 });
    const { nagleMs, noDelayMs, singleWriteMs } = result.measured;
    expect(nagleMs! / noDelayMs!).toBeGreaterThan(5);
    expect(nagleMs! / singleWriteMs!).toBeGreaterThan(5);
    // the model, fed the same writes, sees the same stall
    expect(result.model.nagleMs!).toBeGreaterThan(result.model.noDelayMs! + LINUX_DELAYED_ACK_MS / 2);
    expect(result.platform.delayedAckMs).toBe(LINUX_DELAYED_ACK_MS);
    expect(result.platform.node).toBe(process.version);
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("returns plain JSON and a table with measured, model and ratio", async () => {
    const result = await runNagleLab({ rounds: 3 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const table = formatNagle(result);
    expect(table).toMatch(/measured\s+model\s+measured\/model/);
    expect(table).toContain("TCP_NODELAY");
  }, 20_000);

  it("rejects bad options by name", async () => {
    await expect(runNagleLab({ rounds: 0 })).rejects.toThrow(/"rounds"/);
    await expect(runNagleLab({ rounds: 10_000 })).rejects.toThrow(RangeError);
  });
});
