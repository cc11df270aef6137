#!/usr/bin/env node
// Kernel launcher for "TypeScript (workbook)". Jupyter starts a kernel in the
// notebook's folder, and tslab makes that folder TypeScript's rootDir, so
// `import "../lib"` from notebooks/ would fail (tslab issue 63). Starting
// tslab from the workbook root instead lets every notebook `import "./lib"`.
// lib/ itself is read from its compiled view (scripts/kernel-lib.js), rebuilt
// here first when lib/ has changed; should lib/ not compile, the kernel reads
// the TypeScript as before, and tslab shows the errors.
"use strict";
const path = require("node:path");
const { ensureKernelLib, useKernelLib } = require("./kernel-lib");

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
// A kernel lives on between checks: check() starts the next check's sandbox child ahead (lib/workbook/sandbox.ts).
process.env.WORKBOOK_KERNEL = "1";
process.chdir(root);
const tslab = path.join(root, "node_modules", "tslab");
if (ensureKernelLib()) useKernelLib(require(require.resolve("@tslab/typescript-for-tslab", { paths: [tslab] })).sys);
process.argv = [process.argv[0], "tslab", "kernel", "--config-path", path.resolve(connectionFile)];
require(path.join(tslab, "dist", "main.js")).main();
