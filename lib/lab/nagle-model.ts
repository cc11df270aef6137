/**
 * What lib/tcp's nagleDelayedAck model predicts for the Nagle lab's setup:
 * the same writes, Linux's delayed-ACK timer, the reply the lab's server
 * sends, and the loopback RTT measured just before. The time compared is
 * request start to the whole reply at the client (the model's responseMs),
 * which is what the lab times. The lab runs on Linux, so the model uses
 * Linux's Nagle rule, Minshall's variant (nagleVariant "minshall"), not the
 * classic RFC 896 / RFC 1122 one. They differ only for the lab's single
 * write when it is larger than the model's 1460-byte MSS (header + body may
 * reach 2000 bytes): classic Nagle would hold its small tail, Minshall's sends
 * it at once, and so does real loopback, where the MSS (about 65,000 bytes)
 * makes the write a single segment anyway. This file only adapts the lab's setup to the model's
 * inputs; the model itself lives in lib/tcp.
 */
import { messages } from "../i18n";
import { nagleDelayedAck } from "../sim/nagle-delayed-ack";
import { LINUX_DELAYED_ACK_MS } from "../tcp/index";

/** The nagle lab's three times per request, measured or predicted (defined beside the model so the lab imports it, not the other way round). */
export interface NagleTimes {
  nagleMs: number | null;
  noDelayMs: number | null;
  singleWriteMs: number | null;
}

const say = messages("lab/nagle-model", {
  note: {
    en: "the model's loopback has no CPU cost, so on the fast rows the ratio mostly measures node's event loop; the Nagle row is the delayed-ACK timer",
    ko: "모델의 루프백에는 CPU 비용이 없어서, 빠른 행의 비율은 대부분 node 이벤트 루프를 잽니다. 네이글 행은 확인응답 지연(delayed ACK) 타이머입니다",
  },
});

export interface NagleModel {
  times: NagleTimes;
  notes: string[];
}

export interface NagleSetup {
  headerBytes: number;
  bodyBytes: number;
  responseBytes: number;
  rttMs: number;
}

function replyMs(writes: number[], nagle: boolean, s: NagleSetup): number | null {
  const r = nagleDelayedAck({
    writes,
    nagle,
    nagleVariant: "minshall",
    delayedAckMs: LINUX_DELAYED_ACK_MS,
    rttMs: s.rttMs,
    responseBytes: s.responseBytes,
  });
  return r.responseMs;
}

/** The model's ms per request for the three runs of the lab. */
export function modelNagle(s: NagleSetup): NagleModel {
  const two = [s.headerBytes, s.bodyBytes];
  return {
    times: {
      nagleMs: replyMs(two, true, s),
      noDelayMs: replyMs(two, false, s),
      singleWriteMs: replyMs([s.headerBytes + s.bodyBytes], true, s),
    },
    notes: [say.note()],
  };
}
