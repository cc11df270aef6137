/**
 * The workbook's command line: `npm run workbook -- <command>`.
 * Each command declares its options (parsed by node:util's parseArgs, strict:
 * an unknown option is a usage error) and is a small function; `help` lists them.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { catalogue, findExercise } from "./catalogue";
import { checkExercises, progressText, selectIds, verdictPrinter } from "./check";
import { gradeReport, GradeReport, maxScoreOf } from "./grade";
import { hint } from "./hints";
// Commands load what they need when they run (labs, pictures, bench, autograder): a hint starts fast.
import { ROOT } from "./paths";
import { verdictLine } from "./verdict";

/** What a command receives: its options by name and its positional arguments. */
interface Args {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}
type Options = Record<string, { type: "boolean" | "string" }>;
type Command = { usage: string; about: string; options?: Options; run(args: Args): Promise<number> };

const flag = (args: Args, name: string) => args.flags[name] === true;
const option = (args: Args, name: string) => args.flags[name] as string | undefined;
const positional = (args: Args) => args.positionals;

/** `--out FILE` must be writable before any grading starts, so a long run never ends in a lost result. */
function outFile(args: Args): string | undefined {
  const out = option(args, "out");
  if (out === undefined) return undefined;
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--out ${out}: the folder ${dir} does not exist`);
  if (fs.existsSync(out) && fs.statSync(out).isDirectory()) throw new UsageError(`--out ${out} is a folder; give a file name`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(`--out ${out}: the folder ${dir} is not writable`);
  }
  return out;
}

function writeReport(report: GradeReport, out: string | undefined, json: boolean): void {
  const text = JSON.stringify(report, null, 2) + "\n";
  if (out) fs.writeFileSync(out, text);
  if (json) process.stdout.write(text);
}

export class UsageError extends Error {}

/**
 * `check --watch`: grades the exercises of a file again each time it is
 * saved, in this one process, so TypeScript and everything else stay loaded
 * and a check after a save costs a fraction of a cold start. Ends on Ctrl-C.
 */
function watch(ids: string[]): Promise<number> {
  const dir = path.join(ROOT, "exercises");
  console.log(`Watching ${path.relative(process.cwd(), dir) || dir}/ (Ctrl-C to stop) ...`);
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = new Set<string>();
  const watcher = fs.watch(dir, (_event, name) => {
    if (!name) return;
    changed.add(String(name));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const again = ids.filter((id) => changed.has(findExercise(id).file));
      changed.clear();
      if (again.length) running = running.then(async () => { console.log(`\n${new Date().toLocaleTimeString()} ${again.join(", ")}`); await checkExercises(again, verdictPrinter()); });
    }, 150); // an editor's save is often several writes
  });
  return new Promise((resolve) => process.once("SIGINT", () => {
    watcher.close();
    resolve(0);
  }));
}

export const commands: Record<string, Command> = {
  progress: {
    usage: "progress [--last-run]",
    about: "exercises done and what to do next, from the last checks (--last-run: print nothing when there are none)",
    options: { "last-run": { type: "boolean" } },
    async run(args) {
      const text = await progressText(flag(args, "last-run"));
      if (text) console.log(text);
      return 0;
    },
  },
  hint: {
    usage: "hint <id> [--more]",
    about: "a hint for one exercise; --more opens the next, more detailed one",
    options: { more: { type: "boolean" } },
    async run(args) {
      const [id] = positional(args);
      if (!id) throw new UsageError(`hint needs an exercise id. Valid ids: ${catalogue.map((e) => e.id).join(", ")}`);
      hint(id, flag(args, "more"));
      return 0;
    },
  },
  check: {
    usage: "check [<id>|<section>] [--watch]",
    about: "grade one exercise, one section (4.2) or all, against exercises/; --watch: again after every save",
    options: { watch: { type: "boolean" } },
    async run(args) {
      const ids = selectIds(positional(args)[0]);
      const verdicts = await checkExercises(ids, verdictPrinter());
      if (flag(args, "watch")) return watch(ids);
      return verdicts.every((v) => v.status === "passed") ? 0 : 1;
    },
  },
  grade: {
    usage: "grade [--json] [--out FILE] [--exit-zero]",
    about: "grade every exercise into a score (Gradescope results.json); exits 1 below full marks unless --exit-zero",
    options: { json: { type: "boolean" }, out: { type: "string" }, "exit-zero": { type: "boolean" } },
    async run(args) {
      const json = flag(args, "json");
      const out = outFile(args);
      const log = (s: string) => (json ? console.error(s) : console.log(s));
      log(`Grading ${catalogue.length} exercises ...`);
      const started = Date.now();
      const verdicts = await checkExercises(catalogue.map((e) => e.id), (v) => log(`  ${verdictLine(v)}`));
      const report = gradeReport(verdicts, (Date.now() - started) / 1000);
      const max = maxScoreOf(report);
      log(`Score: ${report.score}/${max}`);
      writeReport(report, out, json);
      return report.score >= max || flag(args, "exit-zero") ? 0 : 1;
    },
  },
  autograder: {
    usage: "autograder <dir>",
    about: "write a Gradescope autograder (setup.sh, run_autograder, the trusted copy with hidden cases, the zip)",
    async run(args) {
      const [dir] = positional(args);
      if (!dir) throw new UsageError("autograder needs a new folder to write into");
      const { buildAutograder } = await import("./autograder");
      const r = buildAutograder(dir);
      console.log(`Wrote ${r.files} files to ${path.join(r.dir, "source")} and ${r.zip}.\nUpload ${r.zip} to Gradescope (see TEACHING.md).`);
      return 0;
    },
  },
  autograde: {
    usage: "autograde <submission-dir> --out FILE",
    about: "grade a submission's exercise files with every case (what run_autograder calls)",
    options: { out: { type: "string" } },
    async run(args) {
      const [submission] = positional(args);
      const out = outFile(args);
      if (!submission || !out) throw new UsageError("autograde needs a submission folder and --out FILE");
      const started = Date.now();
      const { autograde } = await import("./autograder");
      let report: GradeReport;
      try {
        report = await autograde(submission, (s) => console.error(s));
      } catch (err) {
        // The run always ends with complete JSON, even when the grader itself fails.
        report = { ...gradeReport([], (Date.now() - started) / 1000), output: `The grader failed: ${(err as Error).message}` };
      }
      writeReport(report, out, false);
      console.error(`Score: ${report.score}/${maxScoreOf(report)}`);
      return 0;
    },
  },
  show: {
    usage: "show <model>",
    about: "a picture of one model in the terminal (show, alone, lists them)",
    async run(args) {
      const { gallery } = await import("../viz/gallery");
      const [name] = positional(args);
      const list = Object.entries(gallery).map(([n, p]) => `  ${n.padEnd(12)} ${p.about}`).join("\n");
      if (!name) {
        console.log(`Models to show:\n${list}`);
        return 0;
      }
      const picture = gallery[name];
      if (!picture) throw new UsageError(`unknown model ${JSON.stringify(name)}. Valid: ${Object.keys(gallery).join(", ")}`);
      console.log(picture.draw());
      return 0;
    },
  },
  lab: {
    usage: "lab <name> [--json] [--quick]",
    about: "a real-socket experiment on loopback, next to the model's prediction (lab alone lists them); exits 2 when the result is inconclusive",
    options: { json: { type: "boolean" }, quick: { type: "boolean" } },
    async run(args) {
      const { labs, runLab, inconclusiveReason, LAB_INCONCLUSIVE_EXIT } = await import("../lab/index");
      const [name] = positional(args);
      const lab = name === undefined ? undefined : (labs as Record<string, (typeof labs)[keyof typeof labs]>)[name];
      if (!lab) throw new UsageError(`${name === undefined ? "lab needs a name" : `unknown lab ${JSON.stringify(name)}`}. Valid: ${Object.keys(labs).join(", ")}`);
      const json = flag(args, "json");
      if (!json) console.log(`${lab.title}\nmeasuring on 127.0.0.1 ...`);
      const result = await runLab(name as keyof typeof labs, { quick: flag(args, "quick") });
      console.log(json ? JSON.stringify(result, null, 2) : lab.format(result));
      const inconclusive = inconclusiveReason(result);
      if (inconclusive === undefined) return 0;
      console.error(`the ${name} lab was inconclusive: ${inconclusive}`);
      return LAB_INCONCLUSIVE_EXIT;
    },
  },
  bench: {
    usage: "bench [--json]",
    about: "speed of the models and the grader against their targets",
    options: { json: { type: "boolean" } },
    async run(args) {
      const json = flag(args, "json");
      const log = (s: string) => (json ? console.error(s) : console.log(s));
      const { formatBenchResult, runBench } = await import("./bench");
      log("Benchmarks (times are medians of 3 runs, except whole-suite runs):");
      const results = await runBench(undefined, (r) => log(formatBenchResult(r)));
      const metrics = Object.fromEntries(results.map((r) => [r.key, r.value === null ? null : Math.round(r.value * 10) / 10]));
      if (json) console.log(JSON.stringify({ platform: process.platform, node: process.version, metrics, results }, null, 2));
      return results.every((r) => r.ok) ? 0 : 1;
    },
  },
  release: {
    usage: "release <dir> [--update]",
    about: "write the student copy (no solutions, no hidden cases) into a new folder; --update refreshes one, never touching exercises/",
    options: { update: { type: "boolean" } },
    async run(args) {
      const [dir] = positional(args);
      if (!dir) throw new UsageError("release needs a target folder");
      const { release, updateRelease } = await import("./release");
      if (flag(args, "update")) {
        const u = updateRelease(dir);
        console.log(`Updated ${u.updated.length} and added ${u.added.length} files in ${u.dir}; exercises/ untouched.` +
          (u.backup ? `\nPrevious versions of the updated files: ${u.backup}` : ""));
        return 0;
      }
      const r = release(dir);
      console.log(`Wrote ${r.files} files to ${r.dir} (without solutions/ and hidden cases, with .github/workflows/classroom.yml).\n` +
        `Students: cd ${dir} && npm install && npm start`);
      return 0;
    },
  },
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name === undefined || name === "help" || name === "--help" ? undefined : commands[name];
  if (!command) {
    const list = Object.values(commands).map((c) => `  ${c.usage.padEnd(34)} ${c.about}`).join("\n");
    const head = name && name !== "help" && name !== "--help" ? `Unknown command "${name}".\n` : "";
    console.log(`${head}Usage: npm run workbook -- <command>\n${list}`);
    return head ? 2 : 0;
  }
  try {
    const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    return await command.run({ flags: parsed.values, positionals: parsed.positionals });
  } catch (err) {
    if (isUserMistake(err)) {
      console.error(`error: ${(err as Error).message}\nusage: npm run workbook -- ${command.usage}`);
      return 2;
    }
    throw err;
  }
}

/** Errors that describe what the user asked for (a bad option, id or path), shown without a stack trace. */
function isUserMistake(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return err instanceof UsageError || err instanceof RangeError ||
    (typeof code === "string" && (code.startsWith("ERR_PARSE_ARGS") || ["EACCES", "EPERM", "ENOENT", "ENOTDIR", "EEXIST", "EROFS", "ENOSPC"].includes(code)));
}
