/**
 * Measures the loopback round-trip time the models are fed: the median time
 * for one byte to go to an echo server and back on a connection with Nagle
 * off. It includes node's own event-loop cost on both ends, which is what
 * every request in the other labs pays as well.
 */
import * as net from "node:net";
import { once } from "node:events";
import { LabScope, connectLoopback, listenOnLoopback, median, nowMs, roundMs } from "./harness";

/** Default number of echo round trips; the first is dropped as warm-up. */
export const RTT_ROUNDS = 21;

function echoServer(): net.Server {
  return net.createServer({ noDelay: true }, (socket) => {
    socket.on("data", (chunk) => socket.write(chunk));
    socket.on("error", () => undefined);
  });
}

/** Median echo round trip on 127.0.0.1, in ms. The server and socket close before it returns. */
export async function measureLoopbackRtt(scope: LabScope, rounds = RTT_ROUNDS): Promise<number> {
  const server = await listenOnLoopback(scope, echoServer());
  const socket = await connectLoopback(scope, server.port, { noDelay: true });
  try {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const start = nowMs();
      const reply = once(socket, "data");
      socket.write("x");
      await scope.race(reply);
      if (i > 0) times.push(nowMs() - start);
    }
    return roundMs(median(times.length ? times : [0]));
  } finally {
    socket.destroy();
    await server.close();
  }
}
