/**
 * Lab: TIME_WAIT (RFC 9293 3.6, 3.10.7.4) and the ceiling it puts on new
 * connections to one server address.
 *
 * A bounded number of short connections are opened to a loopback server and
 * closed, twice, each time against a fresh server port:
 *   - the client closes first (client end() before the server does),
 *   - the server closes first (the server end()s as soon as it accepts).
 * The side that sends the first FIN is the one that waits in TIME_WAIT; the
 * lab reads /proc/net/tcp and /proc/net/tcp6 to count the TIME_WAIT entries
 * for the server port and uses the local port column to say which side holds
 * them. With this kernel's ephemeral port range and Linux's 60 s TIME_WAIT,
 * the port-exhaustion model gives the ceiling of new connections per second
 * from one client address to one server address:port.
 *
 * The table is the whole machine's, so only the lab's own connections are
 * counted (its server port and the client ports it used, on 127.0.0.1):
 * another lab run in parallel does not inflate the counts.
 *
 * Before measuring, the lab checks it has the file descriptors it needs (two
 * per connection in flight: it lowers the concurrency to fit a low `ulimit
 * -n`). While measuring it checks that every connection was made, accepted by
 * the server and closed first by the side meant to close it, and that the
 * entries found are one per connection; otherwise the result is
 * inconclusive (see consistency.ts) instead of a wrong answer. A server that
 * runs out of descriptors closes each connection it cannot accept at once,
 * which would show TIME_WAIT on the wrong side.
 *
 * Linux only: elsewhere the result says "not available on this platform".
 * The TIME_WAIT entries this lab leaves behind expire on their own after 60 s.
 */
import { readFileSync } from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { optionsObject, optionalNumber } from "../errors";
import { messages, verbatim, type Localized, type Message } from "../i18n";
import { LOOPBACK_HOST, type LabScope, listenOnLoopback, nowMs, runLab, socketClosed, deadlineOption } from "./harness";
import { type Consistency, ConsistencyLog, consistencyLines, counted, inconclusiveBanner, orInconclusive } from "./consistency";
import { DESCRIPTOR_RESERVE, describeBudget, descriptorBudget, requireDescriptors, unitsThatFit } from "./descriptors";
import { type PlatformFacts, platformFacts } from "./platform";
import { type OwnTimeWait, type TimeWaitCount, ownTimeWait, procNetTcpFiles, readSocketTable } from "./proc-net-tcp";
import { comparisonTable, formatNumber, noteLines, platformLine, portSourceLabel } from "./table";
import { modelTimeWait, type TimeWaitModel } from "./time-wait-model";

