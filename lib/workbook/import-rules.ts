/**
 * What an exercise's code may use. The workbook's models compute the
 * answers, so an exercise may import from lib/ only the helpers the catalogue
 * lists for it (`imports`), plus types and the stub helper; it may use other
 * exercise files (earlier work) and Node's built-in modules.
 *
 * The rule is per exported function: starting at the export, follow every
 * top-level name it mentions; an imported value reached that way is "used".
 * Loading code at run time (require, import(), eval, new Function, process,
 * globalThis) is refused outright, because it would hide what is used.
 * The sandbox backs this up: modules not allowed are not in its folder.
 */
import { builtinModules } from "node:module";
import * as fs from "node:fs";
import * as path from "node:path";
import { checkSwcSurvives, loadSwc } from "./build";
import { exerciseText } from "./exercise-source";
import { ROOT } from "./paths";
import { messages } from "../i18n";

const say = messages("workbook/import-rules", {
  dynamic: {
    en: "{file} uses {names}: exercise code must not load or reach code at run time. Import what you need at the top of the file.",
    ko: "{file} 파일이 다음을 씁니다: {names}. 연습 문제 코드는 실행 중에 코드를 불러오거나 다른 코드에 손을 뻗으면 안 됩니다. 필요한 것은 파일 맨 위에서 import하세요.",
  },
  uses: {
    en: "{name} uses {names}. The workbook's models compute the answers, so this exercise must be solved without them. {allowed}",
    ko: "{name} 함수가 다음을 씁니다: {names}. 워크북의 모델은 답을 계산해 버리므로, 이 문제는 모델 없이 풀어야 합니다. {allowed}",
  },
  used: { en: "{name} from {module}", ko: "{module}의 {name}" },
  usedAll: { en: "everything from {module}", ko: "{module}의 모든 것" },
  allowed: { en: "Allowed here: {modules}.", ko: "여기서 쓸 수 있는 모듈: {modules}." },
  noneAllowed: {
    en: "No lib/ model is allowed in this one: only types.",
    ko: "이 문제에서는 lib/의 모델을 하나도 쓸 수 없고, 타입만 가져올 수 있습니다.",
  },
});

/** Modules every exercise may load. */
export const ALWAYS_ALLOWED = ["lib/workbook/not-implemented"];

/** Names that load or reach code at run time. */
const DYNAMIC = new Set(["require", "eval", "Function", "globalThis", "global", "process", "module", "exports"]);
/** Keys of swc nodes that hold types only: nothing there runs. */
const TYPE_KEYS = new Set([
  "typeAnnotation",
  "returnType",
  "typeParams",
  "typeParameters",
  "typeArguments",
  "superTypeParams",
  "implements",
]);

type Node = { type?: string; [k: string]: unknown };
interface Imported {
  module: string;
  name: string;
}
interface FileFacts {
  imports: Map<string, Imported>;
  decls: Map<string, Node[]>;
  loadTime: Node[];
  dynamic: string[];
}

const isBuiltin = (spec: string) => spec.startsWith("node:") || builtinModules.includes(spec);

/** Every identifier a piece of code refers to (not property names, not types). */
function references(node: unknown, out: Set<string>, dynamic: string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) references(n, out, dynamic);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Node;
  if (n.type === "TsInterfaceDeclaration" || n.type === "TsTypeAliasDeclaration") return;
  if (n.type === "Identifier") {
    out.add(n.value as string);
    if (DYNAMIC.has(n.value as string)) dynamic.push(n.value as string);
    return;
  }
  if (n.type === "CallExpression" && (n.callee as Node)?.type === "Import") dynamic.push("import()");
  if (n.type === "MetaProperty") dynamic.push("import.meta");
  for (const [key, value] of Object.entries(n)) {
    if (TYPE_KEYS.has(key)) continue;
    if (key === "property" && n.type === "MemberExpression" && (value as Node)?.type !== "Computed") continue;
    if (key === "key" && (value as Node)?.type !== "Computed" && n.type !== "AssignmentPatternProperty") continue;
    references(value, out, dynamic);
  }
}

function bindingNames(pattern: Node): string[] {
  const names = new Set<string>();
  references(pattern, names, []);
  return [...names];
}

const factsCache = new Map<string, { source: string; facts: FileFacts }>();

/** Imports, top-level declarations and load-time statements of one file (parsed once per content). */
function factsOf(file: string): FileFacts {
  const source = exerciseText(file);
  if (source === undefined) throw new RangeError(`${file}: not a readable exercise file`); // importProblem's caller says why
  const cached = factsCache.get(file);
  if (cached?.source === source) return cached.facts;
  const facts = parseFacts(file, source);
  factsCache.set(file, { source, facts });
  return facts;
}

