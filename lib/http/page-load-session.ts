/**
 * The moving parts of a simulated page load, shared by every strategy
 * (page-load-strategies.ts): a browser that writes HTTP requests into TCP
 * connections of the simulator (lib/sim), and a server that answers them.
 *
 * What one request goes through, and what is recorded for it (RequestTiming):
 *   queuedMs           the browser knows it wants the resource (the HTML at 0,
 *                      the objects when the HTML has fully arrived)
 *   connectStartMs     its connection's SYN leaves (new connections only)
 *   connectedMs        the handshake is done: the client may send
 *   sentMs             the request is handed to TCP on an established
 *                      connection (on a new connection: when it is established,
 *                      the request rides on the handshake's ACK; with HTTPS,
 *                      when the TLS handshake is done: 1 RTT more for TLS 1.3,
 *                      2 for TLS 1.2)
 *   arrivedAtServerMs  the server has the whole request
 *   respondedMs        the server writes the response (after its think time,
 *                      and, on a pipelined connection, after every earlier
 *                      response on that connection: responses go in request order)
 *   firstByteMs        the response's first byte reaches the browser
 *   doneMs             the response's last byte reaches the browser
 *
 * Framing: every response carries a Content-Length, so the browser knows a
 * response is complete at its last byte, whether or not the connection is
 * closed after it. Closing therefore never delays the next request.
 *
 * Response order: on an HTTP/1.x connection responses leave in request order
 * (RFC 9112 9.3.2), so the browser knows which bytes are whose by counting.
 * On a multiplexed connection (order "ready", HTTP/2's streams) each response
 * leaves as soon as it is ready and is labelled with its request, so the
 * browser finds its end wherever it falls in the byte stream.
 *
 * Closing (RFC 9112 9.6, RFC 9293 3.6): on a connection that carries one
 * request (serial, parallel) the server closes first, right after writing its
 * response, as HTTP/1.0 servers did; the browser answers the server's FIN with
 * its own. On a persistent connection the browser closes first, once it has no
 * request left for that connection, and the server answers with its FIN. Either
 * way four packets: FIN, ACK, FIN, ACK.
 */
import type { Network } from "../sim/engine";
import type { TcpConnection } from "../sim/tcp-connection";
import type { PageRequest } from "./page-requests";
import { H2_CLIENT_START_BYTES, H2_SERVER_SETTINGS_BYTES, H2_SETTINGS_ACK_BYTES } from "./http2-frames";
import {
  CLIENT_FINISHED_BYTES,
  CLIENT_HELLO_BYTES,
  SERVER_HANDSHAKE_BYTES,
  SERVER_HELLO_BYTES,
  TLS12_CLIENT_FINISH_BYTES,
  TLS12_SERVER_FINISH_BYTES,
  type TlsVersion,
} from "../tcp/tls-handshake";

export interface RequestTiming extends PageRequest {
  /** the connection (trace `conn`) that carried it */
  conn: number;
  /** true when this request opened its connection */
  newConnection: boolean;
  /** the server's think time for this request */
  serverMs: number;
  queuedMs: number;
  connectStartMs?: number;
  connectedMs?: number;
  sentMs: number;
  arrivedAtServerMs: number;
  respondedMs: number;
  firstByteMs: number;
  doneMs: number;
}

export interface ConnectionTiming {
  conn: number;
  /** the SYN leaves */
  openedMs: number;
  /** the client may send */
  establishedMs: number;
  /** request indexes in the order sent */
  requests: number[];
  /** "server" for one-request connections, "client" for persistent ones */
  closedBy: "client" | "server";
  /** HTTPS: the client has the server's last handshake message and may send requests */
  tlsDoneMs?: number;
}

export interface SessionConfig {
  requestBytes: number;
  serverMs: (request: PageRequest) => number;
  /** HTTPS: the TLS handshake each connection runs before its first request ("none": plain HTTP) */
  tls: TlsVersion;
}

