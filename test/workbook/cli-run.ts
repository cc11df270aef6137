// How the CLI tests run `npm run workbook -- <command>`: its main() in this process, as a new
// process would run it (vitest's environment, English pinned, no saved `lang`, and more
// variables), or, where the process itself is what a test is about, in a child process.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { format } from "node:util";
import { expect } from "vitest";
import { resetLanguage } from "../../lib/i18n";
import { main } from "../../lib/workbook/cli";
import { ROOT } from "../../lib/workbook/paths";
import { TS_CHILD_ARGS } from "../ts-child";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI with vitest's environment, which pins English and hides any saved `lang`. */
export function workbook(...args: string[]): Promise<CliRun> {
  return workbookWith({}, ...args);
}

/**
 * The CLI's main() with more environment variables (WORKBOOK_LANG, WORKBOOK_SETTINGS ...),
 * in this process: a child would start Node and load the CLI again for each command (a tenth
 * of a second of CPU, dozens of times a run) only to do what scripts/workbook.ts does, pass
 * main()'s answer to process.exit. As in a new process, the language is chosen afresh (settings,
 * WORKBOOK_LANG) and everything printed is kept, the environment and language restored after.
 * cliProcess and npmRunWorkbook run a real process, where a test is about one.
 */
export async function workbookWith(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  const startEnv = { ...process.env };
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const streams = { out: process.stdout.write, err: process.stderr.write };
  const stdout: string[] = [];
  const stderr: string[] = [];
  const into = (lines: string[]) => (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  Object.assign(process.env, env);
  resetLanguage();
  console.log = console.info = (...a: unknown[]) => stdout.push(`${format(...a)}\n`);
  console.error = console.warn = (...a: unknown[]) => stderr.push(`${format(...a)}\n`);
  process.stdout.write = into(stdout) as typeof process.stdout.write;
  process.stderr.write = into(stderr) as typeof process.stderr.write;
  let status: number;
  try {
    status = await main(args);
  } catch (err) {
    // what scripts/workbook.ts does with an error main() does not handle
    stderr.push(`${format(err)}\n`);
    status = 1;
  } finally {
    Object.assign(console, saved);
    process.stdout.write = streams.out;
    process.stderr.write = streams.err;
    for (const name of Object.keys(process.env)) if (!(name in startEnv)) delete process.env[name];
    Object.assign(process.env, startEnv);
    resetLanguage();
  }
  return { status, stdout: stdout.join(""), stderr: stderr.join("") };
}

/**
 * The CLI in a child process, with more environment variables, transpiled as ts-node does but
 * without its start-up (test/ts-register.js): for what only a new process shows (a saved choice
 * read back by the next command).
 */
export function cliProcess(env: Record<string, string>, ...args: string[]): CliRun {
  return run([...TS_CHILD_ARGS, "scripts/workbook.ts", ...args], env);
}

function run(nodeArgs: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, nodeArgs, { cwd: ROOT, encoding: "utf8", timeout: 170_000, env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `npm run workbook -- <args>` as package.json spells it (ts-node ...), without npm's own start-up. */
export function npmRunWorkbook(...args: string[]): CliRun {
  const [bin, ...rest] = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.workbook.split(" ");
  expect(bin).toBe("ts-node");
  return run([path.join(ROOT, "node_modules/ts-node/dist/bin.js"), ...rest, ...args]);
}
