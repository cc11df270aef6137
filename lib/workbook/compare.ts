/**
 * Judging one call, in the grader's process: what the student's function
 * gave back (a value or a thrown error, as the sandbox reported it) against
 * the case's literal expectation. A failure message teaches: the call, what
 * was expected, what came back, a named slip when one is recognisable, and
 * why it matters. For a hidden case it says why, never the answer.
 */
import { inspect } from "node:util";
import { messages, tr, type Text } from "../i18n";
import type { Case, ExerciseCases } from "./cases";

const say = messages("workbook/compare", {
  expected: { en: "  expected {value}", ko: "  기대한 값  {value}" },
  got: { en: "  got      {value}", ko: "  실제 값    {value}" },
  slip: { en: "  slip?    {slip}", ko: "  실수일까?  {slip}" },
  why: { en: "  why it matters: {why}", ko: "  왜 중요한가: {why}" },
  hiddenFailed: { en: "a hidden case failed. What it tests: {why}", ko: "숨은 케이스 하나가 실패했습니다. 이 케이스가 확인하는 것: {why}" },
  noExport: { en: 'the file has no function exported as "{name}".', ko: '"{name}" 이름으로 export한 함수가 파일에 없습니다.' },
  plainValue: { en: "a plain value (numbers, strings, arrays, objects)", ko: "평범한 값 (숫자, 문자열, 배열, 객체)" },
  uncopyable: { en: "something that cannot be copied: {what}", ko: "복사할 수 없는 값: {what}" },
  toBeThrown: { en: "a {name} to be thrown", ko: "{name} 예외 발생" },
  noError: { en: "no error, but {value}", ko: "예외 없이 돌려준 값 {value}" },
  threw: { en: "an error was thrown: {error}", ko: "예외 발생: {error}" },
  tolerance: { en: "{value} (numbers ± {tolerance})", ko: "{value} (숫자는 ± {tolerance}까지 허용)" },
  argsAfter: { en: "{call}: the arguments after the call", ko: "{call}: 호출한 뒤의 인자" },
  unchanged: { en: "unchanged", ko: "바뀌지 않은 그대로" },
  argsWhy: {
    en: "the caller still needs what it passed in (to log it, or to retry); changing it is a bug that shows up far away.",
    ko: "호출한 쪽은 넘긴 값을 아직 써야 합니다(로그를 남기거나 재시도할 때). 그 값을 바꾸면 엉뚱한 곳에서 버그가 드러납니다.",
  },
  newObject: { en: "a new object", ko: "새 객체" },
  sameObject: { en: "the very object it was given", ko: "인자로 받은 바로 그 객체" },
  sameObjectWhy: {
    en: "returning the caller's own object invites the caller to change both at once.",
    ko: "호출한 쪽의 객체를 그대로 돌려주면, 호출한 쪽이 둘을 한꺼번에 바꾸게 되기 쉽습니다.",
  },
  tooLarge: {
    en: "a value of {mb} MB when copied out of the sandbox, over the grader's limit of {max} MB",
    ko: "샌드박스 밖으로 복사하면 {mb} MB가 되는 값 (채점기의 한도 {max} MB 초과)",
  },
  indescribable: { en: "an object that cannot be described", ko: "설명할 수 없는 객체" },
  unprintable: { en: "(unprintable)", ko: "(출력할 수 없는 값)" },
  slipNull: {
    en: "return null, not undefined (undefined usually means a missing return).",
    ko: "undefined가 아니라 null을 돌려주세요 (undefined는 보통 return을 빠뜨렸다는 뜻입니다).",
  },
  slipNaN: {
    en: "NaN comes from arithmetic on undefined (a missing default, a misspelled property) or from 0 / 0.",
    ko: "NaN은 undefined로 계산했거나(빠진 기본값, 철자가 틀린 속성 이름) 0 / 0을 했을 때 나옵니다.",
  },
  slipString: {
    en: "a string came back where a number was expected (string concatenation instead of addition?).",
    ko: "숫자가 와야 할 자리에 문자열이 왔습니다 (덧셈 대신 문자열 이어 붙이기가 되지 않았나요?).",
  },
  slipBits: { en: "off by a factor of 8: bits and bytes mixed up?", ko: "8배 차이: 비트와 바이트를 섞지 않았나요?" },
  slipMs: { en: "off by a factor of 1000: seconds and milliseconds mixed up?", ko: "1000배 차이: 초와 밀리초를 섞지 않았나요?" },
  moreFields: { en: "{n} more fields", ko: "필드 {n}개 더" },
  moreItems: { en: "{n} more items", ko: "항목 {n}개 더" },
  bigBigInt: { en: "{shown}...n ({digits} hexadecimal digits)", ko: "{shown}...n (16진수 {digits}자리)" },
  slipOne: {
    en: "off by one: check where a count starts and whether the last step is counted.",
    ko: "하나 차이(off by one): 세기를 어디서 시작하는지, 마지막 단계를 세는지 확인하세요.",
  },
});

