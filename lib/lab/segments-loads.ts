/**
 * The segments lab's real page loads: a server on 127.0.0.1 that answers
 * each of a page's paths with a body of its size, and a client that loads
 * the page one of five ways, reading every connection's kernel counters
 * (ss-tcp-info.ts) once its last response is in and before it closes:
 *   serial       one node:http request per connection, one after another;
 *   parallel     the HTML alone, then the objects on up to 4 connections at
 *                once, one request each, a new connection for the next object;
 *   persistent   every request in turn on one kept-alive connection;
 *   pipelined    a raw socket: the HTML's request, then, once it is in, every
 *                object's request in ONE write, the responses parsed in order;
 *   multiplexed  node:http2 over cleartext h2c: the HTML's stream, then every
 *                object's stream at once on the same session.
 * Every load fetches the HTML first, as the model's browser does.
 *
 * A one-request connection asks for keep-alive and is closed by the server
 * only after its counters are read: with `Connection: close` the server's
 * FIN would race the reading, and the close is not part of the count.
 * Sockets set TCP_NODELAY, as the model's nagle: false says.
 */
import * as http from "node:http";
import * as http2 from "node:http2";
import * as net from "node:net";
import type { PageLoadStrategy, PageRequest } from "../http/page-load";
import { LabInconclusiveError } from "./consistency";
import { LOOPBACK_HOST, type LabScope, connectLoopback, listenOnLoopback } from "./harness";
import { ResponseParser } from "./response-parser";
import { type SocketCounters, type SocketLine, readSocketCounters } from "./ss-tcp-info";

/** Connections at once in the parallel load (the model's default for "parallel"). */
export const PARALLEL_CONNECTIONS = 4;

/** One connection's counters, both ends, as read before it closed (null: ss did not list that end). */
export interface ConnectionReading {
  clientPort: number;
  client: SocketCounters | null;
  server: SocketCounters | null;
}

/** What one real load did. */
export interface RealLoad {
  /** one per connection the client made, in the order they finished */
  readings: ConnectionReading[];
  /** requests the client sent */
  requests: number;
  /** responses that arrived with status 200 and a body of the page's size */
  whole: number;
  /** connections the server accepted */
  accepted: number;
  /** bytes the server read and wrote over the whole load (HTTP heads and bodies; for HTTP/2 its frames too) */
  serverBytes: { read: number; written: number };
}

/** What a load's client needs: where the server is, the scope, and where it records what it saw. */
interface Load {
  scope: LabScope;
  port: number;
  requests: PageRequest[];
  result: RealLoad;
}

/** The end of a connection `ss` listed with counters (a TIME-WAIT entry of the same ports has none). */
function end(sockets: SocketLine[], localPort: number, peerPort: number): SocketCounters | null {
  return sockets.find((s) => s.localPort === localPort && s.peerPort === peerPort && s.counters !== null)?.counters ?? null;
}

/** Readings of one connection before its two ends are taken to disagree (a segment was in flight between them). */
const SETTLE_READINGS = 5;
const SETTLE_PAUSE_MS = 10;

/** True when each end received every data segment the other sent. */
function settled(client: SocketCounters | null, server: SocketCounters | null): boolean {
  return !client || !server || (client.dataSegsOut === server.dataSegsIn && server.dataSegsOut === client.dataSegsIn);
}

/**
 * Reads both ends of the connection from `clientPort` and records them; no counters at all ends the lab
 * inconclusive. ss walks the sockets one after the other, so a segment sent between the two ends' lines (a
 * busy machine, an HTTP/2 frame just written) shows on one end only: read again, a few times and briefly,
 * until the ends agree; if they never do, the consistency check says so.
 */
