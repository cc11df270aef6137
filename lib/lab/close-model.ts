/**
 * What lib/http's simulateClose predicts for the close lab: the same response
 * size, the loopback RTT measured just before, the unread upload playing the
 * model's pipelined "request 2" (it is already on its way when the server
 * closes), and the client's read delay. One run of the model is the
 * prediction for every run of the lab (the model has no randomness).
 * Only adapts inputs; the model lives in lib/http.
 */
import { simulateClose } from "../http/index";

export interface CloseExpectation {
  abruptLost: number;
  gracefulLost: number;
  abruptBytes: number;
  gracefulBytes: number;
  /** the abrupt close with a client that reads at once */
  abruptEagerLost: number;
  abruptEagerBytes: number;
}

export interface CloseModel {
  expected: CloseExpectation;
  notes: string[];
}

export interface CloseSetup {
  runs: number;
  /** the whole response, head and body */
  responseBytes: number;
  rttMs: number;
  readDelayMs: number;
}

function play(s: CloseSetup, strategy: "abrupt" | "graceful", readDelayMs: number) {
  return simulateClose({ strategy, rttMs: s.rttMs, responseBytes: s.responseBytes, secondRequestAtMs: 0, clientReadDelayMs: readDelayMs });
}

export function modelClose(s: CloseSetup): CloseModel {
  const abrupt = play(s, "abrupt", s.readDelayMs);
  const graceful = play(s, "graceful", s.readDelayMs);
  const eager = play(s, "abrupt", 0);
  const lostRuns = (o: { lost: boolean }) => (o.lost ? s.runs : 0);
  return {
    expected: {
      abruptLost: lostRuns(abrupt),
      gracefulLost: lostRuns(graceful),
      abruptBytes: abrupt.clientReceivedBytes,
      gracefulBytes: graceful.clientReceivedBytes,
      abruptEagerLost: lostRuns(eager),
      abruptEagerBytes: eager.clientReceivedBytes,
    },
    notes: [],
  };
}
