/**
 * A QUIC connection (RFC 9000, 9001, 9002) between the Network's client and
 * server, on the same link, loss process and counters as its TCP
 * connections (engine.ts, Network.transmitDatagram), with the same
 * congestion window rules (lib/tcp/congestion.ts).
 *
 *   const quic = new QuicConnection(net, { zeroRtt: false });
 *   quic.onStreamData("server", (stream, delivered, t) => ...);  // in-order bytes of one stream
 *   quic.write("client", 0, 300);   // 300 bytes on stream 0; leaves once the handshake allows
 *   net.run();
 *
 * The model
 *  - Handshake, 1 RTT: the client's Initial (padded to 1200 bytes), the
 *    server's Initial and Handshake flight (ServerHello, certificate: about
 *    2.6 KB, the sizes of lib/tcp/tls-handshake.ts, shared with HTTPS over TCP), then the client's Handshake Finished, with its first 1-RTT
 *    data right behind it. `zeroRtt`: the client's stream data goes with its
 *    first flight (0-RTT), and the server answers as soon as it can.
 *  - Packets: at most 1350 bytes of UDP payload, of which 30 are the QUIC
 *    header, frame headers and AEAD tag, so 1320 bytes of data; an ACK frame
 *    counts 10 bytes more. wireBytes add UDP (8) and IP (20) headers. The
 *    trace's `bytes` are the data (stream and crypto) a packet carries.
 *  - Every packet has a new packet number; lost data goes again as new
 *    frames in a new packet (traced `retransmit: true`).
 *  - Streams: data is delivered in order within each stream and
 *    independently of the others: a lost packet holds back only the streams
 *    whose frames it carried. The sender sends lost data first, then the
 *    crypto streams, then new stream data in the order streams were first
 *    written (sequential, not round-robin: a response goes out whole once
 *    started, as the TCP model's multiplexing does).
 *  - ACKs (RFC 9000 13.2): after every second ack-eliciting packet, after
 *    max_ack_delay (25 ms) otherwise, at once for handshake data or a gap in
 *    packet numbers; an ACK rides on outgoing data when there is some.
 *  - Loss detection (RFC 9002 6): a packet is lost when one sent 3 packet
 *    numbers later is acknowledged, or 9/8 x max(smoothed RTT, latest RTT)
 *    after it was sent while a later one was acknowledged. The probe timeout
 *    is smoothed_rtt + max(4 rttvar, 1 ms) + max_ack_delay (before any
 *    sample: 3 x the initial RTT of 333 ms), doubled at each PTO in a row;
 *    a PTO sends up to two probes (new data, or the oldest unacknowledged
 *    data again). After 10 PTOs in a row the connection gives up
 *    (ConnectionAbortedError).
 *  - Congestion (RFC 9002 7): initial window 10 x 1350 bytes; slow start
 *    and congestion avoidance by growWindow with every acknowledged packet;
 *    on loss, once per recovery period, ssthresh = cwnd = max(cwnd/2, 2
 *    packets) (ssthreshAfterLoss applied to cwnd, as 7.3.2 asks).
 *
 * Simplifications: one packet number space for all levels (RFC 9000 has
 * three); no ack_delay field (RTT samples include the receiver's delay); no
 * persistent congestion, pacing, flow control, amplification limit or key
 * update; at the close, the client's CONNECTION_CLOSE ends both sides'
 * timers at once (draining and idle timeout are not modelled).
 */
import { ConnectionAbortedError, checkChoice, checkNumber, optionalBoolean, optionalNumber, optionsObject, MAX_QUANTITY } from "../errors";
import { messages, verbatim } from "../i18n";
import { IP_HEADER_BYTES } from "../tcp/constants";
import { growWindow, ssthreshAfterLoss } from "../tcp/congestion";
import { addRange } from "../tcp/sack";
import { CLIENT_FINISHED_BYTES, SERVER_HANDSHAKE_BYTES, SERVER_HELLO_BYTES } from "../tcp/tls-handshake";
import type { CongestionWindow } from "../tcp/congestion";
import { RtoEstimator } from "../tcp/rto";
import type { Side } from "../tcp/trace";
import type { Network } from "./engine";
import type { EventHandle } from "./scheduler";

