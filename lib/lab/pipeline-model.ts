/**
 * What the models predict for the pipelining lab:
 *   - the fate of each request when the server closes after k responses:
 *     lib/http's simulatePipeline with the same methods, the close announced
 *     (`Connection: close` on the k-th response) and non-idempotent requests
 *     pipelined too, as the lab's client does to show why RFC 9112 9.3.2
 *     forbids it;
 *   - the total time of N small GETs pipelined and one at a time on an open
 *     connection: simulatePageLoad's "pipelined" and "persistent" strategies
 *     (batch-model.ts) at the measured loopback RTT.
 * Only adapts inputs; the models live in lib/http.
 */
import { simulatePipeline } from "../http/index";
import { messages } from "../i18n";
import { batchDoneTimes } from "./batch-model";
import { loopbackTimingNote } from "./table";

const say = messages("lab/pipeline-model", {
  note: { en: "{loopback}; order and retries are the mechanism", ko: "{loopback}. 이 실험에서 볼 메커니즘은 순서와 재시도입니다" },
});

export interface RetryPrediction {
  /** request ids answered, in id order */
  answered: number[];
  /** ids resent at least once */
  resent: number[];
  /** ids that failed (never resent) */
  failed: number[];
  connections: number;
}

export interface PipelineModel {
  times: { pipelinedMs: number | null; sequentialMs: number | null };
  retry: RetryPrediction;
  notes: string[];
}

export function modelPipeline(setup: { methods: readonly string[]; closeAfter: number; rttMs: number; requests: number }): PipelineModel {
  const run = simulatePipeline({
    requests: setup.methods.map((method, id) => ({ method, path: `/item/${id}` })),
    serverClosesAfter: setup.closeAfter,
    announcesClose: true,
    pipelineNonIdempotent: true,
  });
  return {
    times: {
      pipelinedMs: Math.max(...batchDoneTimes("pipelined", { requests: setup.requests, rttMs: setup.rttMs })),
      sequentialMs: Math.max(...batchDoneTimes("persistent", { requests: setup.requests, rttMs: setup.rttMs })),
    },
    retry: { answered: run.answered, resent: run.resent, failed: run.failed, connections: run.connectionsOpened },
    notes: [say.note({ loopback: loopbackTimingNote() })],
  };
}
