import { describe, expect, it } from "vitest";
import { openTcpHandles } from "../../lib/lab/harness";
import { formatMultiplex, runMultiplexLab } from "../../lib/lab/multiplex";

describe("multiplex lab (real loopback sockets, HTTP/1.1 and HTTP/2)", () => {
  it("pipelining holds the quick responses behind the slow one; HTTP/2 streams do not", async () => {
    const before = openTcpHandles();
    const slowMs = 60;
    const r = await runMultiplexLab({ requests: 5, slowMs });
    // HTTP/1.1: responses in request order, so the quick ones end no earlier than the slow one
    expect(r.measured.pipelined.quickDoneMs).toBeGreaterThanOrEqual(r.measured.pipelined.slowDoneMs);
    expect(r.measured.pipelined.quickDoneMs).toBeGreaterThanOrEqual(slowMs);
    // HTTP/2: the quick ones are all in before the slow one, which arrives last
    expect(r.measured.multiplexed.quickDoneMs).toBeLessThan(r.measured.multiplexed.slowDoneMs);
    expect(r.measured.multiplexed.arrivalOrder.at(-1)).toBe(0);
    expect(r.measured.pipelined.connections).toBe(1);
    expect(r.measured.multiplexed.connections).toBe(1);
    // the model tells the same story
    expect(r.model.pipelined.quickDoneMs).toBeGreaterThanOrEqual(slowMs);
    expect(r.model.multiplexed.quickDoneMs).toBeLessThan(slowMs);
    expect(formatMultiplex(r)).toContain("HTTP/2 arrival order");
    // each way ran as designed: every request handed to the server, every response whole, one connection each
    expect(r.consistency.ok).toBe(true);
    const checks = r.consistency.checks.join("\n");
    expect(checks).toContain("HTTP/1.1 pipelined: 5 requests written; the server was handed 5; 5 responses arrived whole with status 200");
    expect(checks).toContain("HTTP/2: 5 streams opened; the server was handed 5; 5 responses arrived whole with status 200");
    expect(checks).toContain("HTTP/2: the client opened 1 session (connection) and the server accepted 1");
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("with too few file descriptors it measures nothing and says inconclusive", async () => {
    const before = openTcpHandles();
    const r = await runMultiplexLab({ requests: 2, fdLimit: 4 });
    expect(r.consistency.ok).toBe(false);
    expect(r.consistency.inconclusive).toMatch(/^too few file descriptors/);
    expect(r.measured.pipelined.quickDoneMs).toBeNaN();
    expect(r.measured.multiplexed.arrivalOrder).toEqual([]);
    expect(formatMultiplex(r).split("\n")[0]).toMatch(/^INCONCLUSIVE: too few file descriptors/);
    expect(openTcpHandles()).toBe(before);
  });

  it("names a bad option", async () => {
    await expect(runMultiplexLab({ requests: 1 })).rejects.toThrow(/requests/);
  });
});
