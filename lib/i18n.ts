/**
 * The workbook speaks English and Korean. Every text a student reads is a
 * `Text` (both languages side by side), usually kept in a table made with
 * `messages()`, and is shown with `tr()` in the current language.
 *
 * Which language, first match wins:
 * 1. `setLanguage()` in this process (a notebook cell can call it);
 * 2. the notebook's folder: the kernel launcher sets WORKBOOK_NOTEBOOK_LANG
 *    to "ko" for a notebook opened from notebooks/ko/;
 * 3. the choice saved by `npm run workbook -- lang ko|en` (.workbook/settings.json,
 *    or the file WORKBOOK_SETTINGS names);
 * 4. the WORKBOOK_LANG environment variable;
 * 5. the system locale (LC_ALL, LC_MESSAGES, LANG, then Intl): Korean when it starts with "ko".
 *
 * Placeholders are `{name}`, filled from the params object; both languages of
 * one message must use the same placeholders (test/lib/i18n.test.ts checks it).
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const LANGUAGES = ["en", "ko"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both languages. */
export interface Text {
  en: string;
  ko: string;
}

export type Params = Record<string, string | number | boolean | bigint>;

/**
 * A string already in the reader's language. Places that show text to a
 * student (errors, verdicts, tables) take `Localized`, so a bare English
 * literal there does not compile.
 */
export type Localized = string & { readonly __localized: true };

let chosen: Language | undefined;

const DEFAULT_SETTINGS_FILE = path.resolve(__dirname, "..", ".workbook", "settings.json");

/** The settings file `lang` writes: WORKBOOK_SETTINGS, or .workbook/settings.json in the workbook. */
export function settingsFile(): string {
  return process.env.WORKBOOK_SETTINGS || DEFAULT_SETTINGS_FILE;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** How long a look at the settings file holds: a message-heavy simulation asks for the language thousands of times a second. */
const SETTINGS_RECHECK_MS = 100;

/** A settings file holds a few short fields; anything longer is not ours and is not read. */
const MAX_SETTINGS_BYTES = 64 * 1024;

let savedCache: { file: string; checkedAt: number; mtimeMs: number; size: number; lang: Language | undefined } | undefined;

/**
 * The language saved by `lang`, if any (unreadable or malformed settings count
 * as none). Read again when the file's time or size changes, looked at no more
 * than every SETTINGS_RECHECK_MS: a choice saved by another process reaches a
 * running one (a notebook kernel) within that time.
 */
export function savedLanguage(): Language | undefined {
  const file = settingsFile();
  const now = Date.now();
  if (savedCache?.file === file && now - savedCache.checkedAt < SETTINGS_RECHECK_MS) return savedCache.lang;
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) {
      savedCache = { file, checkedAt: now, mtimeMs: -1, size: -1, lang: undefined };
      return undefined;
    }
    // a folder, a device (/dev/zero reads without end) or a file far too big is no settings file
    if (!stat.isFile() || stat.size > MAX_SETTINGS_BYTES) {
      savedCache = { file, checkedAt: now, mtimeMs: -1, size: -1, lang: undefined };
      return undefined;
    }
    if (savedCache?.file === file && savedCache.mtimeMs === stat.mtimeMs && savedCache.size === stat.size) {
      savedCache.checkedAt = now;
      return savedCache.lang;
    }
    const saved: unknown = JSON.parse(fs.readFileSync(file, "utf8"))?.lang;
    savedCache = { file, checkedAt: now, mtimeMs: stat.mtimeMs, size: stat.size, lang: isLanguage(saved) ? saved : undefined };
  } catch {
    savedCache = { file, checkedAt: now, mtimeMs: -1, size: -1, lang: undefined };
  }
  return savedCache.lang;
}

/** Refuses the settings file named by WORKBOOK_SETTINGS (or the default one) as not one lang may write. */
function notASettingsFile(file: string): never {
  const err = new RangeError(
    frames.outOfRange({ name: "WORKBOOK_SETTINGS", expected: frames.settingsFile(), received: JSON.stringify(file) }),
  );
  (err as NodeJS.ErrnoException).code = "ERR_OUT_OF_RANGE";
  throw err;
}

