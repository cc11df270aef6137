/**
 * Property tests (fast-check) for the header models: stripHopByHop against a
 * hop-by-hop set the test computes on its own, and round trips through
 * parseConnectionHeader and parseKeepAlive (including the Keep-Alive fields
 * simulateKeepAlive writes). A failure prints the seed and the shrunk
 * counterexample; FC_SEED=<n> reruns with another seed.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseConnectionHeader } from "../../lib/http/connection-header";
import type { HeaderObject, HeaderPairs } from "../../lib/http/header-fields";
import { stripHopByHop } from "../../lib/http/hop-by-hop";
import { simulateKeepAlive } from "../../lib/http/keep-alive";
import { parseKeepAlive } from "../../lib/http/keep-alive-header";

const SEED = Number(process.env.FC_SEED ?? 42_024);
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED });

/** RFC 9110 7.6.1's fixed list plus Trailer, written out here rather than imported. */
const FIXED_HOP_BY_HOP = ["connection", "proxy-connection", "keep-alive", "te", "transfer-encoding", "upgrade", "trailer"];

/** A token (RFC 9110 5.6.2): 1*tchar. */
const token = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,7}$/), fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,6}$/));
/** The same name in a random mix of cases. */
const anyCase = (names: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(names, fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }))
    .map(([n, up]) => [...n].map((c, i) => (up[i % up.length] ? c.toUpperCase() : c.toLowerCase())).join(""));
/** The separator between list elements: a comma with optional whitespace, sometimes with empty elements. */
const separator = fc.constantFrom(",", ", ", " ,", "\t,\t", ",,", ", ,", " , , ");
/** The optional whitespace and empty elements a list may start or end with. */
const edge = fc.constantFrom("", "", " ", "\t", ", ", " ,");

/** Joins elements with random separators and edges, as a sender might write them. */
function listOf(elements: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fc
    .tuple(elements, fc.array(separator, { minLength: 12, maxLength: 12 }), edge, edge)
    .map(([items, seps, head, tail]) => head + items.map((x, i) => (i === 0 ? x : seps[i % seps.length] + x)).join("") + tail);
}

/** Several field lines of one list field: the elements split at random points. */
function fieldLines(elements: string[], cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (elements.length + 1)))].sort((a, b) => a - b);
  const lines: string[] = [];
  let start = 0;
  for (const c of [...at, elements.length]) {
    lines.push(elements.slice(start, c).join(", "));
    start = c;
  }
  return lines;
}

// ---- stripHopByHop -----------------------------------------------------------

const fieldName = fc.oneof(
  { arbitrary: anyCase(fc.constant("Connection")), weight: 2 },
  anyCase(fc.constantFrom(...FIXED_HOP_BY_HOP)),
  anyCase(
    fc.constantFrom(
      "Host",
      "Accept",
      "Content-Length",
      "Set-Cookie",
      "Via",
      "Proxy-Authorization",
      "Proxy-Authenticate",
      "Trailers",
      "TE2",
      "X-Hop",
      "Meter",
    ),
  ),
  fc.constantFrom("__proto__", "constructor", "toString", "hasOwnProperty"),
  token,
);
/** Connection lists name other fields of the message, options, close and keep-alive. */
const connectionValue = (names: string[]) =>
  listOf(fc.array(anyCase(fc.oneof(fc.constantFrom(...names, "close", "keep-alive", "X-Hop", "upgrade"), token)), { maxLength: 5 }));
const otherValue = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("", "close", "a, b", "x=1; y=2"));

/** Headers as pairs (wire order, repeats allowed) or as an object (a value per name, sometimes an array). */
const headerInput: fc.Arbitrary<HeaderPairs | HeaderObject> = fc
  .array(fieldName, { maxLength: 10 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.tuple(...names.map((n) => (n.toLowerCase() === "connection" ? connectionValue(names) : otherValue))),
      fc.boolean(),
      fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }),
    ),
  )
  .map(([names, values, asPairs, asArray]) => {
    if (asPairs) return names.map((n, i): [string, string] => [n, values[i]]);
    const obj: HeaderObject = {};
    names.forEach((n, i) => {
      const prev = Object.hasOwn(obj, n) ? obj[n] : undefined;
      const value = asArray[i] ? [...(prev === undefined ? [] : Array.isArray(prev) ? prev : [prev]), values[i]] : values[i];
      // defineProperty: a "__proto__" name stays an own, plain field
      Object.defineProperty(obj, n, { value, enumerable: true, writable: true, configurable: true });
    });
    return obj;
  });

