/**
 * Keep-alive through proxies: why a "dumb" proxy hangs the connection, how a
 * "smart" one avoids it, and why Proxy-Connection only half fixed it.
 *
 * What it models, at the level of HTTP messages (one trace entry per message
 * or close, not per TCP segment): an HTTP/1.0+ keep-alive client fetching
 * `requests` pages through a chain of proxies to one server
 * (RFC 2068 19.7.1; RFC 9112 9.3 and Appendix C.2.2; RFC 9110 7.6.1).
 *   - client: asks for keep-alive on every request, with `Connection:
 *     Keep-Alive` or (clientHeader "proxy-connection") `Proxy-Connection:
 *     Keep-Alive`. If the response says `Connection: Keep-Alive` it sends the
 *     next request on the same connection as soon as the response is in
 *     (responses carry Content-Length); otherwise it waits for the close and
 *     opens a new connection. A close while a request is unanswered is a hang.
 *   - dumb proxy (HTTP/1.0, does not know Connection): opens a fresh upstream
 *     connection per client connection, forwards the request and the response
 *     byte for byte, headers included, and takes the upstream close as the end
 *     of the response; it then closes the client side. It never reads a second
 *     request on a connection. After `proxyTimeoutMs` without traffic it
 *     gives up and closes both sides.
 *   - smart proxy: strips hop-by-hop fields with stripHopByHop (so
 *     Connection, Keep-Alive and Proxy-Connection stop at it), treats a
 *     Connection or Proxy-Connection keep-alive as addressed to itself, and
 *     negotiates keep-alive on each side on its own: it asks the next hop
 *     with `Connection: Keep-Alive` and answers its client with
 *     `Connection: Keep-Alive` when the client asked. If its upstream
 *     connection closes under a waiting request it closes the client side too.
 *   - server: keeps the connection open iff the request carries the
 *     keep-alive Connection option (it knows nothing about Proxy-Connection);
 *     otherwise it closes after the response. With `serverTimeoutMs` it also
 *     closes an idle kept connection.
 * Time: hop i has round-trip time rttMs[i], one-way half of it; opening a
 * connection costs one round trip before the request leaves (the handshake;
 * its SYN packets are shown only with `showHandshake`). Processing is
 * instant. Trace: `conn` numbers connections in the order opened, whatever
 * the hop; `from: "client"` is the end that opened the connection (a proxy is
 * the client of the next hop); `note` names the message.
 */

