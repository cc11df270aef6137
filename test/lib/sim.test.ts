import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { Scheduler } from "../../lib/sim/scheduler";
import { Link, symmetricLink } from "../../lib/sim/link";
import { Network } from "../../lib/sim/engine";
import type { Trace } from "../../lib/tcp/trace";
import { handshake } from "../../lib/tcp/handshake";
import { slowStart } from "../../lib/tcp/slow-start";

const MSS = 1460;
/**
 * The mechanisms these tests pin, as the closed-form models (handshake.ts, slow-start.ts...) assume
 * them: the "rfc" stack with a 40 ms delayed ACK. The "linux" stack has its own tests below.
 */
const RFC40 = { stack: "rfc", delayedAckMs: 40 } as const;

/** One request/response exchange on a fresh connection; returns the network and the times. */
function exchange(opts: { rttMs: number; bandwidthBps?: number; request: number; response: number; serverMs?: number; net?: object }) {
  const net = new Network({ ...RFC40, rttMs: opts.rttMs, bandwidthBps: opts.bandwidthBps, ...opts.net });
  const conn = net.open({ atMs: 0 });
  const times = { requestMs: NaN, responseMs: NaN };
  conn.client.write(opts.request, "GET /");
  conn.server.read(opts.request, (t) => {
    times.requestMs = t;
    net.at(t + (opts.serverMs ?? 0), () => conn.server.write(opts.response, "200 OK"));
  });
  conn.client.read(opts.response, (t) => (times.responseMs = t));
  net.run();
  return { net, conn, ...times };
}

const dataFlights = (trace: Trace, from: "client" | "server") => [
  ...new Set(trace.filter((e) => e.from === from && e.bytes > 0).map((e) => e.tMs)),
];

describe("Scheduler", () => {
  it("refuses to cancel a frozen handle, naming the handle, and leaves its event to run", () => {
    const s = new Scheduler();
    let ran = 0;
    const h = s.at(1, () => ran++);
    expect(() => s.cancel(Object.freeze(h))).toThrow(/"handle" argument must be/);
    s.run();
    expect(ran).toBe(1);
  });

  it("runs events in time order, and events at the same time in the order scheduled", () => {
    const s = new Scheduler();
    const seen: string[] = [];
    s.at(5, () => seen.push("b"));
    s.at(1, () => seen.push("a"));
    s.at(5, () => seen.push("c"));
    s.at(5, () => s.after(0, () => seen.push("e")));
    s.at(5, () => seen.push("d"));
    s.run();
    expect(seen).toEqual(["a", "b", "c", "d", "e"]);
    expect(s.now).toBe(5);
  });

  it("skips cancelled events and stops at untilMs", () => {
    const s = new Scheduler();
    const seen: number[] = [];
    const h = s.at(2, () => seen.push(2));
    s.at(3, () => seen.push(3));
    s.at(10, () => seen.push(10));
    s.cancel(h);
    s.run(5);
    expect(seen).toEqual([3]);
    expect(s.now).toBe(5);
  });

  it("keeps time order and FIFO ties over many events scheduled out of order, with cancellations", () => {
    const s = new Scheduler();
    const seen: [number, number][] = [];
    const handles = [];
    let x = 12345;
    for (let i = 0; i < 5000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648; // a fixed pseudo-random sequence
      const t = x % 50;
      handles.push(s.at(t, () => seen.push([t, i])));
    }
    for (let i = 0; i < 5000; i += 7) s.cancel(handles[i]);
    s.run();
    const expected = handles.map((h, i) => [h.atMs, i] as [number, number]).filter((_, i) => i % 7 !== 0);
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(seen).toEqual(expected);
    expect(s.pending).toBe(0);
  });

  it("refuses the past and stops a runaway model instead of hanging", () => {
    const s = new Scheduler(100);
    s.at(3, () => undefined);
    s.run();
    expect(() => s.at(1, () => undefined)).toThrow(RangeError);
    const loop = () => s.after(1, loop);
    loop();
    expect(() => s.run()).toThrow(/100 events/);
  });
});

