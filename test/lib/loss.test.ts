import { describe, expect, it } from "vitest";
import { ConnectionAbortedError } from "../../lib/errors";
import { simulatePageLoad } from "../../lib/http/page-load";
import { Network } from "../../lib/sim/engine";
import { LossProcess } from "../../lib/sim/loss";
import type { TraceEntry } from "../../lib/tcp/trace";

/** One transfer of `bytes` from server to client on an open connection; returns the network. */
function transfer(options: ConstructorParameters<typeof Network>[0], bytes: number) {
  const net = new Network(options);
  const conn = net.open({ atMs: 0, established: true });
  let doneMs = NaN;
  conn.client.read(bytes, (t) => (doneMs = t));
  net.at(0, () => conn.server.write(bytes, "data"));
  net.run();
  return { net, conn, doneMs };
}

const data = (trace: TraceEntry[], from = "server") => trace.filter((e) => e.from === from && e.bytes > 0);

describe("loss process", () => {
  it("is reproducible: the same seed drops the same packets, another seed others", () => {
    const draws = (seed: number) => {
      const loss = new LossProcess({ lossRate: 0.3, seed });
      return Array.from({ length: 200 }, (_, n) => loss.lost(n, n % 3 ? "server" : "client"));
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    const share = draws(7).filter(Boolean).length / 200;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.45);
  });

  it("keeps each direction's draws apart: more packets one way do not move the losses the other way", () => {
    const serverLosses = (clientPackets: number) => {
      const loss = new LossProcess({ lossRate: 0.2, seed: 3 });
      for (let n = 0; n < clientPackets; n++) loss.lost(n, "client");
      return Array.from({ length: 50 }, (_, n) => loss.lost(1000 + n, "server"));
    };
    expect(serverLosses(0)).toEqual(serverLosses(37));
  });

  it.each([
    [{ lossRate: 1 }, /"lossRate"/],
    [{ lossRate: -0.1 }, /"lossRate"/],
    [{ lossRate: Number.NaN }, /"lossRate"/],
    [{ lossRate: { clientToServer: 0.1, serverToClient: 2 } }, /"lossRate.serverToClient"/],
    [{ seed: 1.5 }, /"seed"/],
    [{ dropPackets: [1, -2] }, /"dropPackets\[1\]"/],
    [{ stack: "bsd" }, /"stack"/],
  ])("refuses %o, naming the parameter", (options, message) => {
    expect(() => new Network(options as never)).toThrow(message);
  });

  it("refuses more packets in dropPackets than its limit, naming it, before reading them", () => {
    expect(() => new Network({ dropPackets: new Array(100_001).fill(1) })).toThrow(/"dropPackets".*at most 100000 packet numbers/);
  });
});

