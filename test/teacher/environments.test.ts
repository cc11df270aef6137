// The one-click environments: the dev container's post-create commands really
// set the workbook up in a fresh copy, and the Binder and Docker files carry
// the commands they need. (Docker itself is not run here: the CI machine has
// no Docker engine.)
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { releaseFiles } from "../../lib/workbook/release";

const ROOT = path.resolve(__dirname, "..", "..");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), "utf8");

/** devcontainer.json is JSON with comments; TypeScript's tsconfig reader takes that. */
function devcontainer(): any {
  const parsed = ts.parseConfigFileTextToJson("devcontainer.json", read(".devcontainer/devcontainer.json"));
  if (parsed.error) throw new Error(ts.flattenDiagnosticMessageText(parsed.error.messageText, "\n"));
  return parsed.config;
}

describe("dev container (Codespaces, VS Code)", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-devcontainer-"));
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it("uses Node 20 and Python 3, opens the first notebook and forwards JupyterLab's port", () => {
    const c = devcontainer();
    expect(c.image).toMatch(/javascript-node:.*20/);
    expect(Object.keys(c.features ?? {}).some((f) => f.includes("features/python"))).toBe(true);
    expect(c.forwardPorts).toContain(8888);
    expect(c.customizations.codespaces.openFiles).toContain("notebooks/00-start-here.ipynb");
    expect(c.remoteEnv.JUPYTER_PATH).toMatch(/\.venv\/share\/jupyter$/);
    expect(Object.values(c.postAttachCommand).join(" ")).toMatch(/^npm start -- .*--ip=0\.0\.0\.0 .*--port=8888/);
  });

  it(
    "its post-create commands set up a fresh copy: node_modules, Jupyter in .venv, the workbook kernel",
    () => {
      for (const rel of releaseFiles(ROOT, { keepTeacherFiles: true })) {
        fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
        fs.copyFileSync(path.join(ROOT, rel), path.join(copy, rel));
      }
      expect(fs.existsSync(path.join(copy, "node_modules"))).toBe(false);
      const run = spawnSync("bash", ["-c", devcontainer().postCreateCommand], {
        cwd: copy,
        encoding: "utf8",
        // the packages are in npm's cache already (CI ran npm ci); a user's machine downloads them
        env: { ...process.env, npm_config_prefer_offline: "true" },
        timeout: 15 * 60_000,
      });
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
      const spec = JSON.parse(fs.readFileSync(path.join(copy, ".venv/share/jupyter/kernels/workbook/kernel.json"), "utf8"));
      expect(spec.display_name).toBe("TypeScript (workbook)");
      expect(spec.argv[1]).toBe(path.join(copy, "scripts", "kernel.js"));
      const jupyter = spawnSync(path.join(copy, ".venv/bin/jupyter"), ["kernelspec", "list", "--json"], { encoding: "utf8", cwd: copy });
      expect(Object.keys(JSON.parse(jupyter.stdout).kernelspecs)).toContain("workbook");
    },
    16 * 60_000,
  );
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
