/**
 * TypeScript to JavaScript for grading, with swc (fast enough to run after
 * every save) and a cache keyed by the source's content hash, so a file that
 * did not change is never compiled twice.
 *
 * `buildSandbox` writes the folder the sandboxed child may read: the target's
 * exercise files and only those lib files the catalogue lets that file's
 * exercises import (with what they import in turn). Nothing else of the
 * workbook, checks/ and solutions/ least of all, exists there.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import { Module } from "node:module";
import * as path from "node:path";
import { catalogue, exerciseFiles } from "./catalogue";
import { exerciseText, syntaxError } from "./exercise-source";
import { readFileUpTo } from "../read-file";
import { cacheQuietly, writeFileAtomic } from "../write-atomic";
import { ROOT } from "./paths";
import { fileStamp, StampedMemo } from "./file-stamp";
import { fill, messages } from "../i18n";

const say = messages("workbook/build", {
  notAvailable: {
    en: "{module} is not available in this exercise: the workbook's models compute the answers",
    ko: "이 문제에서는 {module}을(를) 쓸 수 없습니다. 워크북의 모델은 답을 계산해 버립니다",
  },
  tooDeep: {
    en: "the compiler stopped ({how}) on this file: it is nested too deeply. Split long chains of operators and deeply nested brackets into smaller parts",
    ko: "이 파일에서 컴파일러가 멈췄습니다({how}). 너무 깊게 중첩되어 있습니다. 길게 이어진 연산자와 깊게 중첩된 괄호를 작은 부분으로 나누세요",
  },
  probeFailed: {
    en: "could not try the compiler on this file in a child process ({error})",
    ko: "자식 프로세스에서 이 파일에 컴파일러를 시험해 보지 못했습니다({error})",
  },
  badTarget: {
    en: "target must be a folder inside the workbook; got {target}",
    ko: "target은 워크북 안의 폴더여야 합니다. 받은 값: {target}",
  },
});

export const CACHE_DIR = path.join(ROOT, ".workbook", "cache");
/** Far more than the JavaScript of an exercise file (at most 1 MB of TypeScript) or a lib module; a bigger cache or sandbox file (or a folder, a pipe) is made again. */
const MAX_BUILT_BYTES = 8 * 1024 * 1024;
const SWC_OPTIONS = {
  jsc: { parser: { syntax: "typescript" as const }, target: "es2022" as const },
  module: { type: "commonjs" as const },
};

type Swc = typeof import("@swc/core");
let swc: Swc | undefined;
/** swc loads on first use: a run where every file is cached never pays for it. */
export const loadSwc = (): Swc => (swc ??= require("@swc/core") as Swc);

export const hashOf = (text: string): string => createHash("sha1").update(text).digest("hex");

let stamp: string | undefined;
/** swc's version and options, part of every cached file's key: a new swc never serves an old one's output. */
const swcStamp = (): string =>
  (stamp ??= `${JSON.parse(fs.readFileSync(require.resolve("@swc/core/package.json"), "utf8")).version}\0${JSON.stringify(SWC_OPTIONS)}`);

/**
 * The JavaScript of a TypeScript source, from the cache when this exact
 * source was compiled before. `trusted`: the result runs in the grader itself
 * (a checks file), so it never comes from the cache, which a student's
 * checkout could carry. `ours`: a source of the workbook's own (lib/), which
 * needs no trial in a child process (checkSwcSurvives) before swc compiles it here.
 */
export function transpile(source: string, file: string, trusted = false, ours = trusted): string {
  if (trusted) return loadSwc().transformSync(source, { ...SWC_OPTIONS, filename: file }).code;
  const key = keyOf(source);
  const cached = cachedJs(key);
  const hit = readFileUpTo(cached, MAX_BUILT_BYTES);
  if (hit !== undefined) {
    survived.add(key); // swc compiled this very source before
    return hit;
  }
  if (!ours) checkSwcSurvives(source, key);
  const code = loadSwc().transformSync(source, { ...SWC_OPTIONS, filename: file }).code;
  cacheQuietly(cached, code);
  return code;
}

/** Sources (by their cache key) swc has parsed and compiled without crashing, in this process or a child of it. */
const survived = new Set<string>();

