/**
 * Property tests (fast-check) for the page-load models and pipelining:
 * random pages, links, TCP options and server times for every strategy,
 * checked against the physical floor, the order of each request's events
 * and the wire itself. A failure prints the seed and the shrunk
 * counterexample; FC_SEED=<n> reruns with another seed.
 */
import * as fc from "fast-check";
import { ConnectionAbortedError } from "../../lib/errors";
import { describe, expect, it } from "vitest";
import { DEFAULT_PAGE_REQUEST_BYTES, PAGE_LOAD_STRATEGIES, simulatePageLoad } from "../../lib/http/page-load";
import type { PageLoadInput, PageLoadResult, PageLoadStrategy } from "../../lib/http/page-load";
import { pageLoadFloor } from "../../lib/http/page-load-floor";
import { TLS_VERSIONS } from "../../lib/tcp/tls-handshake";
import { simulatePipeline } from "../../lib/http/pipeline-retry";
import type { PipelineRequest } from "../../lib/http/pipeline-retry";
import { defaultMss } from "../../lib/tcp/stacks";
import { H2_CLIENT_START_BYTES, H2_SERVER_SETTINGS_BYTES, H2_SETTINGS_ACK_BYTES } from "../../lib/http/http2-frames";

const SEED = Number(process.env.FC_SEED ?? 42_024);
const runs = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, seed: SEED });
/** Floating-point slack: times are sums of many fractional delays. */
const EPS = 1e-6;

const page = fc.record({
  htmlBytes: fc.oneof(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 60_000 })),
  objectBytes: fc.array(fc.oneof(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 60_000 })), { maxLength: 7 }),
});

type ServerKind = "none" | "number" | "array";

/** Any valid input, every strategy; serverMs as a number, one per request, or none. */
const pageLoadInput = (
  strategies: readonly PageLoadStrategy[] = PAGE_LOAD_STRATEGIES,
  serverKinds: readonly ServerKind[] = ["none", "number", "array"],
): fc.Arbitrary<PageLoadInput> =>
  fc
    .record(
      {
        page,
        strategy: fc.constantFrom(...strategies),
        maxConnections: fc.integer({ min: 1, max: 6 }),
        rttMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 300, noNaN: true })),
        bandwidthBps: fc.oneof(
          fc.constant(Infinity),
          fc.integer({ min: 50_000, max: 1_000_000_000 }),
          fc.double({ min: 1e4, max: 1e9, noNaN: true }),
        ),
        mss: fc.oneof(fc.integer({ min: 200, max: 1_460 }), fc.constant(1_460)),
        initialWindow: fc.integer({ min: 1, max: 10 }),
        nagle: fc.boolean(),
        delayedAckMs: fc.oneof(fc.constantFrom(0, 40, 200), fc.integer({ min: 0, max: 500 })),
        serverKind: fc.constantFrom(...serverKinds),
        serverTimes: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 300 }), fc.double({ min: 0, max: 300, noNaN: true })), {
          minLength: 8,
          maxLength: 8,
        }),
        requestBytes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 4_000 })),
      },
      { requiredKeys: ["page", "strategy", "rttMs", "bandwidthBps", "serverKind", "serverTimes"] },
    )
    .map(({ serverKind, serverTimes, maxConnections, ...input }) => {
      const k = input.page.objectBytes.length;
      const serverMs = serverKind === "number" ? serverTimes[0] : serverKind === "array" ? serverTimes.slice(0, k + 1) : undefined;
      // serial, pipelined and multiplexed use exactly one connection
      const many = input.strategy === "parallel" || input.strategy === "persistent";
      return { ...input, serverMs, ...(many && maxConnections !== undefined ? { maxConnections } : {}) };
    });

