/** Reference solutions for 4.8 Multiplexing and beyond (다중 커넥션과 그 이후). */
import type { MultiplexedBatch, SetupStack } from "../exercises/multiplexing-and-beyond";

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

const SETUP_ROUND_TRIPS: Record<SetupStack, number> = {
  tcp: 1,
  "tcp-fastopen": 0,
  "tcp+tls1.2": 3,
  "tcp+tls1.3": 2,
  quic: 1,
  "quic-0rtt": 0,
};

export function timeToFirstByteMs(stack: SetupStack, rttMs: number, serverMs = 0): number {
  if (!Object.prototype.hasOwnProperty.call(SETUP_ROUND_TRIPS, stack)) {
    throw new RangeError(`unknown stack ${JSON.stringify(stack)}; expected one of ${Object.keys(SETUP_ROUND_TRIPS).join(", ")}`);
  }
  if (!Number.isFinite(rttMs) || rttMs < 0) throw new RangeError(`rttMs must be a finite number >= 0, got ${rttMs}`);
  if (!Number.isFinite(serverMs) || serverMs < 0) throw new RangeError(`serverMs must be a finite number >= 0, got ${serverMs}`);
  return (SETUP_ROUND_TRIPS[stack] + 1) * rttMs + serverMs;
}