const say = messages("sim/quic-connection", {
  packetStreams: { en: "QUIC {kinds}, streams {streams}", ko: "QUIC {kinds}, 스트림 {streams}" },
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  gaveUp: {
    en: "QUIC connection {conn}: the {side} got no acknowledgment through {ptos} probe timeouts in a row and gave up at {atMs} ms",
    ko: "QUIC 커넥션 {conn}: {side}가 연속 {ptos}번의 프로브 타임아웃(PTO) 동안 확인응답을 받지 못해 {atMs}ms에 포기했습니다",
  },
});

/** Largest UDP payload the model sends (RFC 9000 14: at least 1200; 1350 is a common choice). */
export const QUIC_MAX_DATAGRAM_BYTES = 1350;
/** QUIC short header, frame headers and AEAD tag, counted as one figure per packet. */
export const QUIC_PACKET_OVERHEAD_BYTES = 30;
/** Stream or crypto data one packet carries at most. */
export const QUIC_MAX_PACKET_DATA = QUIC_MAX_DATAGRAM_BYTES - QUIC_PACKET_OVERHEAD_BYTES;
export const UDP_HEADER_BYTES = 8;
/** An ACK frame with a few ranges. */
export const QUIC_ACK_FRAME_BYTES = 10;
/** RFC 9002 6.2.2: the RTT assumed before any sample. */
export const QUIC_INITIAL_RTT_MS = 333;
/** RFC 9000 18.2: max_ack_delay's default. */
export const QUIC_MAX_ACK_DELAY_MS = 25;
/** RFC 9002 6.1.1 and 6.1.2. */
export const QUIC_PACKET_THRESHOLD = 3;
export const QUIC_TIME_THRESHOLD = 9 / 8;
/** Probe timeouts in a row before the connection gives up (the model's bound; RFC 9000 leaves it to the idle timeout). */
export const QUIC_MAX_PTOS = 10;
/** RFC 9002 7.2: min(10 x max_datagram_size, max(14720, 2 x max_datagram_size)). */
export const QUIC_INITIAL_WINDOW_BYTES = Math.min(10 * QUIC_MAX_DATAGRAM_BYTES, Math.max(14_720, 2 * QUIC_MAX_DATAGRAM_BYTES));

/** Crypto data as two pseudo-streams, one per encryption level. */
export const INITIAL_CRYPTO_STREAM = -1;
export const HANDSHAKE_CRYPTO_STREAM = -2;
const CLIENT_INITIAL_BYTES = 1200 - QUIC_PACKET_OVERHEAD_BYTES; // padded (RFC 9000 14.1)
/** ACK ranges an ACK frame repeats at most (real stacks cap them too). */
const MAX_ACK_RANGES = 32;

interface Frame {
  stream: number;
  offset: number;
  length: number;
}

/**
 * Stream data written and not yet sent, by stream in the order streams were
 * first written. Every stream before `head` is sent in full, so a packet's
 * frames start at the first stream with data instead of scanning every
 * stream (a page of 10,000 objects has 10,000 streams: a scan per packet made
 * a load's cost grow with the square of its objects). A stream written again
 * after it was sent in full moves `head` back to it: the order stays the
 * first-written order.
 */
class StreamQueue {
  private readonly order: { stream: number; written: number; sent: number }[] = [];
  private readonly index = new Map<number, number>();
  private head = 0;

  add(stream: number, bytes: number): void {
    let i = this.index.get(stream);
    if (i === undefined) {
      i = this.order.push({ stream, written: 0, sent: 0 }) - 1;
      this.index.set(stream, i);
    }
    this.order[i].written += bytes;
    if (i < this.head) this.head = i;
  }

  /** True when some stream has data not yet sent. */
  get pending(): boolean {
    this.skipSent();
    return this.head < this.order.length;
  }

  /** Appends frames of up to `room` bytes of unsent data, in stream order; returns the room left. */
  take(room: number, frames: Frame[]): number {
    let left = room;
    for (let i = this.head; i < this.order.length && left > 0; i++) {
      const s = this.order[i];
      const n = Math.min(left, s.written - s.sent);
      if (n <= 0) continue;
      frames.push({ stream: s.stream, offset: s.sent, length: n });
      s.sent += n;
      left -= n;
    }
    this.skipSent();
    return left;
  }

  private skipSent(): void {
    while (this.head < this.order.length && this.order[this.head].sent >= this.order[this.head].written) this.head++;
  }
}

