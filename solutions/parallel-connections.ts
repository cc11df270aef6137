/** Reference solutions for 4.4 Parallel connections (병렬 커넥션). */
import type { Page } from "../lib/http/page-load";
import type { ParallelPage } from "../exercises/parallel-connections";
import { simulatePageLoad } from "../lib/http/page-load";

const onLinkMs = (bytes: number, bandwidthBps: number) => (bytes * 8 * 1000) / bandwidthBps;

export function serialLoadMs(input: { rttMs: number; bandwidthBps: number; htmlBytes: number; objectBytes: number[] }): number {
  const { rttMs, bandwidthBps } = input;
  return [input.htmlBytes, ...input.objectBytes].reduce((total, bytes) => total + 2 * rttMs + onLinkMs(bytes, bandwidthBps), 0);
}

export function connectionRounds(objectCount: number, maxConnections: number): number {
  if (!(maxConnections >= 1)) throw new RangeError(`maxConnections must be at least 1, got ${maxConnections}`);
  return Math.ceil(objectCount / maxConnections);
}

export function parallelLoadMs(input: ParallelPage): number {
  const { rttMs, bandwidthBps } = input;
  const html = 2 * rttMs + onLinkMs(input.htmlBytes, bandwidthBps);
  const rounds = connectionRounds(input.objectCount, input.maxConnections);
  return html + rounds * 2 * rttMs + onLinkMs(input.objectCount * input.objectBytes, bandwidthBps);
}

export function enoughConnections(input: { page: Page; rttMs: number; bandwidthBps: number; limit: number; tolerance: number }): number {
  const times: number[] = [];
  for (let n = 1; n <= input.limit; n++) {
    const { page, rttMs, bandwidthBps } = input;
    times.push(simulatePageLoad({ page, strategy: "parallel", maxConnections: n, rttMs, bandwidthBps }).elapsedMs);
  }
  const best = Math.min(...times);
  return times.findIndex((t) => t <= best * (1 + input.tolerance)) + 1;
}
