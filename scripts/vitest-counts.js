#!/usr/bin/env node
// Test counts from vitest's JSON report (.workbook/vitest-results.json),
// the one place that reads it: scripts/test.js prints the closing line from
// it, and .ci/run (`node scripts/vitest-counts.js`) adds its own steps to it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const RESULTS = path.join(__dirname, "..", ".workbook", "vitest-results.json");

/** { passed, failed, skipped }; a missing report, or a file that failed to load, counts as a failure. */
function counts(report = RESULTS) {
  if (!fs.existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(fs.readFileSync(report, "utf8"));
  const brokenFiles = j.testResults.filter((f) => f.status === "failed" && f.assertionResults.length === 0).length;
  return { passed: j.numPassedTests, failed: j.numFailedTests + brokenFiles, skipped: j.numPendingTests + j.numTodoTests };
}

module.exports = { RESULTS, counts };

if (require.main === module) {
  const c = counts();
  console.log(`${c.passed} ${c.failed} ${c.skipped}`);
}