function parseFacts(file: string, source: string): FileFacts {
  checkSwcSurvives(source); // a source that crashes swc throws here, before the in-process parse
  const ast = loadSwc().parseSync(source, { syntax: "typescript" }) as unknown as { body: Node[] };
  const facts: FileFacts = { imports: new Map(), decls: new Map(), loadTime: [], dynamic: [] };
  const declare = (name: string, node: Node) => facts.decls.set(name, [...(facts.decls.get(name) ?? []), node]);
  const resolve = (spec: string) =>
    spec.startsWith(".")
      ? path
          .relative(ROOT, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join("/")
          .replace(/\.ts$/, "")
      : spec;
  for (const stmt of ast.body) {
    const decl = stmt.type === "ExportDeclaration" ? (stmt.declaration as Node) : stmt;
    if (stmt.type === "ImportDeclaration") {
      if (stmt.typeOnly) continue;
      const module = resolve((stmt.source as Node).value as string);
      for (const s of stmt.specifiers as Node[]) {
        if (s.isTypeOnly) continue;
        const name = s.type === "ImportSpecifier" ? ((((s.imported as Node) ?? s.local) as Node).value as string) : "*";
        facts.imports.set((s.local as Node).value as string, { module, name });
      }
    } else if (decl.type === "FunctionDeclaration") {
      declare(((decl.identifier ?? decl.id) as Node).value as string, decl);
    } else if (decl.type === "ClassDeclaration" || decl.type === "TsEnumDeclaration") {
      declare(((decl.identifier ?? decl.id) as Node).value as string, decl);
      facts.loadTime.push(decl); // static blocks and initializers run when the file loads
    } else if (decl.type === "VariableDeclaration") {
      for (const d of decl.declarations as Node[]) {
        for (const name of bindingNames(d.id as Node)) declare(name, d);
        // an initializer runs when the file loads, and may hand a model to anything (tools.sim = model):
        // it counts for every export, unless it is only a function waiting to be called
        const kind = (d.init as Node | undefined)?.type;
        if (kind !== "ArrowFunctionExpression" && kind !== "FunctionExpression") facts.loadTime.push(d);
      }
    } else if (decl.type === "TsInterfaceDeclaration" || decl.type === "TsTypeAliasDeclaration") {
      // a type: erased, nothing runs
    } else if (
      stmt.type === "ExportNamedDeclaration" &&
      stmt.source &&
      (stmt.typeOnly || (stmt.specifiers as Node[]).every((x) => x.isTypeOnly))
    ) {
      // a type re-export: erased, nothing runs
    } else if (stmt.type === "ExportNamedDeclaration" && stmt.source) {
      facts.dynamic.push(`export ... from "${(stmt.source as Node).value}"`); // re-exporting hides what is used
    } else if (stmt.type === "ExportAllDeclaration") {
      facts.dynamic.push(`export * from "${(stmt.source as Node).value}"`);
    } else {
      facts.loadTime.push(stmt); // runs when the file loads: it counts for every export
    }
  }
  return facts;
}

/** The imported values reachable from one export of a file (following other exercise files too). */
function usedImports(file: string, exportName: string, seen = new Set<string>()): { used: Imported[]; dynamic: string[] } {
  const key = `${file}#${exportName}`;
  if (seen.has(key)) return { used: [], dynamic: [] };
  seen.add(key);
  const facts = factsOf(file);
  const used: Imported[] = [];
  const dynamic = [...facts.dynamic];
  const visited = new Set<string>();
  const queue = [exportName];
  const loadRefs = new Set<string>();
  references(facts.loadTime, loadRefs, dynamic);
  queue.push(...loadRefs);
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (visited.has(name)) continue;
    visited.add(name);
    const imported = facts.imports.get(name);
    if (imported) {
      const local = path.join(ROOT, `${imported.module}.ts`);
      const intoExercises = !imported.module.startsWith("lib/") && fs.existsSync(local);
      if (intoExercises) {
        // a namespace import of another exercise file may reach any of its names
        const names = imported.name === "*" ? [...factsOf(local).decls.keys()] : [imported.name];
        for (const n of names) {
          const deeper = usedImports(local, n, seen);
          used.push(...deeper.used);
          dynamic.push(...deeper.dynamic);
        }
      } else {
        used.push(imported);
      }
      continue;
    }
    const refs = new Set<string>();
    for (const node of facts.decls.get(name) ?? []) references(node, refs, dynamic);
    queue.push(...refs);
  }
  return { used, dynamic };
}

/**
 * Why this export breaks the rules, or undefined when it does not.
 * `allowed`: the lib modules the catalogue lists for the exercise ("lib/http/page-load").
 */
export function importProblem(file: string, exportName: string, allowed: readonly string[] = []): string | undefined {
  let found: { used: Imported[]; dynamic: string[] };
  try {
    found = usedImports(file, exportName);
  } catch {
    return undefined; // a syntax error: the load reports it, with a better message
  }
  if (found.dynamic.length > 0) {
    return say.dynamic({ file: path.basename(file), names: [...new Set(found.dynamic)].join(", ") });
  }
  const ok = new Set([...ALWAYS_ALLOWED, ...allowed]);
  const bad = found.used.filter((u) => !isBuiltin(u.module) && !ok.has(u.module));
  if (bad.length === 0) return undefined;
  const names = [
    ...new Set(bad.map((b) => (b.name === "*" ? say.usedAll({ module: b.module }) : say.used({ name: b.name, module: b.module })))),
  ].join(", ");
  const allowedText = allowed.length ? say.allowed({ modules: allowed.join(", ") }) : say.noneAllowed();
  return say.uses({ name: exportName, names, allowed: allowedText });
}
