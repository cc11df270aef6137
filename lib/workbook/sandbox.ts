/**
 * The trust boundary: student code runs in a child process, never in the
 * grader. The child
 *  - may read only its build folder (Node's permission model): no checks/,
 *    no solutions/, no writing files, no child processes, no workers;
 *  - has a memory cap (V8 heap, and the address space where prlimit exists);
 *  - runs in its own process group, killed when grading ends or times out,
 *    and when the grader dies: SIGTERM or SIGHUP (a closed terminal) end the
 *    children first, and where setpriv exists the kernel sends the child
 *    SIGKILL when its parent dies of anything (SIGKILL, a crash), so a
 *    student's endless loop never outlives its grader;
 *  - runs as an unprivileged user when the grader is root and
 *    WORKBOOK_SANDBOX_USER names one (the Gradescope autograder does this);
 *  - gets an empty environment (no tokens of the CI machine leak in), but
 *    for WORKBOOK_LANG: this process's language, so an error a lib model
 *    throws inside it reads in the student's language.
 * The child only answers calls with values; this side judges them, so
 * nothing the child sends, prints or exits with can make a verdict.
 */
import { spawn, type ChildProcess, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { language, messages } from "../i18n";
import { type CallResult, MAX_REPLY_BYTES } from "./compare";
import { envNumber } from "./env-number";

const say = messages("workbook/sandbox", {
  noSuchUser: {
    en: "WORKBOOK_SANDBOX_USER={name}: no such user on this machine",
    ko: "WORKBOOK_SANDBOX_USER={name}: 이 컴퓨터에 그런 사용자가 없습니다",
  },
  nestedTooDeeply: {
    en: "your code sent the grader a value it cannot read (nested too deeply); exercise code must return plain values.",
    ko: "코드가 채점기가 읽을 수 없는 값(너무 깊게 중첩된 값)을 보냈습니다. 연습 문제 코드는 평범한 값을 돌려주어야 합니다.",
  },
  couldNotStart: { en: "the sandbox could not start: {error}", ko: "샌드박스를 시작하지 못했습니다: {error}" },
  tooManyFiles: {
    en: "{error}: this process has no file descriptors left (raise the limit, ulimit -n)",
    ko: "{error}: 이 프로세스에 남은 파일 디스크립터가 없습니다(ulimit -n으로 한도를 올리세요)",
  },
  couldNotTalk: { en: "could not talk to the sandbox: {error}", ko: "샌드박스와 통신하지 못했습니다: {error}" },
  outOfMemory: {
    en: "your code used more memory than allowed ({mb} MB) and was stopped.",
    ko: "코드가 허용된 메모리({mb} MB)보다 많이 써서 중단되었습니다.",
  },
  signal: {
    en: "the process running your code was stopped by {signal}.",
    ko: "코드를 실행하던 프로세스가 {signal} 시그널로 중단되었습니다.",
  },
  exited: {
    en: "your code ended the process running it (exit code {code}); exercise code must return a value, never call process.exit.",
    ko: "코드가 자신을 실행하던 프로세스를 끝냈습니다(종료 코드 {code}). 연습 문제 코드는 값을 돌려주어야 하며, process.exit를 부르면 안 됩니다.",
  },
});

/** Heap cap for student code, MB (V8's old space); WORKBOOK_SANDBOX_MEMORY_MB overrides it. */
export const DEFAULT_MEMORY_MB = envNumber("WORKBOOK_SANDBOX_MEMORY_MB", 256, 16, 64 * 1024);
/** Lines of student output shown per run, at most. */
const OUTPUT_LINES = 200;

/** Why a child ended; `fromOutside` when nothing it ran could have ended it (see FROM_OUTSIDE), or it was gone before a message reached it. */
export type Ended = { ended: string; fromOutside?: boolean };

/** Signals that end a child from outside: the kernel's OOM killer, a kill, the terminal. Its own faults end it otherwise (an exit code, SIGABRT). */
const FROM_OUTSIDE = new Set(["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"]);
type Reply = CallResult & { type: string; callId?: number };

let user: { uid: number; gid: number } | undefined | null = null; // null: not looked up yet

/** The unprivileged user to run student code as, looked up once (two runs of `id`), or undefined. */
function sandboxUser(): { uid: number; gid: number } | undefined {
  if (user === null) user = lookUpSandboxUser();
  return user;
}

function lookUpSandboxUser(): { uid: number; gid: number } | undefined {
  const name = process.env.WORKBOOK_SANDBOX_USER;
  if (!name || typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  try {
    // id's own complaint is not printed: the error below says it in the reader's language
    const id = (flag: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    // a RangeError: a setting the user gave, shown by the CLI as a mistake, without a stack trace
    throw new RangeError(say.noSuchUser({ name: JSON.stringify(name) }));
  }
}

const PRLIMIT = ["/usr/bin/prlimit", "/bin/prlimit"].find((p) => fs.existsSync(p));
/** util-linux's setpriv: its --pdeathsig survives the exec of prlimit and node (neither is set-user-ID). */
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => fs.existsSync(p));

/** Sandboxes with a live child: ended when this process exits, and by the guard below. */
const live = new Set<Sandbox>();
process.on("exit", () => {
  for (const box of live) box.kill();
  if (spare) killGroup(spare.child);
});

/**
 * SIGTERM and SIGHUP end this process without its "exit" event, and the
 * children, in process groups of their own, hear neither: a child in an
 * endless loop would run on. While sandboxes run, and when nobody else
 * handles the signal, their children are killed first; then the signal is
 * raised again, so this process ends as it would have.
 */
const ENDING_SIGNALS = ["SIGTERM", "SIGHUP"] as const;
function endChildrenThenDie(signal: NodeJS.Signals): void {
  for (const box of live) box.kill();
  if (spare) killGroup(spare.child);
  for (const sig of ENDING_SIGNALS) process.removeListener(sig, endChildrenThenDie);
  process.kill(process.pid, signal);
}
function watchSignals(on: boolean): void {
  for (const sig of ENDING_SIGNALS) {
    if (!on) process.removeListener(sig, endChildrenThenDie);
    else if (process.listenerCount(sig) === 0) process.on(sig, endChildrenThenDie);
  }
}

/**
 * A child can send a message that Node's IPC channel cannot read (nested
 * thousands of levels deep); the channel then throws outside any call of
 * ours. While sandboxes run, such an error ends the children, whose pending
 * calls then fail with a clear message, instead of the grader.
 */
function guard(err: Error): void {
  if (/serializ|Maximum call stack|Unable to deserialize/i.test(`${err?.message}\n${err?.stack}`)) {
    for (const box of live) box.kill(say.nestedTooDeeply());
    return;
  }
  if (process.listenerCount("uncaughtException") > 1) return; // someone else (a notebook kernel) handles the rest
  console.error(err);
  process.exit(1); // what Node does without a handler
}

/** Control characters (terminal escapes) are removed from student output, so it cannot fake or hide a verdict line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from student output
const printable = (line: string) => line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");

/** Starts a child for the sandbox folder `root`; nothing is sent to it yet. */
function spawnChild(root: string, memoryMb: number): ChildProcess {
  const node = [
    "--experimental-permission",
    `--allow-fs-read=${root}${path.sep}*`,
    `--max-old-space-size=${memoryMb}`,
    "--no-warnings",
    "--disable-proto=delete",
    path.join(root, "sandbox-child.js"),
  ];
  const limited = PRLIMIT
    ? [PRLIMIT, `--as=${(memoryMb + 1280) * 1024 * 1024}`, "--cpu=300", "--", process.execPath, ...node]
    : [process.execPath, ...node];
  const [cmd, ...args] = SETPRIV ? [SETPRIV, "--pdeathsig", "KILL", "--", ...limited] : limited;
  const child = spawn(cmd, args, {
    cwd: root,
    // nothing of this environment but PATH and the language (lib/i18n.ts reads WORKBOOK_LANG; the child cannot read our settings file)
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", WORKBOOK_LANG: language() },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    serialization: "advanced",
    detached: true, // its own process group: killing the group also ends anything it started
    ...sandboxUser(),
  });
  // listened for from the start: a spare says it is ready before any Sandbox listens to it
  readiness.set(
    child,
    new Promise<void>((resolve) => {
      child.on("message", (m: { type?: unknown } | null) => m?.type === "ready" && resolve());
      child.once("exit", () => resolve());
      child.once("error", () => resolve());
    }),
  );
  return child;
}

/** Settles when a child has loaded its script and said so ("ready"), or has ended. */
const readiness = new WeakMap<ChildProcess, Promise<void>>();

/** When a load's clock starts: once its child is ready (or has ended), or STARTUP_LIMIT_MS after it was asked at the latest. */
function readyOrLimit(child: ChildProcess): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, STARTUP_LIMIT_MS)));
  return Promise.race([readiness.get(child), limit]).finally(() => clearTimeout(timer));
}

