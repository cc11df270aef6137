// The grader against wrong, broken and hostile student code
// (test/teacher/fixtures/attempts): each exercise fails alone with a clear
// message, the rest is graded, and nothing the student's code does can
// raise a score or reach the answers.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { buildSandbox } from "../../lib/workbook/build";
import { catalogue } from "../../lib/workbook/catalogue";
import { runChecks } from "../../lib/workbook/run-check";
import { ROOT } from "../../lib/workbook/paths";
import { formatVerdict } from "../../lib/workbook/verdict";

const ATTEMPTS = "test/teacher/fixtures/attempts";
const grade = (ids: string[], timeoutMs = 2000, hidden = true) =>
  runChecks(ids, { target: ATTEMPTS, timeoutMs, typeCheck: false, hidden, onOutput: () => {} });

describe("grader on made-up attempts", () => {
  it("grades each exercise on its own: wrong, endless loop, crash, right", async () => {
    // the loop spins a core until the limit, in its public and its hidden child: a second is plenty for the others' calls
    const [wrong, loop, crash, right] = await grade(["4.1a", "4.1b", "4.1c", "4.1d"], 1000);
    expect(wrong.status).toBe("failed");
    expect(wrong.message).toMatch(/expected .*port: 80/s);
    expect(wrong.message).toMatch(/got .*port: 8080/s);
    expect(wrong.message).toMatch(/why it matters/);
    expect(wrong.score).toBeGreaterThan(0); // partial credit: some cases pass
    expect(wrong.score).toBeLessThan(wrong.maxScore);
    expect(loop.status).toBe("timed-out");
    expect(loop.message).toMatch(/loops forever/);
    // the timeout stops the hidden cases too; the verdict says so once
    expect(formatVerdict(loop).match(/loops forever/g)).toHaveLength(1);
    expect(crash.status).toBe("failed");
    expect(crash.message).toMatch(/Error: boom/);
    expect(right.status).toBe("passed");
    expect(right.score).toBe(right.maxScore);
  });

  it("survives exit, memory, odd throws, promises that never settle, processes and file writes", async () => {
    const stray = path.join(ROOT, "..", "stolen.txt");
    fs.rmSync(stray, { force: true });
    // filling the heap ends by itself, but takes a few seconds on a busy machine: a limit it never reaches;
    // once, in the public child (a hidden child would fill its heap again to say the same)
    const graded = [...(await grade(["4.2a", "4.2c", "4.2d", "4.2e", "4.2f", "4.2g"])), ...(await grade(["4.2b"], 20_000, false))];
    const v = Object.fromEntries(graded.map((x) => [x.id, x]));
    expect(v["4.2a"].message).toMatch(/ended the process running it/);
    expect(v["4.2b"].message).toMatch(/more memory than allowed/);
    expect(v["4.2c"].message).toMatch(/an error was thrown: object/);
    expect(v["4.2d"].status).toBe("timed-out");
    expect(v["4.2d"].message).toMatch(/never settles/);
    expect(v["4.2e"].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(v["4.2f"].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(v["4.2g"].message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(fs.existsSync(stray)).toBe(false);
    for (const x of Object.values(v)) {
      expect(x.status).not.toBe("passed");
      expect(x.score).toBe(0);
    }
  }, 60_000);

  // the user is looked up only by root, once per process: a fresh copy of the module looks again
  it.runIf(process.getuid?.() === 0)(
    "a WORKBOOK_SANDBOX_USER that does not exist is a RangeError naming it (the CLI's mistake, no stack trace)",
    async () => {
      vi.resetModules();
      const { Sandbox } = await import("../../lib/workbook/sandbox");
      vi.stubEnv("WORKBOOK_SANDBOX_USER", "no-such-user-here");
      try {
        await expect(new Sandbox(ROOT).load("x.js", 1000)).rejects.toThrow(/^WORKBOOK_SANDBOX_USER="no-such-user-here": no such user/);
        await expect(new Sandbox(ROOT).load("x.js", 1000)).rejects.toBeInstanceOf(RangeError);
      } finally {
        vi.unstubAllEnvs();
      }
    },
  );

  it("refuses an answer too big to copy out whole, naming its size, without the grader holding it", async () => {
    const [v] = await grade(["4.2i"], 2000, false);
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/a value of 40\.0 MB when copied out of the sandbox, over the grader's limit of 8\.0 MB/);
    expect(v.message.length).toBeLessThan(2000);
  });

  it("loads a file that ends its process while loading once, not again as if its child had died before the load", async () => {
    const lines: string[] = [];
    const [v] = await runChecks(["4.7a"], {
      target: ATTEMPTS,
      timeoutMs: 2000,
      typeCheck: false,
      hidden: false,
      onOutput: (l) => lines.push(l),
    });
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/ended the process running it \(exit code 3\)/);
    expect(lines.filter((l) => l.includes("closing-connections loading"))).toHaveLength(1);
  });

  it("sends the answer it measured: a getter read again cannot slip a bigger one past the limit", async () => {
    const [v] = await grade(["4.2j"], 2000, false);
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/holder: 'nobody'/);
    expect(v.message).not.toMatch(/xxxxxxxx/);
  });

  it("fails an answer that cannot be copied out of the sandbox, even when copying it throws an empty string", async () => {
    const [v] = await grade(["4.2h"]);
    expect(v.status).toBe("failed");
    expect(v.message).toMatch(/something that cannot be copied/);
    expect(v.score).toBe(0);
  });

  it("fails an exercise that answers with the workbook's own model, naming it", async () => {
    const [direct, namespace, forged] = await grade(["4.3a", "4.3b", "4.3c"]);
    expect(direct.status).toBe("failed");
    expect(direct.message).toMatch(/uses parseConnectionHeader from lib\/http\/connection-header/);
    expect(namespace.message).toMatch(/uses everything from lib\/http\/index/);
    expect(forged.message).toMatch(/uses process/);
    for (const x of [direct, namespace, forged]) expect(x.score).toBe(0);
  });

  it("a file nested too deeply for the compilers fails its exercises alone, with a reason (swc ended the grader with SIGSEGV)", async () => {
    // swc is native code: 100,000 nested brackets overflow its stack, a signal no JavaScript can catch; TypeScript's
    // checker, JavaScript, throws a RangeError on 2,000, which ended the whole check as if it were a usage error
    const target = `.tmp-grader-deep-${process.pid}`;
    fs.mkdirSync(path.join(ROOT, target), { recursive: true });
    try {
      for (const f of fs.readdirSync(path.join(ROOT, "solutions")))
        fs.copyFileSync(path.join(ROOT, "solutions", f), path.join(ROOT, target, f));
      const deep = (n: number) => `\nexport const deep = ${"(".repeat(n)}1${")".repeat(n)};\n`;
      fs.appendFileSync(path.join(ROOT, target, "tcp-connections.ts"), deep(100_000));
      fs.appendFileSync(path.join(ROOT, target, "tcp-performance.ts"), deep(2_000));
      const other = catalogue.find((e) => e.file === "tcp-performance.ts" && e.kind === "implement")!;
      const [crashed, typed] = await runChecks(["4.1a", other.id], { target, timeoutMs: 5000, hidden: false, onOutput: () => {} });
      expect(crashed.status).toBe("failed");
      expect(crashed.message).toMatch(
        /tcp-connections\.ts does not parse: the compiler stopped \(SIGSEGV\) on this file: it is nested too deeply/,
      );
      expect(typed.status).toBe("passed");
      expect(typed.typeErrors.join("\n")).toMatch(/tcp-performance\.ts: the type check stopped \(Maximum call stack size exceeded\)/);
    } finally {
      fs.rmSync(path.join(ROOT, target), { recursive: true, force: true });
      fs.rmSync(path.join(ROOT, ".workbook", "build", target.replace(/[^A-Za-z0-9_-]+/g, "_")), { recursive: true, force: true });
    }
  }, 60_000);

  it("rejects an unknown exercise id, listing the valid ones", async () => {
    await expect(runChecks(["9.9z"])).rejects.toThrow(/Valid ids: 4\.1a/);
  });
});

describe("grader feedback in Korean", () => {
  afterEach(() => resetLanguage());

  it("a wrong answer's verdict names what was expected and what came back, and why, in Korean", async () => {
    setLanguage("ko");
    const [wrong] = await grade(["4.1a"]);
    // the endless loop spins until the limit: a short one is enough to read the message, and its public
    // child alone shows it (the hidden cases stopping too is the first test's)
    const [loop] = await grade(["4.1b"], 300, false);
    expect(wrong.status).toBe("failed");
    expect(wrong.message).toMatch(/기대한 값\s+\{ host: 'www\.joes-hardware\.com', port: 80 \}/);
    expect(wrong.message).toMatch(/실제 값\s+\{ host: 'www\.joes-hardware\.com', port: 8080 \}/);
    expect(wrong.message).toMatch(/왜 중요한가: .*[가-힣]/);
    expect(wrong.message).not.toMatch(/expected|got|why it matters/);
    expect(wrong.hiddenMessage).toMatch(/^숨은 케이스 하나가 실패했습니다/);
    expect(formatVerdict(wrong, { en: "title", ko: "제목" })).toMatch(
      /^4\.1a 제목: ✘ 실패 \(케이스 \d+\/\d+, 숨은 케이스 \d+\/\d+; [\d.]+\/2점\)/,
    );
    expect(loop.message).toMatch(/초 동안 답이 없어 중단했습니다/);
  });

  it("a lib model's error thrown inside the sandbox reads in the grader's language", async () => {
    // 4.4d may use lib/http/page-load: the sandbox holds it, with lib/errors.ts and lib/i18n.ts it needs
    const target = ".tmp-grader-language-test";
    fs.mkdirSync(path.join(ROOT, target), { recursive: true });
    try {
      fs.writeFileSync(
        path.join(ROOT, target, "parallel-connections.ts"),
        [
          'import { simulatePageLoad } from "../lib/http/page-load";',
          "export function enoughConnections(input: { page: { htmlBytes: number; objectBytes: number[] } }): number {",
          '  return simulatePageLoad({ page: input.page, strategy: "parallel", rttMs: -1, bandwidthBps: 1e6, maxConnections: 2 }).totalMs;',
          "}",
          "",
        ].join("\n"),
      );
      const box = buildSandbox(target, "parallel-connections.ts");
      for (const mod of ["lib/i18n", "lib/errors", "lib/http/page-load"]) {
        expect(fs.readFileSync(path.join(box.root, `${mod}.js`), "utf8"), mod).not.toMatch(/is not available to these exercises/);
      }
      const run = async () =>
        (await runChecks(["4.4d"], { target, timeoutMs: 5000, typeCheck: false, hidden: false, onOutput: () => {} }))[0].message;
      const english = await run();
      expect(english).toMatch(/an error was thrown: RangeError: The value of "[^"]*rttMs" is out of range/);
      setLanguage("ko");
      const korean = await run();
      expect(korean).toMatch(/예외 발생: RangeError: "[^"]*rttMs" 값이 허용 범위를 벗어났습니다/);
    } finally {
      fs.rmSync(path.join(ROOT, target), { recursive: true, force: true });
    }
  });

  it("a sandbox holds lib/i18n.ts for the stubs, and a placeholder for a model its exercises may not use", () => {
    const box = buildSandbox("exercises", "tcp-connections.ts");
    expect(fs.readFileSync(path.join(box.root, "lib/i18n.js"), "utf8")).toMatch(/function language\(/);
    const placeholder = fs.readFileSync(path.join(box.root, "lib/http/page-load.js"), "utf8");
    expect(placeholder).toMatch(/is not available in this exercise/);
    expect(placeholder).toMatch(/WORKBOOK_LANG === "ko" \? "[^"]*쓸 수 없습니다/);
  });
});
