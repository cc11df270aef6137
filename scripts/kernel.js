#!/usr/bin/env node
// Kernel launcher for "TypeScript (workbook)". Jupyter starts a kernel in the
// notebook's folder, and tslab makes that folder TypeScript's rootDir, so
// `import "../lib"` from notebooks/ would fail (tslab issue 63). Starting
// tslab from the workbook root instead lets every notebook `import "./lib"`.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const connectionFile = process.argv[2];
if (!connectionFile) {
  console.error("usage: node scripts/kernel.js <connection_file>  (Jupyter passes it)");
  process.exit(2);
}
// A notebook opened from notebooks/ko/ speaks Korean: lib/i18n.ts reads this
// before the saved choice, so the prose and the checks' verdicts agree.
const fromKo = path.relative(path.join(root, "notebooks", "ko"), process.cwd());
if (!fromKo.startsWith("..") && !path.isAbsolute(fromKo)) {
  process.env.WORKBOOK_NOTEBOOK_LANG = "ko";
}
process.chdir(root);
process.argv = [process.argv[0], "tslab", "kernel", "--config-path", path.resolve(connectionFile)];
require(path.join(root, "node_modules", "tslab", "dist", "main.js")).main();
