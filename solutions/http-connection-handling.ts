/** Reference solutions for 4.3 HTTP connection handling (HTTP 커넥션 관리). */
import type { SerialPage } from "../exercises/http-connection-handling";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function parseConnection(value: string): { close: boolean; keepAlive: boolean; tokens: string[] } {
  const tokens: string[] = [];
  for (const raw of value.split(",")) {
    const item = raw.replace(/^[ \t]+|[ \t]+$/g, "");
    if (item === "") continue;
    if (!TOKEN.test(item)) throw new RangeError(`Connection: ${JSON.stringify(item)} is not a token`);
    const token = item.toLowerCase();
    if (!tokens.includes(token)) tokens.push(token);
  }
  return { close: tokens.includes("close"), keepAlive: tokens.includes("keep-alive"), tokens };
}

const ALWAYS_HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "te", "transfer-encoding", "upgrade", "trailer"];

export function removeHopByHop(headers: Record<string, string>): Record<string, string> {
  const drop = new Set(ALWAYS_HOP_BY_HOP);
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "connection") for (const token of parseConnection(value).tokens) drop.add(token);
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
