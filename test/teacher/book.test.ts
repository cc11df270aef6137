// The course site's configuration: every notebook, in both languages, is a
// page of the site; pages can be launched live; `npm run book` and the Pages
// workflow build and publish _build/html. (The build itself needs mystmd's
// theme from the network, so it runs in the Pages workflow, not here.)
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { listNotebooks } from "../../scripts/notebooks";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");
const tocFiles = () => [...read("myst.yml").matchAll(/^\s*- file: (.+)$/gm)].map((m) => m[1].trim());

describe("the course site (mystmd)", () => {
  it("has every notebook, English and Korean, in its table of contents, and nothing that does not exist", () => {
    const toc = tocFiles();
    for (const nb of [...listNotebooks("en"), ...listNotebooks("ko")])
      expect(toc, `${nb} is not a page of the site`).toContain(nb.split(path.sep).join("/"));
    for (const file of toc)
      expect(fs.existsSync(path.join(ROOT, file)), `${file} is in the table of contents but does not exist`).toBe(true);
  });

  it("launches a page live on Binder and offers Codespaces", () => {
    const yml = read("myst.yml");
    expect(yml).toMatch(/^\s+thebe:\n\s+binder:\n\s+repo: OWNER\/REPO\n\s+provider: github/m);
    expect(yml).toMatch(/url: https:\/\/codespaces\.new\/OWNER\/REPO/);
    expect(yml).toMatch(/^\s+template: book-theme$/m);
  });

  it("npm run book builds with execution, and the workflow publishes _build/html for this repository", () => {
    expect(JSON.parse(read("package.json")).scripts.book).toBe("node scripts/book.js");
    expect(read("scripts/book.js")).toContain('["build", "--html", "--execute"');
    const workflow = read(".github/workflows/book.yml");
    expect(workflow).toMatch(/- run: npm ci\b/);
    expect(workflow).toMatch(/sed -i "s#OWNER\/REPO#\$\{GITHUB_REPOSITORY\}#g" myst\.yml/);
    expect(workflow).toMatch(/- run: npm run book\n\s+env:\n\s+(#.*\n\s+)?BASE_URL: /);
    expect(workflow).toMatch(/path: _build\/html/);
    expect(workflow).toContain("actions/deploy-pages@");
  });
});
