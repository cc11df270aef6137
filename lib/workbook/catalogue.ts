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
  hint: string;
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
    hint:
      "Node's global URL class parses the URL for you (new URL(s).hostname). When the URL names no port, " +
      "the scheme decides it: 80 for http, 443 for https. url.port is an empty string in that case.",
  },
  {
    id: "4.1b",
    section: "4.1",
    title: "How many segments does a message need?",
    file: "tcp-connections.ts",
    export: "segmentCount",
    points: 1,
    hint: "Each segment carries at most mss bytes, so the answer is a division rounded up (Math.ceil).",
  },
  {
    id: "4.1c",
    section: "4.1",
    title: "The header overhead of a small message",
    file: "tcp-connections.ts",
    export: "headerOverhead",
    points: 2,
    hint:
      "Every segment travels in its own IP packet with 20 bytes of IP header and 20 bytes of TCP header. " +
      "Count the segments first (4.1b), then: header bytes / (payload bytes + header bytes).",
  },
  {
    id: "4.1d",
    section: "4.1",
    title: "Which connection does this packet belong to?",
    file: "tcp-connections.ts",
    export: "findConnection",
    points: 3,
    hint:
      "A host files an arriving packet under the connection whose local address and port equal the packet's " +
      "destination, and whose remote address and port equal the packet's source. All four must match; " +
      "any three are not enough.",
  },
  // --- 4.2 exercises ---
  {
    id: "4.2a",
    section: "4.2",
    title: "The handshake's share of a small transaction",
    file: "tcp-performance.ts",
    export: "handshakeFraction",
    points: 2,
    hint:
      "Add up the five parts: dnsMs + rttMs (handshake) + rttMs / 2 (request) + serverMs + rttMs / 2 (response). " +
      "The answer is rttMs divided by that total; missing options count as 0, and a total of 0 gives 0.",
  },
  {
    id: "4.2b",
    section: "4.2",
    title: "When does a delayed ACK go out?",
    file: "tcp-performance.ts",
    export: "ackTimes",
    points: 3,
    hint:
      "Keep three things while you walk the arrivals: how many segments are unACKed, how many of those are exactly mss " +
      "bytes, and when the running timer fires (Infinity when none). Before handling an arrival, fire a timer due at or " +
      "before it. After the loop, a timer still running fires too.",
  },
  {
    id: "4.2c",
    section: "4.2",
    title: "Rounds of slow start for N bytes",
    file: "tcp-performance.ts",
    export: "slowStartRounds",
    points: 2,
    hint:
      "Count segments first: Math.ceil(bytes / mss). After r rounds IW + 2 IW + 4 IW + ... = IW (2^r - 1) segments have gone, " +
      "so you need the smallest r with IW (2^r - 1) >= segments: Math.ceil(Math.log2(segments / IW + 1)).",
  },
  {
    id: "4.2d",
    section: "4.2",
    title: "The window that fills the pipe",
    file: "tcp-performance.ts",
    export: "pipeSegments",
    points: 2,
    hint:
      "Bytes in flight in one round trip = bandwidthBps / 8 (bytes per second) x rttMs / 1000 (seconds). Divide by the wire " +
      "size of one full segment, mss + 40, round down, and never return less than 1.",
  },
  {
    id: "4.2e",
    section: "4.2",
    title: "Does Nagle hold this segment?",
    file: "tcp-performance.ts",
    export: "nagleWouldHold",
    points: 2,
    hint:
      "Three conditions must all be true to hold: Nagle is on (not nodelay), the segment is smaller than the MSS, and " +
      "unackedBytes > 0. Check segmentBytes > mss first and throw a RangeError. Defaults: mss 1460, nodelay false.",
  },
  {
    id: "4.2f",
    section: "4.2",
    title: "The stall of a write pattern",
    file: "tcp-performance.ts",
    export: "nagleStallMs",
    points: 3,
    hint:
      "Only the total and the first write matter. first = min(writes[0], mss); after it, floor(rest / mss) full segments and " +
      "a tail of rest % mss bytes. No tail: 0. Otherwise the tail waits for the ACK: count the full segments that arrived " +
      "(including the first if it was full); an even, non-zero count is ACKed at once (stall rttMs), else on the timer " +
      "(stall rttMs + delayedAckMs).",
  },
  {
    id: "4.2g",
    section: "4.2",
    title: "TIME_WAIT and the connection-rate ceiling",
    file: "tcp-performance.ts",
    export: "portBudget",
    points: 2,
    hint:
      "The range is inclusive: high - low + 1 ports. Each port is busy for timeWaitSeconds after its connection closes, so " +
      "ceiling = ports / timeWaitSeconds. Above the ceiling every port is used before the first comes back: after " +
      "ports / connectionsPerSecond seconds; at or below it, null.",
  },
  // --- 4.3 exercises ---
  // --- 4.4 exercises ---
  // --- 4.5 exercises ---
  // --- 4.6 exercises ---
  // --- 4.7 exercises ---
  // --- 4.8 exercises ---
];

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
