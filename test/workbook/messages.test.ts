// The grader's, the CLI's and the scripts' message tables: both languages of
// a message have the same placeholders, and the Korean is Korean. And the
// plain-JavaScript scripts reach lib/i18n.ts (so its language rules) from a
// fresh process, as `npm start` and `npm run setup` run them.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { messageTables, type Text } from "../../lib/i18n";
import { ROOT } from "../../lib/workbook/paths";
import { textProblems } from "../text-rules";

// every module of lib/workbook, so each one's table is registered
import "../../lib/workbook/autograder";
import "../../lib/workbook/bench";
import "../../lib/workbook/cli";
import "../../lib/workbook/not-implemented";

/** Plain-JavaScript modules, loaded as the scripts load one another. */
const scriptsI18n = (): { tables: Map<string, Record<string, Text>> } => require(path.join(ROOT, "scripts", "i18n.js"));

const problems = (area: string, table: Record<string, Text>) =>
  Object.entries(table).flatMap(([key, text]) => textProblems(`${area}.${key}`, text));

describe("message tables of the grader, the CLI and the scripts", () => {
  // each message's two languages: test/lib/i18n.test.ts, over every lib table
  it("lib/workbook: every module that shows text has a table", () => {
    const areas = [...messageTables().keys()].filter((a) => a.startsWith("workbook/"));
    for (const mod of [
      "cli",
      "compare",
      "verdict",
      "progress",
      "hints",
      "grade",
      "run-check",
      "sandbox",
      "import-rules",
      "build",
      "release",
      "autograder",
      "bench",
      "catalogue",
      "not-implemented",
    ]) {
      expect(areas).toContain(`workbook/${mod}`);
    }
  });

  it("scripts/: setup, start and test, each message in both languages", () => {
    for (const script of ["setup", "start", "test"]) require(path.join(ROOT, "scripts", `${script}.js`)); // requiring runs nothing
    const { tables } = scriptsI18n();
    expect([...tables.keys()].sort()).toEqual(["scripts/setup", "scripts/start", "scripts/test"]);
    expect([...tables].flatMap(([area, table]) => problems(area, table))).toEqual([]);
  });

  it("a script speaks the language lib/i18n.ts decides: WORKBOOK_LANG, and a saved choice before it", () => {
    // One fresh process, as a script runs, reaching lib/i18n.ts through ts-node; the language is then decided
    // afresh for each case (resetLanguage): a process per case would load ts-node again (0.4 s of CPU) to ask the same.
    const probe = [
      'const i = require("./scripts/i18n"); const say = i.messages("probe", { hi: { en: "hello {n}", ko: "안녕 {n}" } });',
      "JSON.parse(process.argv[1]).forEach((env, n) => {",
      '  Object.assign(process.env, env); if (n > 0) require("./lib/i18n.ts").resetLanguage();',
      "  console.log(i.language(), say.hi({ n: 1 }));",
      "});",
    ].join("\n");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-lang-"));
    try {
      fs.writeFileSync(path.join(dir, "settings.json"), JSON.stringify({ lang: "ko" }));
      const cases = [
        { WORKBOOK_LANG: "ko" },
        { WORKBOOK_LANG: "en" },
        { WORKBOOK_LANG: "en", WORKBOOK_SETTINGS: path.join(dir, "settings.json") },
      ];
      const r = spawnSync(process.execPath, ["-e", probe, JSON.stringify(cases)], { cwd: ROOT, encoding: "utf8" });
      expect(r.stdout.trim().split("\n"), r.stderr).toEqual(["ko 안녕 1", "en hello 1", "ko 안녕 1"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("npm start opens the Korean first notebook in Korean, when there is one, else the English one", () => {
    const { firstNotebook } = require(path.join(ROOT, "scripts", "start.js")) as { firstNotebook(lang: string): string };
    expect(firstNotebook("en")).toBe(path.join("notebooks", "00-start-here.ipynb"));
    const korean = path.join("notebooks", "ko", "00-start-here.ipynb");
    expect(firstNotebook("ko")).toBe(fs.existsSync(path.join(ROOT, korean)) ? korean : path.join("notebooks", "00-start-here.ipynb"));
  });
});
