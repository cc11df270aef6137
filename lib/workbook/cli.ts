/**
 * The workbook's command line: `npm run workbook -- <command>`.
 * Each command declares its options (parsed by node:util's parseArgs, strict:
 * an unknown option is a usage error) and is a small function; `help` lists them.
 * Everything it prints is in the current language (lib/i18n.ts); `lang` sets it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { checkChoice } from "../errors";
import { language, languageChoice, LANGUAGES, messages, saveLanguage, settingsFile, tr, type Localized, type Text } from "../i18n";
import { catalogue, findExercise } from "./catalogue";
import { checkExercises, progressText, selectIds, verdictPrinter } from "./check";
import { gradeReport, type GradeReport, maxScoreOf } from "./grade";
import { hint } from "./hints";
// Commands load what they need when they run (labs, pictures, bench, autograder): a hint starts fast.
import { ROOT } from "./paths";
import { onPseudoFileSystem } from "./pseudo-fs";
import { readFileUpTo } from "../read-file";
import { verdictLine } from "./verdict";

const say = messages("workbook/cli", {
  aboutProgress: {
    en: "exercises done and what to do next, from the last checks (--last-run: print nothing when there are none)",
    ko: "마지막 채점 결과로 본 진행 상황과 다음에 할 일 (--last-run: 채점 결과가 없으면 아무것도 출력하지 않음)",
  },
  aboutHint: {
    en: "a hint for one exercise; --more opens the next, more detailed one",
    ko: "문제 하나의 힌트. --more는 더 자세한 다음 힌트를 엽니다",
  },
  aboutCheck: {
    en: "grade one exercise, one section (4.2) or all, against exercises/; --watch: again after every save",
    ko: "exercises/의 문제 하나, 절 하나(4.2), 또는 전부를 채점. --watch: 저장할 때마다 다시 채점",
  },
  aboutGrade: {
    en: "grade every exercise into a score (Gradescope results.json); exits 1 below full marks unless --exit-zero",
    ko: "모든 문제를 채점해 점수를 냄 (Gradescope results.json). 만점이 아니면 종료 코드 1 (--exit-zero가 없을 때)",
  },
  aboutAutograder: {
    en: "write a Gradescope autograder (setup.sh, run_autograder, the trusted copy with hidden cases, the zip)",
    ko: "Gradescope 자동 채점기를 만듦 (setup.sh, run_autograder, 숨은 케이스가 든 신뢰할 수 있는 사본, zip)",
  },
  aboutAutograde: {
    en: "grade a submission's exercise files with every case (what run_autograder calls)",
    ko: "제출물의 연습 문제 파일을 모든 케이스로 채점 (run_autograder가 부르는 명령)",
  },
  aboutShow: { en: "a picture of one model in the terminal (show, alone, lists them)", ko: "모델 하나를 터미널에 그림 (show만 쓰면 목록)" },
  aboutLab: {
    en: "a real-socket experiment on loopback, next to the model's prediction (lab alone lists them); exits 2 when the result is inconclusive",
    ko: "루프백에서 진짜 소켓으로 하는 실험을 모델의 예측과 나란히 보여 줌 (lab만 쓰면 목록). 결론을 못 내면 종료 코드 2",
  },
  aboutBench: { en: "speed of the models and the grader against their targets", ko: "모델과 채점기의 속도를 목표와 비교" },
  aboutRelease: {
    en: "write the student copy (no solutions, no hidden cases) into a new folder; --update refreshes one, never touching exercises/",
    ko: "새 폴더에 학생용 사본(풀이와 숨은 케이스 제외)을 만듦. --update는 exercises/는 건드리지 않고 사본을 갱신",
  },
  aboutLang: {
    en: "the language of everything the workbook prints: en (English) or ko (Korean); lang alone says which one and why",
    ko: "워크북이 출력하는 모든 글의 언어: en(영어) 또는 ko(한국어). lang만 쓰면 지금 언어와 그 출처를 알려 줌",
  },
  usageHead: { en: "Usage: npm run workbook -- <command>", ko: "사용법: npm run workbook -- <command>" },
  unknownCommand: { en: 'Unknown command "{name}".', ko: '없는 명령입니다: "{name}".' },
  error: { en: "error: {message}", ko: "오류: {message}" },
  usage: { en: "usage: npm run workbook -- {usage}", ko: "사용법: npm run workbook -- {usage}" },
  unknownOption: { en: "unknown option {option}", ko: "알 수 없는 옵션: {option}" },
  optionNeedsValue: { en: "option {option} needs a value", ko: "{option} 옵션에는 값이 필요합니다" },
  optionTakesNoValue: { en: "option {option} takes no value", ko: "{option} 옵션에는 값을 줄 수 없습니다" },
  fsError: { en: "{path}: {reason} (error code {code})", ko: "{path}: {reason} (오류 코드 {code})" },
  EACCES: { en: "permission denied", ko: "권한이 없습니다" },
  EPERM: { en: "operation not permitted", ko: "허용되지 않은 작업입니다" },
  ENOENT: { en: "no such file or folder", ko: "그런 파일이나 폴더가 없습니다" },
  ENOTDIR: { en: "not a folder", ko: "폴더가 아닙니다" },
  EEXIST: { en: "already exists", ko: "이미 있습니다" },
  EROFS: { en: "read-only file system", ko: "읽기 전용 파일 시스템입니다" },
  ENOSPC: { en: "no space left on the disk", ko: "디스크에 남은 공간이 없습니다" },
  ENAMETOOLONG: { en: "name too long", ko: "이름이 너무 깁니다" },
  ELOOP: { en: "too many symbolic links", ko: "심볼릭 링크가 너무 많이 이어집니다" },
  EISDIR: { en: "is a folder", ko: "폴더입니다" },
  EIO: { en: "input/output error", ko: "입출력 오류입니다" },
  outPseudo: {
    en: "--out {out} is in {dir}, a file system of the kernel's own files (/proc, /sys), not one for a report; give another file name",
    ko: "--out {out}은(는) 커널의 파일 시스템({dir}: /proc, /sys)에 있어 보고서를 쓸 수 없습니다. 다른 파일 이름을 주세요",
  },
  outWriteFailed: {
    en: "could not write --out {out} ({code}); the report follows on standard output",
    ko: "--out {out}에 쓰지 못했습니다({code}). 보고서는 표준 출력에 이어서 씁니다",
  },
  outMissing: { en: "--out {out}: the folder {dir} does not exist", ko: "--out {out}: {dir} 폴더가 없습니다" },
  outIsFolder: { en: "--out {out} is a folder; give a file name", ko: "--out {out}은 폴더입니다. 파일 이름을 주세요" },
  outNotWritable: {
    en: "--out {out}: the file or its folder {dir} is not writable",
    ko: "--out {out}: 그 파일이나 {dir} 폴더에 쓸 수 없습니다",
  },
  outLoop: { en: "--out {out}: too many symbolic links", ko: "--out {out}: 심볼릭 링크가 너무 많이 이어집니다" },
  outNotReport: {
    en: "--out {out} already holds something other than a report of ours; give a new file name (or an earlier results.json)",
    ko: "--out {out}에는 이미 채점 보고서가 아닌 내용이 있습니다. 새 파일 이름(또는 예전 results.json)을 주세요",
  },
  outEmpty: { en: "--out needs a file name, not an empty string", ko: "--out에는 빈 문자열이 아닌 파일 이름이 필요합니다" },
  outNotFile: {
    en: "--out {out} is not an ordinary file (a device, a pipe or a socket); give a file name",
    ko: "--out {out}은(는) 일반 파일이 아닙니다(장치, 파이프 또는 소켓). 파일 이름을 주세요",
  },
  noArguments: { en: "{command} takes no arguments; got {extra}", ko: "{command}에는 인자를 줄 수 없습니다. 받은 인자: {extra}" },
  oneArgument: {
    en: "{command} takes one argument; got also {extra}",
    ko: "{command}에는 인자를 하나만 줄 수 있습니다. 더 받은 인자: {extra}",
  },
  watching: { en: "Watching {dir}/ (Ctrl-C to stop) ...", ko: "{dir}/ 폴더를 지켜보는 중입니다 (멈추려면 Ctrl-C) ..." },
  hintNeedsId: { en: "hint needs an exercise id. Valid ids: {ids}", ko: "hint에는 문제 번호가 필요합니다. 있는 번호: {ids}" },
  grading: { en: "Grading {count} exercises ...", ko: "{count}문제를 채점합니다 ..." },
  score: { en: "Score: {score}/{max}", ko: "점수: {score}/{max}" },
  autograderNeedsDir: { en: "autograder needs a new folder to write into", ko: "autograder에는 새로 만들 폴더가 필요합니다" },
  autograderWrote: {
    en: "Wrote {files} files to {source} and {zip}.\nUpload {zip} to Gradescope (see TEACHING.md).",
    ko: "파일 {files}개를 {source}에 쓰고 {zip}을 만들었습니다.\n{zip}을 Gradescope에 올리세요 (TEACHING.md 참고).",
  },
  autogradeNeeds: { en: "autograde needs a submission folder and --out FILE", ko: "autograde에는 제출물 폴더와 --out FILE이 필요합니다" },
  noSubmission: {
    en: "{dir} is not a folder: give the folder that holds the submission",
    ko: "{dir}은(는) 폴더가 아닙니다. 제출물이 든 폴더를 주세요",
  },
  graderFailed: { en: "The grader failed: {error}", ko: "채점기가 실패했습니다: {error}" },
  modelsToShow: { en: "Models to show:", ko: "그려 볼 수 있는 모델:" },
  unknownModel: { en: "unknown model {name}. Valid: {valid}", ko: "없는 모델입니다: {name}. 있는 모델: {valid}" },
  labNeedsName: { en: "lab needs a name. Valid: {valid}", ko: "lab에는 실험 이름이 필요합니다. 있는 실험: {valid}" },
  unknownLab: { en: "unknown lab {name}. Valid: {valid}", ko: "없는 실험입니다: {name}. 있는 실험: {valid}" },
  measuring: { en: "measuring on 127.0.0.1 ...", ko: "127.0.0.1에서 측정하는 중 ..." },
  inconclusive: { en: "the {name} lab was inconclusive: {reason}", ko: "{name} 실험은 결론을 내지 못했습니다: {reason}" },
  benchHead: {
    en: "Benchmarks (times are medians of 3 runs, except whole-suite runs):",
    ko: "벤치마크 (시간은 3번 실행한 값의 중앙값, 전체 실행은 1번):",
  },
  releaseNeedsDir: { en: "release needs a target folder", ko: "release에는 사본을 만들 폴더가 필요합니다" },
  updated: {
    en: "Updated {updated} and added {added} files in {dir}; exercises/ untouched.",
    ko: "{dir}에서 파일 {updated}개를 갱신하고 {added}개를 더했습니다. exercises/는 그대로입니다.",
  },
  backup: { en: "Previous versions of the updated files: {backup}", ko: "갱신한 파일의 이전 판: {backup}" },
  released: {
    en: "Wrote {files} files to {dir} (without solutions/ and hidden cases, with .github/workflows/classroom.yml).\nStudents: cd {target} && npm install && npm start",
    ko: "파일 {files}개를 {dir}에 썼습니다 (solutions/와 숨은 케이스는 빼고, .github/workflows/classroom.yml은 넣어서).\n학생은: cd {target} && npm install && npm start",
  },
  langSet: { en: "Language set to English, saved in {file}.", ko: "언어를 한국어로 정하고 {file}에 저장했습니다." },
  langIs: { en: "Language: {language} ({name}), {source}.", ko: "언어: {language} ({name}), {source}." },
  en: { en: "English", ko: "영어" },
  ko: { en: "Korean", ko: "한국어" },
  fromSetLanguage: { en: "chosen in this process with setLanguage()", ko: "이 프로세스에서 setLanguage()로 정했습니다" },
  fromNotebook: { en: "because the notebook was opened from notebooks/ko/", ko: "노트북을 notebooks/ko/에서 열었기 때문입니다" },
  fromSaved: { en: "saved by npm run workbook -- lang in {file}", ko: "npm run workbook -- lang으로 {file}에 저장한 설정입니다" },
  fromEnv: { en: "from the WORKBOOK_LANG environment variable", ko: "환경 변수 WORKBOOK_LANG에서 정했습니다" },
  fromLocale: { en: "from the system locale ({locale})", ko: "시스템 로캘({locale})에서 정했습니다" },
  unknownLocale: { en: "unknown", ko: "알 수 없음" },
  langChange: { en: "To change it: npm run workbook -- lang {other}", ko: "바꾸려면: npm run workbook -- lang {other}" },
  langTooMany: { en: "lang takes one language: en or ko", ko: "lang에는 언어 하나만 줄 수 있습니다: en 또는 ko" },
});

/** A text another module may give as plain English or as both languages (lab titles, gallery captions). */
const shown = (text: string | Text): string => (typeof text === "string" ? text : tr(text));

