/**
 * Numbers the grader takes from the environment (a time limit, a heap cap,
 * a time budget). `Number(value) || fallback` took "-5" as -5 (every exercise
 * timed out at once), "1e400" as Infinity and "10s" silently as the default:
 * a value that is not a number in range is ignored with one line on stderr
 * naming the variable, what it must be and the value used instead.
 */
import { messages } from "../i18n";

const say = messages("workbook/env-number", {
  ignored: {
    en: "{name} is {value}, which is not a whole number from {min} to {max}; using {fallback}.",
    ko: "{name}이(가) {value}인데, {min}부터 {max}까지의 정수가 아닙니다. 대신 {fallback}을(를) 씁니다.",
  },
});

/** `process.env[name]` as a whole number within [min, max]; `fallback` when unset, empty or out of range (with a warning). */
export function envNumber(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  const shown = JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}...` : raw);
  console.warn(say.ignored({ name, value: shown, min, max, fallback }));
  return fallback;
}
