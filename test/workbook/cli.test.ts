// The CLI as a user runs it: `npm run workbook -- <command>` (ts-node).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogue } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";

/** The CLI in a child process; vitest's environment pins English and hides any saved `lang`. */
function workbook(...args: string[]) {
  return workbookWith({}, ...args);
}

/** The CLI with more environment variables (WORKBOOK_LANG, WORKBOOK_SETTINGS ...). */
function workbookWith(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules/ts-node/dist/bin.js"), "--transpile-only", "scripts/workbook.ts", ...args],
    {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 170_000,
      env: { ...process.env, ...env },
    },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const HANGUL = /[\uac00-\ud7a3]/;

describe("npm run workbook", () => {
  it("hint <id> prints the first tier of the catalogue's hints; --more the next", () => {
    const ex = catalogue.find((e) => e.hints.length > 1) ?? catalogue[0];
    const hintsFile = path.join(ROOT, ".workbook", "hints.json");
    const before = fs.existsSync(hintsFile) ? fs.readFileSync(hintsFile, "utf8") : undefined;
    try {
      fs.rmSync(hintsFile, { force: true });
      const r = workbook("hint", ex.id);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(ex.hints[0].en);
      if (ex.hints.length > 1) {
        expect(r.stdout).not.toContain(ex.hints[1].en);
        expect(workbook("hint", ex.id, "--more").stdout).toContain(ex.hints[1].en);
      }
      expect(JSON.parse(fs.readFileSync(hintsFile, "utf8"))[ex.id]).toBe(Math.min(2, ex.hints.length));
      // the same tiers in Korean, with Korean framing and no English left
      const ko = workbookWith({ WORKBOOK_LANG: "ko" }, "hint", ex.id);
      expect(ko.status).toBe(0);
      expect(ko.stdout).toContain(`${ex.id} ${ex.title.ko}`);
      expect(ko.stdout).toContain(`힌트 1/${ex.hints.length}: ${ex.hints[0].ko}`);
      if (ex.hints.length > 1) expect(ko.stdout).toContain(`힌트 2/${ex.hints.length}: ${ex.hints[1].ko}`);
      expect(ko.stdout).not.toContain(ex.hints[0].en);
      expect(ko.stdout).not.toMatch(/Hint \d|points\)|More:/);
    } finally {
      if (before === undefined) fs.rmSync(hintsFile, { force: true });
      else fs.writeFileSync(hintsFile, before); // the student's own hint record stays as it was
    }
  });

  it("hint with an unknown id fails and lists the valid ids", () => {
    const r = workbook("hint", "4.9z");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown exercise id "4\.9z"/);
    expect(r.stderr).toContain(catalogue.map((e) => e.id).join(", "));
  });

  it("progress says what to do next", () => {
    const r = workbook("progress");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Exercises: \\d+/${catalogue.length} done`));
  });

  it("grade --json --out writes Gradescope's results.json, and exits 1 below full marks", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "grade-")), "results.json");
    const r = workbook("grade", "--json", "--out", out);
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(JSON.parse(r.stdout)).toEqual(report);
    for (const key of ["score", "execution_time", "output", "visibility", "tests"]) expect(report).toHaveProperty(key);
    expect(report).not.toHaveProperty("max_score");
    const max = report.tests.reduce((s: number, t: { max_score: number }) => s + t.max_score, 0);
    expect(max).toBeCloseTo(
      catalogue.reduce((s, e) => s + e.points, 0),
      6,
    );
    for (const t of report.tests) {
      for (const key of ["name", "number", "score", "max_score", "status", "output", "visibility"]) expect(t).toHaveProperty(key);
      expect(t.score).toBeLessThanOrEqual(t.max_score);
    }
    expect(r.status).toBe(report.score < max ? 1 : 0);
    expect(workbook("grade", "--exit-zero").status).toBe(0);
    fs.rmSync(path.dirname(out), { recursive: true });
  });

  it("grade --out into a folder that does not exist fails before grading", () => {
    const r = workbook("grade", "--out", path.join(os.tmpdir(), "no-such-folder-here", "results.json"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(r.stdout).not.toMatch(/Grading/);
  });

  it("show lists the models and draws one", () => {
    expect(workbook("show").stdout).toMatch(/nagle/);
    expect(workbook("show", "nagle").stdout).toMatch(/SYN|PSH/);
    expect(workbook("show", "nope").status).toBe(2);
  });

  it("release writes a student copy: no solutions, hidden cases or teacher files; a Classroom workflow", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "release-")), "class");
    const r = workbook("release", dir);
    expect(r.status).toBe(0);
    for (const f of [
      `exercises/${catalogue[0].file}`,
      `checks/${catalogue[0].file}`,
      "notebooks/00-start-here.ipynb",
      "package-lock.json",
      ".workbook-student-copy",
    ]) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    for (const f of [
      "solutions",
      "checks/hidden",
      ".ci",
      "docs",
      "test/teacher",
      "scripts/check-stubs.ts",
      "TEACHING.md",
      "node_modules",
    ]) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(false);
    }
    const workflow = fs.readFileSync(path.join(dir, ".github/workflows/classroom.yml"), "utf8");
    for (const e of catalogue) expect(workflow).toContain(`check ${e.id}\n          timeout: 5\n          max-score: ${e.points}`);
    expect(workflow).toMatch(/autograding-grading-reporter@v1/);
    expect(workflow).toMatch(/^ {4}env:\n {6}WORKBOOK_LANG: en$/m); // the checks speak the language of the teacher's release
    expect(workflow).toContain(`- name: ${catalogue[0].id} ${catalogue[0].title.en.replace(/[:#]/g, " ")}\n`);
    // a student may commit their lab results and hint record for the autograder
    expect(fs.readFileSync(path.join(dir, ".gitignore"), "utf8")).toMatch(
      /^\.workbook\/\*\n!\.workbook\/labs\/\n!\.workbook\/hints\.json$/m,
    );
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it("release refuses a folder that is not empty, a file, and a symlink into the workbook", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    fs.writeFileSync(path.join(dir, "mine.ts"), "// a student's file");
    expect(workbook("release", dir).status).toBe(2);
    expect(fs.readFileSync(path.join(dir, "mine.ts"), "utf8")).toBe("// a student's file");
    const file = workbook("release", path.join(dir, "mine.ts"));
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/is a file/);
    fs.symlinkSync(path.join(ROOT, "exercises"), path.join(dir, "link"));
    const link = workbook("release", path.join(dir, "link", "copy"));
    expect(link.status).toBe(2);
    expect(link.stderr).toMatch(/outside the workbook/);
    expect(fs.existsSync(path.join(ROOT, "exercises", "copy"))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it("release --update refreshes a copy, never touching exercises/, and keeps a backup of what it replaces", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "release-")), "class");
    expect(workbook("release", dir).status).toBe(0);
    const mine = path.join(dir, "exercises", catalogue[0].file);
    fs.writeFileSync(mine, "// my answers");
    const readme = path.join(dir, "README.md");
    fs.writeFileSync(readme, "old text");
    const r = workbook("release", dir, "--update");
    expect(r.status).toBe(0);
    expect(fs.readFileSync(mine, "utf8")).toBe("// my answers");
    expect(fs.readFileSync(readme, "utf8")).toBe(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    const backups = path.join(dir, ".workbook", "backup");
    const [stamp] = fs.readdirSync(backups);
    expect(fs.readFileSync(path.join(backups, stamp, "README.md"), "utf8")).toBe("old text");
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it("an unknown command lists the commands", () => {
    const r = workbook("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/progress[\s\S]*hint[\s\S]*grade[\s\S]*lang \[en\|ko\]/);
  });
});

describe("npm run workbook in Korean", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-lang-"));
  const settings = path.join(dir, "nested", "settings.json"); // lang creates the folder
  const saved = { WORKBOOK_SETTINGS: settings };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lang ko saves the choice, says so in Korean, and later commands speak Korean; lang en switches back", () => {
    const set = workbookWith(saved, "lang", "ko");
    expect(set.status).toBe(0);
    expect(set.stdout).toMatch(/^언어를 한국어로 정하고 .*settings\.json에 저장했습니다\.\n$/);
    expect(JSON.parse(fs.readFileSync(settings, "utf8"))).toEqual({ lang: "ko" });
    // a later command, in a new process: the saved choice outranks WORKBOOK_LANG=en (which vitest sets)
    const progress = workbookWith(saved, "progress");
    expect(progress.status).toBe(0);
    expect(progress.stdout).toMatch(new RegExp(`^연습 문제: \\d+/${catalogue.length}개 완료, [\\d.]+/\\d+점\\.`));
    expect(progress.stdout).not.toMatch(/Exercises:|Next:|Stuck\?/);
    const which = workbookWith(saved, "lang");
    expect(which.stdout).toContain(`언어: ko (한국어), npm run workbook -- lang으로 ${settings}에 저장한 설정입니다.`);
    const help = workbookWith(saved, "--help");
    expect(help.stdout).toMatch(/^사용법: npm run workbook -- <command>/);
    for (const line of help.stdout.trim().split("\n").slice(1)) expect(line, line).toMatch(HANGUL);
    const back = workbookWith(saved, "lang", "en");
    expect(back.stdout).toMatch(/^Language set to English, saved in .*settings\.json\.\n$/);
    expect(workbookWith({ ...saved, WORKBOOK_LANG: "ko" }, "progress").stdout).toMatch(/^Exercises: /);
  });

  it("WORKBOOK_LANG=ko works without a saved choice", () => {
    const env = { WORKBOOK_LANG: "ko", WORKBOOK_SETTINGS: path.join(dir, "none.json") };
    expect(workbookWith(env, "progress").stdout).toMatch(/^연습 문제: /);
    expect(workbookWith(env, "lang").stdout).toMatch(/^언어: ko \(한국어\), 환경 변수 WORKBOOK_LANG에서 정했습니다\./);
    expect(workbookWith({ WORKBOOK_SETTINGS: path.join(dir, "none.json") }, "lang").stdout).toMatch(
      /^Language: en \(English\), from the WORKBOOK_LANG environment variable\./,
    );
  });

  it("lang with a value that is not a language is a usage error naming the parameter, in either language", () => {
    const env = { WORKBOOK_SETTINGS: path.join(dir, "bad.json") };
    const en = workbookWith(env, "lang", "xx");
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(
      /^error: The value of "lang" is out of range\. It must be one of "en", "ko"\. Received "xx"\nusage: npm run workbook -- lang \[en\|ko\]\n$/,
    );
    const ko = workbookWith({ ...env, WORKBOOK_LANG: "ko" }, "lang", "xx");
    expect(ko.status).toBe(2);
    expect(ko.stderr).toMatch(/^오류: "lang" 값이 허용 범위를 벗어났습니다.*"xx"\n사용법: npm run workbook -- lang \[en\|ko\]\n$/);
    expect(fs.existsSync(path.join(dir, "bad.json"))).toBe(false);
    const unknown = workbookWith({ ...env, WORKBOOK_LANG: "ko" }, "progress", "--frob");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^오류: 알 수 없는 옵션: --frob\n/);
  });

  it("grade --json in Korean: the score line, the test names and their output", () => {
    const r = workbookWith({ WORKBOOK_LANG: "ko", WORKBOOK_SETTINGS: path.join(dir, "none.json") }, "grade", "--json", "--exit-zero");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^\d+문제를 채점합니다 \.\.\.\n/);
    const report = JSON.parse(r.stdout);
    expect(report.output).toMatch(/^점수: [\d.]+\/[\d.]+\./);
    const first = catalogue[0];
    const named = report.tests.find((t: { number: string }) => t.number === first.id || t.number === `${first.id}.1`);
    expect(named.name).toBe(`${first.id} ${first.title.ko} [구현]${named.number.endsWith(".1") ? " (공개 케이스)" : ""}`);
    for (const t of report.tests) {
      expect(t.name, t.name).toMatch(HANGUL);
      expect(t.output, t.output).toMatch(HANGUL);
      expect(t.output, t.output).not.toMatch(/Hints opened|hidden cases|not-started:|passed:/);
    }
  });
});