/** What a command receives: its options by name and its positional arguments. */
interface Args {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
}
type Options = Record<string, { type: "boolean" | "string" }>;
/**
 * `usage` is syntax (the same in every language); `about` says what the command does;
 * `positionals` is how many arguments besides options it takes (more is a usage
 * error before anything runs; leave it out when the command checks them itself).
 */
type Command = { usage: string; about: () => Localized; options?: Options; positionals?: 0 | 1; run(args: Args): Promise<number> };

const flag = (args: Args, name: string) => args.flags[name] === true;
const option = (args: Args, name: string) => args.flags[name] as string | undefined;
const positional = (args: Args) => args.positionals;

/** `--out FILE` must be writable before any grading starts, so a long run never ends in a lost result. */
function outFile(args: Args): string | undefined {
  const out = option(args, "out");
  if (out === undefined) return undefined;
  if (out === "") throw new UsageError(say.outEmpty());
  // the checks are about where the report will land: through a link, that is the link's target
  const file = linkTarget(out);
  const dir = path.dirname(file);
  // a stat that fails (a name too long, a loop of links, a file where a folder belongs) is a mistake in the name (isUserMistake)
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(say.outMissing({ out, dir }));
  if (onPseudoFileSystem(dir)) throw new UsageError(say.outPseudo({ out, dir }));
  const existing = fs.statSync(file, { throwIfNoEntry: false });
  if (existing?.isDirectory()) throw new UsageError(say.outIsFolder({ out }));
  // a device (/dev/full), a pipe or a socket would fail, block or lose the report only after the whole run
  if (existing && !existing.isFile()) throw new UsageError(say.outNotFile({ out }));
  try {
    fs.accessSync(existing ? file : dir, fs.constants.W_OK);
  } catch {
    throw new UsageError(say.outNotWritable({ out, dir }));
  }
  // `--out exercises/tcp-connections.ts` would replace a student's work with the report
  if (existing && existing.size > 0 && !isReport(file)) throw new UsageError(say.outNotReport({ out }));
  return out;
}

