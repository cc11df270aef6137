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
 * the client of the next hop); `note` names the message. The same run in
 * fields, for code that draws or tests it (a note changes with the language):
 * `nodes` (their names), `connections` (each one's two ends) and `events` (one
 * per trace entry: which node sent it to which, and why a close happened).
 */

import {
  checkChoice,
  checkNumber,
  isArray,
  listOf,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
} from "../errors";
import { language, messages, tr, type Message, type Params } from "../i18n";
import { Scheduler, type EventHandle } from "../sim/scheduler";
import type { Side, TraceEntry } from "../tcp/trace";
import { parseConnectionHeader } from "./connection-header";
import { fieldValues, type HeaderPairs } from "./header-fields";
import { stripHopByHop } from "./hop-by-hop";
import { EXAMPLE_BODY_BYTES } from "./message-length";

const say = messages("http/proxy-chain", {
  // the nodes, as trace notes and the explanation name them
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  dumbProxy: { en: "proxy {n} (dumb)", ko: "멍청한 프락시 {n}" },
  smartProxy: { en: "proxy {n} (smart)", ko: "영리한 프락시 {n}" },
  // trace notes
  opens: { en: "{from} opens connection {conn} to {to}", ko: "{from} → {to}: {conn}번 커넥션 열기" },
  accepts: { en: "{node} accepts connection {conn}", ko: "{node}: {conn}번 커넥션 수락" },
  responseTo: { en: "{startLine} for request {id}", ko: "{startLine}({id}번 요청의 응답)" },
  closes: { en: "{node} closes connection {conn} ({why})", ko: "{node}: {conn}번 커넥션 닫기({why})" },
  // why a node closes a connection (inside the note above)
  noMoreRequests: { en: "no more requests", ko: "보낼 요청이 더 없음" },
  otherEndClosed: { en: "the other end closed", ko: "상대편이 닫음" },
  serverClosed: { en: "the server closed", ko: "서버 쪽이 닫음" },
  responseEnded: { en: "the response ended with the upstream close", ko: "업스트림이 닫혀 응답이 끝남" },
  clientClosed: { en: "the client closed", ko: "클라이언트 쪽이 닫음" },
  clientWentAway: { en: "its client went away", ko: "클라이언트 쪽이 떠남" },
  idleTimeout: { en: "idle timeout", ko: "유휴 타임아웃" },
  clientNoKeepAlive: { en: "its client did not ask for keep-alive", ko: "클라이언트가 keep-alive를 요청하지 않음" },
  nextHopClosed: { en: "the next hop closed", ko: "다음 홉이 닫음" },
  upstreamFailed: { en: "upstream failed", ko: "업스트림 실패" },
  noKeepAlive: { en: "no keep-alive requested", ko: "keep-alive 요청 없음" },
  keepAliveIdle: { en: "keep-alive idle timeout", ko: "keep-alive 유휴 타임아웃" },
  // the explanation
  hang: {
    en: "HANG: request {id} waited {ms} ms and then lost its connection without an answer.",
    ko: "멈춤(HANG): {id}번 요청은 {ms} ms를 기다린 뒤 응답 없이 커넥션을 잃었습니다.",
  },
  ok: {
    en: "OK: all {requests} request(s) answered over {conns} connection(s).",
    ko: "성공(OK): 요청 {requests}개가 모두 커넥션 {conns}개로 응답을 받았습니다.",
  },
  clientReuses: {
    en: "client: response {id} said Connection: Keep-Alive, so request {next} goes on the same connection {conn}",
    ko: "클라이언트: {id}번 응답에 Connection: Keep-Alive가 있으므로 {next}번 요청을 같은 {conn}번 커넥션으로 보냅니다",
  },
  clientHang: {
    en: "client: connection {conn} closed while request {id} was unanswered, {ms} ms after it was sent",
    ko: "클라이언트: {id}번 요청이 응답을 받지 못한 채 {conn}번 커넥션이 닫혔습니다(요청을 보내고 {ms} ms 뒤)",
  },
  dumbIgnores: {
    en: "{proxy}: ignores request {id} on connection {conn}; for it that connection carried one request and is still waiting for the server side to close",
    ko: "{proxy}: {conn}번 커넥션으로 온 {id}번 요청을 무시합니다. 이 프락시에게 그 커넥션은 이미 요청 하나를 실어 날랐고, 아직 서버 쪽이 닫히기를 기다리는 중입니다",
  },
  dumbForwardsConnection: {
    en: '{proxy}: does not understand Connection and forwards "Connection: Keep-Alive" unchanged',
    ko: '{proxy}: Connection 헤더를 이해하지 못해 "Connection: Keep-Alive"를 그대로 전달합니다',
  },
  dumbForwardsProxyConnection: {
    en: "{proxy}: does not understand Proxy-Connection either and forwards it unchanged",
    ko: "{proxy}: Proxy-Connection 헤더도 이해하지 못해 그대로 전달합니다",
  },
  dumbTimeout: {
    en: "{proxy}: nothing moved for {ms} ms, so it gives up and closes both connections",
    ko: "{proxy}: {ms} ms 동안 아무것도 오가지 않아 기다리기를 포기하고 양쪽 커넥션을 모두 닫습니다",
  },
  smartStrips: {
    en: "{proxy}: removes the hop-by-hop fields of request {id}{headers} and asks the next hop for keep-alive itself",
    ko: "{proxy}: {id}번 요청의 홉별(hop-by-hop) 헤더{headers}를 지우고, 다음 홉에는 직접 keep-alive를 요청합니다",
  },
  smartUpstreamClosed: {
    en: "{proxy}: its upstream connection {conn} closed under request {id}, so it closes its client's connection too",
    ko: "{proxy}: {id}번 요청을 기다리던 업스트림 {conn}번 커넥션이 닫혀서, 클라이언트 쪽 커넥션도 닫습니다",
  },
  smartIdle: {
    en: "{proxy}: idle for {ms} ms, closes its connections",
    ko: "{proxy}: {ms} ms 동안 유휴 상태여서 자기 커넥션을 모두 닫습니다",
  },
  serverCloses: {
    en: "server: does not know Proxy-Connection, sees no Connection: Keep-Alive, and closes after response {id}",
    ko: "서버: Proxy-Connection을 모르고 Connection: Keep-Alive도 보이지 않으므로 {id}번 응답 뒤에 커넥션을 닫습니다",
  },
  serverKeeps: {
    en: "server: request {id} carried Connection: Keep-Alive, so it keeps connection {conn} open for another request",
    ko: "서버: {id}번 요청에 Connection: Keep-Alive가 있으므로 다음 요청을 위해 {conn}번 커넥션을 열어 둡니다",
  },
  serverIdle: {
    en: "server: connection {conn} idle for {ms} ms, closes it",
    ko: "서버: {conn}번 커넥션이 {ms} ms 동안 유휴 상태여서 닫습니다",
  },
  // bad scenarios
  proxiesArray: { en: 'an array of "dumb" | "smart"', ko: '"dumb" | "smart"의 배열' },
  tooManyProxies: { en: "at most {max} proxies", ko: "프락시 최대 {max}개" },
  rttPerHop: { en: "one RTT per hop ({hops} for {proxies} proxies)", ko: "홉마다 RTT 하나(프락시 {proxies}개면 {hops}개)" },
});

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

