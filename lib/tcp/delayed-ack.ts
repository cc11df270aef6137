/**
 * Delayed ACK on the receiver (RFC 1122 4.2.3.2, RFC 5681 4.2).
 *
 * A receiver need not acknowledge every segment at once: it may wait a little
 * in the hope that its own application answers, so the ACK rides on that data
 * for free. The rules the model follows:
 *  - an ACK goes out at once when a second full-sized segment is waiting to be
 *    acknowledged (RFC 5681 4.2 "at least every second full-sized segment");
 *  - otherwise a timer starts at the first unacknowledged segment and sends
 *    the ACK when it fires (Linux: 40 ms minimum; classic BSD/Windows: 200 ms;
 *    never more than 500 ms, RFC 1122);
 *  - any data the receiver sends in the meantime carries the ACK and cancels
 *    the timer (piggybacking);
 *  - a timer of 0 ms means delayed ACK is off: every segment is ACKed at once.
 *
 * Assumptions: segments arrive in order (no loss, so RFC 5681's "ACK an
 * out-of-order segment at once" never applies); Linux's quick-ACK mode at the
 * start of a connection and its byte-count variant are not modelled.
 *
 * `delayedAckDecision` is the one-segment rule the simulator uses;
 * `ackSchedule` plays it over a list of arrivals (no piggybacking).
 */
import { checkNumber, expected, invalidType, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY, listOf } from "../errors";
import { messages } from "../i18n";
import { DEFAULT_MSS, MAX_DELAYED_ACK_MS } from "./constants";
import type { TcpOptions } from "./options";

const say = messages("tcp/delayed-ack", {
  arrival: { en: "an object { tMs, bytes }", ko: "객체 { tMs, bytes }" },
  notBeforePrevious: { en: ">= the previous arrival ({last})", ko: "앞 세그먼트의 도착 시각({last}) 이상" },
});

export type AckDecision = "now" | "timer";

export interface DelayedAckInput extends Required<Pick<TcpOptions, "delayedAckMs">> {
  /** full-sized segments received and not yet ACKed, counting the one that just arrived */
  fullSizedUnacked: number;
}

/** Checks a delayed-ACK timer value: 0 (off) up to RFC 1122's 500 ms. */
export function checkDelayedAckMs(value: unknown, name = "delayedAckMs"): number {
  return checkNumber(name, value, { min: 0, max: MAX_DELAYED_ACK_MS });
}

/** What the receiver does right after a data segment arrives: ACK now, or (re)use the timer. */
export function delayedAckDecision(input: DelayedAckInput): AckDecision {
  const o = optionsObject("input", input);
  const full = checkNumber("fullSizedUnacked", o.fullSizedUnacked, { min: 0, integer: true });
  const timer = checkDelayedAckMs(o.delayedAckMs);
  if (timer === 0) return "now";
  return full >= 2 ? "now" : "timer";
}

export interface Arrival {
  /** when the segment arrives at the receiver */
  tMs: number;
  /** its payload bytes */
  bytes: number;
}

export interface AckOut {
  /** when the ACK leaves the receiver */
  tMs: number;
  /** how many segments it acknowledges */
  segments: number;
  reason: "second full segment" | "timer" | "immediate";
}

export interface AckScheduleInput extends Required<Pick<TcpOptions, "delayedAckMs">>, Pick<TcpOptions, "mss"> {
  /** arriving segments, in time order */
  arrivals: Arrival[];
}

function checkArrivals(value: unknown, mss: number): Arrival[] {
  let last = -Infinity;
  // holes included: a hole is refused as arrivals[i]
  return listOf("arrivals", value, expected.array(), (a, at) => {
    if (a === undefined) invalidType(at, say.arrival(), a);
    const o = optionsObject(at, a as Arrival);
    const tMs = checkNumber(`${at}.tMs`, o.tMs, { min: 0, max: MAX_QUANTITY });
    if (tMs < last) outOfRange(`${at}.tMs`, say.notBeforePrevious({ last }), tMs);
    last = tMs;
    return { tMs, bytes: checkNumber(`${at}.bytes`, o.bytes, { min: 1, max: mss, integer: true }) };
  });
}

/**
 * When the ACKs go out for a sequence of arriving segments, if the receiver
 * has nothing of its own to send. Every ACK is cumulative: it covers all the
 * segments since the previous ACK.
 */
export function ackSchedule(input: AckScheduleInput): AckOut[] {
  const o = optionsObject("input", input);
  const delayedAckMs = checkDelayedAckMs(o.delayedAckMs);
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const arrivals = checkArrivals(o.arrivals, mss);

  const acks: AckOut[] = [];
  let waiting = 0; // segments not yet ACKed
  let full = 0; // of which full-sized
  let timerAt = Infinity; // when the running timer fires
  const flushTimer = (beforeMs: number) => {
    // a timer due before (or at) the next arrival fires first
    if (waiting > 0 && timerAt <= beforeMs) {
      acks.push({ tMs: timerAt, segments: waiting, reason: "timer" });
      waiting = full = 0;
      timerAt = Infinity;
    }
  };
  for (const a of arrivals) {
    flushTimer(a.tMs);
    waiting += 1;
    if (a.bytes === mss) full += 1;
    if (delayedAckDecision({ fullSizedUnacked: full, delayedAckMs }) === "now") {
      acks.push({ tMs: a.tMs, segments: waiting, reason: delayedAckMs === 0 ? "immediate" : "second full segment" });
      waiting = full = 0;
      timerAt = Infinity;
    } else if (timerAt === Infinity) {
      timerAt = a.tMs + delayedAckMs;
    }
  }
  flushTimer(Infinity);
  return acks;
}
