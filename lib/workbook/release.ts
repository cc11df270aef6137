/**
 * `release <dir>`: the student copy a teacher hands out, and `release
 * --update <dir>` to refresh one mid-semester.
 *
 * The copy holds every file of the workbook that .gitignore does not
 * exclude (no git needed), minus what stays with the teacher: reference
 * solutions, hidden cases, the teacher's tests and notes, this repository's
 * CI. It gains the GitHub Classroom workflow and a marker saying it is a
 * student copy. A new release refuses any folder that is not new and empty;
 * an update never touches exercises/ (it only adds exercise files that are
 * missing) and keeps a backup of every other file it changes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { messages } from "../i18n";
import { classroomWorkflow } from "./classroom";
import { ROOT } from "./paths";
import { onPseudoFileSystem } from "./pseudo-fs";

const say = messages("workbook/release", {
  insideWorkbook: {
    en: "<dir> must be outside the workbook ({root}); {dir} resolves to {target}",
    ko: "<dir>은 워크북({root}) 밖에 있어야 합니다. {dir}의 실제 위치: {target}",
  },
  systemFolder: { en: "<dir> must be an ordinary folder; got {dir}", ko: "<dir>은 평범한 폴더여야 합니다. 받은 값: {dir}" },
  isFile: { en: "<dir> must be a folder; {dir} is a file", ko: "<dir>은 폴더여야 합니다. {dir}은 파일입니다" },
  notEmpty: {
    en: "<dir> must be a new or empty folder, so nothing is overwritten; {dir} is not empty (to refresh a student copy: release --update)",
    ko: "아무것도 덮어쓰지 않도록 <dir>은 새 폴더나 빈 폴더여야 합니다. {dir}은 비어 있지 않습니다 (학생용 사본을 갱신하려면: release --update)",
  },
  notACopy: {
    en: "release --update <dir> needs a student copy made by release; {dir} has no {marker}",
    ko: "release --update <dir>에는 release로 만든 학생용 사본이 필요합니다. {dir}에는 {marker} 파일이 없습니다",
  },
  unsafeInCopy: {
    en: "release --update writes only inside {dir}, into ordinary files and folders; these are symbolic links or special files: {paths}. Nothing was changed",
    ko: "release --update는 {dir} 안의 평범한 파일과 폴더에만 씁니다. 다음은 심볼릭 링크이거나 특수 파일입니다: {paths}. 아무것도 바꾸지 않았습니다",
  },
  tooBig: {
    en: "{file} in the workbook is {bytes} bytes, more than a copy takes ({max}); move it out of the workbook or add it to .gitignore. Nothing was written",
    ko: "워크북의 {file}은(는) {bytes}바이트로, 사본에 넣을 수 있는 크기({max})를 넘습니다. 워크북 밖으로 옮기거나 .gitignore에 넣으세요. 아무것도 쓰지 않았습니다",
  },
  marker: {
    en: "A student copy of the workbook, made by `npm run workbook -- release`: solutions/ and hidden cases are left out on purpose.",
    ko: "`npm run workbook -- release`로 만든 워크북의 학생용 사본입니다. solutions/와 숨은 케이스는 일부러 뺐습니다.",
  },
});

/** A file at the root of a student copy: tells the tests that solutions/ is left out on purpose. */
export const STUDENT_COPY_MARKER = ".workbook-student-copy";
export const CLASSROOM_WORKFLOW = ".github/workflows/classroom.yml";

/** Paths (relative, "/"-separated) that stay with the teacher. */
export const TEACHER_ONLY = [
  /^solutions\//,
  /^checks\/hidden\//,
  /^test\/teacher\//,
  /^docs\//,
  /^TEACHING\.md$/,
  /^\.ci\//,
  /^\.github\//,
  /^scripts\/check-stubs\.ts$/,
];

