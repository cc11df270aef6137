/**
 * Judging one call, in the grader's process: what the student's function
 * gave back (a value or a thrown error, as the sandbox reported it) against
 * the case's literal expectation. A failure message teaches: the call, what
 * was expected, what came back, a named slip when one is recognisable, and
 * why it matters. For a hidden case it says why, never the answer.
 */
import { inspect } from "node:util";
import type { Case, ExerciseCases } from "./cases";

/** What the sandbox reports for one call. */
export interface CallResult {
  value?: unknown;
  threw?: { name: string; message: string; stack?: string; notImplemented?: boolean };
  /** the export is not a function in the student's file */
  missing?: boolean;
  /** the value could not be copied out of the child (a function, a symbol, ...) */
  unclonable?: string;
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

export const show = (v: unknown): string => inspect(v, { depth: 5, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 200 });

const clip = (s: string, max = 400) => (s.length > max ? `${s.slice(0, max)} …` : s);

/** How a call is written in feedback: `segmentCount(3000, 1460)`. */
export function callText(exportName: string, c: Case): string {
  return c.label ?? clip(`${exportName}(${c.args.map(show).join(", ")})`);
}

/** Deep equality where numbers may differ by `tolerance` and, optionally, undefined properties count as absent. */
export function sameValue(got: unknown, expected: unknown, tolerance = 0, ignoreUndefined = false): boolean {
  if (typeof expected === "number") {
    if (typeof got !== "number") return false;
    if (Number.isNaN(expected) || !Number.isFinite(expected)) return Object.is(got, expected) || (Number.isNaN(got) && Number.isNaN(expected));
    return Math.abs(got - expected) <= tolerance;
  }
  if (Array.isArray(expected)) {
    return Array.isArray(got) && got.length === expected.length && expected.every((e, i) => sameValue(got[i], e, tolerance, ignoreUndefined));
  }
  if (expected !== null && typeof expected === "object") {
    if (got === null || typeof got !== "object" || Array.isArray(got)) return false;
    const keys = (o: object) => Object.keys(o).filter((k) => !ignoreUndefined || (o as Record<string, unknown>)[k] !== undefined).sort();
    const [gk, ek] = [keys(got), keys(expected)];
    return gk.length === ek.length && ek.every((k, i) => k === gk[i] && sameValue((got as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tolerance, ignoreUndefined));
  }
  return Object.is(got, expected);
}

/** A recognisable slip, named for the student. */
function slip(got: unknown, expected: unknown): string | undefined {
  if (got === undefined && expected === null) return "return null, not undefined (undefined usually means a missing return).";
  if (typeof got === "number" && Number.isNaN(got)) return "NaN comes from arithmetic on undefined (a missing default, a misspelled property) or from 0 / 0.";
  if (typeof got === "string" && typeof expected === "number") return "a string came back where a number was expected (string concatenation instead of addition?).";
  if (typeof got === "number" && typeof expected === "number" && expected !== 0) {
    const r = got / expected;
    if (Math.abs(r - 8) < 1e-9 || Math.abs(r - 1 / 8) < 1e-9) return "off by a factor of 8: bits and bytes mixed up?";
    if (Math.abs(r - 1000) < 1e-9 || Math.abs(r - 1 / 1000) < 1e-9) return "off by a factor of 1000: seconds and milliseconds mixed up?";
    if (Number.isInteger(got) && Number.isInteger(expected) && Math.abs(got - expected) === 1) return "off by one: check where a count starts and whether the last step is counted.";
  }
  return undefined;
}

function failure(call: string, expected: string, got: string, why: string, hint?: string): Judgement {
  return { ok: false, message: `${call}\n  expected ${expected}\n  got      ${got}${hint ? `\n  slip?    ${hint}` : ""}\n  why it matters: ${why}` };
}

/** The case's own named slip for this wrong value, if the teacher wrote one. */
function knownSlip(c: Case, got: unknown, tolerance: number, ignoreUndefined?: boolean): string | undefined {
  return c.slips?.find((s) => sameValue(got, s.got, tolerance, ignoreUndefined))?.say;
}

/** Judges one call. `hidden`: the case is teacher-only, so neither its arguments nor its answer are shown. */
export function judge(exportName: string, spec: ExerciseCases, c: Case, r: CallResult, hidden: boolean): Judgement {
  const why = [c.why, spec.why].filter(Boolean).join(" ");
  const judged = judgeVisible(exportName, spec, c, r, why);
  if (judged.ok || !hidden) return judged;
  const named = r.threw || c.throws !== undefined ? undefined : knownSlip(c, r.value, c.tolerance ?? spec.tolerance ?? 0, spec.ignoreUndefined);
  return { ok: false, message: `a hidden case failed. What it tests: ${why}${named ? `\n  slip?    ${named}` : ""}` };
}

function judgeVisible(exportName: string, spec: ExerciseCases, c: Case, raw: CallResult, why: string): Judgement {
  const call = callText(exportName, c);
  // everything the child reports is the student's to shape: cut it to a readable size
  const r: CallResult = raw.threw
    ? { ...raw, threw: { ...raw.threw, name: clip(String(raw.threw.name), 100), message: clip(String(raw.threw.message), 2000), stack: raw.threw.stack && clip(String(raw.threw.stack), 2000) } }
    : raw;
  if (r.missing) return { ok: false, message: `the file has no function exported as "${exportName}".` };
  if (r.unclonable) return failure(call, "a plain value (numbers, strings, arrays, objects)", `something that cannot be copied: ${clip(String(r.unclonable), 300)}`, why);
  const tolerance = c.tolerance ?? spec.tolerance ?? 0;
  if (c.throws !== undefined) {
    if (r.threw?.name === c.throws) return OK;
    return failure(call, `a ${c.throws} to be thrown`, r.threw ? `${r.threw.name}: ${r.threw.message}` : `no error, but ${show(r.value)}`, why);
  }
  if (r.threw) {
    const trace = r.threw.stack ? `\n${r.threw.stack}` : "";
    return failure(call, show(c.expect), `an error was thrown: ${r.threw.name}: ${r.threw.message}${trace}`, why);
  }
  if (!sameValue(r.value, c.expect, tolerance, spec.ignoreUndefined)) {
    const expected = tolerance > 0 ? `${show(c.expect)} (numbers ± ${tolerance})` : show(c.expect);
    return failure(call, expected, show(r.value), why, knownSlip(c, r.value, tolerance, spec.ignoreUndefined) ?? slip(r.value, c.expect));
  }
  if (spec.pure) {
    if (r.argsAfter && !sameValue(r.argsAfter, c.args)) {
      return failure(`${call}: the arguments after the call`, "unchanged", show(r.argsAfter),
        "the caller still needs what it passed in (to log it, or to retry); changing it is a bug that shows up far away.");
    }
    if (r.returnedArg !== undefined && r.returnedArg >= 0) {
      return failure(call, "a new object", "the very object it was given",
        "returning the caller's own object invites the caller to change both at once.");
    }
  }
  return OK;
}
