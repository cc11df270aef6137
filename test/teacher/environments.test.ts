// The one-click environments: the dev container's post-create commands are
// the ones .ci/run installs every clean clone with (so each CI run executes
// them on a fresh clone), and the Binder and Docker files carry the commands
// they need. (Docker itself is not run here: the CI machine has no Docker engine.)
import * as fs from "node:fs";
import * as path from "node:path";
import type * as TypeScript from "typescript";
import { describe, expect, it } from "vitest";

// required, not imported: an import reads TypeScript's 9 MB as Node reads an ES module's dependency
// (its syntax checked, its exports listed, then loaded), half a second more in every test worker
const ts: typeof TypeScript = require("typescript");

const ROOT = path.resolve(__dirname, "..", "..");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");

/** devcontainer.json is JSON with comments; TypeScript's tsconfig reader takes that. */
function devcontainer(): any {
  const parsed = ts.parseConfigFileTextToJson("devcontainer.json", read(".devcontainer/devcontainer.json"));
  if (parsed.error) throw new Error(ts.flattenDiagnosticMessageText(parsed.error.messageText, "\n"));
  return parsed.config;
}

describe("dev container (Codespaces, VS Code)", () => {
  it("uses Node 20 and Python 3, opens the first notebook and forwards JupyterLab's port", () => {
    const c = devcontainer();
    expect(c.image).toMatch(/javascript-node:.*20/);
    expect(Object.keys(c.features ?? {}).some((f) => f.includes("features/python"))).toBe(true);
    expect(c.forwardPorts).toContain(8888);
    expect(c.customizations.codespaces.openFiles).toContain("notebooks/00-start-here.ipynb");
    expect(c.remoteEnv.JUPYTER_PATH).toMatch(/\.venv\/share\/jupyter$/);
    expect(Object.values(c.postAttachCommand).join(" ")).toMatch(/^npm start -- .*--ip=0\.0\.0\.0 .*--port=8888/);
  });

  it("its post-create commands are what CI installs a fresh clone with, so every CI run proves them", () => {
    expect(devcontainer().postCreateCommand).toMatch(/^npm ci\b.* && npm run setup$/);
    const ci = read(".ci/run");
    // .ci/run reads the command out of devcontainer.json and runs it before anything else
    expect(ci).toContain('readFileSync(".devcontainer/devcontainer.json", "utf8")');
    expect(ci).toMatch(/^step "dev container post-create: \$post_create" bash -c "\$post_create"$/m);
    expect(ci.indexOf('bash -c "$post_create"')).toBeLessThan(ci.indexOf("npm run typecheck"));
    expect(ci).not.toMatch(/^step "npm ci"/m);
  });
});

describe("Binder (repo2docker)", () => {
  it("installs Python and Node 20, runs the README's set-up and shows Binder's Jupyter the kernel", () => {
    const env = read("binder/environment.yml");
    expect(env).toMatch(/^\s*- python=3/m);
    expect(env).toMatch(/^\s*- nodejs=20/m);
    expect(env).toMatch(/^\s*- jupyterlab/m);
    const postBuild = read("binder/postBuild");
    expect(postBuild).toMatch(/^npm ci\b/m);
    expect(postBuild).toMatch(/^npm run setup$/m);
    expect(read("binder/start")).toMatch(/JUPYTER_PATH="\$PWD\/\.venv\/share\/jupyter/);
    expect(read("binder/start")).toMatch(/^exec "\$@"$/m);
    for (const f of ["binder/postBuild", "binder/start"])
      expect(fs.statSync(path.join(ROOT, f)).mode & 0o111, `${f} is executable`).not.toBe(0);
  });
});

describe("Docker", () => {
  it("builds from Node 20 with Python's venv, installs and sets up, serves JupyterLab on 8888", () => {
    const lines = read("Dockerfile")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(lines[0]).toMatch(/^FROM node:20\b/);
    const text = lines.join("\n");
    expect(text).toMatch(/apt-get install .*python3-venv/);
    expect(text).toMatch(/^RUN npm ci\b/m);
    expect(text).toMatch(/^RUN npm run setup$/m);
    expect(text).toMatch(/^EXPOSE 8888$/m);
    expect(text).toMatch(/^CMD \["npm", "start", "--", "--no-browser", "--ip=0\.0\.0\.0", "--port=8888"\]$/m);
    expect(read(".dockerignore").split("\n")).toEqual(expect.arrayContaining(["node_modules", ".venv"]));
  });
});

describe("the README", () => {
  it("carries the Codespaces and Binder badges and the Docker commands", () => {
    const readme = read("README.md");
    expect(readme).toMatch(
      /\[!\[Open in GitHub Codespaces\]\(https:\/\/github\.com\/codespaces\/badge\.svg\)\]\(https:\/\/codespaces\.new\//,
    );
    expect(readme).toMatch(/\[!\[Binder\]\(https:\/\/mybinder\.org\/badge_logo\.svg\)\]\(https:\/\/mybinder\.org\/v2\/gh\//);
    expect(readme).toContain("docker build -t http-workbook .");
    expect(readme).toContain("docker run --rm -p 8888:8888 http-workbook");
  });
});