const say = messages("lab/time-wait", {
  clientClosesFirst: { en: "client closes first", ko: "클라이언트가 먼저 끊음" },
  serverClosesFirst: { en: "server closes first", ko: "서버가 먼저 끊음" },
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  noErrorCode: { en: "no error code", ko: "오류 코드 없음" },
  connectOk: {
    en: "{label}: {n} connections made, {connected} connected, no socket errors",
    ko: "{label}: 커넥션 {n}개를 시도해 {connected}개가 연결됐고, 소켓 오류는 없습니다",
  },
  connectBad: {
    en: "{label}: {failed} of {n} connections failed to connect or ended in an error ({errors})",
    ko: "{label}: 커넥션 {n}개 중 {failed}개가 연결되지 못했거나 오류로 끝났습니다 ({errors})",
  },
  acceptedOk: {
    en: "{label}: the server accepted all {accepted} connections the client made",
    ko: "{label}: 클라이언트가 맺은 커넥션 {accepted}개를 서버가 모두 받아들였습니다",
  },
  acceptedBad: {
    en: "{label}: the server accepted {accepted} of the {connected} connections the client made (a server out of descriptors closes at once a connection it cannot accept, so it, not the side meant to, closes first)",
    ko: "{label}: 클라이언트가 맺은 커넥션 {connected}개 중 서버는 {accepted}개만 받아들였습니다 (디스크립터가 바닥난 서버는 받아들이지 못한 커넥션을 곧바로 닫으므로, 먼저 끊기로 한 쪽이 아니라 서버가 먼저 끊게 됩니다)",
  },
  finOk: {
    en: "{label}: on all {n} connections the {other} saw the {closer}'s FIN before sending its own",
    ko: "{label}: 커넥션 {n}개 모두에서 {other}는 자기 FIN을 보내기 전에 {closer}의 FIN을 받았습니다",
  },
  finBad: {
    en: "{label}: only {seen} of {n} connections were closed first by the {closer}",
    ko: "{label}: 커넥션 {n}개 중 {closer}가 먼저 끊은 것은 {seen}개뿐입니다",
  },
  readOne: { en: "{n} read", ko: "{n}번" },
  readMany: { en: "{n} reads", ko: "{n}번" },
  leftOut: {
    en: "; {ignored} other TIME_WAIT entries on port {port} left out",
    ko: ", 포트 {port}의 다른 TIME_WAIT 항목 {ignored}개는 뺌",
  },
  reused: {
    en: "; {reused} client ports were used twice (tcp_tw_reuse)",
    ko: ". 클라이언트 포트 {reused}개는 두 번 쓰였습니다(tcp_tw_reuse)",
  },
  entriesOk: {
    en: "{label}: {entries} TIME_WAIT entries found for the run's {tuples} connections (own addresses and ports only{left}; {reads} of the table){reused}",
    ko: "{label}: 이번 실행의 커넥션 {tuples}개에 대해 TIME_WAIT 항목 {entries}개를 찾았습니다 (자기 주소와 포트만{left}, 테이블을 {reads} 읽음){reused}",
  },
  entriesBad: {
    en: "{label}: {entries} TIME_WAIT entries found for the run's {tuples} connections in {reads} of the table, which should hold one each",
    ko: "{label}: 테이블을 {reads} 읽어 이번 실행의 커넥션 {tuples}개에 대해 TIME_WAIT 항목 {entries}개를 찾았습니다. 커넥션마다 하나씩 있어야 합니다",
  },
  twReuse0: { en: "off: the ceiling holds", ko: "꺼짐: 상한이 그대로 적용됩니다" },
  twReuse1: {
    en: "on: a client may reuse a TIME_WAIT port for a new outgoing connection, so it can go past the ceiling",
    ko: "켜짐: 클라이언트가 TIME_WAIT 상태의 포트를 새로 나가는 커넥션에 다시 쓸 수 있어 상한을 넘을 수 있습니다",
  },
  twReuse2: {
    en: "on for loopback only: this lab's client may reuse TIME_WAIT ports, a client on a real network may not",
    ko: "루프백에서만 켜짐: 이 실험의 클라이언트는 TIME_WAIT 포트를 다시 쓸 수 있지만, 실제 네트워크의 클라이언트는 그럴 수 없습니다",
  },
  twReuseUnknown: { en: "unknown value", ko: "알 수 없는 값" },
  notAvailable: {
    en: "not available on this platform ({os}): no {procDir}/net/tcp to read TIME_WAIT sockets from",
    ko: "이 플랫폼({os})에서는 쓸 수 없습니다: TIME_WAIT 소켓을 읽을 {procDir}/net/tcp가 없습니다",
  },
  procReadable: {
    en: "{procDir}/net/tcp readable: TIME_WAIT entries are counted for this lab's own connections only ({host}, its server port and client ports)",
    ko: "{procDir}/net/tcp 읽기 가능: TIME_WAIT 항목은 이 실험 자신의 커넥션만 셉니다 ({host}, 실험의 서버 포트와 클라이언트 포트)",
  },
  platformLinux: {
    en: "platform linux: the model's TIME_WAIT of {seconds} s is this kernel's",
    ko: "플랫폼 linux: 모델의 TIME_WAIT {seconds} s는 이 커널의 값입니다",
  },
  platformOther: {
    en: "platform {os}, not linux: the ceiling row uses Linux's TIME_WAIT of {seconds} s",
    ko: "플랫폼 {os}(linux 아님): 상한 행은 Linux의 TIME_WAIT {seconds} s를 씁니다",
  },
  portsFit: {
    en: "{connections} connections per run fit in {ports} ephemeral ports ({source})",
    ko: "실행마다 커넥션 {connections}개는 임시 포트(ephemeral port) {ports}개({source}) 안에 들어갑니다",
  },
  portsDoNotFit: {
    en: "{connections} connections per run do not fit in the {ports} ephemeral ports of this machine",
    ko: "실행마다 커넥션 {connections}개는 이 컴퓨터의 임시 포트(ephemeral port) {ports}개에 들어가지 않습니다",
  },
  oneInFlight: { en: "one connection in flight and the listening server", ko: "진행 중인 커넥션 하나와 리스닝 서버" },
  inFlight: { en: "{concurrency} connections in flight and the listening server", ko: "진행 중인 커넥션 {concurrency}개와 리스닝 서버" },
  lowered: {
    en: "{budget}: concurrency lowered from {asked} to {concurrency} ({perConnection} descriptors per connection in flight, 1 listening, {reserve} in reserve)",
    ko: "{budget}: 동시 커넥션 수를 {asked}에서 {concurrency}로 낮췄습니다 (진행 중인 커넥션마다 디스크립터 {perConnection}개, 리스닝 1개, 예비 {reserve}개)",
  },
  unavailable: { en: "TIME_WAIT lab: {reason}", ko: "TIME_WAIT 실험: {reason}" },
  notAvailableHere: { en: "not available on this platform", ko: "이 플랫폼에서는 쓸 수 없습니다" },
  rowClientAtClient: { en: "client closes first: TIME_WAIT at client", ko: "클라이언트가 먼저 끊음: 클라이언트의 TIME_WAIT" },
  rowClientAtServer: { en: "client closes first: TIME_WAIT at server", ko: "클라이언트가 먼저 끊음: 서버의 TIME_WAIT" },
  rowServerAtServer: { en: "server closes first: TIME_WAIT at server", ko: "서버가 먼저 끊음: 서버의 TIME_WAIT" },
  rowServerAtClient: { en: "server closes first: TIME_WAIT at client", ko: "서버가 먼저 끊음: 클라이언트의 TIME_WAIT" },
  perSecond: { en: "connections/s", ko: "커넥션/s" },
  noModel: { en: "n/a (no model)", ko: "없음 (모델 없음)" },
  never: { en: "never", ko: "고갈되지 않음" },
  after: { en: "after {time}", ko: "{time} 후" },
  heading: {
    en: "TIME_WAIT: {connections} connections opened and closed per run ({concurrency} at a time), counted in /proc/net/tcp{,6}",
    ko: "TIME_WAIT: 실행마다 커넥션 {connections}개를 열고 닫음 (한 번에 {concurrency}개), /proc/net/tcp{,6}에서 셈",
  },
  ceiling: {
    en: "ceiling with {ports} ephemeral ports and {seconds} s TIME_WAIT: {ceiling} to one server address:port",
    ko: "임시 포트 {ports}개, TIME_WAIT {seconds} s일 때의 상한: 서버 주소:포트 하나에 {ceiling}",
  },
  rate: {
    en: "measured rate {rate}: the port range runs out: {exhausted} (model)",
    ko: "측정한 속도 {rate}: 포트 범위가 바닥나는 때: {exhausted} (모델)",
  },
});

