/**
 * Progress: which exercises are done, how many points, and what to do next
 * (rustlings style). Works on verdicts from runChecks or from the last test run.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { language, messages, tr, type Localized, type Text } from "../i18n";
import { catalogue, type Exercise, findSection, pointsOf } from "./catalogue";
import { ROOT } from "./paths";
import { roundPoints, type Verdict } from "./verdict";

const say = messages("workbook/progress", {
  head: {
    en: "Exercises: {done}/{total} done, {points}/{maxPoints} points.",
    ko: "연습 문제: {done}/{total}개 완료, {points}/{maxPoints}점.",
  },
  changed: {
    en: "Changed since the last check: {files} (npm run workbook -- check <id> to grade them again).",
    ko: "마지막 채점 뒤에 바뀐 파일: {files} (다시 채점하려면 npm run workbook -- check <id>).",
  },
  allDone: { en: "All done!", ko: "모두 끝냈습니다!" },
  revisit: { en: "Tried, not passed yet: {ids}.", ko: "시도했지만 아직 통과하지 못한 문제: {ids}." },
  where: { en: " (notebook {notebook})", ko: " (노트북 {notebook})" },
  next: {
    en: 'Next: {id} "{title}" ({kind}) in {file}{where}. Stuck? npm run workbook -- hint {id}',
    ko: '다음 문제: {id} "{title}" ({kind}), 파일 {file}{where}. 막히면: npm run workbook -- hint {id}',
  },
  implement: { en: "implement", ko: "구현" },
  predict: { en: "predict", ko: "예측" },
  measure: { en: "measure", ko: "측정" },
});

/** An exercise's kind as a student reads it: "implement", or "구현" in Korean. */
export const kindName = (kind: Exercise["kind"]): Localized => say[kind]();

/**
 * The notebook of a section as the student should open it: the Korean one
 * (notebooks/ko/, same file name) when the language is Korean and it exists.
 */
export function notebookPath(notebook: string): string {
  const ko = path.join("notebooks", "ko", notebook);
  return language() === "ko" && fs.existsSync(path.join(ROOT, ko)) ? `notebooks/ko/${notebook}` : `notebooks/${notebook}`;
}

export interface Progress {
  done: number;
  total: number;
  points: number;
  maxPoints: number;
  /** exercises tried but not passed (failed or timed out), in catalogue order */
  revisit: string[];
  /** the first exercise in catalogue order that is not passed */
  next?: { id: string; title: Text; kind: Exercise["kind"]; file: string; notebook?: string };
}

export function summarize(verdicts: Verdict[]): Progress {
  const passed = new Set(verdicts.filter((v) => v.status === "passed" || v.status === "not-counted").map((v) => v.id));
  const nextEx = catalogue.find((e) => !passed.has(e.id));
  const points = verdicts.filter((v) => catalogue.some((e) => e.id === v.id)).reduce((s, v) => s + (v.score ?? 0), 0);
  const tried = new Set(verdicts.filter((v) => v.status === "failed" || v.status === "timed-out").map((v) => v.id));
  const section = nextEx && findSection(nextEx.section);
  return {
    revisit: catalogue.filter((e) => tried.has(e.id)).map((e) => e.id),
    done: passed.size,
    total: catalogue.length,
    points: roundPoints(points),
    maxPoints: pointsOf(catalogue),
    next: nextEx && {
      id: nextEx.id,
      title: nextEx.title,
      kind: nextEx.kind,
      file: `exercises/${nextEx.file}`,
      notebook: section && notebookPath(section.notebook),
    },
  };
}

/** `changed`: exercise files edited since their last check (their verdicts may be out of date). */
export function formatProgress(p: Progress, changed: string[] = []): string {
  const head =
    say.head({ done: p.done, total: p.total, points: p.points, maxPoints: p.maxPoints }) +
    (changed.length ? `\n${say.changed({ files: changed.join(", ") })}` : "");
  if (!p.next) return `${head} ${say.allDone()}`;
  const revisit = p.revisit.length ? `\n${say.revisit({ ids: p.revisit.join(", ") })}` : "";
  const where = p.next.notebook ? say.where({ notebook: p.next.notebook }) : "";
  return `${head}\n${say.next({ id: p.next.id, title: tr(p.next.title), kind: kindName(p.next.kind), file: p.next.file, where })}${revisit}`;
}
