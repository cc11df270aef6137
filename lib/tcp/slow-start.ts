/**
 * Slow start as a round model (RFC 5681 3.1, initial window RFC 6928 / RFC 3390,
 * the growth rule TcpOptions.abcLimit in options.ts).
 *
 * A new connection may not send a whole response at once: it starts with an
 * initial window (IW, 10 segments for MSS 1460) and widens the window as ACKs
 * come back. The model counts in rounds, one round per round trip:
 *
 *  - round k sends s_k = min(cwnd_k, receive window, segments left) segments;
 *  - an ACK adds min(segments it acknowledges, abcLimit) segments to cwnd
 *    (see TcpOptions.abcLimit). Without delayed ACK each segment gets its
 *    own ACK, so cwnd doubles per round; with delayed ACK one ACK covers two
 *    segments, so cwnd grows by ceil(s_k / 2) under abcLimit 1 (about 1.5x
 *    per round) and doubles under abcLimit >= 2;
 *  - with a bandwidth, a round whose window takes less than an RTT to
 *    serialise leaves the link idle for the rest of the round trip: it costs
 *    one RTT. Once the window covers the bandwidth-delay product
 *    (window x wire bytes per segment >= bandwidth x RTT) the ACKs come back
 *    before the window is used up, the link never idles again, and the rest
 *    of the transfer runs at link speed: it costs its serialisation time;
 *  - time runs from the sender's first segment until the receiver has the
 *    last byte: each round before the pipe is full costs one RTT, the last
 *    one its serialisation time plus the one-way delay; a full pipe costs the
 *    serialisation of everything still to send plus the one-way delay.
 *
 * Rounds once the pipe is full (steady state) are listed too, each one RTT of
 * link time (or one segment when a segment takes longer than an RTT to
 * send): a round then carries what the link moves in that time, so the
 * counts hover around BDP / segment size (83, 83, 84, ... for 83.3).
 * `pipeSegments` is the pipe in whole segments. A transfer that would take
 * more than MAX_SLOW_START_ROUNDS rounds (a huge `bytes` behind a tiny
 * receive window or link) is refused with a RangeError naming "bytes", so
 * the arrays stay bounded.
 *
 * Without delayed ACK and without limits the count of rounds has a closed
 * form (exercise 4.2c asks for it).
 *
 * Assumptions: no loss (so no ssthresh and no congestion avoidance: cwnd
 * keeps growing while the receive window or the link caps what is sent), the
 * ACKs of a round arrive all at once one RTT after the round started, and the
 * delayed-ACK timer of an odd last segment is ignored (the simulator in
 * lib/sim shows that wait). Serialisation counts the 40 header bytes of
 * every segment, as segment.ts does.
 */