async function readConnection(load: Load, clientPort: number): Promise<void> {
  let client: SocketCounters | null = null;
  let server: SocketCounters | null = null;
  for (let i = 0; i < SETTLE_READINGS; i++) {
    if (i > 0) await load.scope.race(new Promise((done) => setTimeout(done, SETTLE_PAUSE_MS)));
    const reading = await load.scope.race(readSocketCounters(load.port));
    if (reading.reason !== undefined) throw new LabInconclusiveError(reading.reason);
    client = end(reading.sockets, clientPort, load.port);
    server = end(reading.sockets, load.port, clientPort);
    if (settled(client, server)) break;
  }
  load.result.readings.push({ clientPort, client, server });
}

function pageServer(requests: readonly PageRequest[], byClientPort: Map<number, net.Socket>): http.Server {
  const server = http.createServer((req, res) => {
    const r = requests.find((q) => q.path === req.url);
    const bytes = r?.bytes ?? 0;
    res.writeHead(r ? 200 : 404, { "Content-Type": "application/octet-stream", "Content-Length": bytes });
    res.end(Buffer.alloc(bytes, 0x61));
  });
  server.on("connection", (socket: net.Socket) => {
    socket.setNoDelay(true);
    if (socket.remotePort !== undefined) byClientPort.set(socket.remotePort, socket);
  });
  return server;
}

/** One GET through `agent`; resolves with the client port it went on and whether the response was whole. */
function get(load: Load, agent: http.Agent, r: PageRequest): Promise<{ clientPort: number }> {
  return load.scope.race(
    new Promise((resolve, reject) => {
      const req = http.get({ host: LOOPBACK_HOST, port: load.port, path: r.path, agent }, (res) => {
        const clientPort = res.socket.localPort ?? Number.NaN;
        let got = 0;
        res.on("data", (chunk: Buffer) => (got += chunk.length));
        res.on("end", () => {
          if (res.statusCode === 200 && got === r.bytes) load.result.whole++;
          resolve({ clientPort });
        });
        res.on("error", reject);
      });
      load.result.requests++;
      req.on("socket", (socket: net.Socket) => socket.setNoDelay(true));
      req.on("error", reject);
    }),
  );
}

/** A kept-alive agent of one socket, destroyed when the lab ends. */
function agentOfOne(scope: LabScope): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  scope.defer(() => agent.destroy());
  return agent;
}

/** One request on a connection of its own; counters read, then the server closes it. */
async function oneRequestConnection(load: Load, byClientPort: Map<number, net.Socket>, r: PageRequest): Promise<void> {
  const { clientPort } = await get(load, agentOfOne(load.scope), r);
  await readConnection(load, clientPort);
  byClientPort.get(clientPort)?.end();
}

async function serial(load: Load, byClientPort: Map<number, net.Socket>): Promise<void> {
  for (const r of load.requests) await oneRequestConnection(load, byClientPort, r);
}

async function parallel(load: Load, byClientPort: Map<number, net.Socket>): Promise<void> {
  const [html, ...objects] = load.requests;
  await oneRequestConnection(load, byClientPort, html);
  const queue = [...objects];
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) await oneRequestConnection(load, byClientPort, r);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_CONNECTIONS, objects.length) }, worker));
}

async function persistent(load: Load): Promise<void> {
  const agent = agentOfOne(load.scope);
  const ports = new Set<number>();
  for (const r of load.requests) ports.add((await get(load, agent, r)).clientPort);
  for (const port of ports) await readConnection(load, port);
  agent.destroy(); // the browser closes when it has nothing left to ask
}

