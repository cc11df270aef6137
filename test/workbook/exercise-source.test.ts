// An exercise file in the middle of an edit, gone, a folder, or far too big:
// each is the verdict of that file's exercises, never a stack trace, and the
// other files are graded as usual (a syntax error in one file made every
// check end in swc's stack trace, and a 50 MB file took the grader past its heap).
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_EXERCISE_BYTES } from "../../lib/workbook/exercise-source";
import { ROOT } from "../../lib/workbook/paths";
import { runChecks } from "../../lib/workbook/run-check";
import { typeErrors } from "../../lib/workbook/typecheck";

const TARGET = ".tmp-exercise-source-test";
const dir = path.join(ROOT, TARGET);
const file = path.join(dir, "tcp-connections.ts");
const fresh = () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(ROOT, "exercises", "tcp-performance.ts"), path.join(dir, "tcp-performance.ts")); // a stub
};

describe("an exercise file the grader cannot use", () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a syntax error fails that file's exercises with swc's words (no back trace); another file is graded", async () => {
    fresh();
    fs.writeFileSync(file, "export function hostAndPort(((url: string) {\n  return 1;\n}\n");
    const [broken, other] = await runChecks(["4.1a", "4.2a"], { target: TARGET, onOutput: () => {}, typeCheck: false });
    expect(broken.status).toBe("failed");
    expect(broken.message).toContain(`${TARGET}/tcp-connections.ts does not parse`);
    expect(broken.message).not.toMatch(/Caused by|Stack backtrace|\/tmp\/|\/work\//);
    expect(other.status).toBe("not-started");
  }, 60_000);

  it.each([
    ["a folder", () => fs.mkdirSync(file), /is not a file/],
    [
      "a file past the limit",
      () => fs.writeFileSync(file, `// ${"x".repeat(MAX_EXERCISE_BYTES)}\n`),
      /bytes; an exercise file is graded up to/,
    ],
  ])(
    "%s fails its exercises, unread, and leaves the type check to the others",
    async (_name, make, says) => {
      fresh();
      make();
      const [v] = await runChecks(["4.1a"], { target: TARGET, onOutput: () => {}, typeCheck: false });
      expect(v.status).toBe("failed");
      expect(v.message).toMatch(says);
      expect(typeErrors(TARGET, ["tcp-connections.ts"]).has("tcp-connections.ts")).toBe(false);
    },
    60_000,
  );
});