const CLOSES_FIRST: Record<"client" | "server", Message> = { client: say.clientClosesFirst, server: say.serverClosesFirst };
const SIDE: Record<"client" | "server", Message> = { client: say.client, server: say.server };

export interface TimeWaitLabOptions {
  /** connections opened and closed per run (default 500, at most 5000) */
  connections?: number;
  /** how many connections are in flight at once (default 25; fewer when the descriptor limit is low) */
  concurrency?: number;
  /** where /proc is (for tests; default "/proc") */
  procDir?: string;
  /** the whole lab aborts after this long (default 20000 ms) */
  deadlineMs?: number;
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
}

export type Closer = "client" | "server";

export interface TimeWaitRun {
  /** who sent the first FIN */
  closesFirst: Closer;
  connections: number;
  /** TIME_WAIT entries of this run's own connections (its server port and client ports), by the side that holds them */
  timeWait: TimeWaitCount;
  /** how fast this run opened and closed connections */
  connectionsPerSecond: number;
}

export interface TimeWaitLabResult {
  lab: "time-wait";
  available: boolean;
  /** why the lab did not run, when it did not */
  reason?: string;
  /** concurrency is the one used: lower than `requested.concurrency` when the descriptor limit is low */
  setup: { connections: number; concurrency: number; requested: { connections: number; concurrency: number } };
  measured: { clientCloses: TimeWaitRun; serverCloses: TimeWaitRun } | null;
  model: Omit<TimeWaitModel, "notes"> | null;
  platform: PlatformFacts;
  notes: string[];
  /** what the lab verified about its own run, and why the result is inconclusive when it is */
  consistency: Consistency;
}