describe("Link", () => {
  it("serialises each packet and queues packets behind each other", () => {
    const link = new Link({ clientToServer: { delayMs: 10, bandwidthBps: 12e6 }, serverToClient: { delayMs: 30 } });
    // 1500 wire bytes at 12 Mbit/s take exactly 1 ms
    expect(link.transmit("client", 0, 1500)).toEqual({ startMs: 0, endMs: 1, arriveMs: 11 });
    expect(link.transmit("client", 0, 1500)).toEqual({ startMs: 1, endMs: 2, arriveMs: 12 });
    expect(link.transmit("client", 5, 1500)).toEqual({ startMs: 5, endMs: 6, arriveMs: 16 });
    // the other direction is independent and here unlimited
    expect(link.transmit("server", 0, 1500)).toEqual({ startMs: 0, endMs: 0, arriveMs: 30 });
    expect(link.rttMs).toBe(40);
  });

  it("rejects bad specs, naming the parameter", () => {
    expect(() => symmetricLink(-1)).toThrow(/rttMs/);
    expect(() => symmetricLink(10, 0)).toThrow(/bandwidthBps/);
    expect(() => new Link({ clientToServer: { delayMs: NaN }, serverToClient: { delayMs: 1 } })).toThrow(/clientToServer.delayMs/);
  });
});

describe("Network: handshake", () => {
  it("SYN, SYN-ACK, and the request riding on the third packet, as the handshake model says", () => {
    const { net, requestMs } = exchange({ rttMs: 100, request: 300, response: 1000 });
    const first3 = net.trace.slice(0, 3).map(({ tMs, from, flags, bytes }) => ({ tMs, from, flags, bytes }));
    const model = handshake({ rttMs: 100, requestBytes: 300 }).packets.map(({ tMs, from, flags, bytes }) => ({ tMs, from, flags, bytes }));
    expect(first3).toEqual(model);
    expect(first3[2]).toEqual({ tMs: 100, from: "client", flags: ["ACK", "PSH"], bytes: 300 });
    expect(requestMs).toBe(150);
  });

  it("sends a pure ACK as the third packet when the client has nothing to say yet", () => {
    const net = new Network({ ...RFC40, rttMs: 80 });
    const conn = net.open({ atMs: 10 });
    let establishedAt = NaN;
    conn.onEstablished((t) => (establishedAt = t));
    net.run();
    expect(net.trace.map((e) => [e.tMs, e.from, e.flags.join(",")])).toEqual([
      [10, "client", "SYN"],
      [50, "server", "SYN,ACK"],
      [90, "client", "ACK"],
    ]);
    expect(establishedAt).toBe(90);
    expect(conn.server.established).toBe(true);
  });

  it("agrees with the handshake model when SYNs take serialisation time", () => {
    const net = new Network({ ...RFC40, rttMs: 100, bandwidthBps: 1e6 });
    net.open();
    net.run();
    expect(net.trace.map((e) => e.tMs)).toEqual(handshake({ rttMs: 100, bandwidthBps: 1e6 }).packets.map((e) => e.tMs));
  });
});