/** Which idle timer closed a connection: the server's keep-alive timeout or a proxy's. */
export type HangEnding = "server-idle" | "proxy-idle";

/** Why a node closed its end of a connection (a close event's `reason`). */
export type CloseReason =
  | "no-more-requests" // the client is done and the response said Keep-Alive
  | "other-end-closed" // the client answers the other end's close
  | "server-closed" // a dumb proxy answers its upstream's close
  | "response-ended" // ... and so ends the response on its client's side
  | "client-closed" // a proxy or the server answers its client's close
  | "client-went-away" // a proxy closes upstream after its client left
  | "idle-timeout" // a proxy's idle timer
  | "client-no-keep-alive" // a smart proxy's client did not ask to keep the connection
  | "next-hop-closed" // a smart proxy answers its upstream's close
  | "upstream-failed" // ... and closes the client side under a waiting request
  | "no-keep-alive" // the server: the request did not carry Connection: Keep-Alive
  | "keep-alive-idle"; // the server's idle timer on a kept connection

const CLOSE_REASONS: Record<CloseReason, Message> = {
  "no-more-requests": say.noMoreRequests,
  "other-end-closed": say.otherEndClosed,
  "server-closed": say.serverClosed,
  "response-ended": say.responseEnded,
  "client-closed": say.clientClosed,
  "client-went-away": say.clientWentAway,
  "idle-timeout": say.idleTimeout,
  "client-no-keep-alive": say.clientNoKeepAlive,
  "next-hop-closed": say.nextHopClosed,
  "upstream-failed": say.upstreamFailed,
  "no-keep-alive": say.noKeepAlive,
  "keep-alive-idle": say.keepAliveIdle,
};

