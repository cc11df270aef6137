import { describe, expect, it } from "vitest";
import { formatPipeline, runPipelineLab } from "../../lib/lab/pipeline";
import { openTcpHandles } from "../../lib/lab/harness";

describe("pipeline lab (real loopback sockets)", () => {
  it("pipelined responses come whole and in request order even when the server finishes them in reverse", async () => {
    const before = openTcpHandles();
    const n = 6;
    const result = await runPipelineLab({ requests: n, repeats: 2, delayStepMs: 5 });
    expect(result.measured.complete).toBe(true);
    expect(result.measured.inOrder).toBe(true);
    // the server really did finish them out of order: the last request (no
    // delay) before the first (the longest); exact order is up to the timers
    const finished = result.measured.serverFinishOrder;
    expect([...finished].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(finished.indexOf(n - 1)).toBeLessThan(finished.indexOf(0));
    expect(result.measured.pipelinedMs).toBeGreaterThan(0);
    expect(result.measured.sequentialMs).toBeGreaterThan(0);
    expect(formatPipeline(result)).toContain("in request order");
    // the run checked itself: whole batches timed, every request handed to the server, connections agree
    expect(result.consistency.ok).toBe(true);
    const checks = result.consistency.checks.join("\n");
    expect(checks).toContain(
      "timing: 2 batches of 6 GETs each way: 12 of 12 pipelined and 12 of 12 one-at-a-time responses read; the server was handed 24 requests on 4 connections",
    );
    expect(checks).toContain("order: 6 GETs pipelined; the server was handed 6 and finished 6; 6 responses parsed");
    expect(checks).toMatch(/retry: the client opened (\d+) connections? and the server accepted \1/);
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("with too few file descriptors it measures nothing and says inconclusive", async () => {
    const before = openTcpHandles();
    const result = await runPipelineLab({ requests: 3, repeats: 1, fdLimit: 4 });
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/^too few file descriptors/);
    expect(result.measured.pipelinedMs).toBeNaN();
    expect(result.measured.retry.answered).toEqual([]);
    // the saved JSON holds null where nothing was measured
    expect(JSON.parse(JSON.stringify(result)).measured.pipelinedMs).toBeNull();
    expect(formatPipeline(result).split("\n")[0]).toMatch(/^INCONCLUSIVE: too few file descriptors/);
    expect(openTcpHandles()).toBe(before);
  });

  it("after an early close only idempotent requests are resent; a POST left unanswered fails", async () => {
    const before = openTcpHandles();
    const result = await runPipelineLab({ requests: 10, repeats: 1, delayStepMs: 0, closeAfter: 3 });
    const { retry } = result.measured;
    const methodOf = (id: number) => result.setup.methods[id];
    // the default mix puts POST 5 behind the first close: it must fail, not be resent
    expect(retry.failed).toEqual([{ id: 5, method: "POST" }]);
    expect(retry.resent.every((id) => methodOf(id) !== "POST")).toBe(true);
    expect(retry.resent.length).toBeGreaterThan(0);
    // every request is either answered once or failed
    expect([...retry.answered, ...retry.failed.map((f) => f.id)].sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
    // the model plays the same scenario and agrees
    expect([...retry.answered].sort((a, b) => a - b)).toEqual(result.model.retry.answered);
    expect(retry.resent).toEqual(result.model.retry.resent);
    expect(retry.failed.map((f) => f.id)).toEqual(result.model.retry.failed);
    expect(retry.connections).toBe(result.model.retry.connections);
    expect(result.consistency.ok).toBe(true);
    expect(result.consistency.checks.join("\n")).toContain(
      "retry: each of the 10 requests answered or given up exactly once (9 answered, 1 failed)",
    );
    expect(openTcpHandles()).toBe(before);
  }, 20_000);
});
