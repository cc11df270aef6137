/**
 * A simulated TCP connection: a client endpoint and a server endpoint, the
 * three-way handshake that joins them (RFC 9293 3.5), and the routing of
 * packets between them over the network's link.
 *
 * Handshake: the client sends SYN; the server answers SYN-ACK at once; the
 * client is then established and sends the third packet. With
 * bareHandshakeAck (Linux) that is a pure ACK, and a request queued on
 * connect follows it at once; without, the request carries the handshake's
 * ACK. The server is established when the third packet (or any later one) arrives.
 *
 * Lost handshake packets: a SYN that gets no SYN-ACK is sent again after the
 * initial RTO, doubling each time, at most SYN_RETRIES times (then the
 * connection fails with an error); the server sends its SYN-ACK again on its
 * own timer (SYNACK_RETRIES) and whenever a SYN repeats; a repeated SYN-ACK
 * is answered with a pure ACK. The SYN's round trip is each side's first RTT
 * sample when neither was sent twice (Karn), and a timed-out SYN starts data
 * with a 3 s RTO (RFC 6298 5.7).
 *
 * Assumptions: no SYN cookies or TCP Fast Open (data on the SYN), no
 * TIME_WAIT (see tcp/ports.ts for its cost).
 */
import { ConnectionAbortedError, checkChoice, checkFunction, checkNumber, optionalBoolean } from "../errors";
import { LANGUAGES, language, messages, type Language } from "../i18n";
import { SYN_RETRIES, SYNACK_RETRIES } from "../tcp/constants";
import { packetNote } from "../tcp/notes";
import type { Flag, Side } from "../tcp/trace";
import type { EndpointConfig, Packet } from "./tcp-endpoint";
import { checkConfigObject, checkScheduler, TcpEndpoint } from "./tcp-endpoint";
import { Deadline } from "./deadline";
import { ACK_BIT, SYN_BIT, flagBits } from "./flag-bits";
import type { Scheduler } from "./scheduler";

const say = messages("sim/tcp-connection", {
  synGaveUp: {
    en: "connection {conn}: no answer to {retries} SYN retransmissions by t={atMs} ms (Linux's tcp_syn_retries): the path loses too many packets",
    ko: "커넥션 {conn}: SYN을 {retries}번 재전송해도 t={atMs} ms까지 응답이 없습니다(리눅스 tcp_syn_retries): 경로가 패킷을 너무 많이 잃습니다",
  },
});

/** One side's handshake timer: when its SYN (or SYN-ACK) first left, how often it went again, and its retransmission timer. */
interface HandshakeTimer {
  firstSentMs: number;
  sends: number;
  readonly timer: Deadline<TcpConnection>;
}

const SIDES: readonly Side[] = ["client", "server"];
const SYN: readonly Flag[] = Object.freeze(["SYN"]);
const SYN_ACK: readonly Flag[] = Object.freeze(["SYN", "ACK"]);
const ACK: readonly Flag[] = Object.freeze(["ACK"]);

/** Puts a packet on the link and calls `arrive(packet)` when it reaches the peer. */
export type Transmit = (conn: TcpConnection, packet: Packet, arrive: (packet: Packet) => void) => void;

export class TcpConnection {
  readonly client: TcpEndpoint;
  readonly server: TcpEndpoint;
  /** when the client sent its SYN (or, for a pre-established connection, when it became usable) */
  readonly openedAtMs: number;
  /** when the client could first send data; undefined until then */
  establishedAtMs: number | undefined;
  private establishedListeners: ((tMs: number) => void)[] = [];
  private readonly syn: HandshakeTimer;
  private readonly synAck: HandshakeTimer;

  readonly id: number;
  /** the settings both endpoints use, checked and resolved */
  readonly config: EndpointConfig;
  private readonly sim: Scheduler;
  private readonly transmit: Transmit;
  /** the language of the handshake's trace notes */
  private readonly lang: Language;

