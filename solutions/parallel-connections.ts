/** Reference solutions for 4.4 Parallel connections (병렬 커넥션). */
import type { Page } from "../lib/http/page-load";
import type { Faster, ParallelPage } from "../exercises/parallel-connections";
import { simulatePageLoad } from "../lib/http/page-load";

const onLinkMs = (bytes: number, bandwidthBps: number) => (bytes * 8 * 1000) / bandwidthBps;

export function serialLoadMs(input: { rttMs: number; bandwidthBps: number; htmlBytes: number; objectBytes: number[] }): number {
  const { rttMs, bandwidthBps } = input;
  return [input.htmlBytes, ...input.objectBytes].reduce((total, bytes) => total + 2 * rttMs + onLinkMs(bytes, bandwidthBps), 0);
}

/** 4.4b: simulatePageLoad({ page: ten 4 kB images, strategy: "parallel", maxConnections: 4, rttMs: 100, bandwidthBps: 10e6 }).elapsedMs. */
export function predictTenImagesMs(): number {
  return 822.8;
}

export function parallelLoadMs(input: ParallelPage): number {
  const { rttMs, bandwidthBps } = input;
  const html = 2 * rttMs + onLinkMs(input.htmlBytes, bandwidthBps);
  const rounds = Math.ceil(input.objectCount / input.maxConnections);
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

/** 4.4e: parallel 1814.7 ms, persistent 1861.3 ms: 2.6 % apart. */
export function predictThinLinkFaster(): Faster {
  return "about the same";
}

/** 4.4f: parallel 1215.8 ms, persistent 1820.9 ms. */
export function predictLongFatLinkFaster(): Faster {
  return "parallel";
}
