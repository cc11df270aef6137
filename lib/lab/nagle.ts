/**
 * Lab: Nagle's algorithm (RFC 896) meets delayed ACK (RFC 1122 4.2.3.2) on a
 * real loopback connection.
 *
 * Setup. A raw TCP server answers only once a whole request has arrived, and
 * sends nothing before that, so its ACK of a partial request is a delayed
 * one. The client sends each request as two small writes (a header part, then
 * a body part) on one persistent connection and waits for the answer, many
 * rounds in a row. Three runs, each on its own connection:
 *   - Nagle on (the default socket): the second write waits in the client's
 *     kernel until the first is ACKed, and that ACK waits for the server's
 *     delayed-ACK timer (40 ms minimum on Linux): the write-write-read stall.
 *   - setNoDelay(true): the second part leaves at once; one round trip.
 *   - Nagle on, the request as one write: nothing to hold back; one round trip.
 * The result holds the median time per request of each run. Before measuring,
 * the lab checks it has the few descriptors it needs; after, that every
 * request was answered once by the server on its own connection (see
 * consistency.ts): otherwise the result is inconclusive.
 */
import * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { messages, type Message } from "../i18n";
import {
  type LabScope,
  type LoopbackServer,
  connectLoopback,
  listenOnLoopback,
  median,
  nowMs,
  roundMs,
  runLab,
  deadlineOption,
} from "./harness";
import {
  type Consistency,
  ConsistencyLog,
  LabInconclusiveError,
  consistencyLines,
  inconclusiveBanner,
  orInconclusive,
} from "./consistency";
import { descriptorBudget, oneConnectionAtATime, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt, verifyLoopbackRtt } from "./loopback-rtt";
import { type PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, noteLines, platformLine } from "./table";
import type { NagleTimes } from "./nagle-model";
import { modelNagle, type NagleModel } from "./nagle-model";

const say = messages("lab/nagle", {
  serverClosed: {
    en: "the server closed a connection before answering (was it out of descriptors?)",
    ko: "서버가 응답하기 전에 커넥션을 닫았습니다 (디스크립터가 바닥났을까요?)",
  },
  runNagle: { en: "Nagle on, 2 writes", ko: "네이글 켬, 쓰기 2번" },
  runNoDelay: { en: "TCP_NODELAY, 2 writes", ko: "TCP_NODELAY, 쓰기 2번" },
  runSingleWrite: { en: "Nagle on, 1 write", ko: "네이글 켬, 쓰기 1번" },
  runOk: {
    en: "{run}: {rounds} requests sent, {responses} responses read; the server read {read} B and answered {answered} on {connections} connection",
    ko: "{run}: 요청 {rounds}개를 보내고 응답 {responses}개를 읽었습니다. 서버는 커넥션 {connections}개에서 {read} B를 읽고 {answered}번 응답했습니다",
  },
  runBad: {
    en: "{run}: {rounds} requests ({sent} B) on one connection, but the server read {read} B and answered {answered} on {connections} connections",
    ko: "{run}: 커넥션 하나로 요청 {rounds}개({sent} B)를 보냈는데, 서버는 커넥션 {connections}개에서 {read} B를 읽고 {answered}번 응답했습니다",
  },
  platformLinux: {
    en: "platform linux: the model's delayed-ACK timer (40 ms minimum) is this kernel's",
    ko: "플랫폼 linux: 모델의 확인응답 지연(delayed ACK) 타이머(최소 40 ms)는 이 커널의 값입니다",
  },
  platformOther: {
    en: "platform {os}, not linux: the model uses Linux's 40 ms delayed-ACK minimum, this kernel's timer may differ (the measured stall is still this machine's)",
    ko: "플랫폼 {os}(linux 아님): 모델은 Linux의 확인응답 지연 최솟값 40 ms를 씁니다. 이 커널의 타이머는 다를 수 있습니다 (측정된 지연은 그래도 이 컴퓨터의 것입니다)",
  },
  heading: {
    en: "Nagle vs delayed ACK: median time per request over {rounds} requests on one connection",
    ko: "네이글 알고리즘 대 확인응답 지연(delayed ACK): 커넥션 하나에서 요청 {rounds}개를 보낸 요청당 시간의 중앙값",
  },
  rowNagle: { en: "Nagle on, 2 writes ({header}+{body} B)", ko: "네이글 켬, 쓰기 2번 ({header}+{body} B)" },
});

