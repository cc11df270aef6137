/**
 * Property tests (fast-check) for segmentation and the TCP simulator: random
 * sizes, options and write schedules, checked against invariants that hold
 * for every input. A failure prints the seed and the shrunk counterexample;
 * FC_SEED=<n> reruns with another seed.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Network } from "../../lib/sim/engine";
import type { OpenOptions, NetworkOptions } from "../../lib/sim/engine";
import type { Side, TraceEntry } from "../../lib/tcp/trace";
import { optionBytes } from "../../lib/tcp/stacks";
import { DEFAULT_MSS, IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../../lib/tcp/constants";
import { segment } from "../../lib/tcp/segment";

const SEED = Number(process.env.FC_SEED ?? 42_024);
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED });
const HEADERS = IP_HEADER_BYTES + TCP_HEADER_BYTES;
const sum = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0);
/** A packet's bytes on the wire: payload, IP and TCP headers, and the TCP options its connection sends. */
const wireBytes = (e: TraceEntry, timestamps: boolean): number =>
  e.bytes + HEADERS + optionBytes(timestamps)[e.flags.includes("SYN") ? "syn" : "segment"];

describe("segment(): properties", () => {
  const input = fc.record({
    bytes: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 100_000 })),
    mss: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 9_000 })),
    ip: fc.integer({ min: 0, max: 60 }),
    tcp: fc.integer({ min: 0, max: 60 }),
  });

  it("bytes in = bytes out, no payload above MSS, the fewest segments that can carry them", () => {
    fc.assert(
      fc.property(input, ({ bytes, mss, ip, tcp }) => {
        const s = segment(bytes, { mss, ipHeaderBytes: ip, tcpHeaderBytes: tcp });
        expect(sum(s.payloads)).toBe(bytes);
        expect(s.payloads.length).toBe(s.segments);
        // (one expect per property, not per payload: a run lists up to 100,000 payloads)
        expect(s.payloads.filter((p) => !Number.isInteger(p) || p > mss)).toEqual([]);
        if (bytes > 0) expect(s.payloads.filter((p) => p <= 0)).toEqual([]); // no empty segment in a non-empty stream
        // minimal: one segment fewer could not carry the bytes (and 0 bytes still need one packet)
        if (bytes === 0) expect(s.segments).toBe(1);
        else expect((s.segments - 1) * mss).toBeLessThan(bytes);
        // every segment but the last is full: no short segment in the middle of one write
        expect(s.payloads.slice(0, -1).filter((p) => p !== mss)).toEqual([]);
        expect(s.wireBytes).toBe(bytes + s.segments * (ip + tcp));
        expect(s.overheadRatio).toBeGreaterThanOrEqual(0);
        expect(s.overheadRatio).toBeLessThanOrEqual(1);
      }),
      runs(200),
    );
  });

  it("default options: the RFC MSS and 40 header bytes per packet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), (bytes) => {
        const s = segment(bytes);
        expect(s.segments).toBe(Math.max(1, Math.ceil(bytes / DEFAULT_MSS)));
        expect(s.wireBytes - bytes).toBe(s.segments * HEADERS);
      }),
      runs(100),
    );
  });
});

// ---- the simulator ---------------------------------------------------------

interface Write {
  /** ms after the previous write (or the connection's open) */
  gapMs: number;
  bytes: number;
}
interface ConnPlan {
  atMs: number;
  established: boolean;
  /** per-connection TCP option overrides */
  override: OpenOptions;
  client: Write[];
  server: Write[];
  clientCloses: boolean;
  serverCloses: boolean;
}

const tcpOptions = fc
  .record(
    {
      mss: fc.oneof(fc.integer({ min: 100, max: 600 }), fc.constant(DEFAULT_MSS)),
      initialWindow: fc.integer({ min: 1, max: 10 }),
      delayedAckMs: fc.oneof(fc.constantFrom(0, 40, 200), fc.integer({ min: 0, max: 500 })),
      nagle: fc.boolean(),
      nagleVariant: fc.constantFrom("classic" as const, "minshall" as const),
      receiveWindowSegments: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
      stack: fc.constantFrom("linux" as const, "rfc" as const, "classic" as const),
      timestamps: fc.boolean(),
      quickAck: fc.boolean(),
      tsoPush: fc.boolean(),
      ackAfterRead: fc.boolean(),
      bareHandshakeAck: fc.boolean(),
      rtoMs: fc.oneof(fc.constantFrom(200, 1000), fc.integer({ min: 1, max: 1_500 })),
      slowStartAfterIdle: fc.boolean(),
      idleRestart: fc.constantFrom("rfc5681" as const, "linux" as const),
      abcLimit: fc.constantFrom(1, 2, Infinity),
    },
    { requiredKeys: ["mss"] },
  )
  .map(({ receiveWindowSegments, ...o }) => ({
    ...o,
    receiveWindow: receiveWindowSegments === undefined ? undefined : receiveWindowSegments * o.mss,
  }));

