/**
 * The harness every real-socket lab runs in: a clock, a median, a scope that
 * owns every server and socket a lab opens and closes them all when the lab
 * ends (normally, by a throw, or because its deadline passed), and helpers to
 * listen and connect on loopback only.
 *
 * Rule the labs follow: anything that can wait (a connect, a response, a
 * timer) waits through `scope.race`, so a global deadline always wins and the
 * lab aborts instead of hanging.
 */
import * as net from "node:net";
import { once } from "node:events";
import { checkNumber, optionalNumber } from "../errors";
import { messages } from "../i18n";

const say = messages("lab/harness", {
  deadline: {
    en: 'The "{lab}" lab did not finish within its deadline of {ms} ms; every socket it opened was closed',
    ko: '"{lab}" 실험이 제한 시간 {ms} ms 안에 끝나지 않았습니다. 실험이 연 소켓은 모두 닫았습니다',
  },
});

/** The only address a lab listens on or connects to. */
export const LOOPBACK_HOST = "127.0.0.1";

/** How long closing everything at the end of a lab may take before we give up waiting. */
const CLEANUP_LIMIT_MS = 2000;

/** A monotonic clock in milliseconds (fractional), from process.hrtime.bigint. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export { median } from "../stats";

/** Rounds a time to microseconds so results stay readable as JSON. */
export { roundMs } from "../time";

/** A lab's whole run is cut off after this long at most (its own default is shorter). */
export const MAX_DEADLINE_MS = 120_000;
/** The usual default deadline of a lab. */
export const DEFAULT_DEADLINE_MS = 15_000;

/** The `deadlineMs` option of a lab: `fallback` when absent, else checked against the limits. */
export function deadlineOption(value: unknown, fallback = DEFAULT_DEADLINE_MS): number {
  return optionalNumber("deadlineMs", value, fallback, { above: 0, max: MAX_DEADLINE_MS });
}

/** The error a lab ends with when its global deadline passes. */
export class LabDeadlineError extends Error {
  readonly code = "ERR_LAB_DEADLINE";
  constructor(lab: string, deadlineMs: number) {
    super(say.deadline({ lab, ms: deadlineMs }));
    this.name = "LabDeadlineError";
  }
}

type Cleanup = () => void | Promise<void>;

/** What a lab body gets: the deadline, and a place to register what must be closed. */
export interface LabScope {
  /** Aborted when the deadline passes. */
  readonly signal: AbortSignal;
  /** Registers a cleanup; cleanups run last-registered first when the lab ends. */
  defer(cleanup: Cleanup): void;
  /** Throws the deadline error if the deadline has passed. */
  check(): void;
  /** Settles like `promise`, or rejects with the deadline error if that comes first. */
  race<T>(promise: Promise<T>): Promise<T>;
  /** Waits `ms` milliseconds, unless the deadline comes first. */
  sleep(ms: number): Promise<void>;
}