/** A connection of the run: its number (trace's `conn`) and the node indexes of its ends. */
export interface ProxyChainConnection {
  conn: number;
  /** the node that opened it (a proxy is the client of the next hop) */
  client: number;
  /** the node that accepted it: always client + 1 */
  server: number;
}

/** One trace entry in fields: `events[i]` describes `trace[i]`. */
export interface ProxyChainEvent {
  /** a handshake packet (with showHandshake), an HTTP message, or a FIN */
  kind: "open" | "accept" | "request" | "response" | "close";
  /** node index (into `nodes`) of the end that sent the packet: the sender of a message, the end that closes */
  from: number;
  /** node index of the connection's other end */
  to: number;
  /** for a request or a response: the request's number (1-based) */
  request?: number;
  /** for a close: why */
  reason?: CloseReason;
  /**
   * the note without the nodes' names, in the reader's language: a message's
   * start line and connection fields, a close's reason in words, "SYN" or
   * "SYN, ACK" for the handshake
   */
  detail: string;
}

export interface ProxyChainResult {
  outcome: "ok" | "hang";
  /** for a hang: ms from sending the stuck request until the client saw its connection close */
  hangMs?: number;
  /**
   * for a hang: the proxy (1-based index into scenario.proxies) that ignored
   * the request that was never answered, and that request's number (1-based).
   * Absent when no proxy ignored it (an idle timer closed the path while the
   * request was still on its way).
   */
  hungAt?: { proxy: number; request: number };
  /** for a hang: which idle timer closed the connection the stuck request was waiting on */
  endedBy?: HangEnding;
  trace: TraceEntry[];
  /** what happened, for a notebook (in the reader's language: read the fields, not this) */
  explanation: string;
  /** request numbers (1-based) that got their response */
  answered: number[];
  connectionsOpened: number;
  /** the nodes' names in the reader's language: index 0 the client, then the proxies in order, last the server */
  nodes: string[];
  /** every connection in the order opened (index = its number), with the nodes at its ends */
  connections: ProxyChainConnection[];
  /** one per trace entry, in the same order: who sent it to whom, what it is, why a close happened */
  events: ProxyChainEvent[];
}

/** An HTTP message on a connection. */
interface HttpMessage {
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
  /** the idle timer whose firing started this connection's close, passed on to the closes it causes */
  ending?: HangEnding;
}

interface NodeApi {
  onEstablished?(conn: Conn): void;
  onMessage(conn: Conn, msg: HttpMessage): void;
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
  // holes included: a hole is refused by name
  const proxies = listOf("scenario.proxies", s.proxies, say.proxiesArray(), (p, at) => checkChoice(at, p, PROXY_KINDS), {
    count: MAX_PROXIES,
    tooMany: say.tooManyProxies({ max: MAX_PROXIES }),
  });
  const hops = proxies.length + 1;
  let rttMs: number[];
  if (isArray(s.rttMs)) {
    const perHop = say.rttPerHop({ hops, proxies: proxies.length });
    rttMs = listOf("scenario.rttMs", s.rttMs, perHop, (r, at) => checkNumber(at, r, { min: 0, max: MAX_QUANTITY }), {
      count: hops,
      tooMany: perHop,
    });
    if (rttMs.length !== hops) outOfRange("scenario.rttMs", perHop, s.rttMs);
  } else {
    rttMs = Array(hops).fill(checkNumber("scenario.rttMs", s.rttMs, { min: 0, max: MAX_QUANTITY }));
  }
  return {
    proxies,
    rttMs,
    proxyTimeoutMs: checkNumber("scenario.proxyTimeoutMs", s.proxyTimeoutMs, { above: 0, max: MAX_QUANTITY }),
    clientHeader: s.clientHeader === undefined ? "connection" : checkChoice("scenario.clientHeader", s.clientHeader, ASKS),
    requests: optionalNumber("scenario.requests", s.requests, 2, { integer: true, min: 1, max: 1000 }),
    bodyBytes: optionalNumber("scenario.responseBodyBytes", s.responseBodyBytes, EXAMPLE_BODY_BYTES, {
      integer: true,
      min: 0,
      max: MAX_QUANTITY,
    }),
    serverTimeoutMs:
      s.serverTimeoutMs === undefined
        ? undefined
        : checkNumber("scenario.serverTimeoutMs", s.serverTimeoutMs, { above: 0, max: MAX_QUANTITY }),
    showHandshake: optionalBoolean("scenario.showHandshake", s.showHandshake, false),
  };
}

