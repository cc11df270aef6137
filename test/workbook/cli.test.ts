// The CLI as a user runs it: `npm run workbook -- <command>`, its main() run as a new process
// would run it (test/workbook/cli-run.ts), and package.json's command line (ts-node) once, in a
// child process. Its Korean: cli-korean.test.ts.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";
import { checkSources } from "../../lib/workbook/release";
import { npmRunWorkbook, workbook, workbookWith } from "./cli-run";

describe("npm run workbook", () => {
  it("hint <id> prints the first tier of the catalogue's hints; --more the next", async () => {
    const ex = catalogue.find((e) => e.hints.length > 1) ?? catalogue[0];
    const hintsFile = path.join(ROOT, ".workbook", "hints.json");
    const before = fs.existsSync(hintsFile) ? fs.readFileSync(hintsFile, "utf8") : undefined;
    try {
      fs.rmSync(hintsFile, { force: true });
      const r = await workbook("hint", ex.id);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(ex.hints[0].en);
      if (ex.hints.length > 1) {
        expect(r.stdout).not.toContain(ex.hints[1].en);
        expect((await workbook("hint", ex.id, "--more")).stdout).toContain(ex.hints[1].en);
      }
      expect(JSON.parse(fs.readFileSync(hintsFile, "utf8"))[ex.id]).toBe(Math.min(2, ex.hints.length));
      // the same tiers in Korean, with Korean framing and no English left
      const ko = await workbookWith({ WORKBOOK_LANG: "ko" }, "hint", ex.id);
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

  it("hint with an unknown id fails and lists the valid ids", async () => {
    const r = await workbook("hint", "4.9z");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/Unknown exercise id "4\.9z"/);
    expect(r.stderr).toContain(catalogue.map((e) => e.id).join(", "));
  });

  it("progress says what to do next (package.json's command line)", () => {
    const r = npmRunWorkbook("progress");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Exercises: \\d+/${catalogue.length} done`));
  });

  it("grade --json --out writes Gradescope's results.json, and exits 1 below full marks", async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "grade-")), "results.json");
    const r = await workbook("grade", "--json", "--out", out);
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
    expect(r.status).toBe(report.score < max ? 1 : 0); // --exit-zero: cli-korean.test.ts
    fs.rmSync(path.dirname(out), { recursive: true });
  }, 120_000); // a whole grade: many child processes, slow on a busy machine

  it("grade --out into a folder that does not exist fails before grading", async () => {
    const r = await workbook("grade", "--out", path.join(os.tmpdir(), "no-such-folder-here", "results.json"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(r.stdout).not.toMatch(/Grading/);
  });

  it("grade --out that is empty or a device (not an ordinary file) fails before grading", async () => {
    for (const out of ["", "/dev/full", "/dev/null"]) {
      const r = await workbook("grade", "--out", out);
      expect(r.status, out).toBe(2);
      expect(r.stderr, out).toMatch(out === "" ? /needs a file name/ : /not an ordinary file/);
      expect(r.stderr, out).not.toMatch(/\n\s+at /); // no stack trace
      expect(r.stdout, out).not.toMatch(/Grading/);
    }
  });

  it("grade --out in /proc or /sys, or with a name too long for the file system, fails before grading, without a stack trace", async () => {
    const long = "a".repeat(100_000);
    for (const [out, why] of [
      ["/proc/version", /kernel's own files/], // a file that takes the open and fails the write (EIO) after the whole grade
      [long, /ENAMETOOLONG/],
      [path.join(long, "x.json"), /ENAMETOOLONG|does not exist/],
    ] as const) {
      const r = await workbook("grade", "--out", out);
      expect(r.status, out.slice(0, 40)).toBe(2);
      expect(r.stderr, out.slice(0, 40)).toMatch(why);
      expect(r.stderr, out.slice(0, 40)).not.toMatch(/\n\s+at /);
      expect(r.stderr.length, out.slice(0, 40)).toBeLessThan(2_000); // the name is cut
      expect(r.stdout, out.slice(0, 40)).not.toMatch(/Grading/);
    }
  });

  it("grade --out never replaces a file that is not an earlier report (an exercise file, say), before grading", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "out-existing-"));
    try {
      const work = path.join(dir, "tcp-connections.ts");
      fs.writeFileSync(work, "export function hostAndPort() {}\n");
      const r = await workbook("grade", "--out", work);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/already holds something other than a report/);
      expect(r.stdout).not.toMatch(/Grading/);
      expect(fs.readFileSync(work, "utf8")).toBe("export function hostAndPort() {}\n");
      // a file reached by a relative link ("../work.ts") in a folder reached through a link: ".." is read from the
      // link's real folder (deep/), as the kernel reads it, not from the text of the path (which gives dir/work.ts, free)
      fs.mkdirSync(path.join(dir, "deep", "inner"), { recursive: true });
      const deepWork = path.join(dir, "deep", "work.ts");
      fs.writeFileSync(deepWork, "// mine\n");
      fs.symlinkSync(path.join(dir, "deep", "inner"), path.join(dir, "via"));
      fs.symlinkSync("../work.ts", path.join(dir, "deep", "inner", "report.json"));
      const linked = await workbook("grade", "--out", path.join(dir, "via", "report.json"));
      expect(linked.status).toBe(2);
      expect(linked.stderr).toMatch(/already holds something other than a report/);
      expect(fs.readFileSync(deepWork, "utf8")).toBe("// mine\n");
      // an earlier report may be replaced: the check passes, and autograde stops at its missing submission
      const earlier = path.join(dir, "results.json");
      fs.writeFileSync(earlier, JSON.stringify({ score: 3, tests: [] }));
      const again = await workbook("autograde", path.join(dir, "no-submission"), "--out", earlier);
      expect(again.stderr).toMatch(/no-submission is not a folder/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("grade --out through a symbolic link is checked where the link leads, before grading", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "out-links-"));
    try {
      const link = (name: string, to: string) => {
        fs.symlinkSync(to, path.join(dir, name));
        return path.join(dir, name);
      };
      link("loop-b", path.join(dir, "loop-a"));
      for (const [out, why] of [
        [link("proc.json", "/proc/version"), /kernel's own files/],
        [link("full.json", "/dev/full"), /not an ordinary file/],
        [link("dangling.json", path.join(dir, "no-such-folder", "x.json")), /does not exist/],
        [link("loop-a", path.join(dir, "loop-b")), /too many symbolic links/],
      ] as const) {
        const r = await workbook("grade", "--out", out);
        expect(r.status, out).toBe(2);
        expect(r.stderr, out).toMatch(why);
        expect(r.stdout, out).not.toMatch(/Grading/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a user's word in a message is escaped and cut: a right-to-left override, a line break, 100,000 characters", async () => {
    const rtl = await workbook("hint", "4.1a\u202e");
    expect(rtl.status).toBe(2);
    expect(rtl.stderr).toContain('"4.1a\\u202e"'); // shown as a code, not obeyed by the terminal
    const command = await workbook(`a\u202eb${"c".repeat(100_000)}`);
    expect(command.status).toBe(2);
    expect(command.stdout).toContain('Unknown command "a\\u202eb');
    expect(command.stdout.length).toBeLessThan(5_000);
    const id = await workbook("check", "x".repeat(100_000));
    expect(id.status).toBe(2);
    expect(id.stderr.length).toBeLessThan(2_000);
    expect((await workbook("-h")).status).toBe(0); // -h is help, as --help
    // after `--`, "-h" is an argument (an exercise id that does not exist), not a request for help
    const afterDashes = await workbook("check", "--", "-h");
    expect(afterDashes.status).toBe(2);
    expect(afterDashes.stderr).toContain('"-h"');
  });

  it("a command given more arguments than it takes is refused before it runs, naming the extra ones", async () => {
    const check = await workbook("check", "4.1a", "4.1b");
    expect(check.status).toBe(2);
    expect(check.stderr).toMatch(/check takes one argument; got also "4\.1b"/);
    expect(check.stdout).toBe(""); // nothing graded
    const progress = await workbook("progress", "now");
    expect(progress.status).toBe(2);
    expect(progress.stderr).toMatch(/progress takes no arguments; got "now"/);
  });

  it("a settings file that is a device or a folder (WORKBOOK_SETTINGS) is never read, and lang refuses to write it without a stack trace", async () => {
    const zero = await workbookWith({ WORKBOOK_SETTINGS: "/dev/zero" }, "lang");
    expect(zero.status).toBe(0); // was an abort (std::bad_alloc) reading /dev/zero without end
    expect(zero.stdout).toMatch(/^Language: en/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settings-"));
    for (const file of ["/dev/full", dir]) {
      const r = await workbookWith({ WORKBOOK_SETTINGS: file }, "lang", "ko");
      expect(r.status, file).toBe(2);
      expect(r.stderr, file).toContain('"WORKBOOK_SETTINGS"');
      expect(r.stderr, file).not.toMatch(/\n\s+at /);
    }
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });

  it("lang never overwrites a file that is not a settings file (WORKBOOK_SETTINGS naming a shell's rc file, a JSON list)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "settings-"));
    try {
      for (const [name, text] of [
        ["bashrc", 'export PATH="$HOME/bin:$PATH"\n'],
        ["list.json", "[1, 2]\n"],
      ]) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, text);
        const r = await workbookWith({ WORKBOOK_SETTINGS: file }, "lang", "ko");
        expect(r.status, name).toBe(2);
        expect(r.stderr, name).toMatch(/"WORKBOOK_SETTINGS".*holding a JSON object/);
        expect(fs.readFileSync(file, "utf8"), name).toBe(text);
      }
      // an empty file, or one with other settings, is ours to write
      const empty = path.join(dir, "empty.json");
      fs.writeFileSync(empty, "");
      expect((await workbookWith({ WORKBOOK_SETTINGS: empty }, "lang", "ko")).status).toBe(0);
      expect(JSON.parse(fs.readFileSync(empty, "utf8"))).toEqual({ lang: "ko" });
      const other = path.join(dir, "other.json");
      fs.writeFileSync(other, '{"theme": "dark"}');
      expect((await workbookWith({ WORKBOOK_SETTINGS: other }, "lang", "en")).status).toBe(0);
      expect(JSON.parse(fs.readFileSync(other, "utf8"))).toEqual({ theme: "dark", lang: "en" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a command named like a property every object has (constructor, toString, __proto__) is an unknown command, not a crash", async () => {
    for (const name of ["constructor", "toString", "__proto__"]) {
      const r = await workbook(name);
      expect(r.status, name).toBe(2);
      expect(r.stdout, name).toContain(`Unknown command "${name}"`);
      expect(r.stderr, name).not.toMatch(/TypeError|\n\s+at /);
    }
  });

  it("show lists the models and draws one", async () => {
    expect((await workbook("show")).stdout).toMatch(/nagle/);
    expect((await workbook("show", "nagle")).stdout).toMatch(/SYN|PSH/);
    expect((await workbook("show", "nope")).status).toBe(2);
  });

  it("release writes a student copy: no solutions, hidden cases or teacher files; a Classroom workflow", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "release-")), "class");
    const r = await workbook("release", dir);
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

  it("release refuses a folder that is not empty, a file, and a symlink into the workbook", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    fs.writeFileSync(path.join(dir, "mine.ts"), "// a student's file");
    expect((await workbook("release", dir)).status).toBe(2);
    expect(fs.readFileSync(path.join(dir, "mine.ts"), "utf8")).toBe("// a student's file");
    const file = await workbook("release", path.join(dir, "mine.ts"));
    expect(file.status).toBe(2);
    expect(file.stderr).toMatch(/is a file/);
    fs.symlinkSync(path.join(ROOT, "exercises"), path.join(dir, "link"));
    const link = await workbook("release", path.join(dir, "link", "copy"));
    expect(link.status).toBe(2);
    expect(link.stderr).toMatch(/outside the workbook/);
    expect(fs.existsSync(path.join(ROOT, "exercises", "copy"))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });

  it("release, release --update and autograder check every file they copy before writing one (a 3 GB file failed half-way)", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sources-"));
    try {
      fs.writeFileSync(path.join(root, "a.ts"), "ok");
      fs.writeFileSync(path.join(root, "core"), "");
      fs.truncateSync(path.join(root, "core"), 3 * 2 ** 30); // sparse: no disk used
      expect(checkSources(["a.ts"], root)).toEqual(["a.ts"]);
      expect(() => checkSources(["a.ts", "core"], root)).toThrow(/^core in the workbook is 3221225472 bytes, more than a copy takes/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("release --update refreshes a copy, never touching exercises/, and keeps a backup of what it replaces", async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "release-")), "class");
    expect((await workbook("release", dir)).status).toBe(0);
    const mine = path.join(dir, "exercises", catalogue[0].file);
    fs.writeFileSync(mine, "// my answers");
    // an exercise file that is a link to a file not there: left as it is, nothing written through it
    const dangling = path.join(dir, "exercises", catalogue.at(-1)!.file);
    const outside = path.join(path.dirname(dir), "outside.ts");
    fs.rmSync(dangling);
    fs.symlinkSync(outside, dangling);
    const readme = path.join(dir, "README.md");
    fs.writeFileSync(readme, "old text");
    const r = await workbook("release", dir, "--update");
    expect(r.status).toBe(0);
    expect(fs.readFileSync(mine, "utf8")).toBe("// my answers");
    expect(fs.existsSync(outside)).toBe(false);
    expect(fs.readlinkSync(dangling)).toBe(outside);
    expect(fs.readFileSync(readme, "utf8")).toBe(fs.readFileSync(path.join(ROOT, "README.md"), "utf8"));
    const backups = path.join(dir, ".workbook", "backup");
    const [stamp] = fs.readdirSync(backups);
    expect(fs.readFileSync(path.join(backups, stamp, "README.md"), "utf8")).toBe("old text");
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it("release --update refuses a copy whose files or folders are symbolic links, before changing anything", async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
    const dir = path.join(base, "class");
    expect((await workbook("release", dir)).status).toBe(0);
    const victim = path.join(base, "teacher-notes.txt");
    fs.writeFileSync(victim, "mine");
    fs.rmSync(path.join(dir, "README.md"));
    fs.symlinkSync(victim, path.join(dir, "README.md")); // a file linked out of the copy
    fs.mkdirSync(path.join(base, "elsewhere"));
    fs.rmSync(path.join(dir, ".github", "workflows"), { recursive: true });
    fs.symlinkSync(path.join(base, "elsewhere"), path.join(dir, ".github", "workflows")); // a folder linked out
    fs.writeFileSync(path.join(dir, "tsconfig.json"), "changed"); // an ordinary change, not made either
    const r = await workbook("release", dir, "--update");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/symbolic links or special files: .*README\.md/);
    expect(r.stderr).toMatch(/\.github\/workflows\/classroom\.yml/);
    expect(fs.readFileSync(victim, "utf8")).toBe("mine");
    expect(fs.readdirSync(path.join(base, "elsewhere"))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")).toBe("changed");
    fs.rmSync(base, { recursive: true });
  });

  it("an unknown command lists the commands", async () => {
    const r = await workbook("frobnicate");
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/progress[\s\S]*hint[\s\S]*grade[\s\S]*lang \[en\|ko\]/);
  });
});
