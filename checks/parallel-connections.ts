/** Public cases for 4.4 parallel connections: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.4c's page: the book's HTML and three images. */
const base = { rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 };

/** 4.4d's pages: three 20 kB images, and twelve objects of 5 to 14 kB. */
const three = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const many = { htmlBytes: 20_000, objectBytes: [5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000] };
/** 4.4d's input, and how a call is shown (the page as its object count). */
const enough = (page: typeof three, rttMs: number, bandwidthBps: number, limit: number, tolerance: number) => ({
  args: [{ page, rttMs, bandwidthBps, limit, tolerance }],
  label: `enoughConnections({ page: ${page.objectBytes.length} objects, rttMs: ${rttMs}, bandwidthBps: ${bandwidthBps}, limit: ${limit}, tolerance: ${tolerance} })`,
});

const cases: CheckCases = {
  "4.4a": {
    why: "Serial loading adds every transaction's delay to the next one's, which is what parallel connections attack.",
    tolerance: 1e-6,
    cases: [
      { args: [{ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] }], expect: 680,
        why: "each response pays two round trips (the handshake, then the request and the response's first byte) plus its bytes on the link." },
      { args: [{ rttMs: 100, bandwidthBps: 10e6, htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] }], expect: 856,
        why: "the book's page with three images is four transactions, one after the other: 8 round trips before any byte counts." },
      { args: [{ rttMs: 50, bandwidthBps: 2e6, htmlBytes: 4_000, objectBytes: [] }], expect: 116,
        why: "a page without objects is one transaction." },
      { args: [{ rttMs: 0, bandwidthBps: 1e6, htmlBytes: 1_000, objectBytes: [1_000, 2_000] }], expect: 32,
        why: "with no latency at all, only the bytes on the link are left: 32 ms for 4000 bytes at 1 Mbit/s." },
      { args: [{ rttMs: 150, bandwidthBps: Infinity, htmlBytes: 1_000, objectBytes: [5_000, 5_000, 5_000, 5_000, 5_000] }], expect: 1800,
        why: "on an unlimited link only the round trips are left: 2 per transaction, 12 in all. Serial loading is latency-bound." },
    ],
  },
  "4.4b": {
    why: "Every round costs at least a handshake and a request round trip.",
    cases: [
      { args: [3, 4], expect: 1, why: "three images fit in one round when four connections are allowed." },
      { args: [10, 4], expect: 3, why: "4 + 4 + 2: the last round is only partly used, but it still costs a whole round." },
      { args: [12, 6], expect: 2, why: "twelve objects over six connections (a modern browser's limit per host) is exactly two rounds." },
      { args: [12, 2], expect: 6, why: "RFC 2616 asked clients for at most 2 connections per server: six rounds for twelve objects." },
      { args: [0, 4], expect: 0, why: "no objects, no rounds." },
      { args: [5, 1], expect: 5, why: "one connection at a time is serial loading: one round per object." },
      { args: [3, 0], throws: "RangeError", why: "with no connection allowed the page can never load; a silent Infinity or NaN would hide that mistake." },
    ],
  },
  "4.4c": {
    why: "Parallel connections overlap the round trips, never the bandwidth: connections of one round split the same link.",
    tolerance: 1e-6,
    cases: [
      { args: [base], expect: 1080,
        why: "the HTML first (2 round trips and its bytes), then one round for the three images, which share the link." },
      { args: [{ ...base, objectCount: 10, maxConnections: 4 }], expect: 2880, why: "ten objects need three rounds of connections (4.4b)." },
      { args: [{ ...base, rttMs: 200, bandwidthBps: 100e6, objectCount: 6, maxConnections: 6 }], expect: 812.8,
        why: "a long, fat link: round trips dominate, and one round for six objects instead of six is the whole gain." },
      { args: [{ ...base, rttMs: 5, bandwidthBps: 0.5e6, objectCount: 6, maxConnections: 6 }], expect: 2580,
        why: "a short, thin link: the bytes take as long as they take whether they share one connection or six, so the gain is small." },
      { args: [{ ...base, objectCount: 0 }], expect: 280, why: "a page without objects is just its HTML." },
    ],
  },
  "4.4d": {
    why: "Every connection beyond what the page needs costs memory at both ends and load on the server, for nothing.",
    cases: [
      { ...enough(three, 100, 10e6, 6, 0.05), expect: 3, why: "three images on a long link: one connection per image, no more." },
      { ...enough(many, 200, 50e6, 8, 0.05), expect: 6,
        why: "twelve objects: 6 connections already do it in two rounds, 8 would too, so 7 and 8 buy nothing." },
      { ...enough(many, 20, 2e6, 8, 0.2), expect: 2, why: "a thin link: a couple of connections fill it." },
      { ...enough(three, 5, 0.5e6, 6, 0.05), expect: 1, why: "a thin, short link is bandwidth-bound: one connection is as good as any." },
      { ...enough(many, 50, 5e6, 8, 0.2), expect: 4, why: "a looser tolerance settles for fewer connections." },
    ],
  },
};
export default cases;
