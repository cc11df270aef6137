/**
 * How a lab says whether its own result can be trusted. Every lab result
 * carries a `consistency` block: the facts the lab verified about its own
 * run (preconditions such as free file descriptors and the platform, and
 * counts that must agree, such as connections made and responses read), and,
 * when one of them failed, why the result is inconclusive. An inconclusive
 * result is still returned and saved, so the measure exercises can say why
 * they cannot grade it, but its numbers must not be read as a measurement of
 * the lesson: the CLI prints the reason first and exits with status 2.
 *
 * A check verifies that the experiment ran as designed (every connection was
 * made, accepted and closed by the side meant to close it, every count
 * matches the connections made); it never compares the outcome with the
 * model, so an honest surprise is a result, not an inconclusive one.
 */

/** The block every lab result carries. */
export interface Consistency {
  /** true when every check passed and nothing made the result inconclusive */
  ok: boolean;
  /** what was verified, in order ("500 connections made, 500 accepted by the server"); a failed one starts with "failed: " */
  checks: string[];
  /** why the result must not be trusted: the first failed check, and how many more failed (absent when ok) */
  inconclusive?: string;
}

/** "1 socket", "20 sockets": a count with its noun for a check's sentence. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The exit status of `npm run workbook -- lab <name>` when the result is inconclusive. */
export const LAB_INCONCLUSIVE_EXIT = 2;

/** Collects a lab's checks while it runs; `result()` turns them into the `consistency` block. */
export class ConsistencyLog {
  private readonly lines: string[] = [];
  private readonly failures: string[] = [];

  /** Records a fact that holds (a precondition observed, a count that matched). */
  note(fact: string): void {
    this.lines.push(fact);
  }

  /** Records a failed check: `reason` says why the result cannot be trusted. */
  fail(reason: string): void {
    this.lines.push(`failed: ${reason}`);
    this.failures.push(reason);
  }

  /** Records `fact` when `ok`, else `reason` as a failure; returns `ok`. */
  verify(ok: boolean, fact: string, reason: string = fact): boolean {
    if (ok) this.note(fact);
    else this.fail(reason);
    return ok;
  }

  /** True once any check has failed. */
  get failed(): boolean {
    return this.failures.length > 0;
  }

  result(): Consistency {
    const c: Consistency = { ok: this.failures.length === 0, checks: [...this.lines] };
    if (!c.ok) {
      const more = this.failures.length - 1;
      c.inconclusive = this.failures[0] + (more > 0 ? ` (and ${more} more failed check${more > 1 ? "s" : ""})` : "");
    }
    return c;
  }
}

/** Thrown inside a lab when it finds it cannot measure what it is built to measure; the lab returns an inconclusive result. */
export class LabInconclusiveError extends Error {
  readonly code = "ERR_LAB_INCONCLUSIVE";
  constructor(reason: string) {
    super(reason);
    this.name = "LabInconclusiveError";
  }
}

const DESCRIPTOR_ERRORS: Record<string, string> = {
  EMFILE: "this process ran out of file descriptors (EMFILE: too many open files; raise `ulimit -n`)",
  ENFILE: "the system ran out of file descriptors (ENFILE: file table overflow)",
};

/** Why `err` means the lab could not measure (out of descriptors, or a LabInconclusiveError), or undefined for any other error. */
export function inconclusiveCause(err: unknown): string | undefined {
  if (err instanceof LabInconclusiveError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && code in DESCRIPTOR_ERRORS) {
    const syscall = (err as NodeJS.ErrnoException).syscall;
    return `${DESCRIPTOR_ERRORS[code]}${syscall ? ` in ${syscall}` : ""} while the lab was measuring`;
  }
  return undefined;
}

/**
 * Settles like `work`, except that an error meaning the lab could not
 * measure (see inconclusiveCause) is recorded in `log` and turned into the
 * lab's inconclusive result, `notMeasured(reason)`. Any other error (a bad
 * option, the deadline) is thrown as before.
 */
export async function orInconclusive<T>(work: Promise<T>, log: ConsistencyLog, notMeasured: (reason: string) => T): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const reason = inconclusiveCause(err);
    if (reason === undefined) throw err;
    log.fail(reason);
    return notMeasured(reason);
  }
}

/** The inconclusive reason of any lab result (a saved one too), or undefined when it is conclusive or has no consistency block. */
export function inconclusiveReason(result: unknown): string | undefined {
  const c = (result as { consistency?: Partial<Consistency> } | null | undefined)?.consistency;
  if (!c || typeof c !== "object") return undefined;
  if (typeof c.inconclusive === "string" && c.inconclusive) return c.inconclusive;
  return c.ok === false ? "a consistency check failed" : undefined;
}

/** The lines a report opens with when its result is inconclusive (none otherwise); `measured` false: the lab measured nothing. */
export function inconclusiveBanner(c: Consistency | undefined, measured = true): string[] {
  if (!c || c.ok) return [];
  return [
    `INCONCLUSIVE: ${c.inconclusive ?? "a consistency check failed"}`,
    measured
      ? "  the numbers below do not measure what this lab is built to show: do not use them; fix the cause and run the lab again"
      : "  nothing was measured: fix the cause and run the lab again",
  ];
}

/** The lines a report ends with: what the lab verified about its own run. */
export function consistencyLines(c: Consistency | undefined): string[] {
  if (!c) return [];
  const head = c.ok ? `consistency: ok (${c.checks.length} checks)` : "consistency: INCONCLUSIVE";
  return [head, ...c.checks.map((line) => `  - ${line}`)];
}