describe("recovery", () => {
  const path = { stack: "rfc" as const, rttMs: 100, bandwidthBps: 10e6 };

  it("a lost segment with data behind it: three duplicate ACKs, fast retransmit well before the RTO", () => {
    const clean = transfer(path, 30 * 1460);
    // packet 0 is the first data segment of the server (the connection is open already)
    const lossy = transfer({ ...path, dropPackets: [2] }, 30 * 1460);
    const lost = lossy.net.trace.filter((e) => e.lost);
    expect(lost).toHaveLength(1);
    const again = lossy.net.trace.filter((e) => e.retransmit);
    expect(again).toHaveLength(1);
    const dupAcks = lossy.net.trace.filter((e) => e.from === "client" && e.note?.startsWith("dup ACK"));
    expect(dupAcks.length).toBeGreaterThanOrEqual(3);
    // the resend leaves about one RTT after the loss, not after RFC 6298's 1 s
    expect(again[0].tMs - lost[0].tMs).toBeLessThan(1.5 * path.rttMs);
    expect(lossy.conn.client.bytesReceived).toBe(30 * 1460);
    expect(lossy.doneMs).toBeGreaterThan(clean.doneMs);
    expect(lossy.doneMs).toBeLessThan(clean.doneMs + 3 * path.rttMs);
  });

  it("SACK repairs several holes of one window in one round trip; NewReno needs a round trip per hole", () => {
    const holes = [2, 5, 8]; // three segments of one flight
    const finish = (sack: boolean) => transfer({ ...path, sack, dropPackets: holes }, 40 * 1460);
    const [withSack, newReno] = [finish(true), finish(false)];
    expect(withSack.conn.client.bytesReceived).toBe(40 * 1460);
    expect(newReno.conn.client.bytesReceived).toBe(40 * 1460);
    const resends = (r: ReturnType<typeof transfer>) => r.net.trace.filter((e) => e.retransmit).map((e) => e.tMs);
    // SACK: the three resends leave within one round trip of each other; NewReno: one per round trip
    const [s, n] = [resends(withSack), resends(newReno)];
    expect(s).toHaveLength(3);
    expect(s[2] - s[0]).toBeLessThan(path.rttMs);
    expect(n).toHaveLength(3);
    expect(n[2] - n[0]).toBeGreaterThan(1.5 * path.rttMs);
    expect(withSack.doneMs).toBeLessThan(newReno.doneMs);
    // the ACKs that carried SACK blocks paid for them on the wire: 8 bytes a block and 4 of padding
    const sackAcks = withSack.net.trace.filter((e) => e.from === "client" && e.note?.startsWith("dup ACK"));
    expect(sackAcks.length).toBeGreaterThan(0);
  });

  it("a lost last segment has no data behind it: the retransmission timer resends it", () => {
    const lossy = transfer({ ...path, dropPackets: [0] }, 1000);
    const [lost] = lossy.net.trace.filter((e) => e.lost);
    const [again] = lossy.net.trace.filter((e) => e.retransmit);
    // no RTT measured yet on an open connection: the initial RTO, 1 s
    expect(again.tMs - lost.tMs).toBeCloseTo(1000, 0);
    expect(lossy.conn.client.bytesReceived).toBe(1000);
  });

  it("backs off: the same segment lost twice waits 1 s, then 2 s", () => {
    const lossy = transfer({ ...path, dropPackets: [0, 1] }, 1000);
    const sends = data(lossy.net.trace).map((e) => e.tMs);
    expect(sends).toHaveLength(3);
    expect(sends[1] - sends[0]).toBeCloseTo(1000, 0);
    expect(sends[2] - sends[1]).toBeCloseTo(2000, 0);
  });

  it("a lost SYN is sent again after the initial RTO: 1 s under rfc and linux, 3 s under classic", () => {
    for (const [stack, rto] of [
      ["rfc", 1000],
      ["linux", 1000],
      ["classic", 3000],
    ] as const) {
      const net = new Network({ stack, rttMs: 50, dropPackets: [0] });
      const conn = net.open({ atMs: 0 });
      net.run();
      const syns = net.trace.filter((e) => e.flags.includes("SYN") && !e.flags.includes("ACK"));
      expect(
        syns.map((e) => e.tMs),
        stack,
      ).toEqual([0, rto]);
      expect(conn.establishedAtMs, stack).toBeCloseTo(rto + 50, 6);
      expect(conn.handshakeRetransmissions).toBe(1);
    }
  });

  it("a window that drains slower than the RTO times out spuriously; Linux's F-RTO and probe keep it from resending the window", () => {
    // 28.8 kbit/s: a delayed ACK covers two 1.5 KB segments, about 0.8 s apart, past Linux's RTO of SRTT + 200 ms
    const slow = (options: { frto?: boolean; tailLossProbe?: boolean }) => {
      const net = new Network({ stack: "linux", rttMs: 150, bandwidthBps: 28_800, ...options });
      const conn = net.open({ atMs: 0 });
      let doneMs = NaN;
      conn.client.read(20_000, (t) => (doneMs = t));
      conn.client.write(300, "GET /");
      conn.server.read(300, () => conn.server.write(20_000, "response"));
      net.run();
      return { retransmissions: net.retransmissions, lost: net.lostPackets, doneMs, cwnd: conn.server.cwndLog };
    };
    const plain = slow({ frto: false, tailLossProbe: false });
    const linux = slow({});
    expect(plain.retransmissions).toBeGreaterThan(5); // go-back-N after each spurious timeout
    expect(plain.lost).toBe(0);
    expect(linux.retransmissions).toBeLessThan(plain.retransmissions);
    expect(linux.doneMs).toBeLessThan(plain.doneMs);
    // F-RTO undoes the cut: the window does not stay at one segment
    expect(linux.cwnd.at(-1)!.cwnd).toBeGreaterThan(2);
  });

  it("the tail-loss probe resends a lost last segment without the timeout's cut to one segment", () => {
    const probe = (tailLossProbe: boolean) => {
      const net = new Network({ stack: "linux", rttMs: 100, bandwidthBps: 10e6, tailLossProbe, dropPackets: [8] });
      const conn = net.open({ atMs: 0 });
      let doneMs = NaN;
      conn.client.read(4 * 1448, (t) => (doneMs = t));
      conn.client.write(300, "GET /");
      conn.server.read(300, () => conn.server.write(4 * 1448, "response"));
      net.run();
      return { net, doneMs, lowest: Math.min(...conn.server.cwndLog.map((c) => c.cwnd)) };
    };
    const [on, off] = [probe(true), probe(false)];
    const lost = on.net.trace.find((e) => e.lost)!;
    expect(lost.bytes).toBeGreaterThan(0); // the response's last segment
    expect(on.net.trace.filter((e) => e.retransmit)).toHaveLength(1);
    expect(on.doneMs).toBeLessThanOrEqual(off.doneMs);
    expect(on.lowest).toBeGreaterThan(1); // a probe, not a timeout
    expect(off.lowest).toBe(1); // the timeout's loss window
  });

  it("the same seed gives the same trace; loss makes a load slower and is counted", () => {
    const page = { htmlBytes: 20_000, objectBytes: Array(12).fill(8_000) };
    const run = (seed: number, lossRate = 0.03) =>
      simulatePageLoad({ page, strategy: "multiplexed", rttMs: 80, bandwidthBps: 5e6, lossRate, seed });
    const a = run(11);
    expect(run(11).trace).toEqual(a.trace);
    expect(a.lostPackets).toBe(a.trace.filter((e) => e.lost).length);
    expect(a.retransmissions).toBe(a.trace.filter((e) => e.retransmit).length);
    const medians = [1, 2, 3, 4, 5, 6, 7].map((s) => run(s).elapsedMs).sort((x, y) => x - y);
    expect(medians[3]).toBeGreaterThan(run(1, 0).elapsedMs);
  });

  it("a hostile loss rate ends quickly, with a result or a clear ConnectionAbortedError", () => {
    const page = { htmlBytes: 20_000, objectBytes: [5_000, 5_000] };
    for (const seed of [1, 2, 3]) {
      try {
        const r = simulatePageLoad({ page, strategy: "persistent", rttMs: 50, bandwidthBps: 1e6, lossRate: 0.9, seed });
        expect(r.elapsedMs).toBeGreaterThan(0);
      } catch (e) {
        expect(e).toBeInstanceOf(ConnectionAbortedError);
        expect((e as Error).message).toMatch(/retransmi/);
      }
    }
  });
});

