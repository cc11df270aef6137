/**
 * Connection setup before the first request byte can leave, per transport
 * stack: the round trips each handshake costs and the flights it sends.
 * One table, read by notebook 4.8 (the cells after its 4.8c prediction).
 *
 * Sources: RFC 9293 (TCP's three-way handshake), RFC 7413 (TCP Fast Open:
 * the request rides in the SYN once a cookie is known), RFC 5246 (TLS 1.2
 * full handshake: two round trips), RFC 8446 (TLS 1.3: one), RFC 9000 / 9001
 * (QUIC: transport and TLS 1.3 handshakes together, one round trip; 0-RTT
 * on resumption). Assumes no loss, no HelloRetryRequest, no session
 * resumption unless the stack's name says so.
 */
import { checkChoice } from "../errors";

export type SetupStack = "tcp" | "tcp-fastopen" | "tcp+tls1.2" | "tcp+tls1.3" | "quic" | "quic-0rtt";

export interface ConnectionSetup {
  stack: SetupStack;
  name: string;
  /** round trips before the request may be sent */
  roundTrips: number;
  /** the packets' flights in order, "C→S ..." or "S→C ..." */
  flights: string[];
  /** why, with the RFC */
  note: string;
}

export const CONNECTION_SETUPS: readonly ConnectionSetup[] = [
  {
    stack: "tcp", name: "TCP, plain HTTP", roundTrips: 1,
    flights: ["C→S SYN", "S→C SYN-ACK", "C→S ACK + request"],
    note: "the three-way handshake (RFC 9293; lib/tcp/handshake.ts); the request rides on the third packet",
  },
  {
    stack: "tcp-fastopen", name: "TCP Fast Open, repeat visit", roundTrips: 0,
    flights: ["C→S SYN + cookie + request", "S→C SYN-ACK + response"],
    note: "RFC 7413: needs a cookie from an earlier connection; plain HTTP",
  },
  {
    stack: "tcp+tls1.2", name: "TCP + TLS 1.2", roundTrips: 1 + 2,
    flights: ["C→S SYN", "S→C SYN-ACK", "C→S ACK + ClientHello", "S→C ServerHello, Certificate, ServerHelloDone",
      "C→S ClientKeyExchange, ChangeCipherSpec, Finished", "S→C ChangeCipherSpec, Finished", "C→S request"],
    note: "TCP's handshake, then a full TLS 1.2 handshake (RFC 5246): 1 + 2",
  },
  {
    stack: "tcp+tls1.3", name: "TCP + TLS 1.3", roundTrips: 1 + 1,
    flights: ["C→S SYN", "S→C SYN-ACK", "C→S ACK + ClientHello (key share)", "S→C ServerHello ... Finished", "C→S Finished + request"],
    note: "TLS 1.3 needs one round trip (RFC 8446), after TCP's own: 1 + 1 (0-RTT resumption over TCP: 1 + 0)",
  },
  {
    stack: "quic", name: "QUIC (HTTP/3)", roundTrips: 1,
    flights: ["C→S Initial: ClientHello", "S→C Initial + Handshake: ServerHello ... Finished", "C→S Handshake: Finished + request"],
    note: "transport and TLS 1.3 handshakes in the same packets (RFC 9000 / 9001)",
  },
  {
    stack: "quic-0rtt", name: "QUIC, 0-RTT resumption", roundTrips: 0,
    flights: ["C→S Initial: ClientHello + 0-RTT request", "S→C ... response"],
    note: "needs a ticket from an earlier connection; a 0-RTT request can be replayed, so only safe (idempotent) requests",
  },
];

export const SETUP_STACKS: readonly SetupStack[] = CONNECTION_SETUPS.map((s) => s.stack);

/** The setup of one stack; an unknown name is a RangeError listing the valid ones. */
export function connectionSetup(stack: SetupStack): ConnectionSetup {
  const name = checkChoice("stack", stack, SETUP_STACKS);
  return CONNECTION_SETUPS.find((s) => s.stack === name)!;
}
