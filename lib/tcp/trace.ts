/**
 * The packet trace every model and lab speaks (docs/ARCHITECTURE.md): one entry per TCP
 * packet put on the wire, in time order. It describes TCP packets, so it lives
 * with the TCP models; the simulator (lib/sim) produces the same format.
 */

export type Flag = "SYN" | "ACK" | "FIN" | "RST" | "PSH";
export type Side = "client" | "server";

export interface TraceEntry {
  /** when the packet leaves its sender, in ms from the start */
  tMs: number;
  /** which connection (0, 1, ...) in the order they were opened */
  conn: number;
  from: Side;
  flags: Flag[];
  /** TCP payload bytes (0 for a pure ACK, SYN or FIN) */
  bytes: number;
  /** what the packet means, in words, in the reader's language ("GET /a.png", "delayed-ACK timer") */
  note?: string;
  /** true when the packet carries sequence numbers sent before (a retransmission) */
  retransmit?: boolean;
  /** true when the path dropped it: it left its sender and never arrived */
  lost?: boolean;
}

export type Trace = TraceEntry[];