export interface NagleLabOptions {
  /** requests per run (default 20, at most 200) */
  rounds?: number;
  /** bytes of the first write, the "header" (default 64) */
  headerBytes?: number;
  /** bytes of the second write, the "body" (default 64) */
  bodyBytes?: number;
  /** the whole lab aborts after this long (default 15000 ms) */
  deadlineMs?: number;
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
}

export type { NagleTimes } from "./nagle-model";

export interface NagleLabResult {
  lab: "nagle";
  setup: { rounds: number; headerBytes: number; bodyBytes: number; responseBytes: number };
  /** median ms per request, measured */
  measured: NagleTimes;
  /** ms per request the model predicts for the same writes (null where no model exists yet) */
  model: NagleTimes;
  platform: PlatformFacts;
  notes: string[];
  /** what the lab verified about its own run, and why the result is inconclusive when it is (times are then null when nothing was measured) */
  consistency: Consistency;
}

/** The most descriptors the lab holds at once: a listening server, a client socket and the server's, and the previous run's two still closing. */
const PEAK_DESCRIPTORS = 5;

/** The server's answer: small enough for one segment. */
const RESPONSE = Buffer.from("OK\n");

type RunKind = "nagle" | "noDelay" | "singleWrite";

/**
 * A server that counts bytes and answers once per complete request of
 * `requestBytes` bytes; it sends nothing before a request is complete.
 */
function requestCountingServer(requestBytes: number, answered: { count: number }): net.Server {
  return net.createServer((socket) => {
    let pending = 0;
    socket.on("data", (chunk) => {
      pending += chunk.length;
      while (pending >= requestBytes) {
        pending -= requestBytes;
        answered.count++;
        socket.write(RESPONSE);
      }
    });
    socket.on("error", () => undefined);
  });
}

/** Resolves once `bytes` bytes have come back on `socket` (one response). */
function readResponse(scope: LabScope, socket: net.Socket, bytes: number): Promise<void> {
  return scope.race(
    new Promise<void>((resolve, reject) => {
      let got = 0;
      const onClose = () => reject(new LabInconclusiveError(say.serverClosed()));
      const onData = (chunk: Buffer) => {
        got += chunk.length;
        if (got >= bytes) {
          socket.off("data", onData);
          socket.off("error", reject);
          socket.off("close", onClose);
          resolve();
        }
      };
      socket.on("data", onData);
      socket.once("error", reject);
      socket.once("close", onClose);
    }),
  );
}

/** Sends one request the way `kind` says and waits for its answer; returns ms taken. */
async function oneRequest(scope: LabScope, socket: net.Socket, kind: RunKind, header: Buffer, body: Buffer): Promise<number> {
  const answered = readResponse(scope, socket, RESPONSE.length);
  const start = nowMs();
  if (kind === "singleWrite") {
    socket.write(Buffer.concat([header, body]));
  } else {
    // two write calls: the first is handed to TCP at once, the second behind it
    socket.write(header);
    socket.write(body);
  }
  await answered;
  return nowMs() - start;
}

const RUN_NAMES: Record<RunKind, Message> = { nagle: say.runNagle, noDelay: say.runNoDelay, singleWrite: say.runSingleWrite };

/** One run: a fresh connection, `rounds` requests, median ms per request; checks every request was answered once on it. */
async function measureRun(
  scope: LabScope,
  server: LoopbackServer,
  answered: { count: number },
  log: ConsistencyLog,
  kind: RunKind,
  rounds: number,
  header: Buffer,
  body: Buffer,
): Promise<number> {
  const before = { answered: answered.count, connections: server.connections, read: server.bytes().read };
  const socket = await connectLoopback(scope, server.port, { noDelay: kind === "noDelay" });
  try {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      scope.check();
      times.push(await oneRequest(scope, socket, kind, header, body));
    }
    const serverAnswered = answered.count - before.answered;
    const connections = server.connections - before.connections;
    const read = server.bytes().read - before.read;
    const sent = rounds * (header.length + body.length);
    const run = RUN_NAMES[kind]();
    log.verify(
      times.length === rounds && serverAnswered === rounds && connections === 1 && read === sent,
      say.runOk({ run, rounds, responses: times.length, read, answered: serverAnswered, connections }),
      say.runBad({ run, rounds, sent, read, answered: serverAnswered, connections }),
    );
    return roundMs(median(times));
  } finally {
    socket.destroy();
  }
}

