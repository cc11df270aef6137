// `npm run workbook -- lab <name>` as a user runs it: exit 0 with a conclusive result, 2 with the
// reason when the lab could not measure (here: too few file descriptors under `ulimit -n`).
// Results go to a temporary WORKBOOK_LABS_DIR, never over the student's own .workbook/labs/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LAB_INCONCLUSIVE_EXIT } from "../../lib/lab/index";

const ROOT = path.resolve(__dirname, "..", "..");
const linux = existsSync("/proc/self/limits") && existsSync("/proc/self/fd");
const labsDir = mkdtempSync(path.join(os.tmpdir(), "lab-cli-"));
afterAll(() => rmSync(labsDir, { recursive: true, force: true }));

/** Runs a command line in bash (so it can set `ulimit -n`) with the workbook's ts-node. */
function run(prefix: string, args: string[]) {
  const r = spawnSync("bash", ["-c", `${prefix} exec "$NODE" node_modules/ts-node/dist/bin.js --transpile-only "$@"`, "bash", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, NODE: process.execPath, WORKBOOK_LABS_DIR: labsDir },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.runIf(linux)("npm run workbook -- lab", () => {
  it("exits 0 with a conclusive result and saves it", () => {
    const r = run("", ["scripts/workbook.ts", "lab", "nagle", "--quick", "--json"]);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.consistency.ok).toBe(true);
    expect(JSON.parse(readFileSync(path.join(labsDir, "nagle.json"), "utf8")).consistency.ok).toBe(true);
  }, 60_000);

  it("exits 2 and says why when too few descriptors are left for the lab", () => {
    // what the CLI's process holds open before the lab starts, measured in the same way of starting it
    const probe = run("", ["-e", 'console.log(require("fs").readdirSync("/proc/self/fd").length - 1)']);
    expect(probe.status, probe.stderr).toBe(0);
    const baseline = Number(probe.stdout.trim());
    expect(baseline).toBeGreaterThan(2);
    // enough to start and load the lab, too few for its sockets and reserve
    const r = run(`ulimit -n ${baseline + 3} &&`, ["scripts/workbook.ts", "lab", "time-wait", "--quick"]);
    expect(r.status, r.stderr).toBe(LAB_INCONCLUSIVE_EXIT);
    expect(r.stdout).toMatch(/^INCONCLUSIVE: too few file descriptors: descriptor limit \d+ \(\/proc\/self\/limits\)/m);
    expect(r.stderr).toMatch(/the time-wait lab was inconclusive: too few file descriptors/);
    // saved, so the measure exercise can say why it grades nothing
    const saved = JSON.parse(readFileSync(path.join(labsDir, "time-wait.json"), "utf8"));
    expect(saved.consistency.ok).toBe(false);
    expect(saved.measured).toBeNull();
  }, 60_000);
});