/** One connection as the browser and the server see it. */
export interface PageConnection {
  readonly tcp: TcpConnection;
  /** true: the server closes after the first response; false: the browser closes when done */
  readonly oneRequest: boolean;
  /** requests written on it whose responses have not fully arrived, in request order (a Set: a complete one leaves in O(1), even out of order) */
  readonly inFlight: Set<RequestTiming>;
  readonly timing: ConnectionTiming;
  /** "request": responses in request order (HTTP/1.x); "ready": each as soon as it is ready (multiplexed) */
  readonly order: ResponseOrder;
  /** the session's bookkeeping for this connection's byte stream (see StreamState) */
  readonly stream: StreamState;
  /** HTTPS: request writes waiting for the TLS handshake; undefined once requests may go */
  waiting: (() => void)[] | undefined;
}

export type ResponseOrder = "request" | "ready";

type Done = (conn: PageConnection, request: RequestTiming) => void;

interface ServerSlot {
  request: RequestTiming;
  ready: boolean;
  done: Done;
  /** where the response starts in the connection's response stream, once known */
  offset: number;
}

/**
 * A connection's response stream. Responses take their place in the stream
 * in order (request order, or, multiplexed, the order they are written), so
 * their offsets only grow, and the browser's bookkeeping moves forward with
 * the bytes: each list is walked once, from `firstBytePending` and
 * `completePending`, whatever the number of requests.
 */
export interface StreamState {
  /** requests in request order, for the server's in-order answers (HTTP/1.x only); those before serverHead are answered */
  readonly serverQueue: ServerSlot[];
  serverHead: number;
  /** responses in stream order, with their offsets */
  readonly placed: ServerSlot[];
  /** where the next response will start */
  nextOffset: number;
  /** placed[i] for i < firstBytePending have their first byte */
  firstBytePending: number;
  /** multiplexed: placed[i] for i < completePending are complete */
  completePending: number;
  /** multiplexed: the server's writes of this moment are being gathered into one */
  corked: boolean;
}

export class PageLoadSession {
  readonly requests: RequestTiming[] = [];
  readonly connections: PageConnection[] = [];

  constructor(
    readonly net: Network,
    private readonly config: SessionConfig,
  ) {}

  get now(): number {
    return this.net.now;
  }

  /**
   * Opens a new connection now. `oneRequest`: the server closes it after its
   * first response. `order`: "ready" for a multiplexed connection.
   */
  open(oneRequest: boolean, order: ResponseOrder = "request"): PageConnection {
    const tcp = this.net.open({ atMs: this.net.now });
    const timing: ConnectionTiming = {
      conn: tcp.id,
      openedMs: tcp.openedAtMs,
      establishedMs: NaN,
      requests: [],
      closedBy: oneRequest ? "server" : "client",
    };
    const stream: StreamState = {
      serverQueue: [],
      serverHead: 0,
      placed: [],
      nextOffset: 0,
      firstBytePending: 0,
      completePending: 0,
      corked: false,
    };
    const conn: PageConnection = { tcp, oneRequest, inFlight: new Set(), timing, order, stream, waiting: undefined };
    tcp.onEstablished((t) => {
      timing.establishedMs = t;
      for (const r of conn.inFlight) {
        r.connectedMs = t;
        if (this.config.tls === "none") r.sentMs = t; // the request rides on (or right behind) the handshake's ACK
      }
    });
    if (this.config.tls !== "none") this.startTls(conn);
    else this.serverReady(conn);
    if (order === "ready") this.startHttp2(conn);
    tcp.client.onData((_bytes, total, t) => {
      const placed = stream.placed;
      // First byte of each response: the segment that takes the stream past its start offset.
      for (; stream.firstBytePending < placed.length && total > placed[stream.firstBytePending].offset; stream.firstBytePending++) {
        placed[stream.firstBytePending].request.firstByteMs = t;
      }
      // Multiplexed: a response is complete when the stream passes its end.
      if (order !== "ready") return;
      while (stream.completePending < placed.length) {
        const slot = placed[stream.completePending];
        if (total < slot.offset + slot.request.bytes) break;
        stream.completePending++;
        this.complete(conn, slot, t);
      }
    });
    // Whoever closes first, the other side answers with its own FIN.
    tcp.client.onPeerClose(() => {
      if (!tcp.client.closing) tcp.client.close();
    });
    tcp.server.onPeerClose(() => {
      if (!tcp.server.closing) tcp.server.close();
    });
    this.connections.push(conn);
    return conn;
  }