/**
 * How long Node may take to start a child before the load's own limit runs
 * anyway: starting Node is not the student's time (on a busy machine it took
 * longer than a 300 ms limit), but a child that never starts must not wait
 * for ever.
 */
const STARTUP_LIMIT_MS = 60_000;

/**
 * A child started ahead of need, for the next check in a process that lives
 * on (a notebook kernel, `check --watch`): starting Node is most of what a
 * check of one exercise costs, and the next check then does not wait for it.
 * It is a fresh process that has been sent nothing; a check takes it only
 * when it was started exactly as that check would start one (same folder,
 * memory cap, language, and child script), else it is killed.
 */
let spare: { child: ChildProcess; key: string } | undefined;

/** What a child's start depends on; a spare started under another key is not used. */
function spareKey(root: string, memoryMb: number): string {
  let script = "";
  try {
    script = String(fs.statSync(path.join(root, "sandbox-child.js")).mtimeMs);
  } catch {}
  return JSON.stringify([root, memoryMb, language(), script]);
}

/** The spare child when it was started as `root` and `memoryMb` need and is still alive; it is no longer the spare. */
function takeSpare(root: string, memoryMb: number): ChildProcess | undefined {
  const s = spare;
  spare = undefined;
  if (!s) return undefined;
  if (s.key === spareKey(root, memoryMb) && !ended(s.child) && s.child.connected) {
    holdOpen(s.child, true);
    return s.child;
  }
  killGroup(s.child);
  return undefined;
}

