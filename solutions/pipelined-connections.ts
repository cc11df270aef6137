/** Reference solutions for 4.6 Pipelined connections (파이프라인 커넥션). */
// The types are the exercise's contract: they live in the stub.
import type { PipelineLabPrediction } from "../exercises/pipelined-connections";

const IDEMPOTENT = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];

export function afterEarlyClose(methods: string[], answered: number): { resend: number[]; fail: number[] } {
  const unanswered = methods.map((method, index) => ({ method, index })).slice(answered);
  return {
    resend: unanswered.filter((r) => isIdempotentMethod(r.method)).map((r) => r.index),
    fail: unanswered.filter((r) => !isIdempotentMethod(r.method)).map((r) => r.index),
  };
}

export function pipelinedDoneTimes(serverMs: number[], rttMs: number): number[] {
  const oneWay = rttMs / 2;
  let previousLeft = -Infinity;
  return serverMs.map((ms) => {
    const leaves = Math.max(oneWay + ms, previousLeft); // ready, and every earlier response gone
    previousLeft = leaves;
    return leaves + oneWay;
  });
}

export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT.includes(method);
}

export function pipelineBatches(methods: string[]): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  methods.forEach((method, i) => {
    if (isIdempotentMethod(method)) {
      current.push(i);
      return;
    }
    if (current.length > 0) batches.push(current);
    batches.push([i]);
    current = [];
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

export function predictRequestsSentAlone(): number {
  // connection 1: a server never talked to, so one GET alone until its answer
  // shows the connection persists; then the rest are pipelined. The silent drop
  // after the third response is a failed connection: on connection 2 the first
  // resent GET goes alone again (RFC 9112 9.3.2), then the rest; all answered.
  return 2;
}

export type { PipelineLabPrediction };

export function predictPipelineLab(methods: string[], closeAfter: number): PipelineLabPrediction {
  const resent: number[] = [];
  let pending = methods.map((method, id) => ({ method, id }));
  let unansweredSent = false;
  while (pending.length > 0) {
    const unanswered = pending.slice(closeAfter); // written on this connection, never answered
    if (unanswered.length > 0) unansweredSent = true;
    pending = unanswered.filter((r) => isIdempotentMethod(r.method));
    for (const r of pending) if (!resent.includes(r.id)) resent.push(r.id);
  }
  return {
    order: methods.map((_, id) => id), // HTTP/1.1 responses follow request order, whoever finished first
    resent,
    // node's server parses every pipelined request and hands it to the handler, answered or not
    unansweredReachedServer: unansweredSent,
  };
}