/** The test's own reading: every name listed in any Connection field line, lower-cased, plus the fixed list. */
function expectedDrop(lines: Array<[string, string | string[]]>): Set<string> {
  const drop = new Set(FIXED_HOP_BY_HOP);
  for (const [name, value] of lines) {
    if (name.toLowerCase() !== "connection") continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      for (const item of v.split(",")) if (item.trim() !== "") drop.add(item.trim().toLowerCase());
    }
  }
  return drop;
}

describe("stripHopByHop: properties", () => {
  it("drops every hop-by-hop field (fixed list and Connection's), keeps the rest as they were, never mutates its input", () => {
    fc.assert(
      fc.property(headerInput, (headers) => {
        const asPairs = Array.isArray(headers);
        const entries: Array<[string, string | string[]]> = asPairs ? (headers as HeaderPairs) : Object.entries(headers);
        const before = JSON.stringify(entries);
        const drop = expectedDrop(entries);

        const out = stripHopByHop(headers);
        expect(JSON.stringify(asPairs ? headers : Object.entries(headers)), "input mutated").toBe(before);
        expect(Array.isArray(out)).toBe(asPairs);
        const outEntries: Array<[string, string | string[]]> = asPairs ? (out as HeaderPairs) : Object.entries(out);
        // never keeps a hop-by-hop field
        expect(outEntries.filter(([n]) => drop.has(n.toLowerCase())).map(([n]) => n)).toEqual([]);
        // keeps everything else: same names, values and order
        expect(outEntries).toEqual(entries.filter(([n]) => !drop.has(n.toLowerCase())));
        if (!asPairs) expect(Object.keys(out)).toEqual(outEntries.map(([n]) => n)); // no field lost to the prototype

        // fresh containers: changing the result does not reach the input
        expect(out).not.toBe(headers);
        for (const [, v] of outEntries) if (Array.isArray(v)) v.push("changed");
        if (asPairs) for (const pair of out as HeaderPairs) pair[1] = "changed";
        expect(JSON.stringify(asPairs ? headers : Object.entries(headers)), "result shares containers with the input").toBe(before);
      }),
      runs(200),
    );
  });

  it("is idempotent: stripping twice is stripping once", () => {
    fc.assert(
      fc.property(headerInput, (headers) => {
        const once = stripHopByHop(headers);
        expect(stripHopByHop(once)).toEqual(once);
      }),
      runs(100),
    );
  });
});

// ---- parseConnectionHeader -------------------------------------------------------

const connectionTokens = fc.array(anyCase(fc.oneof(token, fc.constantFrom("close", "keep-alive", "Upgrade"))), { maxLength: 8 });

/** What the parse must give: each token lower-cased, once, in first-seen order. */
const canonical = (tokens: string[]) => [...new Set(tokens.map((t) => t.toLowerCase()))];

