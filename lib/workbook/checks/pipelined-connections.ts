/** Checks for the 4.6 exercises (pipelined connections): each failure says what and why. */
import { isIdempotent } from "../../http/idempotency";
import { simulatePageLoad } from "../../http/page-load";
import { simulatePipeline } from "../../http/pipeline-retry";
import { expectClose, expectEqual, fail } from "../expect";
import { defineChecks } from "./define";

const show = (v: unknown) => JSON.stringify(v);

/** What lib/http's simulatePipeline does when the server closes after `answered` responses (announced). */
function modelAfterEarlyClose(methods: string[], answered: number): { resend: number[]; fail: number[] } {
  const run = simulatePipeline({
    requests: methods.map((method) => ({ method })),
    serverClosesAfter: answered,
    announcesClose: true,
    pipelineNonIdempotent: true, // every request is already on the connection, as in the exercise
  });
  return { resend: run.requests.filter((r) => r.attempts > 1).map((r) => r.index), fail: run.failed };
}

/** Response arrival times (from the moment the requests were written) in lib/http's simulatePageLoad. */
function modelDoneTimes(serverMs: number[], rttMs: number): number[] {
  const load = simulatePageLoad({
    page: { htmlBytes: 1000, objectBytes: serverMs.map(() => 1000) },
    strategy: "pipelined",
    rttMs,
    bandwidthBps: Infinity, // sending takes no time, as the exercise says
    serverMs: [0, ...serverMs],
  });
  return load.requests.slice(1).map((r) => r.doneMs - r.sentMs);
}

