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
    // the run checked itself: every request answered once, on its own connection per run
    expect(result.consistency.ok).toBe(true);
    expect(result.consistency.inconclusive).toBeUndefined();
    const checks = result.consistency.checks.join("\n");
    for (const run of ["Nagle on, 2 writes", "TCP_NODELAY, 2 writes", "Nagle on, 1 write"]) {
      expect(checks).toContain(`${run}: 8 requests sent, 8 responses read; the server read 1024 B and answered 8 on 1 connection`);
    }
    expect(checks).toMatch(/descriptor limit \d+ \(\/proc\/self\/limits\)/);
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("with too few file descriptors it measures nothing and says inconclusive", async () => {
    const before = openTcpHandles();
    const result = await runNagleLab({ rounds: 3, fdLimit: 4 });
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/^too few file descriptors: descriptor limit 4 \(fdLimit option\)/);
    expect(result.measured).toEqual({ nagleMs: null, noDelayMs: null, singleWriteMs: null });
    expect(formatNagle(result).split("\n")[0]).toMatch(/^INCONCLUSIVE: too few file descriptors/);
    expect(openTcpHandles()).toBe(before);
  });

  it("returns plain JSON and a table with measured, model and ratio", async () => {
    const result = await runNagleLab({ rounds: 3 });
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    const table = formatNagle(result);
    expect(table).toMatch(/measured\s+model\s+measured\/model/);
    expect(table).toContain("TCP_NODELAY");
    expect(table).toMatch(/consistency: ok \(\d+ checks\)/);
  }, 20_000);

  it("rejects bad options by name", async () => {
    await expect(runNagleLab({ rounds: 0 })).rejects.toThrow(/"rounds"/);
    await expect(runNagleLab({ rounds: 10_000 })).rejects.toThrow(RangeError);
  });
});
