/**
 * Tiered hints (rustlings style): the first asks a question that points the
 * way, each next one says more, and only the last outlines the method. The
 * highest tier a student has opened is remembered in .workbook/hints.json;
 * `grade` reports it beside the score (it never changes the score).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { messages, tr } from "../i18n";
import { findExercise } from "./catalogue";
import { ROOT } from "./paths";
import { kindName } from "./progress";
import { saveRecord } from "../write-atomic";

const say = messages("workbook/hints", {
  tier: { en: "Hint {n} of {total}: {hint}", ko: "힌트 {n}/{total}: {hint}" },
  more: {
    en: '(More: npm run workbook -- hint {id} --more, or hint("{id}", true) in a notebook.)',
    ko: '(다음 힌트: npm run workbook -- hint {id} --more, 노트북에서는 hint("{id}", true))',
  },
  header: {
    en: "{id} {title} ({kind}, {file}, export {name}, {points} points)",
    ko: "{id} {title} ({kind}, {file}, export {name}, {points}점)",
  },
});

export const HINTS_FILE = path.join(ROOT, ".workbook", "hints.json");

/**
 * exercise id → highest hint tier opened (1-based). The file may come from a
 * submission: only a small regular file is read, and only whole tiers >= 0 kept.
 */
export function hintsUsed(file = HINTS_FILE): Record<string, number> {
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 64 * 1024) return {};
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    if (j === null || typeof j !== "object" || Array.isArray(j)) return {};
    return Object.fromEntries(
      Object.entries(j).filter(([, n]) => Number.isInteger(n) && (n as number) >= 0 && (n as number) < 100),
    ) as Record<string, number>;
  } catch {
    return {};
  }
}

/**
 * The hints a student may read now: every tier opened so far (at least the
 * first); `more` opens the next one. Returns the text and records the tier.
 */
export function openHints(id: string, more = false): string {
  const ex = findExercise(id);
  const used = hintsUsed();
  const shown = Math.min(ex.hints.length, Math.max(1, used[ex.id] ?? 0) + (more && used[ex.id] ? 1 : 0));
  used[ex.id] = Math.max(used[ex.id] ?? 0, shown);
  saveRecord(HINTS_FILE, JSON.stringify(used, null, 2));
  const lines = ex.hints.slice(0, shown).map((h, i) => say.tier({ n: i + 1, total: ex.hints.length, hint: tr(h) }));
  const next = shown < ex.hints.length ? `\n${say.more({ id: ex.id })}` : "";
  return `${lines.join("\n")}${next}`;
}

/** `hint("4.2c")` in a notebook cell; `hint("4.2c", true)` opens the next tier. */
export function hint(id: string, more = false): void {
  const ex = findExercise(id);
  const header = say.header({
    id: ex.id,
    title: tr(ex.title),
    kind: kindName(ex.kind),
    file: `exercises/${ex.file}`,
    name: ex.export,
    points: ex.points,
  });
  console.log(`${header}\n${openHints(id, more)}`);
}
