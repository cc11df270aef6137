/** Public cases for 4.6 pipelined connections: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

const tenGets = ["GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET"];
const mixed = ["GET", "HEAD", "POST", "GET", "PUT", "POST", "DELETE", "OPTIONS", "GET", "TRACE"];

const cases: CheckCases = {
  "4.6a": {
    why: "After a close the client cannot know whether the server ran an unanswered request; " +
      "resending is only harmless when running it twice equals running it once (RFC 9110 9.2.2, RFC 9112 9.3.1).",
    cases: [
      { args: [["GET", "GET", "POST", "PUT"], 1], expect: { resend: [1, 3], fail: [2] },
        why: "the unanswered GET and PUT may go again; the POST may have been carried out already." },
      { args: [tenGets, 5], expect: { resend: [5, 6, 7, 8, 9], fail: [] },
        why: "the book's example: ten GETs pipelined, the server answers five and closes; the other five are simply sent again." },
      { args: [mixed, 3], expect: { resend: [3, 4, 6, 7, 8, 9], fail: [5] },
        why: "every unanswered idempotent request is resent, in order; each unanswered POST is reported, never resent." },
      { args: [["POST", "GET"], 2], expect: { resend: [], fail: [] }, why: "everything was answered: nothing to resend, nothing failed." },
      { args: [["GET", "PATCH", "get"], 1], expect: { resend: [], fail: [1, 2] },
        why: "PATCH is not idempotent, and method names are case-sensitive: \"get\" is not GET, so the client cannot assume it is safe." },
      { args: [["DELETE", "PUT"], 0], expect: { resend: [0, 1], fail: [] },
        why: "the server closed before answering anything: both requests are unanswered and both are idempotent." },
      { args: [["POST"], 0], expect: { resend: [], fail: [0] },
        why: "an unanswered POST is a failure to report to the user, not something to resend silently." },
    ],
  },
  "4.6b": {
    why: "(The same as simulatePageLoad's pipelined load on an unlimited link.) " +
      "HTTP/1.1 responses carry no request ids, so they must come back in request order; a slow one delays all those behind it.",
    tolerance: 1e-6,
    cases: [
      { args: [[50, 5, 5], 20], expect: [70, 70, 70],
        why: "the two quick responses are ready at 15 ms but must wait behind the slow first one, which leaves at 60 ms." },
      { args: [[0, 300, 0, 0], 100], expect: [100, 400, 400, 400],
        why: "one slow response in second place holds back everything behind it: head-of-line blocking." },
      { args: [[5, 50, 5, 80, 10, 0], 40], expect: [45, 90, 90, 120, 120, 120],
        why: "each response leaves when it is ready and every earlier one has left: the slowest so far sets the pace." },
      { args: [[10, 20, 30], 20], expect: [30, 40, 50], why: "when each response takes longer than the one before, none waits: no blocking at all." },
      { args: [[0], 50], expect: [50], why: "one request: one round trip." },
      { args: [[], 20], expect: [], why: "no requests, no responses: an empty list." },
    ],
  },
  "4.6c": {
    why: "This decides what a client may resend after a connection closes under a pipeline (RFC 9110 9.2.2).",
    cases: [
      { args: ["GET"], expect: true, why: "reading twice changes nothing." },
      { args: ["HEAD"], expect: true, why: "a GET without the body: safe, so idempotent." },
      { args: ["PUT"], expect: true, why: "putting the same representation twice leaves the same state as once." },
      { args: ["DELETE"], expect: true, why: "deleting twice leaves the resource deleted, as once does (only the status code may differ)." },
      { args: ["OPTIONS"], expect: true, why: "asking what is allowed changes nothing." },
      { args: ["TRACE"], expect: true, why: "an echo of the request changes nothing." },
      { args: ["POST"], expect: false, why: "a second POST may create a second order or a second message." },
      { args: ["PATCH"], expect: false, why: "a patch such as \"add one\" applied twice is not the same as once." },
      { args: ["CONNECT"], expect: false, why: "CONNECT opens a tunnel; it is not idempotent." },
      { args: ["get"], expect: false, why: "method names are case-sensitive (RFC 9110 9.1): \"get\" is an unknown method, not GET." },
      { args: ["FROB"], expect: false, why: "a method the client does not know cannot be assumed idempotent." },
    ],
  },
  "4.6d": {
    why: "If a pipelined POST is caught by a close, the client cannot tell whether it ran; " +
      "sending it alone keeps that question from arising for the requests around it.",
    cases: [
      { args: [["GET", "GET", "POST", "GET", "PUT"]], expect: [[0, 1], [2], [3, 4]],
        why: "the POST waits for both GETs' responses, goes alone, and the GET and PUT after it wait for its response." },
      { args: [["GET", "HEAD", "GET", "OPTIONS"]], expect: [[0, 1, 2, 3]], why: "all idempotent: one batch, one round trip for the lot." },
      { args: [["POST", "POST"]], expect: [[0], [1]], why: "two POSTs never share a batch: each waits for the answer to the one before." },
      { args: [["POST", "GET", "GET"]], expect: [[0], [1, 2]], why: "nothing may follow a POST until its response is in; then the GETs pipeline." },
      { args: [["GET", "PATCH", "DELETE", "OPTIONS", "TRACE", "post"]], expect: [[0], [1], [2, 3, 4], [5]],
        why: "PATCH is not idempotent; DELETE, OPTIONS and TRACE are; \"post\" is an unknown method, so it is treated as not idempotent." },
      { args: [[]], expect: [], why: "no requests, no batches." },
    ],
  },
};
export default cases;