/** Whether `child` (its process, pipes and channel) keeps this process alive: a spare must not. */
function holdOpen(child: ChildProcess, hold: boolean): void {
  type Handle = { ref?(): void; unref?(): void } | null | undefined;
  for (const h of [child, child.stdout, child.stderr, child.channel] as Handle[]) {
    if (hold) h?.ref?.();
    else h?.unref?.();
  }
}

/** Starts a spare child for `root` (replacing one for another folder); `check` calls this after grading in a notebook kernel. */
export function prepareSpare(root: string, memoryMb = DEFAULT_MEMORY_MB): void {
  const key = spareKey(root, memoryMb);
  if (spare?.key === key && !ended(spare.child)) return;
  if (spare) killGroup(spare.child);
  const child = spawnChild(root, memoryMb);
  child.on("error", () => {}); // a spare that cannot start is simply not taken (exitCode or connected says so)
  holdOpen(child, false);
  spare = { child, key };
}

/** The spare child's process id, if one is waiting (for tests and diagnostics). */
export function spareChildPid(): number | undefined {
  return spare?.child.pid;
}

/** True once `child` has exited or been killed (as far as this process has seen). */
const ended = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Ends a child and everything in its process group. */
function killGroup(child: ChildProcess): void {
  if (ended(child) || child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    child.kill("SIGKILL");
  }
}

export class Sandbox {
  private child?: ChildProcess;
  private loadedFile?: string;
  private nextId = 1;
  private waiting = new Map<number, (r: Reply | Ended) => void>();
  private stderrTail = "";
  private outputLines = 0;
  /** why the last child ended, when it ended by itself */
  private endReason?: string;
  /** the child was started before it was needed (a spare, or prestart()): it may have died while it waited */
  private startedAhead = false;

  constructor(
    private readonly root: string,
    private readonly onOutput: (line: string) => void = (line) => process.stderr.write(`  │ ${line}\n`),
    private readonly memoryMb = DEFAULT_MEMORY_MB,
  ) {}

