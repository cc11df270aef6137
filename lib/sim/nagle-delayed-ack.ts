/**
 * The write-write-read stall: Nagle on the sender against delayed ACK on the
 * receiver, played on the simulator (engine.ts) so the trace is real packets.
 * The rules are TCP's (lib/tcp/nagle.ts, lib/tcp/delayed-ack.ts); this file
 * sets up the scenario on the engine.
 *
 * Scenario: a connection that is already open and idle; the client's
 * application writes one request as several writes (`writes`, all at t = 0),
 * and the server answers only when the whole request has arrived.
 *
 *   write 1 (small)  -> sent at once (nothing is unACKed)
 *   write 2 (small)  -> held by Nagle: write 1 is not ACKed yet
 *   server           -> has no reply to piggyback an ACK on (the request is
 *                       incomplete), so it waits for its delayed-ACK timer
 *   ACK arrives      -> write 2 finally leaves
 *
 * completeMs: when the server has the last byte of the request (t = 0 is the
 * first write). stallMs: how much later that is than the same writes with
 * Nagle off (TCP_NODELAY); the difference is all hold. The hold lasts the
 * ACK's round trip plus the delayed-ACK wait, so:
 *  - nagle: false, or a single write of at most one MSS: no stall;
 *  - a single write larger than the MSS ends in a small tail segment: classic
 *    Nagle holds that tail until the full segments before it are ACKed
 *    ({ writes: [2000] } stalls on its 540-byte tail), Minshall's variant
 *    sends it at once;
 *  - delayedAckMs: 0: only the round trip is left (about 0 on loopback,
 *    where the stall then vanishes; one RTT on a long path);
 *  - otherwise about rttMs + delayedAckMs.
 *
 * nagleVariant picks the sender's rule (see NagleVariant in lib/tcp/nagle.ts):
 * two small writes stall under both "classic" and "minshall".
 *
 * Assumptions: the engine's "rfc" stack (no loss; delayed ACK per RFC 1122
 * 4.2.3.2 with the given timer, no Linux quick-ACK mode: the connection is
 * taken to be past its first segments, as a Linux connection is once it has
 * turned interactive); the server reads instantly
 * and its reply (responseBytes, default none) is sent with no think time.
 * The writes (each write's bytes / MSS, rounded up, summed) and the reply are
 * each at most MAX_STREAM_SEGMENTS segments (scheduler.ts): a bigger
 * input is refused at once, naming "writes" or "responseBytes".
 */
import {
  checkChoice,
  checkNumber,
  listOf,
  optionalBoolean,
  optionalNumber,
  optionsObject,
  outOfRange,
  MAX_QUANTITY,
  MIN_BANDWIDTH_BPS,
} from "../errors";
import { language, messages, tr } from "../i18n";
import { DEFAULT_MSS, LINUX_DELAYED_ACK_MS } from "../tcp/constants";
import { checkDelayedAckMs } from "../tcp/delayed-ack";
import type { NagleVariant } from "../tcp/nagle";
import { NAGLE_VARIANTS, type PathOptions, type TcpOptions } from "../tcp/options";
import type { Trace } from "../tcp/trace";
import { Network } from "./engine";
import { MAX_STREAM_SEGMENTS } from "./scheduler";

const say = messages("sim/nagle-delayed-ack", {
  writesArray: { en: "an array of byte counts", ko: "바이트 수의 배열" },
  noWrites: { en: "a non-empty array (at least one write)", ko: "비어 있지 않은 배열(쓰기가 하나 이상)" },
  tooManyWrites: { en: "at most {max} writes", ko: "쓰기 {max}개 이하" },
  tooManySegments: {
    en: "writes of at most {max} segments in all (of mss {mss}); writes[{i}] = {bytes} goes past it",
    ko: "모두 합쳐 세그먼트 {max}개(mss {mss}) 이하인 쓰기(writes[{i}] = {bytes}에서 이를 넘습니다)",
  },
  // trace notes
  write: { en: "write {n}", ko: "쓰기 {n}" },
  response: { en: "response", ko: "응답" },
});

/**
 * The TCP options and the path (lib/tcp/options.ts) are those of both hosts;
 * Nagle matters on the client's side (it writes the request), the
 * delayed-ACK timer on the server's (it receives the request).
 */