const networkOptions: fc.Arbitrary<NetworkOptions> = fc
  .record({
    tcp: tcpOptions,
    rttMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 300, noNaN: true })),
    bandwidthBps: fc.oneof(fc.constant(undefined), fc.constant(Infinity), fc.integer({ min: 100_000, max: 1_000_000_000 })),
  })
  .map(({ tcp, rttMs, bandwidthBps }) => ({ ...tcp, rttMs, bandwidthBps }));

const writes = fc.array(
  fc.record({
    gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 4_000 })),
    bytes: fc.oneof(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 1, max: 40_000 })),
  }),
  { maxLength: 5 },
);

/** A connection's plan; an MSS override stays at or below the network's (its receive window is at least that). */
const connPlan = (baseMss: number): fc.Arbitrary<ConnPlan> =>
  fc.record({
    atMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })),
    established: fc.boolean(),
    override: fc.oneof(
      fc.constant({}),
      fc.record({ mss: fc.integer({ min: 100, max: baseMss }) }),
      fc.record({ nagle: fc.boolean(), delayedAckMs: fc.constantFrom(0, 40) }),
    ),
    client: writes,
    server: writes,
    clientCloses: fc.boolean(),
    serverCloses: fc.boolean(),
  });

const scenario = (maxConnections: number) =>
  networkOptions.chain((options) =>
    fc.tuple(fc.constant(options), fc.array(connPlan(options.mss ?? DEFAULT_MSS), { minLength: 1, maxLength: maxConnections })),
  );

/** Runs the plan: every write and close at its time. */
function runPlan(options: NetworkOptions, plans: ConnPlan[]) {
  const net = new Network(options);
  const received = plans.map(() => ({ client: NaN, server: NaN }));
  const conns = plans.map((plan, i) => {
    const conn = net.open({ atMs: plan.atMs, established: plan.established, ...plan.override });
    for (const side of ["client", "server"] as const) {
      const peer = side === "client" ? "server" : "client";
      const total = sum(plan[side].map((w) => w.bytes));
      if (total > 0) conn[peer].read(total, (t) => (received[i][peer] = t));
      let t = plan.atMs;
      for (const w of plan[side]) {
        t += w.gapMs;
        net.at(t, () => conn[side].write(w.bytes, `${side} ${w.bytes}`));
      }
      if (plan[side === "client" ? "clientCloses" : "serverCloses"]) net.at(t, () => conn[side].close());
    }
    return conn;
  });
  net.run();
  return { net, conns, received };
}

