/**
 * The exercise catalogue: the single source of truth for every exercise and
 * section. progress, hint, check, grade, the notebooks and the tests all read
 * it; nothing else lists exercises.
 * Titles and hints are `Text`: English and Korean (the Korean edition's terms).
 */
import type { Text } from "../i18n";

export interface Section {
  /** "4.1" */
  id: string;
  /** in Korean, the Korean edition's section title */
  title: Text;
  /** notebook file name, the same in notebooks/ and notebooks/ko/ */
  notebook: string;
}

export interface Exercise {
  /** "4.1a": section number and a letter */
  id: string;
  section: string;
  title: Text;
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
  hints: readonly Text[];
}

export const sections: readonly Section[] = [
  { id: "4.1", title: { en: "TCP connections", ko: "TCP 커넥션" }, notebook: "4.1-tcp-connections.ipynb" },
  { id: "4.2", title: { en: "TCP performance", ko: "TCP의 성능에 대한 고려" }, notebook: "4.2-tcp-performance.ipynb" },
  { id: "4.3", title: { en: "HTTP connection handling", ko: "HTTP 커넥션 관리" }, notebook: "4.3-http-connection-handling.ipynb" },
  { id: "4.4", title: { en: "Parallel connections", ko: "병렬 커넥션" }, notebook: "4.4-parallel-connections.ipynb" },
  { id: "4.5", title: { en: "Persistent connections", ko: "지속 커넥션" }, notebook: "4.5-persistent-connections.ipynb" },
  { id: "4.6", title: { en: "Pipelined connections", ko: "파이프라인 커넥션" }, notebook: "4.6-pipelined-connections.ipynb" },
  { id: "4.7", title: { en: "The mysteries of connection close", ko: "커넥션 끊기에 대한 미스터리" }, notebook: "4.7-closing-connections.ipynb" },
  { id: "4.8", title: { en: "Multiplexing and beyond; for more information", ko: "다중 커넥션과 그 이후; 추가 정보" }, notebook: "4.8-multiplexing-and-beyond.ipynb" },
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
      "Which parts of the URL does the browser need before it can connect, and which of them may be missing from the text?",
      "Node's global URL class parses a URL for you: new URL(s) gives hostname, port and protocol. Look at what url.port is " +
      "when the URL names no port, and when it names the scheme's own default (http://host:80/).",
      "Return url.hostname as the host. For the port: when url.port is the empty string, use the scheme's default " +
      "(80 for \"http:\", 443 for \"https:\"); otherwise convert url.port to a number.",
    ],
  },
  {
    id: "4.1e",
    section: "4.1",
    title: "Predict: packets on a real Linux connection",
    file: "tcp-connections.ts",
    export: "predictLinuxPackets",
    points: 1,
    kind: "predict",
    hints: [
      "With timestamps on, how much data does one full segment carry, and does the last segment have to be full?",
      "The count of packets for 1460-byte segments is 685. Each segment now carries 12 bytes less, so a little more than " +
      "685 segments' worth of room is needed.",
      "Divide the response by the data one segment carries (1448) and round up: a partly filled last segment is a packet too.",
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
      "What happens to the bytes left over after the last full segment?",
      "Try 1460, 1461 and 2920 bytes with an MSS of 1460 by hand: 1, 2 and 2 packets. Does your expression give all three?",
      "Divide the bytes by mss and round up to a whole number (Math.ceil): a partly filled last segment is a whole packet.",
    ],
  },
  {
    id: "4.1c",
    section: "4.1",
    title: "The header overhead of a message, with and without TCP options",
    file: "tcp-connections.ts",
    export: "headerOverhead",
    points: 2,
    kind: "implement",
    hints: [
      "How many packets does the message need, and what does each of them carry besides data?",
      "Every packet has 20 bytes of IP header and 20 of TCP header, and the options make the TCP header longer. But the " +
      "announced MSS counts no options: where do the option bytes go, if the segment may not grow past it?",
      "Data per segment = mss - tcpOptionBytes. Count the segments with that (as in 4.1b), multiply by the header bytes " +
      "of one packet (40 + tcpOptionBytes), and divide those header bytes by all the bytes on the wire (data + headers).",
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
      "From whose point of view is each row of the table written, and from whose point of view is the arriving packet's header?",
      "Mirror the packet first: its source is the remote end of the connection, its destination this host's end. " +
      "Three equal values are not enough.",
      "Return the index of the first row whose sourceIp and sourcePort equal the packet's destinationIp and destinationPort, " +
      "and whose destinationIp and destinationPort equal the packet's sourceIp and sourcePort (findIndex); -1 when none does.",
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
      "Which parts does the transaction's time consist of, and which of them is the handshake?",
      "How long after its SYN may the client send data? And how long does one trip across the path take, one way?",
      "Add up the DNS lookup, the handshake (one round trip: the client may send once the SYN-ACK is in), the request's " +
      "one-way trip, the server's time and the response's one-way trip. Missing options count as 0; return the handshake " +
      "over that total, or 0 when the total is 0.",
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
      "What does the receiver have to remember between two arrivals to apply the rules?",
      "Three things: how many segments are unACKed, how many of those are exactly mss bytes, and when the running timer " +
      "fires. What must happen before you handle an arrival that comes at or after that time?",
      "Walk the arrivals keeping those three (the timer at Infinity when none runs). Before handling an arrival, fire a " +
      "timer due at or before it. After the loop, a timer still running fires too.",
    ],
  },
  {
    id: "4.2h",
    section: "4.2",
    title: "Predict: slow start with delayed ACKs",
    file: "tcp-performance.ts",
    export: "predictDelayedAckGrowth",
    points: 1,
    kind: "predict",
    hints: [
      "How many ACKs does a round of n segments bring back when the receiver ACKs every second segment?",
      "Each of those ACKs adds one segment to cwnd under RFC 5681's rule, so a round of n segments adds about n / 2.",
      "Round 1 sends 10; each next round sends what the round before sent plus the ACKs it brought back (half of it, " +
      "rounded up for an odd last segment). Do it three times.",
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
      "How many segments have gone after 1, 2 and 3 rounds with an initial window of 10?",
      "Count segments first (a partly filled one counts). The total after r rounds is a geometric sum: write it down and " +
      "ask for the smallest r that covers all the segments.",
      "After r rounds IW (2^r - 1) segments have gone. Solve IW (2^r - 1) >= segments for r with a base-2 logarithm and " +
      "take the smallest whole r (round up); 0 bytes need 0 rounds.",
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
      "How many bytes does the sender put on the link in one round-trip time? Mind the units: bits, bytes, ms and s.",
      "A segment takes more room on the wire than its data: how much, with the IP and TCP headers?",
      "Bytes in one round trip = bandwidthBps / 8 x rttMs / 1000. Divide by mss + 40, round down, and never return less than 1.",
    ],
  },
  {
    id: "4.2i",
    section: "4.2",
    title: "Predict: the window after an idle pause",
    file: "tcp-performance.ts",
    export: "predictCwndAfterIdle",
    points: 2,
    kind: "predict",
    hints: [
      "How long must a connection send nothing before RFC 5681 says its window is no longer to be trusted?",
      "Compare each pause with the RTO (1 s here). A pause shorter than it changes nothing.",
      "After an idle time longer than the RTO, RFC 5681 4.1 restarts from the restart window, min(IW, cwnd); a shorter " +
      "pause keeps cwnd where it was.",
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
      "Which segments does Nagle never hold, and which switch turns it off?",
      "Three conditions must all hold for Nagle to wait. And one input is impossible: which, and what should it do?",
      "Check segmentBytes > mss first and throw a RangeError. Then hold only when nodelay is off, the segment is smaller " +
      "than the MSS, and unackedBytes > 0. Defaults: mss 1460, nodelay false.",
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
      "Does Nagle care about how the bytes were written, or about the segments they become?",
      "Only the total and the first write matter: cut the stream into a first segment, full segments, and a small tail. " +
      "Is there a tail at all? If so, what must happen before it may leave, and how long does the receiver take to ACK?",
      "first = min(writes[0], mss); after it, floor(rest / mss) full segments and a tail of rest % mss bytes. No tail: 0. " +
      "Otherwise the tail waits for the ACK: count the full segments that arrived (including the first if it was full); " +
      "an even, non-zero count is ACKed at once (stall rttMs), else on the timer (stall rttMs + delayedAckMs).",
    ],
  },
  {
    id: "4.2k",
    section: "4.2",
    title: "Measure: the Nagle stall on your machine",
    file: "tcp-performance.ts",
    export: "predictNagleLab",
    points: 2,
    kind: "measure",
    hints: [
      "On loopback a round trip takes microseconds. What else does the second write wait for?",
      "The receiver has only half a request and nothing to answer: when does it send the ACK the sender waits for? Linux " +
      "waits at least 40 ms; other systems' timers differ, and your own lab table's Nagle row shows this machine's.",
      "stallMs is about the delayed-ACK timer (40 ms on Linux). TCP_NODELAY sends the second write at once; one write leaves " +
      "no small segment behind unACKed data. Run the lab, then check.",
    ],
  },
  {
    id: "4.2j",
    section: "4.2",
    title: "Predict: who collects TIME_WAIT?",
    file: "tcp-performance.ts",
    export: "predictTimeWaitHolder",
    points: 1,
    kind: "predict",
    hints: [
      "TIME_WAIT exists to answer a retransmitted FIN. Which end sent the last ACK that FIN would be asking for again?",
      "Only one end of each connection enters TIME_WAIT; which one is decided by who closes first, not by who is the client.",
      "The end that sends the first FIN (the active closer) holds TIME_WAIT. Which end sends it in this scenario?",
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
      "How many ports are in the range, and how long is each one unusable after its connection closes?",
      "Think of the ports as a pool that refills: what rate can the pool sustain forever? Above that rate, does any port " +
      "come back before the pool is empty?",
      "The range is inclusive: high - low + 1 ports. Each port is busy for timeWaitSeconds after its connection closes, so " +
      "ceiling = ports / timeWaitSeconds. Above the ceiling every port is used before the first comes back: after " +
      "ports / connectionsPerSecond seconds; at or below it, null.",
    ],
  },
  {
    id: "4.2l",
    section: "4.2",
    title: "Measure: which side holds TIME_WAIT on your machine",
    file: "tcp-performance.ts",
    export: "predictTimeWaitLab",
    points: 2,
    kind: "measure",
    hints: [
      "In each of the lab's two runs, which end sends the first FIN?",
      "Does the end that answers a FIN wait too, or is it done once its own FIN is ACKed?",
      "Each closed connection leaves one entry, at the end that sent the first FIN. Run the lab (Linux), then check.",
    ],
  },
  // --- 4.3 exercises ---
  {
    id: "4.3a",
    section: "4.3",
    title: "Which header fields reach the server?",
    file: "http-connection-handling.ts",
    export: "predictForwardedFields",
    points: 1,
    kind: "predict",
    hints: [
      "Which of the twelve fields describe the browser-to-proxy connection rather than the request itself? Those stop at the proxy.",
      "A proxy learns some hop-by-hop names from the message itself (Connection's list) and knows the others in advance " +
      "(the table in section 2). Which fields of this request fall in either group? Names compare whole and case-insensitively.",
      "Start from 12. Take away Connection itself, every field whose name Connection lists, and every field on the " +
      "always-hop-by-hop list; a field whose name only resembles a hop-by-hop one stays. Count what is left.",
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
      "Where does a proxy learn which fields, beyond a fixed list it knows in advance, belong to this hop only?",
      "Field names are case-insensitive, Connection's own name included, and Connection's value is a list with optional spaces " +
      "or tabs around each name (and maybe empty elements). How will you compare names so that X-Trace, x-trace and X-TRACE agree?",
      "First build a set of lower-cased names to drop: the fixed list (connection, keep-alive, proxy-connection, te, " +
      "transfer-encoding, upgrade, trailer) plus every name listed by every field called Connection in any case (split at commas, " +
      "trim spaces and tabs, skip empty pieces). Then copy into a new object every field whose lower-cased name is not in the set.",
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
      "Draw one fetch as a sequence diagram: SYN, SYN-ACK, the ACK that carries the request, then the response. " +
      "How many round trips pass before the first byte of the response arrives?",
      "How many segments can a fresh connection have sent in total after one round, two rounds, three? The response needs the " +
      "first number of rounds whose total covers its segments (a partly filled segment is still a segment).",
      "Write one function for one fetch: count the segments (rounded up); count the rounds r from 0 until the rounds so far " +
      "(initialWindow, then twice that, then twice again ...) cover them; the fetch takes the handshake's round trip, the " +
      "server's time and one round trip per round. Serial means nothing overlaps: add up the HTML's fetch and every object's.",
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
      "Follow one transaction on a new connection from its SYN to the response's last byte: what has to cross the network " +
      "before the first byte of the response can arrive?",
      "Two kinds of time add up: waiting for packets to cross (round trips) and pushing the response's bytes onto the link. " +
      "Sizes are in bytes, the bandwidth in bits per second, the answer in ms.",
      "For the HTML and for each object: the handshake's round trip, the request-and-response round trip, and the bytes' time " +
      "on the link (bytes to bits, over bits per second, seconds to ms). Serial means nothing overlaps: add them all up.",
    ],
  },
  {
    id: "4.4b",
    section: "4.4",
    title: "When does the last of ten images arrive?",
    file: "parallel-connections.ts",
    export: "predictTenImagesMs",
    points: 1,
    kind: "predict",
    hints: [
      "How many rounds of connections do ten images need when at most four may be open at once? Does a partly filled round take less time?",
      "Every round's connections are new: what does a new connection wait for before its image's first byte arrives? " +
      "The images are small: 4 kB takes about 3 ms on a 10 Mbit/s link.",
      "Start at the HTML's 208.6 ms and add, for each round, the round trips a new connection needs for one small response, " +
      "plus a few ms of bytes.",
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
      "Which parts of a round happen at the same time on all its connections, and which part cannot be shared out between them?",
      "A round that carries fewer objects than maxConnections still waits as long as a full one. And there is one link: " +
      "what do the bytes of all the objects cost, however they are spread over the connections?",
      "The HTML as in 4.4a; then the number of rounds (objects over connections, rounded up) times the round trips a new " +
      "connection needs before its response arrives; then every object's bytes on the one link, counted once.",
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
      "What does simulatePageLoad give you for each N from 1 to limit, and which of those times is the one to compare against?",
      "The tolerance is relative: 0.05 means up to 5 % slower than the fastest is good enough. When several N qualify, which one do you want?",
      "Call simulatePageLoad({ page, strategy: \"parallel\", maxConnections: n, rttMs, bandwidthBps }).elapsedMs for " +
      "every n from 1 to limit and keep the times. Find the fastest, then return the first (smallest) n whose time " +
      "is at most fastest * (1 + tolerance).",
    ],
  },
  {
    id: "4.4e",
    section: "4.4",
    title: "Thin link: parallel or persistent?",
    file: "parallel-connections.ts",
    export: "predictThinLinkFaster",
    points: 1,
    kind: "predict",
    hints: [
      "On a 1 Mbit/s link, how long do 200 kB of images take to cross, whichever browser asks for them? Compare that with a 20 ms round trip.",
      "Parallel connections overlap round trips but share the bandwidth; a persistent connection saves handshakes and slow starts " +
      "but waits a round trip per image. How large is each effect here, next to the bytes' time?",
      "Estimate both loads: the bytes' time on the link (the same for both) plus the round trips each browser waits one after " +
      "another. If the slower total is within 5 % of the faster, the two are about the same.",
    ],
  },
  {
    id: "4.4f",
    section: "4.4",
    title: "Long, fat link: parallel or persistent?",
    file: "parallel-connections.ts",
    export: "predictLongFatLinkFaster",
    points: 1,
    kind: "predict",
    hints: [
      "At 50 Mbit/s, how long does one 50 kB image take on the link? Compare that with a 200 ms round trip.",
      "When the bytes cost almost nothing, the load time is the round trips each browser waits one after another. " +
      "How many does each wait for the four images?",
      "Count round trips after the HTML. Parallel: a handshake, a request, and the slow-start rounds of a 50 kB response " +
      "(35 segments from a first window of 10), for all four images at once. Persistent: for each image in turn, a request " +
      "round trip plus any slow-start rounds its window still needs. Compare the two counts.",
    ],
  },
  // --- 4.5 exercises ---
  {
    id: "4.5a",
    section: "4.5",
    title: "Read the timeout and max of a Keep-Alive header",
    file: "persistent-connections.ts",
    export: "parseKeepAliveParams",
    points: 3,
    kind: "implement",
    hints: [
      "Which commas separate parameters, and which belong to a value? Try your code on x=\"a,b\" and on a parameter named constructor.",
      "A value is a token or a quoted string (RFC 9110 5.6), so x=a=b and x=a b are malformed, and inside quotes a backslash " +
      "takes the next character as it is. A timeout or max given twice cannot be trusted either way: that is malformed too.",
      "Where do your params live? On a plain {}, \"constructor\" in params is already true, and params[\"__proto__\"] = v sets the " +
      "prototype instead of adding a property. Object.create(null) makes an object that inherits no names.",
      "Walk the string once, character by character, remembering whether you are inside quotes (after a backslash inside quotes, " +
      "take the next character as it is); cut at commas outside quotes, trim spaces and tabs, skip empty elements. Split each " +
      "element at its first '=': the name must be a token (/^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$/), lower-cased; the value a token or " +
      "one whole quoted string (drop its quotes and backslashes). For timeout and max, throw if already set, then require " +
      "/^[0-9]+$/ before Number(). Store any other name only if it is not there yet.",
    ],
  },
  {
    id: "4.5e",
    section: "4.5",
    title: "Predict: how many connections for this request pattern?",
    file: "persistent-connections.ts",
    export: "predictConnectionsOpened",
    points: 1,
    kind: "predict",
    hints: [
      "Which two things can end a kept connection in this scenario, and which of them does the long pause trigger?",
      "Write beside each request which connection carries it. After which response does max close a connection?",
      "Requests 1-3, 4-6 and 7 on: count how many each connection takes before max closes it; then measure the idle time from " +
      "the end of the seventh response to the eighth request and compare it with the 2 s timeout.",
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
      "What must you remember about the current connection from one request to the next?",
      "When is a connection idle: from when a request was sent, or from when its response ended? Is idle for exactly the " +
      "timeout still open? And which unit is each number in?",
      "Walk the requests in order keeping three things: is a connection open, how many requests it has carried, and when " +
      "its last response ended. Before each request, close it if it has been idle longer than the timeout (in the same " +
      "unit as the times); open one if none is open, and count it; after the request, close it once it has carried max requests.",
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
      "A Connection value is a list of tokens: what must happen to \"X-Trace, Close\" before you can ask whether it holds close?",
      "Does the HTTP/1.1 default apply when the response is HTTP/1.0? And can a connection go on when the response's body " +
      "ends only at the close?",
      "Turn each Connection value into lower-cased tokens first. Then test the rules exactly in the order the comment " +
      "gives them and return at the first that closes; close beats everything, the version rules come next, and the " +
      "body length is checked last, only when the versions allowed persistence.",
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
      "Who understands Proxy-Connection: a dumb proxy, a smart proxy, the server?",
      "Follow the first request outwards: which header reaches each node, and what does a smart proxy send to its own next hop? " +
      "Then follow the response back: who receives Connection: Keep-Alive and will therefore reuse its connection?",
      "Two passes. Outwards from the client: track which header carries keep-alive (a dumb proxy passes it on, a smart " +
      "one replaces it with Connection: Keep-Alive and remembers whether its client asked). Back from the server: the " +
      "response says keep-alive iff the server saw Connection: Keep-Alive; a dumb proxy relays that, a smart one answers " +
      "with what its client asked. The first dumb proxy that relays a keep-alive response is the one that hangs.",
    ],
  },
  {
    id: "4.5f",
    section: "4.5",
    title: "Measure: sockets with and without keep-alive",
    file: "persistent-connections.ts",
    export: "predictKeepAliveLab",
    points: 2,
    kind: "measure",
    hints: [
      "Without keep-alive every request says Connection: close. How many requests can one connection carry then?",
      "With keep-alive, at most one socket and requests sent one at a time, when would the agent ever need a second connection?",
      "Return the two counts for `requests` requests. Then run the lab and, for `faster`, compare the two 'time per request' " +
      "rows of your result: the kept-alive or the new-connection run if the slower takes at least 1.2 times as long, " +
      "otherwise no-clear-difference.",
    ],
  },
  // --- 4.6 exercises ---
  {
    id: "4.6b",
    section: "4.6",
    title: "Head-of-line blocking in numbers",
    file: "pipelined-connections.ts",
    export: "pipelinedDoneTimes",
    points: 3,
    kind: "implement",
    hints: [
      "When is response i ready at the server, and what else has to happen before it may leave?",
      "A response can leave no earlier than the one before it. What do you need to remember from one response to the next?",
      "Walk the requests in order, remembering when the previous response left. Each response leaves at whichever comes " +
      "later: the moment it is ready (its request's trip to the server plus its own server time) or the previous response's " +
      "departure; it reaches the client one trip after it leaves.",
    ],
  },
  {
    id: "4.6a",
    section: "4.6",
    title: "After an early close: resend or report?",
    file: "pipelined-connections.ts",
    export: "afterEarlyClose",
    points: 3,
    kind: "implement",
    hints: [
      "Which requests got no answer, and for which of those does sending them twice do the same as sending them once?",
      "Is index `answered` answered or not? And is \"get\" the same method as GET?",
      "The first `answered` requests are done. Every request after them is unanswered: put its index in `resend` " +
      "when its method is idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE, spelled exactly so) and in `fail` otherwise.",
    ],
  },
  {
    id: "4.6e",
    section: "4.6",
    title: "Predict: how often must a careful client wait before pipelining?",
    file: "pipelined-connections.ts",
    export: "predictRequestsSentAlone",
    points: 1,
    kind: "predict",
    hints: [
      "What does a client not know about a server it has never talked to, and when does it find out?",
      "The first connection ends without a Connection: close. What does RFC 9112 9.3.2 say a client retrying after such a " +
      "failure must not do on its new connection?",
      "Follow the six GETs connection by connection: how many does the server answer on each, which are resent, and on which " +
      "connections must the client see one answer before it writes more? Count those waits.",
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
      "Which methods does RFC 9110 9.2.2 call idempotent? Safe methods are among them, but are they all?",
      "Is \"get\" the same method as GET? And what do you know about a method your list does not name?",
      "Keep a list of the six idempotent methods of RFC 9110 9.2.2 (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) and check " +
      "membership without changing the case: everything else, known or not, is false. (A lookup with `in` on a plain " +
      "object also finds inherited names such as constructor.)",
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
      "Under the strict rule, what must a POST wait for before it is sent, and what may be sent right behind it?",
      "Which batch does a method your list does not know (\"post\", FROB) go in? And what happens to the batch still open " +
      "when the requests run out?",
      "Collect indexes of idempotent requests into the current batch. A non-idempotent request closes the current batch " +
      "(if it has anything), becomes a batch of its own, and a new batch starts after it. Do not forget the last batch.",
    ],
  },
  {
    id: "4.6f",
    section: "4.6",
    title: "Measure: response order and resends in the pipeline lab",
    file: "pipelined-connections.ts",
    export: "predictPipelineLab",
    points: 2,
    kind: "measure",
    hints: [
      "An HTTP/1.1 response carries no request id. How does a client know which request a response answers, and what does " +
      "that force the server to do with a response it finished early?",
      "After each close, which unanswered requests may go again? The server closes every connection after closeAfter " +
      "responses, the new ones too.",
      "order: request order or finish order? resent: play the client: on each connection the first closeAfter pending " +
      "requests are answered; of the rest, the idempotent ones go again together (list each id once, where it was first " +
      "resent). The conclusion: run the lab and read \"the server was handed\" in your result; is there a request that got " +
      "no answer on that connection?",
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
      "Before you look at Content-Length at all: can this response have a body? Which request method, and which status codes, " +
      "rule a body out (RFC 9112 6.3, the first rule)?",
      "A HEAD request, and the statuses 1xx (all of 100-199), 204 and 304: no body, so nothing can be missing. For the rest, " +
      "is there a promised length to compare with? Careful: Content-Length 0 is a length.",
      "Order the tests: no-body responses are \"complete\"; then no Content-Length (undefined) means \"read-until-close\"; " +
      "then fewer bytes than promised is \"truncated\", the promised number or more is \"complete\".",
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
      "After each kind of close, can the socket still read? If it can, is there any reason to refuse the peer's bytes?",
      "A half close keeps the reading direction open, so unread or late input is simply read later. A full close leaves " +
      "nobody to read: what can TCP do with input that can never be delivered (RFC 9293 3.6)?",
      "\"shutdown-write\": always [\"FIN\"]. \"close\" with unreadBytes > 0: [\"RST\"] at once, no FIN. \"close\" with nothing " +
      "unread: a FIN, then an RST as well if laterBytes > 0 (they hit the closed socket).",
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
      "A segment that has arrived is not yet in the application's hands. When does the application actually read each one?",
      "Compare each segment's read time (not its arrival time) with the reset's arrival. A read at the very moment of the reset still happens.",
      "For each segment, its read time is atMs + readDelayMs; add up the bytes of the segments whose read time is <= rstAtMs. " +
      "The others were still in the receive buffer when the RST came, and the reset discarded them.",
    ],
  },
  {
    id: "4.7d",
    section: "4.7",
    title: "Design a graceful close",
    file: "closing-connections.ts",
    export: "predictGracefulClose",
    points: 2,
    kind: "predict",
    hints: [
      "Which step, done too early, leaves bytes of the client's in a socket that nobody will read? What does TCP send then (4.7b)?",
      "The client keeps the connection open while it waits for the answer to request 2: what tells it that no answer is coming, " +
      "so that it closes its side?",
      "Tell the client first (a FIN on your output only), then read whatever it still sends until its own FIN arrives, and close " +
      "only a socket with nothing left to read.",
    ],
  },
  {
    id: "4.7e",
    section: "4.7",
    title: "The close lab: does the abrupt close lose the response?",
    file: "closing-connections.ts",
    export: "predictCloseLab",
    points: 2,
    kind: "measure",
    hints: [
      "When the server closes, has the response already reached the client's machine? Has the client's application read it?",
      "The client is still uploading when the server closes: what does its TCP receive, and what happens to response bytes its " +
      "application has not read when that arrives (notebook 4.7 section 5)?",
      "The abrupt close resets while the client reads 50 ms late, so expect every abrupt run to lose the response; the graceful " +
      "close sends FIN and drains, so expect none to. Run the lab (npm run workbook -- lab close) and compare.",
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
      "In what order do the responses use the link? Not the request order: which one is ready first?",
      "Each response is ready when its request has arrived and the server has done its work. While one response is on the link, " +
      "a response that becomes ready must wait until the link is free. Bandwidth is in bits per second, sizes in bytes.",
      "Ready time = rttMs / 2 + serverMs[i]. Sort the indexes by ready time (ties: lower index first) and walk them keeping when " +
      "the link is next free: the last byte leaves at max(ready, free) + bytes * 8000 / bandwidthBps (0 for Infinity) and arrives " +
      "rttMs / 2 later. Store each answer at its own index.",
    ],
  },
  {
    id: "4.8d",
    section: "4.8",
    title: "The multiplex lab: who gets the quick responses out first?",
    file: "multiplexing-and-beyond.ts",
    export: "predictMultiplexLab",
    points: 2,
    kind: "measure",
    hints: [
      "Over HTTP/1.1, in what order must responses come back on one connection, and where is the slow one in that order?",
      "Over HTTP/2, does a finished quick response have to wait for anything? On loopback a round trip costs microseconds, " +
      "so what is left is the slow request's server time and node's own work per request.",
      "Expect HTTP/2 first, with its quick responses done in a small fraction of HTTP/1.1's time (well under a half); HTTP/1.1's " +
      "wait for the slow one. Both use one TCP connection, so the cause is the order rule. Run npm run workbook -- lab multiplex.",
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
      "Which requests share a connection? Group them first: what makes two URLs the same origin?",
      "Scheme, host and port, with the scheme's default port filled in and the host's case ignored. Node's URL class already " +
      "normalises all of that. Then: how many connections does each group get under each protocol?",
      "new URL(u).origin gives \"scheme://host[:port]\" with the default port dropped. Count the requests per origin in a Map: " +
      "HTTP/1.1 adds min(count, perOrigin) for each origin, HTTP/2 is the number of origins.",
    ],
  },
  {
    id: "4.8e",
    section: "4.8",
    title: "One lost packet: which streams wait, and how long?",
    file: "multiplexing-and-beyond.ts",
    export: "predictLossStall",
    points: 2,
    kind: "predict",
    hints: [
      "TCP hands the application one byte stream, in order. Can it deliver bytes that came after a hole before the hole is filled, " +
      "whichever stream they belong to?",
      "How does the sender learn of the loss here: a timer, or the duplicate ACKs of the packets that follow the hole? How many " +
      "packets follow it?",
      "Count the streams that have a packet after packet 2, for TCP; for QUIC, only the lost packet's stream waits. The repair: the " +
      "third duplicate ACK goes back (half an RTT), the copy comes out (half an RTT), plus a few 1.2 ms packet times.",
    ],
  },
  {
    id: "4.8c",
    section: "4.8",
    title: "Time to first byte: TCP + TLS 1.3 against QUIC",
    file: "multiplexing-and-beyond.ts",
    export: "predictTimeToFirstByte",
    points: 2,
    kind: "predict",
    hints: [
      "List the round trips that must be over before the GET may leave, for each stack. Then: is the GET answered the moment it leaves?",
      "TCP's handshake is one round trip and TLS 1.3's is one more, after it. QUIC's first packets carry the TLS handshake. " +
      "After the setup, the request goes out and the first byte comes back, and the server works in between.",
      "Time to first byte = (setup round trips + 1) x RTT + server time: TCP + TLS 1.3 has 2 round trips of setup, QUIC 1.",
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
