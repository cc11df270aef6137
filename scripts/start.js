#!/usr/bin/env node
// `npm start`: sets Jupyter up when needed, then opens JupyterLab on the
// workbook with the "TypeScript (workbook)" kernel. Arguments after `--` go
// to jupyter lab: `npm start -- --no-browser --port=8899`.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");
const { setupOrExit, venvBin, ROOT } = require("./setup");

setupOrExit();

const args = ["lab", ...process.argv.slice(2)];
// Jupyter refuses to run as root unless told to (containers and CI run as root).
if (typeof process.getuid === "function" && process.getuid() === 0 && !args.includes("--allow-root")) args.push("--allow-root");
if (!args.some((a) => a.startsWith("--ServerApp.root_dir") || a.startsWith("--notebook-dir"))) args.push(`--ServerApp.root_dir=${ROOT}`);
// New notebooks get the workbook kernel rather than Python.
if (!args.some((a) => a.includes("default_kernel_name"))) args.push("--MultiKernelManager.default_kernel_name=workbook");
// Open the first notebook unless the caller named a file to open.
if (!args.slice(1).some((a) => !a.startsWith("-"))) args.push(path.join("notebooks", "00-start-here.ipynb"));

console.log(`Starting JupyterLab: jupyter ${args.join(" ")}`);
const child = spawn(venvBin("jupyter"), args, { cwd: ROOT, stdio: "inherit" });
child.on("error", (err) => {
  console.error(`could not start JupyterLab: ${err.message}. Try: rm -rf .venv && npm start`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(signal ? 0 : code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
