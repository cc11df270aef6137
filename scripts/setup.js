#!/usr/bin/env node
// Sets up Jupyter for the workbook, inside the project only:
//   1. a Python virtual environment in .venv with requirements.txt installed,
//   2. the kernel spec "TypeScript (workbook)" in .venv/share/jupyter/kernels,
//      whose launcher (scripts/kernel.js) runs tslab from the workbook root,
//   3. JupyterLab settings that skip the first-run "news" question.
// Idempotent: a second run only checks, and redoes a step whose inputs changed.
// Nothing is installed globally and `tslab install` is never run.
"use strict";
const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const VENV = path.join(ROOT, ".venv");
const WIN = process.platform === "win32";
const MIN_PYTHON = [3, 9];
const KERNEL_NAME = "workbook";
const STAMP = path.join(VENV, ".workbook-requirements.sha256");

const say = (msg) => console.log(`[setup] ${msg}`);

function venvBin(name) {
  return path.join(VENV, WIN ? "Scripts" : "bin", WIN ? `${name}.exe` : name);
}

/** The first python command that runs and is new enough, or a clear exit. */
function findPython() {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : WIN ? ["py", "python", "python3"] : ["python3", "python"];
  for (const cmd of candidates) {
    const r = spawnSync(cmd, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"], { encoding: "utf8" });
    if (r.status !== 0) continue;
    const [major, minor] = r.stdout.trim().split(".").map(Number);
    if (major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) return cmd;
    say(`${cmd} is Python ${major}.${minor}; the workbook needs ${MIN_PYTHON.join(".")} or newer.`);
  }
  throw new SetupError(
    `Python ${MIN_PYTHON.join(".")}+ was not found. Jupyter runs on Python, so please install it:\n` +
      "  Debian/Ubuntu: sudo apt install python3 python3-venv\n" +
      "  macOS:         brew install python\n" +
      "  Windows:       https://www.python.org/downloads/ (tick \"Add python.exe to PATH\")\n" +
      "then run the command again. (Set PYTHON=/path/to/python3 to pick a specific one.)",
  );
}

class SetupError extends Error {}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT });
  if (r.error || r.status !== 0) throw new SetupError(`${what} failed (${cmd} ${args.join(" ")}): ${r.error ? r.error.message : `exit ${r.status}`}`);
}

function requirementsHash() {
  return crypto.createHash("sha256").update(fs.readFileSync(path.join(ROOT, "requirements.txt"))).digest("hex");
}

function ensureVenv() {
  const wanted = requirementsHash();
  if (fs.existsSync(venvBin("python")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === wanted) {
    say("[1/3] Python environment .venv is ready.");
    return;
  }
  if (!fs.existsSync(venvBin("python"))) {
    const python = findPython();
    say(`[1/3] Creating the Python environment .venv with ${python} ...`);
    run(python, ["-m", "venv", VENV], "creating .venv (on Debian/Ubuntu: sudo apt install python3-venv)");
  }
  say("[1/3] Installing JupyterLab and nbclient into .venv (about a minute; pip lists each package) ...");
  // Few retries: an unreachable index should fail over in seconds, not minutes.
  const retries = process.env.PIP_RETRIES ? [] : ["--retries", "1"];
  run(venvBin("python"), ["-m", "pip", "install", "--disable-pip-version-check", ...retries, "-r", "requirements.txt"], "pip install");
  fs.writeFileSync(STAMP, wanted);
}

/** The kernel spec: written every time (cheap), so a moved folder or a new node is picked up. */
/** Where the kernel spec lives: inside .venv, so the venv's Jupyter finds it and nothing global changes. */
const KERNEL_DIR = path.join(VENV, "share", "jupyter", "kernels", KERNEL_NAME);

function writeKernelSpec() {
  const dir = KERNEL_DIR;
  fs.mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [process.execPath, path.join(ROOT, "scripts", "kernel.js"), "{connection_file}"],
    display_name: "TypeScript (workbook)",
    language: "typescript",
  };
  fs.writeFileSync(path.join(dir, "kernel.json"), JSON.stringify(spec, null, 2) + "\n");
  const logo = path.join(ROOT, "node_modules", "tslab", "python", "logo-64x64.png");
  if (fs.existsSync(logo)) fs.copyFileSync(logo, path.join(dir, "logo-64x64.png"));
  say(`[2/3] Kernel "TypeScript (workbook)" is registered in .venv (runs ${path.relative(ROOT, spec.argv[1])}).`);
}

function writeLabSettings() {
  const dir = path.join(VENV, "share", "jupyter", "lab", "settings");
  fs.mkdirSync(dir, { recursive: true });
  const overrides = {
    "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
  };
  fs.writeFileSync(path.join(dir, "overrides.json"), JSON.stringify(overrides, null, 2) + "\n");
  say("[3/3] JupyterLab settings written (no news prompt).");
}

function setup() {
  ensureVenv();
  writeKernelSpec();
  writeLabSettings();
}

/** setup(), or print what went wrong and exit 1 (for commands that cannot go on without Jupyter). */
function setupOrExit() {
  try {
    setup();
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    console.error(`\n[setup] ${err.message}`);
    process.exit(1);
  }
}

module.exports = { setup, setupOrExit, venvBin, ROOT, KERNEL_NAME, KERNEL_DIR, SetupError };

if (require.main === module) setupOrExit();
