import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { formatTimeWait, runTimeWaitLab, type TimeWaitLabResult } from "../../lib/lab/time-wait";
import { openTcpHandles } from "../../lib/lab/harness";
import { DESCRIPTOR_RESERVE, openDescriptors } from "../../lib/lab/descriptors";
import { decodeAddress, ownTimeWait, parseProcNetTcp, type SocketEntry, TIME_WAIT_STATE } from "../../lib/lab/proc-net-tcp";
import { parsePortRange } from "../../lib/lab/platform";
import { TS_CHILD_ENV } from "../ts-child";

const linux = existsSync("/proc/net/tcp") && existsSync("/proc/self/limits");
const ROOT = path.resolve(__dirname, "..", "..");

/** The lesson's pattern: the side that closes first holds TIME_WAIT, the other none. */
function expectLesson(result: TimeWaitLabResult, n: number): void {
  const { clientCloses, serverCloses } = result.measured!;
  // every connection leaves one entry on its active closer; allow for a
  // port the kernel reused (tcp_tw_reuse) but demand the mechanism
  expect(clientCloses.timeWait.clientSide).toBeGreaterThan(n / 2);
  expect(clientCloses.timeWait.serverSide).toBe(0);
  expect(serverCloses.timeWait.serverSide).toBeGreaterThan(n / 2);
  expect(serverCloses.timeWait.clientSide).toBe(0);
}

/**
 * Runs the lab in a child process under `ulimit -n <limit>` (both soft and
 * hard, so node cannot raise it) and returns its result.
 */
function runUnderUlimit(limit: number, options: object): TimeWaitLabResult {
  const code =
    'require("./lib/lab/time-wait").runTimeWaitLab(JSON.parse(process.env.LAB_OPTIONS)).then((r) => process.stdout.write(JSON.stringify(r)))';
  const r = spawnSync("bash", ["-c", `ulimit -n ${limit} && exec "$NODE" -r "$TS_REGISTER" -e "$CODE"`], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ...TS_CHILD_ENV, CODE: code, LAB_OPTIONS: JSON.stringify(options) },
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as TimeWaitLabResult;
}