function hasKeepAlive(headers: HeaderPairs, field: string): boolean {
  return parseConnectionHeader(fieldValues(headers, field)).keepAlive;
}

function messageBytes(msg: HttpMessage): number {
  const head = `${[msg.startLine, ...msg.headers.map(([n, v]) => `${n}: ${v}`)].join("\r\n")}\r\n\r\n`;
  return head.length + msg.bodyBytes;
}

/** The connection-management fields of a message, as " (Connection: Keep-Alive)", or "" when it has none. */
function describeHeaders(headers: HeaderPairs): string {
  const shown = headers.filter(([n]) => /^(connection|proxy-connection|keep-alive)$/i.test(n));
  return shown.length ? ` (${shown.map(([n, v]) => `${n}: ${v}`).join(", ")})` : "";
}

/**
 * The network and the nodes: node 0 is the client, the last node the server.
 * The nodes tell the chain what happened through its methods (note, answered,
 * ignored, reportHang); the chain keeps the record and builds the result.
 */
class ProxyChain {
  readonly sched = new Scheduler(100_000);
  readonly conns: Conn[] = [];
  readonly nodes: NodeApi[] = [];
  private readonly trace: { entry: TraceEntry; event: ProxyChainEvent }[] = [];
  private readonly lines: string[] = [];
  private readonly answeredIds: number[] = [];
  /** request number -> the proxy (its node index) that ignored it */
  private readonly ignoredBy = new Map<number, number>();
  private hang?: { id: number; hangMs: number; endedBy?: HangEnding };
  /** one language for the whole run */
  private readonly lang = language();

  constructor(readonly cfg: Config) {
    this.nodes.push(new ClientNode(this));
    for (const [i, kind] of cfg.proxies.entries())
      this.nodes.push(kind === "dumb" ? new DumbProxy(this, i + 1) : new SmartProxy(this, i + 1));
    this.nodes.push(new ServerNode(this));
  }

  run(): ProxyChainResult {
    (this.nodes[0] as ClientNode).start();
    this.sched.run();
    // handshake replies are recorded ahead of time; keep the trace in time order (a stable sort: events stay beside their entries)
    this.trace.sort((a, b) => a.entry.tMs - b.entry.tMs);
    const outcome = this.hang ? "hang" : "ok";
    const summary = this.hang
      ? this.text(say.hang, { id: this.hang.id, ms: this.hang.hangMs })
      : this.text(say.ok, { requests: this.cfg.requests, conns: this.conns.length });
    const result: ProxyChainResult = {
      outcome,
      trace: this.trace.map((t) => t.entry),
      explanation: [summary, ...this.lines].join("\n"),
      answered: [...this.answeredIds],
      connectionsOpened: this.conns.length,
      nodes: this.nodes.map((_, i) => this.name(i)),
      connections: this.conns.map((c) => ({ conn: c.id, client: c.ends.client, server: c.ends.server })),
      events: this.trace.map((t) => t.event),
    };
    if (this.hang) {
      result.hangMs = this.hang.hangMs;
      const proxy = this.ignoredBy.get(this.hang.id);
      if (proxy !== undefined) result.hungAt = { proxy, request: this.hang.id };
      if (this.hang.endedBy) result.endedBy = this.hang.endedBy;
    }
    return result;
  }

  /** A message in the run's language. */
  text(message: Message, params?: Params): string {
    return tr(message.text, params, this.lang);
  }

  /** Adds a line to the explanation. */
  note(message: Message, params?: Params): void {
    this.lines.push(this.text(message, params));
  }

  /** The client got the response to request `id`. */
  answered(id: number): void {
    this.answeredIds.push(id);
  }

  /** The dumb proxy `node` ignored request `id` on `conn` (it is not reading). */
  ignored(node: number, id: number, conn: Conn): void {
    if (!this.ignoredBy.has(id)) this.ignoredBy.set(id, node);
    this.note(say.dumbIgnores, { proxy: this.name(node), id, conn: conn.id });
  }

