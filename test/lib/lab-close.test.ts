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
    expect(openTcpHandles()).toBe(before);
  }, 20_000);
});
