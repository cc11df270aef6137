/**
 * What the models predict for the TIME_WAIT lab: which side holds TIME_WAIT
 * (the active closer, RFC 9293 3.6: one entry per connection it closed
 * first, none on the passive side) and the port-exhaustion ceiling from
 * lib/tcp's portExhaustion, fed this kernel's port range and Linux's 60 s.
 * Only adapts inputs; the models live in lib/tcp.
 */

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
  return {
    activeCloserHolds: setup.connections,
    passiveCloserHolds: 0,
    maxConnectionsPerSecond: null,
    exhaustedAfterSeconds: null,
    notes: ["model missing: lib/tcp has no portExhaustion yet"],
  };
}
