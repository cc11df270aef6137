// Every text a student reads exists in English and in Korean: the message
// tables of every lib module, the catalogue's titles and hints, and the
// checks' explanations. Also the order in which the language is chosen.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fill, language, localeLanguage, messageTables, resetLanguage, setLanguage, tr } from "../../lib/i18n";
import { catalogue, sections } from "../../lib/workbook/catalogue";
import { loadTs } from "../../lib/workbook/build";
import { textProblems } from "../text-rules";

const ROOT = path.resolve(__dirname, "..", "..");
function walk(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p, ext) : ext.test(e.name) ? [p] : [];
  });
}

describe("message tables", () => {
  // load every lib module, so that every table is registered
  const libFiles = walk(path.join(ROOT, "lib"), /\.ts$/);
  beforeAll(async () => {
    for (const file of libFiles) await import(file);
  }, 60_000);

  it("every module that makes a table has registered it (none is left unloaded)", () => {
    const calls = libFiles.flatMap((f) => [...fs.readFileSync(f, "utf8").matchAll(/\bmessages\(\s*"([^"]+)"/g)].map((m) => m[1]));
    expect(calls.length).toBeGreaterThan(0);
    expect(new Set(calls).size, "two modules use the same area name").toBe(calls.length);
    // a test file may register a table of its own ("test/..."): the test files share their worker's modules
    const registered = [...messageTables().keys()].filter((area) => !area.startsWith("test/"));
    expect(registered.sort()).toEqual([...calls].sort());
  });

  it("every key of every table has English and Korean with the same placeholders", () => {
    const problems: string[] = [];
    let keys = 0;
    for (const [area, table] of messageTables()) {
      for (const [key, text] of Object.entries(table)) {
        keys++;
        problems.push(...textProblems(`${area}.${key}`, text));
      }
    }
    expect(keys).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});

describe("the catalogue in both languages", () => {
  it("every section title and every exercise title and hint", () => {
    const problems = [
      ...sections.flatMap((s) => textProblems(`section ${s.id} title`, s.title)),
      ...catalogue.flatMap((e) => [
        ...textProblems(`${e.id} title`, e.title),
        ...e.hints.flatMap((h, i) => textProblems(`${e.id} hint ${i + 1}`, h)),
      ]),
    ];
    expect(problems).toEqual([]);
    // the Korean section titles are the Korean edition's
    expect(sections.find((s) => s.id === "4.5")?.title.ko).toBe("지속 커넥션");
  });
});

describe("the checks' explanations in both languages", () => {
  const files = [...walk(path.join(ROOT, "checks"), /\.ts$/)];

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s", (_name, file) => {
    const data = loadTs(file as string) as Record<string, Record<string, any>>;
    const problems: string[] = [];
    let texts = 0;
    const text = (where: string, t: unknown) => {
      texts++;
      problems.push(...textProblems(where, t));
    };
    for (const [, exported] of Object.entries(data)) {
      if (exported === null || typeof exported !== "object") continue;
      for (const [id, spec] of Object.entries(exported)) {
        if (spec?.why !== undefined) text(`${id} why`, spec.why);
        (spec?.cases ?? []).forEach((c: any, i: number) => {
          const where = `${id} case ${i + 1}`;
          if (c.why !== undefined) text(`${where} why`, c.why);
          if (c.label !== undefined && typeof c.label !== "string") text(`${where} label`, c.label);
          if (typeof c.label === "string" && /[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/.test(c.label.replace(/\([^)]*\)/g, ""))) {
            problems.push(`${where} label: English words in a label that is not { en, ko }: ${c.label}`);
          }
          (c.slips ?? []).forEach((s: any, j: number) => {
            text(`${where} slip ${j + 1}`, s.say);
          });
        });
      }
    }
    expect(texts).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe("choosing the language", () => {
  const saved = { ...process.env };
  afterEach(() => {
    resetLanguage();
    for (const k of ["WORKBOOK_SETTINGS", "WORKBOOK_LANG", "WORKBOOK_NOTEBOOK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  function settings(lang: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "workbook-lang-")), "settings.json");
    fs.writeFileSync(file, JSON.stringify({ lang }));
    return file;
  }

  it("setLanguage, then the notebook's folder, then the saved choice, then WORKBOOK_LANG, then the locale", () => {
    process.env.WORKBOOK_SETTINGS = path.join(os.tmpdir(), "no-such-dir-workbook", "settings.json");
    delete process.env.WORKBOOK_LANG;
    delete process.env.WORKBOOK_NOTEBOOK_LANG;
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = "ko_KR.UTF-8";
    expect(language()).toBe("ko"); // locale
    process.env.WORKBOOK_LANG = "en";
    expect(language()).toBe("en"); // WORKBOOK_LANG beats the locale
    process.env.WORKBOOK_SETTINGS = settings("ko");
    expect(language()).toBe("ko"); // the saved choice beats WORKBOOK_LANG
    process.env.WORKBOOK_NOTEBOOK_LANG = "en";
    expect(language()).toBe("en"); // a notebook's folder beats the saved choice
    setLanguage("ko");
    expect(language()).toBe("ko"); // setLanguage beats everything
    resetLanguage();
    expect(language()).toBe("en");
  });

  it("reads locale names as the system writes them", () => {
    expect(["ko_KR.UTF-8", "ko-KR", "ko", "ko_KR@euro"].map(localeLanguage)).toEqual(["ko", "ko", "ko", "ko"]);
    expect(["en_US.UTF-8", "kok_IN", "C.UTF-8", "", undefined].map(localeLanguage)).toEqual(["en", "en", "en", "en", "en"]);
  });

  it("a malformed settings file or an unknown saved language counts as no choice", () => {
    delete process.env.WORKBOOK_NOTEBOOK_LANG;
    process.env.WORKBOOK_LANG = "ko";
    process.env.WORKBOOK_SETTINGS = settings("fr");
    expect(language()).toBe("ko");
    fs.writeFileSync(process.env.WORKBOOK_SETTINGS, "{ not json");
    expect(language()).toBe("ko");
  });

  it("a WORKBOOK_LANG that is no language of the workbook is warned about once, in one line naming it and the choices", () => {
    process.env.WORKBOOK_SETTINGS = path.join(os.tmpdir(), "no-such-dir-workbook", "settings.json");
    delete process.env.WORKBOOK_NOTEBOOK_LANG;
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = "en_US.UTF-8";
    const warned: string[] = [];
    const warn = vi.spyOn(console, "warn").mockImplementation((...args: unknown[]) => void warned.push(args.join(" ")));
    try {
      for (const value of ["fr", "KO", "ko_KR.UTF-8", "en\nX"]) {
        warned.length = 0;
        process.env.WORKBOOK_LANG = value;
        expect(language()).toBe("en"); // the locale decides
        expect(language()).toBe("en");
        expect(warned).toHaveLength(1); // once, not per message
        expect(warned[0]).toContain(`WORKBOOK_LANG is ${JSON.stringify(value)}`);
        expect(warned[0]).toContain("en, ko");
        expect(warned[0]).not.toContain("\n");
      }
      warned.length = 0;
      for (const value of ["", "ko", "en"]) {
        process.env.WORKBOOK_LANG = value; // unset-like, or valid: nothing to say
        language();
      }
      expect(warned).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });

  it("setLanguage refuses anything but en and ko, naming the parameter", () => {
    expect(() => setLanguage("fr" as never)).toThrow(RangeError);
    expect(() => setLanguage("fr" as never)).toThrow(/"lang"/);
    expect(() => setLanguage(undefined as never)).toThrow(/"lang"/);
  });

  it("tr and fill: the current language, placeholders filled, unknown ones kept", () => {
    const t = { en: "{n} requests on {conn}", ko: "{conn}에서 요청 {n}개" };
    setLanguage("ko");
    expect(tr(t, { n: 3, conn: "#1" })).toBe("#1에서 요청 3개");
    expect(tr(t, { n: 3, conn: "#1" }, "en")).toBe("3 requests on #1");
    expect(fill("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(fill("{constructor}", {})).toBe("{constructor}");
  });
});
