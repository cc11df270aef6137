/** Checks for the 4.4 exercises: each failure says what and why. */
import { simulatePageLoad } from "../../http/page-load";
import type { Page } from "../../http/page-load";
import { expectClose, expectEqual, expectThrows } from "../expect";
import { defineChecks } from "./define";

type SerialInput = { rttMs: number; bandwidthBps: number; htmlBytes: number; objectBytes: number[] };
type ParallelInput = { rttMs: number; bandwidthBps: number; htmlBytes: number; objectCount: number; objectBytes: number; maxConnections: number };
type EnoughInput = { page: Page; rttMs: number; bandwidthBps: number; limit: number; tolerance: number };

// The closed forms of exercises/parallel-connections.ts's assumptions: no slow start, no headers.
const onLinkMs = (bytes: number, bandwidthBps: number) => (bytes * 8 * 1000) / bandwidthBps;
const serialMs = (i: SerialInput) => [i.htmlBytes, ...i.objectBytes].reduce((t, b) => t + 2 * i.rttMs + onLinkMs(b, i.bandwidthBps), 0);
const parallelMs = (i: ParallelInput) =>
  2 * i.rttMs + onLinkMs(i.htmlBytes, i.bandwidthBps) + Math.ceil(i.objectCount / i.maxConnections) * 2 * i.rttMs + onLinkMs(i.objectCount * i.objectBytes, i.bandwidthBps);
const show = (o: object) => JSON.stringify(o).replace(/"(\w+)":/g, "$1: ").replace(/,(?=\S)/g, ", ");

export const checks = defineChecks({
  "4.4a": (serialLoadMs: (input: SerialInput) => number) => {
    const cases: [SerialInput, string][] = [
      [{ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] },
        "each response pays two round trips (the handshake, then the request and the response's first byte) plus its bytes on the link."],
      [{ rttMs: 100, bandwidthBps: 10e6, htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] },
        "the book's page with three images is four transactions, one after the other: 8 round trips before any byte counts."],
      [{ rttMs: 50, bandwidthBps: 2e6, htmlBytes: 4_000, objectBytes: [] },
        "a page without objects is one transaction."],
      [{ rttMs: 0, bandwidthBps: 1e6, htmlBytes: 1_000, objectBytes: [1_000, 2_000] },
        "with no latency at all, only the bytes on the link are left: 32 ms for 4000 bytes at 1 Mbit/s."],
      [{ rttMs: 150, bandwidthBps: Infinity, htmlBytes: 1_000, objectBytes: [5_000, 5_000, 5_000, 5_000, 5_000] },
        "on an unlimited link only the round trips are left: 2 per transaction, 12 in all. Serial loading is latency-bound."],
    ];
    for (const [input, why] of cases) {
      expectClose(serialLoadMs(input), serialMs(input), 1e-6, `serialLoadMs(${show(input)})`,
        `${why} Serial loading adds every transaction's delay to the next one's, which is what parallel connections attack.`);
    }
  },

  "4.4b": (connectionRounds: (objectCount: number, maxConnections: number) => number) => {
    const cases: [number, number, string][] = [
      [3, 4, "three images fit in one round when four connections are allowed."],
      [10, 4, "4 + 4 + 2: the last round is only partly used, but it still costs a whole round."],
      [12, 6, "twelve objects over six connections (a modern browser's limit per host) is exactly two rounds."],
      [12, 2, "RFC 2616 asked clients for at most 2 connections per server: six rounds for twelve objects."],
      [0, 4, "no objects, no rounds."],
      [5, 1, "one connection at a time is serial loading: one round per object."],
    ];
    for (const [objects, max, why] of cases) {
      expectEqual(connectionRounds(objects, max), Math.ceil(objects / max), `connectionRounds(${objects}, ${max})`,
        `${why} Every round costs at least a handshake and a request round trip.`);
    }
    expectThrows(() => connectionRounds(3, 0), RangeError, "connectionRounds(3, 0)",
      "with no connection allowed the page can never load; a silent Infinity or NaN would hide that mistake.");
  },

  "4.4c": (parallelLoadMs: (input: ParallelInput) => number) => {
    const base = { rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 };
    const cases: [ParallelInput, string][] = [
      [base, "the HTML first (2 round trips and its bytes), then one round for the three images, which share the link."],
      [{ ...base, objectCount: 10, maxConnections: 4 }, "ten objects need three rounds of connections (4.4b)."],
      [{ ...base, rttMs: 200, bandwidthBps: 100e6, objectCount: 6, maxConnections: 6 },
        "a long, fat link: round trips dominate, and one round for six objects instead of six is the whole gain."],
      [{ ...base, rttMs: 5, bandwidthBps: 0.5e6, objectCount: 6, maxConnections: 6 },
        "a short, thin link: the bytes take as long as they take whether they share one connection or six, so the gain is small."],
      [{ ...base, objectCount: 0 }, "a page without objects is just its HTML."],
    ];
    for (const [input, why] of cases) {
      expectClose(parallelLoadMs(input), parallelMs(input), 1e-6, `parallelLoadMs(${show(input)})`,
        `${why} Parallel connections overlap the round trips, never the bandwidth: connections of one round split the same link.`);
    }
  },

  "4.4d": (enoughConnections: (input: EnoughInput) => number) => {
    const three = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
    const many = { htmlBytes: 20_000, objectBytes: Array.from({ length: 12 }, (_, i) => 5_000 + 3_000 * (i % 4)) };
    const cases: [EnoughInput, string][] = [
      [{ page: three, rttMs: 100, bandwidthBps: 10e6, limit: 6, tolerance: 0.05 }, "three images on a long link: one connection per image, no more."],
      [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 8, tolerance: 0.05 },
        "twelve objects: 6 connections already do it in two rounds, 8 would too, so 7 and 8 buy nothing."],
      [{ page: many, rttMs: 20, bandwidthBps: 2e6, limit: 8, tolerance: 0.2 }, "a thin link: a couple of connections fill it."],
      [{ page: three, rttMs: 5, bandwidthBps: 0.5e6, limit: 6, tolerance: 0.05 }, "a thin, short link is bandwidth-bound: one connection is as good as any."],
      [{ page: many, rttMs: 50, bandwidthBps: 5e6, limit: 8, tolerance: 0.2 }, "a looser tolerance settles for fewer connections."],
    ];
    for (const [input, why] of cases) {
      const times = Array.from({ length: input.limit }, (_, i) =>
        simulatePageLoad({ page: input.page, strategy: "parallel", maxConnections: i + 1, rttMs: input.rttMs, bandwidthBps: input.bandwidthBps }).elapsedMs);
      const best = Math.min(...times);
      const expected = times.findIndex((t) => t <= best * (1 + input.tolerance)) + 1;
      const { page, ...rest } = input;
      expectEqual(enoughConnections(input), expected,
        `enoughConnections({ page: ${page.objectBytes.length} objects, ${show(rest).slice(1)})`,
        `${why} Load times for N = 1..${input.limit}: ${times.map((t) => t.toFixed(0)).join(", ")} ms; the fastest is ${best.toFixed(0)} ms. ` +
          "Every connection beyond what the page needs costs memory at both ends and load on the server, for nothing.");
    }
  },
});