/**
 * The largest reply a sandbox child may send, in bytes as copied: the grader holds each reply whole,
 * so a student's 300 references to one 1 MB string would cost it 300 MB. Answers are a few kilobytes.
 */
export const MAX_REPLY_BYTES = 8 * 1024 * 1024;

/** What the sandbox reports for one call. */
export interface CallResult {
  value?: unknown;
  /**
   * What was thrown. `indescribable`: the child could not describe it at all;
   * `unprintable`: a thrown non-Error whose String() failed (the parent words both).
   */
  threw?: { name: string; message: string; stack?: string; notImplemented?: boolean; indescribable?: boolean; unprintable?: boolean };
  /** the export is not a function in the student's file */
  missing?: boolean;
  /** the value could not be copied out of the child (a function, a symbol, ...); `detail` says why, when it can */
  unclonable?: boolean;
  detail?: string;
  /** the reply would have been this many bytes, over the sandbox's MAX_REPLY_BYTES: not sent */
  tooLarge?: number;
  /** the arguments as the function left them */
  argsAfter?: unknown[];
  /** index of the argument the function returned itself, or -1 */
  returnedArg?: number;
}

/** `message` is empty when ok (one shape, so it narrows the same in the tslab kernel's compiler). */
export interface Judgement {
  ok: boolean;
  message: string;
}
const OK: Judgement = { ok: true, message: "" };

/** A value as feedback shows it: a few lines at most, however big the value (a student's return value is theirs to shape). */
export const show = (v: unknown): string =>
  clip(inspect(shownCopy(v, { left: SHOWN_NODES }), { depth: 5, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 200 }), 2000);

/** Fields, elements and entries shown per object, array or Map; values shown in all. */
const SHOWN_ITEMS = 20;
const SHOWN_NODES = 200;

/** Stands in for what is left out; util.inspect prints its text as it is. */
class Omitted {
  constructor(readonly text: string) {}
  [inspect.custom](): string {
    return this.text;
  }
}

/**
 * A small copy of `v` for util.inspect, which lists every field of an object
 * and the whole text of an Error, a RegExp or a BigInt: a returned object with
 * a million fields took seconds of the grader's time and made a 16 MB message.
 * At most SHOWN_ITEMS items per object and SHOWN_NODES values in all.
 */
function shownCopy(v: unknown, budget: { left: number }): unknown {
  if (typeof v === "bigint") {
    const hex = (v < 0n ? -v : v).toString(16); // linear, unlike the decimal digits
    return hex.length > 100 ? new Omitted(say.bigBigInt({ shown: `${v < 0n ? "-" : ""}0x${hex.slice(0, 40)}`, digits: hex.length })) : v;
  }
  if (v === null || typeof v !== "object") return v;
  if (budget.left-- <= 0) return new Omitted("...");
  if (v instanceof Error) return new Omitted(`[${clip(String(v.name), 100)}: ${clip(String(v.message), 200)}]`);
  if (v instanceof RegExp) return new Omitted(clip(String(v), 200));
  // a boxed string: inspect would list its every character as an index key
  if (v instanceof String) return new Omitted(`[String: ${clip(JSON.stringify(String(v.valueOf())), 200)}]`);
  // a big Map or Set: its first items and one that says how many more (inspect shows SHOWN_ITEMS in all)
  const cut = (size: number) => (size > SHOWN_ITEMS ? SHOWN_ITEMS - 1 : SHOWN_ITEMS);
  const more = (size: number) => say.moreItems({ n: size - SHOWN_ITEMS + 1 });
  if (v instanceof Map) {
    const shown = new Map<unknown, unknown>(first(v.entries(), cut(v.size), (e) => [shownCopy(e[0], budget), shownCopy(e[1], budget)]));
    if (v.size > SHOWN_ITEMS) shown.set(new Omitted("..."), new Omitted(more(v.size)));
    return shown;
  }
  if (v instanceof Set) {
    const shown = new Set<unknown>(first(v.values(), cut(v.size), (x) => shownCopy(x, budget)));
    if (v.size > SHOWN_ITEMS) shown.add(new Omitted(`... ${more(v.size)}`));
    return shown;
  }
  if (Array.isArray(v)) {
    // the same length, holes where nothing is copied: inspect then says how many more items there are
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < Math.min(v.length, SHOWN_ITEMS); i++) if (i in v) out[i] = shownCopy(v[i], budget);
    return out;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v; // a Date, a typed array: inspect cuts these
  const out: Record<string, unknown> = {};
  // own fields by definition, so a "__proto__" key stays a key; two keys the clip makes equal show once
  const put = (key: string, value: unknown) => {
    if (!Object.hasOwn(out, key)) Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  };
  let n = 0;
  for (const key in v) {
    if (n++ === SHOWN_ITEMS) break;
    put(clip(key, 100), shownCopy((v as Record<string, unknown>)[key], budget));
  }
  const total = n > SHOWN_ITEMS ? Object.keys(v).length : n;
  if (total > SHOWN_ITEMS) {
    let mark = "..."; // a name no shown field has, even a field named "..."
    while (Object.hasOwn(out, mark)) mark += ".";
    put(mark, new Omitted(say.moreFields({ n: total - SHOWN_ITEMS })));
  }
  return out;
}

