/**
 * One end of a simulated TCP connection: the sending half (segmentation,
 * congestion window, Nagle, loss recovery, FIN) and the receiving half
 * (reassembly, the ACK policy, delivery to the application) of one host.
 *
 * Sequence numbers count payload bytes from 0 in each direction; the SYN is
 * handled by the connection (tcp-connection.ts) and the FIN takes one number
 * after the last byte, as in real TCP, so the sender can tell that its FIN arrived.
 *
 * Sending (RFC 5681, RFC 6582, RFC 6298; the rules are in lib/tcp/congestion.ts
 * and lib/tcp/rto.ts):
 *  - segments carry at most MSS bytes; bytes in flight (SND.NXT - SND.UNA)
 *    never exceed min(cwnd, the peer's receive window);
 *  - slow start from the initial window, then congestion avoidance above ssthresh;
 *  - three duplicate ACKs: fast retransmit and NewReno fast recovery (a partial
 *    ACK resends the next hole, a full ACK ends recovery);
 *  - a retransmission timer per RFC 6298 (backed off on every timeout): on
 *    expiry the oldest unacknowledged segment goes again, cwnd drops to one
 *    segment and the sender goes back to SND.UNA (go-back-N, as stacks do
 *    without SACK), so a timeout that was spurious resends data the peer has;
 *  - after DATA_RETRIES timeouts in a row the connection is aborted with an error;
 *  - restart after idle (more than one RTO with nothing sent and everything
 *    ACKed) by the rule TcpOptions.idleRestart names;
 *  - Nagle decides with tcp/nagle.ts (TcpOptions.nagleVariant); a FIN rides
 *    on the last data segment when that segment has not left yet;
 *  - PSH on the last segment written, and with tsoPush (Linux) on the last
 *    one of every TSO packet of two segments or more (tcp/tso.ts).
 * Receiving:
 *  - in-order data goes to the application at once; out-of-order data waits
 *    in a reassembly list and is ACKed at once with a duplicate ACK (RFC 5681
 *    4.2), as is a segment that fills a hole or repeats old data;
 *  - delayed ACK (RFC 1122 4.2.3.2, tcp/delayed-ack.ts): at least every
 *    second full segment, otherwise after the timer; with quickAck (Linux)
 *    each of the first LINUX_MAX_QUICKACKS segments is ACKed at once until the
 *    connection turns interactive, more than one MSS of unACKed data is ACKed
 *    at once, and a FIN that arrives before this side closes is ACKed late,
 *    so that the ACK rides on this side's own FIN;
 *  - with ackAfterRead (Linux), the application's read sends a delayed ACK
 *    at once when a pushed segment waits (tcp_cleanup_rbuf);
 *  - every data or FIN packet carries an ACK of everything received
 *    (piggybacking) and so cancels a pending delayed ACK;
 *  - the application reads instantly (a read that may send an ACK at the
 *    end of the instant, taking every segment that arrives with it), so the
 *    receive window is always fully open.
 *
 * Arguments are checked (lib/errors.ts): a write or read of a size that is not
 * a whole number of bytes is refused, never added to the stream, and one side
 * may write at most MAX_STREAM_SEGMENTS segments in all (scheduler.ts), so a
 * huge write fails at once, naming "bytes", instead of running the engine
 * into its event limit.
 */
import {
  ConnectionAbortedError,
  checkChoice,
  checkFunction,
  checkNumber,
  checkString,
  expected,
  invalidType,
  isArray,
  listOf,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
} from "../errors";
import { LANGUAGES, language, messages, type Language } from "../i18n";
import {
  DATA_RETRIES,
  LINUX_INITIAL_RCV_MSS,
  LINUX_MAX_QUICKACKS,
  MIN_PROBE_TIMEOUT_MS,
  WORST_CASE_DELAYED_ACK_MS,
} from "../tcp/constants";
import { afterTimeout, enterFastRecovery, growWindow, ssthreshAfterLoss, type CongestionWindow } from "../tcp/congestion";
import { DUP_THRESH, MAX_SACK_BLOCKS, Scoreboard, addRange, type SackBlock } from "../tcp/sack";
import { nagleWaits } from "../tcp/nagle";
import { checkDelayedAckMs, delayedAckDecision } from "../tcp/delayed-ack";
import { packetNote } from "../tcp/notes";
import { tsoSegmentsUnchecked } from "../tcp/tso";
import { IDLE_RESTARTS, NAGLE_VARIANTS, type TcpOptions } from "../tcp/options";
import { RtoEstimator } from "../tcp/rto";
import { checkAbcLimit } from "../tcp/slow-start";
import { DEFAULT_STACK, STACK_NAMES, STACKS, defaultMss } from "../tcp/stacks";
import type { Flag, Side } from "../tcp/trace";
import { Deadline } from "./deadline";
import { ACK_BIT, FIN_BIT, PSH_BIT, flagBits } from "./flag-bits";
import { NONE, pairListsOf, type PairLists } from "./pair-lists";
import { MAX_STREAM_SEGMENTS, Scheduler } from "./scheduler";

const say = messages("sim/tcp-endpoint", {
  tcpSettings: { en: "an object of TCP settings", ko: "TCP 설정 객체" },
  aScheduler: { en: "a Scheduler", ko: "Scheduler 객체" },
  flagsArray: { en: "an array of {flags}, each at most once", ko: "{flags} 중에서 겹치지 않게 고른 배열" },
  client: { en: "client", ko: "클라이언트" },
  server: { en: "server", ko: "서버" },
  wroteAfterClose: { en: "{side} wrote after close()", ko: "{side}: close() 뒤에 write()를 호출했습니다" },
  tooMuchWritten: {
    en: "at most {max} segments (of mss {mss}) written on one side of a connection in all; this side has written {written} bytes",
    ko: "커넥션 한쪽에서 모두 합쳐 세그먼트 {max}개(mss {mss}) 이하(이쪽은 이미 {written}바이트를 썼습니다)",
  },
  gaveUp: {
    en: "the {side} aborted its connection after {retries} retransmission timeouts in a row at t={atMs} ms (Linux's tcp_retries2): the path loses too many packets",
    ko: "{side}가 재전송 타임아웃을 연달아 {retries}번 겪고 t={atMs} ms에 커넥션을 끊었습니다(리눅스 tcp_retries2): 경로가 패킷을 너무 많이 잃습니다",
  },
});

