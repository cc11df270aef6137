// The notebook kernel's compiled view of lib/: every lib module as JavaScript
// with a declaration file, in .kernel-lib/ (gitignored). `npm run setup`
// builds it, and the kernel launcher (scripts/kernel.js) rebuilds it when
// lib/ has changed since, so an edit to lib/ is never served stale.
//
// Why: tslab type-checks each cell together with every .ts file the cell
// imports, and emits them again with declarations; a .d.ts it only reads.
// With lib/ as TypeScript, `import ... from "./lib/index"` re-checked the
// whole lib in every kernel. Through the view, the kernel reads
// `./lib/index` as .kernel-lib/index.d.ts (types) and runs
// .kernel-lib/index.js; exercises/ stays TypeScript that tslab compiles live.
//
// The view sits beside lib/, one level under the workbook root like lib/
// itself, so lib's paths taken from __dirname (ROOT in lib/workbook/paths.ts,
// the settings in lib/i18n.ts, saved labs) still find the workbook root.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const VIEW = path.join(ROOT, ".kernel-lib");
/** Inside the view: the hash of the sources it was built from. */
const STAMP = ".source-sha256";

/** A TypeScript source (not a declaration file). */
const isSource = (file) => /\.tsx?$/.test(file) && !file.endsWith(".d.ts");

/** Every file under `dir`, relative and "/"-separated, in a fixed order. */
function filesUnder(dir, rel = "") {
  const out = [];
  for (const d of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...filesUnder(dir, child));
    else if (d.isFile()) out.push(child);
  }
  return out.sort();
}

/** What the view is built from: lib/'s files, tsconfig.json, the compiler and this builder. */
function sourceHash() {
  const hash = crypto.createHash("sha256");
  const part = (name, content) => hash.update(`${name}\0${content.length}\0`).update(content);
  part("builder", fs.readFileSync(__filename));
  part("tsconfig", fs.readFileSync(path.join(ROOT, "tsconfig.json")));
  part("typescript", require("typescript/package.json").version);
  for (const rel of filesUnder(LIB)) part(rel, fs.readFileSync(path.join(LIB, rel)));
  return hash.digest("hex");
}

/** True when the view exists and was built from lib/ as it is now. */
function isCurrent(hash = sourceHash()) {
  try {
    return fs.readFileSync(path.join(VIEW, STAMP), "utf8") === hash;
  } catch {
    return false;
  }
}

/** swc's options for lib/'s JavaScript: those lib/workbook/build.ts compiles lib/ with for the grader. */
const SWC_OPTIONS = { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } };

/**
 * Compiles lib/ into a folder of its own, then swaps it in for the view, so a
 * kernel starting meanwhile never sees half a view. JavaScript comes from swc
 * (file by file, fast), with a source map, so a stack trace names the line of
 * lib/'s TypeScript; declarations come from TypeScript without checking types
 * (`npm run typecheck` does): a declaration needs only the types it infers.
 * Returns false, leaving the view as it was, when lib/ does not compile.
 */
