import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatTimeWait, runTimeWaitLab } from "../../lib/lab/time-wait";
import { openTcpHandles } from "../../lib/lab/harness";
import { parseProcNetTcp, TIME_WAIT_STATE } from "../../lib/lab/proc-net-tcp";
import { parsePortRange } from "../../lib/lab/platform";

const linux = existsSync("/proc/net/tcp");

describe("time-wait lab", () => {
  it.runIf(linux)("the side that closes first holds TIME_WAIT (counted in /proc/net/tcp)", async () => {
    const before = openTcpHandles();
    const n = 40;
    const result = await runTimeWaitLab({ connections: n });
    expect(result.available).toBe(true);
    const { clientCloses, serverCloses } = result.measured!;
    // every connection leaves one entry on its active closer; allow for a
    // port the kernel reused (tcp_tw_reuse) but demand the mechanism
    expect(clientCloses.timeWait.clientSide).toBeGreaterThan(n / 2);
    expect(clientCloses.timeWait.serverSide).toBe(0);
    expect(serverCloses.timeWait.serverSide).toBeGreaterThan(n / 2);
    expect(serverCloses.timeWait.clientSide).toBe(0);
    expect(result.model!.maxConnectionsPerSecond).toBeCloseTo(result.platform.portRange.count / result.platform.timeWaitSeconds);
    expect(formatTimeWait(result)).toMatch(/TIME_WAIT at client/);
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("without /proc/net/tcp it says so instead of throwing", async () => {
    const result = await runTimeWaitLab({ procDir: "/nonexistent-proc-for-test" });
    expect(result.available).toBe(false);
    expect(result.reason).toMatch(/not available on this platform/);
    expect(result.measured).toBeNull();
    expect(formatTimeWait(result)).toMatch(/not available on this platform/);
    expect(result.platform.portRange.source).toBe("linux default");
  });

  it("parses /proc/net/tcp lines and the port range file", () => {
    const text = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
      "   1: 0100007F:9C40 0100007F:1F90 06 00000000:00000000 03:00001192 00000000     0        0 0 3",
      "   2: 00000000000000000000000001000000:1F90 00000000000000000000000001000000:D431 06 0",
    ].join("\n");
    expect(parseProcNetTcp(text)).toEqual([
      { localPort: 8080, remotePort: 0, state: 0x0a },
      { localPort: 40000, remotePort: 8080, state: TIME_WAIT_STATE },
      { localPort: 8080, remotePort: 54321, state: TIME_WAIT_STATE },
    ]);
    expect(parsePortRange("32768\t60999\n")).toEqual({ low: 32768, high: 60999 });
    expect(parsePortRange("60999 32768")).toBeNull();
    expect(parsePortRange("garbage")).toBeNull();
  });
});
