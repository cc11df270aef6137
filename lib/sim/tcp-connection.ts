/**
 * A simulated TCP connection: a client endpoint and a server endpoint, the
 * three-way handshake that joins them (RFC 9293 3.5), and the routing of
 * packets between them over the network's link.
 *
 * Handshake: the client sends SYN; the server answers SYN-ACK at once; the
 * client is then established and sends the third packet. If the client's
 * application has already written (a request queued on connect), that data
 * carries the handshake's ACK, so the request leaves one RTT after the SYN
 * with no extra packet; otherwise the third packet is a pure ACK. The server
 * is established when the third packet arrives.
 *
 * Assumptions: no SYN loss or retransmission, no SYN cookies or TCP Fast
 * Open (data on the SYN), no TIME_WAIT (see tcp/ports.ts for its cost).
 */
import { checkChoice, checkFunction, checkNumber, optionalBoolean } from "../errors";
import { language, type Language } from "../i18n";
import { packetNote } from "../tcp/notes";
import type { Side } from "../tcp/trace";
import type { EndpointConfig, Packet } from "./tcp-endpoint";
import { checkConfigObject, checkScheduler, TcpEndpoint } from "./tcp-endpoint";
import type { Scheduler } from "./scheduler";

const SIDES: readonly Side[] = ["client", "server"];

/** Puts a packet on the link and calls `arrive` when it reaches the peer. */
export type Transmit = (conn: TcpConnection, packet: Packet, arrive: () => void) => void;

export class TcpConnection {
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  /** when the client sent its SYN (or, for a pre-established connection, when it became usable) */
  readonly openedAtMs: number;
  /** when the client could first send data; undefined until then */
  establishedAtMs: number | undefined;
  private establishedListeners: ((tMs: number) => void)[] = [];

  readonly id: number;
  /** the settings both endpoints use, checked and resolved */
  readonly config: EndpointConfig;
  private readonly sim: Scheduler;
  private readonly transmit: Transmit;
  /** the language of the handshake's trace notes */
  private readonly lang: Language = language();

  constructor(id: number, config: EndpointConfig, sim: Scheduler, transmit: Transmit, atMs: number, preEstablished: boolean) {
    this.id = checkNumber("id", id, { min: 0, integer: true });
    checkScheduler(sim);
    checkFunction("transmit", transmit);
    this.sim = sim;
    this.transmit = transmit;
    checkConfigObject(config);
    this.openedAtMs = checkNumber("atMs", atMs, { min: sim.now });
    const established = optionalBoolean("preEstablished", preEstablished, false);
    this.client = new TcpEndpoint("client", config, sim, (p) => this.send(p));
    this.config = this.client.config;
    this.server = new TcpEndpoint("server", this.config, sim, (p) => this.send(p));
    this.client.peerWindow = this.config.receiveWindow;
    this.server.peerWindow = this.config.receiveWindow;
    if (established) sim.at(atMs, () => this.establishBoth());
    else sim.at(atMs, () => this.client.sendControl(["SYN"], packetNote("open", this.lang)));
  }

  endpoint(side: Side): TcpEndpoint {
    return checkChoice("side", side, SIDES) === "client" ? this.client : this.server;
  }

  /** Calls `listener(tMs)` when the client can send (right away if it already can). */
  onEstablished(listener: (tMs: number) => void): void {
    checkFunction("listener", listener);
    if (this.establishedAtMs !== undefined) listener(this.establishedAtMs);
    else this.establishedListeners.push(listener);
  }

  /** True while neither side has asked to close: the connection can carry another request. */
  get isOpen(): boolean {
    return !this.client.closing && !this.server.closing;
  }

  /** True when both FINs were sent, received and acknowledged. */
  get isClosed(): boolean {
    return this.client.closed && this.server.closed;
  }

  private send(packet: Packet): void {
    this.transmit(this, packet, () => this.arrive(packet));
  }

  private arrive(packet: Packet): void {
    const to = packet.from === "client" ? this.server : this.client;
    const syn = packet.flags.includes("SYN");
    if (syn && !packet.flags.includes("ACK")) this.server.sendControl(["SYN", "ACK"], packetNote("accept", this.lang));
    else if (syn) this.clientEstablished();
    else {
      if (!to.established) to.establish();
      to.receive(packet);
    }
  }

  private clientEstablished(): void {
    const before = this.client.bytesSent;
    this.client.establish(); // sends queued data, which carries the ACK
    if (this.client.bytesSent === before) this.client.sendControl(["ACK"], packetNote("handshake", this.lang));
    this.markEstablished();
  }

  private establishBoth(): void {
    this.server.establish();
    this.client.establish();
    this.markEstablished();
  }

  private markEstablished(): void {
    this.establishedAtMs = this.sim.now;
    for (const listener of this.establishedListeners.splice(0)) listener(this.sim.now);
  }
}
