/**
 * The exercise catalogue: the single source of truth for every exercise and
 * section. progress, hint, check, grade, the notebooks and the tests all read
 * it; nothing else lists exercises.
 */

export interface Section {
  /** "4.1" */
  id: string;
  title: string;
  /** the Korean edition's section title */
  korean: string;
  /** notebook file name in notebooks/ */
  notebook: string;
}

export interface Exercise {
  /** "4.1a": section number and a letter */
  id: string;
  section: string;
  title: string;
  /** file name, the same in exercises/ and solutions/ */
  file: string;
  /** the name the file exports */
  export: string;
  points: number;
  /** implement a function; predict a number before running the model; measure with a lab */
  kind: "implement" | "predict" | "measure";
  /**
   * lib modules whose values this exercise may use (root-relative, no extension:
   * "lib/http/page-load"). Types may always be imported; any other lib model
   * fails the exercise, because the models compute the answers.
   */
  imports?: readonly string[];
  /**
   * Hints in tiers: `hint <id>` shows the first (a nudge), each `--more` the
   * next; only the last outlines the method. `grade` records how far a
   * student went.
   */
  hints: readonly string[];
}

export const sections: readonly Section[] = [
  { id: "4.1", title: "TCP connections", korean: "TCP 커넥션", notebook: "4.1-tcp-connections.ipynb" },
  { id: "4.2", title: "TCP performance", korean: "TCP의 성능에 대한 고려", notebook: "4.2-tcp-performance.ipynb" },
  { id: "4.3", title: "HTTP connection handling", korean: "HTTP 커넥션 관리", notebook: "4.3-http-connection-handling.ipynb" },
  { id: "4.4", title: "Parallel connections", korean: "병렬 커넥션", notebook: "4.4-parallel-connections.ipynb" },
  { id: "4.5", title: "Persistent connections", korean: "지속 커넥션", notebook: "4.5-persistent-connections.ipynb" },
  { id: "4.6", title: "Pipelined connections", korean: "파이프라인 커넥션", notebook: "4.6-pipelined-connections.ipynb" },
  { id: "4.7", title: "The mysteries of connection close", korean: "커넥션 끊기에 대한 미스터리", notebook: "4.7-closing-connections.ipynb" },
  { id: "4.8", title: "Multiplexing and beyond; for more information", korean: "다중 커넥션과 그 이후; 추가 정보", notebook: "4.8-multiplexing-and-beyond.ipynb" },
];