describe("time-wait lab", () => {
  it.runIf(linux)(
    "the side that closes first holds TIME_WAIT (counted in /proc/net/tcp), and the run checks itself",
    async () => {
      const before = openTcpHandles();
      const n = 40;
      const result = await runTimeWaitLab({ connections: n });
      expect(result.available).toBe(true);
      expect(result.consistency.ok).toBe(true);
      expect(result.consistency.inconclusive).toBeUndefined();
      const checks = result.consistency.checks.join("\n");
      for (const run of ["client closes first", "server closes first"]) {
        expect(checks).toContain(`${run}: ${n} connections made, ${n} connected, no socket errors`);
        expect(checks).toContain(`${run}: the server accepted all ${n} connections the client made`);
        expect(checks).toMatch(
          new RegExp(`${run}: on all ${n} connections the (client|server) saw the (client|server)'s FIN before sending its own`),
        );
        expect(checks).toMatch(new RegExp(`${run}: (\\d+) TIME_WAIT entries found for the run's \\1 connections`));
      }
      expectLesson(result, n);
      expect(result.setup).toEqual({ connections: n, concurrency: 25, requested: { connections: n, concurrency: 25 } });
      expect(result.model!.maxConnectionsPerSecond).toBeCloseTo(result.platform.portRange.count / result.platform.timeWaitSeconds);
      const table = formatTimeWait(result);
      expect(table).toMatch(/TIME_WAIT at client/);
      expect(table).toMatch(/consistency: ok/);
      expect(table).not.toMatch(/INCONCLUSIVE/);
      expect(openTcpHandles()).toBe(before);
    },
    20_000,
  );

  it.runIf(linux)(
    "with few descriptors it lowers its concurrency to fit, and says so",
    async () => {
      const open = openDescriptors()!;
      // room for about 3 connections in flight (2 descriptors each) beside the listener and the reserve
      const result = await runTimeWaitLab({ connections: 30, fdLimit: open + DESCRIPTOR_RESERVE + 1 + 2 * 3 });
      expect(result.consistency.ok).toBe(true);
      expect(result.setup.requested.concurrency).toBe(25);
      expect(result.setup.concurrency).toBeGreaterThanOrEqual(1);
      expect(result.setup.concurrency).toBeLessThanOrEqual(4);
      expect(result.consistency.checks.join("\n")).toMatch(/fdLimit option.*concurrency lowered from 25 to [1-4]/);
      expectLesson(result, 30);
    },
    20_000,
  );

  it.runIf(linux)("with too few descriptors for one connection it measures nothing and says inconclusive", async () => {
    const before = openTcpHandles();
    const result = await runTimeWaitLab({ connections: 30, fdLimit: 8 });
    expect(result.available).toBe(true);
    expect(result.measured).toBeNull();
    expect(result.model).toBeNull();
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/^too few file descriptors: descriptor limit 8 \(fdLimit option\)/);
    expect(result.reason).toBe(result.consistency.inconclusive);
    const table = formatTimeWait(result);
    expect(table.split("\n")[0]).toMatch(/^INCONCLUSIVE: too few file descriptors/);
    expect(table).toContain("nothing was measured");
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(openTcpHandles()).toBe(before);
  });

  it.runIf(linux)(
    "under `ulimit -n 40` it fits its concurrency to the limit and still shows the lesson",
    () => {
      const n = 200;
      const result = runUnderUlimit(40, { connections: n });
      if (result.consistency.ok) {
        expect(result.setup.concurrency).toBeLessThan(25);
        expectLesson(result, n);
      } else {
        // the only other honest answer: inconclusive, naming the descriptors
        expect(result.consistency.inconclusive).toMatch(/descriptor|EMFILE/);
      }
    },
    60_000,
  );

  it.runIf(linux)(
    "under `ulimit -n 40` with the budget check fooled, EMFILE is caught: inconclusive, never the opposite lesson",
    () => {
      // a /proc whose limits file says "unlimited": the lab plans 25 connections in flight and runs out of descriptors
      const fake = mkdtempSync(path.join(os.tmpdir(), "lab-fake-proc-"));
      try {
        mkdirSync(path.join(fake, "self"));
        symlinkSync("/proc/net", path.join(fake, "net"));
        symlinkSync("/proc/sys", path.join(fake, "sys"));
        symlinkSync("/proc/self/fd", path.join(fake, "self", "fd"));
        writeFileSync(
          path.join(fake, "self", "limits"),
          "Limit  Soft Limit  Hard Limit  Units\nMax open files            unlimited            unlimited            files\n",
        );
        const result = runUnderUlimit(40, { connections: 200, procDir: fake });
        expect(result.setup.concurrency).toBe(25);
        expect(result.consistency.ok).toBe(false);
        // a server out of descriptors closes what it cannot accept, which is what made the server seem to close first
        expect(result.consistency.inconclusive).toMatch(/EMFILE|accepted \d+ of the \d+ connections/);
        expect(formatTimeWait(result).split("\n")[0]).toMatch(/^INCONCLUSIVE: /);
      } finally {
        rmSync(fake, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it("without /proc/net/tcp it says so instead of throwing, and the result is inconclusive", async () => {
    const result = await runTimeWaitLab({ procDir: "/nonexistent-proc-for-test" });
    expect(result.available).toBe(false);
    expect(result.reason).toMatch(/not available on this platform/);
    expect(result.measured).toBeNull();
    expect(result.consistency.ok).toBe(false);
    expect(result.consistency.inconclusive).toMatch(/not available on this platform/);
    expect(formatTimeWait(result)).toMatch(/not available on this platform/);
    expect(result.platform.portRange.source).toBe("linux default");
  });

  it("counts only its own connections' entries, each once", () => {
    const host = "127.0.0.1";
    const entry = (localPort: number, remotePort: number, state = TIME_WAIT_STATE, remoteAddress = host): SocketEntry => ({
      localPort,
      remotePort,
      state,
      localAddress: host,
      remoteAddress,
    });
    const serverPort = 40000;
    const clientPorts = new Set([50001, 50002, 50003]);
    const table = [
      entry(50001, serverPort), // ours, client side
      entry(50002, serverPort),
      entry(50002, serverPort), // the same entry listed twice by a read that raced other sockets
      entry(serverPort, 50003), // ours, server side
      entry(serverPort, 45555), // another process's connection whose client port is our server port
      entry(45556, serverPort), // another process's client talking to our port: not one of our client ports
      entry(50001, serverPort, 0x01), // ESTABLISHED, not TIME_WAIT
      entry(serverPort, 50001, TIME_WAIT_STATE, "10.0.0.1"), // another address
    ];
    const found = ownTimeWait(table, { host, serverPort, clientPorts });
    expect([...found.clientSide].sort()).toEqual([50001, 50002]);
    expect([...found.serverSide]).toEqual([50003]);
    expect(found.ignored).toBe(3);
  });

  it("parses /proc/net/tcp lines (addresses too) and the port range file", () => {
    const text = [
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
      "   1: 0100007F:9C40 0100007F:1F90 06 00000000:00000000 03:00001192 00000000     0        0 0 3",
      "   2: 0000000000000000FFFF00000100007F:1F90 00000000000000000000000001000000:D431 06 0",
    ].join("\n");
    expect(parseProcNetTcp(text)).toEqual([
      { localPort: 8080, remotePort: 0, state: 0x0a, localAddress: "127.0.0.1", remoteAddress: "0.0.0.0" },
      { localPort: 40000, remotePort: 8080, state: TIME_WAIT_STATE, localAddress: "127.0.0.1", remoteAddress: "127.0.0.1" },
      {
        localPort: 8080,
        remotePort: 54321,
        state: TIME_WAIT_STATE,
        localAddress: "127.0.0.1",
        remoteAddress: "00000000000000000000000001000000",
      },
    ]);
    expect(decodeAddress("0100A8C0:0050")).toBe("192.168.0.1");
    expect(parsePortRange("32768\t60999\n")).toEqual({ low: 32768, high: 60999 });
    expect(parsePortRange("60999 32768")).toBeNull();
    expect(parsePortRange("garbage")).toBeNull();
  });
});
