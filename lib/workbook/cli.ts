/**
 * The workbook's command line: `npm run workbook -- <command>`.
 * Each command is a small function; `help` lists them.
 */
import * as fs from "node:fs";
import { catalogue, findExercise } from "./catalogue";
import { selectIds } from "./check";
import { gradeReport } from "./grade";
import { loadLastRun } from "./last-run";
import { formatProgress, summarize } from "./progress";
import { runChecks } from "./run-check";
import { labs } from "../lab/index";
import { gallery } from "../viz/gallery";
import { formatBenchResult, runBench } from "./bench";
import { release } from "./release";
import { formatVerdict } from "./verdict";

type Command = { usage: string; about: string; run(args: string[]): Promise<number> };

/** `--name` present? */
const flag = (args: string[], name: string) => args.includes(`--${name}`);
/** the value after `--name`, or undefined */
function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
  return value;
}
const positional = (args: string[]) => args.filter((a, i) => !a.startsWith("--") && !(i > 0 && args[i - 1] === "--out"));

export class UsageError extends Error {}

export const commands: Record<string, Command> = {
  progress: {
    usage: "progress [--last-run]",
    about: "check every exercise and say what to do next (--last-run: use the last npm test instead)",
    async run(args) {
      const last = flag(args, "last-run") ? loadLastRun() : undefined;
      const verdicts = last ?? (await runChecks(undefined, {}, (v) => console.log(formatVerdict(v, findExercise(v.id).title).split("\n")[0])));
      console.log(formatProgress(summarize(verdicts)));
      return 0;
    },
  },
  hint: {
    usage: "hint <id>",
    about: "a hint for one exercise",
    async run(args) {
      const [id] = positional(args);
      if (!id) throw new UsageError(`hint needs an exercise id. Valid ids: ${catalogue.map((e) => e.id).join(", ")}`);
      const ex = findExercise(id);
      console.log(`${ex.id} ${ex.title} (exercises/${ex.file}, export ${ex.export}, ${ex.points} points)\nHint: ${ex.hint}`);
      return 0;
    },
  },
  check: {
    usage: "check [<id>|<section>]",
    about: "grade one exercise, one section (4.2) or all, against exercises/",
    async run(args) {
      const ids = selectIds(positional(args)[0]);
      const verdicts = await runChecks(ids, {}, (v) => console.log(formatVerdict(v, findExercise(v.id).title)));
      return verdicts.every((v) => v.status === "passed") ? 0 : 1;
    },
  },
  grade: {
    usage: "grade [--json] [--out FILE]",
    about: "grade every exercise into a score (Gradescope results.json format)",
    async run(args) {
      const json = flag(args, "json");
      const out = option(args, "out");
      const log = (s: string) => (json ? console.error(s) : console.log(s));
      log(`Grading ${catalogue.length} exercises ...`);
      const verdicts = await runChecks(undefined, {}, (v) => log(`  ${formatVerdict(v).split("\n")[0]}`));
      const report = gradeReport(verdicts);
      log(`Score: ${report.score}/${report.max_score}`);
      if (out) fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
      if (json) console.log(JSON.stringify(report, null, 2));
      return 0;
    },
  },
  show: {
    usage: "show <model>",
    about: "a picture of one model in the terminal (show, alone, lists them)",
    async run(args) {
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
    usage: `lab <${Object.keys(labs).join("|")}> [--json] [--quick]`,
    about: "a real-socket experiment on loopback, next to the model's prediction",
    async run(args) {
      const [name] = positional(args);
      const lab = name === undefined ? undefined : (labs as Record<string, (typeof labs)[keyof typeof labs]>)[name];
      if (!lab) throw new UsageError(`${name === undefined ? "lab needs a name" : `unknown lab ${JSON.stringify(name)}`}. Valid: ${Object.keys(labs).join(", ")}`);
      const json = flag(args, "json");
      if (!json) console.log(`${lab.title}\nmeasuring on 127.0.0.1 ...`);
      const result = await lab.run({ quick: flag(args, "quick") });
      console.log(json ? JSON.stringify(result, null, 2) : lab.format(result));
      return 0;
    },
  },
  bench: {
    usage: "bench [--json]",
    about: "speed of the models and the grader against their targets",
    async run(args) {
      const json = flag(args, "json");
      const log = (s: string) => (json ? console.error(s) : console.log(s));
      log("Benchmarks (median of 3 runs each):");
      const results = await runBench(undefined, 3, (r) => log(formatBenchResult(r)));
      if (json) console.log(JSON.stringify({ platform: process.platform, node: process.version, results }, null, 2));
      return results.every((r) => r.ok) ? 0 : 1;
    },
  },
  release: {
    usage: "release <dir>",
    about: "write the student copy (no solutions/, no .ci/) into a new folder",
    async run(args) {
      const [dir] = positional(args);
      if (!dir) throw new UsageError("release needs a target folder");
      const r = release(dir);
      console.log(`Wrote ${r.files} files to ${r.dir} (without solutions/ and .ci/).\nStudents: cd ${dir} && npm install && npm start`);
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
    return await command.run(args);
  } catch (err) {
    if (err instanceof UsageError || err instanceof RangeError) {
      console.error(`error: ${err.message}\nusage: npm run workbook -- ${command.usage}`);
      return 2;
    }
    throw err;
  }
}