export const catalogue: readonly Exercise[] = [
  {
    id: "4.1a",
    section: "4.1",
    title: "From a URL to a host and a port",
    file: "tcp-connections.ts",
    export: "hostAndPort",
    points: 2,
    kind: "implement",
    hints: [
      "Node's global URL class parses the URL for you (new URL(s).hostname). When the URL names no port, " +
      "the scheme decides it: 80 for http, 443 for https. url.port is an empty string in that case.",
    ],
  },
  {
    id: "4.1b",
    section: "4.1",
    title: "How many segments does a message need?",
    file: "tcp-connections.ts",
    export: "segmentCount",
    points: 1,
    kind: "implement",
    hints: [
      "Each segment carries at most mss bytes, so the answer is a division rounded up (Math.ceil).",
    ],
  },
  {
    id: "4.1c",
    section: "4.1",
    title: "The header overhead of a small message",
    file: "tcp-connections.ts",
    export: "headerOverhead",
    points: 2,
    kind: "implement",
    hints: [
      "Every segment travels in its own IP packet with 20 bytes of IP header and 20 bytes of TCP header. " +
      "Count the segments first (4.1b), then: header bytes / (payload bytes + header bytes).",
    ],
  },
  {
    id: "4.1d",
    section: "4.1",
    title: "Which connection does this packet belong to?",
    file: "tcp-connections.ts",
    export: "findConnection",
    points: 3,
    kind: "implement",
    hints: [
      "A host files an arriving packet under the connection whose local address and port equal the packet's " +
      "destination, and whose remote address and port equal the packet's source. All four must match; " +
      "any three are not enough.",
    ],
  },
  // --- 4.2 exercises ---
  {
    id: "4.2a",
    section: "4.2",
    title: "The handshake's share of a small transaction",
    file: "tcp-performance.ts",
    export: "handshakeFraction",
    points: 2,
    kind: "implement",
    hints: [
      "Add up the five parts: dnsMs + rttMs (handshake) + rttMs / 2 (request) + serverMs + rttMs / 2 (response). " +
      "The answer is rttMs divided by that total; missing options count as 0, and a total of 0 gives 0.",
    ],
  },
  {
    id: "4.2b",
    section: "4.2",
    title: "When does a delayed ACK go out?",
    file: "tcp-performance.ts",
    export: "ackTimes",
    points: 3,
    kind: "implement",
    hints: [
      "Keep three things while you walk the arrivals: how many segments are unACKed, how many of those are exactly mss " +
      "bytes, and when the running timer fires (Infinity when none). Before handling an arrival, fire a timer due at or " +
      "before it. After the loop, a timer still running fires too.",
    ],
  },
  {
    id: "4.2c",
    section: "4.2",
    title: "Rounds of slow start for N bytes",
    file: "tcp-performance.ts",
    export: "slowStartRounds",
    points: 2,
    kind: "implement",
    hints: [
      "Count segments first: Math.ceil(bytes / mss). After r rounds IW + 2 IW + 4 IW + ... = IW (2^r - 1) segments have gone, " +
      "so you need the smallest r with IW (2^r - 1) >= segments: Math.ceil(Math.log2(segments / IW + 1)).",
    ],
  },
  {
    id: "4.2d",
    section: "4.2",
    title: "The window that fills the pipe",
    file: "tcp-performance.ts",
    export: "pipeSegments",
    points: 2,
    kind: "implement",
    hints: [
      "Bytes in flight in one round trip = bandwidthBps / 8 (bytes per second) x rttMs / 1000 (seconds). Divide by the wire " +
      "size of one full segment, mss + 40, round down, and never return less than 1.",
    ],
  },
  {
    id: "4.2e",
    section: "4.2",
    title: "Does Nagle hold this segment?",
    file: "tcp-performance.ts",
    export: "nagleWouldHold",
    points: 2,
    kind: "implement",
    hints: [
      "Three conditions must all be true to hold: Nagle is on (not nodelay), the segment is smaller than the MSS, and " +
      "unackedBytes > 0. Check segmentBytes > mss first and throw a RangeError. Defaults: mss 1460, nodelay false.",
    ],
  },
  {
    id: "4.2f",
    section: "4.2",
    title: "The stall of a write pattern",
    file: "tcp-performance.ts",
    export: "nagleStallMs",
    points: 3,
    kind: "implement",
    hints: [
      "Only the total and the first write matter. first = min(writes[0], mss); after it, floor(rest / mss) full segments and " +
      "a tail of rest % mss bytes. No tail: 0. Otherwise the tail waits for the ACK: count the full segments that arrived " +
      "(including the first if it was full); an even, non-zero count is ACKed at once (stall rttMs), else on the timer " +
      "(stall rttMs + delayedAckMs).",
    ],
  },
  {
    id: "4.2g",
    section: "4.2",
    title: "TIME_WAIT and the connection-rate ceiling",
    file: "tcp-performance.ts",
    export: "portBudget",
    points: 2,
    kind: "implement",
    hints: [
      "The range is inclusive: high - low + 1 ports. Each port is busy for timeWaitSeconds after its connection closes, so " +
      "ceiling = ports / timeWaitSeconds. Above the ceiling every port is used before the first comes back: after " +
      "ports / connectionsPerSecond seconds; at or below it, null.",
    ],
  },
  // --- 4.3 exercises ---
  {
    id: "4.3a",
    section: "4.3",
    title: "Read the tokens of a Connection header",
    file: "http-connection-handling.ts",
    export: "parseConnection",
    points: 2,
    kind: "implement",
    hints: [
      "Split at commas, trim spaces and tabs from each piece, skip the empty ones, lower-case the rest and keep each once. " +
      "A token is /^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$/: test every piece against it and throw a RangeError when one fails.",
    ],
  },
  {
    id: "4.3b",
    section: "4.3",
    title: "Remove hop-by-hop headers before forwarding",
    file: "http-connection-handling.ts",
    export: "removeHopByHop",
    points: 3,
    kind: "implement",
    hints: [
      "First build a set of lower-cased names to drop: the fixed list (connection, keep-alive, proxy-connection, te, " +
      "transfer-encoding, upgrade, trailer) plus every token of the Connection header (find it whatever its case). " +
      "Then copy into a new object every field whose lower-cased name is not in the set.",
    ],
  },
  {
    id: "4.3c",
    section: "4.3",
    title: "The time of a serial page load",
    file: "http-connection-handling.ts",
    export: "serialPageLoadMs",
    points: 3,
    kind: "implement",
    hints: [
      "Write one function for one fetch: segments = Math.ceil(bytes / mss); count rounds r from 0 up until " +
      "initialWindow * (2 ** r - 1) >= segments; the fetch costs rttMs + serverMs + r * rttMs. " +
      "Then add it up over the HTML and every object: serial means nothing overlaps.",
    ],
  },
  // --- 4.4 exercises ---
  {
    id: "4.4a",
    section: "4.4",
    title: "Serial load time, back of the envelope",
    file: "parallel-connections.ts",
    export: "serialLoadMs",
    points: 2,
    kind: "implement",
    hints: [
      "Treat the HTML and every object alike: each is one transaction on a new connection, costing one round trip " +
      "for the handshake, one for the request and the response's first byte, and bytes * 8 * 1000 / bandwidthBps ms " +
      "for the bytes. Serial means nothing overlaps: add them all up.",
    ],
  },
  {
    id: "4.4b",
    section: "4.4",
    title: "Rounds of connections",
    file: "parallel-connections.ts",
    export: "connectionRounds",
    points: 1,
    kind: "implement",
    hints: [
      "Each round opens up to maxConnections connections, one object each; the last round may be partly empty " +
      "but still counts, so divide and round up (Math.ceil). Throw a RangeError when maxConnections < 1.",
    ],
  },
  {
    id: "4.4c",
    section: "4.4",
    title: "Parallel load time, back of the envelope",
    file: "parallel-connections.ts",
    export: "parallelLoadMs",
    points: 3,
    kind: "implement",
    hints: [
      "The HTML costs what it costs serially (2 round trips plus its bytes). Then each round of connections costs " +
      "2 round trips, and the rounds run one after the other (connectionRounds from 4.4b). The objects' bytes all " +
      "cross the same link whatever the number of connections: add objectCount * objectBytes on the link once.",
    ],
  },
  {
    id: "4.4d",
    section: "4.4",
    title: "How many connections are enough?",
    file: "parallel-connections.ts",
    export: "enoughConnections",
    points: 3,
    kind: "implement",
    imports: ["lib/http/page-load"],
    hints: [
      "Call simulatePageLoad({ page, strategy: \"parallel\", maxConnections: n, rttMs, bandwidthBps }).elapsedMs for " +
      "every n from 1 to limit and keep the times. Find the fastest, then return the first (smallest) n whose time " +
      "is at most fastest * (1 + tolerance).",
    ],
  },
  // --- 4.5 exercises ---
  {
    id: "4.5a",
    section: "4.5",
    title: "Read the timeout and max of a Keep-Alive header",
    file: "persistent-connections.ts",
    export: "parseKeepAliveParams",
    points: 2,
    kind: "implement",
    hints: [
      "Split at commas and trim. For each piece, the name is what comes before the first '=' (trimmed, lower-cased), " +
      "the value what comes after (trimmed, quotes removed), or null without '='. timeout and max must match /^[0-9]+$/ " +
      "before you call Number(); otherwise throw a RangeError.",
    ],
  },
  {
    id: "4.5b",
    section: "4.5",
    title: "Does the connection stay open after this exchange?",
    file: "persistent-connections.ts",
    export: "keepsConnectionOpen",
    points: 3,
    kind: "implement",
    hints: [
      "Turn each Connection value into lower-cased tokens first. Then test the rules exactly in the order the comment " +
      "gives them and return at the first that closes; close beats everything, the version rules come next, and the " +
      "body length is checked last, only when the versions allowed persistence.",
    ],
  },
  {
    id: "4.5c",
    section: "4.5",
    title: "How many connections do these requests need?",
    file: "persistent-connections.ts",
    export: "connectionsNeeded",
    points: 3,
    kind: "implement",
    hints: [
      "Walk the requests in order keeping three things: is a connection open, how many requests it has carried, and " +
      "when its last response ended. Before each request, close it if it was idle more than timeoutSeconds * 1000 ms; " +
      "after each, close it if it has carried max requests.",
    ],
  },
  {
    id: "4.5d",
    section: "4.5",
    title: "Which proxy hangs the keep-alive connection?",
    file: "persistent-connections.ts",
    export: "hangingProxy",
    points: 3,
    kind: "implement",
    hints: [
      "Two passes. Outwards from the client: track which header carries keep-alive (a dumb proxy passes it on, a smart " +
      "one replaces it with Connection: Keep-Alive and remembers whether its client asked). Back from the server: the " +
      "response says keep-alive iff the server saw Connection: Keep-Alive; a dumb proxy relays that, a smart one answers " +
      "with what its client asked. The first dumb proxy that relays a keep-alive response is the one that hangs.",
    ],
  },
  // --- 4.6 exercises ---
  {
    id: "4.6a",
    section: "4.6",
    title: "After an early close: resend or report?",
    file: "pipelined-connections.ts",
    export: "afterEarlyClose",
    points: 3,
    kind: "implement",
    hints: [
      "The first `answered` requests are done. Every request after them is unanswered: put its index in `resend` " +
      "when its method is idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE, spelled exactly so) and in `fail` otherwise.",
    ],
  },
  {
    id: "4.6b",
    section: "4.6",
    title: "Head-of-line blocking in numbers",
    file: "pipelined-connections.ts",
    export: "pipelinedDoneTimes",
    points: 3,
    kind: "implement",
    hints: [
      "Walk the requests in order, remembering when the previous response left. Response i is ready at rttMs / 2 + serverMs[i]; " +
      "it leaves at the later of that and the previous response's departure; it arrives rttMs / 2 after it leaves.",
    ],
  },
  {
    id: "4.6c",
    section: "4.6",
    title: "Which methods are idempotent?",
    file: "pipelined-connections.ts",
    export: "isIdempotentMethod",
    points: 1,
    kind: "implement",
    hints: [
      "Keep a list of the six idempotent methods of RFC 9110 9.2.2 (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) and check " +
      "membership without changing the case: everything else, known or not, is false.",
    ],
  },
  {
    id: "4.6d",
    section: "4.6",
    title: "Which requests may share a pipeline?",
    file: "pipelined-connections.ts",
    export: "pipelineBatches",
    points: 2,
    kind: "implement",
    hints: [
      "Collect indexes of idempotent requests into the current batch. A non-idempotent request closes the current batch " +
      "(if it has anything), becomes a batch of its own, and a new batch starts after it. Do not forget the last batch.",
    ],
  },
  // --- 4.7 exercises ---
  {
    id: "4.7a",
    section: "4.7",
    title: "Complete, truncated, or read until close?",
    file: "closing-connections.ts",
    export: "bodyStatus",
    points: 2,
    kind: "implement",
    hints: [
      "First ask whether the response can have a body at all: not for a HEAD request, nor for status 1xx, 204 or 304 " +
      "(those are \"complete\" whatever Content-Length says). Then, with no Content-Length, the close is the end: " +
      "\"read-until-close\". With one, compare: fewer bytes than promised is \"truncated\", the promised number or more is \"complete\".",
    ],
  },
  {
    id: "4.7b",
    section: "4.7",
    title: "FIN or RST: what does closing send?",
    file: "closing-connections.ts",
    export: "closePackets",
    points: 2,
    kind: "implement",
    hints: [
      "A half close (\"shutdown-write\") only ever sends FIN: the socket can still read. A full close (\"close\") with unread " +
      "input sends RST at once and nothing else. A full close with nothing unread sends FIN, and if the peer's bytes arrive " +
      "afterwards, the socket cannot take them and TCP answers with RST.",
    ],
  },
  {
    id: "4.7c",
    section: "4.7",
    title: "How much of the response survives a reset?",
    file: "closing-connections.ts",
    export: "bytesReadBeforeReset",
    points: 2,
    kind: "implement",
    hints: [
      "A segment is read at atMs + readDelayMs. Keep the bytes of every segment read at or before rstAtMs and add them up; " +
      "the others were still waiting in the receive buffer when the RST came, and a reset empties that buffer.",
    ],
  },
  // --- 4.8 exercises ---
  {
    id: "4.8a",
    section: "4.8",
    title: "Responses on a multiplexed connection",
    file: "multiplexing-and-beyond.ts",
    export: "multiplexedDoneTimes",
    points: 3,
    kind: "implement",
    hints: [
      "Response i is ready at rttMs / 2 + serverMs[i]. Sort the indexes by ready time (ties: lower index first) and walk " +
      "them keeping when the link is next free: a response leaves its last byte at max(ready, free) + bytes * 8000 / bandwidthBps " +
      "(0 for Infinity) and arrives rttMs / 2 later. Store each answer at its own index.",
    ],
  },
  {
    id: "4.8b",
    section: "4.8",
    title: "Connections per page: HTTP/1.1 against HTTP/2",
    file: "multiplexing-and-beyond.ts",
    export: "connectionsForPage",
    points: 2,
    kind: "implement",
    hints: [
      "new URL(u).origin gives \"scheme://host[:port]\" with the default port dropped, so equal origins give equal strings. " +
      "Count the requests per origin in a Map: HTTP/1.1 adds min(count, perOrigin) for each origin, HTTP/2 is the number of origins.",
    ],
  },
  {
    id: "4.8c",
    section: "4.8",
    title: "Time to first byte: TCP, TLS and QUIC",
    file: "multiplexing-and-beyond.ts",
    export: "timeToFirstByteMs",
    points: 2,
    kind: "implement",
    hints: [
      "Keep a table of setup round trips: tcp 1, tcp-fastopen 0, tcp+tls1.2 3, tcp+tls1.3 2, quic 1, quic-0rtt 0. " +
      "The answer is (setup + 1) * rttMs + serverMs. Check the stack is in the table and the numbers are finite and >= 0 first.",
    ],
  },
];

/** The points the given exercises are worth together. */
export const pointsOf = (exercises: readonly Exercise[]): number => exercises.reduce((sum, e) => sum + e.points, 0);

/** Valid ids, in catalogue order. */
export const exerciseIds = (): string[] => catalogue.map((e) => e.id);

/** The exercise with this id, or an error listing the valid ones. */
export function findExercise(id: unknown): Exercise {
  const found = catalogue.find((e) => e.id === id);
  if (!found) {
    const err = new RangeError(`Unknown exercise id ${JSON.stringify(id)}. Valid ids: ${exerciseIds().join(", ")}`);
    (err as NodeJS.ErrnoException).code = "ERR_WORKBOOK_UNKNOWN_EXERCISE";
    throw err;
  }
  return found;
}

export function findSection(id: string): Section | undefined {
  return sections.find((s) => s.id === id);
}
