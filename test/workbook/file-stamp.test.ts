// What a process that lives on (a notebook kernel) keeps between checks: lib/'s sources and the sandbox files
// it verified, by file stamp (lib/workbook/file-stamp.ts). An edit must still be seen by the next check, even
// one that keeps the file's size and is made within the same second.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fileStamp, StampedMemo } from "../../lib/workbook/file-stamp";
import { ROOT } from "../../lib/workbook/paths";

/** Files look this much older than they are: their stamps are then taken (a file changed in the last 3 s has none). */
const AGED_MS = 60_000;
const age = () => {
  const now = Date.now.bind(Date);
  vi.spyOn(Date, "now").mockImplementation(() => now() + AGED_MS);
};

/** Rewrites `file` with the same number of bytes and puts its modification time back: only its change time tells. */
function editInPlace(file: string, from: string, to: string): void {
  expect(Buffer.byteLength(to)).toBe(Buffer.byteLength(from));
  const before = fs.statSync(file);
  const text = fs.readFileSync(file, "utf8");
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
  fs.utimesSync(file, before.atime, before.mtime);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("file stamps", () => {
  it("a file changed just now has none (its times could not tell a second edit within the same tick)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-stamp-"));
    try {
      const f = path.join(dir, "a.txt");
      fs.writeFileSync(f, "one");
      expect(fileStamp(f)).toBeUndefined();
      expect(fileStamp(path.join(dir, "missing.txt"))).toBeUndefined();
      age();
      const first = fileStamp(f);
      expect(first).toBeDefined();
      expect(fileStamp(f)).toBe(first);
      editInPlace(f, "one", "two");
      expect(fileStamp(f)).not.toBe(first);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a memo makes its value again when one of its files changed, and keeps nothing while one has no stamp", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "file-stamp-"));
    try {
      const [a, b] = ["a.txt", "b.txt"].map((n) => path.join(dir, n));
      fs.writeFileSync(a, "aaa");
      fs.writeFileSync(b, "bbb");
      const memo = new StampedMemo<string>();
      let made = 0;
      const read = () =>
        memo.get("ab", [a, b], () => {
          made++;
          return fs.readFileSync(a, "utf8") + fs.readFileSync(b, "utf8");
        });
      expect([read(), read(), made]).toEqual(["aaabbb", "aaabbb", 2]); // fresh files: read each time
      age();
      expect([read(), read(), made]).toEqual(["aaabbb", "aaabbb", 3]); // kept
      editInPlace(b, "bbb", "BBB");
      expect([read(), made]).toEqual(["aaaBBB", 4]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// The real build.ts and typecheck.ts, on a copy of lib/: ROOT (lib/workbook/paths.ts) points at the copy, so
// editing a lib module cannot disturb the test files running beside this one. The copy's modules are a fresh
// load, as a kernel loads them, and each step below is what the next check in that kernel does.
describe("a process that lives on, after an edit to lib/", () => {
  it("builds the sandbox and stamps the type cache from the edited sources, though the edit kept size and time", async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "file-stamp-root-"));
    try {
      fs.cpSync(path.join(ROOT, "lib"), path.join(copy, "lib"), { recursive: true });
      fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(copy, "tsconfig.json"));
      fs.mkdirSync(path.join(copy, "target"));
      // our compiled JavaScript, kept by content: the copy's unchanged modules need not load swc
      const js = path.join(ROOT, ".workbook", "cache", "js");
      if (fs.existsSync(js)) fs.cpSync(js, path.join(copy, ".workbook", "cache", "js"), { recursive: true });
      vi.resetModules();
      vi.doMock("../../lib/workbook/paths", async (original) => {
        const real = await original<typeof import("../../lib/workbook/paths")>();
        return {
          ...real,
          ROOT: copy,
          CHECKS_DIR: path.join(copy, "checks"),
          HIDDEN_CHECKS_DIR: path.join(copy, "checks", "hidden"),
          targetFile: (target: string, file: string) => path.resolve(copy, target, file),
        };
      });
      const { buildSandbox } = await import("../../lib/workbook/build");
      const { libStamp } = await import("../../lib/workbook/typecheck");
      age(); // the copy's files count as old: the memos keep what they read
      const built = () => {
        const box = buildSandbox("target", "tcp-connections.ts");
        expect(box.root.startsWith(copy)).toBe(true);
        return fs.readFileSync(path.join(box.root, "lib/workbook/not-implemented.js"), "utf8");
      };
      const stamp = libStamp();
      expect(built()).toContain("ERR_WORKBOOK_NOT_IMPLEMENTED");
      expect(libStamp()).toBe(stamp);

      // a module the sandbox holds, edited: same size, modification time put back
      editInPlace(path.join(copy, "lib/workbook/not-implemented.ts"), 'NOT_IMPLEMENTED"', 'NOT_IMPLEMENTEX"');
      expect(built()).toContain("ERR_WORKBOOK_NOT_IMPLEMENTEX");
      const edited = libStamp();
      expect(edited).not.toBe(stamp);

      // the sandbox's own copy of it, changed behind the builder's back: written again
      const box = buildSandbox("target", "tcp-connections.ts");
      editInPlace(path.join(box.root, "lib/workbook/not-implemented.js"), "NOT_IMPLEMENTEX", "NOT_IMPLEMENTEY");
      expect(built()).toContain("ERR_WORKBOOK_NOT_IMPLEMENTEX");

      // a module added to lib/ is a source of the type cache's stamp too, and gets its placeholder
      fs.writeFileSync(path.join(copy, "lib/http/added-later.ts"), "export const later = 1;\n");
      expect(libStamp()).not.toBe(edited);
      expect(fs.readFileSync(path.join(buildSandbox("target", "tcp-connections.ts").root, "lib/http/added-later.js"), "utf8")).toMatch(
        /is not available in this exercise/,
      );
    } finally {
      vi.doUnmock("../../lib/workbook/paths");
      vi.resetModules();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
