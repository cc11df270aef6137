// The notebook kernel's compiled lib/ (scripts/kernel-lib.js): what it holds,
// that its modules still find the workbook root, that the kernel's compiler
// and Node are sent there for lib/ and nowhere else, and that it is never
// shipped in a student copy.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { releaseFiles } from "../../lib/workbook/release";
import { ROOT } from "../../lib/workbook/paths";
import { ensureKernelLib, inView, isCurrent, LIB, VIEW } from "../../scripts/kernel-lib";

const SCRIPT = path.join(ROOT, "scripts", "kernel-lib.js");

describe("the kernel's compiled lib/", () => {
  beforeAll(() => {
    expect(ensureKernelLib()).toBe(true);
  }, 60_000);

  it("is current, and a stamp from other sources is not", () => {
    expect(isCurrent()).toBe(true);
    expect(isCurrent("0".repeat(64))).toBe(false);
  });

  it("holds JavaScript and a declaration for every lib module, and no TypeScript source", () => {
    const modules = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((d) => (d.isDirectory() ? modules(path.join(dir, d.name)) : [path.join(dir, d.name)]));
    const sources = modules(LIB).filter((f) => f.endsWith(".ts"));
    const missing = sources.flatMap((f) =>
      [".js", ".d.ts"].map((ext) => inView(f)!.replace(/\.ts$/, ext)).filter((built) => !fs.existsSync(built)),
    );
    expect(missing).toEqual([]);
    expect(modules(VIEW).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(fs.existsSync(path.join(VIEW, "workbook", "sandbox-child.js"))).toBe(true);
  });

  it("maps paths under lib/ only", () => {
    expect(inView(path.join(LIB, "tcp", "segment.ts"))).toBe(path.join(VIEW, "tcp", "segment.ts"));
    expect(inView(LIB)).toBeNull();
    expect(inView(path.join(ROOT, "exercises", "tcp-performance.ts"))).toBeNull();
    expect(inView(path.join(ROOT, "lib-other", "x.ts"))).toBeNull();
  });

  it("sends the kernel's compiler and Node there for lib/, and nowhere else for other files", () => {
    // in a child: useKernelLib changes module resolution for the whole process
    const probe = `
      const fs = require("node:fs"), path = require("node:path");
      const { useKernelLib } = require(${JSON.stringify(SCRIPT)});
      const root = ${JSON.stringify(ROOT)}, lib = path.join(root, "lib");
      const sys = { fileExists: (f) => fs.existsSync(f), readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : undefined) };
      useKernelLib(sys);
      console.log(JSON.stringify({
        source: sys.fileExists(path.join(lib, "index.ts")),
        declaration: sys.fileExists(path.join(lib, "index.d.ts")),
        declarationText: sys.readFile(path.join(lib, "index.d.ts")),
        exercise: sys.fileExists(path.join(root, "exercises", "tcp-performance.ts")),
        module: require.resolve(path.join(lib, "index")),
        root: require(path.join(lib, "workbook", "paths")).ROOT,
        builtin: require.resolve("node:fs"),
      }));`;
    const child = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toEqual({
      source: false,
      declaration: true,
      declarationText: fs.readFileSync(path.join(VIEW, "index.d.ts"), "utf8"),
      exercise: true,
      module: path.join(VIEW, "index.js"),
      root: ROOT,
      builtin: "node:fs",
    });
  });

  it("is left out of a student copy (setup builds it there)", () => {
    expect(releaseFiles().filter((f) => f.startsWith(".kernel-lib"))).toEqual([]);
  });
});