const paths = (r: PageLoadResult) => r.requests.map((q) => q.path);
/** The labels the browser's requests ("GET /x") or the server's responses ("200 /x (n B)") carry on the wire, in wire order. */
function labelsOnWire(r: PageLoadResult, from: "client" | "server", conn?: number): string[] {
  // one segment may carry several labels, joined by ", "
  const pattern = from === "client" ? /GET ([^\s,]+)/g : /200 ([^\s,]+) \(/g;
  return r.trace
    .filter((e) => e.from === from && e.note !== undefined && (conn === undefined || e.conn === conn))
    .flatMap((e) => [...e.note!.matchAll(pattern)].map((m) => m[1]));
}

describe("simulatePageLoad: properties", () => {
  it("never finishes before the physical floor, for every strategy (no or one server time)", () => {
    fc.assert(
      fc.property(pageLoadInput(), (input) => {
        const same = Array.isArray(input.serverMs) ? { ...input, serverMs: input.serverMs[0] } : input;
        const { floorMs } = pageLoadFloor(same);
        const { elapsedMs } = simulatePageLoad(same);
        expect(elapsedMs).toBeGreaterThanOrEqual(floorMs - EPS);
      }),
      runs(100), // and 100 more with a time per request below
    );
  });

  it("with a server time per request, over TLS or not, never finishes before the floor", () => {
    fc.assert(
      fc.property(pageLoadInput(PAGE_LOAD_STRATEGIES, ["array"]), fc.constantFrom(...TLS_VERSIONS), (plain, tls) => {
        const input: PageLoadInput = { ...plain, tls };
        const { floorMs } = pageLoadFloor(input);
        expect(simulatePageLoad(input).elapsedMs).toBeGreaterThanOrEqual(floorMs - EPS);
      }),
      runs(100),
    );
  });

  it("over QUIC, with or without 0-RTT, never finishes before the floor", () => {
    fc.assert(
      fc.property(pageLoadInput(["multiplexed"]), fc.boolean(), (input, zeroRtt) => {
        const quic: PageLoadInput = { ...input, transport: "quic", zeroRtt };
        expect(simulatePageLoad(quic).elapsedMs).toBeGreaterThanOrEqual(pageLoadFloor(quic).floorMs - EPS);
      }),
      runs(60),
    );
  });

  // Once a bug: the floor added the slowest object's server time on top of every object's transfer
  // and of every round trip, but other responses travel, or other connections work, while that
  // server thinks, so real loads beat it by hundreds of ms. Small responses on an unlimited link
  // wait for nothing but the round trips and the think times: there the floor is reached exactly.
  it("with one slow server time, stays below real loads, and reaches them on an unlimited link", () => {
    const page = { htmlBytes: 1_000, objectBytes: [50_000, 1_000] };
    const slowLast = [0, 0, 400];
    const cases: [PageLoadInput, number][] = [
      // [input, the floor]; the loads take 738.24, 738.24, 839.20 and 1300 ms
      [{ page, strategy: "pipelined", rttMs: 100, bandwidthBps: 1e6, serverMs: slowLast }, 716],
      [{ page, strategy: "multiplexed", rttMs: 100, bandwidthBps: 1e6, serverMs: slowLast }, 716],
      [{ page, strategy: "parallel", maxConnections: 2, rttMs: 100, bandwidthBps: 1e6, serverMs: slowLast }, 816],
      [
        {
          page: { htmlBytes: 1_000, objectBytes: [1_000, 1_000, 1_000] },
          strategy: "persistent",
          maxConnections: 2,
          rttMs: 100,
          bandwidthBps: Infinity,
          serverMs: [0, 1_000, 0, 0],
        },
        1_300,
      ],
    ];
    for (const [input, floor] of cases) {
      expect(pageLoadFloor(input).floorMs, input.strategy).toBeCloseTo(floor, 6);
      expect(simulatePageLoad(input).elapsedMs, input.strategy).toBeGreaterThanOrEqual(floor - EPS);
    }
    const small = { htmlBytes: 1_000, objectBytes: [1_000, 1_000] };
    const unlimited = { page: small, rttMs: 100, bandwidthBps: Infinity, serverMs: slowLast };
    const inputs: PageLoadInput[] = [
      ...PAGE_LOAD_STRATEGIES.flatMap((strategy) => TLS_VERSIONS.map((tls): PageLoadInput => ({ ...unlimited, strategy, tls }))),
      { ...unlimited, strategy: "multiplexed", transport: "quic" },
      { ...unlimited, strategy: "multiplexed", transport: "quic", zeroRtt: true },
    ];
    for (const input of inputs) {
      const at = `${input.strategy} ${input.transport ?? "tcp"} tls ${input.tls ?? "-"}${input.zeroRtt ? " 0-RTT" : ""}`;
      expect(simulatePageLoad(input).elapsedMs, at).toBeCloseTo(pageLoadFloor(input).floorMs, 6);
    }
  });

  it("each request's times are finite, non-negative and in order: queued, sent, at the server, answered, first byte, done", () => {
    fc.assert(
      fc.property(pageLoadInput(), (input) => {
        const r = simulatePageLoad(input);
        const rtt = input.rttMs;
        expect(Number.isFinite(r.elapsedMs) && r.elapsedMs >= 0).toBe(true);
        expect(r.requests.map((q) => q.index)).toEqual(Array.from({ length: input.page.objectBytes.length + 1 }, (_, i) => i));
        for (const q of r.requests) {
          const times = [q.queuedMs, q.sentMs, q.arrivedAtServerMs, q.respondedMs, q.firstByteMs, q.doneMs];
          const at = `${q.path}: ${JSON.stringify(times)}`;
          expect(
            times.every((t) => Number.isFinite(t) && t >= 0),
            at,
          ).toBe(true);
          expect(q.sentMs, at).toBeGreaterThanOrEqual(q.queuedMs - EPS);
          // half a round trip each way, at least
          expect(q.arrivedAtServerMs - q.sentMs, at).toBeGreaterThanOrEqual(rtt / 2 - EPS);
          expect(q.respondedMs - q.arrivedAtServerMs, at).toBeGreaterThanOrEqual(q.serverMs - EPS);
          expect(q.firstByteMs - q.respondedMs, at).toBeGreaterThanOrEqual(rtt / 2 - EPS);
          expect(q.doneMs, at).toBeGreaterThanOrEqual(q.firstByteMs);
          expect(q.doneMs, at).toBeLessThanOrEqual(r.elapsedMs);
          if (q.connectStartMs !== undefined) {
            expect(q.connectedMs! - q.connectStartMs, at).toBeGreaterThanOrEqual(rtt - EPS); // SYN, SYN-ACK
            expect(q.sentMs, at).toBeGreaterThanOrEqual(q.connectedMs! - EPS);
          }
          // objects are asked for only once the HTML is in
          if (q.kind === "object") expect(q.queuedMs, at).toBeGreaterThanOrEqual(r.requests[0].doneMs);
        }
        expect(r.elapsedMs).toBe(Math.max(...r.requests.map((q) => q.doneMs)));
        expect(r.trace.filter((e, j) => !Number.isFinite(e.tMs) || e.tMs < 0 || (j > 0 && e.tMs < r.trace[j - 1].tMs))).toEqual([]);
      }),
      runs(150),
    );
  });

  it("at the edges of the valid range (huge delays, tiny bandwidths) gives finite times, a RangeError or a connection that gave up, never NaN or Infinity", () => {
    const extreme = fc.record({
      page: fc.record({
        htmlBytes: fc.integer({ min: 1, max: 3_000 }),
        objectBytes: fc.array(fc.integer({ min: 1, max: 3_000 }), { maxLength: 3 }),
      }),
      strategy: fc.constantFrom(...PAGE_LOAD_STRATEGIES),
      rttMs: fc.oneof(fc.double({ min: 0, max: 1e-300, noNaN: true }), fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true })),
      bandwidthBps: fc.oneof(
        fc.constant(Infinity),
        fc.double({ min: Number.MIN_VALUE, max: 1e-3, noNaN: true }),
        fc.double({ min: 1e-3, max: Number.MAX_VALUE, noNaN: true }),
      ),
      serverMs: fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
    });
    fc.assert(
      fc.property(extreme, (input) => {
        let r: PageLoadResult;
        try {
          r = simulatePageLoad(input);
        } catch (e) {
          // the sum of the delays left the numbers: refused (today the message names the
          // engine's "atMs", not the input's parameter; see the report); or a link so slow
          // that the handshake's retries give up, as a real stack's would (lib/errors.ts)
          if (!(e instanceof ConnectionAbortedError)) expect(e).toBeInstanceOf(RangeError);
          return;
        }
        const times = r.requests.flatMap((q) => [q.queuedMs, q.sentMs, q.arrivedAtServerMs, q.respondedMs, q.firstByteMs, q.doneMs]);
        expect(times.filter((t) => !Number.isFinite(t) || t < 0)).toEqual([]);
        expect(r.trace.filter((e) => !Number.isFinite(e.tMs) || e.tMs < 0)).toEqual([]);
        expect(Number.isFinite(r.elapsedMs)).toBe(true);
      }),
      runs(100),
    );
  });

  it("every request goes on the wire once and is answered once; every connection is closed", () => {
    fc.assert(
      fc.property(pageLoadInput(), (input) => {
        const r = simulatePageLoad(input);
        expect(labelsOnWire(r, "client").sort()).toEqual(paths(r).sort());
        expect(labelsOnWire(r, "server").sort()).toEqual(paths(r).sort());
        // first sends only: on a slow link a spurious timeout sends some packets again (traced as retransmit)
        expect(r.trace.filter((e) => e.flags.includes("FIN") && !e.retransmit).length).toBe(2 * r.connectionsOpened);
        // bytes on the wire: each connection carries its requests' and responses' bytes exactly, in segments of at most MSS
        const mss = input.mss ?? defaultMss(true);
        expect(r.trace.filter((e) => e.bytes > mss)).toEqual([]);
        for (const c of r.connections) {
          const payload = (from: string) =>
            r.trace.filter((e) => e.conn === c.conn && e.from === from && !e.retransmit).reduce((n, e) => n + e.bytes, 0);
          // HTTP/2's own frames ride beside the requests and responses (http2-frames.ts)
          const h2 = input.strategy === "multiplexed";
          const h2Up = h2 ? H2_CLIENT_START_BYTES + H2_SETTINGS_ACK_BYTES : 0;
          const h2Down = h2 ? H2_SERVER_SETTINGS_BYTES + H2_SETTINGS_ACK_BYTES : 0;
          expect(payload("client")).toBe(c.requests.length * (input.requestBytes ?? DEFAULT_PAGE_REQUEST_BYTES) + h2Up);
          expect(payload("server")).toBe(c.requests.reduce((n, i) => n + r.requests[i].bytes, 0) + h2Down);
        }
        // a request's response comes back on the connection that carried it
        for (const q of r.requests) {
          expect(labelsOnWire(r, "server", q.conn)).toContain(q.path);
          expect(r.connections[q.conn].requests).toContain(q.index);
        }
      }),
      runs(100),
    );
  });

  it("pipelined (and persistent): on each connection the responses come back in request order", () => {
    fc.assert(
      fc.property(pageLoadInput(["pipelined", "persistent"]), (input) => {
        const r = simulatePageLoad(input);
        if (input.strategy === "pipelined") {
          expect(r.connectionsOpened).toBe(1);
          expect(r.connections[0].requests).toEqual(r.requests.map((q) => q.index));
        }
        for (const c of r.connections) {
          const on = c.requests.map((i) => r.requests[i]);
          // the browser's requests and the server's responses on the wire, both in request order
          expect(labelsOnWire(r, "client", c.conn)).toEqual(on.map((q) => q.path));
          expect(labelsOnWire(r, "server", c.conn)).toEqual(on.map((q) => q.path));
          for (let j = 1; j < on.length; j++) {
            const [a, b] = [on[j - 1], on[j]];
            expect(b.respondedMs, `${b.path} answered before ${a.path}`).toBeGreaterThanOrEqual(a.respondedMs);
            // the next response's first byte follows the previous one's last byte in the stream
            expect(b.firstByteMs, `${b.path} began before ${a.path} was done`).toBeGreaterThanOrEqual(a.doneMs);
          }
        }
      }),
      runs(150),
    );
  });
});