describe("Network: slow start", () => {
  it("sends a response in the flights of the round model (delayed ACK off, no Nagle tail)", () => {
    const bytes = 100_000;
    const { net, requestMs, responseMs } = exchange({ rttMs: 100, request: 300, response: bytes, net: { delayedAckMs: 0, nagle: false } });
    const model = slowStart({ bytes, rttMs: 100 });
    const flights = dataFlights(net.trace, "server");
    expect(flights).toEqual([150, 250, 350]);
    expect(flights.length).toBe(model.rounds);
    const perFlight = flights.map((t) => net.trace.filter((e) => e.from === "server" && e.bytes > 0 && e.tMs === t).length);
    expect(perFlight).toEqual(model.segmentsPerRound);
    expect(responseMs - requestMs).toBe(model.timeMs);
  });

  it("grows about 1.5x per round with delayed ACKs, as the round model", () => {
    const { conn } = exchange({ rttMs: 100, request: 300, response: 200 * MSS, net: { nagle: false } });
    const model = slowStart({ bytes: 200 * MSS, rttMs: 100, delayedAck: true });
    // Round 1 (10 segments) is ACKed by 5 ACKs arriving at 250: cwnd 15. Round 2 (15 segments,
    // sent at 250) gets 7 ACKs at 350 and one for the odd segment on the client's 40 ms timer,
    // arriving at 390: cwnd 22, then 23. The round model counts that late ACK in its round.
    const cwndAt = (t: number) => conn.server.cwndLog.filter((s) => s.tMs <= t).at(-1)!.cwnd;
    expect([cwndAt(250), cwndAt(350), cwndAt(390)]).toEqual([15, 22, 23]);
    expect([cwndAt(250), cwndAt(390)]).toEqual(model.cwndPerRound.slice(1, 3));
    expect(model.cwndPerRound.slice(0, 3)).toEqual([10, 15, 23]);
  });

  it("doubles per round with delayed ACKs under abcLimit 2 (RFC 3465, L = 2) or Infinity (Linux)", () => {
    for (const abcLimit of [2, Infinity]) {
      const { conn } = exchange({ rttMs: 100, request: 300, response: 200 * MSS, net: { nagle: false, abcLimit } });
      const cwndAt = (t: number) => conn.server.cwndLog.filter((s) => s.tMs <= t).at(-1)!.cwnd;
      // 10 segments at 150, ACKed in pairs at 250 (+2 each); 20 at 250, ACKed in pairs at 350
      expect([cwndAt(250), cwndAt(350)], `abcLimit ${abcLimit}`).toEqual([20, 40]);
      expect(slowStart({ bytes: 200 * MSS, rttMs: 100, delayedAck: true, abcLimit }).cwndPerRound.slice(0, 3)).toEqual([10, 20, 40]);
    }
    expect(() => new Network({ ...RFC40, abcLimit: 0 })).toThrow(/"abcLimit"/);
  });

  it("classic Nagle holds the small tail of a response until everything before it is ACKed; Minshall's does not", () => {
    const bytes = 20 * MSS + 100;
    const tail = (variant: "classic" | "minshall") => {
      const { net } = exchange({ rttMs: 100, request: 300, response: bytes, net: { delayedAckMs: 0, nagleVariant: variant } });
      return net.trace.find((e) => e.from === "server" && e.bytes === 100)!.tMs;
    };
    // IW 10: round 1 at 150, round 2 (11 segments: 10 full + tail) at 250
    expect(tail("minshall")).toBe(250);
    expect(tail("classic")).toBe(350);
  });

  it("restarts from the initial window after an idle period longer than the RTO (RFC 5681 4.1)", () => {
    const firstFlightAfterIdle = (idleMs: number, slowStartAfterIdle = true) => {
      const net = new Network({ ...RFC40, rttMs: 50, delayedAckMs: 0, nagle: false, slowStartAfterIdle });
      const conn = net.open({ established: true });
      conn.server.write(100 * MSS);
      conn.client.read(100 * MSS, (t) => net.at(t + idleMs, () => conn.server.write(100 * MSS, "second")));
      net.run();
      const second = net.trace.find((e) => e.note === "second")!.tMs;
      return net.trace.filter((e) => e.from === "server" && e.bytes > 0 && e.tMs === second).length;
    };
    expect(firstFlightAfterIdle(2000)).toBe(10);
    expect(firstFlightAfterIdle(500)).toBeGreaterThan(10);
    expect(firstFlightAfterIdle(2000, false)).toBeGreaterThan(10);
  });

  it("Linux-style restart (idleRestart 'linux') halves cwnd once per RTO of idle, down to the initial window", () => {
    // cwnd after sending 100 segments with every one ACKed: 110 segments
    const flightAfterIdle = (idleMs: number) => {
      const net = new Network({ ...RFC40, rttMs: 50, delayedAckMs: 0, nagle: false, idleRestart: "linux", rtoMs: 250 });
      const conn = net.open({ established: true });
      conn.server.write(100 * MSS);
      conn.client.read(100 * MSS, (t) => net.at(t + idleMs, () => conn.server.write(200 * MSS, "second")));
      net.run();
      const second = net.trace.find((e) => e.note === "second")!.tMs;
      return net.trace.filter((e) => e.from === "server" && e.bytes > 0 && e.tMs === second).length;
    };
    // the last data left 25 ms before the client has it, so idle = pause + 25 ms
    expect(flightAfterIdle(200)).toBe(110); // 225 ms < RTO: no restart
    expect(flightAfterIdle(300)).toBe(55); // 325 ms: more than one RTO, halved once
    expect(flightAfterIdle(500)).toBe(27); // 525 ms: spans three RTOs, halved twice (whole segments)
    expect(flightAfterIdle(800)).toBe(13); // 825 ms: 110 -> 55 -> 27 -> 13
    expect(flightAfterIdle(5000)).toBe(10); // never below the initial window
    expect(() => new Network({ ...RFC40, idleRestart: "bsd" as never })).toThrow(/"idleRestart"/);
  });

  it("carries a 10^8-byte transfer to the end (the event queue is a heap, not a sorted array)", () => {
    const bytes = 100_000_000;
    const { conn, responseMs } = exchange({ rttMs: 20, bandwidthBps: 1e9, request: 300, response: bytes, net: { abcLimit: Infinity } });
    expect(conn.client.bytesReceived).toBe(bytes);
    expect(conn.server.bytesAcked).toBe(bytes);
    expect(Number.isFinite(responseMs)).toBe(true);
  });

  it("never has more than the receive window in flight", () => {
    const { net } = exchange({ rttMs: 100, request: 300, response: 50 * MSS, net: { receiveWindow: 4 * MSS, delayedAckMs: 0 } });
    expect(
      dataFlights(net.trace, "server").map((t) => net.trace.filter((e) => e.from === "server" && e.bytes > 0 && e.tMs === t).length),
    ).toEqual(
      [...Array(12).fill(4), 2], // 50 segments, 4 per round trip
    );
  });
});

