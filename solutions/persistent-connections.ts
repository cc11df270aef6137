/** Reference solutions for 4.5 persistent connections (지속 커넥션). */
// The types are the exercise's contract: they live in the stub.
import type { KeepAliveLabPrediction, PairSummary, PersistenceReason } from "../exercises/persistent-connections";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Strips spaces and tabs at both ends (by index: a regex anchored at the end can take quadratic time). */
function trimOws(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s[start] === " " || s[start] === "\t")) start++;
  while (end > start && (s[end - 1] === " " || s[end - 1] === "\t")) end--;
  return s.slice(start, end);
}

/** The list's elements: cut at commas outside double quotes (a backslash in quotes escapes the next character). */
function splitList(value: string): string[] {
  const items: string[] = [];
  let current = "";
  let inQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (inQuotes && c === "\\" && i + 1 < value.length) {
      current += c + value[++i];
      continue;
    }
    if (c === '"') inQuotes = !inQuotes;
    if (c === "," && !inQuotes) {
      items.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  if (inQuotes) throw new RangeError(`Keep-Alive: a quoted string is never closed in ${JSON.stringify(value)}`);
  items.push(current);
  return items.map(trimOws).filter((item) => item !== "");
}

/** The content of one whole quoted string, or null when `s` is not one. */
function unquote(s: string): string | null {
  if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return null;
  let out = "";
  for (let i = 1; i < s.length - 1; i++) {
    if (s[i] === '"') return null;
    if (s[i] === "\\") {
      if (i + 1 >= s.length - 1) return null;
      i++;
    }
    out += s[i];
  }
  return out;
}

export function parseKeepAliveParams(value: string): {
  timeoutSeconds?: number;
  max?: number;
  params: Record<string, string | null>;
} {
  // no prototype: "constructor" or "__proto__" are names like any other
  const params: Record<string, string | null> = Object.create(null);
  const result: { timeoutSeconds?: number; max?: number; params: Record<string, string | null> } = { params };
  for (const item of splitList(value)) {
    const eq = item.indexOf("=");
    const rawName = trimOws(eq < 0 ? item : item.slice(0, eq));
    if (!TOKEN.test(rawName)) throw new RangeError(`Keep-Alive: ${JSON.stringify(rawName)} is not a parameter name (a token)`);
    const name = rawName.toLowerCase();
    let v: string | null = null;
    if (eq >= 0) {
      const raw = trimOws(item.slice(eq + 1));
      v = TOKEN.test(raw) ? raw : unquote(raw);
      if (v === null) throw new RangeError(`Keep-Alive ${name}: ${JSON.stringify(raw)} is neither a token nor a quoted string`);
    }
    if (name === "timeout" || name === "max") {
      const field = name === "timeout" ? "timeoutSeconds" : "max";
      if (result[field] !== undefined) throw new RangeError(`Keep-Alive: ${name} is given more than once`);
      if (v === null || !/^[0-9]+$/.test(v)) throw new RangeError(`Keep-Alive ${name}: expected a whole number, got ${JSON.stringify(v)}`);
      result[field] = Number(v);
    } else if (!(name in params)) {
      params[name] = v;
    }
  }
  return result;
}

export type { PairSummary, PersistenceReason };

const tokens = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "");

export function keepsConnectionOpen(pair: PairSummary): { persistent: boolean; reason: PersistenceReason } {
  const req = tokens(pair.requestConnection);
  const res = tokens(pair.responseConnection);
  const closed = (reason: PersistenceReason) => ({ persistent: false, reason });
  if (req.includes("close")) return closed("client-close");
  if (res.includes("close")) return closed("server-close");
  let reason: PersistenceReason;
  if (pair.clientVersion === "1.0") {
    if (!req.includes("keep-alive")) return closed("http10-not-asked");
    if (!res.includes("keep-alive")) return closed("http10-not-agreed");
    reason = "http10-agreed";
  } else if (pair.serverVersion === "1.0") {
    if (!res.includes("keep-alive")) return closed("http10-server-default");
    reason = "http10-server-agreed";
  } else {
    reason = "http11-default";
  }
  if (pair.body === "until-close") return closed("read-until-close");
  return { persistent: true, reason };
}

export function connectionsNeeded(requestTimesMs: number[], server: { max: number; timeoutSeconds: number }, transactionMs = 0): number {
  let opened = 0;
  let onConnection = 0;
  let open = false;
  let lastEnd = 0;
  for (const at of requestTimesMs) {
    if (open && at - lastEnd > server.timeoutSeconds * 1000) open = false;
    if (!open) {
      opened++;
      onConnection = 0;
      open = true;
    }
    onConnection++;
    lastEnd = at + transactionMs;
    if (onConnection >= server.max) open = false;
  }
  return opened;
}

export function hangingProxy(proxies: ("dumb" | "smart")[], ask: "connection" | "proxy-connection"): number | null {
  // Forward: which header carries keep-alive into each node, and whether each smart proxy's client asked.
  let connection = ask === "connection";
  let proxyConnection = ask === "proxy-connection";
  const clientAsked: boolean[] = [];
  for (const kind of proxies) {
    clientAsked.push(connection || proxyConnection);
    if (kind === "smart") {
      connection = true; // it asks its next hop itself
      proxyConnection = false;
    }
  }
  // Backward: the keep-alive flag of the response each proxy receives from upstream.
  let response = connection; // the server keeps the connection iff it saw Connection: Keep-Alive
  const responseAt: boolean[] = new Array(proxies.length);
  for (let i = proxies.length - 1; i >= 0; i--) {
    responseAt[i] = response;
    if (proxies[i] === "smart") response = clientAsked[i];
  }
  // The node below a dumb proxy that relays a keep-alive response reuses the connection: the dumb proxy never reads it.
  const i = proxies.findIndex((kind, j) => kind === "dumb" && responseAt[j]);
  return i < 0 ? null : i;
}

export function predictConnectionsOpened(): number {
  // 0-600 on the first (max 3), 900-1500 on the second, 1800 on the third,
  // and 6900 comes 5 s after the third's response: idle too long, a fourth
  return 4;
}

export type { KeepAliveLabPrediction };

export function predictKeepAliveLab(requests: number): KeepAliveLabPrediction {
  // one connection per request without keep-alive; one for all with it. On
  // loopback the handshake is nearly free, but a new socket still costs both
  // ends work per request, so the kept connection is clearly faster.
  return { newConnectionSockets: requests, keptAliveSockets: 1, faster: "kept-alive" };
}
