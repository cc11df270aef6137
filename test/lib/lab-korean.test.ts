// The labs in Korean: every report a Korean reader gets from `npm run workbook -- lab <name>`
// (and from labs.<name>.format in a notebook) is Korean, and its tables line up in a terminal,
// where a Hangul syllable takes two columns. Widths are measured with string-width, the library
// the tables are laid out with, but each assertion reads the columns off the dashed rule line.
import { existsSync } from "node:fs";
import stringWidth = require("string-width");
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { labs, type LabName } from "../../lib/lab/index";
import { comparisonTable, renderColumns } from "../../lib/lab/table";
import { inconclusiveCause, inconclusiveReason } from "../../lib/lab/consistency";
import { LabDeadlineError, median } from "../../lib/lab/harness";
import { ResponseParser } from "../../lib/lab/response-parser";
import { runCloseLab } from "../../lib/lab/close";
import { runKeepAliveLab } from "../../lib/lab/keep-alive";
import { runMultiplexLab } from "../../lib/lab/multiplex";
import { runNagleLab } from "../../lib/lab/nagle";
import { runPipelineLab } from "../../lib/lab/pipeline";
import { runTimeWaitLab } from "../../lib/lab/time-wait";

const linux = existsSync("/proc/net/tcp") && existsSync("/proc/self/limits");
const HANGUL = /[\uac00-\ud7a3]/;
/** Three English words in a row: a sentence (or a label) left untranslated. */
const ENGLISH = /[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/;

/** The display columns (0-based, exclusive end) of each run of dashes in a table's rule line. */
function columnEnds(rule: string): number[] {
  return [...rule.matchAll(/-+/g)].map((m) => m.index! + m[0].length);
}

/** The character of `line` that covers display column `col` (0-based), or "" past the end. */
function charAtColumn(line: string, col: number): string {
  let at = 0;
  for (const ch of line) {
    const w = stringWidth(ch);
    if (col < at + w) return ch;
    at += w;
  }
  return "";
}

/**
 * Every table in `report` (found by its rule line of dashes): the header above it and `rows` lines
 * below it are as wide as the rule, and every right-aligned column (all but the first) has its
 * last character exactly at the end of its dashes, with a blank after it.
 */
function expectAlignedTables(report: string, rowsPerTable: number[]): void {
  const lines = report.split("\n");
  const rules = lines.flatMap((l, i) => (/^-+( {2}-+)+$/.test(l) ? [i] : []));
  expect(rules.length, report).toBe(rowsPerTable.length);
  rules.forEach((r, t) => {
    const rule = lines[r];
    const ends = columnEnds(rule);
    const table = [lines[r - 1], ...lines.slice(r + 1, r + 1 + rowsPerTable[t])];
    for (const line of table) {
      expect(stringWidth(line), `${line}\n${rule}`).toBe(stringWidth(rule));
      for (const end of ends.slice(1)) {
        expect(charAtColumn(line, end - 1), `${line}\n${rule}`).not.toBe(" ");
        expect(charAtColumn(line, end), `${line}\n${rule}`).toMatch(/^ ?$/);
      }
    }
  });
}

/** A report is Korean: Hangul on its heading and table lines, no English sentence anywhere. */
function expectKorean(report: string): void {
  expect(report).toMatch(HANGUL);
  const english = report.split("\n").filter((l) => ENGLISH.test(l));
  expect(english, report).toEqual([]);
}

describe("lab tables by display width", () => {
  beforeEach(() => setLanguage("ko"));
  afterEach(() => resetLanguage());

  it("a Korean comparison table lines up in a terminal", () => {
    const table = comparisonTable([
      { label: "네이글 켬, 쓰기 2번 (64+64 B)", measured: 43.95, model: 40.15, unit: "ms" },
      { label: "TCP_NODELAY, 쓰기 2번", measured: 0.084, model: null, unit: "ms" },
      { label: "짧음", measured: 5, model: 5, unit: "" },
    ]);
    expect(table.split("\n")[0]).toMatch(/측정값\s+모델\s+측정값\/모델$/);
    expect(table).toContain("없음"); // n/a in Korean
    expectAlignedTables(table, [3]);
  });

  it("measures Hangul as two columns: padding by string length would misalign it", () => {
    const lines = renderColumns(
      ["", "값"],
      [
        ["가나다", "1"],
        ["abc", "22"],
      ],
    ).split("\n");
    // "가나다" is 3 characters but 6 columns wide: the second row's label gets 3 more spaces, not 0
    expect(lines.map((l) => stringWidth(l))).toEqual([10, 10, 10, 10]);
    expect(lines[3]).toBe("abc     22");
  });
});

describe("every lab reports in Korean", () => {
  beforeEach(() => setLanguage("ko"));
  afterEach(() => resetLanguage());

  it("the registry's titles follow the language", () => {
    for (const name of Object.keys(labs) as LabName[]) expect(labs[name].title).toMatch(HANGUL);
    resetLanguage();
    setLanguage("en");
    expect(labs.nagle.title).toBe("Nagle's algorithm against delayed ACK: two small writes per request");
  });

  const runs: [LabName, () => Promise<unknown>, number[]][] = [
    ["nagle", () => runNagleLab({ rounds: 2 }), [3]],
    ["keep-alive", () => runKeepAliveLab({ requests: 2 }), [4]],
    ["pipeline", () => runPipelineLab({ requests: 3, repeats: 1 }), [2, 4]],
    ["close", () => runCloseLab({ runs: 1 }), [6]],
    ["multiplex", () => runMultiplexLab({ requests: 2, slowMs: 5 }), [6]],
  ];
  if (linux) runs.push(["time-wait", () => runTimeWaitLab({ connections: 5, concurrency: 2 }), [4]]);

  it.each(runs)(
    "%s: checks, notes, table and platform line in Korean, the table aligned",
    async (name, run, rows) => {
      const result = (await run()) as { consistency: { ok: boolean; checks: string[] }; notes: string[] };
      expect(result.consistency.ok, result.consistency.checks.join("\n")).toBe(true);
      for (const line of [...result.consistency.checks, ...result.notes]) {
        expect(line).toMatch(HANGUL);
        expect(line).not.toMatch(ENGLISH);
      }
      const report = labs[name].format(result);
      expectKorean(report);
      expectAlignedTables(report, rows);
      expect(report).toMatch(/^일관성: 통과 \(검사 \d+개\)$/m);
      expect(report).toMatch(/^플랫폼: /m);
    },
    30_000,
  );

  it("an inconclusive run says why in Korean, first", async () => {
    const result = await runNagleLab({ rounds: 1, fdLimit: 1 });
    expect(result.consistency.inconclusive).toMatch(/^파일 디스크립터가 부족합니다: 디스크립터 한도 1 \(fdLimit 옵션\)/);
    const report = labs.nagle.format(result);
    expect(report.split("\n")[0]).toMatch(/^판정 불가\(INCONCLUSIVE\): 파일 디스크립터가 부족합니다/);
    expectKorean(report);
    expectAlignedTables(report, [3]);
  });

  it("errors and causes a lab reports are Korean too", () => {
    const emfile = Object.assign(new Error("connect EMFILE"), { code: "EMFILE", syscall: "connect" });
    expect(inconclusiveCause(emfile)).toBe(
      "이 프로세스의 파일 디스크립터가 바닥났습니다 (EMFILE: too many open files. `ulimit -n`을 올리세요): 실험이 측정하던 중 connect에서 일어났습니다",
    );
    expect(inconclusiveReason({ consistency: { ok: false, checks: [] } })).toBe("일관성 검사 하나가 실패했습니다");
    expect(new LabDeadlineError("nagle", 15000).message).toBe(
      '"nagle" 실험이 제한 시간 15000 ms 안에 끝나지 않았습니다. 실험이 연 소켓은 모두 닫았습니다',
    );
    expect(() => median([])).toThrow(/"values" 값이 허용 범위를 벗어났습니다. 허용되는 값: 비어 있지 않은 배열/);
    expect(() => new ResponseParser(["GET"]).push(Buffer.from("garbage\r\n\r\n"))).toThrow(/^HTTP\/1\.x 상태 줄이 아닙니다: "garbage"$/);
  });

  it("an English run reads exactly as before", async () => {
    resetLanguage();
    setLanguage("en");
    const report = labs.nagle.format(await runNagleLab({ rounds: 1, fdLimit: 1 }));
    expect(report.split("\n").slice(0, 4)).toEqual([
      expect.stringMatching(
        /^INCONCLUSIVE: too few file descriptors: descriptor limit 1 \(fdLimit option\), \d+ open, -?\d+ free, and the lab \(one connection at a time\) needs 5 at once plus 6 in reserve \(raise `ulimit -n`\)$/,
      ),
      "  nothing was measured: fix the cause and run the lab again",
      "Nagle vs delayed ACK: median time per request over 1 requests on one connection",
      "                              measured  model  measured/model",
    ]);
    expect(report).toContain("Nagle on, 2 writes (64+64 B)       n/a    n/a             n/a");
  });
});
