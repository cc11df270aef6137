/**
 * Checks for the 4.2 exercises. Each case is compared with the lib/tcp model
 * that the notebook uses (handshakeShare, ackSchedule, slowStart,
 * nagleHolds, nagleDelayedAck, portExhaustion), so the student's closed form
 * and the model can never disagree silently; every failure says why it matters.
 */
import { ackSchedule } from "../../tcp/delayed-ack";
import { nagleHolds } from "../../tcp/nagle";
import { nagleDelayedAck } from "../../tcp/nagle-delayed-ack";
import { portExhaustion } from "../../tcp/ports";
import { slowStart } from "../../tcp/slow-start";
import { handshakeShare } from "../../tcp/transaction";
import { expectClose, expectEqual, expectThrows, fail } from "../expect";
import { defineChecks } from "./define";

type Arrival = { tMs: number; bytes: number };
type Range = { low: number; high: number };

const json = (v: unknown) => JSON.stringify(v);

export const checks = defineChecks({
  "4.2a": (handshakeFraction: (input: { rttMs: number; dnsMs?: number; serverMs?: number }) => number) => {
    const cases: [{ rttMs: number; dnsMs?: number; serverMs?: number }, string][] = [
      [{ rttMs: 100, serverMs: 20 }, "the notebook's example: one RTT of handshake in 2 RTT + 20 ms."],
      [{ rttMs: 100 }, "with an instant server, a small transaction is two round trips and the handshake is exactly half of it."],
      [{ rttMs: 100, dnsMs: 50, serverMs: 20 }, "an uncached DNS lookup is part of the total too, so it shrinks the handshake's share."],
      [{ rttMs: 300, dnsMs: 30, serverMs: 10 }, "on a long path (a satellite link) the handshake dominates even more."],
      [{ rttMs: 20, serverMs: 200 }, "a slow server makes the handshake a small part: the share depends on what else the transaction costs."],
      [{ rttMs: 0, serverMs: 5 }, "with no round-trip time the handshake costs nothing."],
      [{ rttMs: 0, dnsMs: 0, serverMs: 0 }, "a transaction that takes no time has no share to divide: the answer is 0, not NaN."],
    ];
    for (const [input, why] of cases) {
      const expected = handshakeShare({ ...input, requestBytes: 300, responseBytes: 1000 }).share;
      expectClose(handshakeFraction(input), expected, 1e-9, `handshakeFraction(${json(input)})`,
        `${why} Total = DNS + RTT (handshake) + RTT/2 (request) + server + RTT/2 (response); the handshake is the RTT.`);
    }
  },

  "4.2b": (ackTimes: (arrivals: Arrival[], delayedAckMs: number, mss?: number) => number[]) => {
    const full = (tMs: number, mss = 1460): Arrival => ({ tMs, bytes: mss });
    const small = (tMs: number, bytes = 300): Arrival => ({ tMs, bytes });
    const cases: [Arrival[], number, number | undefined, string][] = [
      [[full(0), full(1), small(2)], 40, undefined, "the second full-sized segment is ACKed at once; the small one after it waits for the timer."],
      [[small(0)], 40, undefined, "a lone small segment (an HTTP request) waits the whole timer: Linux's 40 ms."],
      [[small(0)], 200, undefined, "the classic BSD/Windows timer is 200 ms: the same rule, five times the wait."],
      [[full(0), full(0), full(0)], 40, undefined, "a burst of three full segments: the 2nd triggers an ACK, the 3rd starts a new timer."],
      [[full(0), full(0), full(0), full(0)], 40, undefined, "four full segments: two immediate ACKs, no timer at all."],
      [[small(0), full(10), full(20)], 40, undefined, "only full-sized segments count towards 'every second segment': the small one does not, and the ACK at 20 covers all three."],
      [[small(0), small(10), small(100)], 40, undefined, "the timer runs from the first unACKed segment (fires at 40, before the 3rd arrives), not from the last."],
      [[small(0), small(40)], 40, undefined, "a timer due at the moment a segment arrives fires first; the arriving segment starts a new timer."],
      [[small(0), full(5), small(10)], 0, undefined, "with delayed ACK off (0 ms) every segment is ACKed the moment it arrives."],
      [[full(0, 536), full(3, 536), small(4, 500)], 40, 536, "'full-sized' means exactly one MSS, whatever the MSS is (536 here)."],
      [[small(0, 500)], 40, 536, "with MSS 536, a 500-byte segment is small and waits for the timer."],
      [[], 40, undefined, "no segment, no ACK."],
    ];
    for (const [arrivals, delayedAckMs, mss, why] of cases) {
      const expected = ackSchedule({ arrivals, delayedAckMs, mss }).map((a) => a.tMs);
      const call = `ackTimes(${json(arrivals)}, ${delayedAckMs}${mss === undefined ? "" : `, ${mss}`})`;
      const got = mss === undefined ? ackTimes(arrivals, delayedAckMs) : ackTimes(arrivals, delayedAckMs, mss);
      expectEqual(got, expected, call,
        `${why} Each ACK the receiver holds back is time the sender may spend waiting (Nagle, slow start's growth).`);
    }
  },

  "4.2c": (slowStartRounds: (bytes: number, initialWindow?: number, mss?: number) => number) => {
    const cases: [number, number, number, string][] = [
      [0, 10, 1460, "nothing to send takes no round."],
      [1, 10, 1460, "one byte is one segment, one round."],
      [14_600, 10, 1460, "exactly the initial window (10 full segments) still fits in one round."],
      [14_601, 10, 1460, "one byte more than the initial window costs a whole extra round trip."],
      [100_000, 10, 1460, "the notebook's example: 69 segments go as 10 + 20 + 40."],
      [70 * 1460, 10, 1460, "70 segments = 10 + 20 + 40 exactly: three rounds, no fourth."],
      [71 * 1460, 10, 1460, "71 segments need a fourth round for the very last one."],
      [1_000_000, 10, 1460, "a 1 MB response on a new connection."],
      [1_000_000, 1, 1460, "the book's era started with one segment (RFC 2001): many more rounds for the same bytes."],
      [50_000, 3, 1460, "RFC 3390's initial window is 3 segments for MSS 1460."],
      [50_000, 4, 536, "with a small MSS there are more segments to send: MSS is part of the count."],
      [100_000_000, 10, 1460, "100 MB: the closed form must still be exact for large numbers."],
    ];
    for (const [bytes, iw, mss, why] of cases) {
      const expected = slowStart({ bytes, rttMs: 100, initialWindow: iw, mss }).rounds;
      expectEqual(slowStartRounds(bytes, iw, mss), expected, `slowStartRounds(${bytes}, ${iw}, ${mss})`,
        `${why} After r rounds IW x (2^r - 1) segments have gone, and every round costs one RTT, so the count of rounds is the latency a new connection pays.`);
    }
  },

  "4.2d": (pipeSegments: (bandwidthBps: number, rttMs: number, mss?: number) => number) => {
    const cases: [number, number, number, number, string][] = [
      [10e6, 100, 1460, 5e6, "10 Mbit/s across 100 ms holds 125,000 bytes: 83 full segments of 1500 wire bytes."],
      [100e6, 20, 1460, 5e6, "100 Mbit/s and 20 ms: 250,000 bytes in flight, 166 segments (round down)."],
      [1e9, 100, 1460, 100e6, "a fast long path needs a huge window (8333 segments) before more window stops helping."],
      [1e9, 0.1, 1460, 1e6, "on a LAN the pipe holds 8 segments: the initial window of 10 already fills it."],
      [56e3, 100, 1460, 20_000, "a modem's pipe holds less than one segment; a window of one is the least TCP can use."],
      [10e6, 100, 536, 5e6, "with MSS 536 each packet carries less, so more of them fit (576 wire bytes each)."],
    ];
    for (const [bw, rtt, mss, bytes, why] of cases) {
      const expected = slowStart({ bytes, rttMs: rtt, mss, bandwidthBps: bw }).pipeSegments;
      expectEqual(pipeSegments(bw, rtt, mss), expected, `pipeSegments(${bw}, ${rtt}, ${mss})`,
        `${why} Slow start only matters until cwnd reaches the bandwidth-delay product; after that the link, not the window, sets the speed.`);
    }
  },

  "4.2e": (nagleWouldHold: (input: { segmentBytes: number; unackedBytes: number; mss?: number; nodelay?: boolean }) => boolean) => {
    const cases: [{ segmentBytes: number; unackedBytes: number; mss?: number; nodelay?: boolean }, string][] = [
      [{ segmentBytes: 100, unackedBytes: 64 }, "a small segment behind unACKed data waits: this is the write-write stall's first half."],
      [{ segmentBytes: 100, unackedBytes: 0 }, "with nothing in flight a small segment goes at once: Nagle never delays the first write."],
      [{ segmentBytes: 1460, unackedBytes: 5000 }, "a full-sized segment is never held: bulk transfers are not slowed by Nagle."],
      [{ segmentBytes: 1459, unackedBytes: 1 }, "one byte short of the MSS is still small, and one unACKed byte is enough to hold it."],
      [{ segmentBytes: 100, unackedBytes: 64, nodelay: true }, "TCP_NODELAY turns Nagle off: nothing is held."],
      [{ segmentBytes: 1460, unackedBytes: 0, nodelay: false }, "a full segment with nothing in flight: obviously sent."],
      [{ segmentBytes: 536, unackedBytes: 100, mss: 536 }, "'full-sized' is relative to the connection's MSS (536 here)."],
      [{ segmentBytes: 500, unackedBytes: 100, mss: 536 }, "with MSS 536, 500 bytes are a small segment."],
    ];
    for (const [input, why] of cases) {
      expectEqual(nagleWouldHold(input), nagleHolds(input), `nagleWouldHold(${json(input)})`,
        `${why} Holding small segments saves headers on slow links, but adds a round trip (or a delayed-ACK wait) to HTTP requests.`);
    }
    expectThrows(() => nagleWouldHold({ segmentBytes: 2000, unackedBytes: 0 }), RangeError, "nagleWouldHold({ segmentBytes: 2000, unackedBytes: 0 })",
      "no segment carries more than one MSS (1460 by default); a bigger one means the caller cut the stream wrongly.");
    expectThrows(() => nagleWouldHold({ segmentBytes: 600, unackedBytes: 0, mss: 536 }), RangeError, "nagleWouldHold({ segmentBytes: 600, unackedBytes: 0, mss: 536 })",
      "the limit is the connection's MSS, not 1460.");
  },

  "4.2f": (nagleStallMs: (input: { writes: number[]; rttMs: number; delayedAckMs: number; mss?: number }) => number) => {
    const cases: [{ writes: number[]; rttMs: number; delayedAckMs: number; mss?: number }, string][] = [
      [{ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }, "headers then body in two writes: the body waits a round trip plus the delayed-ACK timer."],
      [{ writes: [64, 64], rttMs: 0.05, delayedAckMs: 40 }, "on loopback the round trip is nothing, and the stall is the 40 ms timer: what the Nagle lab measures."],
      [{ writes: [64, 64], rttMs: 100, delayedAckMs: 0 }, "with delayed ACK off the stall shrinks to one round trip, but does not vanish."],
      [{ writes: [128], rttMs: 100, delayedAckMs: 40 }, "one write of the whole request: nothing is held, no stall."],
      [{ writes: [100, 100, 100], rttMs: 30, delayedAckMs: 200 }, "all writes after the first wait together; with the classic 200 ms timer the stall is 230 ms."],
      [{ writes: [100, 1460], rttMs: 100, delayedAckMs: 40 }, "the bytes after the first segment make exactly one full segment: no small tail, nothing held."],
      [{ writes: [1560], rttMs: 100, delayedAckMs: 40 }, "one write, but 100 bytes longer than the MSS: the small tail is held behind one full segment, which the receiver ACKs only on its timer."],
      [{ writes: [3000], rttMs: 100, delayedAckMs: 40 }, "two full segments make the receiver ACK at once, so the tail waits only a round trip."],
      [{ writes: [100, 5000], rttMs: 100, delayedAckMs: 40 }, "three full segments after a small one: the third is ACKed on the timer, so the tail waits RTT + timer."],
      [{ writes: [2920], rttMs: 100, delayedAckMs: 40 }, "exactly two full segments: no tail to hold."],
      [{ writes: [400, 400], rttMs: 50, delayedAckMs: 40, mss: 536 }, "with MSS 536 the second 400-byte write is still a small tail."],
      [{ writes: [600, 600], rttMs: 50, delayedAckMs: 40, mss: 536 }, "with MSS 536, 1200 bytes go as two full segments and a tail: an immediate ACK, one round trip of stall."],
    ];
    for (const [input, why] of cases) {
      const expected = nagleDelayedAck({ ...input, nagle: true }).stallMs;
      expectClose(nagleStallMs(input), expected, 1e-6, `nagleStallMs(${json(input)})`,
        `${why} This stall is per request on a persistent connection; it is why HTTP servers and clients set TCP_NODELAY or write a request in one piece.`);
    }
  },

  "4.2g": (portBudget: (ports: Range, timeWaitSeconds: number, connectionsPerSecond: number) => { ceiling: number; exhaustedAfterSeconds: number | null }) => {
    const linux = { low: 32768, high: 60999 };
    const cases: [Range, number, number, string][] = [
      [linux, 60, 1000, "Linux's 28,232 ports and 60 s TIME_WAIT: about 470 connections/s; at 1000/s they are gone in 28 s."],
      [linux, 60, 100, "100 connections/s is under the ceiling: ports come back out of TIME_WAIT as fast as they are used."],
      [{ low: 40001, high: 46000 }, 60, 100, "6000 ports / 60 s = 100 per second: exactly at the ceiling the ports never run out."],
      [{ low: 49152, high: 65535 }, 60, 1000, "IANA's range (RFC 6335) holds 16,384 ports: both ends of the range count."],
      [linux, 240, 200, "with RFC 9293's 2MSL of 240 s the ceiling drops to about 118 connections/s."],
      [{ low: 50000, high: 50000 }, 60, 1, "a single port: one connection a minute."],
      [{ low: 1000, high: 1999 }, 30, 50, "1000 ports (1999 - 1000 + 1), 30 s TIME_WAIT."],
    ];
    for (const [ports, tw, rate, why] of cases) {
      const expected = portExhaustion({ ports, timeWaitSeconds: tw, connectionsPerSecond: rate });
      const call = `portBudget(${json(ports)}, ${tw}, ${rate})`;
      const got = portBudget(ports, tw, rate);
      if (got === null || typeof got !== "object") fail(`${call}\n  expected an object { ceiling, exhaustedAfterSeconds }\n  got      ${json(got)}\n  why it matters: the caller needs both numbers.`);
      const tail = " A load test that opens a new connection per request hits this wall and looks like a slow server; persistent connections avoid it.";
      expectClose(got.ceiling, expected.maxConnectionsPerSecond, 1e-9, `${call}.ceiling`, `${why}${tail}`);
      if (expected.exhaustedAfterSeconds === null) {
        expectEqual(got.exhaustedAfterSeconds, null, `${call}.exhaustedAfterSeconds`, `${why}${tail}`);
      } else {
        expectClose(got.exhaustedAfterSeconds, expected.exhaustedAfterSeconds, 1e-9, `${call}.exhaustedAfterSeconds`, `${why}${tail}`);
      }
    }
  },
});