export interface NagleDelayedAckInput
  extends Required<Pick<PathOptions, "rttMs">>,
    Pick<PathOptions, "bandwidthBps">,
    Pick<TcpOptions, "nagle" | "nagleVariant" | "delayedAckMs" | "mss"> {
  /** sizes of the application writes that make one request */
  writes: number[];
  /** size of the server's reply, sent as soon as the request is complete (default 0: none) */
  responseBytes?: number;
}

export interface NagleDelayedAckResult {
  /** when the server has the whole request */
  completeMs: number;
  /** the part of completeMs caused by Nagle holding data back */
  stallMs: number;
  /** when the client has the whole reply; null without a reply */
  responseMs: number | null;
  trace: Trace;
}

interface Scenario {
  writes: number[];
  nagle: boolean;
  nagleVariant: NagleVariant;
  delayedAckMs: number;
  rttMs: number;
  mss: number;
  bandwidthBps?: number;
  responseBytes: number;
}

function checkWrites(value: unknown, mss: number): number[] {
  let segments = 0;
  // holes included: a hole is refused as writes[i]
  const writes = listOf(
    "writes",
    value,
    say.writesArray(),
    (w, at, i) => {
      const bytes = checkNumber(at, w, { min: 1, integer: true });
      segments += Math.ceil(bytes / mss);
      if (segments > MAX_STREAM_SEGMENTS) {
        outOfRange("writes", say.tooManySegments({ max: MAX_STREAM_SEGMENTS, mss, i, bytes }), value);
      }
      return bytes;
    },
    { count: MAX_STREAM_SEGMENTS, tooMany: say.tooManyWrites({ max: MAX_STREAM_SEGMENTS }) },
  );
  if (writes.length === 0) outOfRange("writes", say.noWrites(), value);
  return writes;
}

function play(s: Scenario): { completeMs: number; responseMs: number | null; trace: Trace } {
  // the "rfc" stack: RFC 1122's delayed ACK, without Linux's quick-ACK start (see Assumptions)
  const net = new Network({
    stack: "rfc",
    rttMs: s.rttMs,
    bandwidthBps: s.bandwidthBps,
    mss: s.mss,
    nagle: s.nagle,
    nagleVariant: s.nagleVariant,
    delayedAckMs: s.delayedAckMs,
  });
  const conn = net.open({ atMs: 0, established: true });
  const total = s.writes.reduce((a, b) => a + b, 0);
  let completeMs = NaN;
  let responseMs: number | null = null;
  const lang = language(); // once, not once per write
  conn.server.read(total, (t) => {
    completeMs = t;
    if (s.responseBytes > 0) conn.server.write(s.responseBytes, tr(say.response.text, undefined, lang));
  });
  if (s.responseBytes > 0) conn.client.read(s.responseBytes, (t) => (responseMs = t));
  net.at(0, () => {
    for (const [i, w] of s.writes.entries()) conn.client.write(w, tr(say.write.text, { n: i + 1 }, lang));
  });
  net.run();
  return { completeMs, responseMs, trace: net.trace };
}

export function nagleDelayedAck(input: NagleDelayedAckInput): NagleDelayedAckResult {
  const o = optionsObject("input", input);
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const scenario: Scenario = {
    writes: checkWrites(o.writes, mss),
    nagle: optionalBoolean("nagle", o.nagle, true),
    nagleVariant: checkChoice("nagleVariant", o.nagleVariant ?? "classic", NAGLE_VARIANTS),
    delayedAckMs: checkDelayedAckMs(o.delayedAckMs ?? LINUX_DELAYED_ACK_MS),
    rttMs: checkNumber("rttMs", o.rttMs, { min: 0, max: MAX_QUANTITY }),
    mss,
    bandwidthBps: o.bandwidthBps === undefined ? undefined : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS }),
    responseBytes: optionalNumber("responseBytes", o.responseBytes, 0, { min: 0, integer: true, max: MAX_STREAM_SEGMENTS * mss }),
  };
  const run = play(scenario);
  const withoutNagle = scenario.nagle ? play({ ...scenario, nagle: false }).completeMs : run.completeMs;
  return { ...run, stallMs: run.completeMs - withoutNagle };
}
