// A student's endless loop must not outlive the grader that started it: the
// sandbox child sits in a process group of its own, so neither a closed
// terminal's SIGHUP, a SIGTERM nor the grader's own death reaches it unless
// the grader sees to it (lib/workbook/sandbox.ts). A real process per case:
// the point is what happens when that process dies.
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../../lib/workbook/paths";
import { alive } from "./process-alive";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-orphans-"));
fs.copyFileSync(path.join(ROOT, "lib", "workbook", "sandbox-child.js"), path.join(dir, "sandbox-child.js"));
fs.writeFileSync(path.join(dir, "loop.js"), 'console.log("looping");\nfor (;;) {}\n');

// the grader: starts one sandbox on the endless loop, then says its child's pid
const GRADER = `
const { Sandbox } = require(${JSON.stringify(path.join(ROOT, "lib", "workbook", "sandbox"))});
// once the child says it is in the loop (a child killed while it starts would end by itself)
const box = new Sandbox(${JSON.stringify(dir)}, () => {
  const children = require("node:fs").readFileSync("/proc/self/task/" + process.pid + "/children", "utf8").trim();
  process.stdout.write(children + "\\n");
});
void box.load(${JSON.stringify(path.join(dir, "loop.js"))}, 600000);
setInterval(() => {}, 1000);
`;

async function childOfKilledGrader(signal: NodeJS.Signals): Promise<number> {
  const grader = spawn(process.execPath, ["-r", path.join(ROOT, "test", "ts-register.js"), "-e", GRADER], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve) => grader.stdout.once("data", (d) => resolve(String(d))));
  const pid = Number(line.trim().split(/\s+/)[0]);
  expect(alive(pid)).toBe(true);
  grader.kill(signal);
  await new Promise((resolve) => grader.once("exit", resolve));
  // wait for the child's end, bounded: a child left running fails the test, then is ended here
  for (let i = 0; i < 200 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  const survived = alive(pid);
  if (survived) process.kill(-pid, "SIGKILL");
  return survived ? pid : 0;
}

describe.runIf(fs.existsSync("/proc/self/task"))("a sandbox child when its grader dies", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(["SIGTERM", "SIGHUP", "SIGKILL"] as const)(
    "%s: the child in an endless loop ends too",
    async (signal) => {
      expect(await childOfKilledGrader(signal)).toBe(0);
    },
    30_000,
  );
});
