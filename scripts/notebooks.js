// Finds and executes the workbook's notebooks with the workbook kernel
// (scripts/execute_notebook.py). Used by the tests and by
// `node scripts/run-notebooks.js [notebook ...]`.
"use strict";
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { venvBin, ROOT, KERNEL_DIR } = require("./setup");

/** The languages' folders: English in notebooks/, Korean in notebooks/ko/ (same file names). */
const LANGUAGE_DIRS = { en: "notebooks", ko: path.join("notebooks", "ko") };

/** Every notebook of one language (default English), in name order (00-start-here first). */
function listNotebooks(lang = "en") {
  const dir = path.join(ROOT, LANGUAGE_DIRS[lang]);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.join(LANGUAGE_DIRS[lang], f));
}

/** True when .venv has Jupyter and the kernel spec (setup has run). */
function jupyterReady() {
  return fs.existsSync(venvBin("python")) && fs.existsSync(path.join(KERNEL_DIR, "kernel.json"));
}

// Failures of the kernel, not of the notebook, after which one more run is fair:
// - tslab watches the files a notebook imports and fails a cell with this message
//   when one of them changes during the run (an editor saving lib/ meanwhile);
// - on a loaded machine tslab may publish its status before zeromq has bound the
//   socket, and the kernel dies at start with EBUSY before running any cell;
// - Jupyter picks the kernel's ports free and lets them go before the kernel binds
//   them: another process (a lab's or another kernel's connection) can take one in
//   between, and the kernel dies at start with EADDRINUSE on a zeromq address.
const KERNEL_RACES = ["Unexpected pending rebuildTimer", "Socket is blocked by a bind or unbind operation", "address: 'tcp://127.0.0.1:"];

/**
 * Runs one notebook; resolves {ok, output, ms, cellMs}: cellMs holds each code
 * cell's wall time when `cellTimes` asks for it (else it is empty). Runs it
 * again once if one of tslab's races hit it.
 */
async function executeNotebook(notebook, timeoutSeconds = 180, { cellTimes = false } = {}) {
  const first = await executeOnce(notebook, timeoutSeconds, cellTimes);
  if (first.ok || !KERNEL_RACES.some((race) => first.output.includes(race))) return first;
  const second = await executeOnce(notebook, timeoutSeconds, cellTimes);
  return { ...second, output: `(ran twice: the first run hit a race in tslab)\n${second.output}` };
}

/** execute_notebook.py's line of cell times, as numbers. */
function cellTimesIn(output) {
  const line = /^cell-ms: (.*)$/m.exec(output);
  return line ? line[1].split(" ").map(Number) : [];
}

function executeOnce(notebook, timeoutSeconds, cellTimes) {
  const started = Date.now();
  const args = [
    path.join(ROOT, "scripts", "execute_notebook.py"),
    notebook,
    String(timeoutSeconds),
    ...(cellTimes ? ["--cell-times"] : []),
  ];
  return new Promise((resolve) => {
    const child = spawn(venvBin("python"), args, {
      cwd: ROOT,
      env: { ...process.env, PYTHONUNBUFFERED: "1" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (err) =>
      resolve({ ok: false, output: `could not start Python: ${err.message}`, ms: Date.now() - started, cellMs: [] }),
    );
    child.on("close", (code) => resolve({ ok: code === 0, output: tidy(output), ms: Date.now() - started, cellMs: cellTimesIn(output) }));
  });
}

/** Drops Jupyter's noisy warnings so the failing cell is the first thing read. */
function tidy(output) {
  return output
    .split("\n")
    .filter((l) => !/^\s*$|DeprecationWarning|warnings\.warn|zmq\.eventloop|jupyter_core|platformdirs/.test(l))
    .join("\n");
}

module.exports = { listNotebooks, jupyterReady, executeNotebook, LANGUAGE_DIRS };
