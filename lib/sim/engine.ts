/**
 * The simulator's front door: a Network is one client host and one server
 * host joined by a link (link.ts), a clock (scheduler.ts), any number of TCP
 * connections between them (tcp-connection.ts, tcp-endpoint.ts) and the
 * trace of every packet they put on the wire (trace.ts).
 *
 * API in brief
 *   const net = new Network({ rttMs: 100, bandwidthBps: 10e6 });  // + TCP options below
 *   const conn = net.open({ atMs: 0 });        // SYN leaves at 0 ms; net.connectionsOpened === 1
 *   conn.client.write(300, "GET /");          // queued; rides on the handshake's ACK
 *   conn.server.read(300, (t) =>               // the whole request is there at t
 *     net.at(t + 20, () => conn.server.write(50_000, "200 OK")));  // 20 ms think time
 *   conn.client.read(50_000, (t) => {          // the whole response is there at t
 *     console.log(`response complete at ${t} ms`);
 *     conn.client.close();                     // FIN; the server hears it via onPeerClose
 *   });
 *   net.run();                                  // until nothing is left to do
 *   net.trace; net.packets; net.wireBytes;      // every packet, both directions
 *
 * Reuse: while `conn.isOpen`, the next request is simply another write on
 * the same connection (no new SYN). Writes and reads are stream operations,
 * as on a socket: `write(n)` appends n bytes (a request may be several writes), `read(n, cb)` waits for the next
 * n bytes in order, so queued reads model pipelined responses. `onData`
 * sees every arriving segment, `onPeerClose` the peer's FIN, `close()` sends
 * a FIN after the data already written. `net.at(t, fn)` / `net.after(dt, fn)`
 * run application code at a simulated time (a server's think time, a
 * browser that opens the next connection later).
 *
 * TCP options, per network and overridable per connection in `open`: stack
 *   (a profile that sets all the others: "linux", "rfc", "classic"), mss,
 *   timestamps, initialWindow, delayedAckMs, quickAck, nagle, nagleVariant,
 *   receiveWindow, initialRtoMs, minRtoMs, rtoMs, bareHandshakeAck,
 *   slowStartAfterIdle, idleRestart, abcLimit. Each is documented once, with
 *   its default and its RFC, in TcpOptions (lib/tcp/options.ts); the
 *   profiles are in lib/tcp/stacks.ts.
 *
 * Loss (PathOptions): `lossRate` (Bernoulli, per direction if asked),
 *   `seed`, `dropPackets` (packet numbers, in the order handed to the link).
 *   A lost packet still takes its time on the link and appears in the trace
 *   with `lost: true`; it never arrives. The endpoints recover as TCP does
 *   (tcp-endpoint.ts); every packet sent again is traced with `retransmit: true`.
 *
 * Counting: a packet is counted and traced when it is handed to the link;
 * its trace time is when its first bit leaves (after waiting for the packets
 * queued before it). wireBytes = payload + IP and TCP headers, with the
 * TCP options each packet carries (timestamps; the SYN's options; stacks.ts).
 *
 * Assumptions: no reordering, no corruption, an unlimited queue (losses are
 * random or listed, never from congestion); applications react instantly
 * unless they schedule a delay.
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import { IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { optionBytes, sackOptionBytes } from "../tcp/stacks";
import { language, messages, type Language } from "../i18n";
import type { PathOptions, TcpOptions } from "../tcp/options";
import type { Flag, Side, Trace } from "../tcp/trace";
import { Link, symmetricLink } from "./link";
import { SYN_BIT, flagBits } from "./flag-bits";
import { LossProcess } from "./loss";
import type { LinkSpec } from "./link";
import { DEFAULT_MAX_EVENTS, Scheduler } from "./scheduler";
import type { EventHandle, Lane } from "./scheduler";
import { TraceLog } from "./trace-log";
import { TcpConnection } from "./tcp-connection";
import { tcpConfig } from "./tcp-endpoint";
import type { EndpointConfig, Packet } from "./tcp-endpoint";

/** A network: the path (rttMs 0 by default; bandwidthBps may also be Infinity) and the TCP options of every connection. */
export interface NetworkOptions extends TcpOptions, PathOptions {
  /** instead of rttMs/bandwidthBps: each direction's delay and bandwidth */
  link?: LinkSpec;
  /** guard against runaway models */
  maxEvents?: number;
}

/** A datagram for Network.transmitDatagram: the trace's fields and the bytes it takes on the wire. */
export interface Datagram {
  conn: number;
  from: Side;
  /** the trace's bytes (the packet's data) */
  bytes: number;
  wireBytes: number;
  note: string;
  retransmit?: boolean;
}

export interface OpenOptions extends TcpOptions {
  /** when the client sends its SYN (default: now) */
  atMs?: number;
  /** skip the handshake: the connection is usable at atMs (an idle, already open connection) */
  established?: boolean;
}

const NO_FLAGS: readonly Flag[] = [];

/**
 * The most connections one Network opens. Each keeps a few kilobytes of state for the
 * whole run, so a loop of open() calls would fill the heap long before maxEvents stops
 * it. About twice what the largest page opens loaded serially (MAX_PAGE_OBJECTS + 1)
 * and what the bench's largest run opens (10,000).
 */
export const MAX_CONNECTIONS = 20_000;

const say = messages("sim/engine", {
  tooManyConnections: { en: "at most {max} connections on one Network", ko: "Network 하나에 커넥션 최대 {max}개" },
});

function linkFrom(o: Partial<NetworkOptions>): Link {
  if (o.link !== undefined) return new Link(o.link);
  const rttMs = optionalNumber("rttMs", o.rttMs, 0, { min: 0, max: MAX_QUANTITY });
  const bandwidth =
    o.bandwidthBps === undefined || o.bandwidthBps === Infinity
      ? Infinity
      : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  return new Link(symmetricLink(rttMs, bandwidth));
}