function readOptions(options: NagleLabOptions | undefined) {
  const o = optionsObject("options", options);
  return {
    rounds: optionalNumber("rounds", o.rounds, 20, { integer: true, min: 1, max: 200 }),
    headerBytes: optionalNumber("headerBytes", o.headerBytes, 64, { integer: true, min: 1, max: 1000 }),
    bodyBytes: optionalNumber("bodyBytes", o.bodyBytes, 64, { integer: true, min: 1, max: 1000 }),
    deadlineMs: deadlineOption(o.deadlineMs),
    fdLimit: o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 }),
  };
}

/** Runs the Nagle lab on loopback and returns measurement, model, platform facts and its consistency checks. */
export async function runNagleLab(options?: NagleLabOptions): Promise<NagleLabResult> {
  const { rounds, headerBytes, bodyBytes, deadlineMs, fdLimit } = readOptions(options);
  const header = Buffer.alloc(headerBytes, "h");
  const body = Buffer.alloc(bodyBytes, "b");
  const setup = { rounds, headerBytes, bodyBytes, responseBytes: RESPONSE.length };
  const log = new ConsistencyLog();
  const none: NagleTimes = { nagleMs: null, noDelayMs: null, singleWriteMs: null };
  const notMeasured = (): NagleLabResult => ({
    lab: "nagle",
    setup,
    measured: none,
    model: none,
    platform: platformFacts(),
    notes: [],
    consistency: log.result(),
  });
  if (!requireDescriptors(log, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, oneConnectionAtATime())) return notMeasured();
  log.note(process.platform === "linux" ? say.platformLinux() : say.platformOther({ os: process.platform }));
  const work = runLab("nagle", deadlineMs, async (scope): Promise<NagleLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    verifyLoopbackRtt(log, rttMs);
    const answered = { count: 0 };
    const server = await listenOnLoopback(scope, requestCountingServer(headerBytes + bodyBytes, answered));
    try {
      const measured: NagleTimes = {
        nagleMs: await measureRun(scope, server, answered, log, "nagle", rounds, header, body),
        noDelayMs: await measureRun(scope, server, answered, log, "noDelay", rounds, header, body),
        singleWriteMs: await measureRun(scope, server, answered, log, "singleWrite", rounds, header, body),
      };
      const model: NagleModel = modelNagle({ headerBytes, bodyBytes, responseBytes: RESPONSE.length, rttMs });
      return {
        lab: "nagle",
        setup,
        measured,
        model: model.times,
        platform: platformFacts({ loopbackRttMs: rttMs }),
        notes: model.notes,
        consistency: log.result(),
      };
    } finally {
      await server.close();
    }
  });
  return orInconclusive(work, log, notMeasured);
}

/** The Nagle lab as a table: model beside measurement, ratio measured/model. */
export function formatNagle(result: NagleLabResult): string {
  const { measured: m, model: p, setup } = result;
  const rows = [
    { label: say.rowNagle({ header: setup.headerBytes, body: setup.bodyBytes }), measured: m.nagleMs, model: p.nagleMs, unit: "ms" },
    { label: say.runNoDelay(), measured: m.noDelayMs, model: p.noDelayMs, unit: "ms" },
    { label: say.runSingleWrite(), measured: m.singleWriteMs, model: p.singleWriteMs, unit: "ms" },
  ];
  return [
    ...inconclusiveBanner(
      result.consistency,
      [m.nagleMs, m.noDelayMs, m.singleWriteMs].some((x) => x !== null),
    ),
    say.heading({ rounds: setup.rounds }),
    comparisonTable(rows),
    ...noteLines(result.notes),
    ...consistencyLines(result.consistency),
    platformLine(result.platform),
  ].join("\n");
}
