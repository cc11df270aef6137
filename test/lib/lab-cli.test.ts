// `npm run workbook -- lab <name>` as a user runs it: exit 0 with a conclusive result, 2 with the
// reason when the lab could not measure (here: too few file descriptors under `ulimit -n`).
// Results go to a temporary WORKBOOK_LABS_DIR, never over the student's own .workbook/labs/.
import { spawnSync } from "node:child_process";
import stringWidth = require("string-width");
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LAB_INCONCLUSIVE_EXIT } from "../../lib/lab/index";
import { TS_CHILD_ENV } from "../ts-child";

const ROOT = path.resolve(__dirname, "..", "..");
const linux = existsSync("/proc/self/limits") && existsSync("/proc/self/fd");
const labsDir = mkdtempSync(path.join(os.tmpdir(), "lab-cli-"));
afterAll(() => rmSync(labsDir, { recursive: true, force: true }));

/** Runs a command line in bash (so it can set `ulimit -n`), TypeScript transpiled as ts-node would (test/ts-child.ts). */
function run(prefix: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("bash", ["-c", `${prefix} exec "$NODE" -r "$TS_REGISTER" "$@"`, "bash", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ...TS_CHILD_ENV, WORKBOOK_LABS_DIR: labsDir, ...env },
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

  it("prints the lab in Korean with WORKBOOK_LANG=ko, its table aligned in a terminal", () => {
    const r = run("", ["scripts/workbook.ts", "lab", "nagle", "--quick"], { WORKBOOK_LANG: "ko" });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("네이글 알고리즘(Nagle's algorithm) 대 확인응답 지연(delayed ACK): 요청마다 작은 쓰기 두 번");
    const rule = lines.findIndex((l) => /^-+( {2}-+)+$/.test(l));
    expect(lines[rule - 1]).toMatch(/측정값\s+모델\s+측정값\/모델$/);
    const table = lines.slice(rule - 1, rule + 4);
    expect(table.map((l) => l.split(/\s{2,}/)[0])).toEqual([
      "",
      expect.stringMatching(/^-+$/),
      "네이글 켬, 쓰기 2번 (64+64 B)",
      "TCP_NODELAY, 쓰기 2번",
      "네이글 켬, 쓰기 1번",
    ]);
    for (const line of table) expect(stringWidth(line), line).toBe(stringWidth(lines[rule]));
    expect(r.stdout).toMatch(/^일관성: 통과 \(검사 \d+개\)$/m);
    expect(r.stdout).toMatch(/^플랫폼: linux, node v/m);
  }, 60_000);
});
