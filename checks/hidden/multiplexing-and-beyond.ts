/** Hidden cases for 4.8 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

/** 4.8b: n image URLs on one origin. */
const www = (n: number) => Array.from({ length: n }, (_, i) => `https://www.joes-hardware.com/img/tool-${i}.png`);

const cases: HiddenCheckCases = {
  "4.8a": {
    cases: [
      { args: [{ serverMs: [5, 5, 0], bytes: [50_000, 1_000, 1_000], rttMs: 20, bandwidthBps: 8e6 }], expect: [75, 76, 21],
        why: "two responses ready at the same moment, the first much bigger: ties go by request order, not by size.",
        slips: [{ got: [75, 76, 77], say: "responses waited for every earlier one, as in pipelining: on HTTP/2 a ready response need not wait for the request order." }] },
      { args: [{ serverMs: [0, 50, 0], bytes: [2_000, 2_000, 2_000], rttMs: 0, bandwidthBps: 1.6e6 }], expect: [10, 60, 20],
        why: "the link falls idle before the slow response is ready (and the RTT is 0)." },
      { args: [{ serverMs: [100, 20, 3], bytes: [4_000, 4_000, 4_000], rttMs: 10, bandwidthBps: 0.8e6 }], expect: [150, 93, 53],
        why: "ready times with different numbers of digits: they must be ordered as numbers." },
      { args: [{ serverMs: [0], bytes: [1000, 1000], rttMs: 20, bandwidthBps: 1e6 }], throws: "RangeError",
        why: "more sizes than think times is a length mismatch too." },
      { args: [{ serverMs: [], bytes: [1000], rttMs: 20, bandwidthBps: 1e6 }], throws: "RangeError",
        why: "no think times but one size: a mismatch even when there is nothing to send." },
    ],
  },
  "4.8b": {
    cases: [
      { args: [www(5), 1], expect: { http1: 1, http2: 1 }, why: "one connection per origin allowed under HTTP/1.1." },
      { args: [["http://a.example:80/x", "http://a.example/y", "https://a.example:80/z", "https://a.example/w"]], expect: { http1: 4, http2: 3 },
        why: "port 80 written out: the default for http, but not for https.",
        slips: [{ got: { http1: 4, http2: 1 }, say: "you grouped by host name alone: the scheme and the port are part of the origin too." },
          { got: { http1: 4, http2: 4 }, say: "a written default port is the same origin as no port: let the URL class normalise it." }] },
      { args: [["https://user:secret@a.example/x", "https://a.example/y?q=1#top", "https://a.example:443/z"], 2], expect: { http1: 2, http2: 1 },
        why: "user info, a query and a fragment are not part of the origin." },
      { args: [["www.example.com/x"]], throws: "TypeError", why: "a host name without a scheme is not an absolute URL." },
      { args: [[], 0], throws: "RangeError", why: "a bad perOrigin is rejected even when there are no URLs." },
      { args: [www(3), Infinity], throws: "RangeError", why: "Infinity is not a whole number of connections." },
    ],
  },
};
export default cases;
