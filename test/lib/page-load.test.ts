import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_MAX_CONNECTIONS, PAGE_LOAD_STRATEGIES, simulatePageLoad } from "../../lib/http/page-load";
import type { PageLoadInput, PageLoadResult, PageLoadStrategy } from "../../lib/http/page-load";
import { pageLoadFloor } from "../../lib/http/page-load-floor";
import { H2_CLIENT_START_BYTES, H2_SERVER_SETTINGS_BYTES, H2_SETTINGS_ACK_BYTES } from "../../lib/http/http2-frames";
import { resetLanguage, setLanguage } from "../../lib/i18n";

const threeImages = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const smallObjects = { htmlBytes: 5_000, objectBytes: Array.from({ length: 12 }, () => 2_000) };
const load = (strategy: PageLoadStrategy, extra: Partial<PageLoadInput> = {}) =>
  simulatePageLoad({ page: threeImages, strategy, rttMs: 100, bandwidthBps: 10e6, ...extra });

describe("simulatePageLoad: what each strategy does on the wire", () => {
  it("serial and parallel open one connection per request, persistent and pipelined reuse one", () => {
    expect(load("serial").connectionsOpened).toBe(4);
    expect(load("parallel").connectionsOpened).toBe(4);
    expect(load("persistent").connectionsOpened).toBe(1);
    expect(load("pipelined").connectionsOpened).toBe(1);
    expect(load("persistent", { page: smallObjects, maxConnections: 4 }).connectionsOpened).toBe(4);
  });

  it("counts every packet of the trace, SYNs and FINs included, and its wire bytes", () => {
    for (const s of PAGE_LOAD_STRATEGIES) {
      const r = load(s);
      expect(r.packets).toBe(r.trace.length);
      // the "linux" stack: 12 bytes of timestamps on every segment, 20 bytes of options on SYNs
      expect(r.wireBytes).toBe(r.trace.reduce((sum, e) => sum + e.bytes + 40 + (e.flags.includes("SYN") ? 20 : 12), 0));
      const syns = r.trace.filter((e) => e.flags.includes("SYN") && !e.flags.includes("ACK")).length;
      const fins = r.trace.filter((e) => e.flags.includes("FIN")).length;
      expect(syns).toBe(r.connectionsOpened);
      expect(fins).toBe(2 * r.connectionsOpened); // every connection is fully closed
    }
  });

  it("delivers exactly the bytes requested: every response and every request, once", () => {
    for (const s of PAGE_LOAD_STRATEGIES) {
      for (const page of [threeImages, smallObjects]) {
        const r = simulatePageLoad({ page, strategy: s, rttMs: 40, bandwidthBps: 5e6, requestBytes: 400 });
        const down = r.trace.filter((e) => e.from === "server").reduce((sum, e) => sum + e.bytes, 0);
        const up = r.trace.filter((e) => e.from === "client").reduce((sum, e) => sum + e.bytes, 0);
        // HTTP/2's own frames ride beside the requests and responses (http2-frames.ts)
        const [h2Down, h2Up] =
          s === "multiplexed" ? [H2_SERVER_SETTINGS_BYTES + H2_SETTINGS_ACK_BYTES, H2_CLIENT_START_BYTES + H2_SETTINGS_ACK_BYTES] : [0, 0];
        expect(down).toBe(page.htmlBytes + page.objectBytes.reduce((a, b) => a + b, 0) + h2Down);
        expect(up).toBe(400 * (page.objectBytes.length + 1) + h2Up);
        expect(r.requests.map((q) => q.bytes)).toEqual([page.htmlBytes, ...page.objectBytes]);
      }
    }
  });

  it("requests the objects only once the HTML has fully arrived", () => {
    for (const s of PAGE_LOAD_STRATEGIES) {
      const r = load(s);
      const html = r.requests[0];
      for (const o of r.requests.slice(1)) {
        expect(o.queuedMs).toBe(html.doneMs);
        expect(o.sentMs).toBeGreaterThanOrEqual(html.doneMs);
      }
      expect(r.elapsedMs).toBe(Math.max(...r.requests.map((q) => q.doneMs)));
    }
  });

  it("parallel keeps at most maxConnections connections busy at once (default 4)", () => {
    expect(DEFAULT_MAX_CONNECTIONS.parallel).toBe(4);
    for (const max of [1, 2, 4, 6]) {
      const r = load("parallel", { page: smallObjects, maxConnections: max });
      const objects = r.requests.slice(1);
      for (const o of objects) {
        const busy = objects.filter((p) => p.connectStartMs! <= o.connectStartMs! && p.doneMs > o.connectStartMs!).length;
        expect(busy).toBeLessThanOrEqual(max);
      }
      expect(r.connectionsOpened).toBe(1 + smallObjects.objectBytes.length);
    }
  });

  it("closes one-request connections from the server, persistent ones from the client", () => {
    const firstFin = (strategy: PageLoadStrategy) => load(strategy).trace.find((e) => e.flags.includes("FIN"))!.from;
    expect(firstFin("serial")).toBe("server");
    expect(firstFin("parallel")).toBe("server");
    expect(firstFin("persistent")).toBe("client");
    expect(firstFin("pipelined")).toBe("client");
    // elapsedMs ends at the last response byte; the close comes after it
    const r = load("persistent");
    const lastFin = r.trace.filter((e) => e.flags.includes("FIN")).at(-1)!;
    expect(lastFin.tMs).toBeGreaterThanOrEqual(r.elapsedMs);
  });

  it("is deterministic: the same input gives the same trace", () => {
    for (const s of PAGE_LOAD_STRATEGIES) expect(load(s, { page: smallObjects })).toEqual(load(s, { page: smallObjects }));
  });
});