/** Far more than a 1 MB source takes to parse and compile (about 0.2 s); a child still busy then is ended. */
const PROBE_TIMEOUT_MS = 30_000;

/**
 * swc is native code: a source nested some thousands of levels deep ("((((1))))", "A<A<A<B>>>", a chain of
 * 100,000 "1 + ") overflows its stack and ends the whole process with SIGSEGV (the grader, the autograder's
 * run, a notebook kernel), no JavaScript error to catch. So a student's source swc has not handled before is
 * first parsed and compiled, as the grader will, in a child process: one that ends the child is refused with an
 * error, which the load of that file reports (a syntax error that swc reports as such passes here: the grader
 * then gets it in-process and reports it as usual).
 */
export function checkSwcSurvives(source: string, key = keyOf(source)): void {
  if (survived.has(key)) return;
  const r = probe([source]);
  // not started, or still busy after the time limit: nothing is known about the source, and nothing is said about it
  if (r.error) throw new Error(say.probeFailed({ error: String((r.error as NodeJS.ErrnoException).code ?? r.error.message) }));
  if (r.status !== 0) throw new SyntaxError(say.tooDeep({ how: r.signal ?? `exit code ${r.status}` }));
  survived.add(key);
}

const keyOf = (source: string) => hashOf(`${swcStamp()}\0${source}`);

/** Where the JavaScript swc made of the source with this key is kept. */
const cachedJs = (key: string) => path.join(CACHE_DIR, "js", `${key}.js`);

/** swc on `sources` in a child process, as the grader runs it. */
function probe(sources: string[]): ReturnType<typeof spawnSync> {
  const script = `const swc = require(${JSON.stringify(require.resolve("@swc/core"))});
for (const source of JSON.parse(require("node:fs").readFileSync(0, "utf8"))) {
  try { swc.parseSync(source, { syntax: "typescript" }); swc.transformSync(source, ${JSON.stringify({ ...SWC_OPTIONS, filename: "probe.ts" })}); } catch {}
}`;
  return spawnSync(process.execPath, ["-e", script], {
    input: JSON.stringify(sources),
    stdio: ["pipe", "ignore", "ignore"],
    timeout: PROBE_TIMEOUT_MS,
  });
}

/**
 * checkSwcSurvives for several sources in one child (a first build compiles every exercise file): those
 * neither cached nor tried yet. When the child does not survive them all, each is left to its own try.
 */
function probeAll(sources: string[]): void {
  const keys = sources.map(keyOf);
  const fresh = keys.filter((k) => !survived.has(k) && !fs.existsSync(cachedJs(k)));
  if (fresh.length < 2) return;
  const r = probe(sources.filter((_, i) => fresh.includes(keys[i])));
  if (!r.error && r.status === 0) for (const k of fresh) survived.add(k);
}

/**
 * Loads a TypeScript file of the teacher's (a checks file) in this process,
 * whatever runs it (ts-node, vitest or the tslab kernel). Such files import
 * types only, so nothing else needs resolving.
 */
export function loadTs(file: string): Record<string, unknown> {
  const source = fs.readFileSync(file, "utf8");
  const known = loaded.get(file);
  if (known?.source === source) return known.exports; // a run reads each checks file for every exercise in it
  const m = new Module(file);
  m.filename = file;
  (m as unknown as { _compile(code: string, file: string): void })._compile(transpile(source, file, true), file);
  loaded.set(file, { source, exports: m.exports as Record<string, unknown> });
  return m.exports as Record<string, unknown>;
}

/** Teacher files compiled in this process, by path: kept while their content is unchanged. */
const loaded = new Map<string, { source: string; exports: Record<string, unknown> }>();

/** Relative modules a source loads at run time (type-only imports are erased, so they do not count). */
export function runtimeImports(source: string): string[] {
  return relativeRequires(transpile(source, "module.ts"));
}

const relativeRequires = (js: string): string[] => [...js.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => m[1]);

/** lib modules the exercises of one file may import (catalogue `imports`), plus the stub helper: "lib/http/page-load" ... */
export function allowedLibModules(exerciseFile: string): string[] {
  return [
    ...new Set(["lib/workbook/not-implemented", ...catalogue.filter((e) => e.file === exerciseFile).flatMap((e) => e.imports ?? [])]),
  ];
}

