/** Checks for the 4.7 exercises (closing connections): each failure says what and why. */
import { simulateClose, type CloseScenario } from "../../http/close";
import { checkResponseBody, type ResponseHead } from "../../http/message-length";
import { serialisationMs } from "../../sim/link";
import { IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../../tcp/constants";
import { expectEqual } from "../expect";
import { defineChecks } from "./define";

interface ReceivedResponse {
  status?: number;
  requestMethod?: string;
  contentLength?: number;
}
type BodyStatus = "complete" | "truncated" | "read-until-close";
type ClosePacket = "FIN" | "RST";
type Arrival = { atMs: number; bytes: number };

/** The status lib/http's checkResponseBody gives the same response (the model behind 4.7a). */
function modelBodyStatus(r: ReceivedResponse, receivedBytes: number): string {
  const head: ResponseHead = {
    status: r.status,
    requestMethod: r.requestMethod,
    headers: r.contentLength === undefined ? {} : { "Content-Length": String(r.contentLength) },
  };
  return checkResponseBody(head, receivedBytes).status;
}

/** The FIN / RST packets the server sends in a simulateClose trace. */
function serverClosePackets(scenario: CloseScenario): ClosePacket[] {
  return simulateClose(scenario)
    .trace.filter((e) => e.from === "server" && (e.flags.includes("FIN") || e.flags.includes("RST")))
    .map((e) => (e.flags.includes("RST") ? "RST" : "FIN"));
}

const show = (v: unknown) => JSON.stringify(v);

export const checks = defineChecks({
  "4.7a": (bodyStatus: (response: ReceivedResponse, receivedBytes: number) => BodyStatus) => {
    const cases: [ReceivedResponse, number, string][] = [
      [{ contentLength: 1000 }, 600, "Content-Length promised 1000 bytes and only 600 came before the close: the client must not use (or cache) this as the whole response."],
      [{ contentLength: 1000 }, 1000, "every promised byte arrived, so the close came after a complete message: nothing is wrong."],
      [{ contentLength: 1000 }, 1200, "bytes past Content-Length are not part of this body (on a persistent connection they are the next response); this body is complete."],
      [{ contentLength: 0 }, 0, "Content-Length: 0 is a complete, empty body."],
      [{}, 5000, "without Content-Length the body runs until the close, and a close after 5000 bytes looks exactly like a failure after 5000 bytes."],
      [{}, 0, "no Content-Length and nothing received: still read-until-close; the client cannot tell an empty body from a broken one."],
      [{ requestMethod: "HEAD", contentLength: 1000 }, 0, "a response to HEAD has no body; its Content-Length describes what a GET would have returned."],
      [{ status: 304, contentLength: 5000 }, 0, "a 304 Not Modified never carries a body, whatever its Content-Length says."],
      [{ status: 204 }, 0, "a 204 No Content ends with its headers; it is complete even without Content-Length."],
      [{ status: 100 }, 0, "a 100 Continue is an interim response: it never has a body, so there is nothing to read until the close; it is complete."],
      [{ status: 101 }, 0, "a 101 Switching Protocols ends with its headers; what follows on the connection is the new protocol, not a body."],
      [{ status: 103, contentLength: 500 }, 0, "a 103 Early Hints is a 1xx like the others: no body, whatever its Content-Length says. Every 1xx counts, not only 100."],
      [{ status: 404, contentLength: 300 }, 120, "an error page is a body like any other: 120 of 300 bytes is truncated."],
      [{ status: 500 }, 80, "an error response without Content-Length is also delimited by the close."],
      [{ requestMethod: "POST", status: 201, contentLength: 64 }, 63, "one byte short is still short."],
    ];
    for (const [response, received, why] of cases) {
      const expected = modelBodyStatus(response, received);
      expectEqual(bodyStatus(response, received), expected, `bodyStatus(${show(response)}, ${received})`,
        `${why} A persistent connection works only when every message's end is known (4.5, 4.7).`);
    }
  },

  "4.7b": (closePackets: (how: "close" | "shutdown-write", unreadBytes: number, laterBytes: number) => ClosePacket[]) => {
    const cases: [["close" | "shutdown-write", number, number], ClosePacket[], string][] = [
      [["close", 0, 0], ["FIN"], "nothing unread and nothing more coming: an ordinary FIN."],
      [["close", 100, 0], ["RST"], "closing with unread input makes TCP reset the connection instead of sending FIN (RFC 9293 3.6, RFC 1122 4.2.2.13)."],
      [["close", 100, 5000], ["RST"], "the reset goes out at once because of the unread input; after an RST the connection is gone."],
      [["close", 0, 100], ["FIN", "RST"], "the FIN goes out first, then the peer's late bytes hit a socket that can no longer read them, and TCP answers with RST."],
      [["shutdown-write", 0, 0], ["FIN"], "a half close sends FIN on the output side only."],
      [["shutdown-write", 100, 5000], ["FIN"], "after a half close the application keeps reading, so unread and late input is drained, not reset: this is the graceful close."],
    ];
    for (const [[how, unread, later], expected, why] of cases) {
      expectEqual(closePackets(how, unread, later), expected, `closePackets(${show(how)}, ${unread}, ${later})`, why);
    }
    // The same rule as lib/http's simulateClose plays it: a pipelined request of 100 bytes is the unread (or late) input.
    const base = { rttMs: 20, responseBytes: 8000, requestBytes: 100 };
    const model: [CloseScenario, ["close" | "shutdown-write", number, number], string][] = [
      [{ ...base, strategy: "abrupt", secondRequestAtMs: 0 }, ["close", 100, 0],
        "the server closes while the second pipelined request sits unread in its buffer: simulateClose sends RST."],
      [{ ...base, strategy: "abrupt", secondRequestAtMs: 15 }, ["close", 0, 100],
        "the second request is still on the wire when the server closes: simulateClose sends FIN, then RST when the request lands."],
      [{ ...base, strategy: "graceful", secondRequestAtMs: 0 }, ["shutdown-write", 100, 0],
        "the graceful server half-closes and reads the request away: simulateClose sends FIN only."],
    ];
    for (const [scenario, [how, unread, later], why] of model) {
      expectEqual(closePackets(how, unread, later), serverClosePackets(scenario), `closePackets(${show(how)}, ${unread}, ${later})`,
        `${why} A reset can destroy a response the client has received but not yet read, which is why servers close gracefully.`);
    }
  },

  "4.7c": (bytesReadBeforeReset: (arrivals: Arrival[], readDelayMs: number, rstAtMs: number) => number) => {
    const seg = (atMs: number, bytes = 1460): Arrival => ({ atMs, bytes });
    const cases: [Arrival[], number, number, number, string][] = [
      [[seg(10), seg(30, 500)], 1, 20, 1460, "the first segment is read at 11 ms, before the reset at 20 ms; the second arrives after it and is gone."],
      [[seg(10), seg(11), seg(12, 700)], 1, Infinity, 3620, "no reset ever comes: the application reads everything."],
      [[seg(10), seg(11), seg(12, 700)], 1, 12, 2920, "a segment read at exactly the reset time is still read: the reads at 11 and 12 ms count, the one at 13 ms does not."],
      [[seg(10), seg(11)], 5, 14, 0, "the segments had arrived, but the application had not read them yet when the reset came: arrived is not read, and a reset discards the unread."],
      [[seg(10), seg(11)], 0, 10, 1460, "with no read delay, a segment read at the very moment of the reset is kept."],
      [[], 1, 5, 0, "no segments, no bytes."],
    ];
    for (const [arrivals, delay, rst, expected, why] of cases) {
      expectEqual(bytesReadBeforeReset(arrivals, delay, rst), expected, `bytesReadBeforeReset(${show(arrivals)}, ${delay}, ${rst})`, why);
    }
    // Against lib/http's simulateClose: rebuild each segment's arrival from its trace and compare with what the model says the client read.
    const scenarios: CloseScenario[] = [
      { strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6 },
      { strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6, clientReadDelayMs: 0 },
      { strategy: "abrupt", rttMs: 50, responseBytes: 30_000, bandwidthBps: 20e6, clientReadDelayMs: 2 },
      { strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6, secondRequestAtMs: 15 },
      { strategy: "graceful", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6 },
    ];
    const headers = IP_HEADER_BYTES + TCP_HEADER_BYTES;
    for (const s of scenarios) {
      const outcome = simulateClose(s);
      const bw = s.bandwidthBps ?? Infinity;
      const oneWay = s.rttMs / 2;
      const arrivals = outcome.trace
        .filter((e) => e.from === "server" && e.bytes > 0)
        .map((e) => ({ atMs: e.tMs + serialisationMs(e.bytes + headers, bw) + oneWay, bytes: e.bytes }));
      const rst = outcome.trace.find((e) => e.from === "server" && e.flags.includes("RST"));
      const rstAtMs = rst ? rst.tMs + serialisationMs(headers, bw) + oneWay : Infinity;
      const delay = s.clientReadDelayMs ?? 1;
      expectEqual(bytesReadBeforeReset(arrivals, delay, rstAtMs), outcome.clientReceivedBytes,
        `bytesReadBeforeReset(<the ${arrivals.length} segments of simulateClose(${show(s)})>, ${delay}, ${rstAtMs === Infinity ? "Infinity" : rstAtMs.toFixed(3)})`,
        "this is what lib/http's simulateClose computes for the same scene: the client keeps only the segments its application read before the RST arrived. " +
        "Bytes that reached the client's kernel are not safe until the application has read them.");
    }
  },
});
