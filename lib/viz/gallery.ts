/**
 * One terminal picture per model, for `npm run workbook -- show <model>`:
 * each runs the model on a small, typical case and draws the result.
 */
import { nagleDelayedAck } from "../tcp/nagle-delayed-ack";
import { portExhaustion } from "../tcp/ports";
import { slowStart } from "../tcp/slow-start";
import { transactionTime } from "../tcp/transaction";
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_SECONDS } from "../tcp/constants";
import { Network } from "../sim/engine";
import { cwndChart } from "./cwnd-chart";
import { overheadChart } from "./overhead-chart";
import { packetLayout } from "./packet-layout";
import { sequenceDiagramText } from "./sequence-diagram";

export interface Picture {
  about: string;
  draw(): string;
}

function handshakePicture(): string {
  const net = new Network({ rttMs: 100 });
  const conn = net.open({ atMs: 0 });
  conn.client.write(300, "GET /index.html");
  conn.server.read(300, (t) => net.at(t, () => conn.server.write(1000, "200 OK")));
  conn.client.read(1000, () => conn.client.close());
  conn.server.onPeerClose(() => conn.server.close());
  net.run();
  const t = transactionTime({ rttMs: 100, requestBytes: 300, responseBytes: 1000 });
  return `A small transaction on a new connection, RTT 100 ms\n${sequenceDiagramText(net.trace)}\n` +
    `connect ${t.breakdown.connectMs.toFixed(0)} ms of ${t.totalMs.toFixed(0)} ms in all`;
}

function slowStartPicture(): string {
  const bytes = 1_000_000;
  const plain = slowStart({ bytes, rttMs: 100 });
  const delayed = slowStart({ bytes, rttMs: 100, delayedAck: true });
  return [
    cwndChart(plain, { title: `cwnd per round sending ${bytes} bytes, RTT 100 ms: ${plain.rounds} rounds` }),
    "",
    cwndChart(delayed, { title: `the same with delayed ACKs: ${delayed.rounds} rounds` }),
  ].join("\n");
}

function naglePicture(): string {
  const stalled = nagleDelayedAck({ writes: [200, 100], nagle: true, delayedAckMs: 40, rttMs: 1 });
  const nodelay = nagleDelayedAck({ writes: [200, 100], nagle: false, delayedAckMs: 40, rttMs: 1 });
  return `A request written in two pieces (200 + 100 bytes), RTT 1 ms, delayed ACK 40 ms\n` +
    `${sequenceDiagramText(stalled.trace)}\n` +
    `Nagle on: the server has the request at ${stalled.completeMs.toFixed(1)} ms (stall ${stalled.stallMs.toFixed(1)} ms); ` +
    `TCP_NODELAY: ${nodelay.completeMs.toFixed(1)} ms`;
}

function portsPicture(): string {
  const ports = LINUX_EPHEMERAL_PORTS;
  const rows = [100, 400, 1000, 5000].map((rate) => {
    const r = portExhaustion({ ports, timeWaitSeconds: LINUX_TIME_WAIT_SECONDS, connectionsPerSecond: rate });
    const when = r.exhaustedAfterSeconds === null ? "never" : `after ${r.exhaustedAfterSeconds.toFixed(1)} s`;
    return `  ${String(rate).padStart(5)} new connections/s -> ports run out ${when}`;
  });
  const ceiling = portExhaustion({ ports, timeWaitSeconds: LINUX_TIME_WAIT_SECONDS }).maxConnectionsPerSecond;
  return `One client address to one server address:port, ports ${ports.low}-${ports.high}, TIME_WAIT ${LINUX_TIME_WAIT_SECONDS} s\n` +
    `ceiling: ${ceiling.toFixed(0)} new connections per second\n${rows.join("\n")}`;
}

export const gallery: Record<string, Picture> = {
  segment: { about: "a message cut into segments, and the header overhead of small messages", draw: () => `${packetLayout(3000)}\n\n${overheadChart({ maxBytes: 6000 })}` },
  handshake: { about: "SYN, SYN-ACK, ACK and a small transaction as a sequence diagram", draw: handshakePicture },
  "slow-start": { about: "cwnd per round, with and without delayed ACKs", draw: slowStartPicture },
  nagle: { about: "the write-write-read stall of Nagle against a delayed ACK", draw: naglePicture },
  ports: { about: "TIME_WAIT and the ceiling on new connections per second", draw: portsPicture },
};
