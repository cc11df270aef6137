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
 * The result holds the median time per request of each run.
 */
import * as net from "node:net";
import { optionsObject, optionalNumber } from "../errors";
import { LabScope, connectLoopback, listenOnLoopback, median, nowMs, roundMs, runLab, deadlineOption } from "./harness";
import { measureLoopbackRtt } from "./loopback-rtt";
import { PlatformFacts, platformFacts } from "./platform";
import { comparisonTable, platformLine } from "./table";
import { modelNagle, NagleModel } from "./nagle-model";

export interface NagleLabOptions {
  /** requests per run (default 20, at most 200) */
  rounds?: number;
  /** bytes of the first write, the "header" (default 64) */
  headerBytes?: number;
  /** bytes of the second write, the "body" (default 64) */
  bodyBytes?: number;
  /** the whole lab aborts after this long (default 15000 ms) */
  deadlineMs?: number;
}

export interface NagleTimes {
  nagleMs: number | null;
  noDelayMs: number | null;
  singleWriteMs: number | null;
}

export interface NagleLabResult {
  lab: "nagle";
  setup: { rounds: number; headerBytes: number; bodyBytes: number; responseBytes: number };
  /** median ms per request, measured */
  measured: NagleTimes;
  /** ms per request the model predicts for the same writes (null where no model exists yet) */
  model: NagleTimes;
  platform: PlatformFacts;
  notes: string[];
}

/** The server's answer: small enough for one segment. */
const RESPONSE = Buffer.from("OK\n");

type RunKind = "nagle" | "noDelay" | "singleWrite";

/**
 * A server that counts bytes and answers once per complete request of
 * `requestBytes` bytes; it sends nothing before a request is complete.
 */
function requestCountingServer(requestBytes: number): net.Server {
  return net.createServer((socket) => {
    let pending = 0;
    socket.on("data", (chunk) => {
      pending += chunk.length;
      while (pending >= requestBytes) {
        pending -= requestBytes;
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
      const onData = (chunk: Buffer) => {
        got += chunk.length;
        if (got >= bytes) {
          socket.off("data", onData);
          socket.off("error", reject);
          resolve();
        }
      };
      socket.on("data", onData);
      socket.once("error", reject);
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

/** One run: a fresh connection, `rounds` requests, median ms per request. */
async function measureRun(scope: LabScope, port: number, kind: RunKind, rounds: number, header: Buffer, body: Buffer): Promise<number> {
  const socket = await connectLoopback(scope, port, { noDelay: kind === "noDelay" });
  try {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      scope.check();
      times.push(await oneRequest(scope, socket, kind, header, body));
    }
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
  };
}

/** Runs the Nagle lab on loopback and returns measurement, model and platform facts. */
export async function runNagleLab(options?: NagleLabOptions): Promise<NagleLabResult> {
  const { rounds, headerBytes, bodyBytes, deadlineMs } = readOptions(options);
  const header = Buffer.alloc(headerBytes, "h");
  const body = Buffer.alloc(bodyBytes, "b");
  return runLab("nagle", deadlineMs, async (scope) => {
    const rttMs = await measureLoopbackRtt(scope);
    const server = await listenOnLoopback(scope, requestCountingServer(headerBytes + bodyBytes));
    try {
      const measured: NagleTimes = {
        nagleMs: await measureRun(scope, server.port, "nagle", rounds, header, body),
        noDelayMs: await measureRun(scope, server.port, "noDelay", rounds, header, body),
        singleWriteMs: await measureRun(scope, server.port, "singleWrite", rounds, header, body),
      };
      const model: NagleModel = modelNagle({ headerBytes, bodyBytes, responseBytes: RESPONSE.length, rttMs });
      return {
        lab: "nagle" as const,
        setup: { rounds, headerBytes, bodyBytes, responseBytes: RESPONSE.length },
        measured,
        model: model.times,
        platform: platformFacts({ loopbackRttMs: rttMs }),
        notes: model.notes,
      };
    } finally {
      await server.close();
    }
  });
}

/** The Nagle lab as a table: model beside measurement, ratio measured/model. */
export function formatNagle(result: NagleLabResult): string {
  const { measured: m, model: p, setup } = result;
  const rows = [
    { label: `Nagle on, 2 writes (${setup.headerBytes}+${setup.bodyBytes} B)`, measured: m.nagleMs, model: p.nagleMs, unit: "ms" },
    { label: "TCP_NODELAY, 2 writes", measured: m.noDelayMs, model: p.noDelayMs, unit: "ms" },
    { label: "Nagle on, 1 write", measured: m.singleWriteMs, model: p.singleWriteMs, unit: "ms" },
  ];
  return [
    `Nagle vs delayed ACK: median time per request over ${setup.rounds} requests on one connection`,
    comparisonTable(rows),
    ...result.notes.map((n) => `note: ${n}`),
    platformLine(result.platform),
  ].join("\n");
}
