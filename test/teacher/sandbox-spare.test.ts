// Sandbox children started before they are needed (lib/workbook/sandbox.ts):
// the spare (prepareSpare), started for the next check in a notebook kernel,
// must be a child exactly like the one the check would start, or not be used
// at all; a child started by prestart() overlaps a check's own work.
import { type ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { ROOT } from "../../lib/workbook/paths";
import { alive } from "./process-alive";
import { prepareSpare, Sandbox, spareChildPid } from "../../lib/workbook/sandbox";

/** A sandbox folder whose module says which process runs it. */
function folder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-spare-"));
  fs.copyFileSync(path.join(ROOT, "lib", "workbook", "sandbox-child.js"), path.join(dir, "sandbox-child.js"));
  fs.writeFileSync(path.join(dir, "who.js"), "exports.pid = () => process.pid;\n");
  return dir;
}
const dirs = [folder(), folder()];

const until = async (done: () => boolean) => {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
};

/** The pid of the process a fresh Sandbox on `dir` runs its code in. */
async function runsIn(dir: string): Promise<number> {
  const box = new Sandbox(dir, () => {});
  try {
    expect(await box.load(path.join(dir, "who.js"), 10_000)).toBe("loaded");
    const r = await box.call("pid", [], Date.now() + 10_000);
    if (r === "timeout" || !("value" in r)) throw new Error(`no answer: ${JSON.stringify(r)}`);
    return r.value as number;
  } finally {
    box.kill();
  }
}

/** A process that starts a spare for dirs[1] and prints its pid, then ends (or, `stays`, runs on); with that pid. */
async function processWithSpare(stays: boolean): Promise<{ child: ChildProcess; spare: number }> {
  const code = `const s = require(${JSON.stringify(path.join(ROOT, "lib", "workbook", "sandbox"))});
s.prepareSpare(${JSON.stringify(dirs[1])});
console.log(s.spareChildPid());${stays ? "\nsetInterval(() => {}, 1000);" : ""}`;
  const child = spawn(process.execPath, ["-r", path.join(ROOT, "test", "ts-register.js"), "-e", code], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const spare = Number(await new Promise<string>((resolve) => child.stdout.once("data", (d) => resolve(String(d)))));
  return { child, spare };
}

/** Its exit code once `child` has ended, or null (and the child killed) when it has not within `ms`. */
function exitOf(child: ChildProcess, ms = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve(null);
    }, ms);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

// alive() reads /proc: where there is none (macOS), whether a child still runs cannot be seen this way
describe.runIf(fs.existsSync("/proc/self/stat"))("a spare sandbox child", () => {
  afterEach(() => resetLanguage());
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("is taken by the next sandbox on its folder, once", async () => {
    prepareSpare(dirs[0]);
    const spare = spareChildPid()!;
    expect(alive(spare)).toBe(true);
    expect(await runsIn(dirs[0])).toBe(spare);
    expect(spareChildPid()).toBeUndefined();
    const next = await runsIn(dirs[0]);
    expect(next).not.toBe(spare);
  });

  it("started for another folder, or in another language, is ended, not used", async () => {
    prepareSpare(dirs[0]);
    const forOther = spareChildPid()!;
    expect(await runsIn(dirs[1])).not.toBe(forOther);
    await until(() => !alive(forOther));
    expect(alive(forOther)).toBe(false);

    setLanguage("en");
    prepareSpare(dirs[0]);
    const inEnglish = spareChildPid()!;
    setLanguage("ko");
    expect(await runsIn(dirs[0])).not.toBe(inEnglish);
    await until(() => !alive(inEnglish));
    expect(alive(inEnglish)).toBe(false);
  });

  it.each([false, true])("that has died is no verdict: the sandbox starts its own (its end seen first: %s)", async (seen) => {
    prepareSpare(dirs[0]);
    const spare = spareChildPid()!;
    process.kill(spare, "SIGKILL");
    if (seen) await until(() => !alive(spare));
    const used = await runsIn(dirs[0]);
    expect(used).not.toBe(spare);
    expect(typeof used).toBe("number");
  });

  it.each(["alive", "killed", "killed, its end seen"])(
    "started ahead by prestart() runs the code; its death before the load is no verdict (%s)",
    async (fate) => {
      const box = new Sandbox(dirs[1], () => {});
      try {
        box.prestart();
        const ahead = box.childPid!;
        expect(alive(ahead)).toBe(true);
        const killed = fate !== "alive";
        if (killed) process.kill(ahead, "SIGKILL");
        if (fate === "killed, its end seen") await until(() => box.childPid === undefined); // the Sandbox has seen the exit
        expect(await box.load(path.join(dirs[1], "who.js"), 10_000)).toBe("loaded");
        const r = await box.call("pid", [], Date.now() + 10_000);
        if (r === "timeout" || !("value" in r)) throw new Error(`no answer: ${JSON.stringify(r)}`);
        if (killed) expect(r.value).not.toBe(ahead);
        else expect(r.value).toBe(ahead);
      } finally {
        box.kill();
      }
    },
  );

  it("that was killed is replaced when the next one is prepared", async () => {
    prepareSpare(dirs[0]);
    const killed = spareChildPid()!;
    process.kill(killed, "SIGKILL");
    await until(() => !alive(killed));
    await new Promise((r) => setTimeout(r, 100)); // its exit event, seen
    prepareSpare(dirs[0]);
    const next = spareChildPid()!;
    expect(next).not.toBe(killed);
    expect(alive(next)).toBe(true);
  });

  // A real process: the point is whether the spare keeps it from ending, and whether it ends with it.
  it.each(["SIGTERM", "SIGKILL"] as const)(
    "ends when its process is killed (%s)",
    async (signal) => {
      const { child, spare } = await processWithSpare(true);
      expect(alive(spare)).toBe(true);
      child.kill(signal);
      await exitOf(child);
      await until(() => !alive(spare));
      const survived = alive(spare);
      if (survived) process.kill(spare, "SIGKILL");
      expect(survived).toBe(false);
    },
    30_000,
  );

  it("does not keep its process alive, and ends with it", async () => {
    const { child, spare } = await processWithSpare(false);
    expect(spare).toBeGreaterThan(0);
    expect(await exitOf(child, 20_000)).toBe(0);
    await until(() => !alive(spare));
    expect(alive(spare)).toBe(false);
  }, 30_000);
});
