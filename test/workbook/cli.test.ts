// The CLI as a user runs it: `npm run workbook -- <command>` (ts-node).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";

function workbook(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "scripts/workbook.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 170_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run workbook", () => {
  it("hint <id> prints the catalogue's hint", () => {
    const r = workbook("hint", "4.1b");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(catalogue.find((e) => e.id === "4.1b")!.hint);
  });

  it("hint with an unknown id fails and lists the valid ids", () => {
    const r = workbook("hint", "4.9z");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown exercise id "4\.9z"/);
    expect(r.stderr).toContain(catalogue.map((e) => e.id).join(", "));
  });

  // progress and grade check every exercise: give them room when the rest of the suite runs beside them
  it("progress says what to do next", { timeout: 180_000 }, () => {
    const r = workbook("progress");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Exercises: \\d+/${catalogue.length} done`));
  });

  it("grade --json --out writes a Gradescope-style score file", { timeout: 180_000 }, () => {
    const out = path.join(os.tmpdir(), `grade-${process.pid}.json`);
    const r = workbook("grade", "--json", "--out", out);
    expect(r.status).toBe(0);
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(JSON.parse(r.stdout)).toEqual(report);
    expect(report.tests).toHaveLength(catalogue.length);
    expect(report.max_score).toBe(catalogue.reduce((s, e) => s + e.points, 0));
    fs.rmSync(out);
  });

  it("show lists the models and draws one", () => {
    expect(workbook("show").stdout).toMatch(/nagle/);
    expect(workbook("show", "nagle").stdout).toMatch(/SYN|PSH/);
    expect(workbook("show", "nope").status).toBe(2);
  });

  it("release writes a student copy: exercises and notebooks, no solutions/, no .ci/", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "release-")), "class");
    const r = workbook("release", dir);
    expect(r.status).toBe(0);
    expect(fs.existsSync(path.join(dir, "exercises", catalogue[0].file))).toBe(true);
    expect(fs.existsSync(path.join(dir, "notebooks", "00-start-here.ipynb"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "package-lock.json"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "solutions"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".ci"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".workbook-student-copy"))).toBe(true);
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it("release refuses a folder that is not empty", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    fs.writeFileSync(path.join(dir, "mine.ts"), "// a student's file");
    const r = workbook("release", dir);
    expect(r.status).toBe(2);
    expect(fs.readFileSync(path.join(dir, "mine.ts"), "utf8")).toBe("// a student's file");
    fs.rmSync(dir, { recursive: true });
  });

  it("an unknown command lists the commands", () => {
    const r = workbook("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/progress[\s\S]*hint[\s\S]*grade/);
  });
});
