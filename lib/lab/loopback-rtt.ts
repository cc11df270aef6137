/**
 * Measures the loopback round-trip time the models are fed: the median time
 * for one byte to go to an echo server and back on a connection with Nagle
 * off. It includes node's own event-loop cost on both ends, which is what
 * every request in the other labs pays as well.
 */
import * as net from "node:net";
import { once } from "node:events";
import { checkNumber } from "../errors";
import { messages } from "../i18n";
import type { ConsistencyLog } from "./consistency";
import { type LabScope, connectLoopback, listenOnLoopback, median, nowMs, roundMs } from "./harness";

const say = messages("lab/loopback-rtt", {
  measured: {
    en: "loopback round trip measured: {ms} ms (median of the echo probe)",
    ko: "루프백 왕복 시간(RTT) 측정: {ms} ms (에코 탐침의 중앙값)",
  },
  notMeasured: {
    en: "the loopback round trip could not be measured ({ms} ms)",
    ko: "루프백 왕복 시간(RTT)을 측정하지 못했습니다 ({ms} ms)",
  },
});

/** Echo round trips that are timed. */
export const RTT_ROUNDS = 40;
/** Round trips run first and not timed: the first ones pay for node compiling the code path. */
const WARM_UP_ROUNDS = 10;

function echoServer(): net.Server {
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on("data", (chunk) => socket.write(chunk));
    socket.on("error", () => undefined);
  });
}

/** Median echo round trip on 127.0.0.1, in ms. The server and socket close before it returns. */
export async function measureLoopbackRtt(scope: LabScope, rounds = RTT_ROUNDS): Promise<number> {
  checkNumber("rounds", rounds, { integer: true, min: 1, max: 1000 });
  const server = await listenOnLoopback(scope, echoServer());
  const socket = await connectLoopback(scope, server.port, { noDelay: true });
  try {
    const times: number[] = [];
    for (let i = 0; i < WARM_UP_ROUNDS + rounds; i++) {
      const start = nowMs();
      const reply = once(socket, "data");
      socket.write("x");
      await scope.race(reply);
      if (i >= WARM_UP_ROUNDS) times.push(nowMs() - start);
    }
    return roundMs(median(times));
  } finally {
    socket.destroy();
    await server.close();
  }
}

/** Records in `log` whether the probe gave a usable round trip (a positive, finite time); returns whether it did. */
export function verifyLoopbackRtt(log: ConsistencyLog, rttMs: number): boolean {
  return log.verify(Number.isFinite(rttMs) && rttMs > 0, say.measured({ ms: rttMs }), say.notMeasured({ ms: rttMs }));
}
