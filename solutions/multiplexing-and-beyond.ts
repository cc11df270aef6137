/** Reference solutions for 4.8 Multiplexing and beyond (다중 커넥션과 그 이후). */
import type {
  FirstByteTimes,
  LossRanking,
  LossStall,
  MultiplexedBatch,
  MultiplexLabPrediction,
  OneLossDelay,
} from "../exercises/multiplexing-and-beyond";

export function multiplexedDoneTimes(batch: MultiplexedBatch): number[] {
  const { serverMs, bytes, rttMs, bandwidthBps } = batch;
  if (serverMs.length !== bytes.length) {
    throw new RangeError(`serverMs and bytes must have the same length (got ${serverMs.length} and ${bytes.length})`);
  }
  const oneWay = rttMs / 2;
  const sendMs = (b: number) => (bandwidthBps === Infinity ? 0 : (b * 8 * 1000) / bandwidthBps);
  const order = serverMs.map((ms, i) => ({ i, ready: oneWay + ms })).sort((a, b) => a.ready - b.ready || a.i - b.i);
  const done = new Array<number>(serverMs.length);
  let linkFree = -Infinity;
  for (const { i, ready } of order) {
    const leftMs = Math.max(ready, linkFree) + sendMs(bytes[i]); // its last byte leaves
    linkFree = leftMs;
    done[i] = leftMs + oneWay;
  }
  return done;
}

export function connectionsForPage(urls: string[], perOrigin = 6): { http1: number; http2: number } {
  if (!Number.isInteger(perOrigin) || perOrigin < 1) throw new RangeError(`perOrigin must be a whole number >= 1, got ${perOrigin}`);
  const requests = new Map<string, number>();
  for (const u of urls) {
    const origin = new URL(u).origin; // throws a TypeError for a relative or malformed URL
    requests.set(origin, (requests.get(origin) ?? 0) + 1);
  }
  let http1 = 0;
  for (const n of requests.values()) http1 += Math.min(n, perOrigin);
  return { http1, http2: requests.size };
}

/**
 * TCP + TLS 1.3: TCP's handshake (1 RTT), TLS 1.3's (1 RTT), then the request
 * out and the first byte back (1 RTT), plus 20 ms at the server: 3 x 80 + 20.
 * QUIC: transport and TLS in one round trip, then the request: 2 x 80 + 20.
 */
export function predictTimeToFirstByte(): FirstByteTimes {
  return { tcpTls13: 260, quic: 180 };
}

/** HTTP/2's quick responses are done long before HTTP/1.1's, which wait for the slow one: response order, not the connection. */
export function predictMultiplexLab(): MultiplexLabPrediction {
  return { quickFirst: "http2", http2QuickShare: 0.1, conclusion: "response-order" };
}

/** Every stream over TCP (all have bytes behind the gap), only B over QUIC; fast retransmit repairs it in RTT + 4 packet times. */
export function predictLossStall(): LossStall {
  return { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 1.048 };
}

/**
 * No loss: HTTP/3 saves a handshake round trip over HTTP/2; HTTP/1.1's six connections fetch seven objects each, one round
 * trip apiece. At 5 %: HTTP/2's one connection stalls every response at each loss and halves its one window, and falls
 * behind HTTP/1.1's six; HTTP/3's streams wait only for their own losses.
 */
export function predictLossRanking(): LossRanking {
  return { noLoss: ["http3", "http2", "http1.1"], fivePercent: ["http3", "http1.1", "http2"] };
}

/** HTTP/2: object 4's bytes sit behind the hole until fast retransmit fills it, a round trip and a little more; HTTP/3: not at all. */
export function predictOneLossDelay(): OneLossDelay {
  return { http2Ms: 60, http3Ms: 0 };
}
