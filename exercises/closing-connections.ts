/**
 * Exercises for 4.7 The mysteries of connection close (커넥션 끊기에 대한 미스터리).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.7a")` in notebooks/4.7-closing-connections.ipynb or `npm test`.
 *
 * 한국어:
 * 4.7절 '커넥션 끊기에 대한 미스터리'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.7-closing-connections.ipynb에서 `await check("4.7a")`를
 * 실행하거나 `npm test`를 실행하세요.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * What a client knows about a response when its connection closes.
 * 한국어: 커넥션이 닫힐 때 클라이언트가 응답에 대해 알고 있는 것.
 */
export interface ReceivedResponse {
  /**
   * the response's status code (default 200)
   * 한국어: 응답의 상태 코드(기본값 200)
   */
  status?: number;
  /**
   * the method of the request it answers (default "GET")
   * 한국어: 이 응답이 답하는 요청의 메서드(기본값 "GET")
   */
  requestMethod?: string;
  /**
   * the Content-Length header as a number, or undefined when the response has none
   * 한국어: 숫자로 나타낸 Content-Length 헤더. 응답에 이 헤더가 없으면 undefined
   */
  contentLength?: number;
}

/**
 * 4.7a: the connection has closed after `receivedBytes` body bytes arrived.
 * Is the body "complete", "truncated" (Content-Length promised more), or
 * "read-until-close" (no Content-Length: the close itself ended the body, so
 * nobody can tell whether it was cut short)? Some responses never have a
 * body, whatever their headers say (RFC 9112 6.3, the first rule; notebook
 * 4.7 section 2): those are "complete". Bytes past the promised length do
 * not make a body incomplete (they belong to whatever comes next). Assume
 * no Transfer-Encoding.
 *   bodyStatus({ contentLength: 1000 }, 600) → "truncated"
 *
 * 한국어:
 * 4.7a: 본문 바이트가 `receivedBytes`만큼 도착한 뒤 커넥션이 닫혔습니다.
 * 본문은 "complete"(완전함)일까요, "truncated"(잘림: Content-Length가 더
 * 많이 약속했음)일까요, 아니면 "read-until-close"(끊길 때까지 읽음:
 * Content-Length가 없어서 커넥션이 닫힌 것 자체가 본문의 끝이었으므로,
 * 본문이 잘렸는지 아무도 알 수 없음)일까요? 어떤 응답은 헤더가 뭐라고 하든
 * 본문이 결코 없습니다(RFC 9112 6.3의 첫 번째 규칙, 노트북 4.7 2절). 그런
 * 응답은 "complete"입니다. 약속한 길이를 넘는 바이트가 있어도 본문이
 * 불완전해지지는 않습니다(그 바이트는 뒤에 오는 무언가의 것입니다).
 * Transfer-Encoding은 없다고 가정합니다.
 *   bodyStatus({ contentLength: 1000 }, 600) → "truncated"
 */
export function bodyStatus(response: ReceivedResponse, receivedBytes: number): "complete" | "truncated" | "read-until-close" {
  return notImplemented("4.7a");
}

/**
 * 4.7b: which control packets does the closing side's TCP send?
 *   how: "close" closes the socket for both directions (close(), node's destroy());
 *        "shutdown-write" closes only the sending direction (shutdown(SHUT_WR),
 *        node's end()) and keeps reading.
 *   unreadBytes: bytes already received that the application never read.
 *   laterBytes: bytes the peer still sends after this moment.
 * Return the packets in order: ["FIN"], ["RST"] or ["FIN", "RST"].
 *   closePackets("close", 0, 0) → ["FIN"]
 *
 * 한국어:
 * 4.7b: 커넥션을 끊는 쪽의 TCP는 어떤 제어 패킷을 보낼까요?
 *   how: "close"는 소켓의 두 방향을 모두 닫습니다(전체 끊기, full close:
 *        close(), node의 destroy()).
 *        "shutdown-write"는 보내는 방향만 닫고(절반 끊기, half close:
 *        shutdown(SHUT_WR), node의 end()) 계속 읽습니다.
 *   unreadBytes: 이미 받았지만 애플리케이션이 한 번도 읽지 않은 바이트
 *   laterBytes: 이 순간 이후에도 상대가 계속 보내는 바이트
 * 패킷을 순서대로 돌려주세요: ["FIN"], ["RST"] 또는 ["FIN", "RST"].
 *   closePackets("close", 0, 0) → ["FIN"]
 */