  /** `lang`: the trace notes' language, when the network has resolved it once for all its connections */
  constructor(
    id: number,
    config: EndpointConfig,
    sim: Scheduler,
    transmit: Transmit,
    atMs: number,
    preEstablished: boolean,
    lang?: Language,
  ) {
    this.id = checkNumber("id", id, { min: 0, integer: true });
    checkScheduler(sim);
    checkFunction("transmit", transmit);
    this.sim = sim;
    this.transmit = transmit;
    checkConfigObject(config);
    this.openedAtMs = checkNumber("atMs", atMs, { min: sim.now });
    const established = optionalBoolean("preEstablished", preEstablished, false);
    this.lang = lang === undefined ? language() : checkChoice("lang", lang, LANGUAGES);
    const send = (p: Packet) => this.send(p); // one sink for both endpoints
    this.client = new TcpEndpoint("client", config, sim, send, this.lang);
    this.config = this.client.config;
    this.server = new TcpEndpoint("server", this.config, sim, send, this.lang);
    this.client.peerWindow = this.config.receiveWindow;
    this.server.peerWindow = this.config.receiveWindow;
    this.syn = { firstSentMs: 0, sends: 0, timer: new Deadline<TcpConnection>(sim, TcpConnection.synTimeout, this) };
    this.synAck = { firstSentMs: 0, sends: 0, timer: new Deadline<TcpConnection>(sim, TcpConnection.synAckTimeout, this) };
    sim.schedule(atMs, established ? TcpConnection.establishBoth : TcpConnection.sendSyn, this);
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

  /** SYNs and SYN-ACKs sent again. */
  get handshakeRetransmissions(): number {
    return Math.max(0, this.syn.sends - 1) + Math.max(0, this.synAck.sends - 1);
  }

  private send(packet: Packet): void {
    this.transmit(this, packet, this.arrival);
  }

  /** arrive() bound once, for transmit: a packet needs no closure of its own */
  private readonly arrival = (packet: Packet) => this.arrive(packet);

  private arrive(packet: Packet): void {
    const to = packet.from === "client" ? this.server : this.client;
    const flags = flagBits(packet.flags);
    const syn = (flags & SYN_BIT) !== 0;
    if (syn) to.echoTimestamp(packet.tsVal); // RFC 7323: the SYN's and SYN-ACK's TSval are echoed like any other
    if (syn && (flags & ACK_BIT) === 0) this.onSyn();
    else if (syn) this.onSynAck(packet.tsEcr);
    else {
      if (!to.established) this.serverEstablished(packet.tsEcr);
      to.handleWithFlags(packet, flags);
    }
  }

  private sendSyn(): void {
    this.handshakeSend(this.syn, this.client, SYN, "open");
  }

  private sendSynAck(): void {
    this.handshakeSend(this.synAck, this.server, SYN_ACK, "accept");
  }

  // The connection's start, made once for every connection (Scheduler.schedule: no closure, no handle)
  private static readonly establishBoth = (c: TcpConnection) => c.establishBoth();
  private static readonly sendSyn = (c: TcpConnection) => c.sendSyn();

  // The handshake timers' expiry, made once for every connection: a timer holds no closure (deadline.ts).
  private static readonly synTimeout = (c: TcpConnection) => {
    if (c.establishedAtMs !== undefined) return;
    if (c.syn.sends > SYN_RETRIES) throw new ConnectionAbortedError(say.synGaveUp({ conn: c.id, retries: SYN_RETRIES, atMs: c.sim.now }));
    c.client.synTimedOut();
    c.sendSyn();
  };
  private static readonly synAckTimeout = (c: TcpConnection) => {
    if (c.server.established || c.synAck.sends > SYNACK_RETRIES) return; // the server gives up quietly; the client's SYN retries decide
    c.server.synTimedOut();
    c.sendSynAck();
  };

  // Sends a SYN or SYN-ACK and arms its timer: initial RTO, doubled per send (RFC 6298 5.5).
  private handshakeSend(t: HandshakeTimer, from: TcpEndpoint, flags: readonly Flag[], note: "open" | "accept"): void {
    if (t.sends === 0) t.firstSentMs = this.sim.now;
    t.sends += 1;
    from.control(flags, packetNote(note, this.lang), t.sends > 1);
    t.timer.set(this.sim.now + this.config.initialRtoMs * 2 ** (t.sends - 1));
  }

  private onSyn(): void {
    if (this.server.established) return; // an old SYN: the connection is up
    this.sendSynAck();
  }

  private onSynAck(tsEcr: number | undefined): void {
    if (this.establishedAtMs !== undefined) {
      this.sendHandshakeAck(); // our ACK was lost: say it again
      return;
    }
    this.handshakeAnswered(this.syn, this.client, tsEcr);
    const before = this.client.bytesSent;
    if (this.config.bareHandshakeAck) this.sendHandshakeAck();
    this.client.establish(); // sends queued data, which carries the ACK
    if (this.client.bytesSent === before && !this.config.bareHandshakeAck) this.sendHandshakeAck();
    this.markEstablished();
  }

  // The handshake's third packet, a pure ACK (also sent again when the SYN-ACK repeats).
  private sendHandshakeAck(): void {
    this.client.control(ACK, packetNote("handshake", this.lang), false);
  }

  /**
   * A SYN (or SYN-ACK) was answered: stop its timer and take the first RTT sample. Karn without
   * timestamps; with them, the echoed TSval dates the SYN the answer is for (Linux: tcp_synack_rtt_meas).
   */
  private handshakeAnswered(t: HandshakeTimer, side: TcpEndpoint, tsEcr: number | undefined): void {
    t.timer.clear();
    if (this.config.timestamps && tsEcr !== undefined) side.measuredRtt(this.sim.now - tsEcr);
    else if (t.sends === 1) side.measuredRtt(this.sim.now - t.firstSentMs);
  }

  private serverEstablished(tsEcr: number | undefined): void {
    this.handshakeAnswered(this.synAck, this.server, tsEcr);
    this.server.establish();
  }

  private establishBoth(): void {
    this.server.establish();
    this.client.establish();
    this.markEstablished();
  }

  private markEstablished(): void {
    this.establishedAtMs = this.sim.now;
    if (this.establishedListeners.length > 0) for (const listener of this.establishedListeners.splice(0)) listener(this.sim.now);
  }
}