describe("Network: delayed ACK and piggybacking", () => {
  it("ACKs a lone segment on the timer and every second full segment at once", () => {
    const net = new Network({ ...RFC40, rttMs: 100, delayedAckMs: 40 });
    const conn = net.open({ established: true });
    conn.server.write(3 * MSS);
    net.run();
    const acks = net.trace.filter((e) => e.from === "client");
    expect(acks.map((e) => [e.tMs, e.note])).toEqual([
      [50, "2nd full segment"],
      [90, "delayed-ACK timer"],
    ]);
  });

  it("puts the ACK on the response when the server answers before the timer", () => {
    const quick = exchange({ rttMs: 100, request: 300, response: 500, serverMs: 10 });
    expect(quick.net.trace.filter((e) => e.from === "server" && e.bytes === 0 && !e.flags.includes("SYN"))).toEqual([]);
    const slow = exchange({ rttMs: 100, request: 300, response: 500, serverMs: 100 });
    const pure = slow.net.trace.filter((e) => e.from === "server" && e.bytes === 0 && !e.flags.includes("SYN"));
    expect(pure.map((e) => [e.tMs, e.note])).toEqual([[190, "delayed-ACK timer"]]);
  });
});

describe("Network: close, reuse and counters", () => {
  it("closes with a FIN from each side, each ACKed", () => {
    const net = new Network({ ...RFC40, rttMs: 20 });
    const conn = net.open();
    let serverSawFin = NaN;
    conn.client.write(100);
    conn.server.read(100, () => conn.server.write(100));
    conn.client.read(100, () => conn.client.close());
    conn.server.onPeerClose((t) => {
      serverSawFin = t;
      conn.server.close();
    });
    net.run();
    expect(conn.isOpen).toBe(false);
    expect(conn.isClosed).toBe(true);
    const fins = net.trace.filter((e) => e.flags.includes("FIN"));
    expect(fins.map((e) => e.from)).toEqual(["client", "server"]);
    expect(serverSawFin).toBe(fins[0].tMs + 10);
    expect(() => conn.client.write(1)).toThrow(/after close/);
  });

  it("reuses an open connection for a second request without a new handshake", () => {
    const net = new Network({ ...RFC40, rttMs: 100 });
    const conn = net.open();
    const done: number[] = [];
    const get = (label: string) => {
      conn.client.write(300, label);
      conn.server.read(300, () => conn.server.write(1000));
      conn.client.read(1000, (t) => {
        done.push(t);
        if (done.length === 1) get("second");
      });
    };
    get("first");
    net.run();
    expect(done).toEqual([200, 300]);
    expect(net.connectionsOpened).toBe(1);
    expect(net.trace.filter((e) => e.flags.includes("SYN")).length).toBe(2);
  });

  it("counts connections, packets and wire bytes (payload + 40 per packet, + the MSS option on SYNs), and names connections in order", () => {
    const net = new Network({ ...RFC40, rttMs: 10 });
    for (let i = 0; i < 3; i++) {
      const c = net.open({ atMs: i });
      c.client.write(200 + i);
    }
    net.run();
    const trace = net.trace;
    expect(net.connectionsOpened).toBe(3);
    expect(new Set(trace.map((e) => e.conn))).toEqual(new Set([0, 1, 2]));
    expect(net.packets).toBe(trace.length);
    expect(net.wireBytes).toBe(trace.reduce((sum, e) => sum + e.bytes + 40 + (e.flags.includes("SYN") ? 4 : 0), 0));
    expect(trace.reduce((sum, e) => sum + e.bytes, 0)).toBe(200 + 201 + 202);
  });
});

