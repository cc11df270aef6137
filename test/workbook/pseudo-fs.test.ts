// Where the CLI never writes (lib/workbook/pseudo-fs.ts): the kernel's pseudo
// file systems, found by their type, so a proc or sysfs mounted anywhere counts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../lib/workbook/paths";
import { onPseudoFileSystem } from "../../lib/workbook/pseudo-fs";

// statfs's types are Linux's: elsewhere there is no /proc to find
describe.runIf(fs.existsSync("/proc/self/stat"))("a pseudo file system", () => {
  it("is proc or sysfs, found by type, also for a name not yet there below it", () => {
    expect(onPseudoFileSystem("/proc")).toBe(true);
    expect(onPseudoFileSystem("/proc/self/no-such-file")).toBe(true);
    expect(onPseudoFileSystem("/sys/kernel")).toBe(true);
  });

  it("is not the workbook, a temporary folder, or a new folder below one", () => {
    expect(onPseudoFileSystem(ROOT)).toBe(false);
    expect(onPseudoFileSystem(os.tmpdir())).toBe(false);
    expect(onPseudoFileSystem(path.join(os.tmpdir(), "no-such-folder", "x"))).toBe(false);
  });
});
