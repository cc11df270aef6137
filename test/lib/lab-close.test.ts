import { describe, expect, it } from "vitest";
import { formatClose, runCloseLab } from "../../lib/lab/close";
import { openTcpHandles } from "../../lib/lab/harness";

describe("close lab (real loopback sockets)", () => {
  it("closing with unread input resets the connection and the response is lost; a half close delivers it", async () => {
    const before = openTcpHandles();
    const runs = 3;
    const result = await runCloseLab({ runs });
    const { abrupt, graceful } = result.measured;
    expect(abrupt.lostCount).toBe(runs);
    expect(abrupt.runs.every((r) => r.errorCode === "ECONNRESET" || r.errorCode === "EPIPE")).toBe(true);
    expect(graceful.lostCount).toBe(0);
    expect(graceful.runs.every((r) => r.bytesReceived === result.setup.responseTotalBytes && r.errorCode === null)).toBe(true);
    // the model plays the same scene and predicts the same losses
    expect(result.model.abruptLost).toBe(runs);
    expect(result.model.gracefulLost).toBe(0);
    expect(result.model.gracefulBytes).toBe(result.setup.responseTotalBytes);
    expect(formatClose(result)).toContain("abrupt close (RST)");
    // the runs happened as designed: RST only where input was unread, FIN only after the upload drained
    expect(result.consistency.ok).toBe(true);
    const checks = result.consistency.checks.join("\n");
    expect(checks).toContain(
      `abrupt close: ${runs} runs; the server accepted ${runs} connections and sent its ${result.setup.responseTotalBytes} B response on ${runs}`,
    );
    expect(checks).toMatch(/abrupt close: the server closed every connection with the upload unread/);
    expect(checks).toContain("graceful close: the server closed every connection only after the client's FIN (upload drained)");
    expect(checks).toMatch(/abrupt, client reads at once: the server closed every connection with the upload unread/);
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("an upload too small to leave input unread makes the abrupt runs inconclusive, not a lesson about RST", async () => {
    // 10 bytes of body arrive with the header: the server reads them all, so its close has no reason to reset
    const result = await runCloseLab({ runs: 1, uploadBytes: 10 });
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/^abrupt close: the server closed only 0 of 1 connections with input unread/);
    expect(formatClose(result).split("\n")[0]).toMatch(/^INCONCLUSIVE: abrupt close/);
  }, 20_000);

  it("with too few file descriptors it measures nothing and says inconclusive", async () => {
    const before = openTcpHandles();
    const result = await runCloseLab({ runs: 1, fdLimit: 4 });
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/^too few file descriptors/);
    expect(result.measured.abrupt.runs).toEqual([]);
    expect(result.measured.abrupt.lostCount).toBeNaN();
    expect(formatClose(result).split("\n")[0]).toMatch(/^INCONCLUSIVE: too few file descriptors/);
    expect(openTcpHandles()).toBe(before);
  });
});
