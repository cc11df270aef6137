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
 * TCP options (per network, overridable per connection in `open`):
 *   mss (1460), initialWindow in segments (RFC 6928: 10), delayedAckMs
 *   (Linux 40; 0 = off), nagle (true), nagleVariant ("classic", RFC 896 as RFC 1122 4.2.3.4 states it,
 *   or Linux's "minshall", which does not hold the small tail of a large
 *   write behind full-sized segments), receiveWindow in bytes (unlimited),
 *   abcLimit (1: RFC 5681's cwnd += min(N, SMSS) per ACK, about 1.5x per
 *   RTT with delayed ACKs; 2: RFC 3465 with L = 2*SMSS; Infinity: Linux,
 *   every ACKed segment counts; both of those double per RTT),
 *   rtoMs (RFC 6298 2.4's 1 s minimum: the idle time after which cwnd
 *   restarts), slowStartAfterIdle (true; Linux's
 *   net.ipv4.tcp_slow_start_after_idle is on by default too), idleRestart
 *   ("rfc5681": back to min(IW, cwnd) after one RTO of idle, RFC 5681 4.1;
 *   "linux": halve ceil(idle / RTO) - 1 times, not below IW, as tcp_cwnd_restart.
 *   Linux's RTO is the smoothed RTT plus a variance term of at least 200 ms,
 *   so about RTT + 200 ms on a steady path: pass rtoMs: rttMs + LINUX_MIN_RTO_MS).
 *
 * Counting: a packet is counted and traced when it is handed to the link;
 * its trace time is when its first bit leaves (after waiting for the packets
 * queued before it). wireBytes = payload + IP and TCP headers (segment.ts).
 *
 * Assumptions: no loss, no reordering, no retransmission, no TCP options
 * in the headers; applications react instantly unless they schedule a delay.
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import { IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { Link, symmetricLink } from "./link";
import type { LinkSpec } from "./link";
import { DEFAULT_MAX_EVENTS, Scheduler } from "./scheduler";
import type { EventHandle } from "./scheduler";
import { TcpConnection } from "./tcp-connection";
import { tcpConfig } from "./tcp-endpoint";
import type { EndpointConfig, IdleRestart, NagleVariant, Packet } from "./tcp-endpoint";
import type { Trace, TraceEntry } from "./trace";

export interface TcpOptions {
  mss?: number;
  /** in segments */
  initialWindow?: number;
  delayedAckMs?: number;
  nagle?: boolean;
  /** "classic" (default, RFC 896) or "minshall" (Linux) */
  nagleVariant?: NagleVariant;
  /** bytes; undefined or Infinity = no cap */
  receiveWindow?: number;
  /** ms; default RFC 6298's 1 s minimum */
  rtoMs?: number;
  slowStartAfterIdle?: boolean;
  /** "rfc5681" (default) or "linux" */
  idleRestart?: IdleRestart;
  /** segments one ACK may add to cwnd: 1 (default, RFC 5681), 2 (RFC 3465 L = 2), Infinity (Linux) */
  abcLimit?: number;
}

export interface NetworkOptions extends TcpOptions {
  /** round-trip propagation delay, split evenly between the two directions */
  rttMs?: number;
  /** the same bandwidth both ways, bits/s; undefined = unlimited */
  bandwidthBps?: number;
  /** instead of rttMs/bandwidthBps: each direction's delay and bandwidth */
  link?: LinkSpec;
  /** guard against runaway models */
  maxEvents?: number;
}

export interface OpenOptions extends TcpOptions {
  /** when the client sends its SYN (default: now) */
  atMs?: number;
  /** skip the handshake: the connection is usable at atMs (an idle, already open connection) */
  established?: boolean;
}

function linkFrom(o: Partial<NetworkOptions>): Link {
  if (o.link !== undefined) return new Link(o.link);
  const rttMs = optionalNumber("rttMs", o.rttMs, 0, { min: 0, max: MAX_QUANTITY });
  const bandwidth = o.bandwidthBps === undefined || o.bandwidthBps === Infinity ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  return new Link(symmetricLink(rttMs, bandwidth));
}

export class Network {
  readonly sim: Scheduler;
  readonly link: Link;
  readonly defaults: EndpointConfig;
  readonly connections: TcpConnection[] = [];
  private entries: TraceEntry[] = [];
  private packetCount = 0;
  private wireByteCount = 0;

  constructor(options?: NetworkOptions) {
    const o = optionsObject("options", options);
    this.defaults = tcpConfig(o);
    this.link = linkFrom(o);
    this.sim = new Scheduler(optionalNumber("maxEvents", o.maxEvents, DEFAULT_MAX_EVENTS, { min: 1, integer: true }));
  }

  /** Opens a connection: the client's SYN leaves at `atMs` (default now). */
  open(options?: OpenOptions): TcpConnection {
    const o = optionsObject("options", options);
    const atMs = optionalNumber("atMs", o.atMs, this.sim.now, { min: this.sim.now });
    const established = optionalBoolean("established", o.established, false);
    const conn = new TcpConnection(this.connections.length, tcpConfig(o, this.defaults), this.sim, (c, p, arrive) => this.transmit(c, p, arrive), atMs, established);
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
    return this.entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.tMs - b.e.tMs || a.i - b.i).map(({ e }) => ({ ...e, flags: [...e.flags] }));
  }

  get connectionsOpened(): number {
    return this.connections.length;
  }
  /** TCP packets on the wire, both directions: SYNs, data, pure ACKs, FINs. */
  get packets(): number {
    return this.packetCount;
  }
  /** payload plus 40 header bytes per packet */
  get wireBytes(): number {
    return this.wireByteCount;
  }

  private transmit(conn: TcpConnection, packet: Packet, arrive: () => void): void {
    const wire = packet.bytes + IP_HEADER_BYTES + TCP_HEADER_BYTES; // a packet is one segment: one IP and one TCP header
    const { startMs, arriveMs } = this.link.transmit(packet.from, this.sim.now, wire);
    const entry: TraceEntry = { tMs: startMs, conn: conn.id, from: packet.from, flags: packet.flags, bytes: packet.bytes };
    if (packet.note !== undefined) entry.note = packet.note;
    this.entries.push(entry);
    this.packetCount += 1;
    this.wireByteCount += wire;
    this.sim.at(arriveMs, arrive);
  }
}
