// Type errors in an exercise file show under the verdict (file, line,
// message) and do not stop the check: the code still runs and is graded.
import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { runChecks } from "../../lib/workbook/run-check";
import { ROOT } from "../../lib/workbook/paths";
import { CACHE_DIR } from "../../lib/workbook/build";
import { typeErrors } from "../../lib/workbook/typecheck";

const TARGET = ".tmp-typecheck-test";

describe("type errors", () => {
  afterAll(() => fs.rmSync(path.join(ROOT, TARGET), { recursive: true, force: true }));
  afterEach(() => resetLanguage());

  /** An answer to 4.1b with one type error, on line 2. */
  const withTypeError = () => {
    fs.mkdirSync(path.join(ROOT, TARGET), { recursive: true });
    fs.writeFileSync(
      path.join(ROOT, TARGET, "tcp-connections.ts"),
      [
        "export function segmentCount(bytes: number, mss = 1460): number {",
        "  const label: string = bytes; // a type error: number is not string",
        "  return label === undefined ? 0 : 1;",
        "}",
        "",
      ].join("\n"),
    );
  };

  it("are listed with file and line under a verdict that is still decided", async () => {
    withTypeError();
    const [v] = await runChecks(["4.1b"], { target: TARGET, onOutput: () => {} });
    expect(v.typeErrors).toHaveLength(1);
    expect(v.typeErrors[0]).toMatch(new RegExp(`^${TARGET}/tcp-connections.ts:2:9 Type 'number' is not assignable to type 'string'`));
    expect(v.status).toBe("failed"); // graded anyway: it returns 1 for every input
    expect(v.public.passed).toBeGreaterThan(0);
  }, 60_000);

  it("read in the student's language, whichever language checked the file first; a file without errors has none in either", () => {
    withTypeError();
    fs.writeFileSync(path.join(ROOT, TARGET, "tcp-performance.ts"), "export const handshakeShare = (rttMs: number): number => rttMs;\n");
    const files = ["tcp-connections.ts", "tcp-performance.ts"];
    setLanguage("en");
    const en = typeErrors(TARGET, files);
    setLanguage("ko");
    const ko = typeErrors(TARGET, files);
    expect(en.get("tcp-connections.ts")).toEqual([`${TARGET}/tcp-connections.ts:2:9 Type 'number' is not assignable to type 'string'.`]);
    expect(ko.get("tcp-connections.ts")).toEqual([`${TARGET}/tcp-connections.ts:2:9 'number' 형식은 'string' 형식에 할당할 수 없습니다.`]);
    expect(en.get("tcp-performance.ts")).toEqual([]);
    expect(ko.get("tcp-performance.ts")).toEqual([]);
  }, 60_000);
  it("are cached once for a file however it is checked (alone, or with every file as setup does), through edits to other files, and follow an edit to a file it imports", () => {
    fs.mkdirSync(path.join(ROOT, TARGET), { recursive: true });
    const write = (file: string, text: string) => fs.writeFileSync(path.join(ROOT, TARGET, file), text);
    const tag = `// ${process.pid} ${Date.now()}\n`; // new texts: new cache entries
    write("tcp-connections.ts", `${tag}export const mss = "1460";\n`);
    write("tcp-performance.ts", `${tag}import { mss } from "./tcp-connections";\nexport const segmentBytes: number = mss;\n`);
    const error = [`${TARGET}/tcp-performance.ts:3:14 Type 'string' is not assignable to type 'number'.`];
    const dir = path.join(CACHE_DIR, "types");
    // entries holding this error (tests beside this one cache errors of their own, never this one)
    const cachedErrors = () =>
      fs.readdirSync(dir).filter((f) => fs.readFileSync(path.join(dir, f), "utf8") === JSON.stringify(error)).length;
    const before = fs.existsSync(dir) ? cachedErrors() : 0;
    expect(typeErrors(TARGET, ["tcp-connections.ts", "tcp-performance.ts"]).get("tcp-performance.ts")).toEqual(error);
    expect(cachedErrors()).toBe(before + 1);
    expect(typeErrors(TARGET, ["tcp-performance.ts"]).get("tcp-performance.ts")).toEqual(error);
    expect(cachedErrors()).toBe(before + 1); // read from the entry the check of both wrote
    // an edit to a file it does not import keeps its entry
    write("http-connection-handling.ts", `${tag}export const unrelated = 1;\n`);
    expect(typeErrors(TARGET, ["tcp-performance.ts"]).get("tcp-performance.ts")).toEqual(error);
    expect(cachedErrors()).toBe(before + 1);
    write("tcp-connections.ts", `${tag}export const mss = 1460;\n`);
    expect(typeErrors(TARGET, ["tcp-performance.ts"]).get("tcp-performance.ts")).toEqual([]);
  }, 60_000);
  it("come again, not as a stack trace, when the cached answer is torn (a check stopped mid-write, a full disk)", () => {
    withTypeError();
    // a file of its own, so its cache entry is new and the one this test finds
    fs.appendFileSync(path.join(ROOT, TARGET, "tcp-connections.ts"), `// ${process.pid} ${Date.now()}\n`);
    const dir = path.join(CACHE_DIR, "types");
    const before = new Set(fs.existsSync(dir) ? fs.readdirSync(dir) : []);
    const first = typeErrors(TARGET, ["tcp-connections.ts"]).get("tcp-connections.ts");
    // this file's entry: the new one holding its errors (tests run beside this one may add entries of their own)
    const added = fs.readdirSync(dir).filter((f) => !before.has(f) && fs.readFileSync(path.join(dir, f), "utf8") === JSON.stringify(first));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/\.json$/);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`${added[0]}.`))).toEqual([]); // no temporary file left beside it
    for (const torn of ["[", "", '{"a":1}', "[1,2]"]) {
      fs.writeFileSync(path.join(dir, added[0]), torn);
      expect(typeErrors(TARGET, ["tcp-connections.ts"]).get("tcp-connections.ts")).toEqual(first);
      expect(JSON.parse(fs.readFileSync(path.join(dir, added[0]), "utf8"))).toEqual(first); // and the entry is mended
    }
  }, 60_000);
});
