/**
 * Every export of lib/index against hostile input (the issue "every public
 * function safe against hostile input").
 *
 * The sweep enumerates `Object.entries(api)`, so a new export cannot slip by:
 * an export missing from TABLE below fails the first test. Each function or
 * class gets a valid call and then, for every argument and every field inside
 * it (nested objects and arrays, a few levels deep), the same call with one
 * value replaced by a hostile one: NaN, Infinity, -1, 0, 0.5, 1e15, 2**53,
 * "5", null, undefined, {}, [], an array with holes, an object with own
 * `__proto__` and `constructor` keys, a null-prototype object, a 1 MB string,
 * a string with CR, LF and NUL, a function, a BigInt, a Symbol, a revoked
 * Proxy, a Proxy whose every trap throws, an array Proxy whose element reads
 * throw, a function that cannot become text; every array is also tried with
 * holes, with a million elements, with elements that are throwing getters and
 * behind a Proxy whose elements answer a second read differently; every
 * object with `__proto__` / `constructor` keys, without a prototype, with
 * fields that are throwing getters, behind such a Proxy, and with its fields
 * inherited from a prototype, which must be refused (lib/errors.ts
 * optionsObject takes a plain object's own fields, each read once). A value
 * read a second time is "SECOND-READ", which must never reach a result.
 * A call passes when it
 *   - returns a valid result: no NaN anywhere, no negative or infinite number
 *     (except the few fields where Infinity means "unlimited"), the same shape
 *     as the valid call's result (no string where a number belongs), no
 *     "NaN", "undefined", "Infinity", "[object Object]" or "SECOND-READ" in text; or
 *   - throws a RangeError or TypeError whose message names the parameter (or
 *     a part of it: `"scenario.requests[0].atMs"` names `scenario.requests`;
 *     or another field of the same argument, when a limit ties them: mss 1e15
 *     makes receiveWindow too small), in at most 2,000 characters;
 * except that header syntax (field lines, Connection, Keep-Alive,
 * Content-Length) must refuse a CR, LF or NUL outright (RFC 9110 5.5) and a
 * field name that is not a token (RFC 9110 5.1): returning is a failure.
 * The graders `check` and `hint` are not models: they are only given bad
 * exercise ids, which they must refuse naming the id.
 * and either way finishes within MAX_CALL_MS of CPU time (CPU, not wall
 * time: the test files run in parallel on a machine that may have two cores),
 * in a child process with a heap cap, so a hang (no answer in HANG_MS of wall
 * time) or an abort (out of memory, or V8's fatal "invalid size" that takes a
 * whole process down, worker threads included) fails that call instead of
 * the run: the child is replaced and the sweep goes on with the next call.
 *
 * The child loads this very file (with `vitest` stubbed out) to get TABLE.
 */
import * as os from "node:os";
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import * as api from "../../lib/index";
import { TS_REGISTER } from "../ts-child";

/** A call may take this much CPU time (measured in the child). */
const MAX_CALL_MS = 1000;
/** A call that has not answered after this much wall time is a hang: the child is killed. */
const HANG_MS = 5000;
/** Heap cap of each child process. */
const CHILD_HEAP_MB = 384;
/** Elements in the "huge array" variant of every array. */
const HUGE_LENGTH = 1_000_000;
const MEGABYTE_STRING = "x".repeat(2 ** 20);

// ---------------------------------------------------------------------------------------------
// What a call is, and the table

interface Call {
  label: string;
  run: () => unknown;
  /** an error must quote one of these (as a prefix: "scenario.requests" covers "scenario.requests[2].atMs") */
  names: readonly string[];
  /** the call must throw (a helper that only throws, a bad exercise id) */
  mustThrow?: boolean;
  /** the hostile value is itself the parameter name (errors.ts helpers): any quoted name will do */
  anyName?: boolean;
  /** the shape a returned value must have (from the valid call), if any */
  shape?: () => Shape | undefined;
  /** the result itself may be Infinity */
  infinite?: boolean;
}

type Entry =
  | { kind: "constant"; why: string }
  | { kind: "not a model"; why: string; calls: () => Call[] }
  | { kind: "function" | "class"; calls: () => Call[] };

type Fn = (...args: any[]) => unknown;

// ---------------------------------------------------------------------------------------------
// Hostile values

function hostileValues(): [string, unknown][] {
  const holes: unknown[] = [1, 2];
  delete holes[0];
  return [
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["-1", -1],
    ["0", 0],
    ["0.5", 0.5],
    ["1e15", 1e15],
    ["2**53", 2 ** 53],
    ["Number.MAX_VALUE", Number.MAX_VALUE],
    ["Number.MIN_VALUE", Number.MIN_VALUE],
    ['"5"', "5"],
    ['""', ""],
    ["null", null],
    ["undefined", undefined],
    ["true", true],
    ["{}", {}],
    ["[]", []],
    ["[<hole>, 2]", holes],
    ["{__proto__, constructor}", JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
    ["Object.create(null)", Object.create(null)],
    ["a 1 MB string", MEGABYTE_STRING],
    ['"a\\r\\nb\\0c"', "a\r\nb\0c"],
    ["a function", () => 1],
    ["1n", 1n],
    ["Symbol()", Symbol("hostile")],
    ["a revoked Proxy", revoked()],
    ["a Proxy of an array whose element reads throw", throwingArray()],
    ["a Proxy whose traps throw", throwingProxy()],
    ["a function whose toString and Symbol.toPrimitive throw", unprintable()],
  ];
}

/** A value that cannot be turned into text: a message about it must still be written (its type, say). */
function unprintable(): () => number {
  const refuse = () => {
    throw new Error("hostile toString");
  };
  return Object.assign(() => 1, { toString: refuse, valueOf: refuse, [Symbol.toPrimitive]: refuse });
}

/** Array.isArray says yes and its length answers, but reading an element throws (a plain throw, not an Error). */
function throwingArray(): unknown[] {
  return new Proxy([1, 2], {
    get(t, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) throw 7;
      return Reflect.get(t, key, receiver);
    },
  });
}

/** Each field (element) of `v` becomes a getter that throws a non-Error. */
function throwingGetters(v: object): object {
  for (const k of Object.keys(v)) {
    Object.defineProperty(v, k, {
      get() {
        throw "hostile getter";
      },
      enumerable: true,
    });
  }
  return v;
}

function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Every trap throws a plain Error: reading it in any way must still end in an error that names the parameter. */
function throwingProxy(): object {
  const trap = (what: string) => () => {
    throw new Error(`hostile ${what} trap`);
  };
  return new Proxy(
    {},
    {
      get: trap("get"),
      has: trap("has"),
      ownKeys: trap("ownKeys"),
      getPrototypeOf: trap("getPrototypeOf"),
      getOwnPropertyDescriptor: trap("getOwnPropertyDescriptor"),
    },
  );
}

/** Marks a value read a second time: it must never reach a result. */
const SECOND_READ = "SECOND-READ";

/**
 * `target` behind a Proxy whose fields (array elements) answer a second read
 * with SECOND_READ: a model that checks one read and uses another shows it.
 */
