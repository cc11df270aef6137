/** Reference solutions for 4.2 TCP performance (TCP의 성능에 대한 고려). */

export function handshakeFraction(input: { rttMs: number; dnsMs?: number; serverMs?: number }): number {
  const { rttMs, dnsMs = 0, serverMs = 0 } = input;
  const total = dnsMs + rttMs + rttMs / 2 + serverMs + rttMs / 2;
  return total === 0 ? 0 : rttMs / total;
}

export function ackTimes(arrivals: { tMs: number; bytes: number }[], delayedAckMs: number, mss = 1460): number[] {
  const acks: number[] = [];
  let waiting = 0;
  let full = 0;
  let timerAt = Infinity;
  const ack = (t: number) => {
    acks.push(t);
    waiting = full = 0;
    timerAt = Infinity;
  };
  for (const { tMs, bytes } of arrivals) {
    if (waiting > 0 && timerAt <= tMs) ack(timerAt);
    waiting += 1;
    if (bytes === mss) full += 1;
    if (delayedAckMs === 0 || full >= 2) ack(tMs);
    else if (timerAt === Infinity) timerAt = tMs + delayedAckMs;
  }
  if (waiting > 0) ack(timerAt);
  return acks;
}

export function slowStartRounds(bytes: number, initialWindow = 10, mss = 1460): number {
  const segments = Math.ceil(bytes / mss);
  // after r rounds IW * (2^r - 1) segments have gone
  return segments === 0 ? 0 : Math.ceil(Math.log2(segments / initialWindow + 1));
}

export function pipeSegments(bandwidthBps: number, rttMs: number, mss = 1460): number {
  const bytesPerRtt = (bandwidthBps / 8) * (rttMs / 1000);
  return Math.max(1, Math.floor(bytesPerRtt / (mss + 40)));
}

export function nagleWouldHold(input: { segmentBytes: number; unackedBytes: number; mss?: number; nodelay?: boolean }): boolean {
  const { segmentBytes, unackedBytes, mss = 1460, nodelay = false } = input;
  if (segmentBytes > mss) throw new RangeError(`segmentBytes (${segmentBytes}) is larger than mss (${mss})`);
  return !nodelay && segmentBytes < mss && unackedBytes > 0;
}

export function nagleStallMs(input: { writes: number[]; rttMs: number; delayedAckMs: number; mss?: number }): number {
  const { writes, rttMs, delayedAckMs, mss = 1460 } = input;
  const total = writes.reduce((a, b) => a + b, 0);
  const first = Math.min(writes[0], mss); // leaves at once
  const rest = total - first;
  const fullAfter = Math.floor(rest / mss); // full segments: never held
  const tail = rest % mss; // held until everything before it is ACKed
  if (tail === 0) return 0;
  const fullArriving = fullAfter + (first === mss ? 1 : 0);
  // An even number of full segments ends on an immediate ACK; otherwise the
  // last of them (or the small first segment) waits for the timer.
  const ackWaitMs = fullArriving > 0 && fullArriving % 2 === 0 ? 0 : delayedAckMs;
  // tail arrives: ACK leaves at rtt/2 + wait, reaches the client at rtt + wait,
  // the tail reaches the server at 1.5 rtt + wait; without Nagle at rtt/2.
  return rttMs + ackWaitMs;
}

export function portBudget(
  ports: { low: number; high: number },
  timeWaitSeconds: number,
  connectionsPerSecond: number,
): { ceiling: number; exhaustedAfterSeconds: number | null } {
  const count = ports.high - ports.low + 1;
  const ceiling = count / timeWaitSeconds;
  return { ceiling, exhaustedAfterSeconds: connectionsPerSecond > ceiling ? count / connectionsPerSecond : null };
}

export function predictDelayedAckGrowth(): number {
  return 35; // slowStart({ bytes: 5_000_000, rttMs: 100, delayedAck: true }).cwndPerRound: 10, 15, 23, 35
}

export function predictCwndAfterIdle(): { halfSecond: number; twoSeconds: number } {
  return { halfSecond: 215.48, twoSeconds: 10 }; // the notebook's twoResponses on the simulator, RFC 5681 4.1 with a 1 s RTO
}

export function predictNagleLab(): { stallMs: number; removedBy: "TCP_NODELAY" | "one write" | "either" | "neither" } {
  return { stallMs: 40, removedBy: "either" }; // Linux's delayed-ACK timer; both changes leave nothing held
}

export function predictTimeWaitHolder(): "client" | "server" | "both" | "neither" {
  return "server"; // the side that sends the first FIN
}

export function predictTimeWaitLab(): {
  perConnection: number;
  heldBy: "the side that closes first" | "the side that closes second" | "always the client" | "always the server" | "both sides";
} {
  return { perConnection: 1, heldBy: "the side that closes first" };
}