/**
 * TCP settings of one endpoint, all resolved: every TcpOptions field
 * (lib/tcp/options.ts, where each is documented), checked and defaulted by
 * tcpConfig; rtoMs stays undefined unless a fixed RTO was asked for.
 */
export type EndpointConfig = Required<Omit<TcpOptions, "rtoMs">> & { rtoMs: number | undefined };

const SIDES: readonly Side[] = ["client", "server"];
const FLAGS: readonly Flag[] = ["SYN", "ACK", "FIN", "RST", "PSH"];
// The flag sets an endpoint sends, made once (frozen: packets share them) rather than for every packet.
const ACK: readonly Flag[] = Object.freeze(["ACK"]);
const ACK_PSH: readonly Flag[] = Object.freeze(["ACK", "PSH"]);
const FIN_ACK: readonly Flag[] = Object.freeze(["FIN", "ACK"]);
const FIN_ACK_PSH: readonly Flag[] = Object.freeze(["FIN", "ACK", "PSH"]);

/** Configs tcpConfig returned: checked, and frozen, so they need no second check (an endpoint per connection side). */
const checkedConfigs = new WeakSet<EndpointConfig>();

/** Checks a config given to an endpoint: one from tcpConfig as it is, anything else through tcpConfig. */
function resolvedConfig(config: EndpointConfig): EndpointConfig {
  return checkedConfigs.has(config) ? config : tcpConfig(optionsObject("config", config) as TcpOptions);
}

/**
 * Resolves and checks TCP options. Each option comes from, first match wins:
 * `options`; the profile of `options.stack` when it names one; `base` (the
 * network's settings); the profile of the default stack ("linux"). The result is frozen.
 */
export function tcpConfig(options: TcpOptions | undefined, base?: EndpointConfig): EndpointConfig {
  const o = optionsObject("options", options);
  // a checked config is used as it is (optionsObject would copy it, and the copy is not known as checked)
  const b =
    base === undefined || o.stack !== undefined
      ? undefined
      : checkedConfigs.has(base)
        ? base
        : tcpConfig(optionsObject("base", base) as TcpOptions);
  const stack = checkChoice("stack", o.stack ?? b?.stack ?? DEFAULT_STACK, STACK_NAMES);
  const p = STACKS[stack];
  const timestamps = optionalBoolean("timestamps", o.timestamps, b?.timestamps ?? p.timestamps);
  const mss = optionalNumber("mss", o.mss, o.timestamps !== undefined ? defaultMss(timestamps) : (b?.mss ?? defaultMss(timestamps)), {
    min: 1,
    integer: true,
    max: MAX_QUANTITY,
  });
  const window = o.receiveWindow ?? b?.receiveWindow ?? Infinity;
  const whole = { min: 1, integer: true, max: MAX_QUANTITY };
  const config: EndpointConfig = {
    stack,
    mss,
    timestamps,
    initialWindow: optionalNumber("initialWindow", o.initialWindow, b?.initialWindow ?? p.initialWindow, whole),
    delayedAckMs: checkDelayedAckMs(o.delayedAckMs ?? b?.delayedAckMs ?? p.delayedAckMs),
    quickAck: optionalBoolean("quickAck", o.quickAck, b?.quickAck ?? p.quickAck),
    sack: optionalBoolean("sack", o.sack, b?.sack ?? p.sack),
    frto: optionalBoolean("frto", o.frto, b?.frto ?? p.frto),
    tailLossProbe: optionalBoolean("tailLossProbe", o.tailLossProbe, b?.tailLossProbe ?? p.tailLossProbe),
    tsoPush: optionalBoolean("tsoPush", o.tsoPush, b?.tsoPush ?? p.tsoPush),
    ackAfterRead: optionalBoolean("ackAfterRead", o.ackAfterRead, b?.ackAfterRead ?? p.ackAfterRead),
    nagle: optionalBoolean("nagle", o.nagle, b?.nagle ?? p.nagle),
    nagleVariant: checkChoice("nagleVariant", o.nagleVariant ?? b?.nagleVariant ?? p.nagleVariant, NAGLE_VARIANTS),
    receiveWindow: window === Infinity ? Infinity : checkNumber("receiveWindow", window, { min: mss, integer: true, max: MAX_QUANTITY }),
    initialRtoMs: optionalNumber("initialRtoMs", o.initialRtoMs, b?.initialRtoMs ?? p.initialRtoMs, { min: 1, max: MAX_QUANTITY }),
    minRtoMs: optionalNumber("minRtoMs", o.minRtoMs, b?.minRtoMs ?? p.minRtoMs, { min: 0, max: MAX_QUANTITY }),
    rtoMs: o.rtoMs === undefined ? b?.rtoMs : checkNumber("rtoMs", o.rtoMs, { min: 1, max: MAX_QUANTITY }),
    bareHandshakeAck: optionalBoolean("bareHandshakeAck", o.bareHandshakeAck, b?.bareHandshakeAck ?? p.bareHandshakeAck),
    slowStartAfterIdle: optionalBoolean("slowStartAfterIdle", o.slowStartAfterIdle, b?.slowStartAfterIdle ?? p.slowStartAfterIdle),
    idleRestart: checkChoice("idleRestart", o.idleRestart ?? b?.idleRestart ?? p.idleRestart, IDLE_RESTARTS),
    abcLimit: checkAbcLimit(o.abcLimit, b?.abcLimit ?? p.abcLimit),
  };
  checkedConfigs.add(Object.freeze(config));
  return config;
}

/** The engine's settings object and scheduler, checked where an endpoint or a connection is made. */
export function checkConfigObject(config: unknown): void {
  if (config === null || typeof config !== "object" || isArray(config)) invalidType("config", say.tcpSettings(), config);
  if (!checkedConfigs.has(config as EndpointConfig)) optionsObject("config", config); // a plain object, readable (tcpConfig reads its copy)
}
export function checkScheduler(sim: unknown): asserts sim is Scheduler {
  let scheduler = false;
  try {
    scheduler = sim instanceof Scheduler;
  } catch {
    // a revoked Proxy, or a Proxy whose getPrototypeOf trap threw
  }
  if (!scheduler) invalidType("sim", say.aScheduler(), sim);
}

