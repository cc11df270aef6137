/** Reference solutions for 4.6 Pipelined connections (파이프라인 커넥션). */

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
