/** Reference solutions for 4.5 persistent connections (지속 커넥션). */
// The types are the exercise's contract: they live in the stub.
import type { PairSummary, PersistenceReason } from "../exercises/persistent-connections";

export function parseKeepAliveParams(value: string): {
  timeoutSeconds?: number;
  max?: number;
  params: Record<string, string | null>;
} {
  const result: { timeoutSeconds?: number; max?: number; params: Record<string, string | null> } = { params: {} };
  for (const raw of value.split(",")) {
    const item = raw.trim();
    if (item === "") continue;
    const eq = item.indexOf("=");
    const name = (eq < 0 ? item : item.slice(0, eq)).trim().toLowerCase();
    let v: string | null = eq < 0 ? null : item.slice(eq + 1).trim();
    if (v !== null && v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    if (name === "timeout" || name === "max") {
      if (v === null || !/^[0-9]+$/.test(v)) throw new RangeError(`Keep-Alive ${name}: expected a whole number, got ${JSON.stringify(v)}`);
      if (name === "timeout") result.timeoutSeconds = Number(v);
      else result.max = Number(v);
    } else if (!(name in result.params)) {
      result.params[name] = v;
    }
  }
  return result;
}

export type { PairSummary, PersistenceReason };

const tokens = (value: string | undefined): string[] =>
  (value ?? "").split(",").map((t) => t.trim().toLowerCase()).filter((t) => t !== "");

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

export function connectionsNeeded(
  requestTimesMs: number[],
  server: { max: number; timeoutSeconds: number },
  transactionMs = 0,
): number {
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
