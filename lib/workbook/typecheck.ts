/**
 * Type errors in exercise files, shown under the verdict (they never change
 * the score: the code may still run). TypeScript is loaded only when a file
 * changed: results are cached by content, and a long-lived process (the
 * notebook kernel, `check --watch`) keeps the parsed libraries in memory, so
 * a re-check after an edit re-reads only the edited file.
 * TypeScript words its messages in the student's language (it ships Korean).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { language, type Language, messages } from "../i18n";
import { CACHE_DIR, hashOf, libModules } from "./build";
import { ROOT, targetFile } from "./paths";
import { readFileUpTo } from "../read-file";
import { cacheQuietly } from "../write-atomic";
import { exerciseText } from "./exercise-source";
import { exerciseFiles } from "./catalogue";
import { StampedMemo } from "./file-stamp";

const say = messages("workbook/typecheck", {
  stopped: {
    en: "{file}: the type check stopped ({error}); the file is graded without it",
    ko: "{file}: 타입 검사가 중단되었습니다({error}). 파일은 타입 검사 없이 채점합니다",
  },
});

type Ts = typeof import("typescript");
type Program = import("typescript").Program;
type SourceFile = import("typescript").SourceFile;

let ts: Ts | undefined;
let oldProgram: Program | undefined;
/** Parsed files keep their syntax errors' wording: kept per language. */
const parsed = new Map<string, { text: string; lang: Language; file: SourceFile }>();
/** The language TypeScript's messages are set to in this process. */
let tsLanguage: Language = "en";

/** Switches TypeScript's diagnostic messages to `lang` (its own Korean translation, or its built-in English). */
function setTsLanguage(t: Ts, lang: Language): void {
  if (lang === tsLanguage) return;
  // setLocalizedDiagnosticMessages is exported but not declared: undefined brings back the built-in English
  if (lang === "en")
    (t as unknown as { setLocalizedDiagnosticMessages(messages: undefined): void }).setLocalizedDiagnosticMessages(undefined);
  else t.validateLocaleAndSetLanguage(lang, t.sys);
  tsLanguage = lang;
  oldProgram = undefined; // a program reused from the other language would keep its wording
}

/**
 * Everything the type of an exercise file can depend on, as one stamp: TypeScript's version, tsconfig and the
 * lib/ sources, by content (not by time), so that a copy of the workbook with the same sources finds the same
 * stamp, and an edit that keeps a file's size and time still changes it. A process that lives on (a notebook
 * kernel) reads and hashes them again only when one of those files changed (file-stamp.ts): about 9 ms a check.
 */
export function libStamp(): string {
  const mods = libModules();
  const files = [
    require.resolve("typescript/package.json"),
    path.join(ROOT, "tsconfig.json"),
    ...mods.map((m) => path.join(ROOT, `${m}.ts`)),
  ];
  return libStamps.get("lib", files, () => {
    const [tsPackage, tsconfig, ...sources] = files.map((f) => fs.readFileSync(f, "utf8"));
    const parts: string[] = [JSON.parse(tsPackage).version, tsconfig];
    for (const [i, mod] of mods.entries()) parts.push(`${mod}\0${sources[i]}`);
    return hashOf(parts.join("\0"));
  });
}

/** The last libStamp, kept while TypeScript's package.json, tsconfig.json and every lib/ source keep their file stamps. */
const libStamps = new StampedMemo<string>();

/** Type-checks `files`, reading the exercise files from `texts` (as they were read for the cache keys), the rest from disk. */
function compile(files: string[], lang: Language, texts: Map<string, string>): Map<string, string[]> {
  ts ??= require("typescript") as Ts;
  const t = ts;
  setTsLanguage(t, lang);
  const config = t.parseJsonConfigFileContent(t.readConfigFile(path.join(ROOT, "tsconfig.json"), t.sys.readFile).config, t.sys, ROOT);
  // a half-written answer may hold things it does not use yet: not an error for a student
  const options = { ...config.options, noEmit: true, incremental: false, noUnusedLocals: false, noUnusedParameters: false };
  const host = t.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    // an exercise file saved while this runs is checked as it was read: its errors are kept under that text
    const known = texts.get(path.resolve(fileName));
    const text = known ?? t.sys.readFile(fileName);
    const cached = parsed.get(fileName);
    if (text !== undefined && cached?.text === text && cached.lang === lang) return cached.file;
    const file =
      known === undefined ? read.call(host, fileName, languageVersion, ...rest) : t.createSourceFile(fileName, known, languageVersion);
    if (file && text !== undefined) parsed.set(fileName, { text, lang, file });
    return file;
  };
  const program = t.createProgram({ rootNames: files, options, host, oldProgram });
  oldProgram = program;
  const out = new Map<string, string[]>();
  for (const f of files) {
    const sf = program.getSourceFile(f);
    const diags = sf ? [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)] : [];
    out.set(
      f,
      diags.map((d) => {
        const { line, character } =
          d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : { line: 0, character: 0 };
        // a type from another module may be printed with its absolute path: shown, and kept, from the workbook's root
        const text = t.flattenDiagnosticMessageText(d.messageText, " ").split(`${ROOT}${path.sep}`).join("");
        return `${path.relative(ROOT, f)}:${line + 1}:${character + 1} ${text}`;
      }),
    );
  }
  return out;
}