describe("simulatePipeline: properties", () => {
  const METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST", "PATCH", "get"];
  const scenario = fc.record(
    {
      requests: fc.array(fc.record({ method: fc.constantFrom(...METHODS) }), { minLength: 1, maxLength: 10 }) as fc.Arbitrary<
        PipelineRequest[]
      >,
      serverClosesAfter: fc.integer({ min: 1, max: 5 }),
      announcesClose: fc.boolean(),
      maxDepth: fc.integer({ min: 1, max: 4 }),
      pipelineNonIdempotent: fc.boolean(),
      confirmPersistenceFirst: fc.boolean(),
    },
    { requiredKeys: ["requests", "serverClosesAfter"] },
  );
  const idempotent = (m: string) => ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"].includes(m);

  it("every request is answered at most once, in request order, or fails; only idempotent ones are resent", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const run = simulatePipeline(s);
        const all = s.requests.map((_, i) => i);
        const answersInLog = run.log.flatMap((line) => [...line.matchAll(/response to #(\d+) /g)].map((m) => Number(m[1])));
        expect(answersInLog).toEqual(run.answered); // once each, in request order
        expect([...run.answered, ...run.failed].sort((a, b) => a - b)).toEqual(all);
        for (const r of run.requests) {
          expect(r.attempts).toBe(r.connections.length);
          expect(r.attempts).toBeGreaterThanOrEqual(1);
          for (let j = 1; j < r.connections.length; j++) expect(r.connections[j]).toBeGreaterThan(r.connections[j - 1]);
          if (!idempotent(r.method)) {
            expect(r.attempts, `#${r.index} ${r.method} sent again`).toBe(1);
            expect(r.resent).toBe(false);
          }
        }
        if (s.requests.every((q) => idempotent(q.method))) expect(run.failed).toEqual([]);
        // never deeper than maxDepth; a non-idempotent request is never pipelined unless the rule is dropped
        for (const line of run.log) {
          const m = /send #(\d+) (\S+) .*\(pipelined, (\d+) unanswered\)/.exec(line);
          if (!m) continue;
          expect(Number(m[3])).toBeLessThanOrEqual(s.maxDepth ?? Infinity);
          if (!s.pipelineNonIdempotent) expect(idempotent(m[2]), line).toBe(true);
        }
        // no connection answers more than the server allows
        const perConn = new Map<number, number>();
        for (const i of run.answered) {
          const c = run.requests[i].connections.at(-1)!;
          perConn.set(c, (perConn.get(c) ?? 0) + 1);
        }
        for (const n of perConn.values()) expect(n).toBeLessThanOrEqual(s.serverClosesAfter);
      }),
      runs(200),
    );
  });

  it("probes every connection after an unannounced close, and the first one only when asked (probedConnections)", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const run = simulatePipeline(s);
        const first = s.confirmPersistenceFirst ? 1 : 0;
        // every connection after the first follows a close; only an unannounced one is a failure
        expect(run.probedConnections).toBe(first + (s.announcesClose ? 0 : run.connectionsOpened - 1));
        // the (English) log marks as many connections "one request alone"
        expect(run.log.filter((line) => line.startsWith("open connection") && line.includes("one request alone"))).toHaveLength(
          run.probedConnections,
        );
      }),
      runs(200),
    );
  });
});