// A packet's flags: each at most once (so at most five), as in a TCP header's flag bits.
// Checked and kept as a copy: a Proxy or a getter cannot pass the check with one list and send another.
// A frozen array is kept as it is: its elements cannot change, even behind a Proxy (its invariants), and the
// engine's own flag sets are frozen constants that the trace log recognises (trace-log.ts).
function checkFlags(value: unknown, name = "flags"): readonly Flag[] {
  let flags: readonly unknown[] | undefined;
  try {
    if (Array.isArray(value) && value.length <= FLAGS.length) flags = Object.isFrozen(value) ? value : value.slice();
  } catch {
    // a revoked Proxy, or a trap that threw: refused below
  }
  if (flags === undefined || flags.length > FLAGS.length) return invalidType(name, say.flagsArray({ flags: FLAGS.join(", ") }), value);
  for (let i = 0; i < flags.length; i++) {
    checkChoice(`${name}[${i}]`, flags[i], FLAGS);
    if (flags.indexOf(flags[i]) < i) invalidType(name, say.flagsArray({ flags: FLAGS.join(", ") }), value);
  }
  return flags as readonly Flag[];
}

function checkNote(value: unknown): string | undefined {
  return value === undefined ? undefined : checkString("note", value);
}

function checkPacket(value: unknown): Packet {
  const p = optionsObject("packet", value as Packet);
  checkChoice("packet.from", p.from, SIDES);
  p.flags = checkFlags(p.flags, "packet.flags");
  checkNumber("packet.bytes", p.bytes, { min: 0, integer: true, max: MAX_QUANTITY });
  checkNumber("packet.seq", p.seq, { min: 0, integer: true, max: MAX_QUANTITY });
  checkNumber("packet.ack", p.ack, { min: 0, integer: true });
  if (p.note !== undefined) checkString("packet.note", p.note);
  if (p.tsVal !== undefined) checkNumber("packet.tsVal", p.tsVal, { min: 0 });
  if (p.tsEcr !== undefined) checkNumber("packet.tsEcr", p.tsEcr, { min: 0 });
  if (p.sack !== undefined) {
    // copies, each block and each edge read once
    const edge = (v: unknown, at: string) => checkNumber(at, v, { min: 0, integer: true, max: MAX_QUANTITY });
    p.sack = listOf("packet.sack", p.sack, expected.array(), (b, at) => {
      const block = listOf(at, b, expected.array(), edge, { count: 2, tooMany: expected.array() });
      if (block.length !== 2) invalidType(at, expected.array(), b);
      return block as [number, number];
    });
  }
  return p as Packet;
}

/** A packet as the endpoints see it; the connection adds conn/time for the trace. */
export interface Packet {
  from: Side;
  flags: readonly Flag[];
  bytes: number;
  /** the sequence number of its first payload byte (or of its FIN) */
  seq: number;
  /** cumulative ACK number (payload bytes, + 1 once a FIN was received); meaningful with "ACK" */
  ack: number;
  note?: string;
  /** true when this packet carries sequence numbers sent before */
  retransmit?: boolean;
  /** SACK blocks (RFC 2018) the receiver holds above `ack`, when the connection uses SACK */
  sack?: SackBlock[];
  /** RFC 7323 timestamps (with `timestamps`): when this packet left, and the TSval this side echoes */
  tsVal?: number;
  tsEcr?: number;
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
  private sndNxt = 0; // the next sequence number to send (goes back to sndUna after a timeout)
  private sndMax = 0; // one past the highest sequence number sent
  private acked = 0; // SND.UNA: everything below it is acknowledged
  private readonly window: CongestionWindow;
  private dupAcks = 0;
  private inRecovery = false;
  private recover = 0; // RFC 6582's "recover": SND.MAX when recovery (or the last timeout) began; an ACK reaching it ends recovery
  private readonly rto: RtoEstimator;
  private readonly rtoTimer: Deadline<TcpEndpoint>;
  private readonly probeTimer: Deadline<TcpEndpoint>; // RFC 8985's tail-loss probe (tailLossProbe)
  private probeOut = false; // a probe is out and not yet answered
  private frto: 0 | 1 | 2 = 0; // F-RTO (RFC 5682): 1 waits for the first ACK after a timeout, 2 for the second
  private frtoPrior: CongestionWindow | undefined;
  private eifel: { atMs: number; prior: CongestionWindow } | undefined; // a timeout whose first ACK is still to come
  private tsRecent: number | undefined; // RFC 7323's TS.Recent: the TSval this side echoes
  private timeoutsInRow = 0; // timeouts since the peer last acknowledged anything new
  private readonly board = new Scoreboard(); // what the peer SACKed (RFC 6675), with sack on
  private sacked = false; // the board has had blocks: until then an ACK need not fetch it (one object fewer per ACK)
  private highRxt = 0; // RFC 6675's HighRxt: the highest sequence resent in this recovery
  // when each segment first left, for RTT samples: (its end, the time) pairs in `pairs`, from the oldest not yet ACKed
  private sentHead = NONE;
  private sentLast = NONE;
  private karnLimit = 0; // segments ending at or below this were sent more than once: no RTT sample
  private retransmitted = 0;
  private lastDataSentMs = -Infinity;
  private finWanted = false;
  private finAcked = false;
  private nodelay: boolean;
  private corked = false;
  private smallSentEnd = 0; // sequence just after the last sub-MSS segment sent (for Minshall)
  private notes: { at: number; note: string }[] = [];
  /** notes before this index are used */
  private noteHead = 0;

  // receiving half
  private received = 0; // payload bytes received in order (RCV.NXT)
  private ooo: [number, number][] = []; // out-of-order ranges [start, end), sorted, disjoint
  private peerFinSeq = -1; // where the peer's FIN sits, once it has arrived
  private peerFin = false; // the FIN is in order: the peer sends nothing more
  private ackedUpTo = 0; // ACK number in the last ACK this endpoint sent
  private fullUnacked = 0;
  private readonly ackTimer: Deadline<TcpEndpoint>; // the delayed-ACK timer
  private quickAcks = 0; // Linux quick-ACK mode: segments still to be ACKed one by one
  private quickStarted = false;
  private pingpong = false; // Linux: the connection is interactive, ACKs wait for data to ride on
  private rcvMss = LINUX_INITIAL_RCV_MSS; // Linux's estimate of the peer's segment size (icsk_ack.rcv_mss)
  private pushed: 0 | 1 | 2 = 0; // Linux's ICSK_ACK_PUSHED (1) and PUSHED2 (2): pushed segments since the last ACK
  private lastDataReceivedMs = -Infinity;
  private delivered = 0; // bytes handed to the application
  private readDue = false; // a read that may send the ACK waits for the end of this instant (ackAfterRead)
  private finTold = false; // the application has heard of the peer's FIN
  private readers: Reader[] = [];
  /** readers before this index are done */
  private readerHead = 0;
  private readCursor = 0;
  private dataListeners: ((bytes: number, totalBytes: number, tMs: number) => void)[] = [];
  private finListeners: ((tMs: number) => void)[] = [];

