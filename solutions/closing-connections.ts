/** Reference solutions for 4.7 The mysteries of connection close (커넥션 끊기에 대한 미스터리). */
import type { CloseLabPrediction, CloseOrder } from "../exercises/closing-connections";

/** What a client knows about a response when its connection closes. */
export interface ReceivedResponse {
  status?: number;
  requestMethod?: string;
  contentLength?: number;
}

export function bodyStatus(response: ReceivedResponse, receivedBytes: number): "complete" | "truncated" | "read-until-close" {
  const status = response.status ?? 200;
  const method = response.requestMethod ?? "GET";
  if (method === "HEAD" || (status >= 100 && status < 200) || status === 204 || status === 304) return "complete";
  if (response.contentLength === undefined) return "read-until-close";
  return receivedBytes < response.contentLength ? "truncated" : "complete";
}

export function closePackets(how: "close" | "shutdown-write", unreadBytes: number, laterBytes: number): ("FIN" | "RST")[] {
  if (how === "shutdown-write") return ["FIN"];
  if (unreadBytes > 0) return ["RST"];
  return laterBytes > 0 ? ["FIN", "RST"] : ["FIN"];
}

export function bytesReadBeforeReset(arrivals: { atMs: number; bytes: number }[], readDelayMs: number, rstAtMs: number): number {
  return arrivals.filter((a) => a.atMs + readDelayMs <= rstAtMs).reduce((sum, a) => sum + a.bytes, 0);
}

/** Half close first (FIN after the response), drain until the client's FIN, and only then close: nothing is left unread, so no RST. */
export function predictGracefulClose(): CloseOrder {
  return "shutdown-then-read-then-close";
}

/** Every abrupt close loses the late reader's response; no graceful close does. */
export function predictCloseLab(runs: number): CloseLabPrediction {
  return { abruptLost: runs, gracefulLost: 0, serverShould: "half-close-then-drain" };
}