/** .gitignore's patterns, as tests on a path: `dir/` matches a folder anywhere, `*.log` a file name. */
function ignoredBy(gitignore: string): (rel: string, isDir: boolean) => boolean {
  const rules = gitignore
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("!"));
  const tests = rules.map((rule) => {
    const dirOnly = rule.endsWith("/");
    const glob = rule.replace(/\/$/, "").replace(/^\//, "");
    const re = new RegExp(
      `^${glob
        .replace(/[.+^${}()|[\]\\]/g, "\\$&")
        .replace(/\*/g, "[^/]*")
        .replace(/\?/g, "[^/]")}$`,
    );
    return { dirOnly, re, anchored: glob.includes("/") };
  });
  return (rel, isDir) => tests.some((t) => (!t.dirOnly || isDir) && (t.anchored ? t.re.test(rel) : t.re.test(path.posix.basename(rel))));
}

/** The files of a student copy (or, keeping teacher files, of the workbook), relative and "/"-separated. */
export function releaseFiles(root = ROOT, options: { keepTeacherFiles?: boolean } = {}): string[] {
  const gitignore = path.join(root, ".gitignore");
  const ignored = ignoredBy(fs.existsSync(gitignore) ? fs.readFileSync(gitignore, "utf8") : "");
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const d of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${d.name}` : d.name;
      if (d.name === ".git" || d.isSymbolicLink() || ignored(rel, d.isDirectory())) continue;
      if (d.isDirectory()) walk(rel);
      else if (d.isFile() && rel !== STUDENT_COPY_MARKER && (options.keepTeacherFiles || !TEACHER_ONLY.some((re) => re.test(rel))))
        out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

/**
 * The largest file a copy takes. The workbook's own are under 200 KB (a notebook); a bigger one is
 * something left in the folder (a core dump, a dataset), and one over 2 GB failed the copy half-way.
 */
export const MAX_RELEASE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Checks, before anything is written, that every file a copy takes can be read whole: each is at
 * most MAX_RELEASE_FILE_BYTES and readable. Returns `files`.
 */
export function checkSources(files: string[], root = ROOT): string[] {
  for (const rel of files) {
    const file = path.join(root, rel);
    const { size } = fs.statSync(file);
    if (size > MAX_RELEASE_FILE_BYTES) throw new RangeError(say.tooBig({ file: rel, bytes: size, max: MAX_RELEASE_FILE_BYTES }));
    fs.accessSync(file, fs.constants.R_OK); // EACCES names the file, and the CLI shows it as a mistake
  }
  return files;
}

/** The real path `dir` would have, following symlinks of the part that exists. */
function realTarget(dir: string): string {
  let existing = path.resolve(dir);
  const rest: string[] = [];
  while (!fs.existsSync(existing)) {
    rest.unshift(path.basename(existing));
    existing = path.dirname(existing);
  }
  return path.join(fs.realpathSync(existing), ...rest);
}

/** Refuses an output folder that is inside the workbook, a file, or a system folder. */
export function checkTarget(dir: string): string {
  const target = realTarget(dir);
  const root = fs.realpathSync(ROOT);
  if (target === root || target.startsWith(root + path.sep) || root.startsWith(target + path.sep)) {
    throw new RangeError(say.insideWorkbook({ root: ROOT, dir: JSON.stringify(dir), target }));
  }
  if (/^\/(proc|sys|dev)(\/|$)/.test(target) || onPseudoFileSystem(target))
    throw new RangeError(say.systemFolder({ dir: JSON.stringify(dir) }));
  if (fs.existsSync(target) && !fs.statSync(target).isDirectory()) {
    throw new RangeError(say.isFile({ dir: JSON.stringify(dir) }));
  }
  return target;
}

/**
 * A student copy's .gitignore: like ours, but a student's measurements and
 * hint record (.workbook/labs/, .workbook/hints.json) may be committed, so
 * the autograder can read them from a submission.
 */
export function studentGitignore(text: string): string {
  return text.replace(/^\.workbook\/$/m, ".workbook/*\n!.workbook/labs/\n!.workbook/hints.json");
}

/** A release file's content as the student copy gets it. */
function releaseContent(rel: string): Buffer | string {
  const content = fs.readFileSync(path.join(ROOT, rel));
  return rel === ".gitignore" ? studentGitignore(content.toString("utf8")) : content;
}

function write(target: string, rel: string, content: Buffer | string): void {
  const to = path.join(target, rel);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, content);
}

export function release(dir: string): { dir: string; files: number } {
  const target = checkTarget(dir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new RangeError(say.notEmpty({ dir: JSON.stringify(dir) }));
  }
  const files = checkSources(releaseFiles());
  for (const f of files) write(target, f, releaseContent(f));
  write(target, CLASSROOM_WORKFLOW, classroomWorkflow());
  write(target, STUDENT_COPY_MARKER, `${say.marker()}\n`);
  return { dir: target, files: files.length + 2 };
}

export interface UpdateResult {
  dir: string;
  updated: string[];
  added: string[];
  /** where the previous versions of updated files were kept */
  backup?: string;
}

/**
 * True when reading or writing `rel` inside the copy would follow a symbolic link (out of the copy:
 * a README.md linked to a teacher's file was overwritten through it) or meet something other than
 * folders and an ordinary file (a pipe in a file's place blocks the read). `leafUntouched`: the file
 * itself, when present, is neither read nor written (exercises/), only its folders count.
 */
function leavesCopy(target: string, rel: string, leafUntouched: boolean): boolean {
  const parts = rel.split("/");
  let at = target;
  for (const [i, part] of parts.entries()) {
    at = path.join(at, part);
    const st = fs.lstatSync(at, { throwIfNoEntry: false });
    if (st === undefined) return false; // from here on the update makes it new
    const leaf = i === parts.length - 1;
    if (leaf && leafUntouched) return false;
    if (st.isSymbolicLink() || !(leaf ? st.isFile() : st.isDirectory())) return true;
  }
  return false;
}

/** Refreshes a student copy from this workbook: never changes a file in exercises/, backs up what it replaces. */
export function updateRelease(dir: string): UpdateResult {
  const target = checkTarget(dir);
  if (!fs.existsSync(path.join(target, STUDENT_COPY_MARKER))) {
    throw new RangeError(say.notACopy({ dir: JSON.stringify(dir), marker: STUDENT_COPY_MARKER }));
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const backup = path.join(target, ".workbook", "backup", stamp);
  const result: UpdateResult = { dir: target, updated: [], added: [] };
  const fresh: [string, Buffer | string][] = [
    ...checkSources(releaseFiles()).map((f): [string, Buffer | string] => [f, releaseContent(f)]),
    [CLASSROOM_WORKFLOW, classroomWorkflow()],
  ];
  // every path the update may read or write, checked before the first write
  const unsafe = [...fresh.map(([rel]) => rel), `.workbook/backup/${stamp}`].filter((rel) =>
    leavesCopy(target, rel, rel.startsWith("exercises/")),
  );
  if (unsafe.length) {
    const paths = unsafe.slice(0, 5).join(", ") + (unsafe.length > 5 ? ", ..." : "");
    throw new RangeError(say.unsafeInCopy({ dir: JSON.stringify(dir), paths }));
  }
  for (const [rel, content] of fresh) {
    const to = path.join(target, rel);
    // lstat: a link whose target is missing is there (a student's, in exercises/), not a file to add through it
    if (fs.lstatSync(to, { throwIfNoEntry: false }) === undefined) {
      write(target, rel, content);
      result.added.push(rel);
    } else if (!rel.startsWith("exercises/") && !fs.readFileSync(to).equals(Buffer.from(content))) {
      write(backup, rel, fs.readFileSync(to));
      write(target, rel, content);
      result.updated.push(rel);
    }
  }
  if (result.updated.length) result.backup = backup;
  return result;
}
