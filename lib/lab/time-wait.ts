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
 * Linux only: elsewhere the result says "not available on this platform".
 * The TIME_WAIT entries this lab leaves behind expire on their own after 60 s.
 */
import { readFileSync } from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { optionsObject, optionalNumber } from "../errors";
import { LOOPBACK_HOST, LabScope, listenOnLoopback, nowMs, runLab, socketClosed, deadlineOption } from "./harness";
import { PlatformFacts, platformFacts } from "./platform";
import { TimeWaitCount, countTimeWait, procNetTcpFiles } from "./proc-net-tcp";
import { comparisonTable, formatNumber, platformLine } from "./table";
import { modelTimeWait, TimeWaitModel } from "./time-wait-model";

export interface TimeWaitLabOptions {
  /** connections opened and closed per run (default 500, at most 5000) */
  connections?: number;
  /** how many connections are in flight at once (default 25) */
  concurrency?: number;
  /** where /proc is (for tests; default "/proc") */
  procDir?: string;
  /** the whole lab aborts after this long (default 20000 ms) */
  deadlineMs?: number;
}

export type Closer = "client" | "server";

export interface TimeWaitRun {
  /** who sent the first FIN */
  closesFirst: Closer;
  connections: number;
  /** TIME_WAIT entries for this run's server port, by the side that holds them */
  timeWait: TimeWaitCount;
  /** how fast this run opened and closed connections */
  connectionsPerSecond: number;
}

export interface TimeWaitLabResult {
  lab: "time-wait";
  available: boolean;
  /** why the lab did not run, when it did not */
  reason?: string;
  setup: { connections: number; concurrency: number };
  measured: { clientCloses: TimeWaitRun; serverCloses: TimeWaitRun } | null;
  model: Omit<TimeWaitModel, "notes"> | null;
  platform: PlatformFacts;
  notes: string[];
}

/** A server that closes first (end() on accept) or waits for the client's FIN. */
function closingServer(closesFirst: Closer): net.Server {
  return net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.resume();
    if (closesFirst === "server") socket.end();
    // otherwise node ends our side when the client's FIN arrives (allowHalfOpen false)
  });
}

/** One connection: connect, let `closesFirst` send the first FIN, wait until the client socket is closed. */
async function openAndClose(scope: LabScope, port: number, closesFirst: Closer): Promise<void> {
  const socket = net.connect({ host: LOOPBACK_HOST, port });
  socket.on("error", () => undefined);
  socket.resume();
  const done = socketClosed(scope, socket);
  try {
    if (closesFirst === "client") socket.once("connect", () => socket.end());
    await done;
  } finally {
    socket.destroy();
  }
}

/** Opens and closes `total` connections, `concurrency` at a time. */
async function churn(scope: LabScope, port: number, closesFirst: Closer, total: number, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      scope.check();
      await openAndClose(scope, port, closesFirst);
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

async function measureRun(scope: LabScope, files: string[], closesFirst: Closer, connections: number, concurrency: number): Promise<TimeWaitRun> {
  const raw = closingServer(closesFirst);
  const server = await listenOnLoopback(scope, raw);
  try {
    const before = countTimeWait(files, server.port);
    const start = nowMs();
    await churn(scope, server.port, closesFirst, connections, concurrency);
    await serverDrained(scope, raw);
    const seconds = (nowMs() - start) / 1000;
    const after = countTimeWait(files, server.port);
    return {
      closesFirst,
      connections,
      timeWait: { serverSide: after.serverSide - before.serverSide, clientSide: after.clientSide - before.clientSide },
      connectionsPerSecond: Math.round(connections / seconds),
    };
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

/** Runs the TIME_WAIT lab; on a system without /proc/net/tcp it returns `available: false`. */
export async function runTimeWaitLab(options?: TimeWaitLabOptions): Promise<TimeWaitLabResult> {
  const { connections, concurrency, procDir, deadlineMs } = readOptions(options);
  const setup = { connections, concurrency };
  const platform = platformFacts({ procDir });
  const files = procNetTcpFiles(procDir);
  if (!files) {
    const reason = `not available on this platform (${process.platform}): no ${procDir}/net/tcp to read TIME_WAIT sockets from`;
    return { lab: "time-wait", available: false, reason, setup, measured: null, model: null, platform, notes: [] };
  }
  return runLab("time-wait", deadlineMs, async (scope) => {
    const clientCloses = await measureRun(scope, files, "client", connections, concurrency);
    const serverCloses = await measureRun(scope, files, "server", connections, concurrency);
    const { notes: modelNotes, ...model } = modelTimeWait({ connections, ports: platform.portRange.count, connectionsPerSecond: clientCloses.connectionsPerSecond });
    const notes = [...modelNotes, ...twReuseNotes(procDir)];
    return { lab: "time-wait" as const, available: true, setup, measured: { clientCloses, serverCloses }, model, platform, notes };
  });
}

/** The TIME_WAIT lab as a table. */
export function formatTimeWait(result: TimeWaitLabResult): string {
  if (!result.available || !result.measured || !result.model) {
    return [`TIME_WAIT lab: ${result.reason ?? "not available on this platform"}`, platformLine(result.platform)].join("\n");
  }
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
    `TIME_WAIT: ${c.connections} connections opened and closed per run, counted in /proc/net/tcp{,6}`,
    comparisonTable(rows),
    `ceiling with ${result.platform.portRange.count} ephemeral ports and ${result.platform.timeWaitSeconds} s TIME_WAIT: ${ceiling} to one server address:port`,
    `measured rate ${formatNumber(c.connectionsPerSecond, "connections/s")}: the port range runs out: ${exhausted} (model)`,
    ...result.notes.map((n) => `note: ${n}`),
    platformLine(result.platform),
  ].join("\n");
}

