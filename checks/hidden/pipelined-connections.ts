/** Hidden cases for 4.6 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.6a": {
    cases: [
      { args: [[], 0], expect: { resend: [], fail: [] }, why: "no requests at all." },
      { args: [["POST", "POST", "GET"], 2], expect: { resend: [2], fail: [] }, why: "non-idempotent requests that were answered before the close." },
      { args: [["Get", "delete", "PUT"], 0], expect: { resend: [2], fail: [0, 1] }, why: "method names in mixed and lower case." },
      { args: [["CONNECT", "OPTIONS", "TRACE", "FROB"], 1], expect: { resend: [1, 2], fail: [3] }, why: "CONNECT, OPTIONS, TRACE and an unknown method." },
      { args: [["HEAD", "HEAD", "HEAD", "POST", "HEAD"], 4], expect: { resend: [4], fail: [] }, why: "only the last request is unanswered: its index in the whole list." },
      { args: [["constructor", "GET"], 0], expect: { resend: [1], fail: [0] }, why: "a method name that is also a property every JavaScript object has.",
        slips: [{ got: { resend: [0, 1], fail: [] }, say: "a lookup with `in` (or obj[name]) on a plain object also finds names inherited from Object.prototype." }] },
    ],
  },
  "4.6b": {
    cases: [
      { args: [[10, 10, 10], 20], expect: [30, 30, 30], why: "equal server times: the server works on all requests at once." },
      { args: [[3, 0], 15], expect: [18, 18], why: "an odd round-trip time, so each way is a fraction of a millisecond." },
      { args: [[5, 1, 10], 0], expect: [5, 5, 10], why: "a round-trip time of 0." },
      { args: [[100, 10, 200, 20], 10], expect: [110, 110, 210, 210], why: "two slow responses, each followed by a quick one." },
      { args: [[0, 0, 0, 90], 30], expect: [30, 30, 30, 120], why: "the slow response is the last one." },
    ],
  },
  "4.6c": {
    cases: [
      { args: ["Delete"], expect: false, why: "a known method name with only its first letter upper-case." },
      { args: ["options"], expect: false, why: "a known method name in lower case." },
      { args: ["ELETE"], expect: false, why: "part of a known method name." },
      { args: ["constructor"], expect: false, why: "a name that is also a property every JavaScript object has.",
        slips: [{ got: true, say: "a lookup with `in` (or obj[name]) on a plain object also finds names inherited from Object.prototype." }] },
    ],
  },
  "4.6d": {
    cases: [
      { args: [["GET", "GET", "POST"]], expect: [[0, 1], [2]], why: "a non-idempotent request at the end." },
      { args: [["get", "GET"]], expect: [[0], [1]], why: "a lower-case method name in front of GET." },
      { args: [["GET"]], expect: [[0]], why: "a single idempotent request." },
      { args: [["GET", "FROB", "GET"]], expect: [[0], [1], [2]], why: "an unknown method between two GETs." },
      { args: [["PUT", "DELETE", "POST", "POST", "HEAD"]], expect: [[0, 1], [2], [3], [4]], why: "two non-idempotent requests in a row, between idempotent ones." },
    ],
  },
};
export default cases;
