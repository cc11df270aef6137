/**
 * What the models predict for the pipelining lab: total time of N requests
 * pipelined and one at a time on a kept-alive connection, fed the loopback
 * RTT measured just before, and the idempotency rule (lib/http) that decides
 * which unanswered requests may be sent again. Only adapts inputs.
 */

export interface PipelineModel {
  times: { pipelinedMs: number | null; sequentialMs: number | null };
  notes: string[];
}

/** Which methods may be resent after a connection closes early (null while lib/http lacks it). */
export const retryPolicy: ((method: string) => boolean) | null = null;

export function modelPipeline(_setup: { requests: number; rttMs: number }): PipelineModel {
  return {
    times: { pipelinedMs: null, sequentialMs: null },
    notes: ["model missing: lib/http has no pipelining model or isIdempotent yet"],
  };
}
