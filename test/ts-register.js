// `node -r test/ts-register.js file.ts`: runs the workbook's TypeScript in a
// child process the way `npm run workbook` does (ts-node --transpile-only,
// which transpiles with swc: tsconfig.json's "ts-node" section), without
// ts-node's start-up, which loads the whole TypeScript compiler to read
// tsconfig.json: a third of the CPU time of each CLI a test starts.
// test/workbook/cli.test.ts still runs the real command line once.
//
// The JavaScript is kept by content in node_modules/.cache (never in the
// workbook's .workbook/cache, which a student's checkout could carry): a test
// run starts dozens of these children over the same files, and a child whose
// files are all cached never loads swc.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const NODE_MODULES = path.join(__dirname, "..", "node_modules");
const SWC = require.resolve("@swc/core", { paths: [path.join(__dirname, "..")] });
// what build.ts compiles exercises with, and what ts-node's swc makes of tsconfig.json
const options = { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } };
// the compiler's version and the options are part of every key: a new swc never serves old output
const SALT = `${JSON.parse(fs.readFileSync(path.join(path.dirname(SWC), "package.json"), "utf8")).version}\0${JSON.stringify(options)}`;
const CACHE = path.join(NODE_MODULES, ".cache", "workbook-ts-register");

let swc;
function transpile(source, filename) {
  const file = path.join(CACHE, `${crypto.createHash("sha1").update(SALT).update("\0").update(source).digest("hex")}.js`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {}
  swc ??= require(SWC);
  const { code } = swc.transformSync(source, { ...options, filename });
  try {
    // written whole under another name, then renamed: a child starting meanwhile never reads half a file
    fs.mkdirSync(CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, file);
  } catch {} // no cache (a read-only node_modules): only slower
  return code;
}

require.extensions[".ts"] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};
