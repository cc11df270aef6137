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
import { ackSchedule } from "../tcp/delayed-ack";
import { HTTP1_STRATEGIES, simulatePageLoad } from "../http/page-load";
import { simulateKeepAlive } from "../http/keep-alive";
import { simulateProxyChain } from "../http/proxy-chain";
import { simulateClose } from "../http/close";
import { waterfallText } from "./waterfall";
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
    cwndChart(delayed, { title: `the same with delayed ACKs, RFC 5681 growth (Linux keeps doubling: abcLimit Infinity): ${delayed.rounds} rounds` }),
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

function delayedAckPicture(): string {
  // two full segments at once, then a lone one: the first pair is ACKed at once, the third waits for the timer
  const arrivals = [{ tMs: 0, bytes: 1460 }, { tMs: 0.1, bytes: 1460 }, { tMs: 10, bytes: 1460 }, { tMs: 60, bytes: 300 }];
  const lines = [40, 200].map((delayedAckMs) => {
    const acks = ackSchedule({ arrivals, delayedAckMs });
    return `  timer ${String(delayedAckMs).padStart(3)} ms: ` + acks.map((a) => `ACK at ${a.tMs} ms for ${a.segments} segment(s) (${a.reason})`).join("; ");
  });
  const arrived = arrivals.map((a) => `${a.bytes} B at ${a.tMs} ms`).join(", ");
  return `Segments arrive (${arrived}) and the receiver has nothing to send back:\n${lines.join("\n")}`;
}

const SAMPLE_PAGE = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };

function pageLoadPicture(): string {
  return HTTP1_STRATEGIES.map((strategy) => {
    const r = simulatePageLoad({ page: SAMPLE_PAGE, strategy, rttMs: 100, bandwidthBps: 10e6 });
    return `${strategy}: ${r.elapsedMs.toFixed(0)} ms, ${r.packets} packets, ${r.connectionsOpened} connection(s)\n${waterfallText(r, { width: 50 })}`;
  }).join("\n\n");
}

function keepAlivePicture(): string {
  const run = simulateKeepAlive({
    server: { timeoutSeconds: 5, max: 3 },
    requests: [0, 1000, 2000, 3000, 9000].map((atMs) => ({ atMs, askKeepAlive: true })),
  });
  const rows = run.steps.map((s) => `  ${String(s.atMs).padStart(5)} ms  ${s.path.padEnd(8)} conn ${s.conn}  ${s.reused ? "reused" : "new   "}  ${s.connectionNote}`);
  return `HTTP/1.0 keep-alive, server Keep-Alive: timeout=5, max=3; five requests\n${rows.join("\n")}\nconnections opened: ${run.connectionsOpened}`;
}

function proxyPicture(): string {
  const r = simulateProxyChain({ proxies: ["dumb"], rttMs: 20, proxyTimeoutMs: 3000 });
  return `A dumb proxy forwards Connection: Keep-Alive: ${r.outcome}${r.hangMs ? ` for ${r.hangMs} ms` : ""}\n${sequenceDiagramText(r.trace)}\n${r.explanation}`;
}

function closePicture(): string {
  return (["abrupt", "graceful"] as const).map((strategy) => {
    const r = simulateClose({ strategy, rttMs: 20, responseBytes: 5000 });
    return `${strategy} close: client read ${r.clientReceivedBytes} of ${r.responseBytes} bytes\n${sequenceDiagramText(r.trace)}\n${r.explanation}`;
  }).join("\n\n");
}

function multiplexPicture(): string {
  const page = { htmlBytes: 2000, objectBytes: [3000, 3000, 3000, 3000] };
  const serverMs = [0, 300, 5, 5, 5]; // the first image is slow at the server
  return (["pipelined", "multiplexed"] as const).map((strategy) => {
    const r = simulatePageLoad({ page, strategy, rttMs: 50, bandwidthBps: 10e6, serverMs });
    return `${strategy}, first image 300 ms at the server: ${r.elapsedMs.toFixed(0)} ms\n${waterfallText(r, { width: 50 })}`;
  }).join("\n\n");
}

export const gallery: Record<string, Picture> = {
  segment: { about: "a message cut into segments, and the header overhead of small messages", draw: () => `${packetLayout(3000)}\n\n${overheadChart({ maxBytes: 6000 })}` },
  handshake: { about: "SYN, SYN-ACK, ACK and a small transaction as a sequence diagram", draw: handshakePicture },
  "slow-start": { about: "cwnd per round, with and without delayed ACKs", draw: slowStartPicture },
  nagle: { about: "the write-write-read stall of Nagle against a delayed ACK", draw: naglePicture },
  ports: { about: "TIME_WAIT and the ceiling on new connections per second", draw: portsPicture },
  "delayed-ack": { about: "when the receiver's ACKs go out, 40 ms and 200 ms timers", draw: delayedAckPicture },
  "page-load": { about: "waterfalls of one page: serial, parallel, persistent, pipelined", draw: pageLoadPicture },
  "keep-alive": { about: "HTTP/1.0 keep-alive with timeout and max, request by request", draw: keepAlivePicture },
  proxy: { about: "the hang a dumb proxy causes by forwarding Connection: Keep-Alive", draw: proxyPicture },
  close: { about: "closing with unread input (RST) against the graceful close", draw: closePicture },
  multiplex: { about: "a slow response: pipelining's head-of-line blocking against multiplexing", draw: multiplexPicture },
};
