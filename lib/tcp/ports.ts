/**
 * TIME_WAIT and ephemeral ports: the ceiling on how fast one client can open
 * new connections to one server address and port.
 *
 * The side that closes first keeps the connection in TIME_WAIT for 2MSL
 * (RFC 9293 3.4.2: MSL = 2 minutes; Linux holds it a fixed 60 s) so that
 * stray old segments cannot be taken for a new connection with the same
 * four values (connection-id.ts). While a port sits in TIME_WAIT the client
 * cannot reuse it towards the same server, so with P ephemeral ports:
 *
 *   ceiling = P / timeWaitSeconds  connections per second
 *
 * Faster than that, the ports run out after P / rate seconds (every port is
 * in use before the first one leaves TIME_WAIT).
 *
 * The book's figures are older: 2MSL "often 2 minutes" and about 60,000
 * ports, hence 500 connections per second; today RFC 9293's MSL of 2 minutes
 * makes 2MSL 240 s, and Linux (60 s, 28,232 ports) allows about 470.
 *
 * Assumptions: one destination address and port, the client closes first,
 * each connection is short next to TIME_WAIT, and no tcp_tw_reuse or
 * SO_REUSEADDR shortcut (Linux's tcp_tw_reuse would lift the ceiling).
 */
import { checkNumber, invalidType, optionalNumber, optionsObject, outOfRange } from "../errors";
import { messages } from "../i18n";
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_SECONDS } from "./constants";

const say = messages("tcp/ports", {
  countOrRange: { en: "a number or a { low, high } range", ko: "포트 개수(숫자) 또는 범위 { low, high }" },
  notBelowLow: { en: ">= ports.low ({low})", ko: "ports.low({low}) 이상" },
  finiteRate: {
    en: "long enough that {ports} ports / timeWaitSeconds is a finite rate",
    ko: "{ports}개 포트 / timeWaitSeconds가 유한한 속도가 될 만큼 긴 시간",
  },
});

export interface PortRange {
  /** first port, inclusive */
  low: number;
  /** last port, inclusive */
  high: number;
}

export interface PortExhaustionInput {
  /** how many ports, or a range such as Linux's { low: 32768, high: 60999 } (the default) */
  ports?: number | PortRange;
  /** default Linux's 60 s */
  timeWaitSeconds?: number;
  /** the rate the client wants; omit to get the ceiling only */
  connectionsPerSecond?: number;
}

export interface PortExhaustionResult {
  maxConnectionsPerSecond: number;
  /** when the ports run out at the asked rate; null when they never do */
  exhaustedAfterSeconds: number | null;
}

/** Number of usable ports in a count or an inclusive range. */
export function portCount(ports: number | PortRange): number {
  if (typeof ports === "number") return checkNumber("ports", ports, { min: 1, integer: true });
  if (ports === null || typeof ports !== "object") invalidType("ports", say.countOrRange(), ports);
  const range = optionsObject("ports", ports); // each field read once
  const low = checkNumber("ports.low", range.low, { min: 1, max: 65535, integer: true });
  const high = checkNumber("ports.high", range.high, { min: 1, max: 65535, integer: true });
  if (high < low) outOfRange("ports.high", say.notBelowLow({ low }), high);
  return high - low + 1;
}

export function portExhaustion(input: PortExhaustionInput): PortExhaustionResult {
  const o = optionsObject("input", input);
  const ports = portCount(o.ports ?? LINUX_EPHEMERAL_PORTS);
  const timeWait = optionalNumber("timeWaitSeconds", o.timeWaitSeconds, LINUX_TIME_WAIT_SECONDS, { above: 0 });
  const ceiling = ports / timeWait;
  if (!Number.isFinite(ceiling)) outOfRange("timeWaitSeconds", say.finiteRate({ ports }), timeWait);
  if (o.connectionsPerSecond === undefined) return { maxConnectionsPerSecond: ceiling, exhaustedAfterSeconds: null };
  const rate = checkNumber("connectionsPerSecond", o.connectionsPerSecond, { min: 0 });
  return { maxConnectionsPerSecond: ceiling, exhaustedAfterSeconds: rate > ceiling ? ports / rate : null };
}
