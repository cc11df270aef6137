/**
 * What the models predict for the keep-alive lab's setup, fed the loopback
 * RTT measured just before and the message sizes the lab's server saw:
 *   - time per request: lib/tcp's transactionTime, with and without a new
 *     connection (handshake plus slow start, or a warm connection);
 *   - sockets opened: lib/http's simulateKeepAlive playing the same requests,
 *     once with `Connection: close` on each and once as HTTP/1.1 persistent.
 * Only adapts inputs; the models live in lib/tcp and lib/http.
 */
import { simulateKeepAlive } from "../http/index";
import { messages } from "../i18n";
import { transactionTime } from "../tcp/index";
import { loopbackTimingNote } from "./table";

/** One way of fetching in the keep-alive lab, measured or predicted (defined beside the model so the lab imports it, not the other way round). */
export interface KeepAliveSide {
  /** median ms per request */
  perRequestMs: number | null;
  /** TCP connections the server accepted for this run */
  socketsOpened: number | null;
}

const say = messages("lab/keep-alive-model", {
  note: { en: "{loopback}; the socket counts are the mechanism", ko: "{loopback}. 이 실험에서 볼 메커니즘은 소켓 수입니다" },
});

export interface KeepAliveModel {
  newConnection: KeepAliveSide;
  keepAlive: KeepAliveSide;
  notes: string[];
}

export interface KeepAliveSetup {
  requests: number;
  requestBytes: number;
  responseBytes: number;
  rttMs: number;
}

/** node's http.Server closes a kept connection after 5 s idle (server.keepAliveTimeout). */
const NODE_KEEP_ALIVE_TIMEOUT_SECONDS = 5;

function perRequestMs(s: KeepAliveSetup, newConnection: boolean): number {
  return transactionTime({ rttMs: s.rttMs, requestBytes: s.requestBytes, responseBytes: s.responseBytes, newConnection }).totalMs;
}

function socketsOpened(s: KeepAliveSetup, closeEach: boolean, transactionMs: number): number {
  // back to back: each request leaves when the previous response ends (summed, not i * t,
  // so the times match the model's own sums exactly)
  const requests: { atMs: number; close: boolean }[] = [];
  for (let i = 0, at = 0; i < s.requests; i++, at += transactionMs) requests.push({ atMs: at, close: closeEach });
  return simulateKeepAlive({
    client: { version: "1.1", closeOnLast: false },
    server: { version: "1.1", timeoutSeconds: NODE_KEEP_ALIVE_TIMEOUT_SECONDS, max: s.requests },
    requests,
    transactionMs,
    bodyBytes: s.responseBytes,
  }).connectionsOpened;
}

/** The models' prediction for N one-at-a-time requests, new connection each vs kept alive. */
export function modelKeepAlive(s: KeepAliveSetup): KeepAliveModel {
  const fresh = perRequestMs(s, true);
  const warm = perRequestMs(s, false);
  return {
    newConnection: { perRequestMs: fresh, socketsOpened: socketsOpened(s, true, fresh) },
    keepAlive: { perRequestMs: warm, socketsOpened: socketsOpened(s, false, warm) },
    notes: [say.note({ loopback: loopbackTimingNote() })],
  };
}
