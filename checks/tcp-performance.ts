/** Public cases for 4.2 TCP performance: they ship with the workbook and show in feedback. */
import type { Case, CheckCases } from "../lib/workbook/cases";

/** A full-sized segment (exactly one MSS) arriving at tMs (4.2b). */
const full = (tMs: number, mss = 1460) => ({ tMs, bytes: mss });
/** A small segment (an HTTP request, say) arriving at tMs (4.2b). */
const small = (tMs: number, bytes = 300) => ({ tMs, bytes });
/** Linux's default ephemeral port range (4.2g). */
const linux = { low: 32768, high: 60999 };

/** Slips of 4.2a: what a wrong share says about the sum behind it (never the answer). */
const a = {
  oneAndHalf: "the handshake was counted as one and a half round trips: the client may send as soon as the SYN-ACK arrives, " +
    "one round trip after its SYN, whether or not the request shares the third packet; the request's own trip is a part of its own.",
  noTrips: "the request's and the response's trips across the path are missing from the total.",
  wholeTrips: "each one-way trip was counted as a whole round trip: the request crosses the path once, and so does the response.",
  percent: "a fraction from 0 to 1 was asked for, not a percentage.",
  noDns: "the DNS lookup is part of the transaction's time too.",
};
/** Slips of 4.2b. */
const b = {
  restarted: "the timer was restarted by a later segment: it runs from the first unACKed segment, and later arrivals do not move it.",
  countsSmall: "a small segment was counted towards the immediate ACK: only full-sized segments count towards 'every second segment'.",
  sameInstant: "the timer and a segment met at the same instant, and the segment was handled first: the timer fires first, and the new segment starts a timer of its own.",
  lastTimer: "a timer still running after the last arrival fires too: its ACK is missing at the end.",
  mss1460: "'full-sized' means exactly one MSS of this connection (the mss argument), not 1460.",
};
/** Slips of 4.2c. */
const c = {
  short: "one round short: a round that sends even one segment is a whole round trip.",
  extra: "one round too many: count only the rounds that send something.",
  linear: "the window was kept at its initial size: in slow start it grows every round.",
};
/** Slips of 4.2d. */
const d = {
  noHeaders: "the headers were left out: a segment occupies its data plus 40 bytes of headers on the wire.",
  roundedUp: "rounded up: a part of a segment is not a segment, so only whole ones count.",
  zero: "a window is never less than one segment, however slow the link.",
  fixed1500: "1500 bytes is the wire size of a 1460-byte segment only: the wire size follows the MSS.",
};
/** Slips of 4.2e. */
const e = {
  holdsFull: "a full-sized segment was held: Nagle holds only segments smaller than the MSS, so bulk transfers are never slowed.",
  nodelay: "TCP_NODELAY turns Nagle off: with it nothing is held.",
  nothingInFlight: "with nothing unacknowledged a small segment goes at once: Nagle never delays the first write.",
  fixedMss: "'full-sized' is relative to the connection's MSS (the mss field), not 1460.",
};
/** Slips of 4.2f. */
const f = {
  timerOnly: "only the timer was counted: the held bytes also wait for the ACK to travel back, and then travel to the server themselves.",
  halfRtt: "half a round trip short: the ACK travels back to the client, and then the held bytes travel to the server.",
  noTimerButRtt: "with delayed ACK off the held bytes still wait for the first segment's ACK to make its round trip.",
  immediateAck: "two full-sized segments reached the receiver together: it ACKs at once, without waiting for its timer.",
  tail: "one write longer than the MSS still ends in a small tail segment, and classic Nagle holds that tail behind the unACKed segment.",
  writes: "Nagle looks at segments, not at writes: here the bytes after the first segment fill full segments and leave no small tail.",
};
/** Slips of 4.2g. */
const g = {
  inclusive: "the range is inclusive: both of its ends are usable ports.",
  atCeiling: "exactly at the ceiling, ports come back out of TIME_WAIT as fast as they are used: they never run out.",
  drain: "no port comes back before its TIME_WAIT ends, and above the ceiling every port is taken before the first one comes back: nothing returns in time to slow the drain.",
  undefinedNotNull: "return null, not undefined, when the ports never run out.",
  zero: "0 would mean the ports are gone at once; when they never run out the answer is null.",
};

