/**
 * The three-way handshake (RFC 9293 3.5) as a timeline.
 *
 *   t = 0                 client -> SYN
 *   t = RTT/2             server -> SYN-ACK   (as soon as the SYN arrives)
 *   t = RTT               client -> ACK       (may already carry the request)
 *
 * The client is ESTABLISHED as soon as the SYN-ACK arrives and may send its
 * first byte then, one round trip after the SYN; that round trip is the
 * price of a new connection (`connectMs`). Here the request rides on the
 * third packet: that saves a packet, not time, since a packet of its own
 * would leave at the same moment (RFC 9293 3.5). Linux sends a bare ACK
 * first and the request in a fourth packet; the timing is the same.
 * With a bandwidth, each SYN/SYN-ACK (40 header bytes and the 4-byte MSS
 * option, as the simulator's "rfc" stack sends them) also takes its serialisation time.
 *
 * Assumptions: nothing is lost (a lost SYN costs a 1 s timeout, RFC 6298),
 * the server answers at once (no accept queue), no TCP Fast Open.
 * `handshakeShare` (in transaction.ts) puts this RTT beside a whole transaction.
 */
import { checkNumber, optionalNumber, optionsObject, MAX_QUANTITY, MIN_BANDWIDTH_BPS } from "../errors";
import { DEFAULT_MSS } from "./constants";
import { packetNotes } from "./notes";
import type { PathOptions, TcpOptions } from "./options";
import { segmentTotals } from "./segment";
import { optionBytes } from "./stacks";
import type { Trace } from "./trace";

export interface HandshakeInput extends Required<Pick<PathOptions, "rttMs">>, Pick<PathOptions, "bandwidthBps">, Pick<TcpOptions, "mss"> {
  /** request bytes the client has ready; the first MSS of them rides on the ACK (default 0) */
  requestBytes?: number;
}

export interface HandshakeResult {
  /** SYN, SYN-ACK and the client's ACK (with data when there is a request) */
  packets: Trace;
  /** from the SYN leaving until the client may send data */
  connectMs: number;
  /** when the third packet arrives at the server (the server is then established) */
  serverEstablishedMs: number;
}

export function handshake(input: HandshakeInput): HandshakeResult {
  const o = optionsObject("input", input);
  const rttMs = checkNumber("rttMs", o.rttMs, { min: 0, max: MAX_QUANTITY });
  const bandwidthBps = o.bandwidthBps === undefined ? Infinity : checkNumber("bandwidthBps", o.bandwidthBps, { min: MIN_BANDWIDTH_BPS });
  const mss = optionalNumber("mss", o.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const requestBytes = optionalNumber("requestBytes", o.requestBytes, 0, { min: 0, integer: true, max: MAX_QUANTITY });

  const oneWay = rttMs / 2;
  const sendMs = (payload: number) =>
    bandwidthBps === Infinity ? 0 : (segmentTotals(payload, { mss }).wireBytes * 8 * 1000) / bandwidthBps;
  const synMs = sendMs(0) + (bandwidthBps === Infinity ? 0 : (optionBytes(false).syn * 8 * 1000) / bandwidthBps);
  const synAckLeaves = synMs + oneWay;
  const connectMs = synAckLeaves + synMs + oneWay;
  const carried = Math.min(requestBytes, mss);

  const packets: Trace = [
    { tMs: 0, conn: 0, from: "client", flags: ["SYN"], bytes: 0, note: packetNotes.open() },
    { tMs: synAckLeaves, conn: 0, from: "server", flags: ["SYN", "ACK"], bytes: 0, note: packetNotes.accept() },
    carried > 0
      ? {
          tMs: connectMs,
          conn: 0,
          from: "client",
          flags: carried === requestBytes ? ["ACK", "PSH"] : ["ACK"],
          bytes: carried,
          note: packetNotes.requestOnAck(),
        }
      : { tMs: connectMs, conn: 0, from: "client", flags: ["ACK"], bytes: 0, note: packetNotes.handshake() },
  ];
  return { packets, connectMs, serverEstablishedMs: connectMs + sendMs(carried) + oneWay };
}
