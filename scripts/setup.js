#!/usr/bin/env node
// Sets up Jupyter for the workbook, inside the project only:
//   1. a Python virtual environment in .venv with requirements.txt installed,
//   2. the kernel spec "TypeScript (workbook)" in .venv/share/jupyter/kernels,
//      whose launcher (scripts/kernel.js) runs tslab from the workbook root,
//   3. JupyterLab settings that skip the first-run "news" question,
//   4. lib/ compiled for the kernel (.kernel-lib/, scripts/kernel-lib.js), so
//      a notebook's `import ... from "./lib/index"` does not type-check lib/,
//      and the exercise files' type errors cached for the grader.
// Idempotent: a second run only checks, and redoes a step whose inputs changed.
// Nothing is installed globally and `tslab install` is never run.
// What it prints follows the workbook's language (scripts/i18n.js).
"use strict";
const { spawnSync } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { messages } = require("./i18n");
const { ensureKernelLib, VIEW } = require("./kernel-lib");

const say = messages("scripts/setup", {
  tooOld: {
    en: "{cmd} is Python {version}; the workbook needs {min} or newer.",
    ko: "{cmd}은 Python {version}입니다. 워크북에는 {min} 이상이 필요합니다.",
  },
  noPython: {
    en:
      "Python {min}+ was not found. Jupyter runs on Python, so please install it:\n" +
      "  Debian/Ubuntu: sudo apt install python3 python3-venv\n" +
      "  macOS:         brew install python\n" +
      '  Windows:       https://www.python.org/downloads/ (tick "Add python.exe to PATH")\n' +
      "then run the command again. (Set PYTHON=/path/to/python3 to pick a specific one.)",
    ko:
      "Python {min} 이상을 찾지 못했습니다. Jupyter는 Python 위에서 돌아가므로 먼저 설치해 주세요:\n" +
      "  Debian/Ubuntu: sudo apt install python3 python3-venv\n" +
      "  macOS:         brew install python\n" +
      '  Windows:       https://www.python.org/downloads/ ("Add python.exe to PATH"에 체크)\n' +
      "그런 다음 명령을 다시 실행하세요. (특정 Python을 쓰려면 PYTHON=/path/to/python3을 설정하세요.)",
  },
  failed: { en: "{what} failed ({command}): {error}", ko: "{what} 실패 ({command}): {error}" },
  exit: { en: "exit {code}", ko: "종료 코드 {code}" },
  venvReady: { en: "[1/4] Python environment .venv is ready.", ko: "[1/4] Python 환경 .venv가 준비되어 있습니다." },
  creatingVenv: {
    en: "[1/4] Creating the Python environment .venv with {python} ...",
    ko: "[1/4] {python}으로 Python 환경 .venv를 만드는 중 ...",
  },
  creatingVenvStep: {
    en: "creating .venv (on Debian/Ubuntu: sudo apt install python3-venv)",
    ko: ".venv 만들기 (Debian/Ubuntu에서는: sudo apt install python3-venv)",
  },
  installing: {
    en: "[1/4] Installing JupyterLab and nbclient into .venv (about a minute; pip lists each package) ...",
    ko: "[1/4] .venv에 JupyterLab과 nbclient를 설치하는 중 (1분쯤 걸립니다. pip이 패키지를 하나씩 보여 줍니다) ...",
  },
  pipStep: { en: "pip install", ko: "pip 설치" },
  kernel: {
    en: '[2/4] Kernel "TypeScript (workbook)" is registered in .venv (runs {launcher}).',
    ko: '[2/4] 커널 "TypeScript (workbook)"을 .venv에 등록했습니다 ({launcher} 실행).',
  },
  labSettings: { en: "[3/4] JupyterLab settings written (no news prompt).", ko: "[3/4] JupyterLab 설정을 썼습니다 (뉴스 알림 질문 없음)." },
  kernelLib: {
    en: "[4/4] lib/ is compiled for the notebook kernel (.kernel-lib/), and the exercise files are type-checked.",
    ko: "[4/4] 노트북 커널이 쓸 lib/을 .kernel-lib/에 컴파일하고, 연습 문제 파일의 타입 검사를 마쳐 두었습니다.",
  },
  kernelLibOnly: {
    en: "[4/4] lib/ is compiled for the notebook kernel (.kernel-lib/); the exercise files are type-checked at their first check.",
    ko: "[4/4] 노트북 커널이 쓸 lib/을 .kernel-lib/에 컴파일해 두었습니다. 연습 문제 파일의 타입 검사는 처음 채점할 때 합니다.",
  },
  kernelLibFailed: {
    en: "[4/4] lib/ does not compile, so the notebook kernel will read its TypeScript (slower); npm run typecheck shows why.",
    ko: "[4/4] lib/이 컴파일되지 않아 노트북 커널이 TypeScript를 직접 읽습니다 (더 느립니다). 이유는 npm run typecheck로 확인하세요.",
  },
});