export const checks = defineChecks({
  "4.6a": (afterEarlyClose: (methods: string[], answered: number) => { resend: number[]; fail: number[] }) => {
    const tenGets = Array.from({ length: 10 }, () => "GET");
    const mixed = ["GET", "HEAD", "POST", "GET", "PUT", "POST", "DELETE", "OPTIONS", "GET", "TRACE"];
    const cases: [string[], number, string][] = [
      [["GET", "GET", "POST", "PUT"], 1, "the unanswered GET and PUT may go again; the POST may have been carried out already."],
      [tenGets, 5, "the book's example: ten GETs pipelined, the server answers five and closes; the other five are simply sent again."],
      [mixed, 3, "every unanswered idempotent request is resent, in order; each unanswered POST is reported, never resent."],
      [["POST", "GET"], 2, "everything was answered: nothing to resend, nothing failed."],
      [["GET", "PATCH", "get"], 1, "PATCH is not idempotent, and method names are case-sensitive: \"get\" is not GET, so the client cannot assume it is safe."],
    ];
    for (const [methods, answered, why] of cases) {
      expectEqual(afterEarlyClose(methods, answered), modelAfterEarlyClose(methods, answered), `afterEarlyClose(${show(methods)}, ${answered})`,
        `${why} After a close the client cannot know whether the server ran an unanswered request; ` +
        "resending is only harmless when running it twice equals running it once (RFC 9110 9.2.2, RFC 9112 9.3.1).");
    }
    const byHand: [string[], number, { resend: number[]; fail: number[] }, string][] = [
      [["DELETE", "PUT"], 0, { resend: [0, 1], fail: [] }, "the server closed before answering anything: both requests are unanswered and both are idempotent."],
      [["POST"], 0, { resend: [], fail: [0] }, "an unanswered POST is a failure to report to the user, not something to resend silently."],
    ];
    for (const [methods, answered, expected, why] of byHand) {
      expectEqual(afterEarlyClose(methods, answered), expected, `afterEarlyClose(${show(methods)}, ${answered})`, why);
    }
  },

  "4.6b": (pipelinedDoneTimes: (serverMs: number[], rttMs: number) => number[]) => {
    const cases: [number[], number, string][] = [
      [[50, 5, 5], 20, "the two quick responses are ready at 15 ms but must wait behind the slow first one, which leaves at 60 ms."],
      [[0, 300, 0, 0], 100, "one slow response in second place holds back everything behind it: head-of-line blocking."],
      [[5, 50, 5, 80, 10, 0], 40, "each response leaves when it is ready and every earlier one has left: the slowest so far sets the pace."],
      [[10, 20, 30], 20, "when each response takes longer than the one before, none waits: no blocking at all."],
      [[0], 50, "one request: one round trip."],
    ];
    for (const [serverMs, rttMs, why] of cases) {
      const call = `pipelinedDoneTimes(${show(serverMs)}, ${rttMs})`;
      const expected = modelDoneTimes(serverMs, rttMs);
      const got = pipelinedDoneTimes(serverMs, rttMs);
      const explain = `${why} (The same as simulatePageLoad's pipelined load on an unlimited link.) ` +
        "HTTP/1.1 responses carry no request ids, so they must come back in request order; a slow one delays all those behind it.";
      if (!Array.isArray(got) || got.length !== expected.length) {
        expectEqual(got, expected.map((t) => Math.round(t * 1000) / 1000), call, `${explain} One time per request, in request order.`);
        return;
      }
      expected.forEach((t, i) => expectClose(got[i], t, 1e-6, `${call}[${i}] (whole answer ${show(got)})`, explain));
    }
    expectEqual(pipelinedDoneTimes([], 20), [], "pipelinedDoneTimes([], 20)", "no requests, no responses: an empty list.");
  },

  "4.6c": (isIdempotentMethod: (method: string) => boolean) => {
    const cases: [string, string][] = [
      ["GET", "reading twice changes nothing."],
      ["HEAD", "a GET without the body: safe, so idempotent."],
      ["PUT", "putting the same representation twice leaves the same state as once."],
      ["DELETE", "deleting twice leaves the resource deleted, as once does (only the status code may differ)."],
      ["OPTIONS", "asking what is allowed changes nothing."],
      ["TRACE", "an echo of the request changes nothing."],
      ["POST", "a second POST may create a second order or a second message."],
      ["PATCH", "a patch such as \"add one\" applied twice is not the same as once."],
      ["CONNECT", "CONNECT opens a tunnel; it is not idempotent."],
      ["get", "method names are case-sensitive (RFC 9110 9.1): \"get\" is an unknown method, not GET."],
      ["FROB", "a method the client does not know cannot be assumed idempotent."],
    ];
    for (const [method, why] of cases) {
      const got = isIdempotentMethod(method);
      if (typeof got !== "boolean") fail(`isIdempotentMethod(${show(method)})\n  expected true or false\n  got      ${show(got)}\n  why it matters: the client's retry logic needs a yes or a no.`);
      expectEqual(got, isIdempotent(method), `isIdempotentMethod(${show(method)})`,
        `${why} This decides what a client may resend after a connection closes under a pipeline (RFC 9110 9.2.2).`);
    }
  },

  "4.6d": (pipelineBatches: (methods: string[]) => number[][]) => {
    const cases: [string[], number[][], string][] = [
      [["GET", "GET", "POST", "GET", "PUT"], [[0, 1], [2], [3, 4]], "the POST waits for both GETs' responses, goes alone, and the GET and PUT after it wait for its response."],
      [["GET", "HEAD", "GET", "OPTIONS"], [[0, 1, 2, 3]], "all idempotent: one batch, one round trip for the lot."],
      [["POST", "POST"], [[0], [1]], "two POSTs never share a batch: each waits for the answer to the one before."],
      [["POST", "GET", "GET"], [[0], [1, 2]], "nothing may follow a POST until its response is in; then the GETs pipeline."],
      [["GET", "PATCH", "DELETE", "OPTIONS", "TRACE", "post"], [[0], [1], [2, 3, 4], [5]],
        "PATCH is not idempotent; DELETE, OPTIONS and TRACE are; \"post\" is an unknown method, so it is treated as not idempotent."],
      [[], [], "no requests, no batches."],
    ];
    for (const [methods, expected, why] of cases) {
      expectEqual(pipelineBatches(methods), expected, `pipelineBatches(${show(methods)})`,
        `${why} If a pipelined POST is caught by a close, the client cannot tell whether it ran; sending it alone keeps that question from arising for the requests around it.`);
    }
  },
});
