/**
 * The registry of real-socket labs the CLI runs (`npm run workbook -- lab
 * <name> [--json]`): each has a title, a run() that measures on loopback and
 * returns a JSON-able result, and a format() that turns the result into a
 * table of measurement beside model. `quick` runs smaller counts.
 * Every result carries `consistency` (see consistency.ts): what the lab
 * verified about its own run, and why it is inconclusive when it is; the CLI
 * then exits with LAB_INCONCLUSIVE_EXIT (2).
 */
import { messages } from "../i18n";
import { formatClose, runCloseLab } from "./close";
import { formatKeepAlive, runKeepAliveLab } from "./keep-alive";
import { formatNagle, runNagleLab } from "./nagle";
import { formatMultiplex, runMultiplexLab } from "./multiplex";
import { formatPipeline, runPipelineLab } from "./pipeline";
import { saveLabResult } from "./saved";
import { formatSegments, runSegmentsLab } from "./segments";
import { formatTimeWait, runTimeWaitLab } from "./time-wait";

const say = messages("lab/index", {
  nagle: {
    en: "Nagle's algorithm against delayed ACK: two small writes per request",
    ko: "네이글 알고리즘(Nagle's algorithm) 대 확인응답 지연(delayed ACK): 요청마다 작은 쓰기 두 번",
  },
  keepAlive: {
    en: "A new connection per request against one kept-alive connection",
    ko: "요청마다 새 커넥션 대 지속 커넥션(kept-alive connection) 하나",
  },
  timeWait: {
    en: "TIME_WAIT: which side holds it, and the ceiling on new connections",
    ko: "TIME_WAIT: 어느 쪽이 갖고 있는가, 그리고 새 커넥션 수의 상한",
  },
  pipeline: {
    en: "HTTP/1.1 pipelining: timing, response order, and retry after an early close",
    ko: "HTTP/1.1 파이프라인 커넥션: 시간, 응답 순서, 일찍 끊긴 뒤의 재시도",
  },
  close: {
    en: "Closing with unread input: RST and the lost response, against a half close",
    ko: "읽지 않은 입력을 남기고 끊기: RST와 사라진 응답, 그리고 절반 끊기(half close)",
  },
  multiplex: {
    en: "Head-of-line blocking: HTTP/1.1 pipelining against HTTP/2 streams",
    ko: "HOL 블로킹(head-of-line blocking): HTTP/1.1 파이프라인 대 HTTP/2 스트림",
  },
  segments: {
    en: "Packets of a page load, five ways: the kernel's segment counters against the model's count",
    ko: "페이지 로드의 패킷, 다섯 가지 방식: 커널의 세그먼트 카운터 대 모델이 센 값",
  },
});

export type LabName = "nagle" | "keep-alive" | "time-wait" | "pipeline" | "close" | "multiplex" | "segments";

export interface LabEntry {
  /** one line saying what the lab measures, in the reader's language (read when shown) */
  readonly title: string;
  run(opts?: { quick?: boolean }): Promise<unknown>;
  /** the result its run() returned (a method: each lab's formatter takes its own result type) */
  format(result: unknown): string;
}

export const labs: Record<LabName, LabEntry> = {
  nagle: {
    get title() {
      return say.nagle();
    },
    run: (opts) => runNagleLab(opts?.quick ? { rounds: 8 } : {}),
    format: formatNagle,
  },
  "keep-alive": {
    get title() {
      return say.keepAlive();
    },
    run: (opts) => runKeepAliveLab(opts?.quick ? { requests: 5 } : {}),
    format: formatKeepAlive,
  },
  "time-wait": {
    get title() {
      return say.timeWait();
    },
    run: (opts) => runTimeWaitLab(opts?.quick ? { connections: 100 } : {}),
    format: formatTimeWait,
  },
  pipeline: {
    get title() {
      return say.pipeline();
    },
    run: (opts) => runPipelineLab(opts?.quick ? { requests: 5, repeats: 3 } : {}),
    format: formatPipeline,
  },
  close: {
    get title() {
      return say.close();
    },
    run: (opts) => runCloseLab(opts?.quick ? { runs: 2 } : {}),
    format: formatClose,
  },
  multiplex: {
    get title() {
      return say.multiplex();
    },
    run: (opts) => runMultiplexLab(opts?.quick ? { requests: 4, slowMs: 30 } : {}),
    format: formatMultiplex,
  },
  segments: {
    get title() {
      return say.segments();
    },
    run: (opts) => runSegmentsLab(opts?.quick ? { page: { htmlBytes: 10_000, objectBytes: [3_000, 3_000, 3_000, 3_000] } } : {}),
    format: formatSegments,
  },
};

export { runNagleLab, formatNagle } from "./nagle";
export { runKeepAliveLab, formatKeepAlive } from "./keep-alive";
export { runTimeWaitLab, formatTimeWait } from "./time-wait";
export { runPipelineLab, formatPipeline } from "./pipeline";
export { runCloseLab, formatClose } from "./close";
export { runMultiplexLab, formatMultiplex } from "./multiplex";
export { runSegmentsLab, formatSegments } from "./segments";
export { LabDeadlineError } from "./harness";
export { LAB_INCONCLUSIVE_EXIT, LabInconclusiveError, inconclusiveReason } from "./consistency";
export type { Consistency } from "./consistency";

/** Runs a lab and saves its result for the measure exercises (.workbook/labs/<name>.json). */
export async function runLab(name: LabName, opts?: { quick?: boolean }): Promise<unknown> {
  const result = await labs[name].run(opts);
  saveLabResult(name, result);
  return result;
}
