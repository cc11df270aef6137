/** Hidden cases for 4.4 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

/** 4.4d's pages: three 20 kB images, twelve objects of 5 to 14 kB, twelve 4 kB objects, and an HTML alone. */
const three = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const many = { htmlBytes: 20_000, objectBytes: [5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000] };
const twelveSame = { htmlBytes: 5_000, objectBytes: [4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000] };
const htmlOnly = { htmlBytes: 15_000, objectBytes: [] };

const cases: HiddenCheckCases = {
  "4.4a": {
    cases: [
      { args: [{ rttMs: 37.5, bandwidthBps: 3e6, htmlBytes: 1_234, objectBytes: [567, 8_901] }], expect: 253.53866666666664,
        why: "fractional round trips and transfer times: nothing is rounded." },
      { args: [{ rttMs: 20, bandwidthBps: 56e3, htmlBytes: 35_000, objectBytes: [] }], expect: 5040,
        why: "a large HTML alone on a 56 kbit/s modem." },
      { args: [{ rttMs: 80, bandwidthBps: 100e6, htmlBytes: 2_000, objectBytes: [500, 1_500, 500, 1_500, 500, 1_500, 500, 1_500, 500, 1_500] }],
        expect: 1760.9599999999996, why: "ten small objects on a fast link." },
      { args: [{ rttMs: 25, bandwidthBps: 4e6, htmlBytes: 6_000, objectBytes: [50_000, 1] }], expect: 262.002,
        why: "objects of very different sizes, one of a single byte." },
    ],
  },
  "4.4c": {
    cases: [
      { args: [{ rttMs: 60, bandwidthBps: 3e6, htmlBytes: 7_000, objectCount: 7, objectBytes: 4_500, maxConnections: 3 }], expect: 582.6666666666666,
        why: "a partly used last round, with fractional transfer times." },
      { args: [{ rttMs: 100, bandwidthBps: 10e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 20_000, maxConnections: 1 }], expect: 856,
        why: "one connection at a time, which must match the serial load of 4.4a." },
      { args: [{ rttMs: 50, bandwidthBps: Infinity, htmlBytes: 1_000, objectCount: 9, objectBytes: 1_000, maxConnections: 4 }], expect: 400,
        why: "an unlimited link: only the round trips are left." },
      { args: [{ rttMs: 0, bandwidthBps: 8e6, htmlBytes: 2_000, objectCount: 5, objectBytes: 3_000, maxConnections: 2 }], expect: 17,
        why: "no latency: only the bytes on the link are left." },
      { args: [{ rttMs: 40, bandwidthBps: 2e6, htmlBytes: 5_000, objectCount: 2, objectBytes: 10_000, maxConnections: 6 }], expect: 260,
        why: "more connections allowed than objects." },
    ],
  },
  "4.4d": {
    cases: [
      { args: [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 1, tolerance: 0.05 }], expect: 1, why: "a limit of one connection." },
      { args: [{ page: three, rttMs: 100, bandwidthBps: 10e6, limit: 6, tolerance: 0 }], expect: 3,
        why: "tolerance 0, when several N load the page equally fast.",
        slips: [{ got: 0, say: "0 connections: no N qualified, but with tolerance 0 the fastest time itself must count (at most, not less than)." }] },
      { args: [{ page: htmlOnly, rttMs: 100, bandwidthBps: 10e6, limit: 4, tolerance: 0 }], expect: 1,
        why: "a page with no objects, where every N loads equally fast.",
        slips: [{ got: 0, say: "0 connections: either no N qualified (with tolerance 0 the fastest time itself must count: at most, not less than), or an index came back instead of a number of connections." }] },
      { args: [{ page: twelveSame, rttMs: 150, bandwidthBps: 100e6, limit: 12, tolerance: 0.02 }], expect: 12,
        why: "load times that level off and then drop again at the very end of the range 1..limit." },
      { args: [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 5, tolerance: 0.05 }], expect: 4,
        why: "a limit below what the page could use: the fastest is the fastest within 1..limit." },
      { args: [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 8, tolerance: 1 }], expect: 3,
        why: "a tolerance of 100 %: it is relative to the fastest time." },
    ],
  },
};
export default cases;
