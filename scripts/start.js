#!/usr/bin/env node
// `npm start`: sets Jupyter up when needed, then opens JupyterLab on the
// workbook with the "TypeScript (workbook)" kernel. Arguments after `--` go
// to jupyter lab: `npm start -- --no-browser --port=8899`. In Korean (`npm
// run workbook -- lang ko`, or a Korean locale) it opens the Korean notebooks
// (notebooks/ko/), whose kernel then speaks Korean too.
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { language, messages } = require("./i18n");
const { setupOrExit, venvBin, ROOT } = require("./setup");

const say = messages("scripts/start", {
  starting: { en: "Starting JupyterLab: jupyter {args}", ko: "JupyterLab을 시작합니다: jupyter {args}" },
  noKorean: {
    en: "notebooks/ko/{name} is not there yet: opening the English notebook.",
    ko: "notebooks/ko/{name} 파일이 아직 없어서 영어 노트북을 엽니다.",
  },
  cannotStart: {
    en: "could not start JupyterLab: {error}. Try: rm -rf .venv && npm start",
    ko: "JupyterLab을 시작하지 못했습니다: {error}. 이렇게 해 보세요: rm -rf .venv && npm start",
  },
});

const FIRST = "00-start-here.ipynb";

/** The first notebook to open, relative to the workbook: the Korean one when the language is Korean and it exists. */
function firstNotebook(lang) {
  const korean = path.join("notebooks", "ko", FIRST);
  return lang === "ko" && fs.existsSync(path.join(ROOT, korean)) ? korean : path.join("notebooks", FIRST);
}

function main() {
  setupOrExit();
  const args = ["lab", ...process.argv.slice(2)];
  // Jupyter refuses to run as root unless told to (containers and CI run as root).
  if (typeof process.getuid === "function" && process.getuid() === 0 && !args.includes("--allow-root")) args.push("--allow-root");
  if (!args.some((a) => a.startsWith("--ServerApp.root_dir") || a.startsWith("--notebook-dir"))) args.push(`--ServerApp.root_dir=${ROOT}`);
  // New notebooks get the workbook kernel rather than Python.
  if (!args.some((a) => a.includes("default_kernel_name"))) args.push("--MultiKernelManager.default_kernel_name=workbook");
  // Open the first notebook unless the caller named a file to open.
  if (!args.slice(1).some((a) => !a.startsWith("-"))) {
    const lang = language();
    const notebook = firstNotebook(lang);
    if (lang === "ko" && !notebook.includes(`${path.sep}ko${path.sep}`)) console.log(say.noKorean({ name: FIRST }));
    args.push(notebook);
  }

  console.log(say.starting({ args: args.join(" ") }));
  const child = spawn(venvBin("jupyter"), args, { cwd: ROOT, stdio: "inherit" });
  child.on("error", (err) => {
    console.error(say.cannotStart({ error: err.message }));
    process.exit(1);
  });
  child.on("exit", (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
}

module.exports = { firstNotebook };

if (require.main === module) main();
