/**
 * What lib/http's simulateClose predicts for the close lab: the same response
 * size, the loopback RTT measured just before, the unread upload playing the
 * model's pipelined "request 2" (it is already on its way when the server
 * closes), and the client's read delay. One run of the model is the
 * prediction for every run of the lab (the model has no randomness).
 * Which RST assumption: the default, `discardOnReset: true` (what the client
 * application has not read when the RST arrives is lost). That is what the lab
 * measures with node even on Linux, whose kernel keeps the bytes readable: the
 * late-reading client is still uploading when the RST comes, and node meets
 * the error (ECONNRESET or EPIPE, on the upload's write or on the read it does
 * on the socket's behalf) before the application has read the response; node
 * then destroys the socket and the unread response goes with it, exactly as
 * if the stack had discarded it. For the
 * eager reader (no read delay) both assumptions predict no loss; whatever the
 * lab sees there is the platform detail its note describes.
 * Only adapts inputs; the model lives in lib/http.
 */
import { simulateClose } from "../http/index";
import { messages } from "../i18n";

const say = messages("lab/close-model", {
  note: {
    en: "model: unread response bytes are lost when the RST arrives (simulateClose's discardOnReset: true); node destroys the socket on the ECONNRESET/EPIPE it meets first, so a late reader loses them even where the kernel keeps them readable",
    ko: "모델: RST가 도착하면 아직 읽지 않은 응답 바이트는 사라집니다 (simulateClose의 discardOnReset: true). node는 처음 만난 ECONNRESET/EPIPE에서 소켓을 파기하므로, 커널이 그 바이트를 읽을 수 있게 남겨 두는 곳에서도 늦게 읽는 클라이언트는 응답을 잃습니다",
  },
});

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

/** See the header: node loses the unread response with the socket, whatever the kernel kept. */
const DISCARD_ON_RESET = true;

function play(s: CloseSetup, strategy: "abrupt" | "graceful", readDelayMs: number) {
  return simulateClose({
    strategy,
    rttMs: s.rttMs,
    responseBytes: s.responseBytes,
    secondRequestAtMs: 0,
    clientReadDelayMs: readDelayMs,
    discardOnReset: DISCARD_ON_RESET,
  });
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
    notes: [say.note()],
  };
}