export class Network {
  readonly sim: Scheduler;
  readonly link: Link;
  readonly defaults: EndpointConfig;
  readonly loss: LossProcess;
  readonly connections: TcpConnection[] = [];
  private readonly log = new TraceLog();
  /** each direction of the link is a FIFO, so its arrivals come in time order: a lane each (scheduler.ts) */
  private readonly toServer: Lane;
  private readonly toClient: Lane;
  private packetCount = 0;
  private wireByteCount = 0;
  private lostCount = 0;
  /** the language of the trace notes, resolved once for all connections */
  private readonly lang: Language = language();
  private retransmitCount = 0;

  constructor(options?: NetworkOptions) {
    const o = optionsObject("options", options);
    this.defaults = tcpConfig(o);
    this.link = linkFrom(o);
    this.loss = new LossProcess(o);
    this.sim = new Scheduler(optionalNumber("maxEvents", o.maxEvents, DEFAULT_MAX_EVENTS, { min: 1, integer: true }));
    this.toServer = this.sim.lane();
    this.toClient = this.sim.lane();
  }

  /** Opens a connection: the client's SYN leaves at `atMs` (default now). */
  open(options?: OpenOptions): TcpConnection {
    const o = optionsObject("options", options);
    if (this.connections.length >= MAX_CONNECTIONS)
      outOfRange("connections", say.tooManyConnections({ max: MAX_CONNECTIONS }), this.connections.length + 1);
    const atMs = optionalNumber("atMs", o.atMs, this.sim.now, { min: this.sim.now });
    const established = optionalBoolean("established", o.established, false);
    const conn = new TcpConnection(
      this.connections.length,
      Object.keys(o).every((k) => k === "atMs" || k === "established") ? this.defaults : tcpConfig(o, this.defaults), // no TCP option of its own: share the network's (frozen) settings
      this.sim,
      this.transmitPacket,
      atMs,
      established,
      this.lang,
    );
    this.connections.push(conn);
    return conn;
  }

  /** Runs `run` at simulated time `atMs`. */
  at(atMs: number, run: () => void): EventHandle {
    return this.sim.at(atMs, run);
  }

  /** Runs `run` `delayMs` after the current simulated time. */
  after(delayMs: number, run: () => void): EventHandle {
    return this.sim.after(delayMs, run);
  }

  /** Processes events until none is left (or until `untilMs`). */
  run(untilMs?: number): this {
    this.sim.run(untilMs);
    return this;
  }

  get now(): number {
    return this.sim.now;
  }

  /** Every packet so far, ordered by the time it left its sender (ties: in the order sent). */
  get trace(): Trace {
    return this.log.trace();
  }

  get connectionsOpened(): number {
    return this.connections.length;
  }
  /** TCP packets on the wire, both directions: SYNs, data, pure ACKs, FINs. */
  get packets(): number {
    return this.packetCount;
  }
  /** payload plus the IP and TCP headers (40 bytes, and the TCP options) of every packet */
  get wireBytes(): number {
    return this.wireByteCount;
  }
  /** packets the path dropped */
  get lostPackets(): number {
    return this.lostCount;
  }
  /** packets that carried sequence numbers sent before: SYNs, SYN-ACKs, data and FINs sent again */
  get retransmissions(): number {
    return this.retransmitCount;
  }

  /**
   * A UDP datagram (QUIC, quic-connection.ts) on the same link, loss process
   * and counters as the TCP packets: traced with no TCP flags; `wireBytes`
   * is the caller's (its IP, UDP and QUIC headers); `arrive` runs unless lost.
   */
  transmitDatagram(d: Datagram, arrive: () => void): void {
    this.put(d.conn, d.from, NO_FLAGS, d.bytes, d.wireBytes, d.note, d.retransmit === true, arrive, undefined);
  }

  /** transmit, bound once for all connections */
  private readonly transmitPacket = (c: TcpConnection, p: Packet, arrive: (packet: Packet) => void) => this.transmit(c, p, arrive);

  private transmit(conn: TcpConnection, packet: Packet, arrive: (packet: Packet) => void): void {
    const options = optionBytes(conn.config.timestamps);
    const sack = packet.sack === undefined ? 0 : sackOptionBytes(packet.sack.length);
    const tcpOptions = ((flagBits(packet.flags) & SYN_BIT) !== 0 ? options.syn : options.segment) + sack;
    const wire = packet.bytes + IP_HEADER_BYTES + TCP_HEADER_BYTES + tcpOptions; // a packet is one segment
    this.put(conn.id, packet.from, packet.flags, packet.bytes, wire, packet.note, packet.retransmit === true, arrive, packet);
  }

  // Hands a packet to the link: counted and traced now, `arrive(packet)` runs when it gets there unless the path loses it.
  private put<P>(
    conn: number,
    from: Side,
    flags: readonly Flag[],
    bytes: number,
    wire: number,
    note: string | undefined,
    retransmit: boolean,
    arrive: (packet: P) => void,
    packet: P,
  ): void {
    const carried = this.link.carry(from, this.sim.now, wire);
    const lost = !this.loss.none && this.loss.lost(this.packetCount, from);
    this.log.add(carried.startMs, conn, from, flags, bytes, note, retransmit, lost);
    if (retransmit) this.retransmitCount += 1;
    if (lost) this.lostCount += 1;
    this.packetCount += 1;
    this.wireByteCount += wire;
    if (!lost) (from === "client" ? this.toServer : this.toClient).at(carried.arriveMs, arrive, packet);
  }
}