describe("simulatePageLoad: the chapter's claims, from its own numbers", () => {
  it("parallel beats serial when latency dominates (RTT 100 ms, 10 Mbit/s)", () => {
    const serial = load("serial");
    const parallel = load("parallel");
    expect(serial.elapsedMs / parallel.elapsedMs).toBeGreaterThan(1.8);
  });

  it("the gain fades when bandwidth is the limit (RTT 10 ms, 1 Mbit/s)", () => {
    const slow = { rttMs: 10, bandwidthBps: 1e6 };
    const gain = load("serial", slow).elapsedMs / load("parallel", slow).elapsedMs;
    expect(gain).toBeLessThan(1.15);
    expect(gain).toBeGreaterThan(0.9);
    // going from 1 to 6 connections: a 3.5x gain at high latency, about 10 % on the slow link
    const six = { htmlBytes: 10_000, objectBytes: Array.from({ length: 6 }, () => 20_000) };
    const ratio = (rttMs: number, bandwidthBps: number) =>
      load("parallel", { page: six, rttMs, bandwidthBps, maxConnections: 1 }).elapsedMs /
      load("parallel", { page: six, rttMs, bandwidthBps, maxConnections: 6 }).elapsedMs;
    expect(ratio(100, 10e6)).toBeGreaterThan(3);
    expect(ratio(10, 1e6)).toBeLessThan(1.15);
  });

  it("persistent connections save handshakes and slow start: fewer packets, fewer connections, less time", () => {
    const serial = load("serial");
    const persistent = load("persistent");
    expect(persistent.connectionsOpened).toBeLessThan(serial.connectionsOpened);
    expect(persistent.packets).toBeLessThan(serial.packets);
    expect(persistent.elapsedMs).toBeLessThan(serial.elapsedMs);
    // the same four connections at once, kept instead of replaced: still cheaper
    const p4 = load("persistent", { page: smallObjects, maxConnections: 4 });
    const par4 = load("parallel", { page: smallObjects, maxConnections: 4 });
    expect(p4.connectionsOpened).toBeLessThan(par4.connectionsOpened);
    expect(p4.packets).toBeLessThan(par4.packets);
    expect(p4.elapsedMs).toBeLessThan(par4.elapsedMs);
  });

  it("a reused connection skips the handshake: later requests on it are sent at once", () => {
    const r = load("persistent");
    for (const o of r.requests.slice(1)) {
      expect(o.newConnection).toBe(false);
      expect(o.connectStartMs).toBeUndefined();
      expect(o.firstByteMs - o.sentMs).toBeLessThan(1.5 * 100);
    }
  });

  it("pipelining saves round trips against one request at a time on the same connection", () => {
    const persistent = load("persistent", { page: smallObjects });
    const pipelined = load("pipelined", { page: smallObjects });
    // 12 small objects: about one round trip each, against about one for all
    expect(persistent.elapsedMs - pipelined.elapsedMs).toBeGreaterThan(9 * 100);
    expect(pipelined.connectionsOpened).toBe(persistent.connectionsOpened);
    // the requests all leave together, right after the HTML
    expect(new Set(pipelined.requests.slice(1).map((q) => q.sentMs)).size).toBe(1);
  });

  it("pipelining: one slow response blocks every response behind it (head-of-line blocking)", () => {
    const page = { htmlBytes: 5_000, objectBytes: [2_000, 2_000, 2_000, 2_000] };
    const slowFirst = [0, 500, 0, 0, 0]; // HTML, then object 1 takes 500 ms to produce
    const fast = simulatePageLoad({ page, strategy: "pipelined", rttMs: 50, bandwidthBps: 10e6 });
    const slow = simulatePageLoad({ page, strategy: "pipelined", rttMs: 50, bandwidthBps: 10e6, serverMs: slowFirst });
    const objects = slow.requests.slice(1);
    // responses arrive in request order, and none before the slow one
    for (let i = 1; i < objects.length; i++) expect(objects[i].doneMs).toBeGreaterThanOrEqual(objects[i - 1].doneMs);
    for (const [i, o] of objects.entries()) {
      expect(o.doneMs - fast.requests[i + 1].doneMs).toBeGreaterThan(450); // every one waited ~500 ms
    }
    // the fast ones were ready long before: the server held them back
    for (const o of objects.slice(1)) expect(o.respondedMs - (o.arrivedAtServerMs + o.serverMs)).toBeGreaterThan(450);
    // on separate connections the fast objects do not wait for the slow one
    const par = simulatePageLoad({ page, strategy: "parallel", rttMs: 50, bandwidthBps: 10e6, serverMs: slowFirst });
    for (const o of par.requests.slice(2)) expect(o.doneMs).toBeLessThan(par.requests[1].doneMs - 300);
  });

  it("never beats the physical floor: dependent round trips plus bytes over bandwidth", () => {
    const pages = [threeImages, smallObjects, { htmlBytes: 1, objectBytes: [] }, { htmlBytes: 50_000, objectBytes: [300_000, 1_000] }];
    for (const page of pages) {
      for (const strategy of PAGE_LOAD_STRATEGIES) {
        for (const [rttMs, bandwidthBps] of [
          [0, 1e6],
          [10, 1e6],
          [100, 10e6],
          [200, Infinity],
          [30, 100e6],
        ]) {
          for (const maxConnections of strategy === "parallel" || strategy === "persistent" ? [1, 3, 6] : [1]) {
            const input = { page, strategy, rttMs, bandwidthBps, maxConnections, serverMs: 5 };
            const { floorMs } = pageLoadFloor(input);
            const { elapsedMs } = simulatePageLoad(input);
            expect(elapsedMs, `${strategy} x${maxConnections} rtt ${rttMs} bw ${bandwidthBps}`).toBeGreaterThanOrEqual(floorMs - 1e-9);
          }
        }
      }
    }
  });

  it("stays close to the floor where slow start has nothing to do (one small object, no serialisation)", () => {
    const page = { htmlBytes: 1_000, objectBytes: [1_000] };
    for (const strategy of PAGE_LOAD_STRATEGIES) {
      const input = { page, strategy, rttMs: 100, bandwidthBps: Infinity };
      expect(simulatePageLoad(input).elapsedMs).toBeCloseTo(pageLoadFloor(input).floorMs, 6);
    }
  });
});

