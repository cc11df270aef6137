// A student copy made by `release` passes its own tests as a plain folder:
// every test it ships whose outcome can differ there (see treeTests and
// SAME_IN_COPY below; the notebook runs cost minutes, and run the same
// notebooks as here). As a new
// git repository (GitHub Classroom's template, which each student clones),
// git tracks exactly the files the copy was made of, so a clone is that same
// folder: its tests are the ones that passed.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CACHE_DIR } from "../../lib/workbook/build";
import { CLASSROOM_WORKFLOW, release, releaseFiles, STUDENT_COPY_MARKER } from "../../lib/workbook/release";
import { ROOT } from "../../lib/workbook/paths";
import { ensureKernelLib, VIEW } from "../../scripts/kernel-lib";

/** Files under `dir` (relative, "/"-separated), skipping node_modules. */
function filesUnder(root: string, dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = `${dir}/${d.name}`;
    if (d.isDirectory()) return d.name === "node_modules" ? [] : filesUnder(root, rel);
    return [rel];
  });
}

/** What reads the workbook's tree beyond lib/ and test/: a path from the file's folder, the root, fs, the graders, the scripts. */
const READS_THE_TREE = /\bROOT\b|__dirname|process\.cwd|node:fs|workbook\/|scripts\//;

/**
 * Test files that read the tree, but only parts the copy holds byte for byte (lib/, scripts/, checks/ but
 * hidden/, a folder or lab result of their own), with what their verdicts rest on: they pass or fail there
 * as here, so the copy does not run them a second time (about 5 s of CPU). A test that grades with hidden
 * cases or solutions, lists what release leaves out, or reads .workbook/ is not one of them.
 */
const SAME_IN_COPY: Record<string, string> = {
  "test/lib/i18n.test.ts": "lib/'s tables, the catalogue and checks/ texts, one case per file: the copy's checks/ are ours without hidden/",
  "test/lib/lab-cli.test.ts": "runs labs through scripts/workbook.ts on loopback, results in a folder of its own",
  "test/lib/lab-harness.test.ts": "runs labs in process; measure cases from checks/ without hidden ones",
  "test/lib/lab-korean.test.ts": "the labs' Korean reports, from lib/",
  "test/lib/lab-time-wait.test.ts": "runs a lab through scripts/workbook.ts under ulimit, results in a folder of its own",
  "test/lib/layers.test.ts": "the imports of lib/",
  "test/workbook/compare.test.ts": "lib/workbook/compare.ts on values it makes, in process",
  "test/workbook/env-number.test.ts": "a lib/ function and environment variables",
  "test/workbook/exercise-source.test.ts":
    "grades files it writes in a target of its own; the verdicts come from loading them, before any case",
  "test/workbook/file-stamp.test.ts": "files it writes in a temporary folder, and lib/ copied to one (ROOT points there)",
  "test/workbook/kernel-converter.test.ts":
    "tslab's converter as npm ci and patches/ (ours, byte for byte) install it, on cells of its own",
  "test/workbook/last-run.test.ts": "records it writes in a temporary folder, read by lib/workbook/last-run.ts",
  "test/workbook/messages.test.ts": "the message tables of lib/workbook/ and scripts/setup, start and test",
  "test/workbook/typecheck.test.ts":
    "type errors of files it writes in a target of its own (lib/, tsconfig.json); its verdict fails on public cases",
  "test/workbook/write-atomic.test.ts": "writes in a temporary folder",
};

/**
 * The shipped test files whose outcome can differ in the copy: those that, in
 * their own text or a test helper they import, reach the tree (the copy lacks
 * solutions/, hidden cases and docs/, gains a Classroom workflow, starts with
 * no .workbook/), but for SAME_IN_COPY. The others load only lib/ and test/,
 * which the copy holds byte for byte (checked below): running them there would
 * repeat this run's own run of them, so they are not run twice.
 */
function treeTests(copy: string): { tree: string[]; same: string[]; readsTree: string[] } {
  const tests = filesUnder(copy, "test").filter((f) => f.endsWith(".test.ts") && !/^test\/notebooks/.test(f));
  const readsTree = (file: string, seen = new Set<string>()): boolean => {
    if (seen.has(file)) return false;
    seen.add(file);
    const source = fs.readFileSync(path.join(copy, file), "utf8");
    if (READS_THE_TREE.test(source)) return true;
    const helpers = [...source.matchAll(/from "(\.{1,2}\/[^"]+)"/g)]
      .map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])))
      .filter((f) => f.startsWith("test/"));
    return helpers.some((h) => readsTree(fs.existsSync(path.join(copy, `${h}.ts`)) ? `${h}.ts` : `${h}.js`, seen));
  };
  const reading = tests.filter((f) => readsTree(f));
  const tree = reading.filter((f) => !Object.hasOwn(SAME_IN_COPY, f));
  return { tree, same: tests.filter((f) => !tree.includes(f)), readsTree: reading };
}