function deadlineRejection(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

/** The cleanups of one lab; once the lab has ended, a late registration runs at once. */
interface CleanupList {
  items: Cleanup[];
  ended: boolean;
}

function createScope(signal: AbortSignal, cleanups: CleanupList): LabScope {
  const aborted = deadlineRejection(signal);
  aborted.catch(() => undefined); // observed by whoever races it
  const scope: LabScope = {
    signal,
    defer: (cleanup) => {
      // a step still running after the deadline may open something: close it straight away
      if (cleanups.ended)
        void Promise.resolve()
          .then(cleanup)
          .catch(() => undefined);
      else cleanups.items.push(cleanup);
    },
    check: () => {
      if (signal.aborted) throw signal.reason;
    },
    race: (promise) => {
      const raced = Promise.race([promise, aborted]);
      // a step that stopped waiting (because an earlier await threw) must not
      // turn the deadline into an unhandled rejection; awaiters still see it
      raced.catch(() => undefined);
      return raced;
    },
    sleep: (ms) => scope.race(new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  return scope;
}

async function runCleanups(cleanups: CleanupList): Promise<void> {
  cleanups.ended = true;
  const all = (async () => {
    for (const cleanup of cleanups.items.reverse()) {
      try {
        await cleanup();
      } catch {
        // a failing cleanup must not stop the others from closing their sockets
      }
    }
  })();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLEANUP_LIMIT_MS)));
  await Promise.race([all, limit]);
  clearTimeout(timer);
  // a closed handle is released in the loop's close phase, after the check
  // phase: two turns of setImmediate let that happen before the lab returns
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs a lab body with a global deadline. Whatever happens (result, throw,
 * deadline) every registered cleanup runs before this returns or throws.
 */
export async function runLab<T>(lab: string, deadlineMs: number, body: (scope: LabScope) => Promise<T>): Promise<T> {
  checkNumber("deadlineMs", deadlineMs, { above: 0, max: MAX_DEADLINE_MS });
  const controller = new AbortController();
  const cleanups: CleanupList = { items: [], ended: false };
  const timer = setTimeout(() => controller.abort(new LabDeadlineError(lab, deadlineMs)), deadlineMs);
  const scope = createScope(controller.signal, cleanups);
  const work = body(scope);
  work.catch(() => undefined); // after a deadline the body may still reject; that is expected
  try {
    return await scope.race(work);
  } finally {
    clearTimeout(timer);
    controller.abort(new LabDeadlineError(lab, deadlineMs)); // stops any step still waiting
    await runCleanups(cleanups);
  }
}

/** A server listening on loopback, owned by a lab scope. */
export interface LoopbackServer {
  readonly port: number;
  /** How many connections the server has accepted so far. */
  readonly connections: number;
  /** Bytes the server has read and written over all its connections so far. */
  bytes(): { read: number; written: number };
  /** True once the server is closed and every socket it accepted is gone. */
  readonly closed: boolean;
  /** Stops listening and destroys every accepted socket; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts `server` (a net.Server or http.Server) on an ephemeral port of
 * 127.0.0.1, tracks the sockets it accepts, and registers its closing with
 * the scope.
 */
export async function listenOnLoopback(scope: LabScope, server: net.Server): Promise<LoopbackServer> {
  scope.check();
  const sockets = new Set<net.Socket>();
  let connections = 0;
  let closed = false;
  const doneBytes = { read: 0, written: 0 };
  server.on("connection", (socket: net.Socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => {
      doneBytes.read += socket.bytesRead;
      doneBytes.written += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  const bytes = () => {
    const total = { ...doneBytes };
    for (const socket of sockets) {
      total.read += socket.bytesRead;
      total.written += socket.bytesWritten;
    }
    return total;
  };
  const close = async (): Promise<void> => {
    if (closed) return;
    const done = server.listening ? once(server, "close") : Promise.resolve();
    if (server.listening) server.close();
    // the server may report 'close' before each socket's handle is released: wait for both
    const socketsGone = [...sockets].map((s) => new Promise<void>((resolve) => (s.closed ? resolve() : s.once("close", () => resolve()))));
    for (const socket of sockets) socket.destroy();
    await Promise.all([done, ...socketsGone]);
    closed = true;
  };
  scope.defer(close);
  server.listen(0, LOOPBACK_HOST);
  await scope.race(once(server, "listening"));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    get connections() {
      return connections;
    },
    get closed() {
      return closed && sockets.size === 0;
    },
    bytes,
    close,
  };
}

/** Opens a TCP connection to a loopback port; the scope destroys it at the end. */
export async function connectLoopback(scope: LabScope, port: number, options: { noDelay?: boolean } = {}): Promise<net.Socket> {
  scope.check();
  const socket = net.connect({ host: LOOPBACK_HOST, port, noDelay: options.noDelay ?? false });
  // a reset must not crash the process between steps; each step watches 'error' or 'close' itself
  socket.on("error", () => undefined);
  scope.defer(async () => {
    socket.destroy();
    if (!socket.closed) await new Promise<void>((resolve) => socket.once("close", () => resolve()));
  });
  await scope.race(once(socket, "connect"));
  return socket;
}

/** Waits until a socket has emitted 'close' (its handle is released), whatever errors came first. */
export function socketClosed(scope: LabScope, socket: net.Socket): Promise<void> {
  if (socket.closed) return Promise.resolve();
  return scope.race(new Promise<void>((resolve) => socket.once("close", () => resolve())));
}

/**
 * How many TCP handles (listening servers and sockets) this process holds
 * open right now: a lab that cleaned up leaves this where it found it.
 */
export function openTcpHandles(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap" || r === "TCPServerWrap").length;
}