/** Whether `file` holds a report that --out wrote before (JSON with a score and tests): one that may be replaced. */
function isReport(file: string): boolean {
  const text = readFileUpTo(file, MAX_REPORT_BYTES);
  if (text === undefined) return false;
  try {
    const j = JSON.parse(text);
    return j !== null && typeof j === "object" && typeof j.score === "number" && Array.isArray(j.tests);
  } catch {
    return false;
  }
}

/** Far more than a report of every exercise takes (about 30 KB). */
const MAX_REPORT_BYTES = 16 * 1024 * 1024;

/** Where writing `out` would go: the file itself, or, for a symbolic link, the path its links lead to (which may not exist yet). */
function linkTarget(out: string): string {
  let file = path.resolve(out);
  // each hop by hand: realpath fails on a link to a file not made yet, which a write would create
  for (let hops = 0; fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink(); hops++) {
    if (hops === 40) throw new UsageError(say.outLoop({ out })); // as the kernel gives up (ELOOP)
    // from the link's real folder, as the kernel reads it: "../x" from a folder reached through a link is not the text's "../x"
    file = path.resolve(fs.realpathSync(path.dirname(file)), fs.readlinkSync(file));
  }
  return file;
}

/** The report into `out` (and to stdout with --json); if `out` fails after all, the report still reaches stdout. */
function writeReport(report: GradeReport, out: string | undefined, json: boolean): void {
  const text = `${JSON.stringify(report, null, 2)}\n`;
  let failed = false;
  if (out) {
    try {
      fs.writeFileSync(out, text);
    } catch (err) {
      failed = true;
      console.error(say.error({ message: say.outWriteFailed({ out, code: String((err as NodeJS.ErrnoException).code ?? err) }) }));
    }
  }
  if (json || failed) process.stdout.write(text);
}

