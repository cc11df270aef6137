// A file's load limit (lib/workbook/sandbox.ts, Sandbox.load) counts from
// when the sandbox child has started: on a busy machine Node's own start took
// longer than a short limit, and a correct file was reported as looping at its
// top level.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../lib/workbook/paths";
import { Sandbox } from "../../lib/workbook/sandbox";
import { TS_CHILD_ARGS } from "../ts-child";

/** A sandbox folder whose child spends `ms` starting (asleep, as if on a slow machine) before it runs the real child script. */
function slowStartFolder(ms: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-start-"));
  fs.copyFileSync(path.join(ROOT, "lib", "workbook", "sandbox-child.js"), path.join(dir, "real-child.js"));
  fs.writeFileSync(
    path.join(dir, "sandbox-child.js"),
    `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});\nrequire("./real-child.js");\n`,
  );
  fs.writeFileSync(path.join(dir, "answer.js"), "exports.answer = () => 42;\n");
  fs.writeFileSync(path.join(dir, "loops.js"), "for (;;) {}\n");
  return dir;
}
const START_MS = 500;
const LIMIT_MS = 300;
const dir = slowStartFolder(START_MS);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a sandbox child that is slow to start", () => {
  it("does not use up the load's limit: a file that loads at once is loaded", async () => {
    const box = new Sandbox(dir, () => {});
    try {
      expect(await box.load(path.join(dir, "answer.js"), LIMIT_MS)).toBe("loaded");
      const r = await box.call("answer", [], Date.now() + 10_000);
      expect(r !== "timeout" && "value" in r && r.value).toBe(42);
    } finally {
      box.kill();
    }
  });

  it("still stops a file that loops at its top level, once the limit has run from the child's start", async () => {
    const box = new Sandbox(dir, () => {});
    try {
      const started = Date.now();
      expect(await box.load(path.join(dir, "loops.js"), LIMIT_MS)).toBe("timeout");
      expect(Date.now() - started).toBeGreaterThanOrEqual(START_MS + LIMIT_MS - 50); // the start, then the whole limit (timers may fire a little early)
    } finally {
      box.kill();
    }
  });

  it("that dies while starting gives its end as the load's answer, and no second child is started", async () => {
    const dies = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-start-"));
    fs.writeFileSync(path.join(dies, "sandbox-child.js"), 'console.log("starting");\nprocess.exit(3);\n');
    fs.writeFileSync(path.join(dies, "answer.js"), "exports.answer = () => 42;\n");
    const lines: string[] = [];
    const box = new Sandbox(dies, (line) => lines.push(line));
    try {
      const r = await box.load(path.join(dies, "answer.js"), LIMIT_MS);
      expect(r !== "timeout" && r !== "loaded" && "ended" in r && r.ended).toMatch(/3/);
      expect(lines).toEqual(["starting"]);
    } finally {
      box.kill();
      fs.rmSync(dies, { recursive: true, force: true });
    }
  });
});

describe("a sandbox child that cannot start", () => {
  it("with no file descriptors left (EMFILE) is a verdict saying so, not a TypeError; with descriptors back, the next load starts a child", () => {
    // in a child process of its own, whose descriptors it uses up (`check` under `ulimit -n 22` ended in a stack trace)
    const script = `
      const { Sandbox } = require(${JSON.stringify(path.join(ROOT, "lib", "workbook", "sandbox"))});
      const fs = require("node:fs");
      const held = [];
      for (;;) { try { held.push(fs.openSync("/dev/null", "r")); } catch { break; } }
      const box = new Sandbox(${JSON.stringify(dir)}, () => {});
      box.load(${JSON.stringify(path.join(dir, "answer.js"))}, 5000).then(async (first) => {
        for (const fd of held) fs.closeSync(fd);
        const second = await box.load(${JSON.stringify(path.join(dir, "answer.js"))}, 5000);
        box.kill();
        console.log(JSON.stringify({ first, second }));
      }, (err) => { console.log(JSON.stringify({ threw: String(err) })); process.exit(0); });`;
    const r = spawnSync("bash", ["-c", 'ulimit -n 64 && exec "$0" "$@"', process.execPath, ...TS_CHILD_ARGS, "-e", script], {
      encoding: "utf8",
      timeout: 30_000,
      env: { ...process.env, WORKBOOK_LANG: "en" },
    });
    const out = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}");
    expect(out.threw).toBeUndefined();
    expect(out.first.ended).toMatch(/^the sandbox could not start: .*EMFILE.*raise the limit, ulimit -n/);
    expect(out.second).toBe("loaded");
  }, 40_000);
});