describe("simulatePageLoad: bad input is named", () => {
  const ok: PageLoadInput = { page: threeImages, strategy: "serial", rttMs: 100, bandwidthBps: 1e6 };
  it("rejects an unknown strategy with the list of valid ones", () => {
    expect(() => simulatePageLoad({ ...ok, strategy: "turbo" as PageLoadStrategy })).toThrow(RangeError);
    expect(() => simulatePageLoad({ ...ok, strategy: "turbo" as PageLoadStrategy })).toThrow(
      /"serial", "parallel", "persistent", "pipelined", "multiplexed"/,
    );
  });
  it("rejects maxConnections 0, and more than 1 for serial or pipelined", () => {
    expect(() => simulatePageLoad({ ...ok, strategy: "parallel", maxConnections: 0 })).toThrow(/maxConnections.*Received 0/);
    expect(() => simulatePageLoad({ ...ok, strategy: "parallel", maxConnections: 2.5 })).toThrow(RangeError);
    expect(() => simulatePageLoad({ ...ok, strategy: "serial", maxConnections: 4 })).toThrow(/maxConnections.*serial/);
    expect(() => simulatePageLoad({ ...ok, strategy: "pipelined", maxConnections: 2 })).toThrow(RangeError);
  });
  it("rejects negative or NaN sizes and times, naming the parameter and value", () => {
    expect(() => simulatePageLoad({ ...ok, page: { htmlBytes: -1, objectBytes: [] } })).toThrow(/page\.htmlBytes.*-1/);
    expect(() => simulatePageLoad({ ...ok, page: { htmlBytes: 10, objectBytes: [5, NaN] } })).toThrow(/page\.objectBytes\[1\].*NaN/);
    expect(() => simulatePageLoad({ ...ok, rttMs: NaN })).toThrow(/rttMs.*NaN/);
    expect(() => simulatePageLoad({ ...ok, bandwidthBps: 0 })).toThrow(/bandwidthBps/);
    expect(() => simulatePageLoad({ ...ok, requestBytes: -5 })).toThrow(/requestBytes.*-5/);
    expect(() => simulatePageLoad({ ...ok, mss: 0 })).toThrow(/mss.*0/);
    expect(() => simulatePageLoad({ ...ok, serverMs: -1 })).toThrow(/serverMs.*-1/);
    expect(() => simulatePageLoad({ ...ok, serverMs: [1, 2] })).toThrow(/serverMs.*4 times/);
    expect(() => simulatePageLoad({ ...ok, serverMs: () => NaN })).toThrow(/serverMs\(\/index\.html\)/);
    expect(() => simulatePageLoad({ ...ok, page: { htmlBytes: 10 } as never })).toThrow(TypeError);
  });
  it("accepts Nagle on and delayed ACK off without hanging", () => {
    for (const s of PAGE_LOAD_STRATEGIES) {
      expect(simulatePageLoad({ ...ok, strategy: s, nagle: true, page: smallObjects }).elapsedMs).toBeGreaterThan(0);
      expect(simulatePageLoad({ ...ok, strategy: s, delayedAckMs: 0 }).elapsedMs).toBeGreaterThan(0);
    }
  });
});

