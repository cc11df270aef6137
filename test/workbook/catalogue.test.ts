// The catalogue is the single source of truth: everything it names must exist,
// and every exercise file must export what the catalogue names.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogue, sections } from "../../lib/workbook/catalogue";
import { casesOf } from "../../lib/workbook/run-check";
import { ROOT } from "../../lib/workbook/paths";

describe("exercise catalogue", () => {
  it("has unique ids of the form <section><letter>", () => {
    const ids = catalogue.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of catalogue) {
      expect(e.id).toBe(`${e.section}${e.id.slice(e.section.length)}`);
      expect(e.id).toMatch(/^\d\.\d[a-z]$/);
    }
  });

  for (const e of catalogue) {
    it(`${e.id}: stub, public cases, hint and allowed imports exist`, () => {
      const stub = fs.readFileSync(path.join(ROOT, "exercises", e.file), "utf8");
      expect(stub).toMatch(new RegExp(`export function ${e.export}\\b`));
      // (whether the committed stub is still a stub is .ci/run's job: scripts/check-stubs.ts)
      const cases = casesOf(e, false);
      // a predict exercise has one answer; a measure exercise builds its cases from the student's lab result
      expect(cases.public.length + (cases.spec.fromLab ? 1 : 0)).toBeGreaterThanOrEqual(e.kind === "implement" ? 3 : 1);
      for (const c of cases.public) expect("expect" in c || c.throws !== undefined).toBe(true);
      expect(e.hints.length).toBeGreaterThanOrEqual(1);
      // every text a student reads is there in both languages, the Korean in Hangul
      for (const t of [e.title, ...e.hints]) {
        expect(t.en.trim().length, JSON.stringify(t)).toBeGreaterThan(0);
        expect(t.ko, JSON.stringify(t)).toMatch(/[\uac00-\ud7a3]/);
      }
      for (const h of e.hints) expect(Math.min(h.en.length, h.ko.length), h.en).toBeGreaterThan(20);
      expect(e.points).toBeGreaterThan(0);
      expect(["implement", "predict", "measure"]).toContain(e.kind);
      for (const m of e.imports ?? []) expect(fs.existsSync(path.join(ROOT, `${m}.ts`))).toBe(true);
      expect(sections.map((s) => s.id)).toContain(e.section);
    });
  }

  for (const s of sections) {
    it(`section ${s.id} has its notebook, which calls check() for each of its exercises`, () => {
      expect(s.title.ko).toMatch(/[\uac00-\ud7a3]/);
      const nb = fs.readFileSync(path.join(ROOT, "notebooks", s.notebook), "utf8");
      for (const e of catalogue.filter((x) => x.section === s.id)) expect(nb).toContain(`check(\\"${e.id}\\")`);
    });
  }
});