/** 4.2k's choices: which change removes the Nagle stall in the lab. */
type NagleFix = "TCP_NODELAY" | "one write" | "either" | "neither";
const NAGLE_FIXES: NagleFix[] = ["TCP_NODELAY", "one write", "either", "neither"];
/** 4.2l's choices: which side holds the TIME_WAIT entries. */
type Holder = "the side that closes first" | "the side that closes second" | "always the client" | "always the server" | "both sides";
const round2 = (x: number) => Math.round(x * 100) / 100;

const cases: CheckCases = {
  "4.2a": {
    why: "A new connection pays one round trip of handshake before the request can leave; how much of the whole that is " +
      "depends on everything else the transaction costs: the DNS lookup, the request's and the response's trips, the server's work.",
    tolerance: 1e-9,
    cases: [
      { args: [{ rttMs: 100, serverMs: 20 }], expect: 100 / 220, why: "the notebook's example: a 100 ms path and a server that needs 20 ms.",
        slips: [{ got: 150 / 220, say: a.oneAndHalf }, { got: 100 / 120, say: a.noTrips }, { got: 100 / 320, say: a.wholeTrips }, { got: 100 * 100 / 220, say: a.percent }] },
      { args: [{ rttMs: 100 }], expect: 0.5, why: "with an instant server a small transaction is two round trips, one of them the handshake.",
        slips: [{ got: 0.75, say: a.oneAndHalf }, { got: 1, say: a.noTrips }, { got: 1 / 3, say: a.wholeTrips }, { got: 50, say: a.percent }] },
      { args: [{ rttMs: 100, dnsMs: 50, serverMs: 20 }], expect: 100 / 270, why: "an uncached DNS lookup is part of the total too, so it shrinks the handshake's share.",
        slips: [{ got: 100 / 220, say: a.noDns }, { got: 150 / 270, say: a.oneAndHalf }, { got: 100 / 170, say: a.noTrips }, { got: 100 / 370, say: a.wholeTrips }] },
      { args: [{ rttMs: 300, dnsMs: 30, serverMs: 10 }], expect: 300 / 640,
        why: "a 300 ms path (across the Pacific on a mobile network; a geostationary satellite hop is about 600 ms): the longer the path, the more the handshake weighs.",
        slips: [{ got: 300 / 610, say: a.noDns }, { got: 450 / 640, say: a.oneAndHalf }, { got: 300 / 340, say: a.noTrips }, { got: 300 / 940, say: a.wholeTrips }] },
      { args: [{ rttMs: 20, serverMs: 200 }], expect: 20 / 240, why: "a slow server makes the handshake a small part: the share depends on what else the transaction costs.",
        slips: [{ got: 30 / 240, say: a.oneAndHalf }, { got: 20 / 220, say: a.noTrips }, { got: 20 / 260, say: a.wholeTrips }] },
      { args: [{ rttMs: 0, serverMs: 5 }], expect: 0, why: "with no round-trip time the handshake costs nothing." },
      { args: [{ rttMs: 0, dnsMs: 0, serverMs: 0 }], expect: 0, why: "a transaction that takes no time has no share to divide: the answer is 0, not NaN." },
    ],
  },
  "4.2b": {
    why: "Each ACK the receiver holds back is time the sender may spend waiting (Nagle, slow start's growth).",
    cases: [
      { args: [[full(0), full(1), small(2)], 40], expect: [1, 42], why: "the second full-sized segment is ACKed at once; the small one after it waits for the timer.",
        slips: [{ got: [1], say: b.lastTimer }] },
      { args: [[small(0)], 40], expect: [40], why: "a lone small segment (an HTTP request) waits the whole timer: Linux's 40 ms.", slips: [{ got: [], say: b.lastTimer }] },
      { args: [[small(0)], 200], expect: [200], why: "the classic BSD/Windows timer is 200 ms: the same rule, five times the wait." },
      { args: [[full(0), full(0), full(0)], 40], expect: [0, 40], why: "a burst of three full segments: the 2nd triggers an ACK, the 3rd starts a new timer.",
        slips: [{ got: [0], say: b.lastTimer }] },
      { args: [[full(0), full(0), full(0), full(0)], 40], expect: [0, 0], why: "four full segments: two immediate ACKs, no timer at all." },
      { args: [[small(0), full(10), full(20)], 40], expect: [20],
        why: "only full-sized segments count towards 'every second segment': the small one does not, and the ACK at 20 covers all three.",
        slips: [{ got: [10, 60], say: b.countsSmall }] },
      { args: [[small(0), small(10), small(100)], 40], expect: [40, 140],
        why: "the timer runs from the first unACKed segment (fires at 40, before the 3rd arrives), not from the last.",
        slips: [{ got: [50, 140], say: b.restarted }, { got: [10, 140], say: b.countsSmall }, { got: [40], say: b.lastTimer }] },
      { args: [[small(0), small(40)], 40], expect: [40, 80], why: "a timer due at the moment a segment arrives fires first; the arriving segment starts a new timer.",
        slips: [{ got: [40], say: b.sameInstant }] },
      { args: [[small(0), full(5), small(10)], 0], expect: [0, 5, 10], why: "with delayed ACK off (0 ms) every segment is ACKed the moment it arrives." },
      { args: [[full(0, 536), full(3, 536), small(4, 500)], 40, 536], expect: [3, 44], why: "'full-sized' means exactly one MSS, whatever the MSS is (536 here).",
        slips: [{ got: [40], say: b.mss1460 }, { got: [3], say: b.lastTimer }] },
      { args: [[small(0, 500)], 40, 536], expect: [40], why: "with MSS 536, a 500-byte segment is small and waits for the timer." },
      { args: [[], 40], expect: [], why: "no segment, no ACK." },
    ],
  },
  "4.2c": {
    why: "Every round of slow start costs a round trip, so the count of rounds is the latency a new connection pays for a response; " +
      "because the window grows every round, a response twice as large costs about one round more, not twice as many.",
    cases: [
      { args: [0, 10, 1460], expect: 0, why: "nothing to send takes no round.", slips: [{ got: 1, say: "nothing to send takes no round trip at all." }] },
      { args: [1, 10, 1460], expect: 1, why: "one byte is one segment, one round.", slips: [{ got: 0, say: c.short }, { got: -3, say: "a negative count: with fewer segments than the initial window, one round sends them all." }] },
      { args: [14_600, 10, 1460], expect: 1, why: "exactly the initial window (10 full segments) still fits in one round.", slips: [{ got: 2, say: c.extra }] },
      { args: [14_601, 10, 1460], expect: 2, why: "one byte more than the initial window costs a whole extra round trip.", slips: [{ got: 1, say: c.short }] },
      { args: [100_000, 10, 1460], expect: 3, why: "the notebook's example: 69 segments go as 10 + 20 + 40.",
        slips: [{ got: 2, say: c.short }, { got: 4, say: c.extra }, { got: 7, say: c.linear }] },
      { args: [70 * 1460, 10, 1460], expect: 3, why: "70 segments = 10 + 20 + 40 exactly: three rounds, no fourth.", slips: [{ got: 4, say: c.extra }, { got: 7, say: c.linear }] },
      { args: [71 * 1460, 10, 1460], expect: 4, why: "71 segments need a fourth round for the very last one.", slips: [{ got: 3, say: c.short }] },
      { args: [1_000_000, 10, 1460], expect: 7, why: "a 1 MB response on a new connection.", slips: [{ got: 6, say: c.short }, { got: 69, say: c.linear }] },
      { args: [1_000_000, 1, 1460], expect: 10, why: "the book's era started with one segment (RFC 2001): many more rounds for the same bytes.",
        slips: [{ got: 9, say: c.short }, { got: 685, say: c.linear }] },
      { args: [50_000, 3, 1460], expect: 4, why: "RFC 3390's initial window is 3 segments for MSS 1460." },
      { args: [50_000, 4, 536], expect: 5, why: "with a small MSS there are more segments to send: MSS is part of the count." },
      { args: [100_000_000, 10, 1460], expect: 13, why: "100 MB: the closed form must still be exact for large numbers." },
    ],
  },
  "4.2d": {
    why: "Slow start only matters until cwnd reaches the bandwidth-delay product; after that the link, not the window, sets the speed.",
    cases: [
      { args: [10e6, 100, 1460], expect: 83, why: "10 Mbit/s across a 100 ms round trip: whole segments, headers included.",
        slips: [{ got: 85, say: d.noHeaders }, { got: 84, say: d.roundedUp }] },
      { args: [100e6, 20, 1460], expect: 166, why: "100 Mbit/s and 20 ms: round down to whole segments.", slips: [{ got: 171, say: d.noHeaders }, { got: 167, say: d.roundedUp }] },
      { args: [1e9, 100, 1460], expect: 8333, why: "a fast long path needs a huge window before more window stops helping.",
        slips: [{ got: 8561, say: d.noHeaders }, { got: 8334, say: d.roundedUp }] },
      { args: [1e9, 0.1, 1460], expect: 8, why: "on a LAN the pipe holds 8 segments: the initial window of 10 already fills it.", slips: [{ got: 9, say: d.roundedUp }] },
      { args: [56e3, 100, 1460], expect: 1, why: "a modem's pipe holds less than one segment; a window of one is the least TCP can use.", slips: [{ got: 0, say: d.zero }] },
      { args: [10e6, 100, 536], expect: 217, why: "with MSS 536 each packet carries less, so more of them fit.",
        slips: [{ got: 83, say: d.fixed1500 }, { got: 233, say: d.noHeaders }, { got: 218, say: d.roundedUp }] },
    ],
  },
  "4.2e": {
    why: "Holding small segments saves headers on slow links, but adds a round trip (or a delayed-ACK wait) to HTTP requests.",
    cases: [
      { args: [{ segmentBytes: 100, unackedBytes: 64 }], expect: true, why: "a small segment behind unACKed data waits: this is the write-write stall's first half." },
      { args: [{ segmentBytes: 100, unackedBytes: 0 }], expect: false, why: "with nothing in flight a small segment goes at once: Nagle never delays the first write.",
        slips: [{ got: true, say: e.nothingInFlight }] },
      { args: [{ segmentBytes: 1460, unackedBytes: 5000 }], expect: false, why: "a full-sized segment is never held: bulk transfers are not slowed by Nagle.",
        slips: [{ got: true, say: e.holdsFull }] },
      { args: [{ segmentBytes: 1459, unackedBytes: 1 }], expect: true, why: "one byte short of the MSS is still small, and one unACKed byte is enough to hold it." },
      { args: [{ segmentBytes: 100, unackedBytes: 64, nodelay: true }], expect: false, why: "TCP_NODELAY turns Nagle off: nothing is held.", slips: [{ got: true, say: e.nodelay }] },
      { args: [{ segmentBytes: 1460, unackedBytes: 0, nodelay: false }], expect: false, why: "a full segment with nothing in flight: obviously sent." },
      { args: [{ segmentBytes: 536, unackedBytes: 100, mss: 536 }], expect: false, why: "'full-sized' is relative to the connection's MSS (536 here).",
        slips: [{ got: true, say: `${e.fixedMss} (Or a full-sized segment was held.)` }] },
      { args: [{ segmentBytes: 500, unackedBytes: 100, mss: 536 }], expect: true, why: "with MSS 536, 500 bytes are a small segment." },
      { args: [{ segmentBytes: 2000, unackedBytes: 0 }], throws: "RangeError",
        why: "no segment carries more than one MSS (1460 by default); a bigger one means the caller cut the stream wrongly." },
      { args: [{ segmentBytes: 600, unackedBytes: 0, mss: 536 }], throws: "RangeError", why: "the limit is the connection's MSS, not 1460." },
    ],
  },
  "4.2f": {
    why: "This stall is per request on a persistent connection; it is why HTTP servers and clients set TCP_NODELAY or write a request in one piece.",
    tolerance: 1e-6,
    cases: [
      { args: [{ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }], expect: 140, why: "headers then body in two writes: the body waits for the first write's ACK.",
        slips: [{ got: 40, say: f.timerOnly }, { got: 90, say: f.halfRtt }] },
      { args: [{ writes: [64, 64], rttMs: 0.05, delayedAckMs: 40 }], expect: 40.05,
        why: "on loopback the round trip is nothing, and the stall is the 40 ms timer: what the Nagle lab measures.", slips: [{ got: 40.025, say: f.halfRtt }] },
      { args: [{ writes: [64, 64], rttMs: 100, delayedAckMs: 0 }], expect: 100, why: "with delayed ACK off the stall shrinks, but does not vanish.",
        slips: [{ got: 0, say: f.noTimerButRtt }, { got: 50, say: f.halfRtt }] },
      { args: [{ writes: [128], rttMs: 100, delayedAckMs: 40 }], expect: 0, why: "one write of the whole request: nothing is held, no stall." },
      { args: [{ writes: [100, 100, 100], rttMs: 30, delayedAckMs: 200 }], expect: 230,
        why: "all writes after the first wait together, behind the same ACK; here with the classic 200 ms timer.", slips: [{ got: 200, say: f.timerOnly }, { got: 215, say: f.halfRtt }] },
      { args: [{ writes: [100, 1460], rttMs: 100, delayedAckMs: 40 }], expect: 0,
        why: "the bytes after the first segment make exactly one full segment: no small tail, nothing held.", slips: [{ got: 140, say: f.writes }] },
      { args: [{ writes: [1560], rttMs: 100, delayedAckMs: 40 }], expect: 140,
        why: "one write, but 100 bytes longer than the MSS: the small tail is held behind one full segment, which the receiver ACKs only on its timer.",
        slips: [{ got: 0, say: f.tail }, { got: 40, say: f.timerOnly }, { got: 90, say: f.halfRtt }] },
      { args: [{ writes: [3000], rttMs: 100, delayedAckMs: 40 }], expect: 100, why: "two full segments make the receiver ACK at once, so the tail waits only for the round trip.",
        slips: [{ got: 140, say: f.immediateAck }, { got: 0, say: f.tail }] },
      { args: [{ writes: [100, 5000], rttMs: 100, delayedAckMs: 40 }], expect: 140,
        why: "three full segments after a small one: the third is ACKed on the timer, so the tail waits for it too.", slips: [{ got: 40, say: f.timerOnly }] },
      { args: [{ writes: [2920], rttMs: 100, delayedAckMs: 40 }], expect: 0, why: "exactly two full segments: no tail to hold." },
      { args: [{ writes: [400, 400], rttMs: 50, delayedAckMs: 40, mss: 536 }], expect: 90, why: "with MSS 536 the second 400-byte write is still a small tail." },
      { args: [{ writes: [600, 600], rttMs: 50, delayedAckMs: 40, mss: 536 }], expect: 50,
        why: "with MSS 536, 1200 bytes go as two full segments and a tail: an immediate ACK, no timer.", slips: [{ got: 90, say: f.immediateAck }] },
    ],
  },
  "4.2g": {
    why: "A load test that opens a new connection per request hits this wall and looks like a slow server; persistent connections avoid it.",
    tolerance: 1e-9,
    cases: [
      { args: [linux, 60, 1000], expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28.232 },
        why: "Linux's default ports and 60 s TIME_WAIT: about 470 connections/s; at 1000/s they are gone in under half a minute.",
        slips: [{ got: { ceiling: 28_231 / 60, exhaustedAfterSeconds: 28.231 }, say: g.inclusive }, { got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28_232 / (1000 - 28_232 / 60) }, say: g.drain }] },
      { args: [linux, 60, 100], expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: null },
        why: "100 connections/s is under the ceiling: ports come back out of TIME_WAIT as fast as they are used.",
        slips: [{ got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: undefined }, say: g.undefinedNotNull }, { got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 0 }, say: g.zero }] },
      { args: [{ low: 40001, high: 46000 }, 60, 100], expect: { ceiling: 100, exhaustedAfterSeconds: null },
        why: "6000 ports and a 60 s TIME_WAIT at 100 connections/s: exactly at the ceiling.",
        slips: [{ got: { ceiling: 100, exhaustedAfterSeconds: 60 }, say: g.atCeiling }, { got: { ceiling: 5999 / 60, exhaustedAfterSeconds: 59.99 }, say: g.inclusive }] },
      { args: [{ low: 49152, high: 65535 }, 60, 1000], expect: { ceiling: 16_384 / 60, exhaustedAfterSeconds: 16.384 },
        why: "IANA's range (RFC 6335): both ends of the range count.", slips: [{ got: { ceiling: 16_383 / 60, exhaustedAfterSeconds: 16.383 }, say: g.inclusive }] },
      { args: [linux, 240, 200], expect: { ceiling: 28_232 / 240, exhaustedAfterSeconds: 141.16 },
        why: "with RFC 9293's 2MSL of 240 s the ceiling drops to about 118 connections/s." },
      { args: [{ low: 50000, high: 50000 }, 60, 1], expect: { ceiling: 1 / 60, exhaustedAfterSeconds: 1 }, why: "a single port: one connection a minute.",
        slips: [{ got: { ceiling: 0, exhaustedAfterSeconds: 0 }, say: g.inclusive }] },
      { args: [{ low: 1000, high: 1999 }, 30, 50], expect: { ceiling: 1000 / 30, exhaustedAfterSeconds: 20 }, why: "1000 ports, 30 s TIME_WAIT.",
        slips: [{ got: { ceiling: 999 / 30, exhaustedAfterSeconds: 19.98 }, say: g.inclusive }, { got: { ceiling: 1000 / 30, exhaustedAfterSeconds: 60 }, say: g.drain }] },
    ],
  },
  "4.2h": {
    why: "RFC 5681 3.1 lets each ACK grow cwnd by at most one segment in slow start (cwnd += min(N, SMSS)). A receiver with delayed ACKs " +
      "sends one ACK per two full-sized segments (RFC 1122 4.2.3.2, RFC 5681 4.2), so a round of n segments comes back as about n / 2 ACKs " +
      "and the window grows by about half of n: about 1.5x per round trip, not 2x. Doubling needs an ACK per segment, or a sender that counts " +
      "every segment an ACK covers (RFC 3465's byte counting with L = 2*SMSS, or Linux's tcp_slow_start).",
    tolerance: 2,
    cases: [
      { args: [], expect: 35, label: "predictDelayedAckGrowth()", why: "the model's count, within 2 segments: rounding each round's growth either way passes.",
        slips: [
          { got: 80, say: "doubling: that needs an ACK for every segment (or byte counting); under RFC 5681's rule an ACK that covers two segments adds one." },
          { got: 40, say: "doubling, and one round short: each delayed ACK covers two segments and adds one." },
          { got: 160, say: "doubling, and one round too many: each delayed ACK covers two segments and adds one." },
          { got: 23, say: "one round short: the first round is the one that sends the initial window." },
          { got: 53, say: "one round too many: the first round is the one that sends the initial window." },
          { got: 13, say: "one segment more per round trip is congestion avoidance, after slow start ends; in slow start every ACK adds a segment." },
          { got: 27, say: "each round added half of the initial window: the growth compounds, since every round adds about half of what that round sent." },
        ] },
    ],
  },
  "4.2i": {
    why: "RFC 5681 4.1: a sender that has sent nothing for longer than one retransmission timeout (RTO) no longer trusts its window, and " +
      "sets cwnd to the restart window, min(IW, cwnd), before it sends again; RFC 6298 keeps the RTO at 1 s or more. A pause shorter " +
      "than the RTO changes nothing. Linux restarts too (net.ipv4.tcp_slow_start_after_idle = 1 by default), with an RTO of about " +
      "RTT + 200 ms, and halves cwnd once per RTO of idle time instead of dropping it at once.",
    tolerance: 1,
    cases: [
      { args: [], expect: { halfSecond: 215.48, twoSeconds: 10 }, label: "predictCwndAfterIdle()", why: "the simulator's windows, within one segment.",
        slips: [
          { got: { halfSecond: 215.48, twoSeconds: 215.48 }, say: "no restart at all: that is a sender with tcp_slow_start_after_idle = 0. RFC 5681 restarts after an idle time longer than the RTO." },
          { got: { halfSecond: 10, twoSeconds: 10 }, say: "a pause shorter than the RTO is not idle enough: only one longer than the RTO (1 s here) restarts the window." },
          { got: { halfSecond: 107, twoSeconds: 10 }, say: "halving after half a second is Linux's rule with its RTO of about 300 ms; with RFC 6298's 1 s RTO half a second is not idle enough." },
          { got: { halfSecond: 215.48, twoSeconds: 107 }, say: "halving is Linux's tcp_cwnd_restart; RFC 5681 4.1 sets the restart window at once." },
          { got: { halfSecond: 215.48, twoSeconds: 1 }, say: "one segment is the loss window after a retransmission timeout (RFC 5681 3.1); idle is not loss, and the restart window is larger." },
          { got: { halfSecond: 1, twoSeconds: 1 }, say: "one segment is the loss window after a retransmission timeout (RFC 5681 3.1); idle is not loss, and a short pause is not even idle." },
        ] },
    ],
  },
  "4.2j": {
    why: "The end that sends the first FIN (the active closer) passes through FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT, and waits 2MSL after " +
      "sending the last ACK (RFC 9293 3.6): if that ACK is lost the peer's FIN comes again and must find someone to answer it, and old " +
      "segments must die out before the same four numbers name a new connection. The other end (CLOSE-WAIT, LAST-ACK) forgets the " +
      "connection once its own FIN is ACKed. A server that closes every connection first therefore keeps one TIME_WAIT entry per closed " +
      "connection: 60,000 of them at 1000 connections a second with Linux's 60 s. That is why it helps when the server does not close " +
      "first: when each client closes its own connections, each client holds only its own few entries.",
    cases: [
      { args: [], expect: "server", label: "predictTimeWaitHolder()",
        slips: [
          { got: "client", say: "the client is not special: TIME_WAIT belongs to whichever end sends the first FIN. Which end sends it here?" },
          { got: "both", say: "only one end waits: the end that receives the first FIN is done once its own FIN is ACKed." },
          { got: "neither", say: "TIME_WAIT is not optional: one end keeps every closed connection for 2MSL (60 s on Linux)." },
        ] },
    ],
  },
  "4.2k": {
    why: "With Nagle on, the second small write waits in the client's kernel until the first is ACKed (RFC 896, RFC 1122 4.2.3.4), and the " +
      "server, which has nothing to answer before the request is complete, sends that ACK only when its delayed-ACK timer fires (Linux: " +
      "40 ms at least; RFC 1122 4.2.3.2 allows up to 500 ms). On loopback a round trip takes microseconds, so the stall is the timer. " +
      "TCP_NODELAY sends the second write at once; one write of the whole request leaves no small segment behind unACKed data. " +
      "Graded against your own measurement: the stall within 40 % of the measured one (at least 10 ms).",
    cases: [],
    lab: "nagle",
    fromLab: (m: any): Case[] | string => {
      if (m?.consistency?.inconclusive) return `your lab run was inconclusive: ${m.consistency.inconclusive}`;
      const t = m?.measured;
      if (m?.lab !== "nagle" || !t || ![t.nagleMs, t.noDelayMs, t.singleWriteMs].every((x) => typeof x === "number")) {
        return "the saved Nagle lab result is incomplete: run npm run workbook -- lab nagle again.";
      }
      const measured = t.nagleMs - t.noDelayMs;
      if (measured < 5) {
        return `your measurement shows no Nagle stall (Nagle on: ${t.nagleMs} ms, TCP_NODELAY: ${t.noDelayMs} ms per request), so there is nothing to predict on this machine: not counted.`;
      }
      const removes = (ms: number) => ms < t.nagleMs / 4;
      const removedBy: NagleFix = removes(t.noDelayMs) ? (removes(t.singleWriteMs) ? "either" : "TCP_NODELAY") : removes(t.singleWriteMs) ? "one write" : "neither";
      const stallMs = Math.round(measured * 10) / 10;
      const tolerance = Math.max(10, 0.4 * stallMs);
      const slips = NAGLE_FIXES.filter((x) => x !== removedBy).map((x) => ({ got: { stallMs, removedBy: x },
        say: "the stall is right, the conclusion is not: compare rows 2 (TCP_NODELAY) and 3 (one write) of your lab table with row 1." }));
      if (Math.abs(stallMs - 200) > tolerance) {
        for (const x of NAGLE_FIXES) slips.push({ got: { stallMs: 200, removedBy: x }, say: "200 ms is the classic BSD / Windows delayed-ACK timer; your own table's Nagle row shows what this machine's timer does." });
      }
      if (stallMs > tolerance) {
        for (const x of NAGLE_FIXES) slips.push({ got: { stallMs: 0, removedBy: x }, say: "loopback's round trip takes microseconds, but this stall is not a round trip: the held write waits for the receiver's delayed-ACK timer." });
      }
      return [{ args: [], expect: { stallMs, removedBy }, tolerance, label: "predictNagleLab()",
        why: `your measurement: ${t.nagleMs} ms per request with Nagle on and two writes, ${t.noDelayMs} ms with TCP_NODELAY, ${t.singleWriteMs} ms with one write.`,
        slips }];
    },
  },
  "4.2l": {
    why: "The end that sends the first FIN goes through TIME-WAIT and keeps the connection's four numbers for 2MSL (RFC 9293 3.6; Linux " +
      "holds it 60 s); the other end is done once its own FIN is ACKed. So every closed connection leaves one entry, on the side that " +
      "closed first, whichever host that is. Graded against your own counts in /proc/net/tcp: entries per connection within 0.2.",
    cases: [],
    lab: "time-wait",
    fromLab: (m: any): Case[] | string => {
      if (m?.consistency?.inconclusive) return `your lab run was inconclusive: ${m.consistency.inconclusive}`;
      if (m?.lab !== "time-wait") return "the saved TIME_WAIT lab result is not readable: run npm run workbook -- lab time-wait again.";
      if (!m.available || !m.measured) return `the TIME_WAIT lab cannot count TIME_WAIT entries here (${m.reason ?? "not available on this platform"}), so this exercise is not counted.`;
      const { clientCloses: cc, serverCloses: sc } = m.measured;
      const share = (run: any, side: string) => run.timeWait[side] / run.connections;
      const [ccClient, ccServer, scClient, scServer] = [share(cc, "clientSide"), share(cc, "serverSide"), share(sc, "clientSide"), share(sc, "serverSide")];
      const held = (x: number) => x >= 0.5;
      const pattern = [ccClient, ccServer, scClient, scServer].map(held).join(" ");
      const holders: Record<string, Holder> = {
        "true false false true": "the side that closes first",
        "false true true false": "the side that closes second",
        "true false true false": "always the client",
        "false true false true": "always the server",
        "true true true true": "both sides",
      };
      const heldBy = holders[pattern];
      if (!heldBy) {
        return `your counts show no clear pattern (client closes first: ${cc.timeWait.clientSide} at the client, ${cc.timeWait.serverSide} at the server; ` +
          `server closes first: ${sc.timeWait.clientSide} at the client, ${sc.timeWait.serverSide} at the server, of ${cc.connections} connections each), so this exercise is not counted.`;
      }
      const perConnection = round2((ccClient + ccServer + scClient + scServer) / 2);
      const wrong = (h: Holder, say: string) => (h === heldBy ? [] : [{ got: { perConnection: 1, heldBy: h }, say }]);
      const slips = [
        ...(Math.abs(perConnection - 2) > 0.2 ? [{ got: { perConnection: 2, heldBy: "both sides" }, say: "only one end waits: the end that receives the first FIN is done once its own FIN is ACKed." }] : []),
        ...wrong("always the client", "in the lab's second run the server sent the first FIN: look at where that run's entries are."),
        ...wrong("always the server", "in the lab's first run the client sent the first FIN: look at where that run's entries are."),
        ...wrong("the side that closes second", "the end that answers a FIN passes through CLOSE-WAIT and LAST-ACK and forgets the connection once its own FIN is ACKed."),
        ...(perConnection > 0.2 ? [{ got: { perConnection: 0, heldBy }, say: "every connection the lab closed left an entry behind, on one of the two sides." }] : []),
      ];
      return [{ args: [], expect: { perConnection, heldBy }, tolerance: 0.2, label: "predictTimeWaitLab()",
        why: `your measurement: client closes first: ${cc.timeWait.clientSide} entries at the client, ${cc.timeWait.serverSide} at the server; ` +
          `server closes first: ${sc.timeWait.clientSide} at the client, ${sc.timeWait.serverSide} at the server (${cc.connections} connections per run).`,
        slips }];
    },
  },
};
export default cases;