describe("Network: invariants", () => {
  const cases = [
    { rttMs: 100, request: 300, response: 123_456 },
    { rttMs: 30, bandwidthBps: 2e6, request: 2000, response: 50_000, serverMs: 7 },
    { rttMs: 0, bandwidthBps: 1e8, request: 1, response: 1 },
  ];
  it.each(cases)("delivers every byte, never above MSS, never before the physical floor: %o", (c) => {
    const { net, conn, responseMs } = exchange(c);
    expect(conn.client.bytesReceived).toBe(conn.server.bytesWritten);
    expect(conn.server.bytesReceived).toBe(conn.client.bytesWritten);
    expect(Math.max(...net.trace.map((e) => e.bytes))).toBeLessThanOrEqual(MSS);
    const bits = (c.request + c.response) * 8;
    const floor = 2 * c.rttMs + (c.serverMs ?? 0) + (c.bandwidthBps ? (bits * 1000) / c.bandwidthBps : 0);
    expect(responseMs).toBeGreaterThanOrEqual(floor);
  });

  it("keeps packets in one direction at least their serialisation time apart", () => {
    const { net } = exchange({ rttMs: 50, bandwidthBps: 1e6, request: 300, response: 30_000 });
    const server = net.trace.filter((e) => e.from === "server");
    for (let i = 1; i < server.length; i++) {
      const wireMs = ((server[i - 1].bytes + 40) * 8 * 1000) / 1e6;
      expect(server[i].tMs - server[i - 1].tMs).toBeGreaterThanOrEqual(wireMs - 1e-9);
    }
  });

  it("shares the link between connections: two transfers take as long as their sum at link speed", () => {
    const net = new Network({ ...RFC40, rttMs: 10, bandwidthBps: 8e6, nagle: false });
    const ends: number[] = [];
    for (let i = 0; i < 2; i++) {
      const c = net.open({ established: true });
      c.server.write(100 * MSS);
      c.client.read(100 * MSS, (t) => ends.push(t));
    }
    net.run();
    const bothAtLinkSpeedMs = (2 * 100 * (MSS + 40) * 8 * 1000) / 8e6; // 300 ms
    expect(Math.max(...ends)).toBeGreaterThanOrEqual(bothAtLinkSpeedMs);
  });

  it("gives the same trace for the same input", () => {
    const a = exchange({ rttMs: 37, bandwidthBps: 3e6, request: 777, response: 99_999, serverMs: 3 }).net.trace;
    const b = exchange({ rttMs: 37, bandwidthBps: 3e6, request: 777, response: 99_999, serverMs: 3 }).net.trace;
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(50);
  });
});

describe("Network: bad input", () => {
  it.each([
    [{ mss: 0 }, /"mss"/],
    [{ initialWindow: 0 }, /"initialWindow"/],
    [{ delayedAckMs: 600 }, /"delayedAckMs"/],
    [{ rttMs: -1 }, /"rttMs"/],
    [{ rttMs: NaN }, /"rttMs"/],
    [{ bandwidthBps: 0 }, /"bandwidthBps"/],
    [{ receiveWindow: 100 }, /"receiveWindow"/],
    [{ nagleVariant: "bsd" }, /"nagleVariant"/],
  ])("%o is refused", (options, message) => {
    expect(() => new Network(options as never)).toThrow(message);
  });

  it("refuses to open a connection in the past", () => {
    const net = new Network({ ...RFC40, rttMs: 10 });
    net.run(100);
    expect(() => net.open({ atMs: 50 })).toThrow(RangeError);
  });
});

