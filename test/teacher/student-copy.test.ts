// A student copy made by `release` passes its own tests: as a plain folder,
// every test it ships but the notebook runs (they cost minutes, and run the
// same notebooks as here); then, as a new git repository (GitHub Classroom's
// template), the grading of its exercises (no solutions, no hidden cases
// there), the catalogue and the import rules.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { release } from "../../lib/workbook/release";
import { ROOT } from "../../lib/workbook/paths";

describe("a released student copy", () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "student-copy-")), "class");
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  const vitest = (...files: string[]) =>
    spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...files], {
      cwd: dir,
      encoding: "utf8",
      timeout: 280_000,
      env: { ...process.env, CI: "" },
    });

  it("passes its tests as a plain folder, then as a git repository", () => {
    release(dir);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules")); // what npm ci installs
    const plain = vitest("--exclude", "test/notebooks*.test.ts");
    expect(plain.status, plain.stdout + plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/skipped/); // the stubs: not started
    expect(fs.existsSync(path.join(dir, ".git"))).toBe(false);
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    git("add", "-A");
    expect(git("commit", "-qm", "template").status).toBe(0);
    const repo = vitest(
      "test/exercises.test.ts",
      "test/workbook/catalogue.test.ts",
      "test/workbook/imports.test.ts",
      "test/workbook/typecheck.test.ts",
    );
    expect(repo.status, repo.stdout + repo.stderr).toBe(0);
  }, 600_000);
});
