/** Reference solutions for 4.3 HTTP connection handling (HTTP 커넥션 관리). */
import type { SerialPage } from "../exercises/http-connection-handling";

/** 4.3a: Host, User-Agent, Accept, Accept-Language, X-Request-Id, Upgrade-Insecure-Requests, Cache-Control (stripHopByHop). */
export function predictForwardedFields(): number {
  return 7;
}

const ALWAYS_HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade", "trailer"];

export function removeHopByHop(headers: Record<string, string>): Record<string, string> {
  const drop = new Set(ALWAYS_HOP_BY_HOP);
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== "connection") continue;
    for (const item of value.split(",")) {
      const token = item.replace(/^[ \t]+|[ \t]+$/g, "").toLowerCase();
      if (token !== "") drop.add(token);
    }
  }
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!drop.has(name.toLowerCase())) kept[name] = value;
  }
  return kept;
}

export function serialPageLoadMs(page: SerialPage): number {
  const { rttMs, serverMs = 0, mss = 1460, initialWindow = 10 } = page;
  const fetchMs = (bytes: number) => {
    const segments = Math.ceil(bytes / mss);
    let rounds = 0;
    while (initialWindow * (2 ** rounds - 1) < segments) rounds++;
    return rttMs + serverMs + rounds * rttMs;
  };
  return [page.htmlBytes, ...page.objectBytes].reduce((sum, bytes) => sum + fetchMs(bytes), 0);
}