function liar(target: object): object {
  const reads = new Map<PropertyKey, number>();
  const lies = (key: PropertyKey) => (Array.isArray(target) ? typeof key === "string" && /^\d+$/.test(key) : typeof key === "string");
  return new Proxy(target, {
    get(t, key, receiver) {
      if (!lies(key) || !Object.hasOwn(t, key)) return Reflect.get(t, key, receiver);
      const n = (reads.get(key) ?? 0) + 1;
      reads.set(key, n);
      return n > 1 ? SECOND_READ : Reflect.get(t, key, receiver);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Building the calls: one valid call, then one value at a time replaced

type Key = string | number;

interface Arg {
  /** the parameter's name, as errors name it */
  name: string;
  value: unknown;
  /** how errors name its fields: "scenario." for "scenario.rttMs", "" for a bare "rttMs" (default `${name}.`) */
  fields?: string;
  /** do not look inside (a class instance, a callback) */
  opaque?: boolean;
  /** `value` is a factory: each call gets a fresh one (a Scheduler) */
  fresh?: boolean;
  /**
   * the model's own constant, read on every call where speed matters (checkNumber's rule): not tried
   * with Proxies or inherited fields, whose checks would cost every call
   */
  trusted?: boolean;
}

interface SweepOptions {
  /** extra names any error of this function may quote */
  names?: readonly string[];
  /** how deep to walk into objects and arrays (default 3) */
  depth?: number;
  /** paths (as named in errors) not to replace */
  skip?: (name: string) => boolean;
  /** skip the million-element variant of arrays (each element would be a full simulation) */
  noHuge?: boolean;
  mustThrow?: boolean;
  /** the index of an argument that is the name errors quote (errors.ts helpers) */
  nameArg?: number;
  /** header syntax: a CR, LF or NUL anywhere must be refused (RFC 9110 5.5), never passed through */
  rejectsControl?: boolean;
  /** do not compare the result's shape with the valid call's (it follows the input's shape) */
  noShape?: boolean;
  /** the result itself may be Infinity (a documented "unlimited") */
  infinite?: boolean;
  /** objects are data, not options: one that inherits its fields need not be refused */
  anyObject?: boolean;
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  v !== null &&
  typeof v === "object" &&
  !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

function define(o: object, k: Key, value: unknown): void {
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });
}

/** A deep copy of plain objects and arrays (holes and own __proto__ keys kept); anything else shared. */
function clone(v: unknown): unknown {
  if (Array.isArray(v)) {
    const a = new Array(v.length);
    for (let i = 0; i < v.length; i++) if (i in v) a[i] = clone(v[i]);
    return a;
  }
  if (isPlain(v)) {
    const o = Object.create(Object.getPrototypeOf(v));
    for (const k of Object.keys(v)) define(o, k, clone(v[k]));
    return o;
  }
  return v;
}

/** A copy of `root` with the node at `path` replaced by f(node). */
function replaced(root: unknown, path: Key[], f: (node: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  const copy = clone(root) as Record<Key, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<Key, unknown>;
  define(node, path[path.length - 1], f(node[path[path.length - 1]]));
  return copy;
}

/** Every path into plain objects and arrays (first element only), up to `depth` keys deep. */
function paths(v: unknown, depth: number, prefix: Key[] = []): Key[][] {
  if (prefix.length >= depth) return [];
  const keys: Key[] = Array.isArray(v) ? (v.length > 0 ? [0] : []) : isPlain(v) ? Object.keys(v) : [];
  return keys.flatMap((k) => {
    const p = [...prefix, k];
    return [p, ...paths((v as Record<Key, unknown>)[k], depth, p)];
  });
}

function pathName(arg: Arg, path: Key[]): string {
  if (path.length === 0) return arg.name;
  const rest = path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${k}`)).join("");
  const prefix = arg.fields ?? `${arg.name}.`;
  return typeof path[0] === "number" ? `${prefix.replace(/\.$/, "") || arg.name}${rest}` : `${prefix}${rest}`;
}

/**
 * The names an error about the node at `path` may quote: the argument, the
 * path or any part above it, or another field of the same argument (a limit
 * that depends on it: mss 1e15 makes receiveWindow too small).
 */
function namesFor(arg: Arg, path: Key[]): string[] {
  const names = [arg.name];
  for (let j = 1; j <= path.length; j++) names.push(pathName(arg, path.slice(0, j)));
  if (!arg.opaque && isPlain(arg.value)) for (const k of Object.keys(arg.value)) names.push(pathName(arg, [k]));
  return names;
}

/**
 * HUGE_LENGTH elements: `a`'s over and over, or 0s when it is empty. Filled by a loop: Array.from's
 * callback costs five times as much, and the sweep builds one such array for every array it meets.
 */
function huge(a: readonly unknown[]): unknown[] {
  const out = new Array(HUGE_LENGTH);
  for (let i = 0; i < HUGE_LENGTH; i++) out[i] = a.length === 0 ? 0 : a[i % a.length];
  return out;
}

/** A variant's name, how to make it from the valid node, and whether the call must refuse it. */
type Variant = [string, (n: unknown) => unknown, boolean?];

function variants(node: unknown): Variant[] {
  if (Array.isArray(node)) {
    return [
      [
        "with a hole at [0]",
        (n) => {
          const a = clone(n) as unknown[];
          if (a.length === 0) a.length = 1;
          delete a[0];
          return a;
        },
      ],
      [
        "with a hole at the end",
        (n) => {
          const a = clone(n) as unknown[];
          a.length += 1;
          return a;
        },
      ],
      [`with ${HUGE_LENGTH} elements`, (n) => huge(n as unknown[])],
      ["whose elements are getters that throw", (n) => throwingGetters(clone(n) as object)],
      ["behind a Proxy whose elements change on a second read", (n) => liar(clone(n) as object)],
    ];
  }
  if (isPlain(node)) {
    return [
      [
        "with own __proto__ and constructor keys",
        (n) => {
          const o = clone(n) as object;
          define(o, "__proto__", { polluted: true });
          define(o, "constructor", { prototype: { polluted: true } });
          return o;
        },
      ],
      ["without a prototype", (n) => Object.assign(Object.create(null), clone(n))],
      ["whose fields are getters that throw", (n) => throwingGetters(clone(n) as object)],
      // its fields are inherited: read, they would be options no check or copy sees
      ["inherited from a prototype", (n) => Object.create(clone(n) as object), true],
      ["behind a Proxy whose fields change on a second read", (n) => liar(clone(n) as object)],
    ];
  }
  return [];
}

/**
 * The calls for one function: the valid call, each argument replaced by each
 * hostile value, each field inside it replaced, and each array and object
 * inside it varied.
 */
function sweep(label: string, fn: Fn, args: Arg[], opts: SweepOptions = {}): Call[] {
  const depth = opts.depth ?? 3;
  const extra = opts.names ?? [];
  const value = (a: Arg) => (a.fresh ? (a.value as () => unknown)() : clone(a.value));
  let shape: Shape | undefined;
  let shapeDone = false;
  const baseShape = () => {
    if (!shapeDone) {
      shapeDone = true;
      try {
        const v = fn(...args.map(value));
        if (!(v instanceof Promise) && !opts.noShape) shape = shapeOf(v);
      } catch {
        shape = undefined; // the valid call reports it
      }
    }
    return shape;
  };
  const calls: Call[] = [];
  const common = { shape: baseShape, mustThrow: opts.mustThrow, infinite: opts.infinite };
  if (!opts.mustThrow) calls.push({ label: `${label}(valid)`, run: () => fn(...args.map(value)), names: [], ...common });
  const withArg = (i: number, make: () => unknown) => () => fn(...args.map((a, j) => (j === i ? make() : value(a))));
  const control = (h: unknown) => opts.rejectsControl === true && typeof h === "string" && /[\r\n\0]/.test(h);
  args.forEach((arg, i) => {
    const all = arg.opaque || arg.fresh ? [[] as Key[]] : [[] as Key[], ...paths(arg.value, depth)];
    for (const p of all) {
      const name = pathName(arg, p);
      if (p.length > 0 && opts.skip?.(name)) continue;
      const names = [...namesFor(arg, p), ...extra];
      // at the root, an error may name any field (a missing required one)
      if (p.length === 0 && !arg.opaque) names.push(...paths(arg.value, depth).map((q) => pathName(arg, q)));
      for (const [h, hostile] of hostileValues()) {
        if (arg.trusted && h.includes("Proxy")) continue;
        const must = opts.mustThrow || (i !== opts.nameArg && control(hostile));
        calls.push({
          label: `${label}: ${name} = ${h}`,
          run: withArg(i, () => replaced(arg.value, p, () => hostile)),
          names,
          ...common,
          mustThrow: must,
          anyName: i === opts.nameArg,
        });
      }
      if (arg.opaque || arg.fresh) continue;
      const node = p.reduce<unknown>((n, k) => (n as Record<Key, unknown>)[k], arg.value);
      for (const [v, f, refuse] of variants(node)) {
        if (opts.noHuge && v.includes(String(HUGE_LENGTH))) continue;
        if (arg.trusted && (refuse || v.includes("Proxy"))) continue;
        const mustThrow = common.mustThrow || (refuse && !opts.anyObject);
        calls.push({ label: `${label}: ${name} ${v}`, run: withArg(i, () => replaced(arg.value, p, f)), names, ...common, mustThrow });
      }
    }
  });
  return calls;
}

/** A call with its own arguments (long header values, big scenarios). */
function single(label: string, run: () => unknown, names: readonly string[], mustThrow = false): Call {
  return { label, run, names, mustThrow };
}

// ---------------------------------------------------------------------------------------------
// Judging a result

type Shape = "number" | "string" | "boolean" | "function" | "null" | "undefined" | "bigint" | "symbol" | Shape[] | { [k: string]: Shape };

function shapeOf(v: unknown, depth = 0): Shape {
  if (v === null) return "null";
  if (Array.isArray(v)) return depth > 6 || v.length === 0 ? [] : [shapeOf(v[0], depth + 1)];
  if (typeof v === "object") {
    if (depth > 6) return {};
    const o: { [k: string]: Shape } = {};
    for (const k of Object.keys(v as object)) o[k] = shapeOf((v as Record<string, unknown>)[k], depth + 1);
    return o;
  }
  return typeof v as Shape;
}

function compareShape(want: Shape, v: unknown, at: string, problems: string[], depth = 0): void {
  if (problems.length > 3 || depth > 6 || want === "null" || want === "undefined" || v === null || v === undefined) return;
  if (Array.isArray(want)) {
    if (!Array.isArray(v)) return void problems.push(`${at}: ${typeof v} where the valid call returned an array`);
    if (want.length === 1) for (let i = 0; i < Math.min(v.length, 20); i++) compareShape(want[0], v[i], `${at}[${i}]`, problems, depth + 1);
    return;
  }
  if (typeof want === "object") {
    if (v === null || typeof v !== "object" || Array.isArray(v))
      return void problems.push(`${at}: ${Array.isArray(v) ? "an array" : typeof v} where the valid call returned an object`);
    for (const k of Object.keys(want))
      if (k in (v as object)) compareShape(want[k], (v as Record<string, unknown>)[k], `${at}.${k}`, problems, depth + 1);
    return;
  }
  if (typeof v !== want) problems.push(`${at}: ${typeof v} ${describeValue(v)} where the valid call returned a ${want}`);
}

/** Fields where Infinity is a documented value ("unlimited"); -Infinity: "never". */
const INFINITY_OK = new Set(["pipeSegments", "bandwidthBps", "receiveWindow", "peerWindow", "maxDepth", "abcLimit"]);
const MINUS_INFINITY_OK = new Set(["lastDataSentMs"]);

function scan(v: unknown, at: string, problems: string[], seen: Set<unknown>, budget: { left: number }, depth = 0): void {
  if (problems.length > 3 || budget.left-- <= 0 || depth > 8) return;
  if (typeof v === "number") {
    const key = at.slice(at.lastIndexOf(".") + 1);
    if (Number.isNaN(v)) problems.push(`${at} is NaN`);
    else if (v === Infinity && !INFINITY_OK.has(key)) problems.push(`${at} is Infinity`);
    else if (v === -Infinity && !MINUS_INFINITY_OK.has(key)) problems.push(`${at} is -Infinity`);
    else if (v < 0 && Number.isFinite(v)) problems.push(`${at} is negative (${v})`);
    return;
  }
  if (typeof v === "string") {
    const bad = /\bNaN\b|\bundefined\b|\bInfinity\b|\[object Object\]|SECOND-READ/.exec(v);
    if (bad) problems.push(`${at} contains "${bad[0]}": ${JSON.stringify(v.slice(Math.max(0, bad.index - 60), bad.index + 40))}`);
    return;
  }
  if (v === null || typeof v !== "object" || seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) {
    const n = v.length;
    for (let i = 0; i < n; i++) {
      if (i === 200 && n > 400) i = n - 200;
      if (!(i in v)) {
        problems.push(`${at}[${i}] is a hole`);
        return;
      }
      scan(v[i], `${at}[${i}]`, problems, seen, budget, depth + 1);
    }
    return;
  }
  if (v instanceof Map || v instanceof Set) return;
  for (const k of Object.keys(v)) scan((v as Record<string, unknown>)[k], `${at}.${k}`, problems, seen, budget, depth + 1);
}

function describeValue(v: unknown): string {
  if (typeof v === "string") return v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}...` : JSON.stringify(v);
  try {
    return String(v).slice(0, 40);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

function judgeError(call: Call, e: unknown): string | undefined {
  // a simulated connection that gave up (a path too long or too lossy for TCP's retries) is a clear answer
  if (e instanceof api.ConnectionAbortedError && e.message.length > 0 && e.message.length <= 2000) return undefined;
  if (!(e instanceof RangeError) && !(e instanceof TypeError)) {
    const name = e instanceof Error ? e.constructor.name : typeof e;
    return `threw ${name}, not a RangeError or TypeError: ${String((e as Error)?.message ?? e).slice(0, 300)}`;
  }
  const message = e.message;
  if (message.length > 2000) return `error message of ${message.length} characters: ${message.slice(0, 200)}...`;
  if (call.names.length === 0) return `threw on a valid call: ${e.name}: ${message.slice(0, 300)}`;
  if (call.anyName ? !/"[^"]*"/.test(message) : !call.names.some((n) => message.includes(`"${n}`))) {
    return `${e.name} does not name ${call.names
      .slice(0, 4)
      .map((n) => JSON.stringify(n))
      .join(" or ")}${call.names.length > 4 ? " ..." : ""}: ${message.slice(0, 300)}`;
  }
  return undefined;
}

function judgeValue(call: Call, v: unknown): string | undefined {
  if (call.mustThrow) return `returned ${describeValue(v)} instead of throwing`;
  const problems: string[] = [];
  if (!(call.infinite && v === Infinity)) scan(v, "result", problems, new Set(), { left: 50_000 });
  const want = call.shape?.();
  if (want !== undefined) compareShape(want, v, "result", problems);
  return problems.length ? problems.slice(0, 4).join("; ") : undefined;
}

/** Runs one call and says what is wrong with it, or undefined. */
async function runCall(call: Call): Promise<{ problem?: string; ms: number }> {
  const cpu0 = process.cpuUsage();
  let value: unknown;
  let error: unknown;
  let threw = false;
  try {
    value = call.run();
    if (value instanceof Promise) value = await value;
  } catch (e) {
    threw = true;
    error = e;
  }
  const cpu = process.cpuUsage(cpu0);
  const ms = (cpu.user + cpu.system) / 1000;
  let problem = threw ? judgeError(call, error) : judgeValue(call, value);
  if (ms > MAX_CALL_MS) problem = `took ${ms.toFixed(0)} ms of CPU time${problem ? `; ${problem}` : ""}`;
  return { problem, ms };
}

// ---------------------------------------------------------------------------------------------
// Arguments of the models: valid values every sweep starts from

const fn = <T extends Fn>(f: T): Fn => f as Fn;

const TUPLE = { sourceIp: "10.0.0.1", sourcePort: 51000, destinationIp: "10.0.0.2", destinationPort: 80 };
const TRACE: api.Trace = [
  { tMs: 0, conn: 0, from: "client", flags: ["SYN"], bytes: 0, note: "open" },
  { tMs: 50, conn: 0, from: "server", flags: ["SYN", "ACK"], bytes: 0, note: "accept" },
  { tMs: 100, conn: 0, from: "client", flags: ["ACK", "PSH"], bytes: 300, note: "GET /" },
];
const PAGE = { htmlBytes: 5_000, objectBytes: [3_000, 4_000] };
const HEADERS = { Host: "example.test", Connection: "close, X-Trace", "X-Trace": "1", "Content-Length": "42" };
const HEADER_PAIRS = [
  ["Host", "example.test"],
  ["Connection", "keep-alive"],
  ["Keep-Alive", "timeout=5, max=100"],
  ["Content-Length", "42"],
];
const TCP_OPTIONS = {
  mss: 1460,
  initialWindow: 10,
  delayedAckMs: 40,
  nagle: true,
  nagleVariant: "classic",
  receiveWindow: 65_535,
  rtoMs: 1000,
  slowStartAfterIdle: true,
  idleRestart: "rfc5681",
  abcLimit: 1,
};

let pageLoadCache: api.PageLoadResult | undefined;
const pageLoad = () => (pageLoadCache ??= api.simulatePageLoad({ page: PAGE, strategy: "parallel", rttMs: 20, bandwidthBps: 1e7 }));
let sweepCache: api.LoadTimeRow[] | undefined;
const sweepRows = () => (sweepCache ??= api.loadTimeSweep({ page: PAGE, rttMs: [10, 20], bandwidthBps: 1e7, series: ["serial"] }));

/** A small exchange on a Network: the client writes, the server answers; returns what an application sees. */
function exchange(net: api.Network, conn = net.open({ atMs: 0 })) {
  const seen: { requestMs: number | null; responseMs: number | null } = { requestMs: null, responseMs: null };
  conn.client.write(300, "GET /");
  conn.server.read(300, (t) => {
    seen.requestMs = t;
    conn.server.write(3000, "200 OK");
  });
  conn.client.read(3000, (t) => (seen.responseMs = t));
  net.run();
  return { ...seen, now: net.now, packets: net.packets, wireBytes: net.wireBytes, trace: net.trace };
}

/** One method of an endpoint of an open connection, then the exchange run to the end. */
function endpointMethod(method: string, args: Arg[]): Call[] {
  return sweep(
    `TcpEndpoint.${method}`,
    (...values: unknown[]) => {
      const net = new api.Network({ rttMs: 10 });
      const conn = net.open({ atMs: 0, established: true });
      (conn.client as unknown as Record<string, Fn>)[method](...values);
      const r = exchange(net, conn);
      return { ...r, sent: conn.client.bytesSent, received: conn.server.bytesReceived, cwnd: conn.client.cwndSegments };
    },
    args,
  );
}

/** Header syntax: CR, LF and NUL never pass (RFC 9110 5.5), and a field name is a token (RFC 9110 5.1). */
const HEADER_RULES = { rejectsControl: true, noShape: true };

/** Field names and values that smuggle a line break or a NUL, or are not tokens: each must be refused. */
function headerInjections(label: string, f: (headers: api.HeaderInput) => unknown): Call[] {
  const bad: [string, api.HeaderInput][] = [
    ["a name with CR LF", { "X-A\r\nSet-Cookie: x": "1" }],
    ["a name with NUL", [["X-A\0", "1"]]],
    ["a name with a space", { "Bad Name": "1" }],
    ["an empty name", [["", "1"]]],
    ["a name with a colon", [["X-A:", "1"]]],
    ["a value with CR LF", { Connection: "keep-alive\r\nSet-Cookie: x" }],
    ["a value with a bare LF", [["X-A", "1\nX-B: 2"]]],
    ["a value with NUL", { "X-A": ["ok", "1\0"] }],
  ];
  return bad.map(([what, h]) =>
    single(`${label}(${what})`, () => f(h), ["headers", "head.headers", "exchange.request.headers", "exchange.response.headers"], true),
  );
}

function badIds(label: string, f: (id: string) => unknown): Call[] {
  // the message quotes the id as JSON: "4.1a\r\n" with its backslashes
  return [
    ...["9.9z", "", "__proto__", "constructor", "4.1a\r\n", "4.1a\0"].map((id) =>
      single(`${label}(${JSON.stringify(id)})`, () => f(id), [id, JSON.stringify(id).slice(1, -1)], true),
    ),
    // shown cut, and a right-to-left override as a code (a terminal would reorder the line)
    single(`${label}(100,000 characters)`, () => f("x".repeat(100_000)), ["x".repeat(100)], true),
    single(`${label}("4.1a\\u202e")`, () => f("4.1a\u202e"), ["4.1a\\u202e"], true),
  ];
}

// ---------------------------------------------------------------------------------------------
// The table: every export of lib/index, and how to call it

const constant = (why: string): Entry => ({ kind: "constant", why });
const model = (calls: () => Call[]): Entry => ({ kind: "function", calls });
const cls = (calls: () => Call[]): Entry => ({ kind: "class", calls });
const helper = { names: ["x", "name", "rule", "choices", "fallback", "value"], nameArg: 0 };

// biome-ignore lint/suspicious/noExportsInTest: this file re-imports itself in a child process (BOOT below), which reads TABLE
export const TABLE: Record<string, Entry> = {
  // --- lib/errors.ts: the argument checks themselves
  MAX_QUANTITY: constant("the largest time or size a model takes"),
  RULES: constant("number rules the engine checks on every packet, made once"),
  MIN_BANDWIDTH_BPS: constant("the slowest link a model takes"),
  checkChoice: model(() =>
    sweep(
      "checkChoice",
      fn(api.checkChoice),
      [
        { name: "name", value: "x" },
        { name: "value", value: "a" },
        { name: "choices", value: ["a", "b"] },
      ],
      helper,
    ),
  ),
  checkNumber: model(() =>
    sweep(
      "checkNumber",
      fn(api.checkNumber),
      [
        { name: "name", value: "x" },
        { name: "value", value: 5 },
        { name: "rule", value: { min: 0, max: 10, integer: true }, trusted: true },
      ],
      helper,
    ),
  ),
  checkString: model(() =>
    sweep(
      "checkString",
      fn(api.checkString),
      [
        { name: "name", value: "x" },
        { name: "value", value: "a" },
      ],
      helper,
    ),
  ),
  invalidType: model(() =>
    sweep(
      "invalidType",
      fn(api.invalidType),
      [
        { name: "name", value: "x" },
        { name: "expected", value: "a number" },
        { name: "value", value: 5 },
      ],
      { ...helper, mustThrow: true },
    ),
  ),
  outOfRange: model(() =>
    sweep(
      "outOfRange",
      fn(api.outOfRange),
      [
        { name: "name", value: "x" },
        { name: "expected", value: ">= 0" },
        { name: "value", value: -1 },
      ],
      { ...helper, mustThrow: true },
    ),
  ),
  expected: constant("the expectation words many checks share"),
  checkFunction: model(() =>
    sweep(
      "checkFunction",
      fn(api.checkFunction),
      [
        { name: "name", value: "x" },
        { name: "value", value: () => () => 1, fresh: true },
      ],
      helper,
    ),
  ),
  optionalBoolean: model(() =>
    sweep(
      "optionalBoolean",
      fn(api.optionalBoolean),
      [
        { name: "name", value: "x" },
        { name: "value", value: true },
        { name: "fallback", value: false },
      ],
      helper,
    ),
  ),
  optionalNumber: model(() =>
    sweep(
      "optionalNumber",
      fn(api.optionalNumber),
      [
        { name: "name", value: "x" },
        { name: "value", value: 5 },
        { name: "fallback", value: 1 },
        { name: "rule", value: { min: 0 }, trusted: true },
      ],
      helper,
    ),
  ),
  optionsObject: model(() =>
    sweep(
      "optionsObject",
      fn(api.optionsObject),
      [
        { name: "name", value: "x" },
        { name: "value", value: { a: 1 } },
      ],
      { ...helper, depth: 0 },
    ),
  ),
  isArray: model(() => sweep("isArray", fn(api.isArray), [{ name: "value", value: [1] }])),
  listOf: model(() =>
    sweep(
      "listOf",
      fn(api.listOf),
      [
        { name: "name", value: "x" },
        { name: "value", value: [1, 2] },
        { name: "what", value: "a list" },
        { name: "item", value: () => (v: unknown, at: string) => api.checkNumber(at, v, { min: 0 }), fresh: true },
        { name: "max", value: { count: 5, tooMany: "at most 5" } },
      ],
      { ...helper, names: [...helper.names, "what", "item", "max", "value"] },
    ),
  ),

  numbersOf: model(() =>
    sweep(
      "numbersOf",
      fn(api.numbersOf),
      [
        { name: "name", value: "x" },
        { name: "value", value: [1, 2] },
        { name: "what", value: "a list" },
        { name: "rule", value: { min: 0, max: 10 }, trusted: true },
      ],
      { ...helper, names: [...helper.names, "what", "value"] },
    ),
  ),

  // --- lib/i18n.ts: the language of every message
  language: { kind: "not a model", why: "reads the chosen language; takes no argument", calls: () => [] },
  setLanguage: model(() => [
    ...["fr", "", "KO", null, 1, {}].map((lang) =>
      single(`setLanguage(${JSON.stringify(lang)})`, () => api.setLanguage(lang as never), ["lang"], true),
    ),
  ]),
  tr: model(() =>
    sweep("tr", fn(api.tr), [
      { name: "text", value: { en: "a {x}", ko: "가 {x}" } },
      { name: "params", value: { x: 1 }, fields: "" },
    ]),
  ),

  // --- lib/tcp
  CLASSIC_DELAYED_ACK_MS: constant("an RFC default (ms)"),
  DEFAULT_MSS: constant("an RFC default (bytes)"),
  IANA_EPHEMERAL_PORTS: constant("a port range"),
  IP_HEADER_BYTES: constant("a header size"),
  LINUX_DELAYED_ACK_MS: constant("a Linux default (ms)"),
  LINUX_EPHEMERAL_PORTS: constant("a port range"),
  LINUX_MIN_RTO_MS: constant("a Linux default (ms)"),
  LINUX_TIME_WAIT_SECONDS: constant("a Linux default (s)"),
  MAX_DELAYED_ACK_MS: constant("an RFC limit (ms)"),
  RFC_MIN_RTO_MS: constant("an RFC default (ms)"),
  RFC1122_INITIAL_RTO_MS: constant("an RFC default (ms)"),
  LINUX_MAX_QUICKACKS: constant("a Linux default (segments)"),
  SYN_RETRIES: constant("a Linux default (count)"),
  SYNACK_RETRIES: constant("a Linux default (count)"),
  DATA_RETRIES: constant("a Linux default (count)"),
  WORST_CASE_DELAYED_ACK_MS: constant("an RFC default (ms)"),
  MIN_PROBE_TIMEOUT_MS: constant("a Linux default (ms)"),
  LINUX_INITIAL_RCV_MSS: constant("a Linux default (bytes)"),
  STACK_NAMES: constant("the stack names"),
  DEFAULT_STACK: constant("the default stack's name"),
  TIMESTAMP_OPTION_BYTES: constant("an RFC 7323 size (bytes)"),
  LINUX_SYN_OPTION_BYTES: constant("a Linux SYN's option bytes"),
  MSS_OPTION_BYTES: constant("an RFC 9293 size (bytes)"),
  STACKS: constant("the stack profiles"),
  DEFAULT_LOSS_SEED: constant("the loss draws' default seed"),
  TLS_VERSIONS: constant("the TLS versions"),
  CLIENT_HELLO_BYTES: constant("an assumed message size (bytes)"),
  SERVER_HELLO_BYTES: constant("an assumed message size (bytes)"),
  SERVER_HANDSHAKE_BYTES: constant("an assumed message size (bytes)"),
  CLIENT_FINISHED_BYTES: constant("an assumed message size (bytes)"),
  TLS12_CLIENT_FINISH_BYTES: constant("an assumed message size (bytes)"),
  TLS12_SERVER_FINISH_BYTES: constant("an assumed message size (bytes)"),
  tlsRoundTrips: model(() => sweep("tlsRoundTrips", fn(api.tlsRoundTrips), [{ name: "version", value: "1.3" }])),
  TRANSPORT_SERIES: constant("the series names"),
  BROWSER_CONNECTIONS_PER_HOST: constant("a browser default (count)"),
  MAX_COMPARISON_LOADS: constant("a limit (count)"),
  median: model(() => sweep("median", fn(api.median), [{ name: "values", value: [3, 1, 2] }])),
  quantile: model(() =>
    sweep("quantile", fn(api.quantile), [
      { name: "values", value: [3, 1, 2] },
      { name: "q", value: 0.9 },
    ]),
  ),
  seriesInput: model(() =>
    sweep("seriesInput", fn(api.seriesInput), [
      { name: "series", value: "http3" },
      { name: "base", value: { page: { htmlBytes: 1000, objectBytes: [500] }, rttMs: 10, bandwidthBps: 1e6 }, opaque: true },
    ]),
  ),
  compareTransports: model(() =>
    sweep("compareTransports", fn(api.compareTransports), [
      {
        name: "input",
        value: { page: { htmlBytes: 1000, objectBytes: [500] }, rttMs: 10, bandwidthBps: 1e6, lossRates: [0.01], runs: 1 },
        fields: "",
      },
    ]),
  ),
  optionBytes: model(() => sweep("optionBytes", fn(api.optionBytes), [{ name: "timestamps", value: true }])),
  defaultMss: model(() => sweep("defaultMss", fn(api.defaultMss), [{ name: "timestamps", value: false }])),
  sackOptionBytes: model(() => sweep("sackOptionBytes", fn(api.sackOptionBytes), [{ name: "blocks", value: 2 }])),
  ConnectionAbortedError: cls(() =>
    sweep("new ConnectionAbortedError", (message: unknown) => new api.ConnectionAbortedError(message as string).name, [
      { name: "message", value: "gave up" },
    ]),
  ),
  LossProcess: cls(() =>
    sweep(
      "new LossProcess",
      (options: unknown) => {
        const loss = new api.LossProcess(options as never);
        return Array.from({ length: 20 }, (_, n) => loss.lost(n, n % 2 ? "client" : "server"));
      },
      [{ name: "options", value: { lossRate: { clientToServer: 0.1, serverToClient: 0.2 }, seed: 7, dropPackets: [3, 5] }, fields: "" }],
    ),
  ),
  RFC_TIME_WAIT_SECONDS: constant("an RFC default (s)"),
  TCP_HEADER_BYTES: constant("a header size"),
  MAX_SEGMENTS: constant("a limit of segment()"),
  MAX_SLOW_START_ROUNDS: constant("a limit of slowStart()"),
  initialWindowBytes: model(() => sweep("initialWindowBytes", fn(api.initialWindowBytes), [{ name: "mss", value: 1460 }])),
  initialWindowSegments: model(() => sweep("initialWindowSegments", fn(api.initialWindowSegments), [{ name: "mss", value: 1460 }])),
  segment: model(() =>
    sweep("segment", fn(api.segment), [
      { name: "bytes", value: 3000 },
      { name: "options", value: { mss: 1460, ipHeaderBytes: 20, tcpHeaderBytes: 20 }, fields: "" },
    ]),
  ),
  segmentTotals: model(() =>
    sweep("segmentTotals", fn(api.segmentTotals), [
      { name: "bytes", value: 3000 },
      { name: "options", value: { mss: 1460, ipHeaderBytes: 20, tcpHeaderBytes: 20 }, fields: "" },
    ]),
  ),
  connectionKey: model(() => sweep("connectionKey", fn(api.connectionKey), [{ name: "tuple", value: TUPLE, fields: "" }])),
  fourTuple: model(() => sweep("fourTuple", fn(api.fourTuple), [{ name: "tuple", value: TUPLE, fields: "" }])),
  sameConnection: model(() =>
    sweep("sameConnection", fn(api.sameConnection), [
      { name: "tuple", value: TUPLE, fields: "" },
      { name: "tuple", value: { ...TUPLE, sourcePort: 51001 }, fields: "" },
    ]),
  ),
  handshake: model(() =>
    sweep("handshake", fn(api.handshake), [
      { name: "input", value: { rttMs: 100, bandwidthBps: 1e6, requestBytes: 300, mss: 1460 }, fields: "" },
    ]),
  ),
  handshakeShare: model(() =>
    sweep("handshakeShare", fn(api.handshakeShare), [
      {
        name: "input",
        value: {
          rttMs: 100,
          dnsMs: 10,
          serverMs: 5,
          requestBytes: 300,
          responseBytes: 50_000,
          bandwidthBps: 1e7,
          mss: 1460,
          initialWindow: 10,
          delayedAck: true,
        },
        fields: "",
      },
    ]),
  ),
  transactionTime: model(() => [
    ...sweep("transactionTime", fn(api.transactionTime), [
      {
        name: "input",
        value: {
          rttMs: 100,
          dnsMs: 10,
          serverMs: 5,
          requestBytes: 300,
          responseBytes: 50_000,
          bandwidthBps: 1e7,
          newConnection: true,
          mss: 1460,
          initialWindow: 10,
          delayedAck: true,
        },
        fields: "",
      },
    ]),
    ...sweep("transactionTime(reused)", fn(api.transactionTime), [
      {
        name: "input",
        value: { rttMs: 100, requestBytes: 300, responseBytes: 50_000, bandwidthBps: 1e7, newConnection: false },
        fields: "",
      },
    ]),
  ]),
  checkAbcLimit: model(() =>
    sweep(
      "checkAbcLimit",
      fn(api.checkAbcLimit),
      [
        { name: "abcLimit", value: 2 },
        { name: "fallback", value: 1 },
      ],
      { infinite: true },
    ),
  ),
  nextWindow: model(() => [
    ...sweep("nextWindow", fn(api.nextWindow), [
      { name: "cwnd", value: 10 },
      { name: "sent", value: 10 },
      { name: "delayedAck", value: true },
      { name: "abcLimit", value: 1 },
    ]),
    single('nextWindow("5", 10, false)', () => api.nextWindow("5" as never, 10, false), ["cwnd"], true),
  ]),
  slowStart: model(() =>
    sweep("slowStart", fn(api.slowStart), [
      {
        name: "input",
        value: {
          bytes: 1e6,
          rttMs: 100,
          mss: 1460,
          initialWindow: 10,
          delayedAck: true,
          abcLimit: 1,
          bandwidthBps: 1e7,
          receiveWindow: 65_535,
        },
        fields: "",
      },
    ]),
  ),
  ackSchedule: model(() =>
    sweep("ackSchedule", fn(api.ackSchedule), [
      {
        name: "input",
        value: {
          arrivals: [
            { tMs: 0, bytes: 1460 },
            { tMs: 1, bytes: 1460 },
            { tMs: 50, bytes: 300 },
          ],
          delayedAckMs: 40,
          mss: 1460,
        },
        fields: "",
      },
    ]),
  ),
  checkDelayedAckMs: model(() =>
    sweep(
      "checkDelayedAckMs",
      fn(api.checkDelayedAckMs),
      [
        { name: "delayedAckMs", value: 40 },
        { name: "name", value: "delayedAckMs" },
      ],
      { names: ["delayedAckMs", "name"], nameArg: 1 },
    ),
  ),
  delayedAckDecision: model(() =>
    sweep("delayedAckDecision", fn(api.delayedAckDecision), [
      { name: "input", value: { fullSizedUnacked: 1, delayedAckMs: 40 }, fields: "" },
    ]),
  ),
  nagleHolds: model(() =>
    sweep("nagleHolds", fn(api.nagleHolds), [
      { name: "input", value: { segmentBytes: 100, mss: 1460, unackedBytes: 100, nodelay: false }, fields: "" },
    ]),
  ),
  nagleDelayedAck: model(() => [
    ...sweep("nagleDelayedAck", fn(api.nagleDelayedAck), [
      {
        name: "input",
        value: {
          writes: [200, 100],
          nagle: true,
          nagleVariant: "classic",
          delayedAckMs: 40,
          rttMs: 10,
          mss: 1460,
          bandwidthBps: 1e7,
          responseBytes: 500,
        },
        fields: "",
      },
    ]),
    single("nagleDelayedAck({ writes: [1e15] })", () => api.nagleDelayedAck({ writes: [1e15], rttMs: 10 }), ["writes"], true),
  ]),
  portCount: model(() => [...sweep("portCount", fn(api.portCount), [{ name: "ports", value: { low: 32768, high: 60999 } }])]),
  portExhaustion: model(() =>
    sweep("portExhaustion", fn(api.portExhaustion), [
      { name: "input", value: { ports: { low: 32768, high: 60999 }, timeWaitSeconds: 60, connectionsPerSecond: 1000 }, fields: "" },
    ]),
  ),

  // --- lib/sim
  DEFAULT_MAX_EVENTS: constant("the engine's event limit"),
  MAX_STREAM_SEGMENTS: constant("the engine's limit on what a model plays"),
  MAX_CONNECTIONS: constant("the engine's limit on the connections one Network opens"),
  Scheduler: cls(() => [
    ...sweep("new Scheduler", (m: unknown) => new api.Scheduler(m as number), [{ name: "maxEvents", value: 1000 }]),
    ...sweep(
      "Scheduler.at",
      (t: unknown, run: unknown) => {
        const s = new api.Scheduler();
        s.at(t as number, run as () => void);
        s.run();
        return { now: s.now, events: s.processedEvents };
      },
      [
        { name: "atMs", value: 5 },
        { name: "run", value: () => {}, opaque: true },
      ],
    ),
    ...sweep(
      "Scheduler.lane().at",
      (t: unknown, run: unknown, arg: unknown) => {
        const s = new api.Scheduler();
        const lane = s.lane();
        lane.at(t as number, run as (a: unknown) => void, arg);
        s.run();
        return { now: s.now, events: s.processedEvents };
      },
      [
        { name: "atMs", value: 5 },
        { name: "run", value: () => {}, opaque: true },
        { name: "arg", value: 1, opaque: true },
      ],
    ),
    ...sweep(
      "Scheduler.after",
      (t: unknown, run: unknown) => {
        const s = new api.Scheduler();
        s.after(t as number, run as () => void);
        s.run();
        return { now: s.now, events: s.processedEvents };
      },
      [
        { name: "delayMs", value: 5 },
        { name: "run", value: () => {}, opaque: true },
      ],
    ),
    ...sweep(
      "Scheduler.cancel",
      (h: unknown) => {
        const s = new api.Scheduler();
        s.at(1, () => {});
        s.cancel(h as api.EventHandle);
        s.run();
        return { now: s.now, events: s.processedEvents };
      },
      [{ name: "handle", value: { atMs: 1, cancelled: false } }],
      { anyObject: true },
    ),
    ...sweep(
      "Scheduler.run",
      (until: unknown) => {
        const s = new api.Scheduler();
        s.at(1, () => {});
        s.run(until as number);
        return { now: s.now, events: s.processedEvents, pending: s.pending };
      },
      [{ name: "untilMs", value: 5 }],
    ),
  ]),
  Link: cls(() => [
    ...sweep(
      "new Link",
      (spec: unknown) => {
        const l = new api.Link(spec as api.LinkSpec);
        return { rttMs: l.rttMs, up: l.transmit("client", 0, 1500), down: l.transmit("server", 0, 1500) };
      },
      [
        {
          name: "link",
          value: { clientToServer: { delayMs: 5, bandwidthBps: 1e6 }, serverToClient: { delayMs: 5, bandwidthBps: 1e7 } },
          fields: "",
        },
      ],
    ),
    ...sweep(
      "Link.transmit",
      (from: unknown, now: unknown, wire: unknown) =>
        new api.Link(api.symmetricLink(10, 1e6)).transmit(from as api.Side, now as number, wire as number),
      [
        { name: "from", value: "client" },
        { name: "nowMs", value: 0 },
        { name: "wireBytes", value: 1500 },
      ],
    ),
    ...sweep("Link.bandwidthBps", (from: unknown) => new api.Link(api.symmetricLink(10, 1e6)).bandwidthBps(from as api.Side), [
      { name: "from", value: "client" },
    ]),
  ]),
  serialisationMs: model(() =>
    sweep("serialisationMs", fn(api.serialisationMs), [
      { name: "wireBytes", value: 1500 },
      { name: "bandwidthBps", value: 1e6 },
    ]),
  ),
  symmetricLink: model(() =>
    sweep("symmetricLink", fn(api.symmetricLink), [
      { name: "rttMs", value: 100 },
      { name: "bandwidthBps", value: 1e6 },
    ]),
  ),
  TcpEndpoint: cls(() => [
    ...sweep(
      "new TcpEndpoint",
      (side: unknown, config: unknown, sim: unknown, sink: unknown) => {
        const e = new api.TcpEndpoint(side as api.Side, config as api.EndpointConfig, sim as api.Scheduler, sink as api.PacketSink);
        e.establish();
        e.write(3000, "data");
        return { sent: e.bytesSent, cwnd: e.cwndSegments, log: e.cwndLog };
      },
      [
        { name: "side", value: "client" },
        { name: "config", value: api.tcpConfig({}), fields: "" },
        { name: "sim", value: () => new api.Scheduler(), fresh: true },
        { name: "sink", value: () => {}, opaque: true },
      ],
    ),
    ...endpointMethod("write", [
      { name: "bytes", value: 100 },
      { name: "note", value: "more" },
    ]),
    ...["abc", NaN].map((bytes) =>
      single(
        `TcpEndpoint.write(${String(bytes)})`,
        () => new api.Network().open({ established: true }).client.write(bytes as number),
        ["bytes"],
        true,
      ),
    ),
    ...endpointMethod("read", [
      { name: "bytes", value: 100 },
      { name: "done", value: () => {}, opaque: true },
    ]),
    ...endpointMethod("onData", [{ name: "listener", value: () => {}, opaque: true }]),
    ...endpointMethod("onPeerClose", [{ name: "listener", value: () => {}, opaque: true }]),
    ...endpointMethod("setNoDelay", [{ name: "nodelay", value: true }]),
    ...endpointMethod("sendControl", [
      { name: "flags", value: ["ACK"] },
      { name: "note", value: "probe" },
    ]),
    ...endpointMethod("receive", [{ name: "packet", value: { from: "server", flags: ["ACK"], bytes: 0, seq: 0, ack: 0, note: "ack" } }]),
  ]),
  TcpConnection: cls(() => [
    ...sweep(
      "new TcpConnection",
      (id: unknown, config: unknown, sim: unknown, transmit: unknown, atMs: unknown, pre: unknown) => {
        const s = sim as api.Scheduler;
        const c = new api.TcpConnection(
          id as number,
          config as api.EndpointConfig,
          s,
          transmit as api.Transmit,
          atMs as number,
          pre as boolean,
        );
        c.client.write(300);
        s.run();
        return { id: c.id, opened: c.openedAtMs, established: c.establishedAtMs ?? 0, sent: c.client.bytesSent, now: s.now };
      },
      [
        { name: "id", value: 0 },
        { name: "config", value: api.tcpConfig({}), fields: "" },
        { name: "sim", value: () => new api.Scheduler(), fresh: true },
        { name: "transmit", value: (_c: unknown, p: api.Packet, arrive: (p: api.Packet) => void) => arrive(p), opaque: true },
        { name: "atMs", value: 0 },
        { name: "preEstablished", value: false },
      ],
    ),
    ...sweep("TcpConnection.endpoint", (side: unknown) => new api.Network().open({}).endpoint(side as api.Side).side, [
      { name: "side", value: "server" },
    ]),
    ...sweep(
      "TcpConnection.onEstablished",
      (listener: unknown) => {
        const net = new api.Network({ rttMs: 10 });
        const c = net.open({});
        c.onEstablished(listener as (t: number) => void);
        return exchange(net, c);
      },
      [{ name: "listener", value: () => {}, opaque: true }],
    ),
  ]),
  Network: cls(() => [
    ...sweep("new Network", (o: unknown) => exchange(new api.Network(o as api.NetworkOptions)), [
      { name: "options", value: { rttMs: 20, bandwidthBps: 1e7, maxEvents: 100_000, ...TCP_OPTIONS }, fields: "" },
    ]),
    // options read through a prototype: a boxed string, a class's getter
    single('new Network(new String("a"))', () => new api.Network(new String("a") as never), ["options"], true),
    single(
      "new Network(an instance with a getter on its class)",
      () =>
        new api.Network(
          new (class {
            get rttMs() {
              return 5;
            }
          })() as never,
        ),
      ["options"],
      true,
    ),
    ...sweep("new Network(link)", (o: unknown) => exchange(new api.Network(o as api.NetworkOptions)), [
      {
        name: "options",
        value: { link: { clientToServer: { delayMs: 5, bandwidthBps: 1e6 }, serverToClient: { delayMs: 5 } } },
        fields: "",
      },
    ]),
    ...sweep(
      "Network.open",
      (o: unknown) => {
        const net = new api.Network({ rttMs: 20 });
        return exchange(net, net.open(o as api.OpenOptions));
      },
      [{ name: "options", value: { atMs: 5, established: false, ...TCP_OPTIONS }, fields: "" }],
    ),
    // a loop of open() calls is refused at the limit, naming it, before it fills the heap
    single(
      "Network.open, once more than MAX_CONNECTIONS",
      () => {
        const net = new api.Network();
        for (let i = 0; i <= api.MAX_CONNECTIONS; i++) net.open({ established: true });
      },
      ["connections"],
      true,
    ),
    ...sweep(
      "Network.at",
      (t: unknown, run: unknown) => {
        const net = new api.Network({ rttMs: 20 });
        net.at(t as number, run as () => void);
        return exchange(net);
      },
      [
        { name: "atMs", value: 5 },
        { name: "run", value: () => {}, opaque: true },
      ],
    ),
    ...sweep(
      "Network.after",
      (t: unknown, run: unknown) => {
        const net = new api.Network({ rttMs: 20 });
        net.after(t as number, run as () => void);
        return exchange(net);
      },
      [
        { name: "delayMs", value: 5 },
        { name: "run", value: () => {}, opaque: true },
      ],
    ),
    ...sweep(
      "Network.run",
      (until: unknown) => {
        const net = new api.Network({ rttMs: 20 });
        net.open({}).client.write(300);
        net.run(until as number);
        return { now: net.now, packets: net.packets };
      },
      [{ name: "untilMs", value: 15 }],
    ),
  ]),
  tcpConfig: model(() =>
    sweep("tcpConfig", fn(api.tcpConfig), [
      { name: "options", value: TCP_OPTIONS, fields: "" },
      { name: "base", value: api.tcpConfig({}), fields: "" },
    ]),
  ),

  checkConfigObject: model(() => sweep("checkConfigObject", fn(api.checkConfigObject), [{ name: "config", value: {} }])),
  checkScheduler: model(() =>
    sweep("checkScheduler", fn(api.checkScheduler), [{ name: "sim", value: () => new api.Scheduler(), fresh: true }]),
  ),

  // --- lib/http: syntax and headers
  MAX_FIELD_LINES: constant("a limit of the header parsers"),
  MAX_LIST_ELEMENTS: constant("a limit of the header parsers"),
  listElements: model(() =>
    sweep(
      "listElements",
      fn(api.listElements),
      [
        { name: "name", value: "value" },
        { name: "value", value: ["a, b", "c"] },
      ],
      { names: ["value", "name"] },
    ),
  ),
  checkFieldValue: model(() =>
    sweep(
      "checkFieldValue",
      fn(api.checkFieldValue),
      [
        { name: "name", value: "value" },
        { name: "value", value: "keep-alive" },
      ],
      { names: ["value", "name"], nameArg: 0, rejectsControl: true },
    ),
  ),
  isToken: model(() => sweep("isToken", fn(api.isToken), [{ name: "s", value: "keep-alive" }])),
  splitList: model(() => [
    ...sweep("splitList", fn(api.splitList), [
      { name: "value", value: 'a, "b,c" , d' },
      { name: "name", value: "value" },
    ]),
    single("splitList(1 MB of commas)", () => api.splitList(",".repeat(2 ** 20), "value"), ["value"]),
  ]),
  stringOrStrings: model(() =>
    sweep(
      "stringOrStrings",
      fn(api.stringOrStrings),
      [
        { name: "name", value: "value" },
        { name: "value", value: ["a", "b"] },
      ],
      { names: ["value", "name"] },
    ),
  ),
  trimOws: model(() => [
    ...sweep("trimOws", fn(api.trimOws), [{ name: "s", value: " \ta b\t " }]),
    single("trimOws(1 MB of blanks)", () => api.trimOws(` ${" \t".repeat(2 ** 19)}x${" \t".repeat(2 ** 19)} `), ["s"]),
  ]),
  unquote: model(() => [
    ...sweep("unquote", fn(api.unquote), [{ name: "s", value: '"a\\"b"' }]),
    single("unquote(1 MB)", () => api.unquote(`"${"\\a".repeat(2 ** 19)}"`), ["s"]),
  ]),
  checkHeaders: model(() => [
    ...sweep(
      "checkHeaders",
      fn(api.checkHeaders),
      [
        { name: "param", value: "headers" },
        { name: "headers", value: HEADERS },
      ],
      { names: ["headers", "param"], nameArg: 0, ...HEADER_RULES },
    ),
    ...headerInjections("checkHeaders", (h) => api.checkHeaders("headers", h)),
  ]),
  fieldLines: model(() => [
    ...sweep(
      "fieldLines",
      fn(api.fieldLines),
      [
        { name: "headers", value: HEADERS },
        { name: "param", value: "headers" },
      ],
      { nameArg: 1, ...HEADER_RULES },
    ),
    ...sweep("fieldLines(pairs)", fn(api.fieldLines), [{ name: "headers", value: HEADER_PAIRS }], HEADER_RULES),
    ...headerInjections("fieldLines", (h) => api.fieldLines(h)),
  ]),
  copyHeaders: model(() => [
    ...sweep(
      "copyHeaders",
      fn(api.copyHeaders),
      [
        { name: "headers", value: HEADERS },
        { name: "param", value: "headers" },
      ],
      { nameArg: 1, ...HEADER_RULES },
    ),
    ...sweep("copyHeaders(pairs)", fn(api.copyHeaders), [{ name: "headers", value: HEADER_PAIRS }], HEADER_RULES),
    ...headerInjections("copyHeaders", (h) => api.copyHeaders(h)),
  ]),
  fieldValues: model(() =>
    sweep(
      "fieldValues",
      fn(api.fieldValues),
      [
        { name: "headers", value: HEADERS },
        { name: "name", value: "connection" },
        { name: "param", value: "headers" },
      ],
      { nameArg: 2, ...HEADER_RULES },
    ),
  ),
  parseConnectionHeader: model(() => [
    ...sweep("parseConnectionHeader", fn(api.parseConnectionHeader), [{ name: "value", value: "close, Keep-Alive" }], HEADER_RULES),
    ...sweep(
      "parseConnectionHeader(lines)",
      fn(api.parseConnectionHeader),
      [{ name: "value", value: ["close", "x-a, x-b"] }],
      HEADER_RULES,
    ),
    single("parseConnectionHeader(1 MB list)", () => api.parseConnectionHeader(`${"a, ".repeat(2 ** 18)}close`), ["value"]),
    single("parseConnectionHeader(1 MB of blanks)", () => api.parseConnectionHeader(`${" ".repeat(2 ** 20)}close${" ".repeat(2 ** 20)}`), [
      "value",
    ]),
  ]),
  HOP_BY_HOP_FIELDS: constant("a list of field names"),
  RFC2616_HOP_BY_HOP: constant("a list of field names"),
  RFC9110_HOP_BY_HOP: constant("a list of field names"),
  hopByHopNames: model(() => [
    ...sweep(
      "hopByHopNames",
      (h: unknown) => [...api.hopByHopNames(h as api.HeaderInput)],
      [{ name: "headers", value: HEADERS }],
      HEADER_RULES,
    ),
    ...headerInjections("hopByHopNames", (h) => api.hopByHopNames(h)),
  ]),
  stripHopByHop: model(() => [
    ...sweep("stripHopByHop", fn(api.stripHopByHop), [{ name: "headers", value: HEADERS }], HEADER_RULES),
    ...sweep("stripHopByHop(pairs)", fn(api.stripHopByHop), [{ name: "headers", value: HEADER_PAIRS }], HEADER_RULES),
    ...headerInjections("stripHopByHop", (h) => api.stripHopByHop(h)),
    single(
      "stripHopByHop(a 1 MB value)",
      () => api.stripHopByHop({ Connection: `x-a,${" ".repeat(2 ** 20)},close`, "X-A": MEGABYTE_STRING }),
      ["headers"],
    ),
    single(
      "stripHopByHop(100,000 lines)",
      () =>
        api.stripHopByHop(
          Array.from({ length: 100_000 }, (_, i) => [i % 2 ? "Connection" : `X-${i}`, i % 2 ? `x-${i - 1}` : "v"]) as api.HeaderPairs,
        ),
      ["headers"],
    ),
  ]),
  parseKeepAlive: model(() => [
    ...sweep("parseKeepAlive", fn(api.parseKeepAlive), [{ name: "value", value: 'timeout=5, max=100, x="a,b"' }], HEADER_RULES),
    single("parseKeepAlive(a quoted CR LF)", () => api.parseKeepAlive('x="a\r\nSet-Cookie: y"'), ["value"], true),
    single("parseKeepAlive(1 MB quoted value)", () => api.parseKeepAlive(`timeout=5, x="${'a\\"'.repeat(2 ** 18)}"`), ["value"]),
    single("parseKeepAlive(1 MB of parameters)", () => api.parseKeepAlive("p=1, ".repeat(2 ** 18)), ["value"]),
    single(
      "parseKeepAlive(1 MB of distinct parameters)",
      () => api.parseKeepAlive(Array.from({ length: 150_000 }, (_, i) => `k${i}`).join(",")),
      ["value"],
      true,
    ),
    single("parseKeepAlive(a 1 MB number)", () => api.parseKeepAlive(`timeout=${"0".repeat(2 ** 20)}5`), ["value", "timeout"]),
  ]),
  EXAMPLE_BODY_BYTES: constant("an example size"),
  HTTP_VERSIONS: constant("the versions the models accept"),
  parseContentLength: model(() => [
    ...sweep("parseContentLength", fn(api.parseContentLength), [{ name: "value", value: "42" }], {
      names: ["Content-Length"],
      ...HEADER_RULES,
    }),
    ...sweep("parseContentLength(lines)", fn(api.parseContentLength), [{ name: "value", value: ["42", "42, 42"] }], {
      names: ["Content-Length"],
      ...HEADER_RULES,
    }),
    single("parseContentLength(1 MB list)", () => api.parseContentLength(`${"42, ".repeat(2 ** 18)}42`), ["value", "Content-Length"]),
  ]),
  responseFraming: model(() => [
    ...sweep(
      "responseFraming",
      fn(api.responseFraming),
      [{ name: "head", value: { version: "1.1", status: 200, requestMethod: "GET", headers: HEADERS } }],
      { rejectsControl: true },
    ),
    ...headerInjections("responseFraming", (h) => api.responseFraming({ headers: h })),
  ]),
  checkResponseBody: model(() =>
    sweep(
      "checkResponseBody",
      fn(api.checkResponseBody),
      [
        { name: "head", value: { version: "1.1", status: 200, requestMethod: "GET", headers: HEADERS } },
        { name: "receivedBytes", value: 40 },
      ],
      { rejectsControl: true },
    ),
  ),
  decidePersistence: model(() => [
    ...sweep(
      "decidePersistence",
      fn(api.decidePersistence),
      [
        {
          name: "exchange",
          value: {
            request: { version: "1.0", method: "GET", headers: { Connection: "keep-alive" } },
            response: { version: "1.1", status: 200, headers: HEADER_PAIRS },
            serverIsProxy: false,
          },
        },
      ],
      { depth: 4, rejectsControl: true },
    ),
    ...headerInjections("decidePersistence(request)", (h) => api.decidePersistence({ request: { headers: h }, response: {} })),
    ...headerInjections("decidePersistence(response)", (h) => api.decidePersistence({ request: {}, response: { headers: h } })),
    single(
      "decidePersistence(a 1 MB Connection value)",
      () =>
        api.decidePersistence({
          request: { headers: { Connection: `${", ".repeat(2 ** 19)}keep-alive` } },
          response: { headers: { "Content-Length": "1", Connection: `keep-alive${" ".repeat(2 ** 20)}` } },
        }),
      ["exchange"],
    ),
  ]),

  // --- lib/http: message-level models
  MAX_KEEP_ALIVE_REQUESTS: constant("a limit of simulateKeepAlive"),
  simulateKeepAlive: model(() =>
    sweep("simulateKeepAlive", fn(api.simulateKeepAlive), [
      {
        name: "scenario",
        value: {
          client: { version: "1.1", askKeepAlive: true, closeOnLast: true },
          server: { version: "1.1", timeoutSeconds: 5, max: 3, persistent: true },
          requests: [
            { atMs: 0, path: "/a", askKeepAlive: true, close: false, framing: "content-length" },
            { atMs: 1000, path: "/b" },
            { atMs: 9000, framing: "chunked" },
          ],
          transactionMs: 100,
          bodyBytes: 500,
        },
      },
    ]),
  ),
  MAX_PROXIES: constant("a limit of simulateProxyChain"),
  simulateProxyChain: model(() =>
    sweep("simulateProxyChain", fn(api.simulateProxyChain), [
      {
        name: "scenario",
        value: {
          proxies: ["smart", "dumb"],
          rttMs: [10, 20, 30],
          proxyTimeoutMs: 3000,
          clientHeader: "connection",
          requests: 2,
          responseBodyBytes: 100,
          serverTimeoutMs: 5000,
          showHandshake: true,
        },
      },
    ]),
  ),
  IDEMPOTENT_METHODS: constant("a list of methods"),
  isIdempotent: model(() => sweep("isIdempotent", fn(api.isIdempotent), [{ name: "method", value: "GET" }])),
  MAX_PIPELINE_REQUESTS: constant("a limit of simulatePipeline"),
  MAX_PIPELINE_SENDS: constant("a limit of simulatePipeline"),
  simulatePipeline: model(() => [
    ...sweep("simulatePipeline", fn(api.simulatePipeline), [
      {
        name: "scenario",
        value: {
          requests: [{ method: "GET", path: "/a" }, { method: "POST" }, { method: "GET" }],
          serverClosesAfter: 1,
          announcesClose: false,
          maxDepth: 5,
          pipelineNonIdempotent: false,
          confirmPersistenceFirst: false,
        },
      },
    ]),
    ...[false, true].map((announcesClose) =>
      single(
        `simulatePipeline(4,000 GETs, server closes after every response, announcesClose ${announcesClose})`,
        () =>
          api.simulatePipeline({ requests: Array.from({ length: 4000 }, () => ({ method: "GET" })), serverClosesAfter: 1, announcesClose }),
        ["scenario.requests"],
      ),
    ),
    single(
      "simulatePipeline(10,000 GETs, server closes after every response)",
      () => api.simulatePipeline({ requests: Array.from({ length: 10_000 }, () => ({ method: "GET" })), serverClosesAfter: 1 }),
      ["scenario.requests"],
    ),
  ]),
  simulateClose: model(() =>
    sweep("simulateClose", fn(api.simulateClose), [
      {
        name: "scenario",
        value: {
          strategy: "abrupt",
          rttMs: 20,
          responseBytes: 5000,
          requestBytes: 100,
          secondRequestAtMs: 1,
          bandwidthBps: 1e6,
          mss: 1460,
          clientReadDelayMs: 1,
          serverMs: 2,
          discardOnReset: true,
        },
      },
    ]),
  ),
  CONNECTION_SETUPS: constant("a table of handshakes"),
  SETUP_STACKS: constant("the stack names"),
  connectionSetup: model(() => sweep("connectionSetup", fn(api.connectionSetup), [{ name: "stack", value: "quic" }])),

  // --- lib/http: page loads on the engine
  DEFAULT_MAX_CONNECTIONS: constant("defaults per strategy"),
  DEFAULT_PAGE_REQUEST_BYTES: constant("a default size"),
  HTTP1_STRATEGIES: constant("the strategy names"),
  PAGE_LOAD_STRATEGIES: constant("the strategy names"),
  MAX_PAGE_OBJECTS: constant("a limit of the page models"),
  pageRequests: model(() => sweep("pageRequests", fn(api.pageRequests), [{ name: "page", value: PAGE }])),
  pageLoadFloor: model(() => [
    ...sweep("pageLoadFloor", fn(api.pageLoadFloor), [
      {
        name: "input",
        value: { page: PAGE, strategy: "persistent", maxConnections: 2, rttMs: 50, bandwidthBps: 1e7, serverMs: [5, 5, 5] },
        fields: "",
      },
    ]),
    single(
      'pageLoadFloor({ serverMs: ["5", "5"] })',
      () =>
        api.pageLoadFloor({
          page: { htmlBytes: 100, objectBytes: [100] },
          strategy: "serial",
          rttMs: 10,
          bandwidthBps: 1e6,
          serverMs: ["5", "5"] as never,
        }),
      ["serverMs"],
      true,
    ),
    ...sweep(
      "pageLoadFloor(serverMs number)",
      fn(api.pageLoadFloor),
      [{ name: "input", value: { page: PAGE, strategy: "serial", rttMs: 50, bandwidthBps: 1e7, serverMs: 5 }, fields: "" }],
      { skip: (n) => n.startsWith("page") },
    ),
  ]),
  simulatePageLoad: model(() => [
    ...sweep("simulatePageLoad", fn(api.simulatePageLoad), [
      {
        name: "input",
        value: {
          page: PAGE,
          strategy: "parallel",
          maxConnections: 2,
          rttMs: 20,
          bandwidthBps: 1e7,
          mss: 1460,
          initialWindow: 10,
          nagle: false,
          delayedAckMs: 40,
          serverMs: [1, 2, 3],
          requestBytes: 300,
        },
        fields: "",
      },
    ]),
    ...["serial", "parallel", "persistent", "pipelined", "multiplexed"].map((strategy) =>
      single(
        `simulatePageLoad(${strategy}, htmlBytes 1e15)`,
        () =>
          api.simulatePageLoad({
            page: { htmlBytes: 1e15, objectBytes: [] },
            strategy: strategy as api.PageLoadStrategy,
            rttMs: 20,
            bandwidthBps: 1e7,
          }),
        ["page.htmlBytes"],
      ),
    ),
    single(
      "simulatePageLoad(serverMs function returning NaN)",
      () => api.simulatePageLoad({ page: PAGE, strategy: "serial", rttMs: 20, bandwidthBps: 1e7, serverMs: () => NaN }),
      ["serverMs"],
    ),
  ]),

  // --- lib/viz
  MAX_CHART_COLUMNS: constant("the widest text chart"),
  MAX_CHART_ROWS: constant("the tallest text chart"),
  MAX_SWEEP_RUNS: constant("a limit of loadTimeSweep"),
  overheadChart: model(() => [
    ...sweep("overheadChart", fn(api.overheadChart), [
      { name: "options", value: { mss: 1460, maxBytes: 6000, width: 40, height: 8, ipHeaderBytes: 20, tcpHeaderBytes: 20 }, fields: "" },
    ]),
    single("overheadChart({ width: 1e9 })", () => api.overheadChart({ width: 1e9 }), ["width"], true),
    single("overheadChart({ height: 1e9 })", () => api.overheadChart({ height: 1e9 }), ["height"], true),
  ]),
  overheadSeries: model(() =>
    sweep("overheadSeries", fn(api.overheadSeries), [
      { name: "options", value: { mss: 1460, maxBytes: 6000, width: 40, ipHeaderBytes: 20, tcpHeaderBytes: 20 }, fields: "" },
    ]),
  ),
  packetLayout: model(() =>
    sweep("packetLayout", fn(api.packetLayout), [
      { name: "bytes", value: 3000 },
      { name: "options", value: { mss: 1000, ipHeaderBytes: 20, tcpHeaderBytes: 32 }, fields: "" },
      { name: "maxPackets", value: 2 },
    ]),
  ),
  packetLabel: model(() =>
    sweep("packetLabel", fn(api.packetLabel), [
      { name: "entry", value: TRACE[2] },
      { name: "withConn", value: true },
    ]),
  ),
  sequenceDiagramText: model(() =>
    sweep("sequenceDiagramText", fn(api.sequenceDiagramText), [
      { name: "trace", value: TRACE },
      { name: "options", value: { conn: 0, width: 44, maxPackets: 10 }, fields: "" },
    ]),
  ),
  sequenceDiagramMermaid: model(() =>
    sweep("sequenceDiagramMermaid", fn(api.sequenceDiagramMermaid), [
      { name: "trace", value: TRACE },
      { name: "options", value: { conn: 0, maxPackets: 10 }, fields: "" },
    ]),
  ),
  cwndChart: model(() => [
    ...sweep(
      "cwndChart",
      fn(api.cwndChart),
      [
        { name: "input", value: [10, 15, 23], fields: "cwndPerRound" },
        { name: "options", value: { height: 6, columnsPerRound: 4, title: "t" }, fields: "" },
      ],
      { names: ["cwndPerRound"] },
    ),
    ...sweep("cwndChart(slowStart result)", fn(api.cwndChart), [{ name: "input", value: { cwndPerRound: [10, 20] }, fields: "" }]),
    single(
      "cwndChart(slowStart(...), { columnsPerRound: 1e9 })",
      () => api.cwndChart(api.slowStart({ bytes: 1e6, rttMs: 100 }), { columnsPerRound: 1e9 }),
      ["columnsPerRound"],
      true,
    ),
  ]),
  strategyName: model(() => sweep("strategyName", fn(api.strategyName), [{ name: "strategy", value: "parallel" }])),
  seriesName: model(() => sweep("seriesName", fn(api.seriesName), [{ name: "series", value: "parallel x4" }])),
  WATERFALL_PHASES: constant("the phase names"),
  WATERFALL_SYMBOLS: constant("a symbol per phase"),
  waterfallRows: model(() =>
    sweep("waterfallRows", fn(api.waterfallRows), [{ name: "load", value: { requests: pageLoad().requests, strategy: "parallel" } }]),
  ),
  waterfallText: model(() => [
    ...sweep("waterfallText", fn(api.waterfallText), [
      { name: "load", value: { requests: pageLoad().requests } },
      { name: "options", value: { width: 40, title: "t", endMs: 500 }, fields: "" },
    ]),
    single("waterfallText(load, { width: 1e9 })", () => api.waterfallText(pageLoad(), { width: 1e9 }), ["width"], true),
  ]),
  waterfallSpec: model(() =>
    sweep("waterfallSpec", fn(api.waterfallSpec), [
      { name: "load", value: { requests: pageLoad().requests, strategy: "parallel" } },
      { name: "options", value: { width: 300, title: "t", endMs: 500 }, fields: "" },
    ]),
  ),
  loadTimeSweep: model(() =>
    sweep("loadTimeSweep", fn(api.loadTimeSweep), [
      {
        name: "input",
        value: { page: PAGE, rttMs: [10, 20], bandwidthBps: 1e7, series: [{ strategy: "parallel", maxConnections: 2 }] },
        fields: "",
      },
    ]),
  ),
  loadTimeChartSpec: model(() =>
    sweep("loadTimeChartSpec", fn(api.loadTimeChartSpec), [
      { name: "rows", value: sweepRows() },
      { name: "options", value: { x: "rttMs", title: "t", width: 300, height: 200 }, fields: "options." },
    ]),
  ),
  loadTimeTable: model(() => [
    ...sweep("loadTimeTable", fn(api.loadTimeTable), [
      { name: "rows", value: sweepRows() },
      { name: "options", value: { x: "rttMs" }, fields: "options." },
    ]),
    single(
      `loadTimeTable(${api.MAX_SWEEP_RUNS} rows, each its own x)`,
      () =>
        api.loadTimeTable(
          Array.from({ length: api.MAX_SWEEP_RUNS }, (_, i) => ({ ...sweepRows()[0], series: `s${i % 50}`, rttMs: i })),
          { x: "rttMs" },
        ),
      ["rows"],
    ),
  ]),

  // --- the workbook's graders: not models
  check: {
    kind: "not a model",
    why: "grades exercises in a sandbox; only a bad id is tried",
    calls: () => badIds("check", (id) => api.check(id)),
  },
  hint: {
    kind: "not a model",
    why: "prints a hint and records it; only a bad id is tried",
    calls: () => badIds("hint", (id) => api.hint(id)),
  },
  progress: { kind: "not a model", why: "grades every exercise; takes no argument, so nothing hostile to pass", calls: () => [] },
  catalogue: constant("the exercise catalogue (data)"),
  sections: constant("the section list (data)"),
};

// ---------------------------------------------------------------------------------------------
// The child side: run the calls of some exports, report each one

interface Outcome {
  label: string;
  problem?: string;
  ms?: number;
}

/** One call's outcome, as a child reports it. */
interface Done extends Outcome {
  name: string;
  i: number;
}

/**
 * What a child says. One at a time ("careful"): "start" before each call and "done" after it, so a hang or a
 * crash is pinned on the call that was running. In batches (the usual way, 20,000 calls in all): "batch" with the
 * outcomes of the calls since the last one, every BATCH_MS or BATCH_CALLS, and nothing before a call; when such a
 * child hangs or dies, the calls it had not reported run again one at a time (runGroup).
 */
type Report =
  | { type: "start"; name: string; i: number; label: string }
  | ({ type: "done" } & Done)
  | { type: "batch"; done: Done[] }
  | { type: "end" };

/** A batching child reports at least this often while it runs calls (ms of wall time) ... */
const BATCH_MS = 100;
/** ... and after at most this many calls. */
const BATCH_CALLS = 500;

// biome-ignore lint/suspicious/noExportsInTest: this file re-imports itself in a child process (BOOT below), which calls childMain
export async function childMain(): Promise<void> {
  const { names, skip, careful } = JSON.parse(process.env.BAD_INPUT_SWEEP as string) as {
    names: string[];
    skip: number;
    careful: boolean;
  };
  const post = (r: Report) => new Promise<void>((resolve) => process.send!(r, undefined, {}, () => resolve()));
  let batch: Done[] = [];
  let sent = performance.now();
  const flush = async () => {
    await post({ type: "batch", done: batch });
    batch = [];
    sent = performance.now();
  };
  if (!careful) await flush(); // the parent's hang timer starts here, as it does at a careful child's first "start"
  for (const [n, name] of names.entries()) {
    const entry = TABLE[name];
    const calls = entry.kind === "constant" ? [] : entry.calls();
    for (let i = n === 0 ? skip : 0; i < calls.length; i++) {
      const label = calls[i].label;
      if (careful) await post({ type: "start", name, i, label });
      const { problem, ms } = await runCall(calls[i]);
      if (careful) await post({ type: "done", name, i, label, problem, ms });
      else {
        batch.push({ name, i, label, problem, ms });
        if (batch.length >= BATCH_CALLS || performance.now() - sent >= BATCH_MS) await flush();
      }
    }
  }
  if (batch.length > 0) await flush();
  await post({ type: "end" });
  process.disconnect();
}

// ---------------------------------------------------------------------------------------------
// The vitest side

const BOOT = (file: string) => `
const Module = require("node:module");
const load = Module._load;
const noop = () => {};
Module._load = function (request, ...rest) {
  if (request === "vitest") return { describe: noop, it: noop, expect: noop, beforeAll: noop };
  return load.call(this, request, ...rest);
};
require(${JSON.stringify(TS_REGISTER)});
require(${JSON.stringify(file)}).childMain().catch((e) => { console.error(e); process.exit(1); });
`;

/**
 * Runs the calls of `names` in a child process, replacing it after a hang or a crash. Children report in
 * batches; one that hangs or dies is followed by a careful child (one call at a time) from its first call not
 * reported, so the failure is pinned on its call as if every call had been reported alone. Should that careful
 * run get through without it (a crash that does not come again), the failure is still reported, naming where
 * the batch stood: no hang or crash passes unseen.
 */
async function runGroup(file: string, names: string[], results: Map<string, Outcome[]>): Promise<void> {
  let from = 0;
  let skip = 0;
  let careful = false;
  /** a batching child's failure, not yet pinned on a call */
  let unpinned: { name: string; why: string } | undefined;
  while (from < names.length) {
    const rest = names.slice(from);
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [`--max-old-space-size=${CHILD_HEAP_MB}`, "-e", BOOT(file)], {
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        env: { ...process.env, BAD_INPUT_SWEEP: JSON.stringify({ names: rest, skip, careful }) },
      });
      let stderr = "";
      child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-2000)));
      let current: { name: string; i: number; label: string } | undefined;
      /** the last call reported done */
      let last: Done | undefined;
      let ended = false;
      /** a batching child has begun its calls */
      let running = false;
      let killed: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      const watch = (ms: number) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          killed = `no answer after ${HANG_MS} ms: a hang`;
          child.kill("SIGKILL");
        }, ms);
      };
      const record = (d: Done) => {
        results.get(d.name)!.push({ label: d.label, problem: d.problem, ms: d.ms });
        last = d;
      };
      child.on("message", (r: Report) => {
        if (r.type === "start") {
          current = r;
          watch(HANG_MS);
        } else if (r.type === "done") {
          clearTimeout(timer);
          record(r);
          current = undefined;
        } else if (r.type === "batch") {
          running = true;
          for (const d of r.done) record(d);
          // a call started at most BATCH_MS after the last report
          watch(HANG_MS + BATCH_MS);
        } else {
          ended = true;
        }
      });
      child.on("close", (code, signal) => {
        clearTimeout(timer);
        const last3 = stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 400);
        const why = killed ?? `the process died (${signal ?? `exit ${code}`}; heap cap ${CHILD_HEAP_MB} MB): ${last3}`;
        if (ended) {
          from = names.length;
          if (unpinned) {
            results.get(unpinned.name)!.push({
              label: `${unpinned.name}: a batch of calls`,
              problem: `${unpinned.why}; run again one call at a time from there, no call failed`,
            });
          }
        } else if (current) {
          results.get(current.name)!.push({ label: current.label, problem: why });
          from = names.indexOf(current.name, from);
          skip = current.i + 1;
          unpinned = undefined; // pinned, on this call or one after it: reported either way
        } else if (running) {
          // a batching child that was running calls: again one at a time from its first call not reported
          // (past the last call of an export, the child goes on with the next export)
          const at = last ?? { name: rest[0], i: skip - 1, label: `the start of ${rest[0]}'s calls` };
          from = names.indexOf(at.name, from);
          skip = at.i + 1;
          careful = true;
          unpinned = { name: at.name, why: `${why}, after ${at.label}` };
        } else {
          const failed = `the child failed outside any call (${signal ?? `exit ${code}`}): ${last3}`;
          for (const name of rest) results.get(name)!.push({ label: `${name}: loading`, problem: failed });
          from = names.length;
        }
        resolve();
      });
    });
  }
}

