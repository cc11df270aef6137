/**
 * The facts about this machine a lab reports beside its measurement: which OS
 * and node ran it, and the TCP numbers the model was fed (delayed-ACK timer,
 * TIME_WAIT length, ephemeral port range). The port range is read from the
 * running kernel when it can be; the other two are Linux constants that no
 * file exposes, so they come from lib/tcp/constants.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { LINUX_DELAYED_ACK_MS, LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_SECONDS, portCount } from "../tcp/index";

export interface PortRange {
  low: number;
  high: number;
  /** how many ports the range holds (high - low + 1) */
  count: number;
  /** "kernel" when read from /proc, "linux default" when the file is missing */
  source: "kernel" | "linux default";
}

export interface PlatformFacts {
  os: NodeJS.Platform;
  node: string;
  /** the delayed-ACK timer the model uses (Linux's minimum) */
  delayedAckMs: number;
  /** the TIME_WAIT length the model uses (Linux's fixed value) */
  timeWaitSeconds: number;
  portRange: PortRange;
  /** median round trip of a 1-byte echo on loopback, when the lab measured it */
  loopbackRttMs?: number;
}

/** Parses the two numbers of ip_local_port_range ("32768\t60999"); null when malformed. */
export function parsePortRange(text: string): { low: number; high: number } | null {
  const parts = text.trim().split(/\s+/).map(Number);
  if (parts.length !== 2 || !parts.every((n) => Number.isInteger(n) && n > 0 && n <= 65535)) return null;
  const [low, high] = parts;
  return low <= high ? { low, high } : null;
}

/** This kernel's ephemeral port range, or Linux's default when /proc does not say. */
export function readPortRange(procDir = "/proc"): PortRange {
  try {
    const text = readFileSync(path.join(procDir, "sys/net/ipv4/ip_local_port_range"), "utf8");
    const range = parsePortRange(text);
    if (range) return { ...range, count: portCount(range), source: "kernel" };
  } catch {
    // not Linux, or /proc not mounted: fall through to the documented default
  }
  const { low, high } = LINUX_EPHEMERAL_PORTS;
  return { low, high, count: portCount({ low, high }), source: "linux default" };
}

/** The platform block every lab result carries. */
export function platformFacts(extra: { loopbackRttMs?: number; procDir?: string } = {}): PlatformFacts {
  const facts: PlatformFacts = {
    os: process.platform,
    node: process.version,
    delayedAckMs: LINUX_DELAYED_ACK_MS,
    timeWaitSeconds: LINUX_TIME_WAIT_SECONDS,
    portRange: readPortRange(extra.procDir),
  };
  if (extra.loopbackRttMs !== undefined) facts.loopbackRttMs = extra.loopbackRttMs;
  return facts;
}
