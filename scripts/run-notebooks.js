#!/usr/bin/env node
// Executes notebooks headlessly: all of them, or those named on the command line.
//   node scripts/run-notebooks.js [notebooks/4.1-tcp-connections.ipynb ...]
"use strict";
const { setupOrExit } = require("./setup");
const { listNotebooks, executeNotebook } = require("./notebooks");

(async () => {
  setupOrExit();
  const notebooks = process.argv.length > 2 ? process.argv.slice(2) : listNotebooks();
  let failed = 0;
  for (const [i, nb] of notebooks.entries()) {
    process.stdout.write(`[${i + 1}/${notebooks.length}] ${nb} ... `);
    const r = await executeNotebook(nb);
    console.log(r.ok ? `ok (${(r.ms / 1000).toFixed(1)} s)` : `FAILED\n${r.output}`);
    if (!r.ok) failed++;
  }
  process.exit(failed ? 1 : 0);
})();