describe("bad-input sweep over every export of lib/index", () => {
  const exported = Object.entries(api);

  it("every export is in the table, with the right kind, and the table lists nothing else", () => {
    const missing = exported.filter(([name]) => !(name in TABLE)).map(([name]) => name);
    const stale = Object.keys(TABLE).filter((name) => !(name in api));
    const wrongKind = exported
      .filter(([name, value]) => name in TABLE && (TABLE[name].kind === "constant") !== (typeof value !== "function"))
      .map(([name, value]) => `${name}: ${typeof value} listed as ${TABLE[name].kind}`);
    expect({ missing, stale, wrongKind }).toEqual({ missing: [], stale: [], wrongKind: [] });
  });

  const results = new Map<string, Outcome[]>();
  beforeAll(async () => {
    const file = __filename;
    const names = exported.map(([name]) => name).filter((name) => name in TABLE && TABLE[name].kind !== "constant");
    for (const name of names) results.set(name, []);
    // spread over a few children (the machine may have 2 cores)
    const groups: string[][] = Array.from({ length: Math.max(2, Math.min(4, os.availableParallelism())) }, () => []);
    for (const [i, name] of names.entries()) groups[i % groups.length].push(name);
    await Promise.all(groups.map((g) => runGroup(file, g, results)));
  }, 120_000);

  for (const [name, value] of exported) {
    const entry = TABLE[name];
    if (!entry) continue;
    if (entry.kind === "constant") {
      it(`${name} is data (${entry.why}), not a function`, () => expect(typeof value).not.toBe("function"));
      continue;
    }
    it(`${name}: every hostile call is answered with a valid result or a named RangeError/TypeError, within ${MAX_CALL_MS} ms`, () => {
      const outcomes = results.get(name) ?? [];
      if (entry.kind !== "not a model" || entry.calls().length > 0) expect(outcomes.length, "calls run").toBeGreaterThan(0);
      expect(outcomes.filter((o) => o.problem).map((o) => `${o.label}: ${o.problem}`)).toEqual([]);
    });
  }
});