/** The last walk of lib/: its folders' stamps (taken before each was read) and what it found. */
let libWalk: { stamps: string[]; dirs: string[]; modules: string[] } | undefined;

/**
 * Every module of lib/, root-relative without extension: "lib/tcp/segment". A process that lives on walks
 * lib/ again only when a folder of it changed (a file added, removed or renamed changes its folder's stamp).
 */
export function libModules(): string[] {
  if (libWalk?.dirs.every((d, i) => fileStamp(path.join(ROOT, d)) === libWalk!.stamps[i])) return [...libWalk.modules];
  const out: string[] = [];
  const dirs: string[] = [];
  const stamps: (string | undefined)[] = [];
  const walk = (dir: string) => {
    dirs.push(dir);
    stamps.push(fileStamp(path.join(ROOT, dir)));
    for (const d of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      if (d.isDirectory()) walk(`${dir}/${d.name}`);
      else if (d.name.endsWith(".ts") && !d.name.endsWith(".d.ts")) out.push(`${dir}/${d.name.slice(0, -3)}`);
    }
  };
  walk("lib");
  libWalk = stamps.every((st) => st !== undefined) ? { stamps: stamps as string[], dirs, modules: out } : undefined;
  return [...out];
}

/**
 * What stands in the sandbox for a lib module these exercises may not use:
 * loading it works (so one forbidden import does not sink the file's other
 * exercises), using anything from it throws. The import rule has already
 * failed the exercise that uses it, with a message naming it. The message is
 * written in both languages and chosen in the child by WORKBOOK_LANG (which
 * the sandbox sets), so the folder does not change with the language.
 */
function placeholder(mod: string): string {
  const known = placeholders.get(mod);
  if (known !== undefined) return known;
  const text = placeholderText(mod);
  placeholders.set(mod, text);
  return text;
}

/** Placeholders made in this process, by module: the same text every time. */
const placeholders = new Map<string, string>();

function placeholderText(mod: string): string {
  const { en, ko } = say.notAvailable.text;
  const quoted = (template: string) => JSON.stringify(fill(template, { module: mod }));
  return `"use strict";
// ${mod} is not available to these exercises: the workbook's models compute the answers.
const message = process.env.WORKBOOK_LANG === "ko" ? ${quoted(ko)} : ${quoted(en)};
module.exports = new Proxy({}, {
  get(_target, key) {
    if (key === "__esModule") return true;
    if (typeof key === "symbol" || key === "then") return undefined;
    throw new Error(message);
  },
});
`;
}

/** The sandbox child's script, kept while it keeps its stamp. */
const childScript = new StampedMemo<string>();

/** Sandbox files this process found holding what it would write, by path: their stamp then, and that text. */
const verified = new Map<string, { stamp: string; text: string }>();

/**
 * Writes `to` only when its content differs: rebuilding an unchanged tree touches nothing. A file this process
 * found holding `text` and whose stamp has not changed since is not read again (a check in a notebook kernel
 * rebuilds the same folder each time).
 */
function writeIfChanged(to: string, text: string): void {
  const stamp = fileStamp(to); // before the read: a change after it shows as another stamp next time
  const known = verified.get(to);
  if (stamp !== undefined && known?.stamp === stamp && known.text === text) return;
  if (readFileUpTo(to, MAX_BUILT_BYTES) === text) {
    if (stamp === undefined) verified.delete(to);
    else verified.set(to, { stamp, text });
    return;
  }
  verified.delete(to);
  writeFileAtomic(to, text); // a run beside this one never loads half a file
}

/**
 * A student's file as JavaScript; when it does not parse (saved mid-edit), a
 * module that throws swc's complaint when loaded: the exercises of that file
 * fail saying so, and the other files, which may not even import it, are
 * graded as usual.
 */
function compiledOrThrowing(source: string, file: string): string {
  try {
    return transpile(source, file);
  } catch (e) {
    return `throw new SyntaxError(${JSON.stringify(syntaxError(file, e).message)});\n`;
  }
}

/** lib modules as JavaScript, with the relative modules and npm packages they load, kept while the source keeps its stamp. */
const libJs = new StampedMemo<{ js: string; imports: string[]; packages: string[] }>();

