// Files of .workbook/ are written whole, and a file system that refuses (a
// read-only workbook, a full disk) costs a record or a cache entry, never the
// answer the command already computed. A path under a regular file stands in
// for a refusing file system: it fails (ENOTDIR) even for root, who may write
// into a read-only folder.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { loadLabResult, MAX_LAB_RESULT_BYTES, saveLabResult } from "../../lib/lab/saved";
import { cacheQuietly, saveRecord, writeFileAtomic } from "../../lib/write-atomic";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-write-"));
const aFile = path.join(dir, "a-file");
fs.writeFileSync(aFile, "");
const refused = path.join(aFile, "sub", "x.json");

describe("writing .workbook/ files", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it("writes the whole text and leaves no temporary file; an error names the file, not the temporary one", () => {
    const to = path.join(dir, "deep", "r.json");
    writeFileAtomic(to, "one");
    writeFileAtomic(to, "two");
    expect(fs.readFileSync(to, "utf8")).toBe("two");
    expect(fs.readdirSync(path.dirname(to))).toEqual(["r.json"]);
    fs.mkdirSync(path.join(dir, "isdir.json"));
    expect(() => writeFileAtomic(path.join(dir, "isdir.json"), "x")).toThrow(
      expect.objectContaining({ path: path.join(dir, "isdir.json") }),
    );
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a record that cannot be saved is one line on stderr naming it, not an error", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(saveRecord(refused, "{}")).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(refused);
    expect(String(warn.mock.calls[0][0])).toMatch(/ENOTDIR|EEXIST/);
    expect(saveRecord(path.join(dir, "ok.json"), "{}")).toBe(true);
  });

  it("a cache entry that cannot be saved is dropped without a word", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(() => cacheQuietly(refused, "x")).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
  });

  it("a lab's result that cannot be saved is one line on stderr; one that can is read back whole", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(saveLabResult("nagle", { a: 1 }, path.join(aFile, "labs"))).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(path.join(aFile, "labs", "nagle.json"));
    expect(saveLabResult("nagle", { a: 1 }, path.join(dir, "labs"))).toBe(true);
    expect(loadLabResult("nagle", path.join(dir, "labs"))).toEqual({ a: 1 });
    expect(fs.readdirSync(path.join(dir, "labs"))).toEqual(["nagle.json"]);
  });

  it("a saved result far bigger than any lab writes, or one that is not a file, is not read", () => {
    const labs = path.join(dir, "big-labs");
    fs.mkdirSync(path.join(labs, "close.json"), { recursive: true }); // a folder in its place
    fs.writeFileSync(path.join(labs, "nagle.json"), `{"a":"${"x".repeat(MAX_LAB_RESULT_BYTES)}"}`);
    expect(loadLabResult("nagle", labs)).toBeUndefined();
    expect(loadLabResult("close", labs)).toBeUndefined();
  });
});