describe("a released student copy", () => {
  // The same folder every run of this workbook, emptied before and after: vitest's module cache, which keys a
  // compiled file by its path and content, then serves the copy's unchanged files from the last run. (Two runs
  // at once in one workbook would clash here as they do over .workbook/ and the tests' .tmp-* folders.)
  const parent = path.join(os.tmpdir(), `workbook-student-copy-${createHash("sha1").update(ROOT).digest("hex").slice(0, 12)}`);
  const dir = path.join(parent, "class");
  fs.rmSync(parent, { recursive: true, force: true });
  fs.mkdirSync(parent); // fails, rather than writing through it, if something took the name meanwhile
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  // One worker, not the usual cores + 1: the rest of npm test keeps the cores busy meanwhile, the copy runs
  // only a few files, and each worker loads vitest and lib/ anew (a second one cost 0.5 s of CPU for 1 s of wall).
  const vitest = (workers: number, ...files: string[]) =>
    spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", `--maxWorkers=${workers}`, ...files], {
      cwd: dir,
      encoding: "utf8",
      timeout: 280_000,
      env: { ...process.env, CI: "" },
    });

  it("passes its tests as a plain folder, and as a git repository tracks exactly those files", () => {
    release(dir);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules")); // what npm ci installs
    // lib/, test/, patches/ and the configuration are this workbook's, byte for byte: the tests left out below ran here
    const ours = [...filesUnder(dir, "lib"), ...filesUnder(dir, "test"), ...filesUnder(dir, "patches")];
    for (const f of [...ours, "package.json", "tsconfig.json", "vitest.config.ts"]) {
      expect(fs.readFileSync(path.join(dir, f), "utf8"), f).toBe(fs.readFileSync(path.join(ROOT, f), "utf8"));
    }
    // The kernel's compiled lib/ is stamped with the hash of what it is built from (lib/, tsconfig.json, the
    // builder, TypeScript's version: scripts/kernel-lib.js): ours, current, is the one the copy would build,
    // so its kernel-lib test finds it current instead of spending seconds of CPU on the same declarations.
    expect(ensureKernelLib()).toBe(true);
    fs.cpSync(VIEW, path.join(dir, path.basename(VIEW)), { recursive: true });
    // Likewise the grader's cache (lib/workbook/build.ts, typecheck.ts): JavaScript and type errors kept by the
    // content of all they are made from, so the copy finds what it would compute itself, where its own
    // checks, CLI runs and type-error tests would each load swc and TypeScript again (seconds of CPU).
    if (fs.existsSync(CACHE_DIR)) fs.cpSync(CACHE_DIR, path.join(dir, path.relative(ROOT, CACHE_DIR)), { recursive: true });
    const { tree, same, readsTree } = treeTests(dir);
    // every entry of SAME_IN_COPY names a shipped test that reads the tree: a stale entry shows here
    expect(readsTree).toEqual(expect.arrayContaining(Object.keys(SAME_IN_COPY)));
    expect(tree).toContain("test/exercises.test.ts");
    expect(tree).toContain("test/workbook/cli.test.ts");
    expect(same).toContain("test/lib/segment.test.ts");
    // vitest's module cache stamps npm's lockfile with the time of patches/ and empties itself when the stamp
    // changes: the copy, sharing our node_modules, would empty the cache this run is reading. So, for its run,
    // the copy's patches/ is ours (the same files, checked above); the released folder is put back for git.
    const patches = path.join(dir, "patches");
    fs.renameSync(patches, `${patches}.released`);
    fs.symlinkSync(path.join(ROOT, "patches"), patches);
    const plain = vitest(1, ...tree);
    fs.unlinkSync(patches);
    fs.renameSync(`${patches}.released`, patches);
    expect(plain.status, plain.stdout + plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/skipped/); // the stubs: not started
    for (const f of tree) expect(plain.stdout).toContain(f);
    expect(fs.existsSync(path.join(dir, ".git"))).toBe(false);
    const git = (...args: string[]) =>
      spawnSync("git", ["-c", "user.email=t@example.org", "-c", "user.name=t", ...args], { cwd: dir, encoding: "utf8" });
    fs.unlinkSync(path.join(dir, "node_modules")); // our stand-in for npm ci: a symlink, which .gitignore's "node_modules/" (folders) lets through
    git("init", "-q");
    git("add", "-A");
    expect(git("commit", "-qm", "template").status).toBe(0);
    // a clone holds what git tracks: every file release wrote (not the caches seeded above, which .gitignore keeps out)
    const tracked = git("ls-files", "-z").stdout.split("\0").filter(Boolean).sort();
    expect(tracked).toEqual([...releaseFiles(), CLASSROOM_WORKFLOW, STUDENT_COPY_MARKER].sort());
  }, 600_000);
});