const ROOT = path.resolve(__dirname, "..");
const VENV = path.join(ROOT, ".venv");
const WIN = process.platform === "win32";
const MIN_PYTHON = [3, 9];
const KERNEL_NAME = "workbook";
const STAMP = path.join(VENV, ".workbook-requirements.sha256");

const log = (msg) => console.log(`[setup] ${msg}`);

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
    log(say.tooOld({ cmd, version: `${major}.${minor}`, min: MIN_PYTHON.join(".") }));
  }
  throw new SetupError(say.noPython({ min: MIN_PYTHON.join(".") }));
}

class SetupError extends Error {}

function run(cmd, args, what) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: ROOT });
  if (r.error || r.status !== 0) {
    throw new SetupError(
      say.failed({ what, command: `${cmd} ${args.join(" ")}`, error: r.error ? r.error.message : say.exit({ code: String(r.status) }) }),
    );
  }
}

function requirementsHash() {
  return crypto
    .createHash("sha256")
    .update(fs.readFileSync(path.join(ROOT, "requirements.txt")))
    .digest("hex");
}

function ensureVenv() {
  const wanted = requirementsHash();
  if (fs.existsSync(venvBin("python")) && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === wanted) {
    log(say.venvReady());
    return;
  }
  if (!fs.existsSync(venvBin("python"))) {
    const python = findPython();
    log(say.creatingVenv({ python }));
    run(python, ["-m", "venv", VENV], say.creatingVenvStep());
  }
  log(say.installing());
  // Few retries: an unreachable index should fail over in seconds, not minutes.
  const retries = process.env.PIP_RETRIES ? [] : ["--retries", "1"];
  run(venvBin("python"), ["-m", "pip", "install", "--disable-pip-version-check", ...retries, "-r", "requirements.txt"], say.pipStep());
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
  fs.writeFileSync(path.join(dir, "kernel.json"), `${JSON.stringify(spec, null, 2)}\n`);
  const logo = path.join(ROOT, "node_modules", "tslab", "python", "logo-64x64.png");
  if (fs.existsSync(logo)) fs.copyFileSync(logo, path.join(dir, "logo-64x64.png"));
  log(say.kernel({ launcher: path.relative(ROOT, spec.argv[1]) }));
}

function writeLabSettings() {
  const dir = path.join(VENV, "share", "jupyter", "lab", "settings");
  fs.mkdirSync(dir, { recursive: true });
  const overrides = {
    "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
  };
  fs.writeFileSync(path.join(dir, "overrides.json"), `${JSON.stringify(overrides, null, 2)}\n`);
  log(say.labSettings());
}

/** The kernel's compiled lib/: built now, so the first notebook does not wait for it (the kernel rebuilds it when lib/ changes). */
function buildKernelLib() {
  const ready = prepareKernel();
  log(ready === "checked" ? say.kernelLib() : ready === "compiled" ? say.kernelLibOnly() : say.kernelLibFailed());
}

/** lib/ compiled for the kernel and the exercise files type-checked, as a notebook finds them after setup: how far it got. */
function prepareKernel() {
  if (!ensureKernelLib()) return "failed";
  return cacheTypeErrors() ? "checked" : "compiled";
}

/**
 * The exercise files' type errors, checked once here and cached by content
 * (lib/workbook/typecheck.ts): each notebook's first check() of a file not
 * edited since then reads them instead of loading TypeScript (about a second
 * per kernel). Run from the compiled lib/, as the kernel runs it. Only a
 * saving: a failure here costs that second later, never the setup. True when it ran.
 */
function cacheTypeErrors() {
  try {
    const { exerciseFiles } = require(path.join(VIEW, "workbook", "catalogue.js"));
    const { typeErrors } = require(path.join(VIEW, "workbook", "typecheck.js"));
    typeErrors("exercises", exerciseFiles());
    return true;
  } catch {
    return false; // the check itself reports any problem, in the student's own run
  }
}

function setup() {
  ensureVenv();
  writeKernelSpec();
  writeLabSettings();
  buildKernelLib();
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

module.exports = { setup, setupOrExit, prepareKernel, venvBin, ROOT, KERNEL_NAME, KERNEL_DIR, SetupError };

if (require.main === module) setupOrExit();