import { checkNumber, optionalBoolean, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import { messages } from "../i18n";
import { DEFAULT_MSS, IP_HEADER_BYTES, TCP_HEADER_BYTES, initialWindowSegments } from "./constants";
import type { PathOptions, TcpOptions } from "./options";

const say = messages("tcp/slow-start", {
  tooManyRounds: {
    en: "no more than {max} rounds can carry (this transfer would need {rounds} rounds: send less, or raise receiveWindow or bandwidthBps)",
    ko: "{max}라운드 안에 보낼 수 있는 크기(이 전송에는 {rounds}라운드가 필요합니다: 덜 보내거나 receiveWindow 또는 bandwidthBps를 키우세요)",
  },
});

/** Most rounds slowStart lists before it refuses the input (about 28 hours at RTT 100 ms). */
export const MAX_SLOW_START_ROUNDS = 1_000_000;

export interface SlowStartInput
  extends Required<Pick<PathOptions, "rttMs">>,
    Pick<PathOptions, "bandwidthBps">,
    Pick<TcpOptions, "mss" | "initialWindow" | "abcLimit" | "receiveWindow"> {
  /** the bytes to send */
  bytes: number;
  /** true: the receiver ACKs every second segment (default false) */
  delayedAck?: boolean;
}

export interface SlowStartResult {
  /** how many round trips the transfer takes */
  rounds: number;
  /** from the first segment sent to the last byte received */
  timeMs: number;
  /** segments sent in each round */
  segmentsPerRound: number[];
  /** cwnd (in segments) at the start of each round */
  cwndPerRound: number[];
  /** full segments the pipe (bandwidth x RTT) holds, at least 1; Infinity without a bandwidth */
  pipeSegments: number;
}

interface Limits {
  rttMs: number;
  mss: number;
  initialWindow: number;
  delayedAck: boolean;
  abcLimit: number;
  bandwidthBps: number;
  windowSegments: number;
}

/** Checks TcpOptions.abcLimit: a whole number of segments >= 1, or Infinity; undefined gives `fallback`. */
export function checkAbcLimit(value: unknown, fallback = 1): number {
  if (value === undefined) return fallback === Infinity ? Infinity : checkNumber("fallback", fallback, { min: 1, integer: true });
  if (value === Infinity) return Infinity;
  return checkNumber("abcLimit", value, { min: 1, integer: true });
}

function readInput(input: SlowStartInput): Limits & { bytes: number } {
  const o = optionsObject("input", input);
  const bytes = checkNumber("bytes", o.bytes, { min: 0, integer: true, max: MAX_QUANTITY });
  const rttMs = checkNumber("rttMs", o.rttMs, { min: 0, max: MAX_QUANTITY });
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const initialWindow = optionalNumber("initialWindow", o.initialWindow, initialWindowSegments(mss), {
    min: 1,
    integer: true,
    max: MAX_QUANTITY,
  });
  const delayedAck = optionalBoolean("delayedAck", o.delayedAck, false);
  const abcLimit = checkAbcLimit(o.abcLimit);
  const bandwidthBps = o.bandwidthBps === undefined ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const receiveWindow =
    o.receiveWindow === undefined || o.receiveWindow === Infinity
      ? Infinity
      : checkNumber("receiveWindow", o.receiveWindow, { min: mss, integer: true, max: MAX_QUANTITY });
  return { bytes, rttMs, mss, initialWindow, delayedAck, abcLimit, bandwidthBps, windowSegments: Math.floor(receiveWindow / mss) };
}

/** Segments for `bytes` (as segment.ts counts them, without building its per-segment list). */
function segmentCount(bytes: number, mss: number): number {
  return Math.max(1, Math.ceil(bytes / mss));
}

/** Milliseconds to put `payloadBytes` on the wire, headers of each segment included (0 on an unlimited link). */
function sendMs(payloadBytes: number, mss: number, bandwidthBps: number): number {
  if (bandwidthBps === Infinity) return 0;
  const wireBytes = payloadBytes + segmentCount(payloadBytes, mss) * (IP_HEADER_BYTES + TCP_HEADER_BYTES);
  return (wireBytes * 8 * 1000) / bandwidthBps;
}

/**
 * cwnd after a round of `sent` segments. Without delayed ACK every segment
 * has its own ACK (+1 each); with it, ACKs cover two segments (the odd last
 * one its own), and each adds min(2, abcLimit) (TcpOptions.abcLimit).
 */
export function nextWindow(cwnd: number, sent: number, delayedAck: boolean, abcLimit = 1): number {
  checkNumber("cwnd", cwnd, { min: 0, max: MAX_QUANTITY });
  checkNumber("sent", sent, { min: 0, integer: true });
  checkAbcLimit(abcLimit);
  if (!optionalBoolean("delayedAck", delayedAck, false)) return cwnd + sent;
  return cwnd + Math.floor(sent / 2) * Math.min(2, abcLimit) + (sent % 2);
}

function tooManyRounds(bytes: number, rounds: number): never {
  return outOfRange("bytes", say.tooManyRounds({ max: MAX_SLOW_START_ROUNDS, rounds }), bytes);
}

export function slowStart(input: SlowStartInput): SlowStartResult {
  const l = readInput(input);
  const total = segmentCount(l.bytes, l.mss);
  // ms to serialise one full segment; the pipe is bandwidth x RTT
  const segmentMs = sendMs(l.mss, l.mss, l.bandwidthBps);
  const pipe = segmentMs === 0 ? Infinity : l.rttMs / segmentMs; // in (fractional) full segments
  const result: SlowStartResult = {
    rounds: 0,
    timeMs: 0,
    segmentsPerRound: [],
    cwndPerRound: [],
    pipeSegments: pipe === Infinity ? Infinity : Math.max(1, Math.floor(pipe + 1e-9)),
  };
  if (l.bytes === 0) return result;

  const round = (s: number, cwnd: number): number => {
    result.segmentsPerRound.push(s);
    result.cwndPerRound.push(cwnd);
    return nextWindow(cwnd, s, l.delayedAck, l.abcLimit);
  };
  const payloadOf = (from: number, to: number) => Math.min(l.bytes, to * l.mss) - from * l.mss;

  let cwnd = l.initialWindow;
  let sent = 0;
  while (sent < total) {
    const window = Math.min(cwnd, l.windowSegments);
    if (window >= pipe) return steadyState(result, l, sent, total, cwnd, pipe, round, payloadOf);
    if (window === l.windowSegments) {
      // the receive window caps every round from now on: one RTT per `window` segments
      const need = result.segmentsPerRound.length + Math.ceil((total - sent) / window);
      if (need > MAX_SLOW_START_ROUNDS) tooManyRounds(l.bytes, need);
    }
    const s = Math.min(window, total - sent);
    const serialise = sendMs(payloadOf(sent, sent + s), l.mss, l.bandwidthBps); // < RTT: the pipe is not full
    cwnd = round(s, cwnd);
    sent += s;
    result.timeMs += sent < total ? l.rttMs : serialise + l.rttMs / 2;
  }
  result.rounds = result.segmentsPerRound.length;
  return result;
}

// The window covers the pipe: the link stays busy until the last byte has been sent.
function steadyState(
  result: SlowStartResult,
  l: Limits & { bytes: number },
  sent: number,
  total: number,
  cwnd: number,
  pipe: number,
  round: (s: number, cwnd: number) => number,
  payloadOf: (from: number, to: number) => number,
): SlowStartResult {
  const left = total - sent;
  const perRound = Math.max(1, pipe);
  const need = result.segmentsPerRound.length + Math.ceil(left / perRound - 1e-9);
  if (need > MAX_SLOW_START_ROUNDS) tooManyRounds(l.bytes, need);
  result.timeMs += sendMs(payloadOf(sent, total), l.mss, l.bandwidthBps) + l.rttMs / 2;
  // round j ends when floor((j + 1) x pipe) segments have been sent (at least one per round)
  let done = 0;
  for (let j = 1; done < left; j++) {
    const upTo = Math.min(left, Math.max(j, Math.floor(j * perRound + 1e-9)));
    cwnd = round(upTo - done, cwnd);
    done = upTo;
  }
  result.rounds = result.segmentsPerRound.length;
  return result;
}
