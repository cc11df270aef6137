#!/usr/bin/env node
// `npm test`: sets Jupyter up when needed, runs vitest (lib tests, exercise
// grading, notebook execution), then prints the student's progress and one
// plain closing line: "N passed, N failed" (", N skipped" when any were).
// Extra arguments go to vitest: `npm test -- test/lib/segment.test.ts`.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { setup, SetupError, ROOT } = require("./setup");
const { RESULTS, counts: reportCounts } = require("./vitest-counts");

function setupJupyter() {
  try {
    setup();
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    console.error(`[setup] ${err.message}`);
    if (process.env.CI) process.exit(1);
    console.error("[setup] Continuing without Jupyter: the notebook tests will be skipped.");
  }
}

function runVitest(args) {
  fs.rmSync(RESULTS, { force: true });
  const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const r = spawnSync(process.execPath, [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}`, ...args], {
    cwd: ROOT,
    stdio: "inherit",
  });
  return r.status ?? 1;
}

/** Counts from vitest's JSON report; a failure outside any test (an unhandled error) counts as one. */
function counts(status) {
  const c = reportCounts();
  if (status !== 0 && c.failed === 0) c.failed = 1;
  return c;
}

function printProgress() {
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "ts-node", "dist", "bin.js"), "--transpile-only", path.join(ROOT, "scripts", "workbook.ts"), "progress", "--last-run"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status === 0) process.stdout.write(`\n${r.stdout}`);
}

setupJupyter();
const status = runVitest(process.argv.slice(2));
printProgress();
const c = counts(status);
console.log(`\n${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ""}`);
process.exit(status === 0 && c.failed === 0 ? 0 : 1);
