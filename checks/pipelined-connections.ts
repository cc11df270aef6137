/** Public cases for 4.6 pipelined connections: they ship with the workbook and show in feedback. */
import type { PipelineLabResult } from "../lib/lab/pipeline";
import type { Case, CheckCases } from "../lib/workbook/cases";

const tenGets = ["GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET"];
const mixed = ["GET", "HEAD", "POST", "GET", "PUT", "POST", "DELETE", "OPTIONS", "GET", "TRACE"];

/** Likely slips, each found by running the wrong variant on the case. */
const offByOne = "the first `answered` requests (indexes 0 .. answered - 1) are done; the one at index `answered` is the first unanswered.";
const resendAll = "a request whose method is not idempotent was resent: the server may already have run it, so the client must report it, not resend it.";
const safeOnly = "PUT and DELETE are not safe, but they are idempotent (RFC 9110 9.2.2): repeating them leaves the same state as once.";
const caseBlind = "method names are case-sensitive (RFC 9110 9.1): \"get\" is an unknown method, not GET.";
const notPost = "POST is not the only method that is not idempotent: PATCH, CONNECT and any unknown method may not be assumed safe to repeat.";
const noWaiting = "a ready response did not wait for the ones before it: on one HTTP/1.1 connection responses leave in request order.";
const serialServer = "the server was made to work on one request at a time; here it works on all of them at once, and only the sending is in order.";
const fullTrip = "the request reaches the server half a round trip after it was written, and the response needs the other half to come back.";

