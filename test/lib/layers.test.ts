// The layers of lib/ and the one direction of their imports (docs/ARCHITECTURE.md
// "Layers"):
//
//   base (errors.ts, i18n.ts, read-file.ts, stats.ts, time.ts, write-atomic.ts) <- tcp <- sim <- http <- viz / lab <- workbook <- index.ts
//
// A file may import from its own layer or from a layer below, never from one
// above; no two files may import each other, directly or round a longer
// loop (type-only imports count: a cycle of types is still two ideas that
// cannot be read apart); and lib/ never imports the teacher's or the
// student's code (checks/, exercises/, solutions/) or the tests. The imports
// are read with TypeScript's own pre-processor (every `import`, `export ...
// from`, `import type`, `require()` and `import()`), so a comment that
// mentions a path is not an import.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type * as TypeScript from "typescript";
import { describe, expect, it } from "vitest";

// required, not imported: an import reads TypeScript's 9 MB as Node reads an ES module's dependency
// (its syntax checked, its exports listed, then loaded), half a second more in every test worker
const ts: typeof TypeScript = require("typescript");

const ROOT = path.resolve(__dirname, "..", "..");

/** Lowest first. A path ending in "/" is a folder of lib/, any other a file of lib/. */
const LAYERS: readonly { name: string; members: readonly string[] }[] = [
  { name: "base", members: ["errors.ts", "i18n.ts", "read-file.ts", "stats.ts", "time.ts", "write-atomic.ts"] },
  { name: "tcp", members: ["tcp/"] },
  { name: "sim", members: ["sim/"] },
  { name: "http", members: ["http/"] },
  { name: "viz / lab", members: ["viz/", "lab/"] },
  { name: "workbook", members: ["workbook/"] },
  { name: "index", members: ["index.ts"] },
];

/** Folders next to lib/ that lib/ must never import. */
const FORBIDDEN = ["checks", "exercises", "solutions", "test"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(ts|js)$/.test(d.name) && !d.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** The file a relative import names, as Node and TypeScript resolve it; undefined if none. */
function resolve(from: string, spec: string): string | undefined {
  const target = path.resolve(path.dirname(from), spec);
  return [target, `${target}.ts`, `${target}.js`, path.join(target, "index.ts")].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

/**
 * Everything wrong with the imports of the tree at `root` (a repository with a
 * lib/ folder): one line per problem, naming the file and the import.
 */
function layerProblems(root: string): string[] {
  const lib = path.join(root, "lib");
  const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
  const layerOf = (file: string): number | undefined => {
    const inLib = path.relative(lib, file).split(path.sep).join("/");
    const i = LAYERS.findIndex((l) => l.members.some((m) => (m.endsWith("/") ? inLib.startsWith(m) : inLib === m)));
    return i < 0 ? undefined : i;
  };

  const problems: string[] = [];
  const graph = new Map<string, string[]>();
  const files = sourceFiles(lib).sort();
  for (const file of files) {
    const layer = layerOf(file);
    if (layer === undefined) problems.push(`${rel(file)} belongs to no layer: add its folder to LAYERS in test/lib/layers.test.ts`);
    const imports = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles.map((i) => i.fileName);
    const edges: string[] = [];
    for (const spec of imports.filter((s) => s.startsWith("."))) {
      const target = resolve(file, spec);
      if (target === undefined) {
        problems.push(`${rel(file)} imports "${spec}", which is no file`);
        continue;
      }
      const outside = path.relative(lib, target).split(path.sep)[0] === "..";
      if (outside) {
        const top = path.relative(root, target).split(path.sep)[0];
        if (FORBIDDEN.includes(top)) problems.push(`${rel(file)} imports "${spec}" (${rel(target)}): lib/ may not import ${top}/`);
        continue;
      }
      edges.push(target);
      const to = layerOf(target);
      if (layer !== undefined && to !== undefined && to > layer) {
        problems.push(
          `${rel(file)} imports "${spec}" (${rel(target)}): ${LAYERS[layer].name} may not import ${LAYERS[to].name}, a layer above it`,
        );
      }
    }
    graph.set(file, edges);
  }
  for (const cycle of cycles(graph)) problems.push(`import cycle: ${[...cycle, cycle[0]].map(rel).join(" -> ")}`);
  return problems;
}

/** One loop of files for each group of files that import each other (Tarjan's strongly connected components). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(loopWithin(new Set(component), graph));
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

/** A concrete loop through a group of files that import each other, starting at its first file by name. */
function loopWithin(component: Set<string>, graph: Map<string, string[]>): string[] {
  const start = [...component].sort()[0];
  // breadth-first from start's imports back to start, staying inside the group: the shortest loop
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of (graph.get(v) ?? []).filter((x) => component.has(x)).sort()) {
      if (w === start) {
        const loop = [v];
        while (loop[0] !== start) loop.unshift(cameFrom.get(loop[0])!);
        return loop;
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start]; // unreachable for a strongly connected group
}

describe("layers of lib/", () => {
  it("every import goes down a layer or stays in its own, no file is part of an import cycle, lib/ never imports checks/, exercises/, solutions/ or test/", () => {
    expect(layerProblems(ROOT)).toEqual([]);
  });

  it("the checker itself finds each kind of problem (a small tree in a temporary folder)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-layers-"));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    try {
      write("lib/errors.ts", "export const x = 1;\n");
      write(
        "lib/tcp/a.ts",
        'import { x } from "../errors";\n// import { y } from "../sim/b"; (a comment is not an import)\nexport const a = x;\n',
      );
      write("lib/sim/b.ts", 'import { a } from "../tcp/a";\nexport const b = a;\n');
      expect(layerProblems(root)).toEqual([]);

      write("lib/tcp/up.ts", 'import type { b } from "../sim/b";\nexport type B = typeof b;\n');
      write("lib/sim/c.ts", 'import { d } from "./d";\nexport const c = d;\n');
      write("lib/sim/d.ts", 'export { c as d } from "./c";\n');
      write("lib/http/e.ts", 'const cases = require("../../checks/x");\nimport "./nowhere";\n');
      write("checks/x.ts", "export {};\n");
      write("lib/misc/f.ts", "export {};\n");
      expect(layerProblems(root)).toEqual([
        'lib/http/e.ts imports "../../checks/x" (checks/x.ts): lib/ may not import checks/',
        'lib/http/e.ts imports "./nowhere", which is no file',
        "lib/misc/f.ts belongs to no layer: add its folder to LAYERS in test/lib/layers.test.ts",
        'lib/tcp/up.ts imports "../sim/b" (lib/sim/b.ts): tcp may not import sim, a layer above it',
        "import cycle: lib/sim/c.ts -> lib/sim/d.ts -> lib/sim/c.ts",
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
