/**
 * What the models predict for the keep-alive lab's setup: per-request time
 * with and without a new TCP connection (transactionTime in lib/tcp) and
 * how many connections each way opens, fed the loopback RTT measured just
 * before. Only adapts inputs; the models live in lib/tcp and lib/http.
 */
import type { KeepAliveSide } from "./keep-alive";

export interface KeepAliveModel {
  newConnection: KeepAliveSide;
  keepAlive: KeepAliveSide;
  notes: string[];
}

/** The model's prediction for N one-at-a-time requests (null while the models are missing). */
export function modelKeepAlive(_setup: { requests: number; responseBytes: number; rttMs: number }): KeepAliveModel {
  return {
    newConnection: { perRequestMs: null, socketsOpened: null },
    keepAlive: { perRequestMs: null, socketsOpened: null },
    notes: ["model missing: lib/tcp has no transactionTime yet"],
  };
}