async function pipelined(load: Load): Promise<void> {
  const socket = await connectLoopback(load.scope, load.port, { noDelay: true });
  const parser = new ResponseParser(load.requests.map(() => "GET"));
  let arrived = 0;
  let wake = () => {};
  let failure: unknown;
  socket.on("data", (chunk: Buffer) => {
    try {
      for (const response of parser.push(chunk)) {
        const r = load.requests[arrived++];
        if (response.status === 200 && response.body.length === r.bytes) load.result.whole++;
      }
    } catch (err) {
      failure = err;
    }
    wake();
  });
  socket.on("close", () => wake());
  const until = (n: number) =>
    load.scope.race(
      new Promise<void>((resolve, reject) => {
        wake = () => (failure ? reject(failure) : arrived >= n || socket.closed ? resolve() : undefined);
        wake();
      }),
    );
  const request = (r: PageRequest) => `GET ${r.path} HTTP/1.1\r\nHost: ${LOOPBACK_HOST}:${load.port}\r\n\r\n`;
  const [html, ...objects] = load.requests;
  socket.write(request(html));
  load.result.requests++;
  await until(1);
  socket.write(objects.map(request).join("")); // every object's request in one write
  load.result.requests += objects.length;
  await until(load.requests.length);
  await readConnection(load, socket.localPort ?? Number.NaN);
  socket.destroy();
}

function h2PageServer(requests: readonly PageRequest[]): http2.Http2Server {
  const server = http2.createServer();
  server.on("connection", (socket: net.Socket) => socket.setNoDelay(true));
  server.on("stream", (stream, headers) => {
    const r = requests.find((q) => q.path === headers[":path"]);
    const bytes = r?.bytes ?? 0;
    stream.on("error", () => undefined);
    stream.respond({ ":status": r ? 200 : 404, "content-type": "application/octet-stream", "content-length": bytes });
    stream.end(Buffer.alloc(bytes, 0x61));
  });
  return server;
}

function h2Get(load: Load, session: http2.ClientHttp2Session, r: PageRequest): Promise<void> {
  load.result.requests++;
  return load.scope.race(
    new Promise<void>((resolve, reject) => {
      const stream = session.request({ ":path": r.path });
      let status = 0;
      let got = 0;
      stream.on("response", (headers) => (status = Number(headers[":status"])));
      stream.on("data", (chunk: Buffer) => (got += chunk.length));
      stream.on("end", () => {
        if (status === 200 && got === r.bytes) load.result.whole++;
        resolve();
      });
      stream.on("error", reject);
    }),
  );
}

async function multiplexed(load: Load): Promise<void> {
  const session = http2.connect(`http://${LOOPBACK_HOST}:${load.port}`, {
    createConnection: () => net.connect({ host: LOOPBACK_HOST, port: load.port, noDelay: true }),
  });
  session.on("error", () => undefined); // a failure shows as a stream that never ends, caught by the deadline
  load.scope.defer(() => new Promise<void>((resolve) => (session.closed ? resolve() : session.close(() => resolve()))));
  await load.scope.race(new Promise<void>((resolve, reject) => session.once("connect", () => resolve()).once("error", reject)));
  const [html, ...objects] = load.requests;
  await h2Get(load, session, html);
  await Promise.all(objects.map((r) => h2Get(load, session, r))); // every stream opened in the same turn
  await readConnection(load, session.socket.localPort ?? Number.NaN);
  await new Promise<void>((resolve) => session.close(() => resolve()));
}

/** Loads the page (`requests`: the HTML, then the objects; `bytes` is each body) one way, on a server of its own. */
export async function loadPage(scope: LabScope, strategy: PageLoadStrategy, requests: PageRequest[]): Promise<RealLoad> {
  const byClientPort = new Map<number, net.Socket>();
  const server = await listenOnLoopback(scope, strategy === "multiplexed" ? h2PageServer(requests) : pageServer(requests, byClientPort));
  const result: RealLoad = { readings: [], requests: 0, whole: 0, accepted: 0, serverBytes: { read: 0, written: 0 } };
  const load: Load = { scope, port: server.port, requests, result };
  try {
    if (strategy === "serial") await serial(load, byClientPort);
    else if (strategy === "parallel") await parallel(load, byClientPort);
    else if (strategy === "persistent") await persistent(load);
    else if (strategy === "pipelined") await pipelined(load);
    else await multiplexed(load);
    result.accepted = server.connections;
    result.serverBytes = server.bytes();
    return result;
  } finally {
    await server.close();
  }
}