/** What a run saw happen, to check it ran as designed. */
interface RunStats {
  /** client sockets that reached 'connect' */
  connected: number;
  /** client socket errors by code (EMFILE, ECONNRESET, ...) */
  errors: Record<string, number>;
  /** connections the server's 'connection' handler was given */
  accepted: number;
  /** connections whose first FIN was seen coming from the side meant to close first */
  closerFinSeen: number;
  /** local ports of the client sockets that connected */
  clientPorts: Set<number>;
}

/** A server that closes first (end() on accept) or waits for the client's FIN; counts what it sees in `stats`. */
function closingServer(closesFirst: Closer, stats: RunStats): net.Server {
  return net.createServer((socket) => {
    stats.accepted++;
    socket.on("error", () => undefined);
    // the client closes first: the server must see the client's FIN before it sends its own
    if (closesFirst === "client") socket.once("end", () => stats.closerFinSeen++);
    socket.resume();
    if (closesFirst === "server") socket.end();
    // otherwise node ends our side when the client's FIN arrives (allowHalfOpen false)
  });
}

/** One connection: connect, let `closesFirst` send the first FIN, wait until the client socket is closed. */
async function openAndClose(scope: LabScope, port: number, closesFirst: Closer, stats: RunStats): Promise<void> {
  const socket = net.connect({ host: LOOPBACK_HOST, port });
  let clientEnded = false;
  socket.on("error", (err: NodeJS.ErrnoException) => {
    const code = err.code ?? err.message;
    stats.errors[code] = (stats.errors[code] ?? 0) + 1;
  });
  socket.once("connect", () => {
    stats.connected++;
    if (socket.localPort !== undefined) stats.clientPorts.add(socket.localPort);
    if (closesFirst === "client") {
      clientEnded = true;
      socket.end();
    }
  });
  // the server closes first: the client must see the server's FIN before it sends its own
  if (closesFirst === "server") socket.once("end", () => !clientEnded && stats.closerFinSeen++);
  socket.resume();
  const done = socketClosed(scope, socket);
  try {
    await done;
  } finally {
    socket.destroy();
  }
}

