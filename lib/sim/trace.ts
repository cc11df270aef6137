/**
 * The simulator's packet trace is the TCP packet trace of lib/tcp/trace.ts
 * (defined there, since it describes TCP packets); this module passes it on
 * to the layers above the simulator.
 */
export type { Flag, Side, Trace, TraceEntry } from "../tcp/trace";