/** A lib module's JavaScript and what it loads; read and compiled again only when the source changed. */
function compiledLibModule(rel: string): { js: string; imports: string[]; packages: string[] } {
  const file = path.join(ROOT, `${rel}.ts`);
  return libJs.get(rel, [file], () => {
    const js = transpile(fs.readFileSync(file, "utf8"), `${rel}.ts`, false, true);
    return { js, imports: relativeRequires(js), packages: packageRequires(js) };
  });
}

/** Copies a TypeScript module of the workbook into the sandbox as JavaScript, then everything it loads. */
function addModule(root: string, rel: string, seen: Set<string>): void {
  if (seen.has(rel)) return;
  seen.add(rel);
  const { js, imports, packages } = compiledLibModule(rel);
  writeIfChanged(path.join(root, `${rel}.js`), js);
  for (const spec of imports) {
    const next = path.posix.normalize(path.posix.join(path.posix.dirname(rel), spec));
    if (next.startsWith("lib/") && fs.existsSync(path.join(ROOT, `${next}.ts`))) addModule(root, next, seen);
  }
  for (const pkg of packages) addPackage(root, pkg, seen);
}

/** npm packages compiled JavaScript loads at run time: "pure-rand" (node: built-ins are not packages). */
function packageRequires(js: string): string[] {
  return [...js.matchAll(/require\("([^."/][^"]*)"\)/g)].map((m) => m[1]).filter((name) => !name.startsWith("node:"));
}

/** Copies an npm package a lib module needs into the sandbox's node_modules (the child may read nothing outside). */
function addPackage(root: string, name: string, seen: Set<string>): void {
  if (seen.has(`package:${name}`)) return;
  seen.add(`package:${name}`);
  const from = path.join(ROOT, "node_modules", name);
  const to = path.join(root, "node_modules", name);
  if (!fs.existsSync(from) || fs.existsSync(path.join(to, "package.json"))) return;
  const temp = `${to}.${process.pid}`;
  fs.cpSync(from, temp, { recursive: true });
  try {
    fs.renameSync(temp, to); // atomic, as writeIfChanged: a run beside this one never sees half a package
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (!fs.existsSync(path.join(to, "package.json"))) throw e; // not a run beside this one that got there first
  }
}

export interface SandboxFolder {
  /** the folder the child may read */
  root: string;
  /** absolute path of the exercise file's JavaScript inside it */
  js: string;
}

/**
 * The sandbox folder for one exercise file of a target (exercises/,
 * solutions/ or another copy): `.workbook/build/<target>/<file>/` holding
 * the target's exercise files as JavaScript, the lib modules that file's
 * exercises may use (and what those load), and the child's entry. One
 * folder per file, so at run time too a model the catalogue does not allow
 * for that file is simply not there.
 */
export function buildSandbox(target: string, exerciseFile: string): SandboxFolder {
  const targetDir = path.resolve(ROOT, target);
  const rel = path.relative(ROOT, targetDir).split(path.sep).join("/");
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) throw new RangeError(say.badTarget({ target: JSON.stringify(target) }));
  const key = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, "_");
  const root = path.join(ROOT, ".workbook", "build", key(rel), key(exerciseFile.replace(/\.ts$/, "")));
  const seen = new Set<string>();
  for (const mod of allowedLibModules(exerciseFile)) addModule(root, mod, seen);
  const texts = exerciseFiles().map((file) => exerciseText(path.join(targetDir, file)));
  probeAll(texts.filter((t) => t !== undefined));
  for (const [i, file] of exerciseFiles().entries()) {
    const src = path.join(targetDir, file);
    const out = path.join(root, rel, file.replace(/\.ts$/, ".js"));
    const text = texts[i];
    if (text !== undefined) writeIfChanged(out, compiledOrThrowing(text, src));
    else fs.rmSync(out, { force: true }); // never grade a copy of a file that is gone (or unreadable: the verdict says why)
  }
  for (const mod of libModules()) if (!seen.has(mod)) writeIfChanged(path.join(root, `${mod}.js`), placeholder(mod));
  const child = path.join(__dirname, "sandbox-child.js");
  writeIfChanged(
    path.join(root, "sandbox-child.js"),
    childScript.get(child, [child], () => fs.readFileSync(child, "utf8")),
  );
  return { root, js: path.join(root, rel, exerciseFile.replace(/\.ts$/, ".js")) };
}
