#!/usr/bin/env node
// `npm run typecheck`: tsc --noEmit over the whole workbook, with
// noUnusedLocals and noUnusedParameters on (tsconfig.json), except in the
// student stubs of exercises/: a stub takes parameters it does not use yet,
// and a half-written answer may declare things it does not use. (Editors see
// the same exemption through exercises/tsconfig.json; the grader's own type
// check, lib/workbook/typecheck.ts, leaves both options off.)
// A second pass compiles lib/ the way the notebook kernel (tslab) does, with
// strict off: code that relies on strictNullChecks to narrow a union compiles
// here but fails in every notebook that imports it.
"use strict";
const path = require("node:path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const STUBS = path.join(ROOT, "exercises") + path.sep;
// "declared but never read" and its variants
const UNUSED = new Set([6133, 6138, 6192, 6196, 6198, 6199, 6205]);

function main() {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => report([d]) };
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.json"), {}, host);
  if (!config) return 1;
  const program = ts.createProgram(config.fileNames, config.options);
  const diagnostics = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => !(UNUSED.has(d.code) && d.file && path.resolve(d.file.fileName).startsWith(STUBS)));
  const kernel = kernelDiagnostics(config.options);
  report([...diagnostics, ...kernel]);
  return diagnostics.length + kernel.length ? 1 : 0;
}

/** lib/ as tslab compiles it (node_modules/tslab/dist/converter.js): ES2022, Node10 resolution, not strict. */
function kernelDiagnostics(options) {
  const entries = ["lib/index.ts", "lib/lab/index.ts"].map((f) => path.join(ROOT, f));
  const program = ts.createProgram(entries, {
    ...options,
    strict: false,
    noImplicitAny: false,
    strictNullChecks: false,
    noUnusedLocals: false,
    noUnusedParameters: false,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    esModuleInterop: true,
    noEmit: true,
  });
  return ts.getPreEmitDiagnostics(program);
}

function report(diagnostics) {
  if (!diagnostics.length) return;
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  process.stdout.write(format(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => ROOT, getNewLine: () => "\n" }));
  console.log(`${diagnostics.length} error(s)`);
}

process.exitCode = main();
