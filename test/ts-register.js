// `node -r test/ts-register.js file.ts`: runs the workbook's TypeScript in a
// child process the way `npm run workbook` does (ts-node --transpile-only,
// which transpiles with swc: tsconfig.json's "ts-node" section), without
// ts-node's start-up, which loads the whole TypeScript compiler to read
// tsconfig.json: a third of the CPU time of each CLI a test starts.
// test/workbook/cli.test.ts still runs the real command line once.
const fs = require("node:fs");
const path = require("node:path");

const swc = require(require.resolve("@swc/core", { paths: [path.join(__dirname, "..")] }));
// what build.ts compiles exercises with, and what ts-node's swc makes of tsconfig.json
const options = { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" } };

require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), { ...options, filename });
  module._compile(code, filename);
};
