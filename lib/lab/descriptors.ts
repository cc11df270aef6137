/**
 * The file-descriptor budget of a lab: every socket and listening server is
 * one descriptor, and a process under a low `ulimit -n` that runs out does
 * not fail cleanly. connect() fails with EMFILE, and worse, node's accept()
 * takes a connection it has no descriptor for and closes it at once (libuv's
 * "EMFILE trick"), so the server seems to close first: a lab about who
 * closes first would then measure the opposite of its lesson. So a lab reads
 * the soft limit (/proc/self/limits on Linux; node has already raised it to
 * the hard limit at start) and the descriptors already open (/proc/self/fd,
 * or /dev/fd), and opens no more at once than fit, keeping a few in reserve
 * for node itself (a file read, the loopback RTT probe). Where the limit
 * cannot be read, it runs as asked and relies on catching EMFILE.
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { messages, type Localized } from "../i18n";
import type { ConsistencyLog } from "./consistency";

const say = messages("lab/descriptors", {
  unlimited: { en: "unlimited", ko: "무제한" },
  sourceOption: { en: "fdLimit option", ko: "fdLimit 옵션" },
  sourceUnknown: { en: "unknown", ko: "알 수 없음" },
  budget: {
    en: "descriptor limit {limit} ({source}), {open} open, {free} free",
    ko: "디스크립터 한도 {limit} ({source}), 사용 중 {open}, 여유 {free}",
  },
  limitUnknown: {
    en: "descriptor limit unknown on this platform (no /proc/self/limits): {what} opens up to {need} at once; an EMFILE would make the result inconclusive",
    ko: "이 플랫폼에서는 디스크립터 한도를 알 수 없습니다(/proc/self/limits 없음): {what}은(는) 한 번에 최대 {need}개를 엽니다. EMFILE이 나면 결과는 판정 불가가 됩니다",
  },
  enough: {
    en: "{budget}: {what} needs at most {need} at once, plus {reserve} kept in reserve",
    ko: "{budget}: {what}에는 한 번에 최대 {need}개, 그리고 예비로 {reserve}개가 필요합니다",
  },
  tooFew: {
    en: "too few file descriptors: {budget}, and {what} needs {need} at once plus {reserve} in reserve (raise `ulimit -n`)",
    ko: "파일 디스크립터가 부족합니다: {budget}. {what}에는 한 번에 {need}개와 예비 {reserve}개가 필요합니다 (`ulimit -n`을 올리세요)",
  },
  oneConnection: { en: "the lab (one connection at a time)", ko: "이 실험(한 번에 커넥션 하나)" },
});

/** The `what` of most labs' descriptor check: "the lab (one connection at a time)". */
export function oneConnectionAtATime(): Localized {
  return say.oneConnection();
}

/** Descriptors left free for node's own use while a lab runs (a file read, a timer's handle, ...). */
export const DESCRIPTOR_RESERVE = 6;

export interface DescriptorBudget {
  /** the soft limit on open descriptors the lab plans for (Infinity: unlimited; null: unknown) */
  limit: number | null;
  /** where `limit` came from */
  source: "/proc/self/limits" | "fdLimit option" | "unknown";
  /** descriptors this process holds open now (null: cannot be counted here) */
  open: number | null;
  /** limit - open (null when either is unknown) */
  free: number | null;
}

/** The soft "Max open files" limit from the text of /proc/<pid>/limits (Infinity for "unlimited"); null when absent or malformed. */
export function parseOpenFilesLimit(text: string): number | null {
  const match = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text);
  if (!match) return null;
  if (match[1] === "unlimited") return Infinity;
  const soft = Number(match[1]);
  return Number.isInteger(soft) && soft >= 0 ? soft : null;
}

/** This process's soft descriptor limit, or null when /proc does not say (not Linux). */
export function readDescriptorLimit(procDir = "/proc"): number | null {
  try {
    return parseOpenFilesLimit(readFileSync(path.join(procDir, "self/limits"), "utf8"));
  } catch {
    return null;
  }
}

/** How many descriptors this process holds open now, or null when no fd folder can be listed. */
export function openDescriptors(procDir = "/proc"): number | null {
  for (const dir of [path.join(procDir, "self/fd"), "/dev/fd"]) {
    try {
      // listing the folder opens one descriptor, which the listing includes
      return Math.max(0, readdirSync(dir).length - 1);
    } catch {
      // try the next place
    }
  }
  return null;
}

/**
 * The budget a lab plans with: the process's soft limit, or `fdLimit` when
 * that is lower (tests simulate a low `ulimit -n` with it), and the
 * descriptors open now.
 */
export function descriptorBudget(options: { fdLimit?: number; procDir?: string } = {}): DescriptorBudget {
  const real = readDescriptorLimit(options.procDir);
  const open = openDescriptors(options.procDir);
  let limit: number | null = real;
  let source: DescriptorBudget["source"] = real === null ? "unknown" : "/proc/self/limits";
  if (options.fdLimit !== undefined && (real === null || options.fdLimit < real)) {
    limit = options.fdLimit;
    source = "fdLimit option";
  }
  const free = limit === null || open === null ? null : limit - open;
  return { limit, source, open, free };
}

/** A one-line account of the budget ("descriptor limit 40 (/proc/self/limits), 19 open, 21 free"). */
export function describeBudget(b: DescriptorBudget): Localized {
  const limit = b.limit === Infinity ? say.unlimited() : String(b.limit);
  const source = b.source === "fdLimit option" ? say.sourceOption() : b.source === "unknown" ? say.sourceUnknown() : b.source;
  return say.budget({ limit, source, open: b.open ?? "?", free: b.free === Infinity ? say.unlimited() : String(b.free) });
}

/**
 * How many units of `perUnit` descriptors fit beside `fixed` ones and the
 * reserve (Infinity when the budget is unknown or unlimited).
 */
export function unitsThatFit(b: DescriptorBudget, fixed: number, perUnit: number): number {
  if (b.free === null || b.free === Infinity) return Infinity;
  return Math.max(0, Math.floor((b.free - DESCRIPTOR_RESERVE - fixed) / perUnit));
}

/**
 * Checks that `need` descriptors (the most the lab holds at once) fit in the
 * budget with the reserve, and records the check in `log`; false (a failed
 * check naming the numbers) when they do not.
 */
export function requireDescriptors(log: ConsistencyLog, b: DescriptorBudget, need: number, what: Localized): boolean {
  if (b.free === null) {
    log.note(say.limitUnknown({ what, need }));
    return true;
  }
  const enough = b.free - DESCRIPTOR_RESERVE >= need;
  const budget = describeBudget(b);
  return log.verify(
    enough,
    say.enough({ budget, what, need, reserve: DESCRIPTOR_RESERVE }),
    say.tooFew({ budget, what, need, reserve: DESCRIPTOR_RESERVE }),
  );
}
