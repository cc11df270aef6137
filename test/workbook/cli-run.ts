// How the CLI tests run `npm run workbook -- <command>`: in a child process,
// with vitest's environment (English pinned, no saved `lang`) and more variables.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "vitest";
import { ROOT } from "../../lib/workbook/paths";
import { TS_CHILD_ARGS } from "../ts-child";

/** The CLI in a child process; vitest's environment pins English and hides any saved `lang`. */
export function workbook(...args: string[]) {
  return workbookWith({}, ...args);
}

/**
 * The CLI with more environment variables (WORKBOOK_LANG, WORKBOOK_SETTINGS ...),
 * transpiled as ts-node does but without its start-up (test/ts-register.js);
 * cli.test.ts runs package.json's own command line once (npmRunWorkbook).
 */
export function workbookWith(env: Record<string, string>, ...args: string[]) {
  return run([...TS_CHILD_ARGS, "scripts/workbook.ts", ...args], env);
}

function run(nodeArgs: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, nodeArgs, { cwd: ROOT, encoding: "utf8", timeout: 170_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `npm run workbook -- <args>` as package.json spells it (ts-node ...), without npm's own start-up. */
export function npmRunWorkbook(...args: string[]) {
  const [bin, ...rest] = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.workbook.split(" ");
  expect(bin).toBe("ts-node");
  return run([path.join(ROOT, "node_modules/ts-node/dist/bin.js"), ...rest, ...args]);
}
