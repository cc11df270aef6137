/**
 * Connection identity: a TCP connection is named by four values, the source
 * IP address and port and the destination IP address and port (RFC 9293 3.3.2
 * calls the pair of sockets the connection). Two connections may share any
 * three of them, never all four, and that is why one browser can hold many
 * connections to the same server port: each gets its own source port.
 */
import { checkNumber, checkString, expected, invalidType, optionsObject } from "../errors";
import { messages } from "../i18n";
import { isIP } from "node:net";

const say = messages("tcp/connection-id", {
  ipAddress: { en: "an IPv4 or IPv6 address", ko: "IPv4 또는 IPv6 주소" },
});

export interface FourTuple {
  sourceIp: string;
  sourcePort: number;
  destinationIp: string;
  destinationPort: number;
}

function checkIp(name: string, value: unknown): string {
  const ip = checkString(name, value);
  if (isIP(ip) === 0) invalidType(name, say.ipAddress(), value);
  return ip;
}

function checkPort(name: string, value: unknown): number {
  return checkNumber(name, value, { min: 0, max: 65535, integer: true });
}

/** Validates a four-tuple and returns a copy. */
export function fourTuple(t: FourTuple): FourTuple {
  if (t === null || typeof t !== "object") invalidType("tuple", expected.object(), t);
  const o = optionsObject("tuple", t); // each field read once
  return {
    sourceIp: checkIp("sourceIp", o.sourceIp),
    sourcePort: checkPort("sourcePort", o.sourcePort),
    destinationIp: checkIp("destinationIp", o.destinationIp),
    destinationPort: checkPort("destinationPort", o.destinationPort),
  };
}

/** A printable key, the same for the same connection: "10.0.0.1:51000 -> 10.0.0.2:80". */
export function connectionKey(t: FourTuple): string {
  const c = fourTuple(t);
  const host = (ip: string) => (ip.includes(":") ? `[${ip}]` : ip);
  return `${host(c.sourceIp)}:${c.sourcePort} -> ${host(c.destinationIp)}:${c.destinationPort}`;
}

/** True when both tuples name the same connection (all four values equal). */
export function sameConnection(a: FourTuple, b: FourTuple): boolean {
  return connectionKey(a) === connectionKey(b);
}
