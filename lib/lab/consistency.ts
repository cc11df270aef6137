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
 *
 * The checks and the reason are sentences in the reader's language at the
 * time the lab ran (lib/i18n.ts): the log takes only `Localized` text.
 */
import { messages, type Localized, type Message } from "../i18n";

const say = messages("lab/consistency", {
  failed: { en: "failed: {reason}", ko: "실패: {reason}" },
  moreOne: { en: " (and {n} more failed check)", ko: " (실패한 검사가 {n}개 더 있음)" },
  moreMany: { en: " (and {n} more failed checks)", ko: " (실패한 검사가 {n}개 더 있음)" },
  checkFailed: { en: "a consistency check failed", ko: "일관성 검사 하나가 실패했습니다" },
  banner: { en: "INCONCLUSIVE: {reason}", ko: "판정 불가(INCONCLUSIVE): {reason}" },
  doNotUse: {
    en: "  the numbers below do not measure what this lab is built to show: do not use them; fix the cause and run the lab again",
    ko: "  아래 숫자는 이 실험이 보여 주려는 것을 측정한 값이 아닙니다. 쓰지 말고, 원인을 고친 뒤 실험을 다시 실행하세요",
  },
  nothingMeasured: {
    en: "  nothing was measured: fix the cause and run the lab again",
    ko: "  아무것도 측정하지 못했습니다. 원인을 고친 뒤 실험을 다시 실행하세요",
  },
  consistencyOk: { en: "consistency: ok ({n} checks)", ko: "일관성: 통과 (검사 {n}개)" },
  consistencyBad: { en: "consistency: INCONCLUSIVE", ko: "일관성: 판정 불가(INCONCLUSIVE)" },
  emfile: {
    en: "this process ran out of file descriptors (EMFILE: too many open files; raise `ulimit -n`)",
    ko: "이 프로세스의 파일 디스크립터가 바닥났습니다 (EMFILE: too many open files. `ulimit -n`을 올리세요)",
  },
  enfile: {
    en: "the system ran out of file descriptors (ENFILE: file table overflow)",
    ko: "시스템 전체의 파일 디스크립터가 바닥났습니다 (ENFILE: file table overflow)",
  },
  causeIn: { en: "{error} in {syscall} while the lab was measuring", ko: "{error}: 실험이 측정하던 중 {syscall}에서 일어났습니다" },
  cause: { en: "{error} while the lab was measuring", ko: "{error}: 실험이 측정하던 중에 일어났습니다" },
  socketOne: { en: "{n} socket", ko: "소켓 {n}개" },
  socketMany: { en: "{n} sockets", ko: "소켓 {n}개" },
  connectionOne: { en: "{n} connection", ko: "커넥션 {n}개" },
  connectionMany: { en: "{n} connections", ko: "커넥션 {n}개" },
});

/** The block every lab result carries. */
export interface Consistency {
  /** true when every check passed and nothing made the result inconclusive */
  ok: boolean;
  /** what was verified, in order ("500 connections made, 500 accepted by the server"), in the language the lab ran in; a failed one starts with "failed: " ("실패: ") */
  checks: string[];
  /** why the result must not be trusted: the first failed check, and how many more failed (absent when ok) */
  inconclusive?: string;
}

/** "1 socket", "20 sockets" ("소켓 20개"): a count with its noun for a check's sentence; `one` and `many` take `{n}`. */
export function counted(n: number, one: Message, many: Message): Localized {
  return (n === 1 ? one : many)({ n });
}

/** "1 socket", "3 sockets" */
export const sockets = (n: number): Localized => counted(n, say.socketOne, say.socketMany);
/** "1 connection", "3 connections" */
export const connections = (n: number): Localized => counted(n, say.connectionOne, say.connectionMany);

/** The exit status of `npm run workbook -- lab <name>` when the result is inconclusive. */
export const LAB_INCONCLUSIVE_EXIT = 2;

/** Collects a lab's checks while it runs; `result()` turns them into the `consistency` block. */
export class ConsistencyLog {
  private readonly lines: string[] = [];
  private readonly failures: string[] = [];

  /** Records a fact that holds (a precondition observed, a count that matched). */
  note(fact: Localized): void {
    this.lines.push(fact);
  }

  /** Records a failed check: `reason` says why the result cannot be trusted. */
  fail(reason: Localized): void {
    this.lines.push(say.failed({ reason }));
    this.failures.push(reason);
  }

  /** Records `fact` when `ok`, else `reason` as a failure; returns `ok`. */
  verify(ok: boolean, fact: Localized, reason: Localized = fact): boolean {
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
      c.inconclusive = this.failures[0] + (more > 0 ? counted(more, say.moreOne, say.moreMany) : "");
    }
    return c;
  }
}

/** Thrown inside a lab when it finds it cannot measure what it is built to measure; the lab returns an inconclusive result. */
export class LabInconclusiveError extends Error {
  readonly code = "ERR_LAB_INCONCLUSIVE";
  readonly reason: Localized;
  constructor(reason: Localized) {
    super(reason);
    this.name = "LabInconclusiveError";
    this.reason = reason;
  }
}

const DESCRIPTOR_ERRORS: Record<string, Message> = { EMFILE: say.emfile, ENFILE: say.enfile };

/** Why `err` means the lab could not measure (out of descriptors, or a LabInconclusiveError), or undefined for any other error. */
export function inconclusiveCause(err: unknown): Localized | undefined {
  if (err instanceof LabInconclusiveError) return err.reason;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && Object.hasOwn(DESCRIPTOR_ERRORS, code)) {
    const error = DESCRIPTOR_ERRORS[code]();
    const syscall = (err as NodeJS.ErrnoException).syscall;
    return syscall ? say.causeIn({ error, syscall }) : say.cause({ error });
  }
  return undefined;
}

/**
 * Settles like `work`, except that an error meaning the lab could not
 * measure (see inconclusiveCause) is recorded in `log` and turned into the
 * lab's inconclusive result, `notMeasured(reason)`. Any other error (a bad
 * option, the deadline) is thrown as before.
 */
export async function orInconclusive<T>(work: Promise<T>, log: ConsistencyLog, notMeasured: (reason: Localized) => T): Promise<T> {
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
  return c.ok === false ? say.checkFailed() : undefined;
}

/** The lines a report opens with when its result is inconclusive (none otherwise); `measured` false: the lab measured nothing. */
export function inconclusiveBanner(c: Consistency | undefined, measured = true): Localized[] {
  if (!c || c.ok) return [];
  return [say.banner({ reason: c.inconclusive ?? say.checkFailed() }), measured ? say.doNotUse() : say.nothingMeasured()];
}

/** The lines a report ends with: what the lab verified about its own run. */
export function consistencyLines(c: Consistency | undefined): string[] {
  if (!c) return [];
  const head = c.ok ? say.consistencyOk({ n: c.checks.length }) : say.consistencyBad();
  return [head, ...c.checks.map((line) => `  - ${line}`)];
}
