/** Reference solutions for 4.1 TCP connections (TCP 커넥션). */
import type { FourTuple } from "../lib/tcp/connection-id";

const DEFAULT_PORTS: Record<string, number> = { "http:": 80, "https:": 443 };

export function hostAndPort(url: string): { host: string; port: number } {
  const u = new URL(url);
  const port = u.port === "" ? DEFAULT_PORTS[u.protocol] : Number(u.port);
  if (port === undefined) throw new RangeError(`no default port for scheme ${u.protocol}`);
  return { host: u.hostname, port };
}

export function segmentCount(bytes: number, mss = 1460): number {
  return Math.ceil(bytes / mss);
}

export function headerOverhead(bytes: number, mss = 1460, tcpOptionBytes = 0): number {
  // options ride inside the announced MSS (RFC 6691): they take room from the data
  const headers = segmentCount(bytes, mss - tcpOptionBytes) * (40 + tcpOptionBytes);
  return headers / (bytes + headers);
}

export function findConnection(packet: FourTuple, connections: FourTuple[]): number {
  return connections.findIndex(
    (c) =>
      c.sourceIp === packet.destinationIp &&
      c.sourcePort === packet.destinationPort &&
      c.destinationIp === packet.sourceIp &&
      c.destinationPort === packet.sourcePort,
  );
}

export function predictLinuxPackets(): number {
  return 691; // segment(1_000_000, { mss: 1448 }).segments
}
