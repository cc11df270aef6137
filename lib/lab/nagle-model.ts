/**
 * What the models in lib/tcp predict for the Nagle lab's setup: the same two
 * writes, Linux's delayed-ACK timer and the loopback RTT measured just before.
 * This file only adapts the lab's setup to the model's inputs; the model
 * itself lives in lib/tcp.
 */
import type { NagleTimes } from "./nagle";

export interface NagleModel {
  times: NagleTimes;
  notes: string[];
}

/** The model's ms per request for the three runs (null while lib/tcp has no Nagle model). */
export function modelNagle(_setup: { headerBytes: number; bodyBytes: number; rttMs: number }): NagleModel {
  return {
    times: { nagleMs: null, noDelayMs: null, singleWriteMs: null },
    notes: ["model missing: lib/tcp has no nagleDelayedAck yet"],
  };
}
