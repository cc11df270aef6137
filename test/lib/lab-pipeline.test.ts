import { describe, expect, it } from "vitest";
import { formatPipeline, runPipelineLab } from "../../lib/lab/pipeline";
import { openTcpHandles } from "../../lib/lab/harness";

describe("pipeline lab (real loopback sockets)", () => {
  it("pipelined responses come whole and in request order even when the server finishes them in reverse", async () => {
    const before = openTcpHandles();
    const n = 6;
    const result = await runPipelineLab({ requests: n, repeats: 2, delayStepMs: 2 });
    expect(result.measured.complete).toBe(true);
    expect(result.measured.inOrder).toBe(true);
    // the server really did finish them out of order
    expect(result.measured.serverFinishOrder).toEqual([5, 4, 3, 2, 1, 0]);
    expect(result.measured.pipelinedMs).toBeGreaterThan(0);
    expect(result.measured.sequentialMs).toBeGreaterThan(0);
    expect(formatPipeline(result)).toContain("in request order");
    expect(openTcpHandles()).toBe(before);
  }, 20_000);
});