export function closePackets(how: "close" | "shutdown-write", unreadBytes: number, laterBytes: number): ("FIN" | "RST")[] {
  return notImplemented("4.7b");
}

/**
 * 4.7c: the segments of a response reach the client at `arrivals[i].atMs`
 * with `arrivals[i].bytes` bytes each; the client application reads each
 * segment `readDelayMs` after it arrives. A reset (RST) reaches the client
 * at `rstAtMs` (Infinity when none comes) and throws away everything the
 * application has not read by then (simulateClose's default assumption,
 * `discardOnReset: true`; see notebook 4.7 for when a real stack keeps the
 * bytes). A segment read exactly at `rstAtMs` is still read. How many response bytes does the application get?
 *   bytesReadBeforeReset([{ atMs: 10, bytes: 1460 }, { atMs: 30, bytes: 500 }], 1, 20) → 1460
 *
 * 한국어:
 * 4.7c: 응답의 세그먼트들이 `arrivals[i].atMs`에 각각
 * `arrivals[i].bytes`바이트씩 클라이언트에 도착하고, 클라이언트
 * 애플리케이션은 각 세그먼트를 도착하고 `readDelayMs` 뒤에 읽습니다.
 * 리셋(RST)은 `rstAtMs`에 클라이언트에 도착하며(오지 않으면 Infinity), 그때까지
 * 애플리케이션이 읽지 않은 것을 모두 버립니다(simulateClose의 기본 가정인
 * `discardOnReset: true`. 실제 스택이 바이트를 남겨 두는 경우는 노트북 4.7을
 * 보세요). 정확히 `rstAtMs`에 읽는 세그먼트는 아직 읽힙니다. 애플리케이션은
 * 응답 바이트를 얼마나 얻을까요?
 *   bytesReadBeforeReset([{ atMs: 10, bytes: 1460 }, { atMs: 30, bytes: 500 }], 1, 20) → 1460
 */
export function bytesReadBeforeReset(arrivals: { atMs: number; bytes: number }[], readDelayMs: number, rstAtMs: number): number {
  return notImplemented("4.7c");
}

/**
 * 4.7d: the orders a server might close in, after writing its last response.
 * 한국어: 4.7d: 서버가 마지막 응답을 쓴 뒤 커넥션을 닫을 수 있는 순서들.
 */
export type CloseOrder =
  /**
   * close() at once: both directions
   * 한국어: 곧바로 close(): 두 방향 모두
   */
  | "close"
  /**
   * shutdown(SHUT_WR), then close() at once
   * 한국어: shutdown(SHUT_WR) 다음 곧바로 close()
   */
  | "shutdown-then-close"
  /**
   * keep reading until the client's FIN, then shutdown(SHUT_WR), then close()
   * 한국어: 클라이언트의 FIN이 올 때까지 계속 읽고, 그다음 shutdown(SHUT_WR), 그다음 close()
   */
  | "read-then-shutdown-then-close"
  /**
   * shutdown(SHUT_WR), keep reading until the client's FIN, then close()
   * 한국어: shutdown(SHUT_WR), 클라이언트의 FIN이 올 때까지 계속 읽고, 그다음 close()
   */
  | "shutdown-then-read-then-close";