  /** cwndLog's samples: (time, cwnd) pairs in `pairs` */
  private cwndFirst = NONE;
  private cwndLast = NONE;
  /** the lists of pairs this scheduler's endpoints share (pair-lists.ts: an array each was two more objects per ACK) */
  private readonly pairs: PairLists;

  readonly config: EndpointConfig;
  private readonly sim: Scheduler;
  private readonly sink: PacketSink;
  /** the language of this endpoint's trace notes, resolved once rather than for every packet */
  private readonly lang: Language;

  /** `lang`: the trace notes' language, when the caller has resolved it already (a network of many connections) */
  constructor(side: Side, config: EndpointConfig, sim: Scheduler, sink: PacketSink, lang?: Language) {
    this.side = checkChoice("side", side, SIDES);
    this.lang = lang === undefined ? language() : checkChoice("lang", lang, LANGUAGES);
    checkConfigObject(config);
    this.config = resolvedConfig(config);
    checkScheduler(sim);
    this.sim = sim;
    this.pairs = pairListsOf(sim);
    this.sink = checkFunction("sink", sink);
    this.window = { cwndBytes: this.config.initialWindow * this.config.mss, ssthreshBytes: Infinity };
    this.rtoTimer = new Deadline<TcpEndpoint>(sim, TcpEndpoint.fireRto, this);
    this.probeTimer = new Deadline<TcpEndpoint>(sim, TcpEndpoint.fireProbe, this);
    this.ackTimer = new Deadline<TcpEndpoint>(sim, TcpEndpoint.fireAck, this);
    const floorRule = this.config.stack === "linux" ? "variance" : "rto";
    this.rto = new RtoEstimator(this.config.initialRtoMs, this.config.minRtoMs, floorRule, this.config.rtoMs);
    this.nodelay = !this.config.nagle;
    this.logCwnd();
  }

  // what the timers call, made once for every endpoint (a closure per timer would be three per endpoint)
  private static readonly fireRto = (e: TcpEndpoint) => e.onRtoTimer();
  private static readonly fireProbe = (e: TcpEndpoint) => e.onProbe();
  private static readonly fireAck = (e: TcpEndpoint) => e.onAckTimer();
  private static readonly readNow = (e: TcpEndpoint) => e.readNow();

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

  /** Calls `listener(bytes, totalBytes, tMs)` whenever in-order data arrives (a segment, or a filled hole). */
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

  /**
   * Like socket.cork(): writes wait until uncork(), then leave together, as
   * full segments, the way one write() of all of them would.
   */
  cork(): void {
    this.corked = true;
  }

  /** Like socket.uncork(): what was written since cork() goes now. */
  uncork(): void {
    this.corked = false;
    this.trySend();
  }

  /** Like socket.setNoDelay: true (the default, as in Node) turns Nagle off from now on. */
  setNoDelay(nodelay = true): void {
    this.nodelay = optionalBoolean("nodelay", nodelay, true);
    this.trySend();
  }

  // ---- counters -----------------------------------------------------------

  /** cwnd after every change, for charts (a fresh array each time) */
  get cwndLog(): CwndSample[] {
    const log: CwndSample[] = [];
    for (let i = this.cwndFirst; i !== NONE; i = this.pairs.next(i)) log.push({ tMs: this.pairs.first(i), cwnd: this.pairs.second(i) });
    return log;
  }