  /**
   * The browser writes `page`'s request on `conn` now; `done` runs when the
   * whole response has arrived. Several calls in a row on one connection
   * pipeline the requests.
   */
  request(conn: PageConnection, page: PageRequest, queuedMs: number, done: Done): RequestTiming {
    const tcp = conn.tcp;
    const isNew = conn.timing.requests.length === 0 && tcp.establishedAtMs === undefined;
    const established = tcp.establishedAtMs !== undefined;
    const r: RequestTiming = {
      ...page,
      conn: tcp.id,
      newConnection: isNew,
      serverMs: this.config.serverMs(page),
      queuedMs,
      sentMs: established && !conn.waiting ? this.now : NaN,
      arrivedAtServerMs: NaN,
      respondedMs: NaN,
      firstByteMs: NaN,
      doneMs: NaN,
    };
    if (isNew) r.connectStartMs = tcp.openedAtMs;
    this.requests.push(r);
    conn.inFlight.add(r);
    conn.timing.requests.push(page.index);
    const slot: ServerSlot = { request: r, ready: false, done, offset: NaN };
    if (conn.order === "request") {
      // HTTP/1.x: this response's bytes come right after the previous request's
      this.place(conn, slot);
      conn.stream.serverQueue.push(slot);
      tcp.client.read(page.bytes, (t) => this.complete(conn, slot, t));
    }

    // Server side: reads queue in order, so this read is this request's.
    tcp.server.read(this.config.requestBytes, (t) => {
      r.arrivedAtServerMs = t;
      this.net.at(t + r.serverMs, () => {
        slot.ready = true;
        if (conn.order === "request") this.respondInOrder(conn);
        else this.respondNow(conn, slot);
      });
    });
    this.whenSecure(conn, () => {
      if (this.config.tls !== "none") r.sentMs = this.now;
      tcp.client.write(this.config.requestBytes, `GET ${page.path}`);
    });
    return r;
  }

  /**
   * The TLS handshake on a new connection, as bytes on its TCP stream: the
   * client's ClientHello, the server's flight, the client's Finished (1.3),
   * or one more exchange (1.2); requests wait for it (whenSecure). Reads
   * queue in order, so these come before any request's or response's bytes.
   */
  private startTls(conn: PageConnection): void {
    const { client, server } = conn.tcp;
    const tls12 = this.config.tls === "1.2";
    const serverFlight = SERVER_HELLO_BYTES + SERVER_HANDSHAKE_BYTES;
    conn.waiting = [];
    server.read(CLIENT_HELLO_BYTES, () => server.write(serverFlight, "TLS ServerHello, Certificate, ..."));
    server.read(tls12 ? TLS12_CLIENT_FINISH_BYTES : CLIENT_FINISHED_BYTES, () => {
      if (tls12) server.write(TLS12_SERVER_FINISH_BYTES, "TLS Finished");
      this.serverReady(conn);
    });
    const secure = (t: number) => {
      conn.timing.tlsDoneMs = t;
      const waiting = conn.waiting ?? [];
      conn.waiting = undefined;
      client.cork(); // the requests waiting leave together, right behind the Finished
      for (const write of waiting) write();
      client.uncork();
    };
    client.read(serverFlight, (t) => {
      client.write(tls12 ? TLS12_CLIENT_FINISH_BYTES : CLIENT_FINISHED_BYTES, "TLS Finished");
      if (!tls12) secure(t);
    });
    if (tls12) client.read(TLS12_SERVER_FINISH_BYTES, secure);
    conn.stream.nextOffset = serverFlight + (tls12 ? TLS12_SERVER_FINISH_BYTES : 0); // responses start after the handshake
    client.write(CLIENT_HELLO_BYTES, "TLS ClientHello");
  }

