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
import { LOOPBACK_HOST, LabScope, listenOnLoopback, nowMs, runLab, socketClosed, deadlineOption } from "./harness";
import { Consistency, ConsistencyLog, consistencyLines, counted, inconclusiveBanner, orInconclusive } from "./consistency";
import { DESCRIPTOR_RESERVE, describeBudget, descriptorBudget, requireDescriptors, unitsThatFit } from "./descriptors";
import { PlatformFacts, platformFacts } from "./platform";
import { OwnTimeWait, TimeWaitCount, ownTimeWait, procNetTcpFiles, readSocketTable } from "./proc-net-tcp";
import { comparisonTable, formatNumber, platformLine } from "./table";
import { modelTimeWait, TimeWaitModel } from "./time-wait-model";

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
async function churn(scope: LabScope, port: number, closesFirst: Closer, total: number, concurrency: number, stats: RunStats): Promise<void> {
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
async function countSettled(scope: LabScope, files: string[], own: Parameters<typeof ownTimeWait>[1]): Promise<OwnTimeWait & { reads: number }> {
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

const countsText = (errors: Record<string, number>) =>
  Object.entries(errors)
    .map(([code, n]) => `${code} x${n}`)
    .join(", ");

/** Records what must hold for a run's counts to mean what the table says. */
function checkRun(log: ConsistencyLog, run: TimeWaitRun, stats: RunStats, count: { ignored: number; reads: number }, serverPort: number): void {
  const n = run.connections;
  const label = `${run.closesFirst} closes first`;
  const closer = run.closesFirst;
  const other = closer === "client" ? "server" : "client";
  const failedToConnect = n - stats.connected;
  log.verify(
    failedToConnect === 0 && Object.keys(stats.errors).length === 0,
    `${label}: ${n} connections made, ${stats.connected} connected, no socket errors`,
    `${label}: ${failedToConnect} of ${n} connections failed to connect or ended in an error (${countsText(stats.errors) || "no error code"})`,
  );
  log.verify(
    stats.accepted === stats.connected,
    `${label}: the server accepted all ${stats.accepted} connections the client made`,
    `${label}: the server accepted ${stats.accepted} of the ${stats.connected} connections the client made ` +
      "(a server out of descriptors closes at once a connection it cannot accept, so it, not the side meant to, closes first)",
  );
  log.verify(
    stats.closerFinSeen === n,
    `${label}: on all ${n} connections the ${other} saw the ${closer}'s FIN before sending its own`,
    `${label}: only ${stats.closerFinSeen} of ${n} connections were closed first by the ${closer}`,
  );
  const entries = run.timeWait.serverSide + run.timeWait.clientSide;
  const tuples = stats.clientPorts.size;
  const reused = stats.connected - tuples;
  const left = count.ignored > 0 ? `; ${count.ignored} other TIME_WAIT entries on port ${serverPort} left out` : "";
  log.verify(
    entries === tuples,
    `${label}: ${entries} TIME_WAIT entries found for the run's ${tuples} connections (own addresses and ports only${left}; ${counted(count.reads, "read")} of the table)` +
      (reused > 0 ? `; ${reused} client ports were used twice (tcp_tw_reuse)` : ""),
    `${label}: ${entries} TIME_WAIT entries found for the run's ${tuples} connections in ${counted(count.reads, "read")} of the table, which should hold one each`,
  );
}

async function measureRun(scope: LabScope, files: string[], closesFirst: Closer, connections: number, concurrency: number, log: ConsistencyLog): Promise<TimeWaitRun> {
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
  const meaning: Record<string, string> = {
    "0": "off: the ceiling holds",
    "1": "on: a client may reuse a TIME_WAIT port for a new outgoing connection, so it can go past the ceiling",
    "2": "on for loopback only: this lab's client may reuse TIME_WAIT ports, a client on a real network may not",
  };
  return [`net.ipv4.tcp_tw_reuse = ${value} (${meaning[value] ?? "unknown value"})`];
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
  const notMeasured = (available: boolean, reason: string, setup = { connections, concurrency: askedConcurrency, requested }): TimeWaitLabResult => {
    if (!log.failed) log.fail(reason);
    return { lab: "time-wait", available, reason, setup, measured: null, model: null, platform, notes: [], consistency: log.result() };
  };
  if (!files) {
    return notMeasured(false, `not available on this platform (${process.platform}): no ${procDir}/net/tcp to read TIME_WAIT sockets from`);
  }
  log.note(`${procDir}/net/tcp readable: TIME_WAIT entries are counted for this lab's own connections only (${LOOPBACK_HOST}, its server port and client ports)`);
  log.note(
    platform.os === "linux"
      ? `platform linux: the model's TIME_WAIT of ${platform.timeWaitSeconds} s is this kernel's`
      : `platform ${platform.os}, not linux: the ceiling row uses Linux's TIME_WAIT of ${platform.timeWaitSeconds} s`,
  );
  if (!log.verify(connections <= platform.portRange.count, `${connections} connections per run fit in ${platform.portRange.count} ephemeral ports (${platform.portRange.source})`,
    `${connections} connections per run do not fit in the ${platform.portRange.count} ephemeral ports of this machine`)) {
    return notMeasured(true, log.result().inconclusive!);
  }
  const budget = descriptorBudget({ fdLimit, procDir });
  const fit = unitsThatFit(budget, 1, DESCRIPTORS_PER_CONNECTION);
  if (fit < 1) {
    requireDescriptors(log, budget, 1 + DESCRIPTORS_PER_CONNECTION, "one connection in flight and the listening server");
    return notMeasured(true, log.result().inconclusive!);
  }
  const concurrency = Math.min(askedConcurrency, fit);
  if (concurrency < askedConcurrency) {
    log.note(
      `${describeBudget(budget)}: concurrency lowered from ${askedConcurrency} to ${concurrency} ` +
        `(${DESCRIPTORS_PER_CONNECTION} descriptors per connection in flight, 1 listening, ${DESCRIPTOR_RESERVE} in reserve)`,
    );
  } else {
    requireDescriptors(log, budget, 1 + DESCRIPTORS_PER_CONNECTION * concurrency, `${concurrency} connections in flight and the listening server`);
  }
  const setup = { connections, concurrency, requested };
  const work = runLab("time-wait", deadlineMs, async (scope): Promise<TimeWaitLabResult> => {
    const clientCloses = await measureRun(scope, files, "client", connections, concurrency, log);
    const serverCloses = await measureRun(scope, files, "server", connections, concurrency, log);
    const { notes: modelNotes, ...model } = modelTimeWait({ connections, ports: platform.portRange.count, connectionsPerSecond: clientCloses.connectionsPerSecond });
    const notes = [...modelNotes, ...twReuseNotes(procDir)];
    return { lab: "time-wait", available: true, setup, measured: { clientCloses, serverCloses }, model, platform, notes, consistency: log.result() };
  });
  return orInconclusive(work, log, (reason) => notMeasured(true, reason, setup));
}

/** The TIME_WAIT lab as a table; an inconclusive result says so first. */
export function formatTimeWait(result: TimeWaitLabResult): string {
  const checks = consistencyLines(result.consistency);
  if (!result.available || !result.measured || !result.model) {
    const banner = inconclusiveBanner(result.consistency, false);
    const why = `TIME_WAIT lab: ${result.reason ?? "not available on this platform"}`;
    return [...(banner.length ? banner : [why]), ...checks, platformLine(result.platform)].join("\n");
  }
  const banner = inconclusiveBanner(result.consistency);
  const { clientCloses: c, serverCloses: s } = result.measured;
  const p = result.model;
  const rows = [
    { label: "client closes first: TIME_WAIT at client", measured: c.timeWait.clientSide, model: p.activeCloserHolds, unit: "" },
    { label: "client closes first: TIME_WAIT at server", measured: c.timeWait.serverSide, model: p.passiveCloserHolds, unit: "" },
    { label: "server closes first: TIME_WAIT at server", measured: s.timeWait.serverSide, model: p.activeCloserHolds, unit: "" },
    { label: "server closes first: TIME_WAIT at client", measured: s.timeWait.clientSide, model: p.passiveCloserHolds, unit: "" },
  ];
  const ceiling = formatNumber(p.maxConnectionsPerSecond, "connections/s");
  const exhausted =
    p.maxConnectionsPerSecond === null ? "n/a (no model)" : p.exhaustedAfterSeconds === null ? "never" : `after ${formatNumber(p.exhaustedAfterSeconds, "s")}`;
  return [
    ...banner,
    `TIME_WAIT: ${c.connections} connections opened and closed per run (${result.setup.concurrency ?? "?"} at a time), counted in /proc/net/tcp{,6}`,
    comparisonTable(rows),
    `ceiling with ${result.platform.portRange.count} ephemeral ports and ${result.platform.timeWaitSeconds} s TIME_WAIT: ${ceiling} to one server address:port`,
    `measured rate ${formatNumber(c.connectionsPerSecond, "connections/s")}: the port range runs out: ${exhausted} (model)`,
    ...result.notes.map((n) => `note: ${n}`),
    ...checks,
    platformLine(result.platform),
  ].join("\n");
}