  get cwndSegments(): number {
    return this.window.cwndBytes / this.config.mss;
  }
  get bytesWritten(): number {
    return this.written;
  }
  /** payload bytes sent at least once */
  get bytesSent(): number {
    return Math.min(this.sndMax, this.written);
  }
  get bytesAcked(): number {
    return Math.min(this.acked, this.written);
  }
  get bytesReceived(): number {
    return this.received;
  }
  /** packets this side sent again (data, FIN) */
  get retransmissions(): number {
    return this.retransmitted;
  }
  /** the retransmission timeout the next timer would use, in ms */
  get currentRtoMs(): number {
    return this.rto.rtoMs;
  }
  /** the smoothed RTT, once measured */
  get srttMs(): number | undefined {
    return this.rto.srttMs;
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
  sendControl(flags: readonly Flag[], note: string, retransmit = false): void {
    this.control(checkFlags(flags), checkNote(note), optionalBoolean("retransmit", retransmit, false));
  }

  /** sendControl() without the argument checks: the connection's own flag sets and notes (every handshake sends two or three). */
  control(flags: readonly Flag[], note: string | undefined, retransmit: boolean): void {
    this.emit(flags, 0, 0, note, retransmit);
  }

  /** An RTT measured by the handshake (RFC 6298: the SYN's, when it was sent once). */
  measuredRtt(rttMs: number): void {
    this.rto.sample(rttMs);
  }

  /** The peer's SYN or SYN-ACK carried this TSval (with timestamps): the next packet echoes it. */
  echoTimestamp(tsVal: number | undefined): void {
    if (this.config.timestamps && tsVal !== undefined) this.tsRecent = checkNumber("tsVal", tsVal, { min: 0 });
  }

  /** RFC 6298 5.7: this side's SYN or SYN-ACK timed out, so data starts with a 3 s RTO. */
  synTimedOut(): void {
    this.rto.synTimedOut();
  }

  /** Handles a packet from the peer (after the handshake's SYNs). */
  receive(packet: Packet): void {
    this.handle(checkPacket(packet));
  }

  /** receive() without the argument check: the connection's own packets, made by an endpoint. */
  handle(packet: Packet): void {
    this.handleWithFlags(packet, flagBits(packet.flags));
  }

  /** handle() for a caller that has read the packet's flags already (flag-bits.ts). */
  handleWithFlags(packet: Packet, flags: number): void {
    const fin = (flags & FIN_BIT) !== 0;
    if ((flags & ACK_BIT) !== 0) this.onAck(packet.ack, packet.bytes === 0 && !fin, packet.sack, packet.tsEcr);
    if (packet.bytes > 0) this.onSegment(packet.seq, packet.bytes, packet.tsVal, (flags & PSH_BIT) !== 0);
    if (fin) this.onFinArrived(packet.seq + packet.bytes);
    this.trySend();
  }

  // ---- sending half -----------------------------------------------------------

  private trySend(): void {
    if (!this.established || this.corked) return;
    this.restartIfIdle();
    const { mss } = this.config;
    let perPacket = 0; // segments per TSO packet (tsoPush), worked out at the first new segment
    let inPacket = 0; // new segments in the packet being filled
    while (this.sndNxt < this.written) {
      // after a timeout, what the peer SACKed is not sent again
      if (this.sndNxt < this.sndMax && this.config.sack) this.sndNxt = Math.min(this.board.skipSacked(this.sndNxt), this.sndMax);
      if (this.sndNxt >= this.written) break;
      // a resend stops where new data (or a SACKed block) begins, so a segment is either sent again or new, as a real stack's are
      const limit = this.sndNxt < this.sndMax ? Math.min(this.written, this.sndMax, this.board.nextSackedStart(this.sndNxt)) : this.written;
      const size = Math.min(mss, limit - this.sndNxt);
      const inFlight = this.sndNxt - this.acked;
      if (inFlight + size > Math.min(this.window.cwndBytes, this.peerWindow)) break;
      const again = this.sndNxt < this.sndMax;
      if (!again && nagleWaits(size, mss, this.nagleUnacked(), this.nodelay)) break;
      if (again || !this.config.tsoPush) {
        inPacket = 0; // a resend leaves on its own
        this.sendData(this.sndNxt, size);
        continue;
      }
      if (perPacket === 0) perPacket = this.tsoSegments();
      inPacket = (inPacket % perPacket) + 1;
      this.sendData(this.sndNxt, size, undefined, inPacket === perPacket);
    }
    if (this.finWanted && this.sndNxt === this.written && !this.finAcked) this.sendFin();
  }

  // Classic Nagle looks at all unACKed bytes; Minshall's variant only at an unACKed small segment.
  private nagleUnacked(): number {
    const inFlight = this.sndNxt - this.acked;
    if (this.config.nagleVariant === "classic") return inFlight;
    return this.smallSentEnd > this.acked ? inFlight : 0;
  }

  // tcp_tso_autosize (tso.ts): how many of the segments tcp_write_xmit sends now go to the device as one packet.
  private tsoSegments(): number {
    const { cwndBytes, ssthreshBytes } = this.window;
    return tsoSegmentsUnchecked(this.config.mss, cwndBytes, ssthreshBytes, this.sndNxt - this.acked, this.rto.srttMs);
  }

  /**
   * Sends [start, start + size); SND.NXT moves past it unless it lies behind
   * (a resend of the oldest). `packetEnd`: it ends a TSO packet (tsoPush), so it carries PSH.
   */
  private sendData(start: number, size: number, why?: string, packetEnd = false): void {
    const end = start + size;
    const again = start < this.sndMax;
    if (size < this.config.mss) this.smallSentEnd = Math.max(this.smallSentEnd, end);
    // the last byte written leaves with PSH, and with the FIN when close() came first (the FIN rides on it)
    const last = end === this.written;
    const fin = last && this.finWanted;
    const flags = fin ? FIN_ACK_PSH : last || packetEnd ? ACK_PSH : ACK;
    const next = fin ? end + 1 : end;
    this.noteSent(start, next);
    this.sndNxt = Math.max(this.sndNxt, next);
    this.lastDataSentMs = this.sim.now;
    const labels = again ? packetNote("retransmission", this.lang) : this.noteFor(start, end);
    const note = why === undefined ? labels : labels === undefined ? why : `${labels}, ${why}`;
    this.emit(flags, size, start, note, again);
    this.afterSend(true);
  }

  private sendFin(): void {
    const again = this.sndMax > this.written;
    this.noteSent(this.written, this.written + 1);
    this.sndNxt = Math.max(this.sndNxt, this.written + 1);
    this.emit(FIN_ACK, 0, this.written, packetNote(again ? "retransmission" : "close", this.lang), again);
    this.afterSend(false);
  }

  // Records what left for RTT samples (first sends) or Karn's rule (repeats), and moves SND.MAX.
  private noteSent(start: number, end: number): void {
    if (start < this.sndMax) {
      this.retransmitted += 1;
      this.karnLimit = Math.max(this.karnLimit, Math.min(end, this.sndMax));
    } else {
      this.sentLast = this.pairs.append(this.sentLast, end, this.sim.now);
      if (this.sentHead === NONE) this.sentHead = this.sentLast;
    }
    this.sndMax = Math.max(this.sndMax, end);
  }

  // Linux (tcp_event_data_sent): data sent soon after data arrived makes the connection interactive.
  private afterSend(data: boolean): void {
    if (data && this.config.quickAck && this.sim.now - this.lastDataReceivedMs < this.config.delayedAckMs) this.pingpong = true;
    if (!this.rtoTimer.pending) this.armRto();
    else if (data) this.armProbe();
  }

  // The label goes on the segment that carries the write's first byte; notes are in stream order.
  // Joined as they come, with no array: most segments carry no label, and this runs for every one.
  private noteFor(from: number, to: number): string | undefined {
    let labels: string | undefined;
    while (this.noteHead < this.notes.length && this.notes[this.noteHead].at < to) {
      const n = this.notes[this.noteHead++];
      if (n.at >= from) labels = labels === undefined ? n.note : `${labels}, ${n.note}`;
    }
    return labels;
  }

  // Checked only when there is new data to send, so the idle time is measured once, up to that send.
  private restartIfIdle(): void {
    // cheapest tests first: this runs on every packet, and most have nothing new to send or data in flight
    if (!this.config.slowStartAfterIdle || this.acked < this.sndMax || this.sndNxt >= this.written || this.lastDataSentMs === -Infinity)
      return;
    const idleMs = this.sim.now - this.lastDataSentMs;
    const rtoMs = this.rto.rtoMs;
    if (idleMs <= rtoMs) return;
    const { mss } = this.config;
    const floor = Math.min(this.window.cwndBytes, this.config.initialWindow * mss);
    let restart = floor;
    if (this.config.idleRestart === "linux") {
      // tcp_cwnd_restart: one halving per full RTO of idle time, in whole segments
      let cwnd = this.window.cwndBytes;
      for (let left = idleMs - rtoMs; left > 0 && cwnd > floor; left -= rtoMs) cwnd = Math.floor(cwnd / mss / 2) * mss;
      restart = Math.max(cwnd, floor);
    }
    if (restart < this.window.cwndBytes) {
      this.window.cwndBytes = restart;
      this.logCwnd();
    }
  }

  private onAck(ackNumber: number, pure: boolean, sack?: readonly SackBlock[], tsEcr?: number): void {
    const { mss } = this.config;
    const ack = Math.min(ackNumber, this.sndMax);
    if (this.finWanted && ack > this.written) this.finAcked = true;
    if (this.config.sack && sack) {
      this.board.add(sack, Math.max(ack, this.acked));
      this.sacked = true;
    }
    if (ack > this.acked) {
      const newly = ack - this.acked;
      this.acked = ack;
      if (this.sacked) this.board.pruneBelow(ack);
      this.timeoutsInRow = 0;
      if (this.sndNxt < ack) this.sndNxt = ack; // after a timeout: the peer had it already
      this.sampleRtt(ack, tsEcr);
      this.dupAcks = 0;
      this.probeOut = false;
      if (this.eifel) this.eifelCheck(tsEcr);
      if (this.frto === 1) this.frtoFirstAck(ack);
      else if (this.frto === 2) this.frtoSpurious();
      if (this.inRecovery && ack >= this.recover) {
        // full ACK: leave recovery; RFC 6582 3.2 step 3 deflates to min(ssthresh, FlightSize + MSS), RFC 6675 to ssthresh
        this.inRecovery = false;
        const flight = Math.max(this.sndMax - ack, mss) + mss;
        this.window.cwndBytes = this.config.sack ? this.window.ssthreshBytes : Math.min(this.window.ssthreshBytes, flight);
      } else if (this.inRecovery && this.config.sack) {
        this.sackRecoverySend();
      } else if (this.inRecovery) {
        // partial ACK: the next hole was lost too; resend it, deflate by what was ACKed, add back one segment
        this.window.cwndBytes = Math.max(mss, this.window.cwndBytes - newly + (newly >= mss ? mss : 0));
        this.retransmitOldest();
      } else {
        growWindow(this.window, newly, mss, this.config.abcLimit);
      }
      this.logCwnd();
      this.armRto();
      return;
    }
    const outstanding = this.sndMax > this.acked;
    if (!pure || !outstanding || ack < this.acked) return;
    this.dupAcks += 1;
    if (this.frto > 0) {
      this.frtoGoBack(); // F-RTO: a duplicate ACK says the timeout was real (trySend, after this, goes back)
      return;
    }
    if (this.config.sack) {
      this.onSackDupAck();
    } else if (this.inRecovery) {
      this.window.cwndBytes += mss; // each duplicate ACK: one more segment has left the network
      this.logCwnd();
    } else if (this.dupAcks === 3 && this.acked >= this.recover) {
      enterFastRecovery(this.window, this.sndMax - this.acked, mss);
      this.inRecovery = true;
      this.recover = this.sndMax;
      this.logCwnd();
      this.retransmitOldest();
    }
  }

  // RFC 6675 5: enter recovery on three duplicate ACKs or when the scoreboard says the first hole is lost.
  private onSackDupAck(): void {
    const { mss } = this.config;
    if (!this.inRecovery && this.acked >= this.recover && (this.dupAcks >= DUP_THRESH || this.board.isLost(this.acked, mss))) {
      this.window.ssthreshBytes = ssthreshAfterLoss(this.sndMax - this.acked, mss);
      this.window.cwndBytes = this.window.ssthreshBytes;
      this.inRecovery = true;
      this.recover = this.sndMax;
      this.logCwnd();
      // RFC 6675 5 (4.3): the first hole goes at once, whatever pipe says
      const size = this.resendSize(this.acked);
      if (size > 0) this.sendData(this.acked, size);
      this.highRxt = this.acked + Math.max(size, 0);
    }
    if (this.inRecovery) this.sackRecoverySend();
  }

  /** A resend from `seq`: at most one MSS, never past what was sent, stopping at the next SACKed block. */
  private resendSize(seq: number): number {
    return Math.min(this.config.mss, Math.min(this.sndMax, this.written) - seq, this.board.nextSackedStart(seq) - seq);
  }

  // RFC 6675 5 (C): while cwnd - pipe allows a segment, send NextSeg: a lost hole first, else new data.
  private sackRecoverySend(): void {
    const { mss } = this.config;
    for (let guard = 0; guard < 10_000; guard++) {
      const room = this.window.cwndBytes - this.board.pipe(this.acked, this.sndMax, this.highRxt, mss);
      const hole = this.board.nextLost(Math.max(this.highRxt, this.acked), Math.min(this.sndMax, this.written), mss);
      if (hole !== undefined) {
        const size = this.resendSize(hole);
        if (room < size) return;
        this.sendData(hole, size);
        this.highRxt = hole + size;
        continue;
      }
      const size = Math.min(mss, this.written - this.sndMax);
      if (this.sndNxt < this.sndMax || size <= 0 || room < size || this.sndMax - this.acked + size > this.peerWindow) return;
      this.sendData(this.sndMax, size);
    }
  }

  // RFC 6298 with Karn's rule: the newest segment this ACK covers, if nothing it covers was sent twice.
  // With timestamps (RFC 7323 4.1) the echoed TSval dates the segment the ACK answers, resent or not.
  private sampleRtt(ack: number, tsEcr: number | undefined): void {
    let newestMs: number | undefined;
    while (this.sentHead !== NONE && this.pairs.first(this.sentHead) <= ack) {
      newestMs = this.pairs.second(this.sentHead);
      this.sentHead = this.pairs.next(this.sentHead);
    }
    if (this.config.timestamps && tsEcr !== undefined) this.rto.sample(this.sim.now - tsEcr);
    else if (newestMs !== undefined && ack > this.karnLimit) this.rto.sample(this.sim.now - newestMs);
  }

  /** Sends the oldest unacknowledged segment (or the FIN) again, without moving SND.NXT back. */
  private retransmitOldest(): void {
    const sentData = Math.min(this.sndMax, this.written); // never new bytes: those are not a resend (Nagle may hold some)
    if (this.acked < sentData) this.sendData(this.acked, Math.min(this.config.mss, sentData - this.acked));
    else if (this.finWanted && !this.finAcked && this.sndMax > this.written) this.sendFin();
  }

  // RFC 6298 5.1-5.3: (re)start the timer while data is outstanding; a tail-loss probe may come first.
  private armRto(): void {
    if (this.acked < this.sndMax) this.rtoTimer.set(this.sim.now + this.rto.rtoMs);
    else this.rtoTimer.clear();
    this.armProbe();
  }

  /**
   * RFC 8985 7.2 (Linux: tcp_schedule_loss_probe): with data in flight and no
   * recovery under way, probe after 2 SRTT (at least 1.5 SRTT + the worst
   * delayed ACK when a single segment is out), if that is before the RTO.
   */
  private armProbe(): void {
    const srtt = this.rto.srttMs;
    const idle = this.acked >= this.sndMax || this.inRecovery || this.frto > 0 || this.probeOut;
    if (!this.config.tailLossProbe || idle || srtt === undefined) {
      this.probeTimer.clear();
      return;
    }
    let pto = 2 * srtt;
    if (this.sndMax - this.acked <= this.config.mss) pto = Math.max(pto, 1.5 * srtt + WORST_CASE_DELAYED_ACK_MS);
    // never after the RTO: when the RTO comes first, its expiry sends the probe instead (tcp_schedule_loss_probe)
    this.probeTimer.set(Math.min(this.sim.now + Math.max(pto, MIN_PROBE_TIMEOUT_MS), this.rtoTimer.atMs));
  }

  // RFC 8985 7.3: send one new segment if there is one, else the last segment again; then restart the RTO.
  private onProbe(): void {
    if (this.acked >= this.sndMax || this.inRecovery) return;
    this.probeOut = true;
    const size = Math.min(this.config.mss, this.written - this.sndMax);
    if (size > 0 && this.sndMax - this.acked + size <= this.peerWindow) this.sendData(this.sndMax, size, packetNote("probe", this.lang));
    else if (this.finWanted && this.sndMax > this.written && !this.finAcked) this.sendFin();
    else {
      const end = Math.min(this.sndMax, this.written);
      const start = Math.max(this.acked, end - this.config.mss);
      if (end > start) this.sendData(start, end - start, packetNote("probe", this.lang));
    }
    this.rtoTimer.set(this.sim.now + this.rto.rtoMs);
  }

  // RFC 6298 5.4-5.6 and RFC 5681 3.1: resend the oldest, back off, one-segment window, go back.
  private onRtoTimer(): void {
    if (this.acked >= this.sndMax) return;
    if (this.probeTimer.pending && this.probeTimer.atMs <= this.sim.now) {
      this.probeTimer.clear(); // the probe was due now too: it goes first, and the RTO starts again after it
      this.onProbe();
      return;
    }
    if (++this.timeoutsInRow > DATA_RETRIES) {
      throw new ConnectionAbortedError(say.gaveUp({ side: say[this.side](), retries: DATA_RETRIES, atMs: this.sim.now }));
    }
    const prior = { ...this.window };
    afterTimeout(this.window, this.sndMax - this.acked, this.config.mss);
    this.logCwnd();
    this.dupAcks = 0;
    this.recover = this.sndMax;
    this.rto.backoff();
    this.highRxt = this.acked;
    this.probeOut = false;
    if (this.config.frto && this.frto === 0 && !this.inRecovery && this.written > this.sndMax) {
      // F-RTO (RFC 5682 2.1 step 1): resend only the oldest segment; the next two ACKs tell a spurious timeout
      this.frto = 1;
      this.frtoPrior = prior;
      this.retransmitOldest();
    } else {
      this.frto = 0;
      this.inRecovery = false;
      this.sndNxt = this.acked;
      // with timestamps, the first ACK tells whether the original was only late (Eifel, RFC 3522)
      if (this.config.timestamps && this.config.frto) this.eifel = { atMs: this.sim.now, prior };
      this.trySend();
    }
    if (!this.rtoTimer.pending) this.armRto();
  }

  // F-RTO step 2, the first ACK after the timeout acknowledges new data: send two new segments and wait for one more ACK.
  private frtoFirstAck(ack: number): void {
    const newData = Math.min(this.config.mss, this.written - this.sndMax) > 0;
    if (ack >= this.frtoHigh() || !newData) {
      this.frtoGoBack();
      return;
    }
    this.frto = 2;
    for (let i = 0; i < 2 && this.written > this.sndMax; i++)
      this.sendData(this.sndMax, Math.min(this.config.mss, this.written - this.sndMax));
  }

  // F-RTO step 3, new data acknowledged again: the timeout was spurious; undo its window cut (Linux: tcp_try_undo_spurious_rto).
  private frtoSpurious(): void {
    this.frto = 0;
    if (this.frtoPrior) {
      this.window.cwndBytes = Math.max(this.window.cwndBytes, this.frtoPrior.cwndBytes);
      this.window.ssthreshBytes = this.frtoPrior.ssthreshBytes;
    }
    this.logCwnd();
  }

  // A duplicate ACK during F-RTO, or nothing new to send: the loss was real, so go back as a timeout does.
  private frtoGoBack(): void {
    this.frto = 0;
    this.sndNxt = this.acked;
  }

  /**
   * Eifel detection (RFC 3522) and response (RFC 4015), as Linux's
   * tcp_try_undo_loss does with timestamps: the first ACK after a timeout
   * echoes a TSval from before it, so an original answered it and the
   * timeout was spurious: undo the window cut and stop sending the window again.
   */
  private eifelCheck(tsEcr: number | undefined): void {
    const e = this.eifel;
    this.eifel = undefined;
    if (!e || tsEcr === undefined || tsEcr >= e.atMs) return;
    this.window.cwndBytes = Math.max(this.window.cwndBytes, e.prior.cwndBytes);
    this.window.ssthreshBytes = e.prior.ssthreshBytes;
    this.sndNxt = Math.max(this.sndNxt, this.sndMax);
    this.logCwnd();
  }

  private frtoHigh(): number {
    return this.recover; // SND.MAX when the timeout fired
  }

  private logCwnd(): void {
    this.cwndLast = this.pairs.append(this.cwndLast, this.sim.now, this.cwndSegments);
    if (this.cwndFirst === NONE) this.cwndFirst = this.cwndLast;
  }

  // ---- receiving half ---------------------------------------------------------

  private onSegment(seq: number, bytes: number, tsVal: number | undefined, psh: boolean): void {
    const end = seq + bytes;
    const hadHoles = this.ooo.length > 0;
    if (end <= this.received) {
      this.ackNow("duplicate"); // an old segment again: tell the sender at once
      return;
    }
    if (seq > this.received) {
      addRange(this.ooo, seq, end);
      this.ackNow("outOfOrder");
      return;
    }
    this.received = end;
    if (tsVal !== undefined) this.tsRecent = tsVal; // RFC 7323 4.3: echo the segment that moved RCV.NXT (a hole's filler too)
    this.mergeInOrder();
    this.lastDataReceivedMs = this.sim.now;
    if (this.peerFinSeq === this.received) this.finInOrder();
    this.measureRcvMss(bytes, psh);
    if (hadHoles) this.ackNow("fillsHole");
    else this.ackPolicy(bytes);
    // The application reads after the kernel's ACK decision. A read that will send the ACK waits for the
    // end of this instant, so that it takes every segment arriving with this one, as one read() would.
    if (this.readDue || this.ackAfterReadDue()) this.readAtEndOfInstant();
    else this.deliver();
    this.tellFin();
  }

  private readAtEndOfInstant(): void {
    if (this.readDue) return;
    this.readDue = true;
    this.sim.schedule(this.sim.now, TcpEndpoint.readNow, this); // never cancelled: no handle, and one function for every read
  }

  private readNow(): void {
    this.readDue = false;
    if (this.ackAfterReadDue()) this.ackNow("afterRead");
    this.deliver();
    this.tellFin();
  }

  // The application's read: what arrived in order since the last one.
  private deliver(): void {
    const fresh = this.received - this.delivered;
    this.delivered = this.received;
    for (const listener of this.dataListeners) listener(fresh, this.received, this.sim.now);
    this.deliverReads();
  }

  private ackPolicy(bytes: number): void {
    const { delayedAckMs, mss } = this.config;
    if (bytes >= mss) this.fullUnacked += 1;
    if (this.config.quickAck) {
      if (!this.quickStarted) {
        this.quickStarted = true;
        this.quickAcks = LINUX_MAX_QUICKACKS;
      }
      // __tcp_ack_snd_check: quick-ACK mode, or more than one receive MSS waiting
      if ((this.quickAcks > 0 && !this.pingpong) || this.received - this.ackedUpTo > this.rcvMss || delayedAckMs === 0) {
        if (!this.pingpong) this.quickAcks = Math.max(0, this.quickAcks - 1);
        this.ackNow(this.pingpong ? "secondFullSegment" : "quickAck");
        return;
      }
    } else if (delayedAckDecision({ fullSizedUnacked: this.fullUnacked, delayedAckMs }) === "now") {
      this.ackNow(delayedAckMs === 0 ? "delayedAckOff" : "secondFullSegment");
      return;
    }
    if (!this.ackTimer.pending) this.ackTimer.set(this.sim.now + delayedAckMs);
  }

  // tcp_measure_rcv_mss: the receive MSS is the largest segment seen (from 536 bytes up to the MSS);
  // a segment of that size with PSH, or any smaller one, is pushed (a second small one before the ACK: PUSHED2).
  private measureRcvMss(bytes: number, psh: boolean): void {
    if (bytes >= this.rcvMss) {
      this.rcvMss = Math.min(bytes, this.config.mss);
      if (psh && this.pushed === 0) this.pushed = 1;
    } else {
      this.pushed = this.pushed === 0 ? 1 : 2;
    }
  }

  // tcp_cleanup_rbuf: the read that empties the receive queue sends a delayed ACK at once when a pushed segment
  // waits, unless the connection is interactive (pingpong) and there is only one.
  private ackAfterReadDue(): boolean {
    if (!this.config.ackAfterRead || this.ackNumber() <= this.ackedUpTo) return false;
    return this.pushed === 2 || (this.pushed === 1 && !this.pingpong);
  }

  private ackNow(why: Parameters<typeof packetNote>[0]): void {
    this.emit(ACK, 0, 0, packetNote(why, this.lang), false);
  }

  // Out-of-order ranges that now touch RCV.NXT become in-order data.
  private mergeInOrder(): void {
    let k = 0;
    while (k < this.ooo.length && this.ooo[k][0] <= this.received) {
      this.received = Math.max(this.received, this.ooo[k][1]);
      k++;
    }
    if (k > 0) this.ooo.splice(0, k);
  }

  private onAckTimer(): void {
    this.pingpong = false; // Linux: a delayed ACK that had to fire ends pingpong mode
    if (this.ackNumber() > this.ackedUpTo) this.ackNow("delayedAckTimer");
  }

  private onFinArrived(finSeq: number): void {
    if (this.peerFin) {
      this.ackNow("acksFin"); // the FIN again: our ACK was lost
      return;
    }
    this.peerFinSeq = finSeq;
    if (finSeq === this.received) this.finInOrder();
    else this.ackNow("outOfOrder");
    this.tellFin();
  }

  // The peer's FIN is in order. Linux waits to ACK it when this side has not closed, so the ACK rides on this side's FIN.
  private finInOrder(): void {
    this.peerFin = true;
    if (this.config.quickAck && !this.finWanted && this.config.delayedAckMs > 0) {
      this.pingpong = true;
      if (!this.ackTimer.pending) this.ackTimer.set(this.sim.now + this.config.delayedAckMs);
    } else {
      this.ackNow("acksFin");
    }
  }

  // The application hears of the FIN once it has read the data before it.
  private tellFin(): void {
    if (!this.peerFin || this.finTold || this.readDue) return;
    this.finTold = true;
    for (const listener of this.finListeners) listener(this.sim.now);
  }

  // Reads complete in order; readerHead skips the finished ones without shifting the array.
  private deliverReads(): void {
    while (this.readerHead < this.readers.length && this.readers[this.readerHead].until <= this.delivered) {
      this.readers[this.readerHead++].done(this.sim.now);
    }
  }

  private ackNumber(): number {
    return this.received + (this.peerFin ? 1 : 0);
  }

  // Every packet but the first SYN carries an ACK, so sending anything settles a pending ACK.
  private emit(flags: readonly Flag[], bytes: number, seq: number, note: string | undefined, retransmit: boolean): void {
    this.ackedUpTo = this.ackNumber();
    this.fullUnacked = 0;
    this.pushed = 0;
    this.ackTimer.clear();
    const ts = this.config.timestamps;
    // every field set at once, so every packet has one shape (adding fields later gives the engine many)
    this.sink({
      from: this.side,
      flags,
      bytes,
      seq,
      ack: this.ackedUpTo,
      note,
      retransmit: retransmit || undefined,
      sack: this.config.sack && this.ooo.length > 0 ? this.ooo.slice(0, MAX_SACK_BLOCKS).map(([a, b]) => [a, b] as const) : undefined,
      tsVal: ts ? this.sim.now : undefined,
      tsEcr: ts ? this.tsRecent : undefined,
    });
  }
}
