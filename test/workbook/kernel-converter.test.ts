// The notebook kernel compiles each cell with tslab's converter, which the
// workbook patches (patches/tslab+1.0.22.patch, applied by npm's postinstall)
// to build one plain program per cell instead of two builder programs, to run
// the declaration pass once, and to list the @types packages once; and its
// TypeScript (patches/@tslab+typescript-for-tslab+5.0.4.patch) to reuse a
// program's files when a cell's declarations only name a module again. What a
// cell gives must not change: its exports, its declarations for the next
// cell, top-level await, every error a failing cell had, and the workbook's
// own TypeScript files it imports, compiled beside it.
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../lib/workbook/paths";

const TSLAB = path.join(ROOT, "node_modules", "tslab");
const CONVERTER = path.join(TSLAB, "dist", "converter.js");

interface Converted {
  output?: string;
  sideOutputs?: { path: string; data: string }[];
  declOutput?: string;
  diagnostics: { code: number; messageText: string; start: { line: number; character: number } }[];
  hasToplevelAwait?: boolean;
}
type Converter = { convert(prevDecl: string, src: string): Converted; close(): void };

describe("the kernel's cell compiler (tslab, patched)", () => {
  let converter: Converter;
  beforeAll(() => {
    const { createConverter } = require(CONVERTER) as { createConverter(): Converter };
    converter = createConverter();
    return () => converter.close();
  }, 60_000);

  const errors = (c: Converted) => c.diagnostics.map((d) => [d.code, d.start.line, d.messageText]);

  it("is the patched one: npm's postinstall applied patches/", () => {
    expect(fs.readFileSync(CONVERTER, "utf8")).toContain("workbook patch");
  });

  it("exports a cell's top-level names, and declares them for the next cell", () => {
    const first = converter.convert(
      "",
      "const mss = 1460;\nfunction segments(bytes: number) { return Math.ceil(bytes / mss); }\ntype Bytes = number;",
    );
    expect(errors(first)).toEqual([]);
    expect(first.output).toContain("exports.mss = mss;");
    expect(first.output).not.toContain("no-default-lib"); // the patch's mark that skips a second type check is taken out
    expect(first.output).toContain("exports.segments = segments;");
    expect(first.declOutput).toBe("declare const mss = 1460;\ndeclare function segments(bytes: number): number;\ntype Bytes = number;\n");
    const second = converter.convert(first.declOutput!, "const n: Bytes = segments(3000);\nn");
    expect(errors(second)).toEqual([]);
    expect(second.output).toContain("exports.segments(3000)");
    const wrong = converter.convert(first.declOutput!, "const s: string = segments(1);");
    expect(errors(wrong)).toEqual([[2322, 0, "Type 'number' is not assignable to type 'string'."]]);
  });

  it("runs a cell with no names of its own, and one with top-level await", () => {
    expect(errors(converter.convert("", "1 + 1"))).toEqual([]);
    const waits = converter.convert("", "let q = 1;\nawait Promise.resolve(q);");
    expect(errors(waits)).toEqual([]);
    expect(waits.hasToplevelAwait).toBe(true);
  });

  it("fails a cell whose declarations cannot be written, as the declaration pass says, with its type errors beside them", () => {
    const privateMember = "Property 'y' of exported class expression may not be private or protected.";
    expect(errors(converter.convert("", "const v = new (class { private y = 2 })();"))).toEqual([[4094, 0, privateMember]]);
    const both = converter.convert("", "const a: string = 1;\nconst v = new (class { private y = 2 })();");
    expect(errors(both)).toEqual([
      [2322, 0, "Type 'number' is not assignable to type 'string'."],
      [4094, 1, privateMember],
    ]);
    expect(both.output).toBeUndefined();
    // and the cells after them compile as before: a failing cell leaves nothing behind
    const after = converter.convert("", "const fine = 1;\nfine");
    expect(errors(after)).toEqual([]);
    expect(after.output).toContain("exports.fine = fine;");
    expect(errors(converter.convert("", "let again = 2;"))).toEqual([]);
  });

  it("compiles the TypeScript files a cell imports, through imports and reference paths, once each", () => {
    // inside the workbook: the kernel's root is tslab's rootDir, and a file outside it cannot be emitted
    const dir = fs.mkdtempSync(path.join(ROOT, ".workbook-kernel-converter-"));
    try {
      const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
      write(
        "area.ts",
        '/// <reference path="./ref.ts" />\nimport { twice } from "./twice";\nimport type { Shape } from "./shape";\nexport const area = (s: Shape) => twice(s.w * s.h);\n',
      );
      write("twice.ts", "export function twice(n: number): number {\n  return 2 * n;\n}\n");
      write("ref.ts", "const referenced = 1;\n");
      write("shape.d.ts", "export interface Shape { w: number; h: number }\n");
      const rel = `./${path.basename(dir)}`;
      const first = converter.convert("", `import { area } from "${rel}/area";\nconst six = area({ w: 1, h: 3 });`);
      expect(errors(first)).toEqual([]);
      const side = (c: Converted) => (c.sideOutputs ?? []).map((o) => path.relative(dir, o.path));
      expect(side(first)).toEqual(["area.js", "ref.js", "twice.js"]); // never the declaration file
      expect(first.sideOutputs?.find((o) => o.path.endsWith("area.js"))?.data).toContain('require("./twice")');
      // already compiled and unchanged: not again
      const again = converter.convert(first.declOutput!, `import { twice } from "${rel}/twice";\ntwice(six)`);
      expect(errors(again)).toEqual([]);
      expect(side(again)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("knows Node's types, which come from the @types packages it lists", () => {
    const server = converter.convert(
      "",
      'import * as net from "node:net";\nconst server: net.Server = net.createServer();\nconst n: number = server;',
    );
    expect(errors(server)).toEqual([[2322, 2, "Type 'Server' is not assignable to type 'number'."]]);
  });

  it("keeps the program's files when a file names a module it imported already, and finds a new one", () => {
    // the kernel's TypeScript, patched: declarations of earlier cells name import("./lib/i18n") again with
    // almost every cell, which walked every file of the program again (structureIsReused: 2 is "completely")
    type Ts = typeof import("typescript");
    const ts = require(require.resolve("@tslab/typescript-for-tslab", { paths: [TSLAB] })) as Ts;
    const files = new Map([
      ["/p/a.d.ts", 'export declare const x: import("./b").B;\n'],
      ["/p/b.d.ts", "export type B = number;\n"],
      ["/p/c.d.ts", "export type C = string;\n"],
    ]);
    const parsed = new Map<string, import("typescript").SourceFile>();
    const host: import("typescript").CompilerHost = {
      getSourceFile: (f, v) => {
        const text = files.get(f);
        if (text === undefined) return undefined;
        const key = `${f}\0${text}`;
        if (!parsed.has(key)) parsed.set(key, ts.createSourceFile(f, text, v));
        return parsed.get(key);
      },
      getDefaultLibFileName: () => "/lib.d.ts",
      writeFile: () => {},
      getCurrentDirectory: () => "/p",
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => "\n",
      fileExists: (f) => files.has(f),
      readFile: (f) => files.get(f),
    };
    const options = { noLib: true, types: [], module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Node10 };
    const next = (text: string, old: import("typescript").Program) => {
      files.set("/p/a.d.ts", text);
      return ts.createProgram(["/p/a.d.ts"], options, host, old);
    };
    const reuse = (p: import("typescript").Program) => (p as unknown as { structureIsReused: number }).structureIsReused;
    const names = (p: import("typescript").Program) =>
      p
        .getSourceFiles()
        .map((f) => f.fileName)
        .sort();
    const first = ts.createProgram(["/p/a.d.ts"], options, host);
    const again = next('export declare const x: import("./b").B;\nexport declare const y: import("./b").B;\n', first);
    expect(reuse(again)).toBe(2);
    expect(names(again)).toEqual(["/p/a.d.ts", "/p/b.d.ts"]);
    const other = next('export declare const x: import("./b").B;\nexport declare const z: import("./c").C;\n', again);
    expect(reuse(other)).toBe(1); // a module not imported before: its file is looked for and added
    expect(names(other)).toEqual(["/p/a.d.ts", "/p/b.d.ts", "/p/c.d.ts"]);
  });
});