/** The first `count` of `items`, copied. */
function first<T, U>(items: Iterable<T>, count: number, copy: (x: T) => U): U[] {
  const out: U[] = [];
  for (const x of items) {
    if (out.length === count) break;
    out.push(copy(x));
  }
  return out;
}

const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

const clip = (s: string, max = 400) => (s.length > max ? `${s.slice(0, max)} …` : s);

/** How a call is written in feedback: `segmentCount(3000, 1460)`, or the case's label in the current language. */
export function callText(exportName: string, c: Case): string {
  if (c.label !== undefined) return typeof c.label === "string" ? c.label : tr(c.label);
  return clip(`${exportName}(${c.args.map(show).join(", ")})`);
}

/** Deep equality where numbers may differ by `tolerance` and, optionally, undefined properties count as absent. */
export function sameValue(got: unknown, expected: unknown, tolerance = 0, ignoreUndefined = false): boolean {
  if (typeof expected === "number") {
    if (typeof got !== "number") return false;
    if (Number.isNaN(expected) || !Number.isFinite(expected))
      return Object.is(got, expected) || (Number.isNaN(got) && Number.isNaN(expected));
    return Math.abs(got - expected) <= tolerance;
  }
  if (Array.isArray(expected)) {
    return (
      Array.isArray(got) && got.length === expected.length && expected.every((e, i) => sameValue(got[i], e, tolerance, ignoreUndefined))
    );
  }
  if (expected !== null && typeof expected === "object") {
    if (got === null || typeof got !== "object" || Array.isArray(got)) return false;
    const keys = (o: object) =>
      Object.keys(o)
        .filter((k) => !ignoreUndefined || (o as Record<string, unknown>)[k] !== undefined)
        .sort();
    // lengths first: sorting a returned object's million keys would cost the grader seconds
    if (Object.keys(got).length !== Object.keys(expected).length && !ignoreUndefined) return false;
    const [gk, ek] = [keys(got), keys(expected)];
    return (
      gk.length === ek.length &&
      ek.every(
        (k, i) =>
          k === gk[i] &&
          sameValue((got as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tolerance, ignoreUndefined),
      )
    );
  }
  return Object.is(got, expected);
}

/** A recognisable slip, named for the student. */
function slip(got: unknown, expected: unknown): string | undefined {
  if (got === undefined && expected === null) return say.slipNull();
  if (typeof got === "number" && Number.isNaN(got)) return say.slipNaN();
  if (typeof got === "string" && typeof expected === "number") return say.slipString();
  if (typeof got === "number" && typeof expected === "number" && expected !== 0) {
    const r = got / expected;
    if (Math.abs(r - 8) < 1e-9 || Math.abs(r - 1 / 8) < 1e-9) return say.slipBits();
    if (Math.abs(r - 1000) < 1e-9 || Math.abs(r - 1 / 1000) < 1e-9) return say.slipMs();
    if (Number.isInteger(got) && Number.isInteger(expected) && Math.abs(got - expected) === 1) return say.slipOne();
  }
  return undefined;
}

function failure(call: string, expected: string, got: string, why: string, hint?: string): Judgement {
  const lines = [
    call,
    say.expected({ value: expected }),
    say.got({ value: got }),
    ...(hint ? [say.slip({ slip: hint })] : []),
    say.why({ why }),
  ];
  return { ok: false, message: lines.join("\n") };
}

/** The case's own named slip for this wrong value, if the teacher wrote one (in the current language). */
function knownSlip(c: Case, got: unknown, tolerance: number, ignoreUndefined?: boolean): string | undefined {
  const found = c.slips?.find((s) => sameValue(got, s.got, tolerance, ignoreUndefined));
  return found && tr(found.say);
}

/** A case's and its exercise's `why`, in the current language. */
const whyOf = (texts: (Text | undefined)[]): string =>
  texts
    .filter((t): t is Text => t !== undefined)
    .map((t) => tr(t))
    .join(" ");

/** Judges one call. `hidden`: the case is teacher-only, so neither its arguments nor its answer are shown. */
export function judge(exportName: string, spec: ExerciseCases, c: Case, r: CallResult, hidden: boolean): Judgement {
  const why = whyOf([c.why, spec.why]);
  const judged = judgeVisible(exportName, spec, c, r, why);
  if (judged.ok || !hidden) return judged;
  const named =
    r.threw || c.throws !== undefined ? undefined : knownSlip(c, r.value, c.tolerance ?? spec.tolerance ?? 0, spec.ignoreUndefined);
  return { ok: false, message: say.hiddenFailed({ why }) + (named ? `\n${say.slip({ slip: named })}` : "") };
}

/** What was thrown, cut to a readable size (everything the child reports is the student's to shape), the child's markers worded here. */
function readable(threw: NonNullable<CallResult["threw"]>): NonNullable<CallResult["threw"]> {
  const message = threw.indescribable ? say.indescribable() : threw.unprintable ? say.unprintable() : clip(String(threw.message), 2000);
  return { ...threw, name: clip(String(threw.name), 100), message, stack: threw.stack && clip(String(threw.stack), 2000) };
}

/** A thrown error as feedback shows it: "RangeError: message". */
export const thrownText = (threw: NonNullable<CallResult["threw"]>): string => {
  const t = readable(threw);
  return `${t.name}: ${t.message}`;
};

function judgeVisible(exportName: string, spec: ExerciseCases, c: Case, raw: CallResult, why: string): Judgement {
  const call = callText(exportName, c);
  const r: CallResult = raw.threw ? { ...raw, threw: readable(raw.threw) } : raw;
  if (r.missing) return { ok: false, message: say.noExport({ name: exportName }) };
  if (r.unclonable === true) return failure(call, say.plainValue(), say.uncopyable({ what: clip(String(r.detail ?? ""), 300) }), why);
  if (r.tooLarge !== undefined)
    return failure(call, say.plainValue(), say.tooLarge({ mb: megabytes(Number(r.tooLarge)), max: megabytes(MAX_REPLY_BYTES) }), why);
  const tolerance = c.tolerance ?? spec.tolerance ?? 0;
  if (c.throws !== undefined) {
    if (r.threw?.name === c.throws) return OK;
    return failure(
      call,
      say.toBeThrown({ name: c.throws }),
      r.threw ? `${r.threw.name}: ${r.threw.message}` : say.noError({ value: show(r.value) }),
      why,
    );
  }
  if (r.threw) {
    const trace = r.threw.stack ? `\n${r.threw.stack}` : "";
    return failure(call, show(c.expect), say.threw({ error: `${r.threw.name}: ${r.threw.message}${trace}` }), why);
  }
  if (!sameValue(r.value, c.expect, tolerance, spec.ignoreUndefined)) {
    const expected = tolerance > 0 ? say.tolerance({ value: show(c.expect), tolerance }) : show(c.expect);
    return failure(call, expected, show(r.value), why, knownSlip(c, r.value, tolerance, spec.ignoreUndefined) ?? slip(r.value, c.expect));
  }
  if (spec.pure) {
    if (r.argsAfter && !sameValue(r.argsAfter, c.args)) {
      return failure(say.argsAfter({ call }), say.unchanged(), show(r.argsAfter), say.argsWhy());
    }
    if (r.returnedArg !== undefined && r.returnedArg >= 0) {
      return failure(call, say.newObject(), say.sameObject(), say.sameObjectWhy());
    }
  }
  return OK;
}