function build(hash = sourceHash()) {
  removeLeftovers();
  const tmp = `${VIEW}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    if (!emitDeclarations(tmp)) return false;
    const swc = require("@swc/core");
    for (const rel of filesUnder(LIB)) {
      const from = path.join(LIB, rel);
      const to = path.join(tmp, rel);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      if (!isSource(rel)) {
        // lib's own JavaScript (the sandbox child, read by path) comes along as it is
        fs.copyFileSync(from, to);
        continue;
      }
      // the map names the source relative to the view's file, as it will sit in the view
      const sourceFileName = path
        .relative(path.dirname(path.join(VIEW, rel)), from)
        .split(path.sep)
        .join("/");
      const { code } = swc.transformSync(fs.readFileSync(from, "utf8"), {
        ...SWC_OPTIONS,
        filename: rel,
        sourceFileName,
        sourceMaps: "inline",
      });
      fs.writeFileSync(to.replace(/\.ts$/, ".js"), code);
    }
    fs.writeFileSync(path.join(tmp, STAMP), hash);
    return swapIn(tmp, hash);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** lib/'s declaration files, into `outDir`; false when lib/ does not parse. */
function emitDeclarations(outDir) {
  const ts = require("typescript");
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
  );
  if (!config) return false;
  const rootNames = config.fileNames.filter((f) => inView(path.resolve(f)));
  const options = { ...config.options, noEmit: false, declaration: true, emitDeclarationOnly: true, noCheck: true, rootDir: LIB, outDir };
  const program = ts.createProgram(rootNames, options);
  if (program.getSyntacticDiagnostics().length > 0 || program.getOptionsDiagnostics().length > 0) return false;
  return !program.emit().emitSkipped;
}

/** Replaces the view with `tmp`, unless another kernel has meanwhile put in a view of the same sources (kept, as it may be in use). */
function swapIn(tmp, hash) {
  if (isCurrent(hash)) return true;
  const old = `${VIEW}.old-${process.pid}`;
  try {
    if (fs.existsSync(VIEW)) fs.renameSync(VIEW, old);
    fs.renameSync(tmp, VIEW);
    return true;
  } catch {
    return isCurrent(hash);
  } finally {
    fs.rmSync(old, { recursive: true, force: true });
  }
}

/** Folders a build that was killed midway left behind (their process is gone). */
function removeLeftovers() {
  for (const name of fs.readdirSync(ROOT)) {
    const pid = /^\.kernel-lib\.(?:tmp|old)-(\d+)$/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) fs.rmSync(path.join(ROOT, name), { recursive: true, force: true });
  }
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/** The view, current: builds it when missing or stale. False when it cannot be built (lib/ does not parse, or TypeScript is not installed): the kernel then reads lib/ itself. */
function ensureKernelLib() {
  try {
    const hash = sourceHash();
    return isCurrent(hash) || build(hash);
  } catch {
    return false;
  }
}

/** A path under lib/, as the same path in the view; null outside lib/. */
function inView(file) {
  const rel = path.relative(LIB, file);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? null : path.join(VIEW, rel);
}

/**
 * Makes TypeScript (the `sys` of tslab's compiler) see lib/ as declarations:
 * lib/x.ts is hidden and lib/x.d.ts reads .kernel-lib/x.d.ts, so
 * `./lib/index` resolves to a declaration file, which tslab neither checks
 * nor emits.
 */
function redirectTypes(sys) {
  const original = {
    fileExists: sys.fileExists,
    readFile: sys.readFile,
    getModifiedTime: sys.getModifiedTime,
    watchFile: sys.watchFile,
  };
  const declaration = (file) => (file.endsWith(".d.ts") ? inView(file) : null);
  sys.fileExists = function (file) {
    // a lib file added since the view was built has no declaration there: tslab compiles it, as before
    const built = isSource(file) && inView(file.replace(/\.tsx?$/, ".d.ts"));
    if (built && original.fileExists.call(this, built)) return false;
    return original.fileExists.call(this, declaration(file) ?? file);
  };
  sys.readFile = function (file, encoding) {
    return original.readFile.call(this, declaration(file) ?? file, encoding);
  };
  if (original.getModifiedTime) {
    sys.getModifiedTime = function (file) {
      return original.getModifiedTime.call(this, declaration(file) ?? file);
    };
  }
  if (original.watchFile) {
    // watch the file read, and report it under the name TypeScript knows
    sys.watchFile = function (file, callback, ...rest) {
      const real = declaration(file);
      if (!real) return original.watchFile.call(this, file, callback, ...rest);
      return original.watchFile.call(this, real, (_name, ...event) => callback(file, ...event), ...rest);
    };
  }
}

/** Makes Node load lib/x (as a cell's or an exercise's `require` asks for it) from .kernel-lib/x.js. */
function redirectModules() {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (typeof request === "string" && (request.startsWith(".") || path.isAbsolute(request))) {
      const from = parent?.filename ? path.dirname(parent.filename) : process.cwd();
      const target = inView(path.resolve(from, request));
      const js = target && (path.extname(target) === "" ? `${target}.js` : target.replace(/\.ts$/, ".js"));
      if (js && fs.existsSync(js)) return js;
    }
    return resolve.call(this, request, parent, ...rest);
  };
}

/** Both redirections, for a kernel whose compiler's sys is `sys`; stack traces name lib/'s TypeScript through the source maps. */
function useKernelLib(sys) {
  redirectTypes(sys);
  redirectModules();
  process.setSourceMapsEnabled(true);
}

module.exports = { ensureKernelLib, useKernelLib, isCurrent, build, inView, VIEW, LIB };
