/** Public cases for 4.2 TCP performance: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** A full-sized segment (exactly one MSS) arriving at tMs (4.2b). */
const full = (tMs: number, mss = 1460) => ({ tMs, bytes: mss });
/** A small segment (an HTTP request, say) arriving at tMs (4.2b). */
const small = (tMs: number, bytes = 300) => ({ tMs, bytes });
/** Linux's default ephemeral port range (4.2g). */
const linux = { low: 32768, high: 60999 };

const cases: CheckCases = {
  "4.2a": {
    why: "Total = DNS + RTT (handshake) + RTT/2 (request) + server + RTT/2 (response); the handshake is the RTT.",
    tolerance: 1e-9,
    cases: [
      { args: [{ rttMs: 100, serverMs: 20 }], expect: 100 / 220, why: "the notebook's example: one RTT of handshake in 2 RTT + 20 ms." },
      { args: [{ rttMs: 100 }], expect: 0.5, why: "with an instant server, a small transaction is two round trips and the handshake is exactly half of it." },
      { args: [{ rttMs: 100, dnsMs: 50, serverMs: 20 }], expect: 100 / 270, why: "an uncached DNS lookup is part of the total too, so it shrinks the handshake's share." },
      { args: [{ rttMs: 300, dnsMs: 30, serverMs: 10 }], expect: 300 / 640, why: "on a long path (a satellite link) the handshake dominates even more." },
      { args: [{ rttMs: 20, serverMs: 200 }], expect: 20 / 240, why: "a slow server makes the handshake a small part: the share depends on what else the transaction costs." },
      { args: [{ rttMs: 0, serverMs: 5 }], expect: 0, why: "with no round-trip time the handshake costs nothing." },
      { args: [{ rttMs: 0, dnsMs: 0, serverMs: 0 }], expect: 0, why: "a transaction that takes no time has no share to divide: the answer is 0, not NaN." },
    ],
  },
  "4.2b": {
    why: "Each ACK the receiver holds back is time the sender may spend waiting (Nagle, slow start's growth).",
    cases: [
      { args: [[full(0), full(1), small(2)], 40], expect: [1, 42], why: "the second full-sized segment is ACKed at once; the small one after it waits for the timer." },
      { args: [[small(0)], 40], expect: [40], why: "a lone small segment (an HTTP request) waits the whole timer: Linux's 40 ms." },
      { args: [[small(0)], 200], expect: [200], why: "the classic BSD/Windows timer is 200 ms: the same rule, five times the wait." },
      { args: [[full(0), full(0), full(0)], 40], expect: [0, 40], why: "a burst of three full segments: the 2nd triggers an ACK, the 3rd starts a new timer." },
      { args: [[full(0), full(0), full(0), full(0)], 40], expect: [0, 0], why: "four full segments: two immediate ACKs, no timer at all." },
      { args: [[small(0), full(10), full(20)], 40], expect: [20],
        why: "only full-sized segments count towards 'every second segment': the small one does not, and the ACK at 20 covers all three." },
      { args: [[small(0), small(10), small(100)], 40], expect: [40, 140],
        why: "the timer runs from the first unACKed segment (fires at 40, before the 3rd arrives), not from the last." },
      { args: [[small(0), small(40)], 40], expect: [40, 80], why: "a timer due at the moment a segment arrives fires first; the arriving segment starts a new timer." },
      { args: [[small(0), full(5), small(10)], 0], expect: [0, 5, 10], why: "with delayed ACK off (0 ms) every segment is ACKed the moment it arrives." },
      { args: [[full(0, 536), full(3, 536), small(4, 500)], 40, 536], expect: [3, 44], why: "'full-sized' means exactly one MSS, whatever the MSS is (536 here)." },
      { args: [[small(0, 500)], 40, 536], expect: [40], why: "with MSS 536, a 500-byte segment is small and waits for the timer." },
      { args: [[], 40], expect: [], why: "no segment, no ACK." },
    ],
  },
  "4.2c": {
    why: "After r rounds IW x (2^r - 1) segments have gone, and every round costs one RTT, so the count of rounds is the latency a new connection pays.",
    cases: [
      { args: [0, 10, 1460], expect: 0, why: "nothing to send takes no round." },
      { args: [1, 10, 1460], expect: 1, why: "one byte is one segment, one round." },
      { args: [14_600, 10, 1460], expect: 1, why: "exactly the initial window (10 full segments) still fits in one round." },
      { args: [14_601, 10, 1460], expect: 2, why: "one byte more than the initial window costs a whole extra round trip." },
      { args: [100_000, 10, 1460], expect: 3, why: "the notebook's example: 69 segments go as 10 + 20 + 40." },
      { args: [70 * 1460, 10, 1460], expect: 3, why: "70 segments = 10 + 20 + 40 exactly: three rounds, no fourth." },
      { args: [71 * 1460, 10, 1460], expect: 4, why: "71 segments need a fourth round for the very last one." },
      { args: [1_000_000, 10, 1460], expect: 7, why: "a 1 MB response on a new connection." },
      { args: [1_000_000, 1, 1460], expect: 10, why: "the book's era started with one segment (RFC 2001): many more rounds for the same bytes." },
      { args: [50_000, 3, 1460], expect: 4, why: "RFC 3390's initial window is 3 segments for MSS 1460." },
      { args: [50_000, 4, 536], expect: 5, why: "with a small MSS there are more segments to send: MSS is part of the count." },
      { args: [100_000_000, 10, 1460], expect: 13, why: "100 MB: the closed form must still be exact for large numbers." },
    ],
  },
  "4.2d": {
    why: "Slow start only matters until cwnd reaches the bandwidth-delay product; after that the link, not the window, sets the speed.",
    cases: [
      { args: [10e6, 100, 1460], expect: 83, why: "10 Mbit/s across 100 ms holds 125,000 bytes: 83 full segments of 1500 wire bytes." },
      { args: [100e6, 20, 1460], expect: 166, why: "100 Mbit/s and 20 ms: 250,000 bytes in flight, 166 segments (round down)." },
      { args: [1e9, 100, 1460], expect: 8333, why: "a fast long path needs a huge window (8333 segments) before more window stops helping." },
      { args: [1e9, 0.1, 1460], expect: 8, why: "on a LAN the pipe holds 8 segments: the initial window of 10 already fills it." },
      { args: [56e3, 100, 1460], expect: 1, why: "a modem's pipe holds less than one segment; a window of one is the least TCP can use." },
      { args: [10e6, 100, 536], expect: 217, why: "with MSS 536 each packet carries less, so more of them fit (576 wire bytes each)." },
    ],
  },
  "4.2e": {
    why: "Holding small segments saves headers on slow links, but adds a round trip (or a delayed-ACK wait) to HTTP requests.",
    cases: [
      { args: [{ segmentBytes: 100, unackedBytes: 64 }], expect: true, why: "a small segment behind unACKed data waits: this is the write-write stall's first half." },
      { args: [{ segmentBytes: 100, unackedBytes: 0 }], expect: false, why: "with nothing in flight a small segment goes at once: Nagle never delays the first write." },
      { args: [{ segmentBytes: 1460, unackedBytes: 5000 }], expect: false, why: "a full-sized segment is never held: bulk transfers are not slowed by Nagle." },
      { args: [{ segmentBytes: 1459, unackedBytes: 1 }], expect: true, why: "one byte short of the MSS is still small, and one unACKed byte is enough to hold it." },
      { args: [{ segmentBytes: 100, unackedBytes: 64, nodelay: true }], expect: false, why: "TCP_NODELAY turns Nagle off: nothing is held." },
      { args: [{ segmentBytes: 1460, unackedBytes: 0, nodelay: false }], expect: false, why: "a full segment with nothing in flight: obviously sent." },
      { args: [{ segmentBytes: 536, unackedBytes: 100, mss: 536 }], expect: false, why: "'full-sized' is relative to the connection's MSS (536 here)." },
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
      { args: [{ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }], expect: 140, why: "headers then body in two writes: the body waits a round trip plus the delayed-ACK timer." },
      { args: [{ writes: [64, 64], rttMs: 0.05, delayedAckMs: 40 }], expect: 40.05,
        why: "on loopback the round trip is nothing, and the stall is the 40 ms timer: what the Nagle lab measures." },
      { args: [{ writes: [64, 64], rttMs: 100, delayedAckMs: 0 }], expect: 100, why: "with delayed ACK off the stall shrinks to one round trip, but does not vanish." },
      { args: [{ writes: [128], rttMs: 100, delayedAckMs: 40 }], expect: 0, why: "one write of the whole request: nothing is held, no stall." },
      { args: [{ writes: [100, 100, 100], rttMs: 30, delayedAckMs: 200 }], expect: 230,
        why: "all writes after the first wait together; with the classic 200 ms timer the stall is 230 ms." },
      { args: [{ writes: [100, 1460], rttMs: 100, delayedAckMs: 40 }], expect: 0,
        why: "the bytes after the first segment make exactly one full segment: no small tail, nothing held." },
      { args: [{ writes: [1560], rttMs: 100, delayedAckMs: 40 }], expect: 140,
        why: "one write, but 100 bytes longer than the MSS: the small tail is held behind one full segment, which the receiver ACKs only on its timer." },
      { args: [{ writes: [3000], rttMs: 100, delayedAckMs: 40 }], expect: 100, why: "two full segments make the receiver ACK at once, so the tail waits only a round trip." },
      { args: [{ writes: [100, 5000], rttMs: 100, delayedAckMs: 40 }], expect: 140,
        why: "three full segments after a small one: the third is ACKed on the timer, so the tail waits RTT + timer." },
      { args: [{ writes: [2920], rttMs: 100, delayedAckMs: 40 }], expect: 0, why: "exactly two full segments: no tail to hold." },
      { args: [{ writes: [400, 400], rttMs: 50, delayedAckMs: 40, mss: 536 }], expect: 90, why: "with MSS 536 the second 400-byte write is still a small tail." },
      { args: [{ writes: [600, 600], rttMs: 50, delayedAckMs: 40, mss: 536 }], expect: 50,
        why: "with MSS 536, 1200 bytes go as two full segments and a tail: an immediate ACK, one round trip of stall." },
    ],
  },
  "4.2g": {
    why: "A load test that opens a new connection per request hits this wall and looks like a slow server; persistent connections avoid it.",
    tolerance: 1e-9,
    cases: [
      { args: [linux, 60, 1000], expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28.232 },
        why: "Linux's 28,232 ports and 60 s TIME_WAIT: about 470 connections/s; at 1000/s they are gone in 28 s." },
      { args: [linux, 60, 100], expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: null },
        why: "100 connections/s is under the ceiling: ports come back out of TIME_WAIT as fast as they are used." },
      { args: [{ low: 40001, high: 46000 }, 60, 100], expect: { ceiling: 100, exhaustedAfterSeconds: null },
        why: "6000 ports / 60 s = 100 per second: exactly at the ceiling the ports never run out." },
      { args: [{ low: 49152, high: 65535 }, 60, 1000], expect: { ceiling: 16_384 / 60, exhaustedAfterSeconds: 16.384 },
        why: "IANA's range (RFC 6335) holds 16,384 ports: both ends of the range count." },
      { args: [linux, 240, 200], expect: { ceiling: 28_232 / 240, exhaustedAfterSeconds: 141.16 },
        why: "with RFC 9293's 2MSL of 240 s the ceiling drops to about 118 connections/s." },
      { args: [{ low: 50000, high: 50000 }, 60, 1], expect: { ceiling: 1 / 60, exhaustedAfterSeconds: 1 }, why: "a single port: one connection a minute." },
      { args: [{ low: 1000, high: 1999 }, 30, 50], expect: { ceiling: 1000 / 30, exhaustedAfterSeconds: 20 }, why: "1000 ports (1999 - 1000 + 1), 30 s TIME_WAIT." },
    ],
  },
};
export default cases;
