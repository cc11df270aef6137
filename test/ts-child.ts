// How a test starts a child process that runs the workbook's TypeScript (a CLI, a lab
// under `ulimit`): node with test/ts-register.js, which transpiles as ts-node would.
/** The require hook's path; a bash command line passes it as "$TS_REGISTER" (see TS_CHILD_ENV), quoted. */
export const TS_REGISTER = require.resolve("./ts-register.js");

/** node's arguments before the .ts file (or `-e` code) to run. */
export const TS_CHILD_ARGS: readonly string[] = ["-r", TS_REGISTER];

/** For a child started through bash: `exec "$NODE" -r "$TS_REGISTER" ...`. */
export const TS_CHILD_ENV = { NODE: process.execPath, TS_REGISTER };
