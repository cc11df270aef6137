// What makes a { en, ko } text complete, shared by the tests that read texts
// (lib's message tables, the catalogue, the checks, the scripts' tables).
import type { Text } from "../lib/i18n";

const HANGUL = /[\uac00-\ud7a3]/;
export const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What is wrong with one text, if anything; `where` names it in the failure. */
export function textProblems(where: string, text: unknown): string[] {
  if (text === null || typeof text !== "object") return [`${where}: not a { en, ko } text: ${JSON.stringify(text)}`];
  const { en, ko } = text as Partial<Text>;
  const problems: string[] = [];
  if (typeof en !== "string" || !en.trim()) problems.push(`${where}: no English`);
  if (typeof ko !== "string" || !ko.trim()) problems.push(`${where}: no Korean`);
  if (problems.length) return problems;
  if (placeholders(en!).join() !== placeholders(ko!).join()) {
    problems.push(`${where}: placeholders differ: en {${placeholders(en!)}} ko {${placeholders(ko!)}}`);
  }
  // a text with English words must have Korean words in its Korean version
  if (/[A-Za-z]{3,} [A-Za-z]{2,}/.test(en!.replace(/\{\w+\}/g, "")) && !HANGUL.test(ko!))
    problems.push(`${where}: the Korean is not Korean: ${JSON.stringify(ko)}`);
  if (en === ko) problems.push(`${where}: the same in both languages (use verbatim(), not a message)`);
  return problems;
}
