/** Public cases for 4.7 The mysteries of connection close: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/**
 * 4.7c: when the six segments of an 8000-byte response reach the client in
 * lib/http's simulateClose at 20 ms RTT and 10 Mbit/s (times in ms, to the
 * microsecond).
 */
const response8000 = [
  { atMs: 21.2, bytes: 1460 }, { atMs: 22.4, bytes: 1460 }, { atMs: 23.6, bytes: 1460 },
  { atMs: 24.8, bytes: 1460 }, { atMs: 26, bytes: 1460 }, { atMs: 26.592, bytes: 700 },
];
/** 4.7c: the 21 segments of a 30000-byte response at 50 ms RTT and 20 Mbit/s, the same way. */
const response30000 = [
  { atMs: 50.6, bytes: 1460 }, { atMs: 51.2, bytes: 1460 }, { atMs: 51.8, bytes: 1460 }, { atMs: 52.4, bytes: 1460 },
  { atMs: 53, bytes: 1460 }, { atMs: 53.6, bytes: 1460 }, { atMs: 54.2, bytes: 1460 }, { atMs: 54.8, bytes: 1460 },
  { atMs: 55.4, bytes: 1460 }, { atMs: 56, bytes: 1460 }, { atMs: 56.6, bytes: 1460 }, { atMs: 57.2, bytes: 1460 },
  { atMs: 57.8, bytes: 1460 }, { atMs: 58.4, bytes: 1460 }, { atMs: 59, bytes: 1460 }, { atMs: 59.6, bytes: 1460 },
  { atMs: 60.2, bytes: 1460 }, { atMs: 60.8, bytes: 1460 }, { atMs: 61.4, bytes: 1460 }, { atMs: 62, bytes: 1460 },
  { atMs: 62.336, bytes: 800 },
];
const seg = (atMs: number, bytes = 1460) => ({ atMs, bytes });
const simulated = (segments: number, scene: string, delay: number, rst: string) =>
  `bytesReadBeforeReset(<the ${segments} segments of simulateClose(${scene})>, ${delay}, ${rst})`;
const fromSimulateClose = "this is what lib/http's simulateClose computes for the same scene: the client keeps only the segments its application read before the RST arrived.";