const cases: CheckCases = {
  "4.6a": {
    why: "After a close the client cannot know whether the server ran an unanswered request; " +
      "resending is only harmless when running it twice equals running it once (RFC 9110 9.2.2, RFC 9112 9.3.1).",
    cases: [
      { args: [["GET", "GET", "POST", "PUT"], 1], expect: { resend: [1, 3], fail: [2] },
        why: "the unanswered GET and PUT may go again; the POST may have been carried out already.",
        slips: [{ got: { resend: [3], fail: [2] }, say: offByOne }, { got: { resend: [1, 2, 3], fail: [] }, say: resendAll }, { got: { resend: [1], fail: [2, 3] }, say: safeOnly }] },
      { args: [tenGets, 5], expect: { resend: [5, 6, 7, 8, 9], fail: [] },
        why: "the book's example: ten GETs pipelined, the server answers five and closes; the other five are simply sent again.",
        slips: [{ got: { resend: [6, 7, 8, 9], fail: [] }, say: offByOne }] },
      { args: [mixed, 3], expect: { resend: [3, 4, 6, 7, 8, 9], fail: [5] },
        why: "every unanswered idempotent request is resent, in order; each unanswered POST is reported, never resent.",
        slips: [{ got: { resend: [3, 4, 5, 6, 7, 8, 9], fail: [] }, say: resendAll }, { got: { resend: [3, 7, 8, 9], fail: [4, 5, 6] }, say: safeOnly }] },
      { args: [["POST", "GET"], 2], expect: { resend: [], fail: [] }, why: "everything was answered: nothing to resend, nothing failed." },
      { args: [["GET", "PATCH", "get"], 1], expect: { resend: [], fail: [1, 2] },
        why: "PATCH is not idempotent, and method names are case-sensitive: \"get\" is not GET, so the client cannot assume it is safe.",
        slips: [{ got: { resend: [2], fail: [1] }, say: caseBlind }, { got: { resend: [1, 2], fail: [] }, say: notPost }] },
      { args: [["DELETE", "PUT"], 0], expect: { resend: [0, 1], fail: [] },
        why: "the server closed before answering anything: both requests are unanswered and both are idempotent.",
        slips: [{ got: { resend: [], fail: [0, 1] }, say: safeOnly }] },
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
        why: "the two quick responses are ready at 15 ms but must wait behind the slow first one, which leaves at 60 ms.",
        slips: [{ got: [70, 25, 25], say: noWaiting }, { got: [70, 75, 80], say: serialServer }, { got: [90, 90, 90], say: fullTrip }] },
      { args: [[0, 300, 0, 0], 100], expect: [100, 400, 400, 400],
        why: "one slow response in second place holds back everything behind it: head-of-line blocking.",
        slips: [{ got: [100, 400, 100, 100], say: noWaiting }, { got: [200, 500, 500, 500], say: fullTrip }] },
      { args: [[5, 50, 5, 80, 10, 0], 40], expect: [45, 90, 90, 120, 120, 120],
        why: "each response leaves when it is ready and every earlier one has left: the slowest so far sets the pace.",
        slips: [{ got: [45, 90, 45, 120, 50, 40], say: noWaiting }, { got: [45, 95, 100, 180, 190, 190], say: serialServer }] },
      { args: [[10, 20, 30], 20], expect: [30, 40, 50], why: "when each response takes longer than the one before, none waits: no blocking at all.",
        slips: [{ got: [30, 50, 80], say: serialServer }] },
      { args: [[0], 50], expect: [50], why: "one request: one round trip." },
      { args: [[], 20], expect: [], why: "no requests, no responses: an empty list." },
    ],
  },
  "4.6c": {
    why: "This decides what a client may resend after a connection closes under a pipeline (RFC 9110 9.2.2).",
    cases: [
      { args: ["GET"], expect: true, why: "reading twice changes nothing." },
      { args: ["HEAD"], expect: true, why: "a GET without the body: safe, so idempotent." },
      { args: ["PUT"], expect: true, why: "putting the same representation twice leaves the same state as once.", slips: [{ got: false, say: safeOnly }] },
      { args: ["DELETE"], expect: true, why: "deleting twice leaves the resource deleted, as once does (only the status code may differ).", slips: [{ got: false, say: safeOnly }] },
      { args: ["OPTIONS"], expect: true, why: "asking what is allowed changes nothing." },
      { args: ["TRACE"], expect: true, why: "an echo of the request changes nothing." },
      { args: ["POST"], expect: false, why: "a second POST may create a second order or a second message." },
      { args: ["PATCH"], expect: false, why: "a patch such as \"add one\" applied twice is not the same as once.", slips: [{ got: true, say: notPost }] },
      { args: ["CONNECT"], expect: false, why: "CONNECT opens a tunnel; it is not idempotent." },
      { args: ["get"], expect: false, why: "method names are case-sensitive (RFC 9110 9.1): \"get\" is an unknown method, not GET.", slips: [{ got: true, say: caseBlind }] },
      { args: ["FROB"], expect: false, why: "a method the client does not know cannot be assumed idempotent." },
    ],
  },
  "4.6d": {
    why: "If a pipelined POST is caught by a close, the client cannot tell whether it ran; " +
      "sending it alone keeps that question from arising for the requests around it.",
    cases: [
      { args: [["GET", "GET", "POST", "GET", "PUT"]], expect: [[0, 1], [2], [3, 4]],
        why: "the POST waits for both GETs' responses, goes alone, and the GET and PUT after it wait for its response.",
        slips: [{ got: [[0, 1, 2], [3, 4]], say: "the POST rode at the end of the GETs' batch: that is RFC 9112's looser rule; this exercise follows RFC 2616's, where a non-idempotent request goes alone." },
          { got: [[0, 1], [2]], say: "the requests after the last non-idempotent one were never added: push the batch still open when the loop ends." }] },
      { args: [["GET", "HEAD", "GET", "OPTIONS"]], expect: [[0, 1, 2, 3]], why: "all idempotent: one batch, one round trip for the lot.",
        slips: [{ got: [], say: "the requests after the last non-idempotent one were never added: push the batch still open when the loop ends." }] },
      { args: [["POST", "POST"]], expect: [[0], [1]], why: "two POSTs never share a batch: each waits for the answer to the one before." },
      { args: [["POST", "GET", "GET"]], expect: [[0], [1, 2]], why: "nothing may follow a POST until its response is in; then the GETs pipeline." },
      { args: [["GET", "PATCH", "DELETE", "OPTIONS", "TRACE", "post"]], expect: [[0], [1], [2, 3, 4], [5]],
        why: "PATCH is not idempotent; DELETE, OPTIONS and TRACE are; \"post\" is an unknown method, so it is treated as not idempotent.",
        slips: [{ got: [[0, 1, 2, 3, 4, 5]], say: notPost }, { got: [[0, 1], [2, 3, 4, 5]], say: "a non-idempotent request rode at the end of a batch: in this exercise it goes alone (RFC 2616's rule)." }] },
      { args: [[]], expect: [], why: "no requests, no batches." },
    ],
  },
  "4.6e": {
    why: "Two rules make a client wait for one answer before it pipelines. First contact: until a response arrives the client does not know " +
      "whether the server keeps connections at all (an HTTP/1.0 server, or one that says Connection: close, answers once and closes), and " +
      "every request pipelined behind the first would be written for nothing; the book says: do not pipeline before you know the " +
      "connection is persistent. After a failed connection (one that closed without a Connection: close in its last response), RFC 9112 " +
      "9.3.2 says MUST NOT pipeline immediately after connection establishment: the first unanswered request may be the one that caused " +
      "the failure, and if others follow it the server's error response can be destroyed again by a reset (the TCP reset problem, 9.6).",
    cases: [
      { args: [], expect: 2, label: "predictRequestsSentAlone()",
        why: "connection 1 opens to an unknown server: one GET alone, then the other five pipelined once its answer shows the connection stays. " +
          "The server drops it after three responses with no notice, so connection 2 follows a failure: the first of the three resent GETs " +
          "goes alone, then the last two together; all three are answered.",
        slips: [
          { got: 0, say: "the client pipelined at once on both connections: it knew neither whether the new server keeps connections, " +
            "nor whether the new connection after the failure would work." },
          { got: 1, say: "one of the two waits was left out: the first contact with a server never used, or the new connection after a " +
            "connection that failed without Connection: close." },
          { got: 6, say: "every request was sent alone: once one answer has shown the connection works, the client may pipeline the rest." },
        ] },
    ],
  },
  "4.6f": {
    why: "HTTP/1.1 responses carry no request id, so the only way to pair them with requests is order: a server must send them in the order " +
      "the requests came, whatever order it finished them in. After an early close the client resends only what is safe to run twice, " +
      "because it cannot know what the server already did: the lab's server log shows that a request can reach the server's handler " +
      "and still get no answer before the close.",
    cases: [],
    lab: "pipeline",
    fromLab: (m: PipelineLabResult) => {
      if (m?.consistency?.inconclusive) return `your lab run was inconclusive: ${m.consistency.inconclusive}`;
      const setup = m?.setup;
      const measured = m?.measured;
      if (!setup || !measured?.retry || !Array.isArray(setup.methods)) {
        return "your pipeline lab result is incomplete (the lab did not finish): run npm run workbook -- lab pipeline again.";
      }
      if (!measured.complete || !measured.inOrder) {
        return "in your lab run the order part did not get every response whole and in request order, so it cannot grade a prediction of " +
          "the order: run npm run workbook -- lab pipeline again (and if it happens every time, that is worth showing your teacher).";
      }
      const { methods, closeAfter } = setup;
      const retry = measured.retry;
      const order = methods.map((_, id) => id);
      const seen = (id: number) => retry.serverReceived.filter((r) => r === `${methods[id]} ${id}`).length;
      const reached = methods.some((_, id) => seen(id) > (retry.answered.includes(id) ? 1 : 0));
      const expect = { order, resent: retry.resent, unansweredReachedServer: reached };
      // the wrong variants of the client, played on the same setup
      const idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];
      const resentIf = (mayResend: (method: string) => boolean) => {
        const ids: number[] = [];
        let pending = methods.map((method, id) => ({ method, id }));
        while (pending.length > 0) {
          pending = pending.slice(closeAfter).filter((r) => mayResend(r.method));
          for (const r of pending) if (!ids.includes(r.id)) ids.push(r.id);
        }
        return ids;
      };
      const everyResend: number[] = []; // each resend listed, repeats included
      for (let pending = methods.map((method, id) => ({ method, id })); pending.length > 0;) {
        pending = pending.slice(closeAfter).filter((r) => idempotent.includes(r.method));
        everyResend.push(...pending.map((r) => r.id));
      }
      const slips: { got: unknown; say: string }[] = [
        { got: { ...expect, order: [...measured.serverFinishOrder] }, say: "the responses were predicted in the order the server finished " +
          "them; nothing in an HTTP/1.1 response says which request it answers, so the server must keep request order." },
        { got: { ...expect, resent: resentIf(() => true) }, say: "a request whose method is not idempotent (POST) was resent: after the close " +
          "the client cannot tell whether the server ran it." },
        { got: { ...expect, resent: [] }, say: "nothing was resent: the unanswered idempotent requests go again on a new connection." },
        { got: { ...expect, resent: everyResend }, say: "some requests were resent twice (the new connection closes after the same " +
          "number of responses) and were listed twice: list each resent id once, where it was first resent." },
        { got: { ...expect, unansweredReachedServer: !reached }, say: "the conclusion does not match your own measurement: read the line " +
          "\"the server was handed\" in your lab result and look for a request that got no answer on that connection." },
      ];
      const label = `predictPipelineLab(${JSON.stringify(methods)}, ${closeAfter})`;
      const c: Case = {
        args: [methods, closeAfter],
        expect,
        label,
        why: `your own measurement (.workbook/labs/pipeline.json): responses arrived ${measured.inOrder ? "in request order" : "out of order"} ` +
          `although the server finished ${measured.serverFinishOrder.join(",")}; the client resent ${retry.resent.join(", ") || "nothing"}; ` +
          `the server was handed ${retry.serverReceived.join(", ")}.`,
        slips: slips.filter((sl) => JSON.stringify(sl.got) !== JSON.stringify(expect)),
      };
      return [c];
    },
  },
};
export default cases;
