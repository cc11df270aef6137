/** Hidden cases for 4.7 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.7a": {
    cases: [
      { args: [{ status: 199, contentLength: 10 }, 0], expect: "complete", why: "the top of the 1xx range, with a Content-Length." },
      { args: [{ requestMethod: "HEAD" }, 0], expect: "complete", why: "a response to HEAD without any Content-Length." },
      { args: [{ status: 304 }, 0], expect: "complete", why: "a 304 without any Content-Length." },
      { args: [{ status: 204, contentLength: 100 }, 0], expect: "complete", why: "a 204 that carries a Content-Length anyway." },
      { args: [{ status: 206, contentLength: 100 }, 99], expect: "truncated", why: "a 2xx other than 200 and 204 has a body like any other." },
      { args: [{ status: 200, contentLength: 1 }, 0], expect: "truncated", why: "a promised one-byte body of which nothing arrived." },
    ],
  },
  "4.7b": {
    cases: [
      { args: ["shutdown-write", 0, 100], expect: ["FIN"], why: "a half close with only late input and none unread." },
      { args: ["close", 1, 0], expect: ["RST"], why: "a full close with a single unread byte." },
      { args: ["close", 0, 1], expect: ["FIN", "RST"], why: "a full close with a single late byte." },
      { args: ["close", 2000, 1], expect: ["RST"], why: "a full close with both unread and late input: what goes out, and how many packets." },
    ],
  },
  "4.7c": {
    cases: [
      { args: [[{ atMs: 30, bytes: 500 }, { atMs: 10, bytes: 1460 }], 1, 20], expect: 1460,
        why: "segments listed out of arrival order: each is judged on its own time." },
      { args: [[{ atMs: 10.5, bytes: 700 }, { atMs: 10.75, bytes: 300 }], 0.25, 10.75], expect: 700,
        why: "fractional times and read delay, with one read landing exactly on the reset." },
      { args: [[{ atMs: 10, bytes: 1460 }, { atMs: 11, bytes: 1460 }], 1, 5], expect: 0, why: "the reset arrives before any segment does." },
      { args: [[{ atMs: 1, bytes: 1 }, { atMs: 2, bytes: 2 }, { atMs: 3, bytes: 4 }], 1, 3], expect: 3,
        why: "segments of different sizes: the answer adds each segment's own bytes." },
      { args: [[{ atMs: 0, bytes: 100 }, { atMs: 1, bytes: 50 }], 0, 0], expect: 100,
        why: "a reset at 0 ms is a reset, not \"no reset\"." },
    ],
  },
};
export default cases;