const cases: CheckCases = {
  "4.7a": {
    why: "A persistent connection works only when every message's end is known (4.5, 4.7).",
    cases: [
      { args: [{ contentLength: 1000 }, 600], expect: "truncated",
        why: "Content-Length promised 1000 bytes and only 600 came before the close: the client must not use (or cache) this as the whole response." },
      { args: [{ contentLength: 1000 }, 1000], expect: "complete",
        why: "every promised byte arrived, so the close came after a complete message: nothing is wrong." },
      { args: [{ contentLength: 1000 }, 1200], expect: "complete",
        why: "bytes past Content-Length are not part of this body (on a persistent connection they are the next response); this body is complete.",
        slips: [{ got: "truncated", say: "you compared the count with !== (or ===): a body is short only when fewer bytes came than were promised; extra bytes belong to the next message." }] },
      { args: [{ contentLength: 0 }, 0], expect: "complete", why: "Content-Length: 0 is a complete, empty body.",
        slips: [{ got: "read-until-close", say: "0 is falsy: a test like `if (!contentLength)` takes Content-Length: 0 for a missing header. Test for undefined." }] },
      { args: [{}, 5000], expect: "read-until-close",
        why: "without Content-Length the body runs until the close, and a close after 5000 bytes looks exactly like a failure after 5000 bytes." },
      { args: [{}, 0], expect: "read-until-close",
        why: "no Content-Length and nothing received: still read-until-close; the client cannot tell an empty body from a broken one.",
        slips: [{ got: "complete", say: "zero bytes with no length is not proof of an empty body: a server that died before its first byte looks the same." }] },
      { args: [{ requestMethod: "HEAD", contentLength: 1000 }, 0], expect: "complete",
        why: "a response to HEAD has no body; its Content-Length describes what a GET would have returned.",
        slips: [{ got: "truncated", say: "the request method matters too: a response to HEAD never has a body, so its Content-Length promises nothing on this connection." }] },
      { args: [{ status: 304, contentLength: 5000 }, 0], expect: "complete", why: "a 304 Not Modified never carries a body, whatever its Content-Length says.",
        slips: [{ got: "truncated", say: "check first whether this status can have a body at all (RFC 9112 6.3, rule 1) before you compare lengths." }] },
      { args: [{ status: 204 }, 0], expect: "complete", why: "a 204 No Content ends with its headers; it is complete even without Content-Length.",
        slips: [{ got: "read-until-close", say: "a missing Content-Length means read-until-close only for a response that can have a body; 204 cannot." }] },
      { args: [{ status: 100 }, 0], expect: "complete",
        why: "a 100 Continue is an interim response: it never has a body, so there is nothing to read until the close; it is complete." },
      { args: [{ status: 101 }, 0], expect: "complete",
        why: "a 101 Switching Protocols ends with its headers; what follows on the connection is the new protocol, not a body." },
      { args: [{ status: 103, contentLength: 500 }, 0], expect: "complete",
        why: "a 103 Early Hints is a 1xx like the others: no body, whatever its Content-Length says. Every 1xx counts, not only 100.",
        slips: [{ got: "truncated", say: "you listed single 1xx codes: the rule covers the whole 100-199 range." }] },
      { args: [{ status: 404, contentLength: 300 }, 120], expect: "truncated", why: "an error page is a body like any other: 120 of 300 bytes is truncated." },
      { args: [{ status: 500 }, 80], expect: "read-until-close", why: "an error response without Content-Length is also delimited by the close." },
      { args: [{ requestMethod: "POST", status: 201, contentLength: 64 }, 63], expect: "truncated", why: "one byte short is still short." },
    ],
  },
  "4.7b": {
    why: "A reset can destroy a response the client has received but not yet read, which is why servers close gracefully.",
    cases: [
      { args: ["close", 0, 0], expect: ["FIN"], why: "nothing unread and nothing more coming: an ordinary FIN." },
      { args: ["close", 100, 0], expect: ["RST"],
        why: "closing with unread input makes TCP reset the connection instead of sending FIN (RFC 9293 3.6, RFC 1122 4.2.2.13).",
        slips: [{ got: ["FIN", "RST"], say: "with unread input the close does not start politely: no FIN goes out before the reset." }] },
      { args: ["close", 100, 5000], expect: ["RST"], why: "the reset goes out at once because of the unread input; after an RST the connection is gone." },
      { args: ["close", 0, 100], expect: ["FIN", "RST"],
        why: "the FIN goes out first, then the peer's late bytes hit a socket that can no longer read them, and TCP answers with RST.",
        slips: [{ got: ["FIN"], say: "the close is not the end of the story: bytes the peer sends afterwards reach a socket that nobody reads." }] },
      { args: ["shutdown-write", 0, 0], expect: ["FIN"], why: "a half close sends FIN on the output side only." },
      { args: ["shutdown-write", 100, 5000], expect: ["FIN"],
        why: "after a half close the application keeps reading, so unread and late input is drained, not reset: this is the graceful close.",
        slips: [{ got: ["RST"], say: "a half close shuts only the sending direction: the socket still reads, so unread input is no reason to reset." },
          { got: ["FIN", "RST"], say: "a half-closed socket still reads, so late input is drained, not refused." }] },
      // The same rule as lib/http's simulateClose plays it: a pipelined request of 100 bytes is the unread (or late) input.
      { args: ["close", 100, 0], expect: ["RST"],
        why: "the server closes while the second pipelined request sits unread in its buffer: simulateClose sends RST." },
      { args: ["close", 0, 100], expect: ["FIN", "RST"],
        why: "the second request is still on the wire when the server closes: simulateClose sends FIN, then RST when the request lands." },
      { args: ["shutdown-write", 100, 0], expect: ["FIN"],
        why: "the graceful server half-closes and reads the request away: simulateClose sends FIN only." },
    ],
  },
  "4.7c": {
    why: "Bytes that reached the client's kernel are not safe until the application has read them.",
    cases: [
      { args: [[seg(10), seg(30, 500)], 1, 20], expect: 1460,
        why: "the first segment is read at 11 ms, before the reset at 20 ms; the second arrives after it and is gone.",
        slips: [{ got: 1, say: "you counted segments: the question is how many bytes." }] },
      { args: [[seg(10), seg(11), seg(12, 700)], 1, Infinity], expect: 3620, why: "no reset ever comes: the application reads everything." },
      { args: [[seg(10), seg(11), seg(12, 700)], 1, 12], expect: 2920,
        why: "a segment read at exactly the reset time is still read: the reads at 11 and 12 ms count, the one at 13 ms does not.",
        slips: [{ got: 1460, say: "a read that happens at the very moment of the reset still counts: compare with <=, not <." },
          { got: 3620, say: "you compared arrival times with the reset: what counts is when the application reads, after its delay." }] },
      { args: [[seg(10), seg(11)], 5, 14], expect: 0,
        why: "the segments had arrived, but the application had not read them yet when the reset came: arrived is not read, and a reset discards the unread.",
        slips: [{ got: 2920, say: "you compared arrival times with the reset: the application reads each segment only after its delay." }] },
      { args: [[seg(10), seg(11)], 0, 10], expect: 1460, why: "with no read delay, a segment read at the very moment of the reset is kept.",
        slips: [{ got: 0, say: "a read at exactly the reset time still happens: compare with <=, not <." }] },
      { args: [[], 1, 5], expect: 0, why: "no segments, no bytes." },
      // Against lib/http's simulateClose: each segment's arrival rebuilt from its trace, and what the model says the client read.
      { args: [response8000, 1, 26.624], expect: 5840, why: fromSimulateClose,
        slips: [{ got: 8000, say: "every segment had arrived before the reset, but not every one had been read: add the read delay to each arrival." }],
        label: simulated(6, `{ strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6 }`, 1, "26.624") },
      { args: [response8000, 0, 26.624], expect: 8000, why: fromSimulateClose,
        label: simulated(6, `{ strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6, clientReadDelayMs: 0 }`, 0, "26.624") },
      { args: [response30000, 2, 62.352], expect: 24820, why: fromSimulateClose,
        label: simulated(21, `{ strategy: "abrupt", rttMs: 50, responseBytes: 30000, bandwidthBps: 20e6, clientReadDelayMs: 2 }`, 2, "62.352") },
      { args: [response8000, 1, 35.032], expect: 8000, why: fromSimulateClose,
        label: simulated(6, `{ strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6, secondRequestAtMs: 15 }`, 1, "35.032") },
      { args: [response8000, 1, Infinity], expect: 8000, why: fromSimulateClose,
        label: simulated(6, `{ strategy: "graceful", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6 }`, 1, "Infinity") },
    ],
  },
  "4.7d": {
    why: "A full close while the client's bytes are unread, or still arriving, makes the server's TCP answer with RST instead of " +
      "a quiet end (RFC 9293 3.6, RFC 1122 4.2.2.13), and an RST may erase response bytes the client has received but not yet read " +
      "(RFC 9112 9.6). The staged close of RFC 9112 9.6 avoids it: the FIN goes out right behind the response, the server keeps " +
      "reading (and dropping) what the client still sends until the client's own FIN, and only a socket with nothing left to read is closed.",
    cases: [
      { args: [], expect: "shutdown-then-read-then-close",
        slips: [
          { got: "close", say: "close() with request 2 unread (or about to land) resets the connection, and the reset can take the response with it." },
          { got: "shutdown-then-close", say: "the half close sends a FIN, but the close() right after it shuts the reading side too: request 2 still meets a socket nobody reads, and TCP resets." },
          { got: "read-then-shutdown-then-close", say: "the client waits for the answer to request 2 and sends its own FIN only after it sees yours: reading first leaves both sides waiting until a timer gives up." },
        ] },
    ],
  },
  "4.7e": {
    why: "On your machine, as in the model: the abrupt close resets the connection while the client is still uploading, and the " +
      "client meets the reset before it has read the response that had already arrived; the graceful close (FIN after the response, " +
      "then drain the upload) never resets, so every byte is read. That is the rule for servers: half close, drain, then close (RFC 9112 9.6).",
    cases: [],
    lab: "close",
    fromLab: (m: any) => {
      if (m?.consistency?.inconclusive) return `your lab run was inconclusive: ${m.consistency.inconclusive}`;
      const runs = m?.setup?.runs, abrupt = m?.measured?.abrupt?.lostCount, graceful = m?.measured?.graceful?.lostCount;
      if (![runs, abrupt, graceful].every((n) => Number.isInteger(n)) || runs < 1) {
        return "the saved close lab result cannot be read: run npm run workbook -- lab close again.";
      }
      if (abrupt <= graceful) {
        return `your close lab lost the response in ${abrupt} of ${runs} abrupt and ${graceful} of ${runs} graceful runs: on this machine ` +
          "the measurement did not separate the two closes, so it cannot grade a prediction about them (this exercise is not counted here).";
      }
      // one run in five may go either way (timing on a busy machine); with fewer than five runs every run must match
      const tolerance = Math.floor(runs / 5);
      const right = { abruptLost: abrupt, gracefulLost: graceful, serverShould: "half-close-then-drain" };
      const conclusions: Record<string, string> = {
        "close-at-once": "your measurement lost responses only with the abrupt close: closing at once is the way to lose them.",
        either: "your measurement shows a difference: the two closes do not serve the client equally.",
      };
      const slips = [
        ...Object.entries(conclusions).map(([c, say]) => ({ got: { ...right, serverShould: c }, say })),
        { got: { ...right, abruptLost: 0 }, say: "the response did reach the client's machine, but an RST that lands before the application reads it takes it away." },
        { got: { ...right, abruptLost: 0, serverShould: "either" }, say: "the response did reach the client's machine, but an RST that lands before the application reads it takes it away." },
        { got: { ...right, gracefulLost: runs }, say: "the graceful close sends FIN, not RST: nothing erases what the client has not read yet." },
      ];
      return [{ args: [runs], expect: right, tolerance, slips, label: `predictCloseLab(${runs})`,
        why: `your measurement: ${abrupt} of ${runs} abrupt closes and ${graceful} of ${runs} graceful ones lost the response` +
          (tolerance ? ` (counts within ${tolerance}).` : ".") }];
    },
  },
};
export default cases;