  /** The client's connection closed under request `id`, `hangMs` after it was sent. */
  reportHang(id: number, hangMs: number, conn: Conn): void {
    this.hang = { id, hangMs, endedBy: conn.ending };
    this.note(say.clientHang, { conn: conn.id, id, ms: hangMs });
  }

  name(node: number): string {
    if (node === 0) return this.text(say.client);
    if (node === this.nodes.length - 1) return this.text(say.server);
    return this.text(this.cfg.proxies[node - 1] === "dumb" ? say.dumbProxy : say.smartProxy, { n: node });
  }

  oneWay(hop: number): number {
    return this.cfg.rttMs[hop] / 2;
  }

  /** Connections with `node` at one end that neither end has closed. */
  openConnectionsOf(node: number): Conn[] {
    return this.conns.filter((c) => (c.ends.client === node || c.ends.server === node) && this.isOpen(c));
  }

  /** Opens a connection from `node` to the next node; the opener hears back after one RTT. */
  open(node: number): Conn {
    const conn: Conn = {
      id: this.conns.length,
      hop: node,
      ends: { client: node, server: node + 1 },
      closed: { client: false, server: false },
    };
    this.conns.push(conn);
    const t = this.sched.now;
    const d = this.oneWay(node);
    if (this.cfg.showHandshake) {
      this.record(t, conn, "client", ["SYN"], 0, this.text(say.opens, { from: this.name(node), conn: conn.id, to: this.name(node + 1) }), {
        kind: "open",
        detail: "SYN",
      });
      this.record(t + d, conn, "server", ["SYN", "ACK"], 0, this.text(say.accepts, { node: this.name(node + 1), conn: conn.id }), {
        kind: "accept",
        detail: "SYN, ACK",
      });
    }
    this.sched.after(2 * d, () => this.nodes[node].onEstablished?.(conn));
    return conn;
  }

  send(conn: Conn, from: Side, msg: HttpMessage): void {
    const to = from === "client" ? conn.ends.server : conn.ends.client;
    const what =
      (msg.kind === "request" ? msg.startLine : this.text(say.responseTo, { startLine: msg.startLine, id: msg.id })) +
      describeHeaders(msg.headers);
    this.record(
      this.sched.now,
      conn,
      from,
      ["PSH", "ACK"],
      messageBytes(msg),
      `${this.name(conn.ends[from])} → ${this.name(to)}: ${what}`,
      { kind: msg.kind, request: msg.id, detail: what },
    );
    this.sched.after(this.oneWay(conn.hop), () => {
      if (!conn.closed[from === "client" ? "server" : "client"]) this.nodes[to].onMessage(conn, msg);
    });
  }

  /**
   * `side` closes its end (FIN), for the reason `reason`; `ending` is the idle
   * timer behind it, if any (kept by the connection when it is the first end
   * to close). The other end learns one one-way delay later.
   */
  close(conn: Conn, side: Side, reason: CloseReason, ending?: HangEnding): void {
    if (conn.closed[side]) return;
    if (!conn.closed.client && !conn.closed.server) conn.ending = ending;
    conn.closed[side] = true;
    const other: Side = side === "client" ? "server" : "client";
    const why = this.text(CLOSE_REASONS[reason]);
    this.record(
      this.sched.now,
      conn,
      side,
      ["FIN", "ACK"],
      0,
      this.text(say.closes, { node: this.name(conn.ends[side]), conn: conn.id, why }),
      { kind: "close", reason, detail: why },
    );
    this.sched.after(this.oneWay(conn.hop), () => {
      if (!conn.closed[other]) this.nodes[conn.ends[other]].onClose(conn);
    });
  }

  isOpen(conn: Conn | undefined): conn is Conn {
    return !!conn && !conn.closed.client && !conn.closed.server;
  }

  /** One trace entry, and the same in fields: `from` is the end that sends it, the event's nodes are that end and the other. */
  private record(
    tMs: number,
    conn: Conn,
    from: Side,
    flags: TraceEntry["flags"],
    bytes: number,
    note: string,
    event: Omit<ProxyChainEvent, "from" | "to">,
  ): void {
    const to: Side = from === "client" ? "server" : "client";
    this.trace.push({
      entry: { tMs, conn: conn.id, from, flags, bytes, note },
      event: { ...event, from: conn.ends[from], to: conn.ends[to] },
    });
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
    const msg: HttpMessage = {
      kind: "request",
      id,
      startLine: `GET /${id} HTTP/1.0`,
      headers: [
        ["Host", "example.test"],
        [ask, "Keep-Alive"],
      ],
      bodyBytes: 0,
    };
    this.waiting = { id, sentAt: this.net.sched.now };
    this.net.send(conn, "client", msg);
  }

