import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as net from "node:net";
import { describe, expect, it } from "vitest";
import { LabDeadlineError, connectLoopback, listenOnLoopback, median, openTcpHandles, runLab } from "../../lib/lab/harness";
import { runCloseLab } from "../../lib/lab/close";
import { runNagleLab } from "../../lib/lab/nagle";
import { runTimeWaitLab } from "../../lib/lab/time-wait";
import { ResponseParser } from "../../lib/lab/response-parser";
import { labs } from "../../lib/lab";
import { ConsistencyLog, LabInconclusiveError, inconclusiveCause, inconclusiveReason, orInconclusive } from "../../lib/lab/consistency";
import { descriptorBudget, openDescriptors, parseOpenFilesLimit, unitsThatFit, DESCRIPTOR_RESERVE } from "../../lib/lab/descriptors";
import { runKeepAliveLab } from "../../lib/lab/keep-alive";
import { runMultiplexLab } from "../../lib/lab/multiplex";
import { runPipelineLab } from "../../lib/lab/pipeline";
import { resetLanguage, setLanguage, verbatim } from "../../lib/i18n";
import { findExercise } from "../../lib/workbook/catalogue";
import { casesOf } from "../../lib/workbook/run-check";

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
        const s = await listenOnLoopback(
          scope,
          net.createServer((socket) => socket.on("error", () => undefined)),
        );
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
  ])(
    "the %s lab past its deadline aborts with ERR_LAB_DEADLINE and leaves nothing open",
    async (_name, run) => {
      const before = openTcpHandles();
      const start = Date.now();
      const err = await run().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LabDeadlineError);
      expect((err as LabDeadlineError).code).toBe("ERR_LAB_DEADLINE");
      expect(Date.now() - start).toBeLessThan(3000);
      expect(openTcpHandles()).toBe(before);
    },
    20_000,
  );

  it("the response parser frames by Content-Length and knows HEAD has no body", () => {
    const p = new ResponseParser(["GET", "HEAD", "GET"]);
    const wire =
      "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\nno";
    const first = p.push(Buffer.from(wire.slice(0, 50)));
    const rest = p.push(Buffer.from(wire.slice(50)));
    const all = [...first, ...rest];
    expect(all.map((r) => [r.status, r.body.toString()])).toEqual([
      [200, "abc"],
      [200, ""],
      [404, "no"],
    ]);
    expect(p.leftoverBytes).toBe(0);
  });

  it("the registry names the seven labs of the CLI contract, each with title, run and format", () => {
    expect(Object.keys(labs).sort()).toEqual(["close", "keep-alive", "multiplex", "nagle", "pipeline", "segments", "time-wait"]);
    for (const lab of Object.values(labs)) {
      expect(lab.title.length).toBeGreaterThan(10);
      expect(typeof lab.run).toBe("function");
      expect(typeof lab.format).toBe("function");
    }
  });
});