describe("simulatePageLoad: multiplexed (HTTP/2's idea) removes HTTP/1.1's head-of-line blocking", () => {
  // the first object is slow at the server; the others are quick
  const page = { htmlBytes: 2000, objectBytes: [3000, 3000, 3000, 3000] };
  const serverMs = [0, 300, 5, 5, 5];
  const run = (strategy: PageLoadStrategy) => simulatePageLoad({ page, strategy, rttMs: 50, bandwidthBps: 10e6, serverMs });

  it("the quick responses no longer wait behind the slow one", () => {
    const piped = run("pipelined");
    const muxed = run("multiplexed");
    const quickDone = (r: ReturnType<typeof run>) => Math.max(...r.requests.filter((q) => q.index >= 2).map((q) => q.doneMs));
    const slowDone = (r: ReturnType<typeof run>) => r.requests.find((q) => q.index === 1)!.doneMs;
    // pipelined: every quick response finishes after the slow one (request order)
    expect(quickDone(piped)).toBeGreaterThan(slowDone(piped));
    // multiplexed: they all finish before it, and far sooner than under pipelining
    expect(quickDone(muxed)).toBeLessThan(slowDone(muxed));
    expect(quickDone(muxed)).toBeLessThan(quickDone(piped) - 200);
    expect(muxed.connectionsOpened).toBe(1);
  });

  it("with equal server times it matches pipelining but for packing: the responses of one moment share segments", () => {
    const same = (strategy: PageLoadStrategy) => simulatePageLoad({ page, strategy, rttMs: 50, bandwidthBps: 10e6, serverMs: 5 });
    const [mux, pipe] = [same("multiplexed"), same("pipelined")];
    const payload = (r: PageLoadResult) => r.trace.reduce((n, e) => n + e.bytes, 0);
    const h2 = H2_CLIENT_START_BYTES + H2_SERVER_SETTINGS_BYTES + 2 * H2_SETTINGS_ACK_BYTES;
    expect(payload(mux)).toBe(payload(pipe) + h2);
    // an HTTP/1.1 server writes each response on its own; an HTTP/2 server sends a moment's frames together
    const serverData = (r: PageLoadResult) => r.trace.filter((e) => e.from === "server" && e.bytes > 0).length;
    expect(serverData(mux)).toBeLessThan(serverData(pipe));
    expect(mux.elapsedMs).toBeLessThanOrEqual(pipe.elapsedMs);
    expect(mux.elapsedMs).toBeGreaterThan(0.99 * pipe.elapsedMs);
  });

  it("accepts only one connection", () => {
    expect(() => simulatePageLoad({ page, strategy: "multiplexed", rttMs: 50, bandwidthBps: 1e6, maxConnections: 2 })).toThrow(
      /maxConnections/,
    );
  });
});

describe("simulatePageLoad in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses bad input in Korean, naming the parameter", () => {
    setLanguage("ko");
    const ok: PageLoadInput = { page: threeImages, strategy: "serial", rttMs: 100, bandwidthBps: 10e6 };
    expect(() => simulatePageLoad({ ...ok, maxConnections: 4 })).toThrow(
      '"maxConnections" 값이 허용 범위를 벗어났습니다. 허용되는 값: 1("serial" 전략은 한 번에 커넥션 하나만 씁니다. 더 쓰려면 "parallel"이나 "persistent"를 고르세요). 받은 값: 4',
    );
    expect(() => simulatePageLoad({ ...ok, page: undefined as never })).toThrow(
      /"page" 인자가 잘못되었습니다\. 필요한 것: 객체 \{ htmlBytes, objectBytes \}/,
    );
    expect(() => simulatePageLoad({ ...ok, serverMs: [1, 2] })).toThrow(/"serverMs".*시간 4개의 배열\(HTML, 이어서 각 객체\)/);
    expect(() => simulatePageLoad({ ...ok, page: { htmlBytes: 1460 * 100_001, objectBytes: [] } })).toThrow(
      /"page.htmlBytes".*요청과 응답을 합쳐 세그먼트\(mss 1448\) 최대 100000개/,
    );
  });
});
