/**
 * One end of a simulated TCP connection: the sending half (segmentation,
 * congestion window, Nagle, FIN) and the receiving half (delayed ACK,
 * delivery to the application) of one host.
 *
 * Sequence numbers count payload bytes from 0 in each direction; the SYN is
 * handled by the connection (tcp-connection.ts) and the FIN adds 1 to the ACK
 * number, as in real TCP, so the sender can tell that its FIN arrived.
 *
 * Rules and their sources:
 *  - segments carry at most MSS bytes; bytes in flight never exceed
 *    min(cwnd, the peer's receive window);
 *  - slow start (RFC 5681 3.1): cwnd starts at the initial window (RFC 6928)
 *    and each ACK that acknowledges new data adds min(bytes acknowledged,
 *    abcLimit x MSS) (see TcpOptions.abcLimit in lib/tcp/options.ts);
 *  - no loss is modelled, so there is no ssthresh, congestion avoidance or
 *    retransmission: cwnd only grows, until the receive window caps it;
 *  - restart after idle, before sending new data after more than one RTO
 *    (`rtoMs`) with nothing sent and everything ACKed, by the rule
 *    TcpOptions.idleRestart names;
 *  - Nagle decides with tcp/nagle.ts, by the rule TcpOptions.nagleVariant
 *    names (see NagleVariant); delayed ACK (RFC 1122 4.2.3.2) with
 *    tcp/delayed-ack.ts; the same functions the exercises use;
 *  - every data or FIN packet carries an ACK of everything received (that is
 *    piggybacking) and so cancels a pending delayed ACK; a FIN and a SYN-ACK
 *    are ACKed at once;
 *  - the application reads instantly, so the receive window is always fully open.
 *
 * Arguments are checked (lib/errors.ts): a write or read of a size that is not
 * a whole number of bytes is refused, never added to the stream, and one side
 * may write at most MAX_STREAM_SEGMENTS segments in all (scheduler.ts), so a
 * huge write fails at once, naming "bytes", instead of running the engine
 * into its event limit.
 */
import {
  checkChoice,
  checkFunction,
  checkNumber,
  checkString,
  invalidType,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
} from "../errors";
import { language, messages, type Language } from "../i18n";
import { DEFAULT_MSS, LINUX_DELAYED_ACK_MS, RFC_MIN_RTO_MS, initialWindowSegments } from "../tcp/constants";
import { nagleHolds } from "../tcp/nagle";
import { checkDelayedAckMs, delayedAckDecision } from "../tcp/delayed-ack";
import { packetNote } from "../tcp/notes";
import { IDLE_RESTARTS, NAGLE_VARIANTS, type TcpOptions } from "../tcp/options";
import { checkAbcLimit } from "../tcp/slow-start";
import type { Flag, Side } from "../tcp/trace";
import { MAX_STREAM_SEGMENTS, Scheduler } from "./scheduler";
import type { EventHandle } from "./scheduler";

const say = messages("sim/tcp-endpoint", {
  tcpSettings: { en: "an object of TCP settings", ko: "TCP 설정 객체" },
  aScheduler: { en: "a Scheduler", ko: "Scheduler 객체" },
  flagsArray: { en: "an array of {flags}", ko: "{flags} 중에서 고른 배열" },
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  wroteAfterClose: { en: "{side} wrote after close()", ko: "{side}: close() 뒤에 write()를 호출했습니다" },
  tooMuchWritten: {
    en: "at most {max} segments (of mss {mss}) written on one side of a connection in all; this side has written {written} bytes",
    ko: "커넥션 한쪽에서 모두 합쳐 세그먼트 {max}개(mss {mss}) 이하(이쪽은 이미 {written}바이트를 썼습니다)",
  },
});

/**
 * TCP settings of one endpoint, all resolved: every TcpOptions field
 * (lib/tcp/options.ts, where each is documented), checked and defaulted by tcpConfig.
 */
export type EndpointConfig = Required<TcpOptions>;