  /** The server's side of the connection is up (after TLS, if any): an HTTP/2 server sends its SETTINGS. */
  private serverReady(conn: PageConnection): void {
    if (conn.order === "ready") conn.tcp.server.write(H2_SERVER_SETTINGS_BYTES, "HTTP/2 SETTINGS");
  }

  /**
   * HTTP/2's own frames (http2-frames.ts): the client's preface and SETTINGS
   * go before its first request; each side acknowledges the other's SETTINGS
   * when they arrive. Reads queue in order, so the server reads the preface
   * before any request, and the client's acknowledgment where it falls (after
   * the HTML's request, before the objects'); the responses' offsets start
   * after the server's SETTINGS and its acknowledgment.
   */
  private startHttp2(conn: PageConnection): void {
    const { client, server } = conn.tcp;
    server.read(H2_CLIENT_START_BYTES, () => server.write(H2_SETTINGS_ACK_BYTES, "HTTP/2 SETTINGS ACK"));
    client.read(H2_SERVER_SETTINGS_BYTES, () => {
      server.read(H2_SETTINGS_ACK_BYTES, () => {});
      client.write(H2_SETTINGS_ACK_BYTES, "HTTP/2 SETTINGS ACK");
    });
    conn.stream.nextOffset += H2_SERVER_SETTINGS_BYTES + H2_SETTINGS_ACK_BYTES;
    this.whenSecure(conn, () => client.write(H2_CLIENT_START_BYTES, "HTTP/2 preface, SETTINGS"));
  }

  /** Runs `write` now, or once the connection's TLS handshake is done. */
  private whenSecure(conn: PageConnection, write: () => void): void {
    if (conn.waiting) conn.waiting.push(write);
    else write();
  }

  /**
   * Writes several requests on `conn` as one write (a pipelining browser's
   * one buffer, an HTTP/2 client's frames of one turn): they leave together
   * in full segments instead of a segment each.
   */
  requestAll(conn: PageConnection, pages: readonly PageRequest[], queuedMs: number, done: Done): void {
    conn.tcp.client.cork();
    for (const page of pages) this.request(conn, page, queuedMs, done);
    conn.tcp.client.uncork();
  }

  /** The browser has nothing more for this persistent connection: it closes it. */
  closeByClient(conn: PageConnection): void {
    if (!conn.tcp.client.closing) conn.tcp.client.close();
  }

  /** The whole response is at the browser: hand over to the strategy. */
  private complete(conn: PageConnection, slot: ServerSlot, t: number): void {
    const r = slot.request;
    r.doneMs = t;
    conn.inFlight.delete(r);
    slot.done(conn, r);
  }

  /** Gives a response its place in the connection's stream: right after the last one placed. */
  private place(conn: PageConnection, slot: ServerSlot): void {
    slot.offset = conn.stream.nextOffset;
    conn.stream.nextOffset += slot.request.bytes;
    conn.stream.placed.push(slot);
  }

  private writeResponse(conn: PageConnection, request: RequestTiming): void {
    request.respondedMs = this.now;
    conn.tcp.server.write(request.bytes, `200 ${request.path} (${request.bytes} B)`);
    if (conn.oneRequest) conn.tcp.server.close();
  }

  // Responses leave in request order (RFC 9112 9.3.2): a ready response waits for every earlier one.
  private respondInOrder(conn: PageConnection): void {
    const stream = conn.stream;
    const queue = stream.serverQueue;
    while (stream.serverHead < queue.length && queue[stream.serverHead].ready) this.writeResponse(conn, queue[stream.serverHead++].request);
  }

  // Multiplexed: a ready response leaves at once; its place in the stream is where it starts now.
  // Responses ready at the same moment go out in one write, as an HTTP/2 server sends a turn's frames.
  private respondNow(conn: PageConnection, slot: ServerSlot): void {
    this.place(conn, slot);
    const server = conn.tcp.server;
    if (!conn.stream.corked) {
      conn.stream.corked = true;
      server.cork();
      this.net.after(0, () => {
        conn.stream.corked = false;
        server.uncork();
      });
    }
    this.writeResponse(conn, slot.request);
  }
}