/** A QUIC packet as it travels: its number, its data frames, and an ACK frame (received packet-number ranges). */
interface QuicPacket {
  pn: number;
  frames: Frame[];
  ack?: [number, number][];
  close?: boolean;
}

interface SentPacket {
  pn: number;
  sentMs: number;
  wireBytes: number;
  frames: Frame[];
}

/** Data from a stream has arrived in order up to `delivered` bytes. */
export type StreamListener = (stream: number, delivered: number, tMs: number) => void;

export interface QuicOptions {
  /** when the client's Initial leaves (default: now) */
  atMs?: number;
  /** the client sends stream data with its first flight (0-RTT, RFC 9001 4.6) */
  zeroRtt?: boolean;
  /** the trace's `conn` (default 0) */
  id?: number;
}

function acked(pn: number, ranges: readonly [number, number][]): boolean {
  return ranges.some(([lo, hi]) => pn >= lo && pn <= hi);
}

/** One side: a QUIC sender (RFC 9002's recovery and congestion control) and receiver (ACKs, stream reassembly). */
class QuicEndpoint {
  peer!: QuicEndpoint;
  /** may send stream (not only crypto) data */
  appReady: boolean;
  listener: StreamListener = () => {};

  private nextPn = 0;
  private readonly sent = new Map<number, SentPacket>();
  private bytesInFlight = 0;
  private readonly window: CongestionWindow = { cwndBytes: QUIC_INITIAL_WINDOW_BYTES, ssthreshBytes: Infinity };
  private recoveryStartMs = -Infinity;
  private readonly rtt = new RtoEstimator(3 * QUIC_INITIAL_RTT_MS, 0, "rto");
  private latestRttMs = 0;
  private largestAcked = -1;
  private lossTimeMs: number | undefined;
  private ptoCount = 0;
  private probes = 0;
  private lastElicitingSentMs = 0;
  private timer: EventHandle | undefined;
  private readonly lostData: Frame[] = [];
  private readonly crypto = new Map<number, { written: number; sent: number }>();
  private readonly streams = new StreamQueue();

  private readonly received: [number, number][] = [];
  private elicitedSinceAck = 0;
  private ackDue = false;
  private ackTimer: EventHandle | undefined;
  private readonly reassembly = new Map<number, [number, number][]>();

  constructor(
    readonly side: Side,
    private readonly conn: QuicConnection,
    private readonly net: Network,
  ) {
    // the client waits for the connection to open (and, without 0-RTT, for the handshake)
    this.appReady = side === "server";
  }

  write(stream: number, bytes: number): void {
    this.queue(stream, bytes);
    this.flush();
  }

  /** Appends data without sending yet (several writes leave together). */
  queue(stream: number, bytes: number): void {
    if (stream >= 0) {
      this.streams.add(stream, bytes);
      return;
    }
    const s = this.crypto.get(stream) ?? { written: 0, sent: 0 };
    s.written += bytes;
    this.crypto.set(stream, s);
  }

  /** Sends what the window (or a pending probe) allows, then a pure ACK if one is due. */
  flush(): void {
    if (this.conn.closed) return;
    let elicited = false;
    for (;;) {
      const probe = this.probes > 0;
      if (!probe && this.bytesInFlight >= this.window.cwndBytes) break;
      if (probe && !this.hasData()) this.requeueOldest();
      const { frames, retransmit } = this.takeFrames();
      if (frames.length === 0) break;
      if (probe) this.probes -= 1;
      this.send({ pn: this.nextPn++, frames }, retransmit);
      elicited = true;
    }
    this.probes = 0;
    if (this.ackDue) this.send({ pn: this.nextPn++, frames: [] }, false);
    if (elicited) this.setTimer();
  }

  /** The client's last packet: nothing more from either side. */
  sendClose(): void {
    this.send({ pn: this.nextPn++, frames: [], close: true }, false);
  }

  stopTimers(): void {
    this.net.sim.cancel(this.timer);
    this.net.sim.cancel(this.ackTimer);
  }