/**
 * 4.7d (predict): a server has written the response to request 1 and wants
 * to close the connection (it reached its per-connection request limit).
 * The client had pipelined request 2 right behind request 1: it is on its
 * way, or already sitting unread in the server's receive buffer. Which order
 * of steps lets the client's application read the whole response and see
 * the connection end cleanly, without either side waiting for a timer?
 * Answer before you run the model cell below it in notebook 4.7.
 *
 * 한국어:
 * 4.7d (예측): 서버가 요청 1에 대한 응답을 썼고, 이제 커넥션을 닫으려
 * 합니다(커넥션당 요청 한도에 이르렀습니다). 클라이언트는 요청 1 바로 뒤에
 * 요청 2를 파이프라인으로 보내 두었습니다. 요청 2는 오는 중이거나, 이미
 * 서버의 수신 버퍼에 읽히지 않은 채 있습니다. 어떤 순서로 단계를 밟아야
 * 클라이언트 애플리케이션이 응답 전체를 읽고, 어느 쪽도 타이머를 기다리지
 * 않고 커넥션이 깔끔하게 끝나는 것을 볼 수 있을까요(우아한 커넥션 끊기,
 * graceful close)? 노트북 4.7에서 이 문제 아래에 있는 모델 셀을 실행하기
 * 전에 답하세요.
 */
export function predictGracefulClose(): CloseOrder {
  return notImplemented("4.7d");
}

/**
 * 4.7e: what you expect the close lab to measure, and what you conclude from it.
 * 한국어: 4.7e: 끊기 실험(lab)이 측정할 것에 대한 예상과, 그 결과에서 내리는 결론.
 */
export interface CloseLabPrediction {
  /**
   * of `runs` abrupt closes (destroy() with the upload unread), how many lose the response
   * 한국어: 갑작스러운 끊기(업로드를 읽지 않은 채 destroy()) `runs`번 가운데 응답을 잃는 횟수
   */
  abruptLost: number;
  /**
   * of `runs` graceful closes (end(), then read the rest), how many lose it
   * 한국어: 우아한 끊기(end() 다음 나머지를 읽음) `runs`번 가운데 응답을 잃는 횟수
   */
  gracefulLost: number;
  /**
   * what a server that wants to close while the client may still be sending should do
   * 한국어: 클라이언트가 아직 보내고 있을지도 모를 때 커넥션을 닫으려는 서버가 해야 할 일
   * ("close-at-once": 곧바로 닫기, "half-close-then-drain": 절반 끊기 뒤 남은 입력을 읽어 비우기,
   * "either": 어느 쪽이든 괜찮음)
   */
  serverShould: "close-at-once" | "half-close-then-drain" | "either";
}

/**
 * 4.7e (measure): the close lab (notebook 4.7 section 7, or
 * `npm run workbook -- lab close`) runs `runs` clients of each kind. Each
 * uploads a large request body; the server reads only the header, writes a
 * complete response, and closes, abruptly or gracefully; the client starts
 * reading 50 ms later. Predict how many runs of each kind lose the response,
 * and the conclusion you expect to draw. Write it before you run the lab:
 * the check compares it with your own measurement.
 *
 * 한국어:
 * 4.7e (측정): 끊기 실험(노트북 4.7 7절, 또는
 * `npm run workbook -- lab close`)은 두 종류의 클라이언트를 각각 `runs`번
 * 실행합니다. 클라이언트는 저마다 큰 요청 본문을 업로드합니다. 서버는
 * 헤더만 읽고 완전한 응답을 쓴 다음, 갑작스럽게 또는 우아하게 커넥션을
 * 닫습니다. 클라이언트는 50 ms 뒤에 읽기 시작합니다. 종류마다 몇 번이 응답을
 * 잃을지, 그리고 어떤 결론을 내리게 될지 예측하세요. 실험을 실행하기 전에
 * 적으세요. 검사는 그것을 여러분 자신의 측정값과 비교합니다.
 */
export function predictCloseLab(runs: number): CloseLabPrediction {
  return notImplemented("4.7e");
}