  private start(): ChildProcess {
    const spareChild = takeSpare(this.root, this.memoryMb);
    this.startedAhead = spareChild !== undefined;
    const child = spareChild ?? spawnChild(this.root, this.memoryMb);
    this.endReason = undefined;
    this.stderrTail = "";
    const waiting = new Map<number, (r: Reply | Ended) => void>(); // this child's open requests only
    this.waiting = waiting;
    let dying = false; // once V8 reports a fatal error, the rest is its own dump, not the student's output
    const forward = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      this.stderrTail = (this.stderrTail + text).slice(-2000);
      for (const line of text.split("\n").filter(Boolean)) {
        dying ||= /<--- Last few GCs --->|FATAL ERROR:/.test(line);
        if (!dying && this.outputLines++ < OUTPUT_LINES) this.onOutput(printable(line).slice(0, 300));
      }
    };
    // a child that could not start (EMFILE: no descriptors left for its pipes) has no pipes: its "error" says why
    child.stdout?.on("data", forward);
    child.stderr?.on("data", forward);
    child.on("message", (m: Reply) => {
      if (m && typeof m.callId === "number") waiting.get(m.callId)?.(m);
    });
    child.on("exit", (code, signal) => {
      this.endReason = this.describeExit(code, signal);
      if (this.child === child) {
        this.child = undefined;
        this.loadedFile = undefined;
      }
      const fromOutside = signal !== null && FROM_OUTSIDE.has(signal);
      for (const resolve of waiting.values()) resolve({ ended: this.endReason, fromOutside });
      waiting.clear();
    });
    child.on("error", (err) => {
      const code = (err as NodeJS.ErrnoException).code;
      const error = code === "EMFILE" || code === "ENFILE" ? say.tooManyFiles({ error: err.message }) : err.message;
      this.endReason = say.couldNotStart({ error });
      // a child that never started is no child: the next request starts another (an "exit" may never come)
      if (this.child === child && child.pid === undefined) {
        this.child = undefined;
        this.loadedFile = undefined;
      }
      for (const resolve of waiting.values()) resolve({ ended: this.endReason });
      waiting.clear();
    });
    this.child = child;
    if (live.size === 0) {
      process.on("uncaughtException", guard); // only while a sandbox runs
      watchSignals(true);
    }
    live.add(this);
    return child;
  }

  private describeExit(code: number | null, signal: NodeJS.Signals | null): string {
    if (/heap out of memory|Allocation failed|allocation failed/.test(this.stderrTail) || signal === "SIGABRT" || code === 134) {
      return say.outOfMemory({ mb: this.memoryMb });
    }
    if (signal) return say.signal({ signal });
    return say.exited({ code: String(code) });
  }

  /**
   * Sends one message and waits for its answer, the child's end, or the deadline (a Date.now() time, or one
   * known later: the message is sent at once, and the clock runs from when the deadline is known).
   */
  private request(message: object, deadline: number | Promise<number>): Promise<Reply | Ended | "timeout"> {
    const child = this.child ?? this.start();
    const waiting = this.waiting;
    const callId = this.nextId++;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let answered = false;
      const arm = (at: number) => {
        if (answered) return;
        timer = setTimeout(
          () => {
            waiting.delete(callId);
            resolve("timeout");
          },
          Math.max(0, at - Date.now()),
        );
      };
      if (typeof deadline === "number") arm(deadline);
      else void deadline.then(arm);
      waiting.set(callId, (r) => {
        answered = true;
        clearTimeout(timer);
        waiting.delete(callId);
        resolve(r);
      });
      // a child that could not start has no channel to send on: its "error", on the next tick, answers
      if (child.pid === undefined) return;
      try {
        child.send({ ...message, callId }, (err) => {
          if (err) waiting.get(callId)?.({ ended: say.couldNotTalk({ error: err.message }), fromOutside: true });
        });
      } catch (err) {
        waiting.get(callId)?.({ ended: say.couldNotTalk({ error: (err as Error).message }), fromOutside: true });
      }
    });
  }

  /** The running child's pid, if any (for tests). */
  get childPid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the child now, so that Node's start overlaps the grader's own work before the first load. */
  prestart(): void {
    if (this.child) return;
    this.start();
    this.startedAhead = true;
  }

  /**
   * Loads an exercise file into the child (again only when another file was loaded). `timeoutMs` counts
   * from when the child is ready: the time Node takes to start is not the file's.
   */
  async load(file: string, timeoutMs: number): Promise<CallResult | Ended | "timeout" | "loaded"> {
    if (this.loadedFile === file && this.child) return "loaded";
    if (this.loadedFile !== undefined) this.kill(); // a fresh process per file: no state leaks from one file to the next
    const loadOnce = () => {
      const child = this.child ?? this.start();
      const deadline = readyOrLimit(child).then(() => Date.now() + timeoutMs);
      return this.request({ type: "load", file, maxReplyBytes: MAX_REPLY_BYTES }, deadline);
    };
    let r = await loadOnce();
    // A child started ahead that died while it waited (its end not yet seen) is no verdict on the code: once more, in a child
    // of its own. Only an end from outside: code that crashes while it loads is loaded once, not twice.
    if (r !== "timeout" && "ended" in r && r.fromOutside && this.startedAhead) {
      this.kill();
      r = await loadOnce();
    }
    if (r === "timeout") {
      this.kill();
      return r;
    }
    if ("ended" in r) return r;
    if (r.type === "loaded") {
      this.loadedFile = file;
      return "loaded";
    }
    return r;
  }

  /** Calls one export with arguments; `deadline` is a Date.now() time. */
  async call(exportName: string, args: unknown[], deadline: number): Promise<CallResult | Ended | "timeout"> {
    const r = await this.request({ type: "call", exportName, args }, deadline);
    if (r === "timeout") this.kill();
    return r;
  }

  /** Ends the child and everything in its process group; `reason` goes to the calls still waiting. */
  kill(reason?: string): void {
    const child = this.child;
    this.child = undefined;
    this.loadedFile = undefined;
    live.delete(this);
    if (live.size === 0) {
      process.off("uncaughtException", guard);
      watchSignals(false);
    }
    if (reason) {
      for (const resolve of this.waiting.values()) resolve({ ended: reason });
      this.waiting.clear();
    }
    if (child) killGroup(child);
  }
}
