import { describe, expect, it } from "vitest";
import { Network } from "../../lib/sim/engine";
import { tsoSegments } from "../../lib/tcp/tso";

const MSS = 1448;

describe("tsoSegments (tcp_tso_autosize)", () => {
  it("hand-computed: 1 ms of the pacing rate, at least 2 segments, a 64 KB share on short paths, at most 64 KB", () => {
    // 28.8 kbit/s, IW10, SRTT 181 ms: 2 x 14480 B / 0.181 s = 160 KB/s, 156 B a ms: the 2-segment floor
    expect(tsoSegments({ mss: MSS, cwndBytes: 10 * MSS, ssthreshBytes: Infinity, inFlightBytes: 0, srttMs: 181 })).toBe(2);
    // past half of ssthresh the ratio is 1.2: 1.2 x 144800 B / 0.02 s = 8.69 MB/s, 8484 B a ms: 5 segments
    expect(tsoSegments({ mss: MSS, cwndBytes: 100 * MSS, ssthreshBytes: 100_000, inFlightBytes: 0, srttMs: 20 })).toBe(5);
    // packets in flight count when they exceed cwnd (after a window cut)
    expect(tsoSegments({ mss: MSS, cwndBytes: 10 * MSS, ssthreshBytes: 0, inFlightBytes: 100 * MSS, srttMs: 20 })).toBe(5);
    // 1 ms RTT: 28281 B of pacing plus 65536 >> 1 = 32768: 42 segments
    expect(tsoSegments({ mss: MSS, cwndBytes: 10 * MSS, ssthreshBytes: Infinity, inFlightBytes: 0, srttMs: 1 })).toBe(42);
    // under 512 us the share is all of 64 KB, and 64 KB is the most
    expect(tsoSegments({ mss: MSS, cwndBytes: 10 * MSS, ssthreshBytes: Infinity, inFlightBytes: 0, srttMs: 0.1 })).toBe(45);
    expect(tsoSegments({ mss: MSS, cwndBytes: 10 * MSS, ssthreshBytes: Infinity, inFlightBytes: 0, srttMs: undefined })).toBe(45);
  });

  it.each([
    [{ mss: 0, cwndBytes: 1, ssthreshBytes: 1, inFlightBytes: 0, srttMs: 1 }, /"mss"/],
    [{ mss: MSS, cwndBytes: -1, ssthreshBytes: 1, inFlightBytes: 0, srttMs: 1 }, /"cwndBytes"/],
    [{ mss: MSS, cwndBytes: 1, ssthreshBytes: NaN, inFlightBytes: 0, srttMs: 1 }, /"ssthreshBytes"/],
    [{ mss: MSS, cwndBytes: 1, ssthreshBytes: 1, inFlightBytes: 0, srttMs: -1 }, /"srttMs"/],
    [null, /"input"/],
  ])("refuses %o, naming the parameter", (input, message) => {
    expect(() => tsoSegments(input as never)).toThrow(message);
  });
});

describe("PSH on the wire (tsoPush)", () => {
  /** The flags of the server's data segments for one response, on a slow path (2-segment TSO packets). */
  const flags = (bytes: number, tsoPush: boolean) => {
    const net = new Network({ stack: "linux", rttMs: 150, bandwidthBps: 28_800, tsoPush });
    const conn = net.open({ atMs: 0, established: true });
    conn.server.measuredRtt(181);
    net.at(0, () => conn.server.write(bytes));
    net.run();
    return net.trace.filter((e) => e.from === "server" && e.bytes > 0 && !e.retransmit).map((e) => e.flags.includes("PSH"));
  };

  it("linux ends every 2-segment packet with PSH, so a 3-segment response has PSH on its 2nd and 3rd segments", () => {
    expect(flags(2 * MSS + 211, true)).toEqual([false, true, true]);
    expect(flags(10 * MSS, true)).toEqual([false, true, false, true, false, true, false, true, false, true]);
  });

  it("without it only the write's last segment carries PSH", () => {
    expect(flags(2 * MSS + 211, false)).toEqual([false, false, true]);
  });

  it("a segment that leaves alone (cwnd lets one more go) has no PSH", () => {
    const net = new Network({ stack: "linux", rttMs: 100, bandwidthBps: 1e6, initialWindow: 3, tsoPush: true });
    const conn = net.open({ atMs: 0, established: true });
    conn.server.measuredRtt(100);
    net.at(0, () => conn.server.write(20 * MSS));
    net.run();
    const first = net.trace.filter((e) => e.from === "server" && e.bytes > 0).slice(0, 3);
    expect(first.map((e) => e.flags.includes("PSH"))).toEqual([false, true, false]);
  });
});