const SIDES: readonly Side[] = ["client", "server"];
const FLAGS: readonly Flag[] = ["SYN", "ACK", "FIN", "RST", "PSH"];

/** Configs tcpConfig returned: checked, and frozen, so they need no second check (an endpoint per connection side). */
const checkedConfigs = new WeakSet<EndpointConfig>();

/** Checks a config given to an endpoint: one from tcpConfig as it is, anything else through tcpConfig. */
function resolvedConfig(config: EndpointConfig): EndpointConfig {
  return checkedConfigs.has(config) ? config : tcpConfig(config);
}

/**
 * Resolves and checks TCP options, falling back to `base` and then to the
 * RFC defaults. The result is frozen.
 */
export function tcpConfig(options: TcpOptions | undefined, base?: EndpointConfig): EndpointConfig {
  const o = optionsObject("options", options);
  const b = base === undefined ? undefined : resolvedConfig(optionsObject("base", base) as EndpointConfig);
  const mss = optionalNumber("mss", o.mss, b?.mss ?? DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const window = o.receiveWindow ?? b?.receiveWindow ?? Infinity;
  const config: EndpointConfig = {
    mss,
    initialWindow: optionalNumber("initialWindow", o.initialWindow, b?.initialWindow ?? initialWindowSegments(mss), {
      min: 1,
      integer: true,
      max: MAX_QUANTITY,
    }),
    delayedAckMs: checkDelayedAckMs(o.delayedAckMs ?? b?.delayedAckMs ?? LINUX_DELAYED_ACK_MS),
    nagle: optionalBoolean("nagle", o.nagle, b?.nagle ?? true),
    nagleVariant: checkChoice("nagleVariant", o.nagleVariant ?? b?.nagleVariant ?? "classic", NAGLE_VARIANTS),
    receiveWindow: window === Infinity ? Infinity : checkNumber("receiveWindow", window, { min: mss, integer: true, max: MAX_QUANTITY }),
    rtoMs: optionalNumber("rtoMs", o.rtoMs, b?.rtoMs ?? RFC_MIN_RTO_MS, { min: 0, max: MAX_QUANTITY }),
    slowStartAfterIdle: optionalBoolean("slowStartAfterIdle", o.slowStartAfterIdle, b?.slowStartAfterIdle ?? true),
    idleRestart: checkChoice("idleRestart", o.idleRestart ?? b?.idleRestart ?? "rfc5681", IDLE_RESTARTS),
    abcLimit: checkAbcLimit(o.abcLimit, b?.abcLimit ?? 1),
  };
  checkedConfigs.add(Object.freeze(config));
  return config;
}

/** The engine's settings object and scheduler, checked where an endpoint or a connection is made. */
export function checkConfigObject(config: unknown): void {
  if (config === null || typeof config !== "object" || Array.isArray(config)) invalidType("config", say.tcpSettings(), config);
}
export function checkScheduler(sim: unknown): asserts sim is Scheduler {
  if (!(sim instanceof Scheduler)) invalidType("sim", say.aScheduler(), sim);
}

function checkFlags(value: unknown): Flag[] {
  if (!Array.isArray(value)) invalidType("flags", say.flagsArray({ flags: FLAGS.join(", ") }), value);
  for (let i = 0; i < value.length; i++) checkChoice(`flags[${i}]`, value[i], FLAGS);
  return value;
}

function checkNote(value: unknown): string | undefined {
  return value === undefined ? undefined : checkString("note", value);
}

function checkPacket(value: unknown): Packet {
  const p = optionsObject("packet", value as Packet);
  checkChoice("packet.from", p.from, SIDES);
  if (!Array.isArray(p.flags)) invalidType("packet.flags", say.flagsArray({ flags: FLAGS.join(", ") }), p.flags);
  for (let i = 0; i < p.flags.length; i++) checkChoice(`packet.flags[${i}]`, p.flags[i], FLAGS);
  checkNumber("packet.bytes", p.bytes, { min: 0, integer: true, max: MAX_QUANTITY });
  checkNumber("packet.ack", p.ack, { min: 0, integer: true });
  if (p.note !== undefined) checkString("packet.note", p.note);
  return p as Packet;
}

/** A packet as the endpoints see it; the connection adds conn/time for the trace. */
export interface Packet {
  from: Side;
  flags: Flag[];
  bytes: number;
  /** cumulative ACK number (payload bytes, + 1 once a FIN was received); meaningful with "ACK" */
  ack: number;
  note?: string;
}

/** How an endpoint hands a packet to its connection. */
export type PacketSink = (packet: Packet) => void;

export interface CwndSample {
  tMs: number;
  /** cwnd in segments (cwnd bytes / MSS; may be fractional after small ACKs) */
  cwnd: number;
}

interface Reader {
  /** total bytes received at which this reader is satisfied */
  until: number;
  done: (tMs: number) => void;
}

export class TcpEndpoint {
  readonly side: Side;
  /** the peer's receive window, set by the connection */
  peerWindow = Infinity;
  established = false;

  // sending half
  private written = 0; // bytes the application has written
  private writtenSegments = 0; // segments those writes need at most (each write's bytes / MSS, rounded up)
  private sent = 0; // bytes sent at least once (SND.NXT)
  private acked = 0; // bytes the peer acknowledged (SND.UNA)
  private cwndBytes: number;
  private lastDataSentMs = -Infinity;
  private finWanted = false;
  private finSent = false;
  private finAcked = false;
  private nodelay: boolean;
  private smallSentEnd = 0; // sequence just after the last sub-MSS segment sent (for Minshall)
  private notes: { at: number; note: string }[] = [];
  /** notes before this index are used */
  private noteHead = 0;

  // receiving half
  private received = 0; // payload bytes received in order (RCV.NXT)
  private peerFin = false;
  private ackedUpTo = 0; // ACK number in the last ACK this endpoint sent
  private fullUnacked = 0;
  private ackTimer: EventHandle | undefined;
  private readers: Reader[] = [];
  /** readers before this index are done */
  private readerHead = 0;
  private readCursor = 0;
  private dataListeners: ((bytes: number, totalBytes: number, tMs: number) => void)[] = [];
  private finListeners: ((tMs: number) => void)[] = [];

  /** cwnd after every change, for charts */
  readonly cwndLog: CwndSample[] = [];

  readonly config: EndpointConfig;
  private readonly sim: Scheduler;
  private readonly sink: PacketSink;
  /** the language of this endpoint's trace notes, resolved once rather than for every packet */
  private readonly lang: Language = language();

  constructor(side: Side, config: EndpointConfig, sim: Scheduler, sink: PacketSink) {
    this.side = checkChoice("side", side, SIDES);
    checkConfigObject(config);
    this.config = resolvedConfig(config);
    checkScheduler(sim);
    this.sim = sim;
    this.sink = checkFunction("sink", sink);
    this.cwndBytes = this.config.initialWindow * this.config.mss;
    this.nodelay = !this.config.nagle;
    this.logCwnd();
  }

  // ---- application side -------------------------------------------------

  /** The application writes `bytes` (optionally labelled, e.g. "GET /"). */
  write(bytes: number, note?: string): void {
    checkNumber("bytes", bytes, { min: 0, integer: true, max: MAX_QUANTITY });
    checkNote(note);
    if (this.finWanted) throw new Error(say.wroteAfterClose({ side: say[this.side]() }));
    const segments = this.writtenSegments + Math.ceil(bytes / this.config.mss);
    if (segments > MAX_STREAM_SEGMENTS) {
      outOfRange("bytes", say.tooMuchWritten({ max: MAX_STREAM_SEGMENTS, mss: this.config.mss, written: this.written }), bytes);
    }
    this.writtenSegments = segments;
    if (note !== undefined) this.notes.push({ at: this.written, note });
    this.written += bytes;
    this.trySend();
  }

  /** Calls `done(tMs)` once the next `bytes` of the incoming stream have arrived (reads queue in order). */
  read(bytes: number, done: (tMs: number) => void): void {
    checkNumber("bytes", bytes, { min: 0, integer: true, max: MAX_QUANTITY });
    checkFunction("done", done);
    this.readCursor += bytes;
    this.readers.push({ until: this.readCursor, done });
    this.deliverReads();
  }

  /** Calls `listener(bytes, totalBytes, tMs)` for every data segment that arrives. */
  onData(listener: (bytes: number, totalBytes: number, tMs: number) => void): void {
    this.dataListeners.push(checkFunction("listener", listener));
  }

  /** Calls `listener(tMs)` when the peer's FIN arrives (the peer will send nothing more). */
  onPeerClose(listener: (tMs: number) => void): void {
    this.finListeners.push(checkFunction("listener", listener));
  }

  /** Sends a FIN once everything written so far has been sent. */
  close(): void {
    this.finWanted = true;
    this.trySend();
  }

  /** Like socket.setNoDelay: true (the default, as in Node) turns Nagle off from now on. */
  setNoDelay(nodelay = true): void {
    this.nodelay = optionalBoolean("nodelay", nodelay, true);
    this.trySend();
  }

  // ---- counters -----------------------------------------------------------

  get cwndSegments(): number {
    return this.cwndBytes / this.config.mss;
  }
  get bytesWritten(): number {
    return this.written;
  }
  get bytesSent(): number {
    return this.sent;
  }
  get bytesAcked(): number {
    return this.acked;
  }
  get bytesReceived(): number {
    return this.received;
  }
  /** true once this side's FIN has been sent */
  get closing(): boolean {
    return this.finWanted;
  }
  /** true once this side's FIN was acknowledged and the peer's FIN arrived */
  get closed(): boolean {
    return this.finAcked && this.peerFin;
  }

  // ---- called by the connection --------------------------------------------

  /** The handshake is done on this side: queued data may go. */
  establish(): void {
    this.established = true;
    this.trySend();
  }

  /** A packet without payload: SYN, SYN-ACK, or a pure ACK (handshake's third packet, delayed ACK, ACK of a FIN). */
  sendControl(flags: Flag[], note: string): void {
    this.emit(checkFlags(flags), 0, checkNote(note));
  }

  /** Handles a packet from the peer (after the handshake's SYNs). */
  receive(packet: Packet): void {
    checkPacket(packet);
    if (packet.flags.includes("ACK")) this.onAck(packet.ack);
    if (packet.bytes > 0) this.onSegment(packet.bytes);
    if (packet.flags.includes("FIN")) this.onFin();
    this.trySend();
  }

  // ---- sending half -----------------------------------------------------------

  private trySend(): void {
    if (!this.established) return;
    this.restartIfIdle();
    while (this.sent < this.written) {
      const size = Math.min(this.config.mss, this.written - this.sent);
      const inFlight = this.sent - this.acked;
      if (inFlight + size > Math.min(this.cwndBytes, this.peerWindow)) break;
      if (nagleHolds({ segmentBytes: size, mss: this.config.mss, unackedBytes: this.nagleUnacked(), nodelay: this.nodelay })) break;
      this.sendData(size);
    }
    if (this.finWanted && !this.finSent && this.sent === this.written) {
      this.finSent = true;
      this.emit(["FIN", "ACK"], 0, packetNote("close", this.lang));
    }
  }

  // Classic Nagle looks at all unACKed bytes; Minshall's variant only at an unACKed small segment.
  private nagleUnacked(): number {
    const inFlight = this.sent - this.acked;
    if (this.config.nagleVariant === "classic") return inFlight;
    return this.smallSentEnd > this.acked ? inFlight : 0;
  }

  private sendData(size: number): void {
    const start = this.sent;
    this.sent += size;
    if (size < this.config.mss) this.smallSentEnd = this.sent;
    this.lastDataSentMs = this.sim.now;
    const flags: Flag[] = this.sent === this.written ? ["ACK", "PSH"] : ["ACK"];
    this.emit(flags, size, this.noteFor(start, this.sent));
  }

  // The application's label goes on the segment that carries the write's first byte.
  // Notes are queued in stream order, so the ones used are always at the front.
  private noteFor(from: number, to: number): string | undefined {
    const labels: string[] = [];
    while (this.noteHead < this.notes.length && this.notes[this.noteHead].at < to) {
      const n = this.notes[this.noteHead++];
      if (n.at >= from) labels.push(n.note);
    }
    return labels.length ? labels.join(", ") : undefined;
  }

  // Checked only when there is new data to send, so the idle time is measured once, up to that send.
  private restartIfIdle(): void {
    const idleMs = this.sim.now - this.lastDataSentMs;
    const idle = this.sent === this.acked && this.sent < this.written && idleMs > this.config.rtoMs;
    if (!this.config.slowStartAfterIdle || !idle || this.lastDataSentMs === -Infinity) return;
    const { mss, rtoMs } = this.config;
    const floor = Math.min(this.cwndBytes, this.config.initialWindow * mss);
    let restart = floor;
    if (this.config.idleRestart === "linux") {
      // tcp_cwnd_restart: one halving per full RTO of idle time, in whole segments
      let cwnd = this.cwndBytes;
      for (let left = idleMs - rtoMs; left > 0 && cwnd > floor; left -= rtoMs) cwnd = Math.floor(cwnd / mss / 2) * mss;
      restart = Math.max(cwnd, floor);
    }
    if (restart < this.cwndBytes) {
      this.cwndBytes = restart;
      this.logCwnd();
    }
  }

  private onAck(ackNumber: number): void {
    const dataAcked = Math.min(ackNumber, this.sent);
    if (this.finSent && ackNumber > this.sent) this.finAcked = true;
    const newly = dataAcked - this.acked;
    if (newly <= 0) return;
    this.acked = dataAcked;
    this.cwndBytes += Math.min(newly, this.config.abcLimit * this.config.mss);
    this.logCwnd();
  }

  private logCwnd(): void {
    this.cwndLog.push({ tMs: this.sim.now, cwnd: this.cwndSegments });
  }

  // ---- receiving half ---------------------------------------------------------

  private onSegment(bytes: number): void {
    this.received += bytes;
    if (bytes >= this.config.mss) this.fullUnacked += 1;
    const decision = delayedAckDecision({ fullSizedUnacked: this.fullUnacked, delayedAckMs: this.config.delayedAckMs });
    if (decision === "now")
      this.sendControl(["ACK"], packetNote(this.config.delayedAckMs === 0 ? "delayedAckOff" : "secondFullSegment", this.lang));
    else if (!this.ackTimer) this.ackTimer = this.sim.after(this.config.delayedAckMs, () => this.onAckTimer());
    // The application sees the data after the kernel has taken its ACK decision.
    for (const listener of this.dataListeners) listener(bytes, this.received, this.sim.now);
    this.deliverReads();
  }

  private onAckTimer(): void {
    this.ackTimer = undefined;
    if (this.ackNumber() > this.ackedUpTo) this.sendControl(["ACK"], packetNote("delayedAckTimer", this.lang));
  }

  private onFin(): void {
    this.peerFin = true;
    this.sendControl(["ACK"], packetNote("acksFin", this.lang));
    for (const listener of this.finListeners) listener(this.sim.now);
  }

  // Reads complete in order; readerHead skips the finished ones without shifting the array.
  private deliverReads(): void {
    while (this.readerHead < this.readers.length && this.readers[this.readerHead].until <= this.received) {
      this.readers[this.readerHead++].done(this.sim.now);
    }
  }

  private ackNumber(): number {
    return this.received + (this.peerFin ? 1 : 0);
  }

  // Every packet but the first SYN carries an ACK, so sending anything settles a pending ACK.
  private emit(flags: Flag[], bytes: number, note?: string): void {
    this.ackedUpTo = this.ackNumber();
    this.fullUnacked = 0;
    if (this.ackTimer) {
      this.sim.cancel(this.ackTimer);
      this.ackTimer = undefined;
    }
    this.sink({ from: this.side, flags, bytes, ack: this.ackedUpTo, note });
  }
}