describe("lab consistency and preconditions", () => {
  it("a consistency log: checks in order, failures named, the first failure is the reason", () => {
    const log = new ConsistencyLog();
    // the log takes texts already in the reader's language; these stand for such texts
    log.note(verbatim("10 connections made"));
    expect(log.verify(true, verbatim("10 responses read"), verbatim("unused"))).toBe(true);
    expect(log.result()).toEqual({ ok: true, checks: ["10 connections made", "10 responses read"] });
    expect(log.verify(false, verbatim("fact"), verbatim("the server accepted 7 of 10"))).toBe(false);
    log.fail(verbatim("2 sockets failed (EMFILE x2)"));
    const c = log.result();
    expect(c.ok).toBe(false);
    expect(c.checks.slice(2)).toEqual(["failed: the server accepted 7 of 10", "failed: 2 sockets failed (EMFILE x2)"]);
    expect(c.inconclusive).toBe("the server accepted 7 of 10 (and 1 more failed check)");
    expect(inconclusiveReason({ consistency: c })).toBe(c.inconclusive);
    expect(inconclusiveReason({ consistency: { ok: true, checks: [] } })).toBeUndefined();
    // a result saved before labs checked themselves has no block: not inconclusive
    expect(inconclusiveReason({ lab: "nagle", measured: {} })).toBeUndefined();
    expect(inconclusiveReason(undefined)).toBeUndefined();
  });

  it("EMFILE and a LabInconclusiveError become an inconclusive result; other errors are thrown", async () => {
    const emfile = Object.assign(new Error("connect EMFILE"), { code: "EMFILE", syscall: "connect" });
    expect(inconclusiveCause(emfile)).toMatch(/ran out of file descriptors \(EMFILE.*in connect/);
    expect(inconclusiveCause(new LabInconclusiveError(verbatim("2 of 6 responses")))).toBe("2 of 6 responses");
    expect(inconclusiveCause(new RangeError("bad option"))).toBeUndefined();
    const log = new ConsistencyLog();
    const result = await orInconclusive(Promise.reject(emfile), log, (reason) => ({ reason }));
    expect(result.reason).toMatch(/EMFILE/);
    expect(log.result().ok).toBe(false);
    await expect(orInconclusive(Promise.reject(new RangeError("bad")), new ConsistencyLog(), () => 0)).rejects.toThrow(RangeError);
  });

  it("reads the soft descriptor limit and plans within it", () => {
    const limits = [
      "Limit                     Soft Limit           Hard Limit           Units     ",
      "Max open files            40                   4096                 files     ",
    ].join("\n");
    expect(parseOpenFilesLimit(limits)).toBe(40);
    expect(parseOpenFilesLimit(limits.replace("40  ", "unlimited"))).toBe(Infinity);
    expect(parseOpenFilesLimit("garbage")).toBeNull();
    const budget = { limit: 40, source: "fdLimit option" as const, open: 19, free: 21 };
    // 21 free, 6 in reserve, 1 listening: 7 connections of 2 descriptors fit
    expect(unitsThatFit(budget, 1, 2)).toBe(Math.floor((21 - DESCRIPTOR_RESERVE - 1) / 2));
    expect(unitsThatFit({ ...budget, free: null }, 1, 2)).toBe(Infinity);
    expect(unitsThatFit({ ...budget, free: 3 }, 1, 2)).toBe(0);
    if (existsSync("/proc/self/limits")) {
      const real = descriptorBudget();
      expect(real.source).toBe("/proc/self/limits");
      expect(real.open).toBeGreaterThan(2);
      expect(descriptorBudget({ fdLimit: 10 })).toMatchObject({ limit: 10, source: "fdLimit option", free: 10 - openDescriptors()! });
      // an fdLimit above the real limit changes nothing
      expect(descriptorBudget({ fdLimit: real.limit! + 1 }).source).toBe("/proc/self/limits");
    }
  });

  // what a measure exercise says about an inconclusive lab run: not counted, with the reason
  const measureExercises: [string, string, () => Promise<unknown>][] = [
    ["4.2k", "nagle", () => runNagleLab({ rounds: 1, fdLimit: 1 })],
    ["4.2l", "time-wait", () => runTimeWaitLab({ connections: 1, fdLimit: 1 })],
    ["4.5f", "keep-alive", () => runKeepAliveLab({ requests: 1, fdLimit: 1 })],
    ["4.6f", "pipeline", () => runPipelineLab({ requests: 1, repeats: 1, fdLimit: 1 })],
    ["4.7e", "close", () => runCloseLab({ runs: 1, fdLimit: 1 })],
    ["4.8d", "multiplex", () => runMultiplexLab({ requests: 2, fdLimit: 1 })],
  ];
  /** The grader's reading of `result` saved as `lab`'s result: what the exercise is graded on, or why not. */
  const gradedOn = (id: string, lab: string, result: unknown) => {
    const dir = mkdtempSync(path.join(tmpdir(), "workbook-labs-"));
    writeFileSync(path.join(dir, `${lab}.json`), JSON.stringify(result));
    return casesOf(findExercise(id), false, dir);
  };
  it.each(measureExercises)("%s grades nothing from an inconclusive %s lab run and says why", async (id, lab, run) => {
    const before = openTcpHandles();
    const result = JSON.parse(JSON.stringify(await run())); // as saved in .workbook/labs/
    expect(openTcpHandles()).toBe(before);
    expect(result.lab).toBe(lab);
    expect(result.consistency.ok).toBe(false);
    const graded = gradedOn(id, lab, result);
    expect(graded.public).toEqual([]);
    expect(graded.skip?.status).toBe("not-counted");
    // off Linux the time-wait lab is inconclusive for the platform instead
    expect(graded.skip?.message).toMatch(/^your lab run was inconclusive: (too few file descriptors|not available on this platform)/);
    setLanguage("ko");
    try {
      expect(gradedOn(id, lab, result).skip?.message).toMatch(/[\uac00-\ud7a3]/);
    } finally {
      resetLanguage();
    }
  });

  it("a lab run in Korean saves its reason in Korean, so the Korean verdict has no English sentence", async () => {
    setLanguage("ko");
    try {
      const result = JSON.parse(JSON.stringify(await runNagleLab({ rounds: 1, fdLimit: 1 })));
      expect(result.consistency.inconclusive).toMatch(/^파일 디스크립터가 부족합니다: 디스크립터 한도 1 \(fdLimit 옵션\)/);
      const message = gradedOn("4.2k", "nagle", result).skip?.message ?? "";
      expect(message).toContain(result.consistency.inconclusive);
      expect(message).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/);
    } finally {
      resetLanguage();
    }
  });
});
