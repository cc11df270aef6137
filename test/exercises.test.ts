// Grades every exercise of the catalogue against exercises/ (your work) in
// one run: a stub is "not started" (skipped), anything else passes or fails
// with the grader's message. The reference solutions are graded by the
// teacher's tests (test/teacher/), which a student copy does not have.
// vitest pins English for the tests; `npm test` passes the student's own
// language (WORKBOOK_STUDENT_LANG), so these names and verdicts follow it.
import { beforeAll, describe, it } from "vitest";
import { LANGUAGES, messages, setLanguage, tr, type Language } from "../lib/i18n";
import { catalogue } from "../lib/workbook/catalogue";
import { checkExercises } from "../lib/workbook/check";
import { formatVerdict, type Verdict } from "../lib/workbook/verdict";

const say = messages("test/exercises", { notStarted: { en: "not started: {message}", ko: "시작 전: {message}" } });

const student = process.env.WORKBOOK_STUDENT_LANG;
if ((LANGUAGES as readonly string[]).includes(student ?? "")) setLanguage(student as Language);

describe("your exercises (exercises/)", () => {
  const verdicts = new Map<string, Verdict>();
  beforeAll(async () => {
    for (const v of await checkExercises(catalogue.map((e) => e.id))) verdicts.set(v.id, v);
  }, 300_000);

  for (const ex of catalogue) {
    it(`${ex.id} ${tr(ex.title)}`, (ctx) => {
      const v = verdicts.get(ex.id)!;
      if (v.status === "not-started") ctx.skip(say.notStarted({ message: v.message }));
      if (v.status !== "passed") throw new Error(formatVerdict(v, ex.title));
    });
  }
});
