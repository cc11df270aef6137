import * as net from "node:net";
import { describe, expect, it } from "vitest";
import { LabDeadlineError, connectLoopback, listenOnLoopback, median, openTcpHandles, runLab } from "../../lib/lab/harness";
import { runCloseLab } from "../../lib/lab/close";
import { runNagleLab } from "../../lib/lab/nagle";
import { runTimeWaitLab } from "../../lib/lab/time-wait";
import { ResponseParser } from "../../lib/lab/response-parser";
import { labs } from "../../lib/lab";

describe("lab harness", () => {
  it("median of odd and even lists; empty is an error", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });

  it("closes the server and its sockets when the body throws", async () => {
    const before = openTcpHandles();
    let server: { closed: boolean } | undefined;
    await expect(
      runLab("throws", 5000, async (scope) => {
        const s = await listenOnLoopback(scope, net.createServer((socket) => socket.on("error", () => undefined)));
        server = s;
        await connectLoopback(scope, s.port);
        throw new Error("step failed");
      }),
    ).rejects.toThrow("step failed");
    expect(server!.closed).toBe(true);
    expect(openTcpHandles()).toBe(before);
  });

  it.each([
    ["nagle", () => runNagleLab({ rounds: 200, deadlineMs: 300 })],
    ["close", () => runCloseLab({ runs: 50, deadlineMs: 20 })],
    ["time-wait", () => runTimeWaitLab({ connections: 5000, deadlineMs: 30 })],
  ])("the %s lab past its deadline aborts with ERR_LAB_DEADLINE and leaves nothing open", async (_name, run) => {
    const before = openTcpHandles();
    const start = Date.now();
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LabDeadlineError);
    expect((err as LabDeadlineError).code).toBe("ERR_LAB_DEADLINE");
    expect(Date.now() - start).toBeLessThan(3000);
    expect(openTcpHandles()).toBe(before);
  }, 20_000);

  it("the response parser frames by Content-Length and knows HEAD has no body", () => {
    const p = new ResponseParser(["GET", "HEAD", "GET"]);
    const wire = "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno";
    const first = p.push(Buffer.from(wire.slice(0, 50)));
    const rest = p.push(Buffer.from(wire.slice(50)));
    const all = [...first, ...rest];
    expect(all.map((r) => [r.status, r.body.toString()])).toEqual([[200, "abc"], [200, ""], [404, "no"]]);
    expect(p.leftoverBytes).toBe(0);
  });

  it("the registry names the six labs of the CLI contract, each with title, run and format", () => {
    expect(Object.keys(labs).sort()).toEqual(["close", "keep-alive", "multiplex", "nagle", "pipeline", "time-wait"]);
    for (const lab of Object.values(labs)) {
      expect(lab.title.length).toBeGreaterThan(10);
      expect(typeof lab.run).toBe("function");
      expect(typeof lab.format).toBe("function");
    }
  });
});