import { checkChoice, checkNumber, invalidType, optionalBoolean, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { Scheduler } from "../sim/scheduler";
import type { Side, TraceEntry } from "../sim/trace";
import { parseConnectionHeader } from "./connection-header";
import { fieldValues, type HeaderPairs } from "./header-fields";
import { stripHopByHop } from "./hop-by-hop";
import { EXAMPLE_BODY_BYTES } from "./message-length";

export type ProxyKind = "dumb" | "smart";

/** The longest chain simulateProxyChain plays; with its 1,000 requests that stays far below the event limit. */
export const MAX_PROXIES = 10;
export type KeepAliveAsk = "connection" | "proxy-connection";
const PROXY_KINDS: readonly ProxyKind[] = ["dumb", "smart"];
const ASKS: readonly KeepAliveAsk[] = ["connection", "proxy-connection"];

export interface ProxyChainScenario {
  /** the proxies from the client's side to the server's, [] for none */
  proxies: ProxyKind[];
  /** round-trip time of each hop in ms: one number for all, or one per hop (proxies.length + 1) */
  rttMs: number | number[];
  /** how long a proxy waits on a silent connection before closing it */
  proxyTimeoutMs: number;
  /** how the client asks for keep-alive (default "connection") */
  clientHeader?: KeepAliveAsk;
  /** GET requests the client makes (default 2) */
  requests?: number;
  /** body bytes of each response (default 1024) */
  responseBodyBytes?: number;
  /** idle timeout of the server's kept connections (default: none) */
  serverTimeoutMs?: number;
  /** also show SYN and SYN-ACK packets (default false) */
  showHandshake?: boolean;
}

export interface ProxyChainResult {
  outcome: "ok" | "hang";
  /** for a hang: ms from sending the stuck request until the client saw its connection close */
  hangMs?: number;
  trace: TraceEntry[];
  explanation: string;
  /** request numbers (1-based) that got their response */
  answered: number[];
  connectionsOpened: number;
}

interface Message {
  kind: "request" | "response";
  /** request number, 1-based, carried by its response too */
  id: number;
  startLine: string;
  headers: HeaderPairs;
  bodyBytes: number;
}

interface Conn {
  id: number;
  hop: number;
  /** node index of each end: client end is the lower index */
  ends: { client: number; server: number };
  closed: { client: boolean; server: boolean };
}

interface NodeApi {
  onEstablished?(conn: Conn): void;
  onMessage(conn: Conn, msg: Message): void;
  onClose(conn: Conn): void;
}

/** Runs the scenario and reports whether the client's requests all got answers. */
export function simulateProxyChain(scenario: ProxyChainScenario): ProxyChainResult {
  const cfg = readScenario(scenario);
  return new ProxyChain(cfg).run();
}

interface Config {
  proxies: ProxyKind[];
  rttMs: number[];
  proxyTimeoutMs: number;
  clientHeader: KeepAliveAsk;
  requests: number;
  bodyBytes: number;
  serverTimeoutMs?: number;
  showHandshake: boolean;
}

function readScenario(scenario: ProxyChainScenario): Config {
  const s = optionsObject("scenario", scenario);
  if (!Array.isArray(s.proxies)) invalidType("scenario.proxies", "an array of \"dumb\" | \"smart\"", s.proxies);
  if (s.proxies.length > MAX_PROXIES) outOfRange("scenario.proxies", `at most ${MAX_PROXIES} proxies`, s.proxies);
  // Array.from visits holes too (map would skip them): a hole is refused by name
  const proxies = Array.from(s.proxies as unknown[], (p, i) => checkChoice(`scenario.proxies[${i}]`, p, PROXY_KINDS));
  const hops = proxies.length + 1;
  let rttMs: number[];
  if (Array.isArray(s.rttMs)) {
    if (s.rttMs.length !== hops) outOfRange("scenario.rttMs", `one RTT per hop (${hops} for ${proxies.length} proxies)`, s.rttMs);
    rttMs = Array.from(s.rttMs as unknown[], (r, i) => checkNumber(`scenario.rttMs[${i}]`, r, { min: 0, max: MAX_QUANTITY }));
  } else {
    rttMs = Array(hops).fill(checkNumber("scenario.rttMs", s.rttMs, { min: 0, max: MAX_QUANTITY }));
  }
  return {
    proxies, rttMs,
    proxyTimeoutMs: checkNumber("scenario.proxyTimeoutMs", s.proxyTimeoutMs, { above: 0, max: MAX_QUANTITY }),
    clientHeader: s.clientHeader === undefined ? "connection" : checkChoice("scenario.clientHeader", s.clientHeader, ASKS),
    requests: optionalNumber("scenario.requests", s.requests, 2, { integer: true, min: 1, max: 1000 }),
    bodyBytes: optionalNumber("scenario.responseBodyBytes", s.responseBodyBytes, EXAMPLE_BODY_BYTES, { integer: true, min: 0, max: MAX_QUANTITY }),
    serverTimeoutMs: s.serverTimeoutMs === undefined ? undefined : checkNumber("scenario.serverTimeoutMs", s.serverTimeoutMs, { above: 0, max: MAX_QUANTITY }),
    showHandshake: optionalBoolean("scenario.showHandshake", s.showHandshake, false),
  };
}

function hasKeepAlive(headers: HeaderPairs, field: string): boolean {
  return parseConnectionHeader(fieldValues(headers, field)).keepAlive;
}

function messageBytes(msg: Message): number {
  const head = [msg.startLine, ...msg.headers.map(([n, v]) => `${n}: ${v}`)].join("\r\n") + "\r\n\r\n";
  return head.length + msg.bodyBytes;
}

function describeHeaders(headers: HeaderPairs): string {
  const shown = headers.filter(([n]) => /^(connection|proxy-connection|keep-alive)$/i.test(n));
  return shown.length ? ` (${shown.map(([n, v]) => `${n}: ${v}`).join(", ")})` : "";
}

/** The network and the nodes: node 0 is the client, the last node the server. */
class ProxyChain {
  readonly sched = new Scheduler(100_000);
  readonly trace: TraceEntry[] = [];
  readonly log: string[] = [];
  readonly conns: Conn[] = [];
  readonly nodes: NodeApi[] = [];
  readonly answered: number[] = [];
  hang?: { id: number; hangMs: number };

  constructor(readonly cfg: Config) {
    this.nodes.push(new ClientNode(this));
    cfg.proxies.forEach((kind, i) => this.nodes.push(kind === "dumb" ? new DumbProxy(this, i + 1) : new SmartProxy(this, i + 1)));
    this.nodes.push(new ServerNode(this, cfg.proxies.length + 1));
  }

  run(): ProxyChainResult {
    (this.nodes[0] as ClientNode).start();
    this.sched.run();
    // handshake replies are recorded ahead of time; keep the trace in time order
    this.trace.sort((a, b) => a.tMs - b.tMs);
    const outcome = this.hang ? "hang" : "ok";
    const summary = this.hang
      ? `HANG: request ${this.hang.id} waited ${this.hang.hangMs} ms and then lost its connection without an answer.`
      : `OK: all ${this.cfg.requests} request(s) answered over ${this.conns.length} connection(s).`;
    const result: ProxyChainResult = {
      outcome, trace: this.trace, explanation: [summary, ...this.log].join("\n"),
      answered: [...this.answered], connectionsOpened: this.conns.length,
    };
    if (this.hang) result.hangMs = this.hang.hangMs;
    return result;
  }

  name(node: number): string {
    if (node === 0) return "client";
    if (node === this.nodes.length - 1) return "server";
    return `proxy ${node} (${this.cfg.proxies[node - 1]})`;
  }

  oneWay(hop: number): number {
    return this.cfg.rttMs[hop] / 2;
  }

  /** Opens a connection from `node` to the next node; the opener hears back after one RTT. */
  open(node: number): Conn {
    const conn: Conn = { id: this.conns.length, hop: node, ends: { client: node, server: node + 1 }, closed: { client: false, server: false } };
    this.conns.push(conn);
    const t = this.sched.now;
    const d = this.oneWay(node);
    if (this.cfg.showHandshake) {
      this.record(t, conn, "client", ["SYN"], 0, `${this.name(node)} opens connection ${conn.id} to ${this.name(node + 1)}`);
      this.record(t + d, conn, "server", ["SYN", "ACK"], 0, `${this.name(node + 1)} accepts connection ${conn.id}`);
    }
    this.sched.after(2 * d, () => this.nodes[node].onEstablished?.(conn));
    return conn;
  }

  send(conn: Conn, from: Side, msg: Message): void {
    const to = from === "client" ? conn.ends.server : conn.ends.client;
    const what = msg.kind === "request" ? msg.startLine : `${msg.startLine} for request ${msg.id}`;
    this.record(this.sched.now, conn, from, ["PSH", "ACK"], messageBytes(msg), `${this.name(conn.ends[from])} → ${this.name(to)}: ${what}${describeHeaders(msg.headers)}`);
    this.sched.after(this.oneWay(conn.hop), () => {
      if (!conn.closed[from === "client" ? "server" : "client"]) this.nodes[to].onMessage(conn, msg);
    });
  }

  /** `side` closes its end (FIN). The other end learns one one-way delay later. */
  close(conn: Conn, side: Side, why: string): void {
    if (conn.closed[side]) return;
    conn.closed[side] = true;
    const other: Side = side === "client" ? "server" : "client";
    this.record(this.sched.now, conn, side, ["FIN", "ACK"], 0, `${this.name(conn.ends[side])} closes connection ${conn.id} (${why})`);
    this.sched.after(this.oneWay(conn.hop), () => {
      if (!conn.closed[other]) this.nodes[conn.ends[other]].onClose(conn);
    });
  }

  isOpen(conn: Conn | undefined): conn is Conn {
    return !!conn && !conn.closed.client && !conn.closed.server;
  }

  private record(tMs: number, conn: Conn, from: Side, flags: TraceEntry["flags"], bytes: number, note: string): void {
    this.trace.push({ tMs, conn: conn.id, from, flags, bytes, note });
  }
}

class ClientNode implements NodeApi {
  private next = 1;
  private conn?: Conn;
  private waiting?: { id: number; sentAt: number };
  private stopped = false;

  constructor(private readonly net: ProxyChain) {}

  start(): void {
    this.conn = this.net.open(0);
  }

  onEstablished(conn: Conn): void {
    if (conn === this.conn) this.sendNext();
  }

  private sendNext(): void {
    const conn = this.conn as Conn;
    const id = this.next++;
    const ask = this.net.cfg.clientHeader === "connection" ? "Connection" : "Proxy-Connection";
    const msg: Message = { kind: "request", id, startLine: `GET /${id} HTTP/1.0`, headers: [["Host", "example.test"], [ask, "Keep-Alive"]], bodyBytes: 0 };
    this.waiting = { id, sentAt: this.net.sched.now };
    this.net.send(conn, "client", msg);
  }

  onMessage(conn: Conn, msg: Message): void {
    if (msg.kind !== "response" || !this.waiting) return;
    this.net.answered.push(msg.id);
    this.waiting = undefined;
    const keep = hasKeepAlive(msg.headers, "connection");
    if (!keep) return; // the response ends with the close; wait for it
    if (this.next <= this.net.cfg.requests) {
      this.net.log.push(`client: response ${msg.id} said Connection: Keep-Alive, so request ${this.next} goes on the same connection ${conn.id}`);
      this.sendNext();
    } else {
      this.net.close(conn, "client", "no more requests");
    }
  }

  onClose(conn: Conn): void {
    this.net.close(conn, "client", "the other end closed");
    if (this.waiting) {
      const hangMs = this.net.sched.now - this.waiting.sentAt;
      this.net.hang = { id: this.waiting.id, hangMs };
      this.net.log.push(`client: connection ${conn.id} closed while request ${this.waiting.id} was unanswered, ${hangMs} ms after it was sent`);
      this.waiting = undefined;
      this.stopped = true;
      return;
    }
    if (!this.stopped && this.next <= this.net.cfg.requests) this.conn = this.net.open(0);
  }
}

/** A proxy that relays bytes and knows one request per connection. */
class DumbProxy implements NodeApi {
  /** client-side connection -> its upstream connection */
  private upstreamOf = new Map<Conn, Conn>();
  private downstreamOf = new Map<Conn, Conn>();
  private pending = new Map<Conn, Message>();
  private timerGen = 0;

  constructor(private readonly net: ProxyChain, private readonly node: number) {}

  onMessage(conn: Conn, msg: Message): void {
    if (msg.kind === "request") {
      if (this.upstreamOf.has(conn)) {
        this.net.log.push(`${this.net.name(this.node)}: ignores request ${msg.id} on connection ${conn.id}; for it that connection carried one request and is still waiting for the server side to close`);
        return; // not "traffic" for the dumb proxy: it is not reading
      }
      const up = this.net.open(this.node);
      this.upstreamOf.set(conn, up);
      this.downstreamOf.set(up, conn);
      this.pending.set(up, msg);
      if (hasKeepAlive(msg.headers, "connection")) {
        this.net.log.push(`${this.net.name(this.node)}: does not understand Connection and forwards "Connection: Keep-Alive" unchanged`);
      } else if (hasKeepAlive(msg.headers, "proxy-connection")) {
        this.net.log.push(`${this.net.name(this.node)}: does not understand Proxy-Connection either and forwards it unchanged`);
      }
      this.touch();
    } else {
      const down = this.downstreamOf.get(conn);
      if (down && this.net.isOpen(down)) this.net.send(down, "server", msg);
      this.touch();
    }
  }

  onEstablished(up: Conn): void {
    const msg = this.pending.get(up);
    if (msg) this.net.send(up, "client", msg);
    this.pending.delete(up);
    this.touch();
  }

  onClose(conn: Conn): void {
    const down = this.downstreamOf.get(conn);
    if (down) {
      // the server closed: for a dumb proxy that is the end of the response
      this.net.close(conn, "client", "the server closed");
      this.net.close(down, "server", "the response ended with the upstream close");
    } else {
      this.net.close(conn, "server", "the client closed");
      const up = this.upstreamOf.get(conn);
      if (up) this.net.close(up, "client", "its client went away");
    }
  }

  /** Any traffic restarts the idle timer. */
  private touch(): void {
    const gen = ++this.timerGen;
    this.net.sched.after(this.net.cfg.proxyTimeoutMs, () => {
      if (gen !== this.timerGen) return;
      this.timeout();
    });
  }

  private timeout(): void {
    let closedAny = false;
    for (const [down, up] of this.upstreamOf) {
      if (this.net.isOpen(up) || this.net.isOpen(down)) closedAny = true;
      this.net.close(up, "client", "idle timeout");
      this.net.close(down, "server", "idle timeout");
    }
    if (closedAny) this.net.log.push(`${this.net.name(this.node)}: nothing moved for ${this.net.cfg.proxyTimeoutMs} ms, so it gives up and closes both connections`);
  }
}

/** A proxy that parses Connection and negotiates persistence per hop. */
class SmartProxy implements NodeApi {
  private clientWantsKeepAlive = new Map<Conn, boolean>();
  private up?: Conn;
  private upReusable = false;
  /** the client connection whose request is in flight upstream, with that request */
  private inFlight?: { down: Conn; msg: Message };
  private queued?: Message;
  private timerGen = 0;

  constructor(private readonly net: ProxyChain, private readonly node: number) {}

  onMessage(conn: Conn, msg: Message): void {
    this.touch();
    if (msg.kind === "request") this.fromClient(conn, msg);
    else this.fromServer(msg);
  }

  private fromClient(down: Conn, msg: Message): void {
    const wants = hasKeepAlive(msg.headers, "connection") || hasKeepAlive(msg.headers, "proxy-connection");
    this.clientWantsKeepAlive.set(down, wants);
    const forwarded: Message = { ...msg, headers: [...stripHopByHop(msg.headers), ["Connection", "Keep-Alive"]] };
    this.net.log.push(`${this.net.name(this.node)}: removes the hop-by-hop fields of request ${msg.id}${describeHeaders(msg.headers)} and asks the next hop for keep-alive itself`);
    this.inFlight = { down, msg: forwarded };
    if (this.upReusable && this.net.isOpen(this.up)) {
      this.net.send(this.up, "client", forwarded);
    } else {
      this.queued = forwarded;
      this.up = this.net.open(this.node);
      this.upReusable = false;
    }
  }

  onEstablished(up: Conn): void {
    if (up !== this.up || !this.queued) return;
    this.net.send(up, "client", this.queued);
    this.queued = undefined;
    this.touch();
  }

  private fromServer(msg: Message): void {
    const flight = this.inFlight;
    if (!flight) return;
    this.inFlight = undefined;
    this.upReusable = hasKeepAlive(msg.headers, "connection");
    const keepClient = this.clientWantsKeepAlive.get(flight.down) === true;
    const headers: HeaderPairs = stripHopByHop(msg.headers);
    if (keepClient) headers.push(["Connection", "Keep-Alive"]);
    if (this.net.isOpen(flight.down)) {
      this.net.send(flight.down, "server", { ...msg, headers });
      if (!keepClient) this.net.close(flight.down, "server", "its client did not ask for keep-alive");
    }
  }

  onClose(conn: Conn): void {
    if (conn === this.up || conn.ends.client === this.node) {
      this.net.close(conn, "client", "the next hop closed");
      if (conn === this.up) this.upReusable = false;
      if (this.inFlight && conn === this.up) {
        this.net.log.push(`${this.net.name(this.node)}: its upstream connection ${conn.id} closed under request ${this.inFlight.msg.id}, so it closes its client's connection too`);
        this.net.close(this.inFlight.down, "server", "upstream failed");
        this.inFlight = undefined;
      }
    } else {
      this.net.close(conn, "server", "the client closed");
      if (this.net.isOpen(this.up)) this.net.close(this.up, "client", "its client went away");
    }
  }

  private touch(): void {
    const gen = ++this.timerGen;
    this.net.sched.after(this.net.cfg.proxyTimeoutMs, () => {
      if (gen !== this.timerGen) return;
      const open = this.net.conns.filter((c) => (c.ends.client === this.node || c.ends.server === this.node) && this.net.isOpen(c));
      if (open.length === 0) return;
      this.net.log.push(`${this.net.name(this.node)}: idle for ${this.net.cfg.proxyTimeoutMs} ms, closes its connections`);
      for (const c of open) this.net.close(c, c.ends.client === this.node ? "client" : "server", "idle timeout");
      this.inFlight = undefined;
    });
  }
}

class ServerNode implements NodeApi {
  private idleGen = new Map<Conn, number>();

  constructor(private readonly net: ProxyChain, private readonly node: number) {}

  onMessage(conn: Conn, msg: Message): void {
    if (msg.kind !== "request") return;
    const keep = hasKeepAlive(msg.headers, "connection");
    const headers: HeaderPairs = [["Content-Type", "text/html"], ["Content-Length", String(this.net.cfg.bodyBytes)]];
    if (keep) headers.push(["Connection", "Keep-Alive"]);
    this.net.send(conn, "server", { kind: "response", id: msg.id, startLine: "HTTP/1.0 200 OK", headers, bodyBytes: this.net.cfg.bodyBytes });
    if (!keep) {
      if (fieldValues(msg.headers, "proxy-connection").length > 0) {
        this.net.log.push(`server: does not know Proxy-Connection, sees no Connection: Keep-Alive, and closes after response ${msg.id}`);
      }
      this.net.close(conn, "server", "no keep-alive requested");
      return;
    }
    this.net.log.push(`server: request ${msg.id} carried Connection: Keep-Alive, so it keeps connection ${conn.id} open for another request`);
    this.armIdle(conn);
  }

  private armIdle(conn: Conn): void {
    const timeout = this.net.cfg.serverTimeoutMs;
    if (timeout === undefined) return;
    const gen = (this.idleGen.get(conn) ?? 0) + 1;
    this.idleGen.set(conn, gen);
    this.net.sched.after(timeout, () => {
      if (this.idleGen.get(conn) !== gen || !this.net.isOpen(conn)) return;
      this.net.log.push(`server: connection ${conn.id} idle for ${timeout} ms, closes it`);
      this.net.close(conn, "server", "keep-alive idle timeout");
    });
  }

  onClose(conn: Conn): void {
    this.idleGen.set(conn, (this.idleGen.get(conn) ?? 0) + 1);
    this.net.close(conn, "server", "the client closed");
  }
}