describe("parseConnectionHeader: properties", () => {
  it("reads back the tokens written, however they are spaced, cased or split over field lines", () => {
    fc.assert(
      fc.property(
        connectionTokens,
        fc.array(separator, { minLength: 8, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        (tokens, seps, cuts) => {
          const expected = canonical(tokens);
          const written = tokens.map((t, i) => (i === 0 ? t : seps[i % seps.length] + t)).join("");
          const one = parseConnectionHeader(written);
          expect(one.tokens).toEqual(expected);
          expect(one.close).toBe(expected.includes("close"));
          expect(one.keepAlive).toBe(expected.includes("keep-alive"));
          // the same list over several field lines means the same (RFC 9110 5.3)
          expect(parseConnectionHeader(fieldLines(tokens, cuts))).toEqual(one);
          // the parsed form written back canonically parses to itself
          expect(parseConnectionHeader(one.tokens.join(", "))).toEqual(one);
        },
      ),
      runs(200),
    );
  });

  it("rejects a list with an element that is not a token", () => {
    const notToken = fc.constantFrom("a b", "x/y", "x=y", '"quoted"', "a;b", "(c)", "é", "a\u0000b", "[v]");
    fc.assert(
      fc.property(connectionTokens, notToken, fc.nat(), (tokens, bad, at) => {
        const items = [...tokens];
        items.splice(at % (items.length + 1), 0, bad);
        expect(() => parseConnectionHeader(items.join(", "))).toThrow(RangeError);
      }),
      runs(100),
    );
  });
});

// ---- parseKeepAlive ------------------------------------------------------------------

/** Writes a quoted-string, escaping quotes and backslashes (and, when asked, every character). */
const quote = (s: string, escapeAll: boolean) => `"${[...s].map((c) => (escapeAll || c === '"' || c === "\\" ? `\\${c}` : c)).join("")}"`;

interface KeepAliveParam {
  name: string;
  /** null: written without "=" */
  value: string | null;
  quoted: boolean;
  escapeAll: boolean;
  spaced: boolean;
}
const otherParam: fc.Arbitrary<KeepAliveParam> = fc.record({
  name: anyCase(token.filter((t) => !["timeout", "max"].includes(t.toLowerCase()))),
  value: fc.oneof(fc.constant(null), token, fc.string({ maxLength: 10 }), fc.constantFrom("a,b", 'say "hi"', "c:\\dir", " x ", "=", "")),
  quoted: fc.boolean(),
  escapeAll: fc.boolean(),
  spaced: fc.boolean(),
});
const count = fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.maxSafeNat());

function writeParam(p: KeepAliveParam): string {
  if (p.value === null) return p.name;
  // a value that is not a token must be quoted
  const v = p.quoted || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(p.value) ? quote(p.value, p.escapeAll) : p.value;
  return p.spaced ? `${p.name} = ${v}` : `${p.name}=${v}`;
}

describe("parseKeepAlive: properties", () => {
  it("reads back timeout, max and every other parameter as written (first value of a repeated name)", () => {
    fc.assert(
      fc.property(
        fc.option(count, { nil: undefined }),
        fc.option(count, { nil: undefined }),
        fc.array(otherParam, { maxLength: 5 }),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.array(separator, { minLength: 8, maxLength: 8 }),
        (timeout, max, others, shift, cuts, seps) => {
          const items = others.map(writeParam);
          // timeout and max go anywhere in the list, in any case
          if (timeout !== undefined) items.splice(shift % (items.length + 1), 0, `Timeout=${timeout}`);
          if (max !== undefined) items.splice((shift >> 3) % (items.length + 1), 0, `MAX=${max}`);
          const expectedParams: Record<string, string | null> = {};
          for (const p of others)
            if (!Object.hasOwn(expectedParams, p.name.toLowerCase())) {
              Object.defineProperty(expectedParams, p.name.toLowerCase(), { value: p.value, enumerable: true });
            }

          const parsed = parseKeepAlive(items.map((x, i) => (i === 0 ? x : seps[i % seps.length] + x)).join(""));
          expect(parsed.timeoutSeconds).toBe(timeout);
          expect(parsed.max).toBe(max);
          expect(Object.entries(parsed.params)).toEqual(Object.entries(expectedParams));
          // several field lines: the same list
          const split = parseKeepAlive(fieldLines(items, cuts));
          expect([split.timeoutSeconds, split.max, Object.entries(split.params)]).toEqual([timeout, max, Object.entries(expectedParams)]);
        },
      ),
      runs(200),
    );
  });

  // Whole-second timeouts only: simulateKeepAlive accepts any finite timeoutSeconds >= 0, but with
  // 1.5 or 1e21 an HTTP/1.0 scenario throws from inside decidePersistence's parse of the field it
  // wrote ("timeout=1.5"), naming "timeout" rather than scenario.server.timeoutSeconds, while an
  // HTTP/1.1 one (no Keep-Alive field) runs. Reported to whoever owns argument validation.
  it("reads back the Keep-Alive fields simulateKeepAlive writes: the server's timeout and its countdown of max", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 1_000_000 })),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 10 }),
        (timeoutSeconds, max, gaps) => {
          let at = 0;
          const requests = gaps.map((g) => {
            at += g;
            return { atMs: at };
          });
          const run = simulateKeepAlive({ client: { version: "1.0" }, server: { timeoutSeconds, max }, requests });
          let seen = 0;
          for (const step of run.steps) {
            const field = step.response.headers.filter(([n]) => n.toLowerCase() === "keep-alive").map(([, v]) => v);
            if (field.length === 0) continue;
            seen++;
            const parsed = parseKeepAlive(field);
            expect(parsed.timeoutSeconds).toBe(timeoutSeconds);
            expect(parsed.max).toBe(max - step.requestOnConnection);
            expect(parsed.max).toBeGreaterThan(0);
            // and the Connection field next to it agrees
            const connection = step.response.headers.filter(([n]) => n.toLowerCase() === "connection").map(([, v]) => v);
            expect(parseConnectionHeader(connection).keepAlive).toBe(true);
            expect(step.keptOpen).toBe(true);
          }
          // a 1.0 client that asks each time is granted keep-alive on every response but a connection's last
          if (requests.length > 1 && max > 1) expect(seen).toBeGreaterThan(0);
        },
      ),
      runs(100),
    );
  });
});