  receive(p: QuicPacket): void {
    if (this.conn.closed) return;
    if (p.close) {
      this.conn.peerClosed();
      return;
    }
    if (p.ack) this.onAck(p.ack);
    const last = this.received[this.received.length - 1];
    const gap = p.pn !== (last ? last[1] + 1 : 0);
    if (last && last[1] + 1 === p.pn) last[1] = p.pn;
    else this.received.push([p.pn, p.pn]);
    if (p.frames.length > 0) {
      this.elicitedSinceAck += 1;
      for (const f of p.frames) this.deliver(f);
      // elicitedSinceAck is 0 when a listener's reply already carried the ACK
      const now = this.elicitedSinceAck >= 2 || (this.elicitedSinceAck > 0 && (gap || p.frames.some((f) => f.stream < 0)));
      if (now) this.ackDue = true;
      else if (this.elicitedSinceAck > 0 && this.ackTimer === undefined) {
        this.ackTimer = this.net.after(QUIC_MAX_ACK_DELAY_MS, () => {
          this.ackTimer = undefined;
          if (this.elicitedSinceAck > 0) this.ackDue = true;
          this.flush();
        });
      }
    }
    this.flush();
  }

  private deliver(f: Frame): void {
    const list = this.reassembly.get(f.stream) ?? [];
    const before = list.length > 0 && list[0][0] === 0 ? list[0][1] : 0;
    addRange(list, f.offset, f.offset + f.length);
    this.reassembly.set(f.stream, list);
    const after = list[0][0] === 0 ? list[0][1] : 0;
    if (after > before) this.listener(f.stream, after, this.net.now);
  }

  private hasData(): boolean {
    if (this.lostData.length > 0) return true;
    for (const s of this.crypto.values()) if (s.written > s.sent) return true;
    return this.appReady && this.streams.pending;
  }

  /** A probe with nothing new to say repeats the oldest unacknowledged data (RFC 9002 6.2.4). */
  private requeueOldest(): void {
    const oldest = this.sent.values().next().value;
    if (oldest) for (const f of oldest.frames) this.lostData.push({ ...f });
  }

  /** One packet's frames: lost data first, then crypto, then stream data in first-written order. */
  private takeFrames(): { frames: Frame[]; retransmit: boolean } {
    const frames: Frame[] = [];
    let room = QUIC_MAX_PACKET_DATA;
    let retransmit = false;
    while (room > 0 && this.lostData.length > 0) {
      const f = this.lostData[0];
      const n = Math.min(room, f.length);
      frames.push({ stream: f.stream, offset: f.offset, length: n });
      retransmit = true;
      room -= n;
      if (n === f.length) this.lostData.shift();
      else {
        f.offset += n;
        f.length -= n;
      }
    }
    for (const [stream, s] of this.crypto) {
      if (room === 0) break;
      const n = Math.min(room, s.written - s.sent);
      if (n <= 0) continue;
      frames.push({ stream, offset: s.sent, length: n });
      s.sent += n;
      room -= n;
    }
    if (this.appReady && room > 0) this.streams.take(room, frames);
    return { frames, retransmit };
  }

  private send(p: QuicPacket, retransmit: boolean): void {
    if (this.elicitedSinceAck > 0 || this.ackDue) {
      p.ack = this.received.slice(-MAX_ACK_RANGES).map(([lo, hi]): [number, number] => [lo, hi]);
      this.elicitedSinceAck = 0;
      this.ackDue = false;
      this.net.sim.cancel(this.ackTimer);
      this.ackTimer = undefined;
    }
    const bytes = p.frames.reduce((sum, f) => sum + f.length, 0);
    const wireBytes = bytes + QUIC_PACKET_OVERHEAD_BYTES + (p.ack ? QUIC_ACK_FRAME_BYTES : 0) + UDP_HEADER_BYTES + IP_HEADER_BYTES;
    const now = this.net.now;
    if (p.frames.length > 0) {
      this.sent.set(p.pn, { pn: p.pn, sentMs: now, wireBytes, frames: p.frames });
      this.bytesInFlight += wireBytes;
      this.lastElicitingSentMs = now;
    }
    const peer = this.peer;
    this.net.transmitDatagram({ conn: this.conn.id, from: this.side, bytes, wireBytes, note: this.note(p), retransmit }, () =>
      peer.receive(p),
    );
  }

  private note(p: QuicPacket): string {
    const kinds: string[] = [];
    if (p.frames.some((f) => f.stream === INITIAL_CRYPTO_STREAM)) kinds.push("Initial");
    if (p.frames.some((f) => f.stream === HANDSHAKE_CRYPTO_STREAM)) kinds.push("Handshake");
    const streams = [...new Set(p.frames.filter((f) => f.stream >= 0).map((f) => f.stream))];
    if (streams.length > 0) kinds.push(this.side === "client" && this.conn.establishedAtMs === undefined ? "0-RTT" : "1-RTT");
    if (p.close) kinds.push("CONNECTION_CLOSE");
    else if (kinds.length === 0) kinds.push("ACK");
    const k = kinds.join("+");
    // packet type names are the RFC's, in any language
    return streams.length > 0 ? say.packetStreams({ kinds: k, streams: streams.join(", ") }) : verbatim(`QUIC ${k}`);
  }

