/** Hidden cases for 4.2 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

/** A full-sized segment (exactly one MSS) arriving at tMs (4.2b). */
const full = (tMs: number, mss = 1460) => ({ tMs, bytes: mss });
/** A small segment arriving at tMs (4.2b). */
const small = (tMs: number, bytes = 300) => ({ tMs, bytes });
/** Linux's default ephemeral port range (4.2g). */
const linux = { low: 32768, high: 60999 };

const cases: HiddenCheckCases = {
  "4.2a": {
    cases: [
      { args: [{ rttMs: 100, dnsMs: 100 }], expect: 100 / 300, why: "a DNS lookup given and the server time left out (it defaults to 0).",
        slips: [{ got: 0.5, say: "the handshake counted as one and a half round trips, the request's and response's trips left out, or the DNS lookup left out of the total?" },
          { got: 0.25, say: "each one-way trip was counted as a whole round trip: the request crosses the path once, and so does the response." }] },
      { args: [{ rttMs: 0 }], expect: 0, why: "a zero-time transaction with every option left out." },
      { args: [{ rttMs: 40, dnsMs: 0, serverMs: 0 }], expect: 0.5, why: "options given explicitly as 0.",
        slips: [{ got: 50, say: "a fraction from 0 to 1 was asked for, not a percentage." }] },
      { args: [{ rttMs: 1, dnsMs: 1000, serverMs: 999 }], expect: 1 / 2001, why: "a tiny RTT next to slow DNS and a slow server." },
      { args: [{ rttMs: 0, dnsMs: 30 }], expect: 0, why: "no round-trip time, but the transaction still takes time (DNS)." },
      { args: [{ rttMs: 0.5, serverMs: 0.5 }], expect: 1 / 3, why: "fractional milliseconds." },
    ],
  },
  "4.2b": {
    cases: [
      { args: [[full(0), full(40)], 40], expect: [40, 80], why: "a full segment arriving at the very instant the timer is due.",
        slips: [{ got: [40], say: "the timer and a segment met at the same instant, and the segment was handled first: the timer fires first." }] },
      { args: [[full(0), small(50), full(60)], 40], expect: [40, 90], why: "the count of full-sized segments after a timer ACK.",
        slips: [{ got: [40, 100], say: "the timer was restarted by a later segment: it runs from the first unACKed segment." },
          { got: [40, 60], say: "a small segment was counted towards the immediate ACK: only full-sized segments count." }] },
      { args: [[full(0), full(0)], 0], expect: [0, 0], why: "delayed ACK off with full-sized segments." },
      { args: [[small(0), small(30), small(60)], 40], expect: [40, 100], why: "a later arrival must not restart a running timer.",
        slips: [{ got: [100], say: "the timer was restarted by each arrival: it runs from the first unACKed segment." }] },
      { args: [[full(0, 1448), full(1, 1448)], 40, 1448], expect: [1], why: "full-sized at Linux's 1448-byte MSS (timestamps on).",
        slips: [{ got: [40], say: "'full-sized' means exactly one MSS of this connection (the mss argument), not 1460." }] },
      { args: [[full(0), full(1), full(2), full(3), full(4)], 40], expect: [1, 3, 44], why: "a long run of full segments: the count restarts after each ACK." },
    ],
  },
  "4.2c": {
    cases: [
      { args: [14_600], expect: 1, why: "the default initial window and MSS." },
      { args: [14_601], expect: 2, why: "the default initial window and MSS, one byte over a round boundary.",
        slips: [{ got: 1, say: "one round short: a round that sends even one segment is a whole round trip." }] },
      { args: [7 * 1460, 1, 1460], expect: 3, why: "an initial window of one, exactly at a round boundary." },
      { args: [7 * 1460 + 1, 1, 1460], expect: 4, why: "an initial window of one, one byte over a round boundary." },
      { args: [15_309_195_000, 10, 1460], expect: 20, why: "a very large response exactly at a round boundary: the closed form must be exact." },
      { args: [15_309_195_001, 10, 1460], expect: 21, why: "a very large response one byte over a round boundary." },
    ],
  },
  "4.2d": {
    cases: [
      { args: [10e6, 100], expect: 83, why: "the default MSS is 1460." },
      { args: [1e9, 0], expect: 1, why: "a round-trip time of 0: the least window still applies.",
        slips: [{ got: 0, say: "a window is never less than one segment." }] },
      { args: [24e3, 1000], expect: 2, why: "bytes in flight an exact multiple of the wire size of a segment." },
      { args: [12e6, 100], expect: 100, why: "an exact multiple again, on a faster link." },
      { args: [1e9, 10, 1448], expect: 840, why: "Linux's 1448-byte MSS: the headers are counted on top of it.",
        slips: [{ got: 833, say: "1500 bytes is the wire size of a 1460-byte segment only: the wire size follows the MSS." },
          { got: 863, say: "the headers were left out: a segment occupies its data plus 40 bytes of headers on the wire." }] },
      { args: [10e9, 200], expect: 166_666, why: "10 Gbit/s on a long path: large numbers, rounded the right way." },
    ],
  },
  "4.2e": {
    cases: [
      { args: [{ segmentBytes: 2000, unackedBytes: 0, nodelay: true }], throws: "RangeError", why: "an oversize segment with TCP_NODELAY on: the size rule comes first." },
      { args: [{ segmentBytes: 600, unackedBytes: 50, mss: 536, nodelay: true }], throws: "RangeError", why: "an oversize segment for a small MSS, with TCP_NODELAY on." },
      { args: [{ segmentBytes: 1461, unackedBytes: 100 }], throws: "RangeError", why: "one byte over the default MSS." },
      { args: [{ segmentBytes: 1460, unackedBytes: 100, mss: 1500 }], expect: true, why: "1460 bytes on a connection whose MSS is larger than 1460.",
        slips: [{ got: false, say: "'full-sized' is relative to the connection's MSS (the mss field), not 1460." }] },
      { args: [{ segmentBytes: 1, unackedBytes: 1, nodelay: false }], expect: true, why: "the smallest segment and the least unACKed data, nodelay given as false." },
      { args: [{ segmentBytes: 1448, unackedBytes: 1, mss: 1448 }], expect: false, why: "a full segment at Linux's 1448-byte MSS.",
        slips: [{ got: true, say: "a full-sized segment was held: Nagle holds only segments smaller than the MSS (the mss field)." }] },
    ],
  },
  "4.2f": {
    cases: [
      { args: [{ writes: [2000], rttMs: 100, delayedAckMs: 40 }], expect: 140, why: "one write a little over one MSS." },
      { args: [{ writes: [1460, 1460, 100], rttMs: 100, delayedAckMs: 40 }], expect: 100, why: "full-sized writes followed by a small one.",
        slips: [{ got: 140, say: "two full-sized segments reached the receiver together: it ACKs at once, without waiting for its timer." }] },
      { args: [{ writes: [10, 20, 30, 40], rttMs: 60, delayedAckMs: 200 }], expect: 260, why: "many small writes: every write after the first counts." },
      { args: [{ writes: [100, 4380], rttMs: 100, delayedAckMs: 40 }], expect: 0, why: "a small first write, then bytes that fill whole segments exactly.",
        slips: [{ got: 140, say: "Nagle looks at segments, not at writes: bytes that fill full segments leave no small tail to hold." }] },
      { args: [{ writes: [1000, 2000], rttMs: 100, delayedAckMs: 40 }], expect: 140, why: "a small first write, then a write larger than one MSS." },
      { args: [{ writes: [5940], rttMs: 20, delayedAckMs: 40 }], expect: 20, why: "several full segments and a tail from a single write." },
    ],
  },
  "4.2g": {
    cases: [
      { args: [linux, 60, 0], expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: null }, why: "a rate of zero.",
        slips: [{ got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: undefined }, say: "return null, not undefined, when the ports never run out." }] },
      { args: [linux, 60, 471], expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28_232 / 471 }, why: "a rate just above a fractional ceiling." },
      { args: [{ low: 1024, high: 65535 }, 60, 2000], expect: { ceiling: 64_512 / 60, exhaustedAfterSeconds: 32.256 }, why: "every non-privileged port in the range." },
      { args: [{ low: 50000, high: 50009 }, 0.5, 25], expect: { ceiling: 20, exhaustedAfterSeconds: 0.4 }, why: "a TIME_WAIT shorter than a second.",
        slips: [{ got: { ceiling: 18, exhaustedAfterSeconds: 0.36 }, say: "the range is inclusive: both of its ends are usable ports." }] },
      { args: [{ low: 49152, high: 65535 }, 240, 100], expect: { ceiling: 16_384 / 240, exhaustedAfterSeconds: 163.84 }, why: "IANA's range with RFC 9293's 240 s TIME_WAIT." },
      { args: [{ low: 40001, high: 46000 }, 60, 100.5], expect: { ceiling: 100, exhaustedAfterSeconds: 6000 / 100.5 }, why: "a fractional rate just above the ceiling." },
    ],
  },
};
export default cases;