export class UsageError extends Error {}

/**
 * `check --watch`: grades the exercises of a file again each time it is
 * saved, in this one process, so TypeScript and everything else stay loaded
 * and a check after a save costs a fraction of a cold start. Ends on Ctrl-C.
 */
function watch(ids: string[]): Promise<number> {
  const dir = path.join(ROOT, "exercises");
  console.log(say.watching({ dir: path.relative(process.cwd(), dir) || dir }));
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
      if (again.length)
        running = running.then(async () => {
          console.log(`\n${new Date().toLocaleTimeString()} ${again.join(", ")}`);
          await checkExercises(again, verdictPrinter(), { spare: true });
        });
    }, 150); // an editor's save is often several writes
  });
  return new Promise((resolve) =>
    process.once("SIGINT", () => {
      watcher.close();
      resolve(0);
    }),
  );
}

export const commands: Record<string, Command> = {
  progress: {
    positionals: 0,
    usage: "progress [--last-run]",
    about: say.aboutProgress,
    options: { "last-run": { type: "boolean" } },
    async run(args) {
      const text = await progressText(flag(args, "last-run"));
      if (text) console.log(text);
      return 0;
    },
  },
  hint: {
    positionals: 1,
    usage: "hint <id> [--more]",
    about: say.aboutHint,
    options: { more: { type: "boolean" } },
    async run(args) {
      const [id] = positional(args);
      if (!id) throw new UsageError(say.hintNeedsId({ ids: catalogue.map((e) => e.id).join(", ") }));
      hint(id, flag(args, "more"));
      return 0;
    },
  },
  check: {
    positionals: 1,
    usage: "check [<id>|<section>] [--watch]",
    about: say.aboutCheck,
    options: { watch: { type: "boolean" } },
    async run(args) {
      const ids = selectIds(positional(args)[0]);
      const verdicts = await checkExercises(ids, verdictPrinter());
      if (flag(args, "watch")) return watch(ids);
      return verdicts.every((v) => v.status === "passed") ? 0 : 1;
    },
  },
  grade: {
    positionals: 0,
    usage: "grade [--json] [--out FILE] [--exit-zero]",
    about: say.aboutGrade,
    options: { json: { type: "boolean" }, out: { type: "string" }, "exit-zero": { type: "boolean" } },
    async run(args) {
      const json = flag(args, "json");
      const out = outFile(args);
      const log = (s: string) => (json ? console.error(s) : console.log(s));
      log(say.grading({ count: catalogue.length }));
      const started = Date.now();
      const verdicts = await checkExercises(
        catalogue.map((e) => e.id),
        (v) => log(`  ${verdictLine(v)}`),
      );
      const report = gradeReport(verdicts, (Date.now() - started) / 1000);
      const max = maxScoreOf(report);
      log(say.score({ score: report.score, max }));
      writeReport(report, out, json);
      return report.score >= max || flag(args, "exit-zero") ? 0 : 1;
    },
  },
  autograder: {
    positionals: 1,
    usage: "autograder <dir>",
    about: say.aboutAutograder,
    async run(args) {
      const [dir] = positional(args);
      if (!dir) throw new UsageError(say.autograderNeedsDir());
      const { buildAutograder } = await import("./autograder");
      const r = buildAutograder(dir);
      console.log(say.autograderWrote({ files: r.files, source: path.join(r.dir, "source"), zip: r.zip }));
      return 0;
    },
  },
  autograde: {
    positionals: 1,
    usage: "autograde <submission-dir> --out FILE",
    about: say.aboutAutograde,
    options: { out: { type: "string" } },
    async run(args) {
      const [submission] = positional(args);
      const out = outFile(args);
      if (!submission || !out) throw new UsageError(say.autogradeNeeds());
      if (!fs.statSync(submission, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(say.noSubmission({ dir: submission }));
      const started = Date.now();
      const { autograde } = await import("./autograder");
      let report: GradeReport;
      try {
        report = await autograde(submission, (s) => console.error(s));
      } catch (err) {
        // The run always ends with complete JSON, even when the grader itself fails.
        report = { ...gradeReport([], (Date.now() - started) / 1000), output: say.graderFailed({ error: (err as Error).message }) };
      }
      writeReport(report, out, false);
      console.error(say.score({ score: report.score, max: maxScoreOf(report) }));
      return 0;
    },
  },
  show: {
    positionals: 1,
    usage: "show <model>",
    about: say.aboutShow,
    async run(args) {
      const { gallery } = await import("../viz/gallery");
      const [name] = positional(args);
      const list = Object.entries(gallery)
        .map(([n, p]) => `  ${n.padEnd(12)} ${shown(p.about)}`)
        .join("\n");
      if (!name) {
        console.log(`${say.modelsToShow()}\n${list}`);
        return 0;
      }
      const picture = Object.hasOwn(gallery, name) ? gallery[name] : undefined;
      if (!picture) throw new UsageError(say.unknownModel({ name: JSON.stringify(name), valid: Object.keys(gallery).join(", ") }));
      console.log(picture.draw());
      return 0;
    },
  },
  lab: {
    positionals: 1,
    usage: "lab <name> [--json] [--quick]",
    about: say.aboutLab,
    options: { json: { type: "boolean" }, quick: { type: "boolean" } },
    async run(args) {
      const { labs, runLab, inconclusiveReason, LAB_INCONCLUSIVE_EXIT } = await import("../lab/index");
      const [name] = positional(args);
      const lab =
        name === undefined || !Object.hasOwn(labs, name) ? undefined : (labs as Record<string, (typeof labs)[keyof typeof labs]>)[name];
      const valid = Object.keys(labs).join(", ");
      if (!lab)
        throw new UsageError(name === undefined ? say.labNeedsName({ valid }) : say.unknownLab({ name: JSON.stringify(name), valid }));
      const json = flag(args, "json");
      if (!json) console.log(`${shown(lab.title)}\n${say.measuring()}`);
      const result = await runLab(name as keyof typeof labs, { quick: flag(args, "quick") });
      console.log(json ? JSON.stringify(result, null, 2) : lab.format(result));
      const inconclusive = inconclusiveReason(result);
      if (inconclusive === undefined) return 0;
      console.error(say.inconclusive({ name: String(name), reason: inconclusive }));
      return LAB_INCONCLUSIVE_EXIT;
    },
  },
  bench: {
    positionals: 0,
    usage: "bench [--json]",
    about: say.aboutBench,
    options: { json: { type: "boolean" } },
    async run(args) {
      const json = flag(args, "json");
      const log = (s: string) => (json ? console.error(s) : console.log(s));
      const { formatBenchResult, runBench } = await import("./bench");
      log(say.benchHead());
      const results = await runBench(undefined, (r) => log(formatBenchResult(r)));
      const metrics = Object.fromEntries(results.map((r) => [r.key, r.value === null ? null : Math.round(r.value * 10) / 10]));
      if (json) console.log(JSON.stringify({ platform: process.platform, node: process.version, metrics, results }, null, 2));
      return results.every((r) => r.ok) ? 0 : 1;
    },
  },
  release: {
    positionals: 1,
    usage: "release <dir> [--update]",
    about: say.aboutRelease,
    options: { update: { type: "boolean" } },
    async run(args) {
      const [dir] = positional(args);
      if (!dir) throw new UsageError(say.releaseNeedsDir());
      const { release, updateRelease } = await import("./release");
      if (flag(args, "update")) {
        const u = updateRelease(dir);
        console.log(
          say.updated({ updated: u.updated.length, added: u.added.length, dir: u.dir }) +
            (u.backup ? `\n${say.backup({ backup: u.backup })}` : ""),
        );
        return 0;
      }
      const r = release(dir);
      console.log(say.released({ files: r.files, dir: r.dir, target: dir }));
      return 0;
    },
  },
  lang: {
    usage: "lang [en|ko]",
    about: say.aboutLang,
    async run(args) {
      const given = positional(args);
      if (given.length > 1) throw new UsageError(say.langTooMany());
      if (given.length === 0) {
        console.log(`${describeLanguage()}\n${say.langChange({ other: language() === "ko" ? "en" : "ko" })}`);
        return 0;
      }
      const lang = checkChoice("lang", given[0], LANGUAGES);
      const file = saveLanguage(lang);
      console.log(tr(say.langSet.text, { file }, lang)); // in the language just chosen
      return 0;
    },
  },
};

/** Arguments a command does not take are refused before it runs (`check 4.1a 4.1b` would grade only 4.1a). */
function checkPositionals(name: string, command: Command, given: string[]): void {
  const max = command.positionals;
  if (max === undefined || given.length <= max) return;
  const extra = given
    .slice(max)
    .map((a) => `"${quoted(a)}"`)
    .join(" ");
  throw new UsageError(max === 0 ? say.noArguments({ command: name, extra }) : say.oneArgument({ command: name, extra }));
}

/** The current language, and what decided it. */
function describeLanguage(): string {
  const choice = languageChoice();
  const source = {
    setLanguage: () => say.fromSetLanguage(),
    notebook: () => say.fromNotebook(),
    saved: () => say.fromSaved({ file: choice.detail ?? settingsFile() }),
    WORKBOOK_LANG: () => say.fromEnv(),
    locale: () => say.fromLocale({ locale: choice.detail ?? say.unknownLocale() }),
  }[choice.source]();
  return say.langIs({ language: choice.language, name: say[choice.language](), source });
}

const HELP = ["help", "--help", "-h"];

/** Longer than this, a message is cut: a 100,000-character path in an error is no help. */
const MAX_SHOWN = 1000;

function cutText(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}... (${text.length})` : text;
}

/**
 * A user's word as the terminal should show it: JSON-escaped (a line break
 * or an escape sequence stays visible), with the invisible format characters
 * (a right-to-left override would reorder the line) written as \u codes.
 */
function quoted(text: string): string {
  const escaped = JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}...` : text).slice(1, -1);
  return escaped.replace(/\p{Cf}/gu, (c) => {
    const code = c.codePointAt(0) as number;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  // own commands only: "constructor" or "toString" is an unknown command, not Object.prototype's
  const command = name === undefined || HELP.includes(name) || !Object.hasOwn(commands, name) ? undefined : commands[name];
  if (!command) {
    const width = Math.max(...Object.values(commands).map((c) => c.usage.length)) + 2;
    const list = Object.values(commands)
      .map((c) => `  ${c.usage.padEnd(width)}${c.about()}`)
      .join("\n");
    const head = name && !HELP.includes(name) ? `${say.unknownCommand({ name: quoted(name) })}\n` : "";
    console.log(`${head}${say.usageHead()}\n${list}`);
    return head ? 2 : 0;
  }
  // `<command> --help` (or -h): that command's usage, and nothing run; after `--` every word is an argument
  const end = args.indexOf("--");
  const beforeEnd = end === -1 ? args : args.slice(0, end);
  if (beforeEnd.includes("--help") || beforeEnd.includes("-h")) {
    console.log(`${say.usage({ usage: command.usage })}\n  ${command.about()}`);
    return 0;
  }
  try {
    const parsed = parseArgs({ args, options: command.options ?? {}, allowPositionals: true, strict: true });
    checkPositionals(name, command, parsed.positionals);
    return await command.run({ flags: parsed.values, positionals: parsed.positionals });
  } catch (err) {
    if (isUserMistake(err)) {
      console.error(
        `${say.error({ message: cutText(mistakeText(err, args, command.options ?? {})) })}\n${say.usage({ usage: command.usage })}`,
      );
      return 2;
    }
    throw err;
  }
}

/**
 * A user mistake in the reader's language. Node words its own errors in
 * English (parseArgs, file system): in English they are shown as they are,
 * otherwise they are worded here from their code.
 */
function mistakeText(err: unknown, args: string[], options: Options): string {
  const e = err as NodeJS.ErrnoException;
  if (language() === "en" || typeof e.code !== "string") return e.message;
  if (e.code.startsWith("ERR_PARSE_ARGS")) return parseArgsText(e, args, options) ?? e.message;
  const reason = FS_REASONS[e.code];
  return reason ? say.fsError({ path: e.path ?? "", reason: reason(), code: e.code }) : e.message;
}

const FS_REASONS: Record<string, () => Localized> = {
  EACCES: say.EACCES,
  EPERM: say.EPERM,
  ENOENT: say.ENOENT,
  ENOTDIR: say.ENOTDIR,
  EEXIST: say.EEXIST,
  EROFS: say.EROFS,
  ENOSPC: say.ENOSPC,
  ENAMETOOLONG: say.ENAMETOOLONG,
  ELOOP: say.ELOOP,
  EISDIR: say.EISDIR,
  EIO: say.EIO,
};

/** What parseArgs refused, found again in the arguments (its message names it only in English). */
function parseArgsText(e: NodeJS.ErrnoException, args: string[], options: Options): Localized | undefined {
  const end = args.indexOf("--");
  const given = (end === -1 ? args : args.slice(0, end)).filter((a) => a.startsWith("-") && a !== "-");
  const nameOf = (a: string) => (a.startsWith("--") ? a.slice(2).split("=")[0] : a.slice(1, 2));
  if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const unknown = given.find((a) => !Object.hasOwn(options, nameOf(a)));
    return unknown === undefined ? undefined : say.unknownOption({ option: unknown.split("=")[0] });
  }
  if (e.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const bad = given.find((a) => {
      const spec = Object.hasOwn(options, nameOf(a)) ? options[nameOf(a)] : undefined;
      if (spec?.type === "boolean") return a.includes("="); // --json=yes
      const next = args[args.indexOf(a) + 1];
      return spec?.type === "string" && !a.includes("=") && (next === undefined || next.startsWith("-")); // --out at the end, or before another option
    });
    if (bad === undefined) return undefined;
    const option = bad.split("=")[0];
    return options[nameOf(bad)].type === "boolean" ? say.optionTakesNoValue({ option }) : say.optionNeedsValue({ option });
  }
  return undefined;
}

/** Errors that describe what the user asked for (a bad option, id or path), shown without a stack trace. */
function isUserMistake(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return (
    err instanceof UsageError ||
    err instanceof RangeError ||
    (typeof code === "string" && (code.startsWith("ERR_PARSE_ARGS") || Object.hasOwn(FS_REASONS, code)))
  );
}