  private onAck(ranges: readonly [number, number][]): void {
    const now = this.net.now;
    // `sent` is in packet-number order: packets above the largest acknowledged need no look (a copy of all
    // of them for every ACK made a long load's cost grow with the square of its packets)
    const largestInAck = ranges[ranges.length - 1][1];
    const newly: SentPacket[] = [];
    for (const s of this.sent.values()) {
      if (s.pn > largestInAck) break;
      if (acked(s.pn, ranges)) newly.push(s);
    }
    if (newly.length === 0) return;
    const largest = ranges[ranges.length - 1][1];
    this.largestAcked = Math.max(this.largestAcked, largest);
    const top = newly[newly.length - 1];
    if (top.pn === largest) {
      this.latestRttMs = now - top.sentMs;
      this.rtt.sample(this.latestRttMs);
    }
    for (const s of newly) {
      this.sent.delete(s.pn);
      this.bytesInFlight -= s.wireBytes;
      // no growth for packets sent before the current recovery period began (RFC 9002 7.3.2)
      if (s.sentMs > this.recoveryStartMs) growWindow(this.window, s.wireBytes, QUIC_MAX_DATAGRAM_BYTES, 2);
    }
    this.ptoCount = 0;
    this.detectLoss();
    this.setTimer();
  }

  private detectLoss(): void {
    const now = this.net.now;
    const srtt = this.rtt.srttMs ?? QUIC_INITIAL_RTT_MS;
    const lossDelay = Math.max(QUIC_TIME_THRESHOLD * Math.max(srtt, this.latestRttMs), 1);
    this.lossTimeMs = undefined;
    const lost: SentPacket[] = [];
    for (const s of this.sent.values()) {
      if (s.pn > this.largestAcked) break;
      if (s.sentMs + lossDelay <= now || this.largestAcked >= s.pn + QUIC_PACKET_THRESHOLD) lost.push(s);
      else this.lossTimeMs = Math.min(this.lossTimeMs ?? Infinity, s.sentMs + lossDelay);
    }
    if (lost.length === 0) return;
    for (const s of lost) {
      this.sent.delete(s.pn);
      this.bytesInFlight -= s.wireBytes;
      for (const f of s.frames) this.lostData.push({ ...f });
    }
    // one reduction per round trip: losses of packets sent before the last reduction do not count again
    if (lost[lost.length - 1].sentMs > this.recoveryStartMs) {
      this.recoveryStartMs = now;
      this.window.ssthreshBytes = ssthreshAfterLoss(this.window.cwndBytes, QUIC_MAX_DATAGRAM_BYTES);
      this.window.cwndBytes = this.window.ssthreshBytes;
    }
  }

  private ptoMs(): number {
    const base = this.rtt.rtoMs + (this.rtt.srttMs === undefined ? 0 : QUIC_MAX_ACK_DELAY_MS);
    return base * 2 ** this.ptoCount;
  }

  /** RFC 9002 6.2: the loss-time timer when armed, else the PTO while ack-eliciting data is in flight. */
  private setTimer(): void {
    this.net.sim.cancel(this.timer);
    this.timer = undefined;
    if (this.conn.closed) return;
    if (this.lossTimeMs !== undefined) {
      this.timer = this.net.at(Math.max(this.lossTimeMs, this.net.now), () => {
        this.detectLoss();
        this.setTimer();
        this.flush();
      });
    } else if (this.sent.size > 0) {
      this.timer = this.net.at(Math.max(this.lastElicitingSentMs + this.ptoMs(), this.net.now), () => this.onPto());
    }
  }

  private onPto(): void {
    this.ptoCount += 1;
    if (this.ptoCount > QUIC_MAX_PTOS) {
      const side = this.side === "client" ? say.client() : say.server();
      throw new ConnectionAbortedError(say.gaveUp({ conn: this.conn.id, side, ptos: QUIC_MAX_PTOS, atMs: this.net.now }));
    }
    this.probes = 2;
    this.flush();
    this.setTimer();
  }
}

