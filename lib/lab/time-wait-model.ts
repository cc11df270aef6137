/**
 * What the models predict for the TIME_WAIT lab:
 *   - which side holds TIME_WAIT: the side that sent the first FIN (RFC 9293
 *     3.6), one entry per connection it closed first, none on the other side;
 *   - the ceiling on new connections per second from one client address to
 *     one server address:port, and when the ports would run out at the rate
 *     the lab just reached: lib/tcp's portExhaustion, fed this kernel's port
 *     range and Linux's 60 s TIME_WAIT.
 * Only adapts inputs; the model lives in lib/tcp.
 */
import { messages } from "../i18n";
import { LINUX_TIME_WAIT_SECONDS, portExhaustion } from "../tcp/index";

const say = messages("lab/time-wait-model", {
  note: {
    en: "the ceiling assumes a port in TIME_WAIT is never reused before it expires",
    ko: "이 상한은 TIME_WAIT 상태의 포트가 만료되기 전에는 다시 쓰이지 않는다고 가정합니다",
  },
});

export interface TimeWaitModel {
  /** TIME_WAIT entries expected on the side that sent the first FIN */
  activeCloserHolds: number;
  /** TIME_WAIT entries expected on the other side */
  passiveCloserHolds: number;
  /** new connections per second one client address can keep up forever to one server address:port */
  maxConnectionsPerSecond: number | null;
  /** at the measured rate, when the ports run out (null: never) */
  exhaustedAfterSeconds: number | null;
  notes: string[];
}

export function modelTimeWait(setup: { connections: number; ports: number; connectionsPerSecond: number }): TimeWaitModel {
  const p = portExhaustion({
    ports: setup.ports,
    timeWaitSeconds: LINUX_TIME_WAIT_SECONDS,
    connectionsPerSecond: setup.connectionsPerSecond,
  });
  return {
    activeCloserHolds: setup.connections,
    passiveCloserHolds: 0,
    maxConnectionsPerSecond: p.maxConnectionsPerSecond,
    exhaustedAfterSeconds: p.exhaustedAfterSeconds,
    notes: [say.note()],
  };
}