describe("stack profiles", () => {
  const page = { htmlBytes: 10_000, objectBytes: [3_000, 3_000] };

  it("linux completes the handshake with a bare ACK and carries timestamps; rfc puts the request on the ACK", () => {
    const linux = simulatePageLoad({ page, strategy: "serial", rttMs: 50, bandwidthBps: 10e6 });
    const rfc = simulatePageLoad({ page, strategy: "serial", rttMs: 50, bandwidthBps: 10e6, stack: "rfc" });
    expect(linux.stack).toBe("linux");
    const third = (r: typeof linux) => r.trace.filter((e) => e.conn === 0)[2];
    expect(third(linux).bytes).toBe(0);
    expect(third(rfc).bytes).toBe(300);
    expect(Math.max(...linux.trace.map((e) => e.bytes))).toBe(1448);
    expect(Math.max(...rfc.trace.map((e) => e.bytes))).toBe(1460);
  });

  it("linux quick-ACKs each of a new connection's first segments; rfc ACKs every second one", () => {
    const acks = (stack: "linux" | "rfc") => {
      const r = transfer({ stack, rttMs: 50, bandwidthBps: 100e6, nagle: false }, 8 * (stack === "linux" ? 1448 : 1460));
      return data(r.net.trace, "client").length + r.net.trace.filter((e) => e.from === "client" && e.bytes === 0).length;
    };
    expect(acks("linux")).toBe(8);
    expect(acks("rfc")).toBe(4);
  });

  it("classic starts with two segments: the first flight of a 10-segment response is 2 segments, not 10", () => {
    const first = (stack: "classic" | "rfc") => {
      const r = transfer({ stack, rttMs: 100, nagle: false }, 10 * 1460);
      const sends = data(r.net.trace).map((e) => e.tMs);
      return sends.filter((t) => t === sends[0]).length;
    };
    expect(first("classic")).toBe(2);
    expect(first("rfc")).toBe(10);
  });

  it("an explicit option overrides its profile", () => {
    const net = new Network({ stack: "classic", initialWindow: 4, delayedAckMs: 40 });
    const conn = net.open();
    expect(conn.config).toMatchObject({ stack: "classic", initialWindow: 4, delayedAckMs: 40, minRtoMs: 1000 });
    expect(net.open({ stack: "linux" }).config).toMatchObject({ stack: "linux", initialWindow: 10, mss: 1448, quickAck: true });
  });
});
