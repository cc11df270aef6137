#!/usr/bin/env node
// `npm test`: sets Jupyter up when needed, runs vitest (lib tests, exercise
// grading, notebook execution), then prints the student's progress and one
// plain closing line: "N passed, N failed" (", N skipped" when any were).
// Extra arguments go to vitest: `npm test -- test/lib/segment.test.ts`.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { language, messages } = require("./i18n");
const { setup, SetupError, ROOT } = require("./setup");
const { RESULTS, counts: reportCounts } = require("./vitest-counts");

const say = messages("scripts/test", {
  noJupyter: {
    en: "Continuing without Jupyter: the notebook tests will be skipped.",
    ko: "Jupyter 없이 계속합니다. 노트북 테스트는 건너뜁니다.",
  },
  counts: { en: "{passed} passed, {failed} failed", ko: "통과 {passed}, 실패 {failed}" },
  skipped: { en: ", {skipped} skipped", ko: ", 건너뜀 {skipped}" },
});

function setupJupyter() {
  try {
    setup();
  } catch (err) {
    if (!(err instanceof SetupError)) throw err;
    console.error(`[setup] ${err.message}`);
    if (process.env.CI) process.exit(1);
    console.error(`[setup] ${say.noJupyter()}`);
  }
}

function runVitest(args) {
  fs.rmSync(RESULTS, { force: true });
  const vitest = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const r = spawnSync(process.execPath, [vitest, "run", "--reporter=default", "--reporter=json", `--outputFile.json=${RESULTS}`, ...args], {
    cwd: ROOT,
    stdio: "inherit",
    // vitest pins English for the tests' own assertions; the student's exercises are reported in the student's language
    env: { ...process.env, WORKBOOK_STUDENT_LANG: language() },
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
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules", "ts-node", "dist", "bin.js"),
      "--transpile-only",
      path.join(ROOT, "scripts", "workbook.ts"),
      "progress",
      "--last-run",
    ],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (r.status === 0) process.stdout.write(`\n${r.stdout}`);
}

function main() {
  setupJupyter();
  const status = runVitest(process.argv.slice(2));
  printProgress();
  const c = counts(status);
  console.log(`\n${say.counts({ passed: c.passed, failed: c.failed })}${c.skipped ? say.skipped({ skipped: c.skipped }) : ""}`);
  process.exit(status === 0 && c.failed === 0 ? 0 : 1);
}

// required (by a test reading its messages), it runs nothing
if (require.main === module) main();