/** Far more than a file's type errors take; a bigger entry (or a folder, a pipe) is not one of ours. */
const MAX_CACHED_BYTES = 8 * 1024 * 1024;

/**
 * A cached answer, or undefined when there is none or it is not a list of
 * texts (a file torn by a crash or a full disk, or a workbook copied from an
 * older version): then the file is checked again and the entry rewritten.
 */
function readCached(key: string): string[] | undefined {
  const text = readFileUpTo(key, MAX_CACHED_BYTES);
  if (text === undefined) return undefined;
  try {
    const errors: unknown = JSON.parse(text);
    return Array.isArray(errors) && errors.every((e) => typeof e === "string") ? errors : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `p` and the exercise files it may import, and those they may import in turn, in a fixed order. A file
 * counts when its name appears in the text: a few more than the imports (a name in a comment), never fewer.
 */
function withImports(p: string, texts: Map<string, string>): string[] {
  const found = new Set([p]);
  for (const q of found) {
    const text = texts.get(q) ?? "";
    for (const other of texts.keys()) if (!found.has(other) && text.includes(path.basename(other, ".ts"))) found.add(other);
  }
  return [...found].sort();
}

/** Type errors per exercise file name ("tcp-connections.ts") of a target folder. */
export function typeErrors(target: string, files: string[]): Map<string, string[]> {
  // each read once (a file saved meanwhile is checked as it was read); a folder, a pipe or a huge file is left out
  const texts = new Map<string, string>();
  for (const f of new Set([...exerciseFiles(), ...files])) {
    const p = targetFile(target, f);
    const text = exerciseText(p);
    if (text !== undefined) texts.set(p, text);
  }
  const paths = files.map((f) => targetFile(target, f)).filter((p) => texts.has(p));
  const lib = libStamp();
  const lang = language();
  // The errors' wording depends on the language, but a file without errors has none in either:
  // that answer is kept once for both languages (a stub, a finished answer), the errors per language.
  // A file's types depend on lib/, on tsconfig and on the exercise files it imports: their texts are in its key, so a
  // file checked alone (check("4.3a")) or with the rest (setup, check()) finds one entry, kept through edits to others.
  // Paths inside the workbook, not on this machine: the errors name them that way too.
  const keys = new Map(
    paths.map((p) => [p, hashOf([lib, ...withImports(p, texts).map((q) => `${path.relative(ROOT, q)}\0${texts.get(q)}`)].join("\n"))]),
  );
  const keyOf = (p: string, wording: Language | "") => path.join(CACHE_DIR, "types", `${keys.get(p)}${wording && `.${wording}`}.json`);
  const result = new Map<string, string[]>();
  const missing = paths.filter((p) => {
    const errors = [keyOf(p, ""), keyOf(p, lang)].map(readCached).find((e) => e !== undefined);
    if (errors === undefined) return true;
    result.set(path.basename(p), errors);
    return false;
  });
  if (missing.length === 0) return result;
  let checked: Map<string, string[]>;
  try {
    checked = compile(missing, lang, texts);
  } catch (err) {
    // TypeScript is JavaScript: a file nested a few thousand levels deep ("((((1))))") overflows its stack. The type
    // errors only inform, so that is said under each file's verdict (not kept), and the grading goes on
    oldProgram = undefined;
    const error = String((err as Error)?.message ?? err).slice(0, 200);
    for (const p of missing) result.set(path.basename(p), [say.stopped({ file: path.relative(ROOT, p), error })]);
    return result;
  }
  for (const [p, errors] of checked) {
    result.set(path.basename(p), errors);
    cacheQuietly(keyOf(p, errors.length === 0 ? "" : lang), JSON.stringify(errors));
  }
  return result;
}
