// readFileUpTo (lib/read-file.ts): what the workbook reads by name is read
// only when it is an ordinary file of a size it could have written; anything
// else counts as missing, at once, never as a read that waits for ever.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readFileUpTo } from "../../lib/read-file";

describe("readFileUpTo", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-read-file-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads an ordinary file up to the limit, and nothing bigger, missing or not a file", () => {
    const file = path.join(dir, "entry.json");
    fs.writeFileSync(file, "[1,2]");
    expect(readFileUpTo(file, 5)).toBe("[1,2]");
    expect(readFileUpTo(file, 4)).toBeUndefined();
    expect(readFileUpTo(path.join(dir, "missing.json"), 100)).toBeUndefined();
    expect(readFileUpTo(dir, 100)).toBeUndefined();
  });

  // a pipe's read waits for a writer that never comes: the check must not start it
  it.runIf(process.platform !== "win32")("gives a pipe as missing instead of waiting on it", () => {
    const fifo = path.join(dir, "pipe.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    expect(readFileUpTo(fifo, 100)).toBeUndefined();
  });

  it.runIf(fs.existsSync("/dev/zero"))("gives a device as missing (/dev/zero reads without end)", () => {
    expect(readFileUpTo("/dev/zero", 100)).toBeUndefined();
  });
});