/** A QUIC connection: its two endpoints, the handshake between them, and the streams the application writes. */
export class QuicConnection {
  readonly id: number;
  readonly client: QuicEndpoint;
  readonly server: QuicEndpoint;
  readonly openedAtMs: number;
  readonly zeroRtt: boolean;
  /** when the client has the server's whole handshake flight and may send 1-RTT data */
  establishedAtMs: number | undefined;
  closed = false;
  private readonly establishedListeners: ((tMs: number) => void)[] = [];
  private readonly streamListeners: Record<Side, StreamListener[]> = { client: [], server: [] };

  constructor(
    readonly net: Network,
    options?: QuicOptions,
  ) {
    const o = optionsObject("options", options);
    this.id = optionalNumber("id", o.id, 0, { min: 0, integer: true, max: MAX_QUANTITY });
    this.zeroRtt = optionalBoolean("zeroRtt", o.zeroRtt, false);
    this.openedAtMs = optionalNumber("atMs", o.atMs, net.now, { min: net.now });
    this.client = new QuicEndpoint("client", this, net);
    this.server = new QuicEndpoint("server", this, net);
    this.client.peer = this.server;
    this.server.peer = this.client;
    this.client.listener = (stream, delivered, t) => {
      if (stream === HANDSHAKE_CRYPTO_STREAM && delivered === SERVER_HANDSHAKE_BYTES) this.established(t);
      else if (stream >= 0) for (const l of this.streamListeners.client) l(stream, delivered, t);
    };
    this.server.listener = (stream, delivered) => {
      if (stream === INITIAL_CRYPTO_STREAM && delivered === CLIENT_INITIAL_BYTES) {
        // one flight: sent together when the Initial's packet has been handled
        this.server.queue(INITIAL_CRYPTO_STREAM, SERVER_HELLO_BYTES);
        this.server.queue(HANDSHAKE_CRYPTO_STREAM, SERVER_HANDSHAKE_BYTES);
      } else if (stream >= 0) for (const l of this.streamListeners.server) l(stream, delivered, net.now);
    };
    const open = (): void => {
      this.client.write(INITIAL_CRYPTO_STREAM, CLIENT_INITIAL_BYTES);
      // 0-RTT data follows the Initial in the first flight
      this.client.appReady = this.zeroRtt;
      this.client.flush();
    };
    if (this.openedAtMs === net.now) open();
    else net.at(this.openedAtMs, open);
  }

  /** `run` when the handshake is done at the client (after its Initial's round trip). */
  onEstablished(run: (tMs: number) => void): void {
    this.establishedListeners.push(run);
  }

  /** `run` whenever more of a stream's data has arrived in order at `side`. */
  onStreamData(side: Side, run: StreamListener): void {
    this.streamListeners[checkChoice("side", side, ["client", "server"] as const)].push(run);
  }

  /** `side` appends `bytes` to stream `stream` (client-initiated bidirectional streams: 0, 4, 8...). */
  write(side: Side, stream: number, bytes: number): void {
    this.writeAll(side, [[stream, bytes]]);
  }

  /** Several writes at once: their frames share packets (a browser's burst of requests). */
  writeAll(side: Side, writes: readonly (readonly [stream: number, bytes: number])[]): void {
    const endpoint = checkChoice("side", side, ["client", "server"] as const) === "client" ? this.client : this.server;
    for (const [stream, bytes] of writes) {
      checkNumber("stream", stream, { min: 0, integer: true, max: MAX_QUANTITY });
      endpoint.queue(stream, checkNumber("bytes", bytes, { min: 0, integer: true, max: MAX_QUANTITY }));
    }
    endpoint.flush();
  }

  /** The client closes the connection (CONNECTION_CLOSE); the model stops both sides at once. */
  close(): void {
    if (this.closed) return;
    this.client.sendClose();
    this.peerClosed();
  }

  /** Both sides stop: no more timers, packets still on the way are ignored. */
  peerClosed(): void {
    this.closed = true;
    this.client.stopTimers();
    this.server.stopTimers();
  }

  private established(t: number): void {
    if (this.establishedAtMs !== undefined) return;
    this.establishedAtMs = t;
    this.client.appReady = true;
    this.client.write(HANDSHAKE_CRYPTO_STREAM, CLIENT_FINISHED_BYTES);
    for (const run of this.establishedListeners) run(t);
  }
}
