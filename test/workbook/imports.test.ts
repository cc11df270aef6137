// tslab resolves a notebook's relative imports by appending ".js" to the path
// unless it already has an extension, so it cannot import a folder (index.ts)
// or a file whose name contains a dot. This keeps every import tslab-safe.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../lib/workbook/paths";

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? tsFiles(p) : d.name.endsWith(".ts") ? [p] : [];
  });
}

describe("imports the tslab kernel can follow", () => {
  // solutions/ is absent from a student copy (release)
  for (const folder of ["lib", "exercises", "solutions"].filter((f) => fs.existsSync(path.join(ROOT, f)))) {
    it(`${folder}/: every relative import names a .ts file, without a dot in its name`, () => {
      const bad: string[] = [];
      for (const file of tsFiles(path.join(ROOT, folder))) {
        const src = fs
          .readFileSync(file, "utf8")
          .replace(/\/\*[\s\S]*?\*\//g, "")
          .replace(/\/\/.*$/gm, "");
        for (const m of src.matchAll(/(?:from|import|require\()\s*["'](\.{1,2}\/[^"']*)["']/g)) {
          const spec = m[1];
          const target = path.resolve(path.dirname(file), spec);
          const ok = path.extname(spec) === "" && fs.existsSync(`${target}.ts`);
          if (!ok) bad.push(`${path.relative(ROOT, file)}: "${spec}"`);
        }
      }
      expect(bad).toEqual([]);
    });
  }
});