describe("the simulator: properties", () => {
  it("every byte one side writes reaches the other, once, in segments of at most MSS", () => {
    fc.assert(
      fc.property(scenario(3), ([options, plans]) => {
        const { net, conns, received } = runPlan(options, plans);
        const trace = net.trace;
        plans.forEach((plan, i) => {
          const conn = conns[i];
          const mss = conn.config.mss;
          for (const side of ["client", "server"] as Side[]) {
            const peer: Side = side === "client" ? "server" : "client";
            const written = sum(plan[side].map((w) => w.bytes));
            const segments = trace.filter((e) => e.conn === i && e.from === side);
            // first sends only: a spurious timeout (a slow link, a small RTO) sends some data again
            const data = segments.filter((e) => e.bytes > 0 && !e.retransmit);
            expect(conn[side].bytesWritten).toBe(written);
            expect(conn[peer].bytesReceived, `conn ${i}: ${side} -> ${peer}`).toBe(written);
            expect(sum(data.map((e) => e.bytes)), `conn ${i}: ${side}'s payload on the wire`).toBe(written);
            expect(
              data.filter((e) => e.bytes > mss),
              `conn ${i}: ${side}'s segments above MSS ${mss}`,
            ).toEqual([]);
            if (written > 0 && conn[side].retransmissions === 0) {
              // the read completes when the last data segment arrives: it left at tMs, then serialisation and half the RTT
              const last = data[data.length - 1];
              const bw = options.bandwidthBps ?? Infinity;
              const arrives =
                last.tMs + (bw === Infinity ? 0 : (wireBytes(last, conn.config.timestamps) * 8 * 1000) / bw) + (options.rttMs ?? 0) / 2;
              expect(received[i][peer], `conn ${i}: ${peer}'s read`).toBeCloseTo(arrives, 6);
            }
            // a FIN is sent once, if asked, and nothing follows it from that side
            const fins = segments.filter((e) => e.flags.includes("FIN") && !e.retransmit);
            const closes = side === "client" ? plan.clientCloses : plan.serverCloses;
            expect(fins.length).toBe(closes ? 1 : 0);
            if (closes)
              expect(
                segments.slice(segments.indexOf(fins[0]) + 1).filter((e) => e.bytes > 0 && !e.retransmit),
                `conn ${i}: ${side}'s data after its FIN`,
              ).toEqual([]);
          }
          if (plan.clientCloses && plan.serverCloses) expect(conn.isClosed).toBe(true);
          // the handshake: a fresh connection starts with the client's SYN at atMs and the server's SYN-ACK
          const packets = trace.filter((e) => e.conn === i);
          const syns = packets.filter((e) => e.flags.includes("SYN"));
          if (plan.established) expect(syns).toEqual([]);
          else {
            expect(syns.filter((e) => !e.retransmit).map((e) => `${e.from} ${e.flags.join("+")}`)).toEqual([
              "client SYN",
              "server SYN+ACK",
            ]);
            expect(packets[0]).toBe(syns[0]);
            expect(syns[0].tMs).toBeGreaterThanOrEqual(plan.atMs);
            // nothing from the client but its SYN before the SYN-ACK can have arrived
            expect(packets.filter((e) => e.from === "client" && e !== syns[0] && e.tMs < syns[1].tMs)).toEqual([]);
          }
        });
        // the trace: times finite, never negative, in order; counters agree with it
        expect(trace.filter((e, j) => !Number.isFinite(e.tMs) || e.tMs < 0 || (j > 0 && e.tMs < trace[j - 1].tMs))).toEqual([]);
        expect(net.packets).toBe(trace.length);
        expect(net.wireBytes).toBe(sum(trace.map((e) => wireBytes(e, conns[e.conn].config.timestamps))));
      }),
      runs(150),
    );
  });

  it("the congestion window never shrinks except on a restart after more than one RTO of idle", () => {
    // One connection, bursts separated by pauses. The link is wrapped to record when each
    // data packet is handed to it (the trace shows when it starts to leave, later when queued).
    fc.assert(
      fc.property(scenario(1), ([scenarioOptions, [plan]]) => {
        // a fixed RTO, so that the idle time a restart needs is known
        const options = { ...scenarioOptions, rtoMs: scenarioOptions.rtoMs ?? 1000 };
        const net = new Network(options);
        const handedOver: Record<Side, number[]> = { client: [], server: [] };
        const sentAfter: Record<Side, number[]> = { client: [], server: [] }; // bytes sent so far, after each handover
        const carry = net.link.carry.bind(net.link);
        net.link.carry = (from, nowMs, wireBytes) => {
          const payload = wireBytes - HEADERS - optionBytes(conn.config.timestamps).segment;
          if (payload > 0 && conn[from].established) {
            handedOver[from].push(nowMs);
            sentAfter[from].push((sentAfter[from].at(-1) ?? 0) + payload);
          }
          return carry(from, nowMs, wireBytes);
        };
        const conn = net.open({ atMs: plan.atMs, established: plan.established, ...plan.override });
        for (const side of ["client", "server"] as const) {
          let t = plan.atMs;
          for (const w of plan[side]) {
            t += w.gapMs;
            net.at(t, () => conn[side].write(w.bytes));
          }
        }
        const receivedLog: Record<Side, Array<{ tMs: number; total: number }>> = { client: [], server: [] };
        for (const side of ["client", "server"] as const) conn[side].onData((_n, total, tMs) => receivedLog[side].push({ tMs, total }));
        net.run();

        const { mss, initialWindow: iw, abcLimit: abc, idleRestart, slowStartAfterIdle } = conn.config;
        const rto = options.rtoMs;
        // never more in flight than min(cwnd, receive window): an ACK takes at least half the RTT to come
        // back, so at a handover at h the sender cannot know of more than the peer had at h - rtt/2
        const oneWay = (options.rttMs ?? 0) / 2;
        for (const side of ["client", "server"] as Side[]) {
          // a side that sent anything twice (a spurious timeout) has lost the window it had: the loss tests cover it
          if (conn[side].retransmissions > 0) continue;
          const peer: Side = side === "client" ? "server" : "client";
          const cwndLog = conn[side].cwndLog;
          const got = receivedLog[peer];
          let c = 0; // cwndLog[c]: the last sample at or before h
          let r = -1; // got[r]: the last arrival at or before h - rtt/2
          const over: string[] = [];
          handedOver[side].forEach((h, j) => {
            while (c + 1 < cwndLog.length && cwndLog[c + 1].tMs <= h) c++;
            while (r + 1 < got.length && got[r + 1].tMs <= h - oneWay + 1e-9) r++;
            const inFlightAtLeast = sentAfter[side][j] - (r < 0 ? 0 : got[r].total);
            // a tail-loss probe may send one new segment past cwnd (RFC 8985 7.3)
            const probe = conn.config.tailLossProbe ? mss : 0;
            const limit = Math.min(cwndLog[c].cwnd * mss + probe, options.receiveWindow ?? Infinity);
            if (inFlightAtLeast > limit + 1e-6)
              over.push(`${side} at ${h} ms: ${inFlightAtLeast} bytes in flight, min(cwnd, window) ${limit}`);
          });
          expect(over).toEqual([]);
        }
        for (const side of ["client", "server"] as Side[]) {
          // a side that sent anything twice (a spurious timeout) has lost the window it had: the loss tests cover it
          if (conn[side].retransmissions > 0) continue;
          const log = conn[side].cwndLog;
          expect(log[0].cwnd).toBe(iw);
          for (let j = 1; j < log.length; j++) {
            const [a, b] = [log[j - 1], log[j]];
            // growth: one ACK adds at most abcLimit segments (checked without expect: it is most samples)
            if (Number.isFinite(b.cwnd) && b.tMs >= a.tMs && b.cwnd > a.cwnd && b.cwnd - a.cwnd <= abc + 1e-9) continue;
            const where = `${side} cwnd ${a.cwnd} -> ${b.cwnd} at ${b.tMs} ms`;
            expect(Number.isFinite(b.cwnd), where).toBe(true);
            expect(b.tMs, where).toBeGreaterThanOrEqual(a.tMs);
            if (b.cwnd > a.cwnd) expect(b.cwnd - a.cwnd, `${where}: more than abcLimit ${abc}`).toBeLessThanOrEqual(abc + 1e-9);
            expect(b.cwnd, where).not.toBe(a.cwnd); // a sample is logged only on a change
            // a decrease: only a restart after idle, never below min(IW, cwnd)
            expect(slowStartAfterIdle, where).toBe(true);
            const before = handedOver[side].filter((h) => h < b.tMs);
            expect(before.length, `${where}: data was sent before`).toBeGreaterThan(0);
            const idleMs = b.tMs - before[before.length - 1];
            expect(idleMs, `${where}: idle longer than rto ${rto}`).toBeGreaterThan(rto);
            // by how much: RFC 5681 4.1 back to min(IW, cwnd); Linux halves (whole segments)
            // ceil(idle / RTO) - 1 times, never below min(IW, cwnd)
            const floor = Math.min(iw, a.cwnd);
            const halved = (n: number) => {
              let c = a.cwnd;
              for (let k = 0; k < n && c > floor; k++) c = Math.floor(c / 2);
              return Math.max(c, floor);
            };
            if (idleRestart === "rfc5681") expect(b.cwnd, where).toBe(floor);
            else {
              const ratio = idleMs / rto;
              const n = Math.ceil(ratio) - 1;
              // at an exact multiple of the RTO, floating point may count one halving more or less
              const allowed = Math.abs(ratio - Math.round(ratio)) < 1e-9 ? [halved(n - 1), halved(n), halved(n + 1)] : [halved(n)];
              expect(allowed, `${where}: idle ${idleMs} ms, rto ${rto} ms`).toContain(b.cwnd);
            }
          }
        }
      }),
      runs(150),
    );
  });
});