describe("Network in Korean", () => {
  afterEach(() => resetLanguage());
  const HANGUL = /[\uac00-\ud7a3]/;

  /**
   * A handshake with a bare third packet, a request written after it, three full response
   * segments (the 2nd ACKed at once, the 3rd on the timer), then a close from each side.
   */
  function notesOf(): string[] {
    const net = new Network({ ...RFC40, rttMs: 100, delayedAckMs: 40 });
    const conn = net.open({ atMs: 0 });
    conn.server.read(300, () => conn.server.write(3 * MSS));
    conn.server.onPeerClose(() => conn.server.close());
    net.at(150, () => conn.client.write(300, "GET /"));
    net.at(400, () => conn.client.close());
    net.run();
    return net.trace.map((e) => e.note ?? "");
  }

  it("writes TCP's trace notes in the reader's language, and the application's labels as given", () => {
    const english = notesOf();
    expect(english).toEqual([
      "open",
      "accept",
      "handshake",
      "GET /",
      "",
      "",
      "",
      "2nd full segment",
      "delayed-ACK timer",
      "close",
      "acks FIN",
      "close",
      "acks FIN",
    ]);
    setLanguage("ko");
    const korean = notesOf();
    expect(korean).toEqual([
      "커넥션 열기",
      "수락",
      "핸드셰이크",
      "GET /",
      "",
      "",
      "",
      "최대 크기 세그먼트 2개째",
      "확인응답 지연 타이머",
      "닫기",
      "FIN 확인응답",
      "닫기",
      "FIN 확인응답",
    ]);
    // the same packets, only the words differ
    resetLanguage();
    expect(notesOf()).toEqual(english);
  });

  it("uses the handshake model's words for the same three packets, in both languages", () => {
    for (const lang of ["en", "ko"] as const) {
      setLanguage(lang);
      const net = new Network({ ...RFC40, rttMs: 100 });
      const conn = net.open({ atMs: 0 });
      conn.client.write(300);
      net.run();
      const model = handshake({ rttMs: 100, requestBytes: 300 }).packets.map((e) => e.note);
      expect(net.trace.slice(0, 2).map((e) => e.note)).toEqual(model.slice(0, 2));
      const bare = new Network({ ...RFC40, rttMs: 100 });
      bare.open({ atMs: 0 });
      bare.run();
      expect(bare.trace.map((e) => e.note)).toEqual(handshake({ rttMs: 100 }).packets.map((e) => e.note));
    }
  });

  it("says 'delayed ACK off' in Korean too", () => {
    setLanguage("ko");
    const net = new Network({ ...RFC40, rttMs: 10, delayedAckMs: 0 });
    net.open({ established: true }).server.write(100);
    net.run();
    expect(net.trace.map((e) => e.note)).toEqual([undefined, "확인응답 지연 꺼짐"]);
  });

  it("refuses bad input in Korean, still naming the parameter as the code spells it", () => {
    setLanguage("ko");
    const errors: Error[] = [];
    const catchError = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return errors.push(e as Error);
      }
      throw new Error("did not throw");
    };
    catchError(() => new Network({ ...RFC40, nagleVariant: "bsd" as never }));
    catchError(() => new Network({ ...RFC40, rttMs: -1 }));
    catchError(() => new Scheduler().at(0, "run" as never));
    catchError(() => new Scheduler().cancel(5 as never));
    catchError(() => new Network().open({ established: true }).client.write(200_000 * MSS));
    catchError(() => new Network().open().client.sendControl("ACK" as never, "x"));
    expect(errors.map((e) => e.message)).toEqual([
      '"nagleVariant" 값이 허용 범위를 벗어났습니다. 허용되는 값: "classic", "minshall" 중 하나. 받은 값: "bsd"',
      '"rttMs" 값이 허용 범위를 벗어났습니다. 허용되는 값: >= 0, <= 9007199254740991. 받은 값: -1',
      '"run" 인자가 잘못되었습니다. 필요한 것: 함수. 받은 값: string "run"',
      '"handle" 인자가 잘못되었습니다. 필요한 것: at() 또는 after()가 돌려준 이벤트 핸들. 받은 값: number 5',
      '"bytes" 값이 허용 범위를 벗어났습니다. 허용되는 값: 커넥션 한쪽에서 모두 합쳐 세그먼트 100000개(mss 1448) 이하(이쪽은 이미 0바이트를 썼습니다). 받은 값: 292000000',
      '"flags" 인자가 잘못되었습니다. 필요한 것: SYN, ACK, FIN, RST, PSH 중에서 겹치지 않게 고른 배열. 받은 값: string "ACK"',
    ]);
  });

  it("stops a runaway model, and refuses a write after close(), in Korean", () => {
    setLanguage("ko");
    const s = new Scheduler(100);
    const tick = () => s.after(1, tick);
    tick();
    expect(() => s.run()).toThrow("이벤트를 100개 처리한 뒤 t=101 ms에서 시뮬레이션을 멈췄습니다 (끝나지 않는 모델일까요?)");
    const conn = new Network().open({ established: true });
    conn.server.close();
    expect(() => conn.server.write(1)).toThrow("서버: close() 뒤에 write()를 호출했습니다");
    expect(() => conn.server.write(1)).toThrow(HANGUL);
  });
});