/** Opens and closes `total` connections, `concurrency` at a time. */
async function churn(
  scope: LabScope,
  port: number,
  closesFirst: Closer,
  total: number,
  concurrency: number,
  stats: RunStats,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      scope.check();
      await openAndClose(scope, port, closesFirst, stats);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

/** Waits until the server has no accepted socket left open, bounded by the scope's deadline. */
async function serverDrained(scope: LabScope, server: net.Server): Promise<void> {
  for (;;) {
    const open = await new Promise<number>((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    if (open === 0) return;
    await scope.sleep(5);
  }
}

/** How many times the table is read at most (a little apart) before the entries found are counted. */
const TABLE_READS = 10;
const TABLE_READ_GAP_MS = 20;

/**
 * The lab's own TIME_WAIT entries, as the union of a few reads of the table:
 * a read while other processes churn sockets can miss an entry or list one
 * twice, and the lab's own entries stay for 60 s, so reading again until one
 * is found for every connection (or the reads run out) counts each once.
 * It also gives the last closes time to reach TIME_WAIT.
 */
async function countSettled(
  scope: LabScope,
  files: string[],
  own: Parameters<typeof ownTimeWait>[1],
): Promise<OwnTimeWait & { reads: number }> {
  const union: OwnTimeWait = { serverSide: new Set(), clientSide: new Set(), ignored: 0 };
  let reads = 0;
  while (reads < TABLE_READS) {
    if (reads > 0) await scope.sleep(TABLE_READ_GAP_MS);
    const found = ownTimeWait(readSocketTable(files), own);
    reads++;
    for (const port of found.serverSide) union.serverSide.add(port);
    for (const port of found.clientSide) union.clientSide.add(port);
    union.ignored = found.ignored;
    // done once every connection's entry was seen (both sides of one would be too many: keep reading cannot fix that)
    if (union.serverSide.size + union.clientSide.size >= own.clientPorts.size) break;
  }
  return { ...union, reads };
}

const countsText = (errors: Record<string, number>): Localized =>
  verbatim(
    Object.entries(errors)
      .map(([code, n]) => `${code} x${n}`)
      .join(", "),
  );

/** Records what must hold for a run's counts to mean what the table says. */
function checkRun(
  log: ConsistencyLog,
  run: TimeWaitRun,
  stats: RunStats,
  count: { ignored: number; reads: number },
  serverPort: number,
): void {
  const n = run.connections;
  const label = CLOSES_FIRST[run.closesFirst]();
  const closer = SIDE[run.closesFirst]();
  const other = SIDE[run.closesFirst === "client" ? "server" : "client"]();
  const failedToConnect = n - stats.connected;
  log.verify(
    failedToConnect === 0 && Object.keys(stats.errors).length === 0,
    say.connectOk({ label, n, connected: stats.connected }),
    say.connectBad({ label, failed: failedToConnect, n, errors: countsText(stats.errors) || say.noErrorCode() }),
  );
  log.verify(
    stats.accepted === stats.connected,
    say.acceptedOk({ label, accepted: stats.accepted }),
    say.acceptedBad({ label, accepted: stats.accepted, connected: stats.connected }),
  );
  log.verify(
    stats.closerFinSeen === n,
    say.finOk({ label, n, other, closer }),
    say.finBad({ label, seen: stats.closerFinSeen, n, closer }),
  );
  const entries = run.timeWait.serverSide + run.timeWait.clientSide;
  const tuples = stats.clientPorts.size;
  const reused = stats.connected - tuples;
  const left = count.ignored > 0 ? say.leftOut({ ignored: count.ignored, port: serverPort }) : "";
  const reads = counted(count.reads, say.readOne, say.readMany);
  log.verify(
    entries === tuples,
    say.entriesOk({ label, entries, tuples, left, reads, reused: reused > 0 ? say.reused({ reused }) : "" }),
    say.entriesBad({ label, entries, tuples, reads }),
  );
}

async function measureRun(
  scope: LabScope,
  files: string[],
  closesFirst: Closer,
  connections: number,
  concurrency: number,
  log: ConsistencyLog,
): Promise<TimeWaitRun> {
  const stats: RunStats = { connected: 0, errors: {}, accepted: 0, closerFinSeen: 0, clientPorts: new Set() };
  const raw = closingServer(closesFirst, stats);
  const server = await listenOnLoopback(scope, raw);
  try {
    const start = nowMs();
    await churn(scope, server.port, closesFirst, connections, concurrency, stats);
    await serverDrained(scope, raw);
    const seconds = (nowMs() - start) / 1000;
    const count = await countSettled(scope, files, { host: LOOPBACK_HOST, serverPort: server.port, clientPorts: stats.clientPorts });
    const run: TimeWaitRun = {
      closesFirst,
      connections,
      timeWait: { serverSide: count.serverSide.size, clientSide: count.clientSide.size },
      connectionsPerSecond: Math.round(connections / seconds),
    };
    checkRun(log, run, stats, count, server.port);
    return run;
  } finally {
    await server.close();
  }
}

function readOptions(options: TimeWaitLabOptions | undefined) {
  const o = optionsObject("options", options);
  return {
    connections: optionalNumber("connections", o.connections, 500, { integer: true, min: 1, max: 5000 }),
    concurrency: optionalNumber("concurrency", o.concurrency, 25, { integer: true, min: 1, max: 200 }),
    procDir: o.procDir === undefined ? "/proc" : String(o.procDir),
    deadlineMs: deadlineOption(o.deadlineMs, 20_000),
    fdLimit: o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 }),
  };
}

/** What this kernel's net.ipv4.tcp_tw_reuse says about the ceiling, as a note (none when unreadable). */
function twReuseNotes(procDir: string): string[] {
  let value: string;
  try {
    value = readFileSync(path.join(procDir, "sys/net/ipv4/tcp_tw_reuse"), "utf8").trim();
  } catch {
    return [];
  }
  const meaning: Record<string, Message> = { "0": say.twReuse0, "1": say.twReuse1, "2": say.twReuse2 };
  return [`net.ipv4.tcp_tw_reuse = ${value} (${(Object.hasOwn(meaning, value) ? meaning[value] : say.twReuseUnknown)()})`];
}

/** Descriptors one connection in flight holds: the client's socket and the server's. */
const DESCRIPTORS_PER_CONNECTION = 2;

/**
 * Runs the TIME_WAIT lab. On a system without /proc/net/tcp it returns
 * `available: false`; with too few descriptors for even one connection it
 * measures nothing; either way `consistency.inconclusive` says why. A low
 * descriptor limit lowers the concurrency instead, and the checks say so.
 */
export async function runTimeWaitLab(options?: TimeWaitLabOptions): Promise<TimeWaitLabResult> {
  const { connections, concurrency: askedConcurrency, procDir, deadlineMs, fdLimit } = readOptions(options);
  const requested = { connections, concurrency: askedConcurrency };
  const platform = platformFacts({ procDir });
  const log = new ConsistencyLog();
  const files = procNetTcpFiles(procDir);
  const notMeasured = (
    available: boolean,
    reason: Localized,
    setup = { connections, concurrency: askedConcurrency, requested },
  ): TimeWaitLabResult => {
    if (!log.failed) log.fail(reason);
    return { lab: "time-wait", available, reason, setup, measured: null, model: null, platform, notes: [], consistency: log.result() };
  };
  if (!files) {
    return notMeasured(false, say.notAvailable({ os: process.platform, procDir }));
  }
  log.note(say.procReadable({ procDir, host: LOOPBACK_HOST }));
  log.note(
    platform.os === "linux"
      ? say.platformLinux({ seconds: platform.timeWaitSeconds })
      : say.platformOther({ os: platform.os, seconds: platform.timeWaitSeconds }),
  );
  const ports = { connections, ports: platform.portRange.count };
  if (
    !log.verify(
      connections <= platform.portRange.count,
      say.portsFit({ ...ports, source: portSourceLabel(platform.portRange.source) }),
      say.portsDoNotFit(ports),
    )
  ) {
    return notMeasured(true, log.result().inconclusive! as Localized);
  }
  const budget = descriptorBudget({ fdLimit, procDir });
  const fit = unitsThatFit(budget, 1, DESCRIPTORS_PER_CONNECTION);
  if (fit < 1) {
    requireDescriptors(log, budget, 1 + DESCRIPTORS_PER_CONNECTION, say.oneInFlight());
    return notMeasured(true, log.result().inconclusive! as Localized);
  }
  const concurrency = Math.min(askedConcurrency, fit);
  if (concurrency < askedConcurrency) {
    log.note(
      say.lowered({
        budget: describeBudget(budget),
        asked: askedConcurrency,
        concurrency,
        perConnection: DESCRIPTORS_PER_CONNECTION,
        reserve: DESCRIPTOR_RESERVE,
      }),
    );
  } else {
    requireDescriptors(log, budget, 1 + DESCRIPTORS_PER_CONNECTION * concurrency, say.inFlight({ concurrency }));
  }
  const setup = { connections, concurrency, requested };
  const work = runLab("time-wait", deadlineMs, async (scope): Promise<TimeWaitLabResult> => {
    const clientCloses = await measureRun(scope, files, "client", connections, concurrency, log);
    const serverCloses = await measureRun(scope, files, "server", connections, concurrency, log);
    const { notes: modelNotes, ...model } = modelTimeWait({
      connections,
      ports: platform.portRange.count,
      connectionsPerSecond: clientCloses.connectionsPerSecond,
    });
    const notes = [...modelNotes, ...twReuseNotes(procDir)];
    return {
      lab: "time-wait",
      available: true,
      setup,
      measured: { clientCloses, serverCloses },
      model,
      platform,
      notes,
      consistency: log.result(),
    };
  });
  return orInconclusive(work, log, (reason) => notMeasured(true, reason, setup));
}

/** The TIME_WAIT lab as a table; an inconclusive result says so first. */
export function formatTimeWait(result: TimeWaitLabResult): string {
  const checks = consistencyLines(result.consistency);
  if (!result.available || !result.measured || !result.model) {
    const banner = inconclusiveBanner(result.consistency, false);
    const why = say.unavailable({ reason: result.reason ?? say.notAvailableHere() });
    return [...(banner.length ? banner : [why]), ...checks, platformLine(result.platform)].join("\n");
  }
  const banner = inconclusiveBanner(result.consistency);
  const { clientCloses: c, serverCloses: s } = result.measured;
  const p = result.model;
  const rows = [
    { label: say.rowClientAtClient(), measured: c.timeWait.clientSide, model: p.activeCloserHolds, unit: "" },
    { label: say.rowClientAtServer(), measured: c.timeWait.serverSide, model: p.passiveCloserHolds, unit: "" },
    { label: say.rowServerAtServer(), measured: s.timeWait.serverSide, model: p.activeCloserHolds, unit: "" },
    { label: say.rowServerAtClient(), measured: s.timeWait.clientSide, model: p.passiveCloserHolds, unit: "" },
  ];
  const perSecond = say.perSecond();
  const ceiling = formatNumber(p.maxConnectionsPerSecond, perSecond);
  const exhausted =
    p.maxConnectionsPerSecond === null
      ? say.noModel()
      : p.exhaustedAfterSeconds === null
        ? say.never()
        : say.after({ time: formatNumber(p.exhaustedAfterSeconds, "s") });
  return [
    ...banner,
    say.heading({ connections: c.connections, concurrency: result.setup.concurrency ?? "?" }),
    comparisonTable(rows),
    say.ceiling({ ports: result.platform.portRange.count, seconds: result.platform.timeWaitSeconds, ceiling }),
    say.rate({ rate: formatNumber(c.connectionsPerSecond, perSecond), exhausted }),
    ...noteLines(result.notes),
    ...checks,
    platformLine(result.platform),
  ].join("\n");
}