/** Saves `lang` in the settings file (keeping any other setting there), as `npm run workbook -- lang` does; returns the file. */
export function saveLanguage(lang: Language): string {
  if (!isLanguage(lang)) invalidArg("lang", frames.lang(), lang);
  const file = settingsFile();
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  // refused before anything is read or written: a folder, a device (/dev/full, /dev/zero), a pipe,
  // or a file too big to be ours (it would be overwritten)
  if (stat && (!stat.isFile() || stat.size > MAX_SETTINGS_BYTES)) notASettingsFile(file);
  let settings: Record<string, unknown> = {};
  // a file with something in it that is not a JSON object is not ours (WORKBOOK_SETTINGS=~/.bashrc):
  // writing would put {"lang": ...} in its place, so it is refused, unread parts and all
  if (stat && stat.size > 0) {
    let old: unknown;
    try {
      old = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
      notASettingsFile(file);
    }
    if (old === null || typeof old !== "object" || Array.isArray(old)) notASettingsFile(file);
    settings = old as Record<string, unknown>;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ ...settings, lang }, null, 2)}\n`);
  savedCache = undefined; // this process sees its own choice at once
  return file;
}

/** "ko" for a Korean locale name such as ko_KR.UTF-8 or ko-KR, "en" for any other. */
export function localeLanguage(locale: string | undefined): Language {
  return /^ko([_.@-]|$)/i.test(locale ?? "") ? "ko" : "en";
}

let intlLocale: string | null | undefined;

function systemLocale(): string | undefined {
  const env = process.env;
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  if (fromEnv && fromEnv !== "C" && fromEnv !== "POSIX" && !/^C\./.test(fromEnv)) return fromEnv;
  // Intl's default locale is fixed for the life of the process, and costly to ask (tens of µs)
  if (intlLocale === undefined) {
    try {
      intlLocale = Intl.DateTimeFormat().resolvedOptions().locale;
    } catch {
      intlLocale = null;
    }
  }
  return intlLocale ?? undefined;
}

/** What decided the current language: the five steps at the top of this file, first match wins. */
export type LanguageSource = "setLanguage" | "notebook" | "saved" | "WORKBOOK_LANG" | "locale";

/**
 * The current language and what decided it (`npm run workbook -- lang` prints it);
 * `detail` is the settings file for "saved" and the locale's name for "locale".
 */
export function languageChoice(): { language: Language; source: LanguageSource; detail?: string } {
  if (chosen) return { language: chosen, source: "setLanguage" };
  const notebook = process.env.WORKBOOK_NOTEBOOK_LANG;
  if (isLanguage(notebook)) return { language: notebook, source: "notebook" };
  const saved = savedLanguage();
  if (saved) return { language: saved, source: "saved", detail: settingsFile() };
  const env = process.env.WORKBOOK_LANG;
  if (isLanguage(env)) return { language: env, source: "WORKBOOK_LANG" };
  const locale = systemLocale();
  const fromLocale = localeLanguage(locale);
  if (env) warnUnknownEnvLanguage(env, fromLocale); // empty counts as unset, as for LANG
  return { language: fromLocale, source: "locale", detail: locale };
}

/** The WORKBOOK_LANG value already warned about: one line per process (the language is asked for thousands of times). */
let warnedEnv: string | undefined;

/**
 * WORKBOOK_LANG=fr (or a typo) would otherwise be ignored without a word, and
 * the student would wonder why nothing changed: say once which values work.
 */
function warnUnknownEnvLanguage(value: string, used: Language): void {
  if (warnedEnv === value) return;
  warnedEnv = value;
  const shown = JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  console.warn(fill(frames.unknownEnvLanguage.text[used], { value: shown, choices: LANGUAGES.join(", "), used }));
}

/** The current language (see the order at the top of this file). */
export function language(): Language {
  return languageChoice().language;
}

/** Switches this process to `lang` ("en" or "ko"); returns it. Other processes keep theirs. */
export function setLanguage(lang: Language): Language {
  if (!isLanguage(lang)) {
    const shown = typeof lang === "string" ? JSON.stringify(lang) : String(lang);
    const err = new RangeError(
      frames.outOfRange({ name: "lang", expected: frames.lang(), received: shown.length > 120 ? `${shown.slice(0, 120)}...` : shown }),
    );
    (err as NodeJS.ErrnoException).code = "ERR_OUT_OF_RANGE";
    throw err;
  }
  chosen = lang;
  return lang;
}

/** Forgets setLanguage(), so the notebook folder, settings, WORKBOOK_LANG and the locale decide again (and a bad WORKBOOK_LANG is warned about again). */
export function resetLanguage(): void {
  chosen = undefined;
  warnedEnv = undefined;
}

/** Fills `{name}` placeholders; a placeholder without a param stays as written. */
export function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
}

/**
 * A copy of a plain object's own enumerable fields (`{ ... }`, or one without
 * a prototype), each read once; undefined for anything else, or when reading
 * it throws (a revoked Proxy, a getter that throws). lib/errors.ts's
 * optionsObject applies the same rule (it speaks through this module, so the
 * rule lives here).
 */
export function plainFields(value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== "object") return undefined;
  try {
    const proto = Object.getPrototypeOf(value);
    return !Array.isArray(value) && (proto === Object.prototype || proto === null) ? { ...value } : undefined;
  } catch {
    return undefined;
  }
}

/** String(value), or its type when that throws (a function whose own toString throws). */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return typeof value;
  }
}

function invalidArg(name: string, expected: Localized, value: unknown): never {
  const shown =
    value === null
      ? "null"
      : typeof value === "object"
        ? frames.anObject()
        : value === undefined
          ? "undefined"
          : `${typeof value} ${safeString(value)}`;
  const err = new TypeError(
    frames.invalidType({
      name: name.length > 200 ? frames.cut({ shown: name.slice(0, 200), length: name.length }) : name,
      expected,
      received: shown.length > 120 ? frames.cut({ shown: shown.slice(0, 120), length: shown.length }) : shown,
    }),
  );
  (err as NodeJS.ErrnoException).code = "ERR_INVALID_ARG_TYPE";
  throw err;
}

/** A param that prints as itself: text, a finite number, a boolean or a bigint (never "NaN", "undefined" or "[object Object]"). */
function printable(value: unknown): boolean {
  return (
    typeof value === "string" ||
    typeof value === "boolean" ||
    typeof value === "bigint" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}

/** `text` in the current language (or `lang`), placeholders filled; for text written in a notebook or an exercise. */
export function tr(text: Text, params?: Params, lang: Language = language()): Localized {
  if (!isLanguage(lang)) invalidArg("lang", frames.lang(), lang);
  // each field read once, into a copy: a getter cannot pass the check with one value and be shown with another
  const chosenText = plainFields(text)?.[lang];
  if (typeof chosenText !== "string") invalidArg("text", frames.text(), text);
  let values: Params | undefined;
  if (params !== undefined) {
    const copy = plainFields(params);
    if (copy === undefined) invalidArg("params", frames.params(), params);
    for (const key of Object.keys(copy)) if (!printable(copy[key])) invalidArg(`params.${key}`, frames.param(), copy[key]);
    values = copy as Params;
  }
  return fill(chosenText, values) as Localized;
}

/** Text that reads the same in both languages (a number, a header name, code). */
export function verbatim(text: string): Localized {
  return text as Localized;
}

/** A message: call it for the current language, or read `.text` for both. */
export interface Message {
  (params?: Params): Localized;
  readonly text: Text;
}

const registry = new Map<string, Record<string, Text>>();

/**
 * A table of messages for one area (a model, a lab, the CLI). Every table is
 * registered under its area, so a test can read them all.
 */
export function messages<K extends string>(area: string, table: Record<K, Text>): Record<K, Message> {
  registry.set(area, table); // a module evaluated again (a notebook kernel reloading lib/) replaces its table
  const out = {} as Record<K, Message>;
  for (const key of Object.keys(table) as K[]) {
    const text = table[key];
    out[key] = Object.assign((params?: Params) => fill(text[language()], params) as Localized, { text });
  }
  return out;
}

/** Every message table made so far, by area. */
export function messageTables(): ReadonlyMap<string, Record<string, Text>> {
  return registry;
}

/**
 * The wording of an argument error, for lib/errors.ts's checks and for this
 * module's own (which cannot use errors.ts: errors.ts speaks through here).
 */
const frames = messages("i18n", {
  invalidType: {
    en: 'The "{name}" argument must be {expected}. Received {received}',
    ko: '"{name}" 인자가 잘못되었습니다. 필요한 것: {expected}. 받은 값: {received}',
  },
  outOfRange: {
    en: 'The value of "{name}" is out of range. It must be {expected}. Received {received}',
    ko: '"{name}" 값이 허용 범위를 벗어났습니다. 허용되는 값: {expected}. 받은 값: {received}',
  },
  cut: { en: "{shown}... ({length} characters)", ko: "{shown}... (모두 {length}자)" },
  anObject: { en: "an object", ko: "객체" },
  lang: { en: '"en" or "ko"', ko: '"en" 또는 "ko"' },
  text: { en: "an object { en, ko } of strings", ko: "문자열 두 개를 가진 객체 { en, ko }" },
  params: { en: "an object of name -> value", ko: "이름 -> 값 객체" },
  param: { en: "a string, a finite number, a boolean or a bigint", ko: "문자열, 유한한 숫자, 불리언 또는 bigint" },
  unknownEnvLanguage: {
    en: "WORKBOOK_LANG is {value}, which is not a language of this workbook ({choices}); using {used} (from the system locale). Set WORKBOOK_LANG to one of {choices}, or unset it.",
    ko: "WORKBOOK_LANG이 {value}인데, 이 워크북의 언어({choices})가 아닙니다. 시스템 로캘에 따라 {used}를 씁니다. WORKBOOK_LANG을 {choices} 중 하나로 정하거나 지우세요.",
  },
  settingsFile: {
    en: "the path of a settings file (an ordinary file under 64 KB holding a JSON object, or one to make)",
    ko: "설정 파일의 경로(JSON 객체가 든 64KB 미만의 일반 파일, 또는 새로 만들 파일)",
  },
});

export const errorFrames = { invalidType: frames.invalidType, outOfRange: frames.outOfRange, cut: frames.cut };
