// The CLI in Korean: `lang`, WORKBOOK_LANG, usage errors and a grade report
// (test/workbook/cli-run.ts runs it as cli.test.ts does; a saved `lang` is written and read back
// by child processes, since what it is about is the next process reading it).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogue } from "../../lib/workbook/catalogue";
import { cliProcess, workbookWith } from "./cli-run";

const HANGUL = /[\uac00-\ud7a3]/;

describe("npm run workbook in Korean", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-lang-"));
  const settings = path.join(dir, "nested", "settings.json"); // lang creates the folder
  const saved = { WORKBOOK_SETTINGS: settings };
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lang ko saves the choice, says so in Korean, and later commands speak Korean; lang en switches back", async () => {
    const set = cliProcess(saved, "lang", "ko");
    expect(set.status).toBe(0);
    expect(set.stdout).toMatch(/^언어를 한국어로 정하고 .*settings\.json에 저장했습니다\.\n$/);
    expect(JSON.parse(fs.readFileSync(settings, "utf8"))).toEqual({ lang: "ko" });
    // a later command, in a new process: the saved choice outranks WORKBOOK_LANG=en (which vitest sets)
    const progress = cliProcess(saved, "progress");
    expect(progress.status).toBe(0);
    expect(progress.stdout).toMatch(new RegExp(`^연습 문제: \\d+/${catalogue.length}개 완료, [\\d.]+/\\d+점\\.`));
    expect(progress.stdout).not.toMatch(/Exercises:|Next:|Stuck\?/);
    // the next commands choose their language afresh in this process (workbookWith), reading the same file
    const which = await workbookWith(saved, "lang");
    expect(which.stdout).toContain(`언어: ko (한국어), npm run workbook -- lang으로 ${settings}에 저장한 설정입니다.`);
    const help = await workbookWith(saved, "--help");
    expect(help.stdout).toMatch(/^사용법: npm run workbook -- <command>/);
    for (const line of help.stdout.trim().split("\n").slice(1)) expect(line, line).toMatch(HANGUL);
    const back = await workbookWith(saved, "lang", "en");
    expect(back.stdout).toMatch(/^Language set to English, saved in .*settings\.json\.\n$/);
    expect(JSON.parse(fs.readFileSync(settings, "utf8"))).toEqual({ lang: "en" });
    expect((await workbookWith({ ...saved, WORKBOOK_LANG: "ko" }, "progress")).stdout).toMatch(/^Exercises: /);
  });

  it("WORKBOOK_LANG=ko works without a saved choice", async () => {
    const env = { WORKBOOK_LANG: "ko", WORKBOOK_SETTINGS: path.join(dir, "none.json") };
    expect((await workbookWith(env, "progress")).stdout).toMatch(/^연습 문제: /);
    expect((await workbookWith(env, "lang")).stdout).toMatch(/^언어: ko \(한국어\), 환경 변수 WORKBOOK_LANG에서 정했습니다\./);
    expect((await workbookWith({ WORKBOOK_SETTINGS: path.join(dir, "none.json") }, "lang")).stdout).toMatch(
      /^Language: en \(English\), from the WORKBOOK_LANG environment variable\./,
    );
  });

  it("lang with a value that is not a language is a usage error naming the parameter, in either language", async () => {
    const env = { WORKBOOK_SETTINGS: path.join(dir, "bad.json") };
    const en = await workbookWith(env, "lang", "xx");
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(
      /^error: The value of "lang" is out of range\. It must be one of "en", "ko"\. Received "xx"\nusage: npm run workbook -- lang \[en\|ko\]\n$/,
    );
    const ko = await workbookWith({ ...env, WORKBOOK_LANG: "ko" }, "lang", "xx");
    expect(ko.status).toBe(2);
    expect(ko.stderr).toMatch(/^오류: "lang" 값이 허용 범위를 벗어났습니다.*"xx"\n사용법: npm run workbook -- lang \[en\|ko\]\n$/);
    expect(fs.existsSync(path.join(dir, "bad.json"))).toBe(false);
    const unknown = await workbookWith({ ...env, WORKBOOK_LANG: "ko" }, "progress", "--frob");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^오류: 알 수 없는 옵션: --frob\n/);
  });

  it("grade --json in Korean: the score line, the test names and their output", async () => {
    const r = await workbookWith({ WORKBOOK_LANG: "ko", WORKBOOK_SETTINGS: path.join(dir, "none.json") }, "grade", "--json", "--exit-zero");
    expect(r.stderr).toMatch(/^\d+문제를 채점합니다 \.\.\.\n/);
    const report = JSON.parse(r.stdout);
    expect(r.status).toBe(0); // --exit-zero, whatever the score
    expect(report.output).toMatch(/^점수: [\d.]+\/[\d.]+\./);
    const first = catalogue[0];
    const named = report.tests.find((t: { number: string }) => t.number === first.id || t.number === `${first.id}.1`);
    expect(named.name).toBe(`${first.id} ${first.title.ko} [구현]${named.number.endsWith(".1") ? " (공개 케이스)" : ""}`);
    for (const t of report.tests) {
      expect(t.name, t.name).toMatch(HANGUL);
      expect(t.output, t.output).toMatch(HANGUL);
      expect(t.output, t.output).not.toMatch(/Hints opened|hidden cases|not-started:|passed:/);
    }
  }, 120_000); // a whole grade: many child processes, slow on a busy machine
});
