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
import { ConsistencyLog } from "./consistency";

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
export function describeBudget(b: DescriptorBudget): string {
  const limit = b.limit === Infinity ? "unlimited" : String(b.limit);
  return `descriptor limit ${limit} (${b.source}), ${b.open ?? "?"} open, ${b.free === Infinity ? "unlimited" : b.free} free`;
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
export function requireDescriptors(log: ConsistencyLog, b: DescriptorBudget, need: number, what: string): boolean {
  if (b.free === null) {
    log.note(`descriptor limit unknown on this platform (no /proc/self/limits): ${what} opens up to ${need} at once; an EMFILE would make the result inconclusive`);
    return true;
  }
  const enough = b.free - DESCRIPTOR_RESERVE >= need;
  return log.verify(
    enough,
    `${describeBudget(b)}: ${what} needs at most ${need} at once, plus ${DESCRIPTOR_RESERVE} kept in reserve`,
    `too few file descriptors: ${describeBudget(b)}, and ${what} needs ${need} at once plus ${DESCRIPTOR_RESERVE} in reserve (raise \`ulimit -n\`)`,
  );
}