  onMessage(conn: Conn, msg: HttpMessage): void {
    if (msg.kind !== "response" || !this.waiting) return;
    this.net.answered(msg.id);
    this.waiting = undefined;
    const keep = hasKeepAlive(msg.headers, "connection");
    if (!keep) return; // the response ends with the close; wait for it
    if (this.next <= this.net.cfg.requests) {
      this.net.note(say.clientReuses, { id: msg.id, next: this.next, conn: conn.id });
      this.sendNext();
    } else {
      this.net.close(conn, "client", "no-more-requests");
    }
  }

  onClose(conn: Conn): void {
    this.net.close(conn, "client", "other-end-closed", conn.ending);
    if (this.waiting) {
      this.net.reportHang(this.waiting.id, this.net.sched.now - this.waiting.sentAt, conn);
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
  private pending = new Map<Conn, HttpMessage>();
  /** the idle timer, re-armed by any traffic */
  private idle?: EventHandle;

  constructor(
    private readonly net: ProxyChain,
    private readonly node: number,
  ) {}

  onMessage(conn: Conn, msg: HttpMessage): void {
    if (msg.kind === "request") {
      if (this.upstreamOf.has(conn)) {
        // for it that connection carried one request and is still waiting for the server side to close
        this.net.ignored(this.node, msg.id, conn);
        return; // not "traffic" for the dumb proxy: it is not reading
      }
      const up = this.net.open(this.node);
      this.upstreamOf.set(conn, up);
      this.downstreamOf.set(up, conn);
      this.pending.set(up, msg);
      if (hasKeepAlive(msg.headers, "connection")) {
        this.net.note(say.dumbForwardsConnection, { proxy: this.net.name(this.node) });
      } else if (hasKeepAlive(msg.headers, "proxy-connection")) {
        this.net.note(say.dumbForwardsProxyConnection, { proxy: this.net.name(this.node) });
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
    // its idle timer may have closed the connection while the handshake was under way
    if (msg && this.net.isOpen(up)) this.net.send(up, "client", msg);
    this.pending.delete(up);
    this.touch();
  }

  onClose(conn: Conn): void {
    const down = this.downstreamOf.get(conn);
    if (down) {
      // the server closed: for a dumb proxy that is the end of the response
      this.net.close(conn, "client", "server-closed", conn.ending);
      this.net.close(down, "server", "response-ended", conn.ending);
    } else {
      this.net.close(conn, "server", "client-closed", conn.ending);
      const up = this.upstreamOf.get(conn);
      if (up) this.net.close(up, "client", "client-went-away", conn.ending);
    }
  }

  /** Any traffic restarts the idle timer. */
  private touch(): void {
    this.net.sched.cancel(this.idle);
    this.idle = this.net.sched.after(this.net.cfg.proxyTimeoutMs, () => this.timeout());
  }

  private timeout(): void {
    let closedAny = false;
    for (const [down, up] of this.upstreamOf) {
      if (this.net.isOpen(up) || this.net.isOpen(down)) closedAny = true;
      this.net.close(up, "client", "idle-timeout", "proxy-idle");
      this.net.close(down, "server", "idle-timeout", "proxy-idle");
    }
    if (closedAny) this.net.note(say.dumbTimeout, { proxy: this.net.name(this.node), ms: this.net.cfg.proxyTimeoutMs });
  }
}

/** A proxy that parses Connection and negotiates persistence per hop. */
class SmartProxy implements NodeApi {
  private clientWantsKeepAlive = new Map<Conn, boolean>();
  private up?: Conn;
  private upReusable = false;
  /** the client connection whose request is in flight upstream, with that request */
  private inFlight?: { down: Conn; msg: HttpMessage };
  private queued?: HttpMessage;
  /** the idle timer, re-armed by any traffic */
  private idle?: EventHandle;

  constructor(
    private readonly net: ProxyChain,
    private readonly node: number,
  ) {}

  onMessage(conn: Conn, msg: HttpMessage): void {
    this.touch();
    if (msg.kind === "request") this.fromClient(conn, msg);
    else this.fromServer(msg);
  }

  private fromClient(down: Conn, msg: HttpMessage): void {
    const wants = hasKeepAlive(msg.headers, "connection") || hasKeepAlive(msg.headers, "proxy-connection");
    this.clientWantsKeepAlive.set(down, wants);
    const forwarded: HttpMessage = { ...msg, headers: [...stripHopByHop(msg.headers), ["Connection", "Keep-Alive"]] };
    this.net.note(say.smartStrips, { proxy: this.net.name(this.node), id: msg.id, headers: describeHeaders(msg.headers) });
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

  private fromServer(msg: HttpMessage): void {
    const flight = this.inFlight;
    if (!flight) return;
    this.inFlight = undefined;
    this.upReusable = hasKeepAlive(msg.headers, "connection");
    const keepClient = this.clientWantsKeepAlive.get(flight.down) === true;
    const headers: HeaderPairs = stripHopByHop(msg.headers);
    if (keepClient) headers.push(["Connection", "Keep-Alive"]);
    if (this.net.isOpen(flight.down)) {
      this.net.send(flight.down, "server", { ...msg, headers });
      if (!keepClient) this.net.close(flight.down, "server", "client-no-keep-alive");
    }
  }

  onClose(conn: Conn): void {
    if (conn === this.up || conn.ends.client === this.node) {
      this.net.close(conn, "client", "next-hop-closed", conn.ending);
      if (conn === this.up) this.upReusable = false;
      if (this.inFlight && conn === this.up) {
        this.net.note(say.smartUpstreamClosed, { proxy: this.net.name(this.node), conn: conn.id, id: this.inFlight.msg.id });
        this.net.close(this.inFlight.down, "server", "upstream-failed", conn.ending);
        this.inFlight = undefined;
      }
    } else {
      this.net.close(conn, "server", "client-closed", conn.ending);
      if (this.net.isOpen(this.up)) this.net.close(this.up, "client", "client-went-away", conn.ending);
    }
  }

  /** Any traffic restarts the idle timer. */
  private touch(): void {
    this.net.sched.cancel(this.idle);
    this.idle = this.net.sched.after(this.net.cfg.proxyTimeoutMs, () => this.timeout());
  }

  private timeout(): void {
    const open = this.net.openConnectionsOf(this.node);
    if (open.length === 0) return;
    this.net.note(say.smartIdle, { proxy: this.net.name(this.node), ms: this.net.cfg.proxyTimeoutMs });
    for (const c of open) this.net.close(c, c.ends.client === this.node ? "client" : "server", "idle-timeout", "proxy-idle");
    this.inFlight = undefined;
  }
}

class ServerNode implements NodeApi {
  /** each kept connection's idle timer, re-armed after every response */
  private idle = new Map<Conn, EventHandle>();

  constructor(private readonly net: ProxyChain) {}

  onMessage(conn: Conn, msg: HttpMessage): void {
    if (msg.kind !== "request") return;
    const keep = hasKeepAlive(msg.headers, "connection");
    const headers: HeaderPairs = [
      ["Content-Type", "text/html"],
      ["Content-Length", String(this.net.cfg.bodyBytes)],
    ];
    if (keep) headers.push(["Connection", "Keep-Alive"]);
    this.net.send(conn, "server", {
      kind: "response",
      id: msg.id,
      startLine: "HTTP/1.0 200 OK",
      headers,
      bodyBytes: this.net.cfg.bodyBytes,
    });
    if (!keep) {
      if (fieldValues(msg.headers, "proxy-connection").length > 0) this.net.note(say.serverCloses, { id: msg.id });
      this.net.close(conn, "server", "no-keep-alive");
      return;
    }
    this.net.note(say.serverKeeps, { id: msg.id, conn: conn.id });
    this.armIdle(conn);
  }

  private armIdle(conn: Conn): void {
    const timeout = this.net.cfg.serverTimeoutMs;
    if (timeout === undefined) return;
    this.net.sched.cancel(this.idle.get(conn));
    this.idle.set(
      conn,
      this.net.sched.after(timeout, () => {
        if (!this.net.isOpen(conn)) return;
        this.net.note(say.serverIdle, { conn: conn.id, ms: timeout });
        this.net.close(conn, "server", "keep-alive-idle", "server-idle");
      }),
    );
  }

  onClose(conn: Conn): void {
    this.net.sched.cancel(this.idle.get(conn));
    this.idle.delete(conn);
    this.net.close(conn, "server", "client-closed", conn.ending);
  }
}
