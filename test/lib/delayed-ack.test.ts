import { afterEach, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { ackSchedule, delayedAckDecision } from "../../lib/tcp/delayed-ack";
import { Network } from "../../lib/sim/engine";

describe("delayedAckDecision", () => {
  it("ACKs at once on the second full-sized segment, otherwise waits for the timer", () => {
    expect(delayedAckDecision({ fullSizedUnacked: 0, delayedAckMs: 40 })).toBe("timer");
    expect(delayedAckDecision({ fullSizedUnacked: 1, delayedAckMs: 40 })).toBe("timer");
    expect(delayedAckDecision({ fullSizedUnacked: 2, delayedAckMs: 200 })).toBe("now");
    expect(delayedAckDecision({ fullSizedUnacked: 1, delayedAckMs: 0 })).toBe("now");
  });

  it.each([
    [{ fullSizedUnacked: -1, delayedAckMs: 40 }, /"fullSizedUnacked"/],
    [{ fullSizedUnacked: 1, delayedAckMs: 501 }, /"delayedAckMs"/],
    [{ fullSizedUnacked: 1, delayedAckMs: -1 }, /"delayedAckMs"/],
    [{ fullSizedUnacked: 1, delayedAckMs: NaN }, /"delayedAckMs"/],
  ])("refuses %o", (input, message) => {
    expect(() => delayedAckDecision(input)).toThrow(message);
  });
});

describe("ackSchedule", () => {
  it("hand-computed: three full segments, then a lone one", () => {
    const acks = ackSchedule({
      arrivals: [
        { tMs: 0, bytes: 1460 },
        { tMs: 1, bytes: 1460 },
        { tMs: 2, bytes: 1460 },
        { tMs: 100, bytes: 1460 },
      ],
      delayedAckMs: 40,
    });
    expect(acks).toEqual([
      { tMs: 1, segments: 2, reason: "second full segment" },
      { tMs: 42, segments: 1, reason: "timer" },
      { tMs: 140, segments: 1, reason: "timer" },
    ]);
  });

  it("lets small segments share one timer ACK", () => {
    const acks = ackSchedule({
      arrivals: [
        { tMs: 0, bytes: 100 },
        { tMs: 10, bytes: 100 },
        { tMs: 20, bytes: 100 },
      ],
      delayedAckMs: 200,
    });
    expect(acks).toEqual([{ tMs: 200, segments: 3, reason: "timer" }]);
  });

  it("ACKs every segment with the timer at 0", () => {
    const acks = ackSchedule({
      arrivals: [
        { tMs: 0, bytes: 100 },
        { tMs: 10, bytes: 1460 },
      ],
      delayedAckMs: 0,
    });
    expect(acks.map((a) => [a.tMs, a.segments, a.reason])).toEqual([
      [0, 1, "immediate"],
      [10, 1, "immediate"],
    ]);
  });

  it("agrees with the simulator's receiver", () => {
    const net = new Network({ stack: "rfc", rttMs: 20, bandwidthBps: 2e6, delayedAckMs: 40, nagle: false }); // RFC 1122 rule, as ackSchedule
    const conn = net.open({ established: true });
    conn.server.write(5 * 1460 + 300);
    net.run();
    const arrivals = net.trace
      .filter((e) => e.from === "server")
      .map((e) => ({ tMs: e.tMs + ((e.bytes + 40) * 8 * 1000) / 2e6 + 10, bytes: e.bytes }));
    const fromSim = net.trace.filter((e) => e.from === "client").map((e) => e.tMs);
    const fromModel = ackSchedule({ arrivals, delayedAckMs: 40 }).map((a) => a.tMs);
    expect(fromSim.map((t) => t.toFixed(6))).toEqual(fromModel.map((t) => t.toFixed(6)));
    expect(fromSim).toHaveLength(3);
  });

  it.each([
    [{ arrivals: "x", delayedAckMs: 40 }, /"arrivals"/],
    [
      {
        arrivals: [
          { tMs: 5, bytes: 10 },
          { tMs: 1, bytes: 10 },
        ],
        delayedAckMs: 40,
      },
      /"arrivals\[1\].tMs"/,
    ],
    [{ arrivals: [{ tMs: 0, bytes: 2000 }], delayedAckMs: 40 }, /"arrivals\[0\].bytes"/],
    [{ arrivals: [{ tMs: 0, bytes: 0 }], delayedAckMs: 40 }, /"arrivals\[0\].bytes"/],
    [{ arrivals: [], delayedAckMs: 600 }, /"delayedAckMs"/],
  ])("refuses %o", (input, message) => {
    expect(() => ackSchedule(input as never)).toThrow(message);
  });
});

describe("the ACK after a read (ackAfterRead, Linux's tcp_cleanup_rbuf)", () => {
  /** The notes on the client's pure ACKs while the server sends what `send` writes; quick ACKs off, Nagle off. */
  const clientAcks = (ackAfterRead: boolean, send: (write: (bytes: number) => void, at: (tMs: number, f: () => void) => void) => void) => {
    const net = new Network({ stack: "linux", rttMs: 20, bandwidthBps: 100_000, quickAck: false, nagle: false, ackAfterRead });
    const conn = net.open({ atMs: 0, established: true });
    conn.server.measuredRtt(400); // a paced sender (2-segment TSO packets) whose RTO outlasts the response
    send(
      (bytes) => conn.server.write(bytes),
      (tMs, f) => net.at(tMs, f),
    );
    net.run();
    return net.trace.filter((e) => e.from === "client" && e.bytes === 0).map((e) => e.note);
  };
  // a response of two full segments and a small one, each arriving more than 40 ms after the last
  const response = (write: (bytes: number) => void, at: (tMs: number, f: () => void) => void) => at(0, () => write(2 * 1448 + 211));

  it("ACKs a pushed segment (the 2nd, which ends a TSO packet, and the small last one) when the application reads it", () => {
    expect(clientAcks(true, response)).toEqual(["delayed-ACK timer", "ACK after the read", "ACK after the read"]);
  });

  it("without it, the delayed-ACK timer ACKs the 2nd segment and the small one together", () => {
    expect(clientAcks(false, response)).toEqual(["delayed-ACK timer", "delayed-ACK timer"]);
  });

  it("an interactive connection (pingpong) waits for a second pushed segment before it ACKs on a read", () => {
    const acks = (writes: number[]) => {
      const net = new Network({ stack: "linux", rttMs: 20, bandwidthBps: 10e6, nagle: false });
      const conn = net.open({ atMs: 0, established: true });
      conn.client.read(100, () => conn.client.write(100)); // an answer at once: the client turns interactive
      for (const t of [0, ...writes]) net.at(t, () => conn.server.write(100));
      net.run();
      return net.trace.filter((e) => e.from === "client" && e.bytes === 0).map((e) => [Math.round(e.tMs), e.note]);
    };
    // the first segment is quick-ACKed; then one small segment waits for the timer, a second one is ACKed on the read
    expect(acks([100])).toEqual([
      [10, "quick ACK"],
      [150, "delayed-ACK timer"],
    ]);
    expect(acks([100, 105])).toEqual([
      [10, "quick ACK"],
      [115, "ACK after the read"],
    ]);
  });
});

describe("ackSchedule in Korean", () => {
  afterEach(() => resetLanguage());

  it("refuses bad arrivals in the reader's language", () => {
    const late = {
      delayedAckMs: 40,
      arrivals: [
        { tMs: 10, bytes: 100 },
        { tMs: 5, bytes: 100 },
      ],
    };
    expect(() => ackSchedule(late)).toThrow(
      'The value of "arrivals[1].tMs" is out of range. It must be >= the previous arrival (10). Received 5',
    );
    setLanguage("ko");
    expect(() => ackSchedule(late)).toThrow(
      '"arrivals[1].tMs" 값이 허용 범위를 벗어났습니다. 허용되는 값: 앞 세그먼트의 도착 시각(10) 이상. 받은 값: 5',
    );
    expect(() => ackSchedule({ delayedAckMs: 40, arrivals: "none" as never })).toThrow("필요한 것: 배열");
    expect(() => ackSchedule({ delayedAckMs: 40, arrivals: [undefined as never] })).toThrow("필요한 것: 객체 { tMs, bytes }");
  });
});
