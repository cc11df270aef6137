/**
 * Exercises for 4.2 TCP performance (TCP의 성능에 대한 고려).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.2a")` in notebooks/4.2-tcp-performance.ipynb or `npm test`.
 * Times are in ms, sizes in bytes, rates in bits/s.
 *
 * 한국어:
 * 4.2절 'TCP의 성능에 대한 고려'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.2-tcp-performance.ipynb에서 `await check("4.2a")`를
 * 실행하거나 `npm test`를 실행하세요.
 * 시간은 ms, 크기는 바이트, 전송률은 bits/s 단위입니다.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.2a: what fraction of one small HTTP transaction on a new connection is
 * the TCP handshake (핸드셰이크)? The client looks the name up (dnsMs; 0 when
 * it is cached), opens the connection, sends its request, the server works
 * for serverMs, and the response comes back. The request and the response
 * each fit in one segment and the link is fast, so each of them costs only
 * its trip across the path. The client sends the request as soon as the
 * handshake allows (whether the request shares a packet with the
 * handshake's last ACK changes the packet count, not the time).
 * Return the handshake's time over the whole transaction's time, a number
 * from 0 to 1 (0 when the whole transaction takes no time at all).
 *   handshakeFraction({ rttMs: 100, serverMs: 20 }) → about 0.4545
 *
 * 한국어:
 * 4.2a: 새 커넥션에서 하는 작은 HTTP 트랜잭션 하나에서 TCP 핸드셰이크
 * (handshake)가 차지하는 비율은 얼마일까요? 클라이언트는 이름을 조회하고
 * (dnsMs, 캐시에 있으면 0), 커넥션을 열고, 요청을 보냅니다. 서버는
 * serverMs 동안 일하고, 응답이 돌아옵니다. 요청과 응답은 각각 세그먼트
 * 하나에 들어가고 링크는 빠르므로, 둘 다 경로를 한 번 건너는 시간만 듭니다.
 * 클라이언트는 핸드셰이크가 허락하는 즉시 요청을 보냅니다(요청이
 * 핸드셰이크의 마지막 ACK와 한 패킷에 실리느냐는 패킷 수를 바꿀 뿐, 시간은
 * 바꾸지 않습니다).
 * 핸드셰이크 시간을 트랜잭션 전체 시간으로 나눈 값을 0부터 1 사이의 수로
 * 돌려주세요(트랜잭션 전체에 시간이 전혀 걸리지 않으면 0).
 *   handshakeFraction({ rttMs: 100, serverMs: 20 }) → 약 0.4545
 */
export function handshakeFraction(input: { rttMs: number; dnsMs?: number; serverMs?: number }): number {
  return notImplemented("4.2a");
}

/**
 * 4.2b: a receiver with delayed ACKs (확인응답 지연) and nothing of its own to
 * send. Segments arrive at the given times (in time order) with the given
 * payload sizes; a segment of exactly `mss` bytes is full-sized. Return the
 * times at which the receiver sends its ACKs, in order. The rules:
 *  - the ACK goes out at once when it would leave two full-sized segments
 *    unacknowledged (the second one arriving triggers it);
 *  - otherwise the first unacknowledged segment starts a timer of
 *    `delayedAckMs`; when it fires, one ACK covers everything received so far;
 *  - an ACK (either kind) acknowledges everything received so far, resets the
 *    count of full-sized segments and cancels the timer;
 *  - a timer that fires at the same instant a segment arrives fires first;
 *  - delayedAckMs 0 means delayed ACK is off: every segment is ACKed on arrival.
 *   ackTimes([{ tMs: 0, bytes: 1460 }, { tMs: 1, bytes: 1460 }, { tMs: 2, bytes: 300 }], 40)
 *     → [1, 42]
 *
 * 한국어:
 * 4.2b: 확인응답 지연(delayed ACK)을 쓰고, 자기가 보낼 데이터는 없는
 * 수신자입니다. 세그먼트들이 주어진 시각에(시간 순서대로) 주어진 페이로드
 * 크기로 도착합니다. 정확히 `mss`바이트인 세그먼트가 최대 크기(full-sized)
 * 세그먼트입니다. 수신자가 ACK를 보내는 시각들을 순서대로 돌려주세요.
 * 규칙은 다음과 같습니다.
 *  - 확인응답하지 않은 최대 크기 세그먼트가 두 개가 되면 곧바로 ACK를
 *    보냅니다(두 번째 세그먼트의 도착이 ACK를 일으킵니다).
 *  - 그렇지 않으면 확인응답하지 않은 첫 세그먼트가 `delayedAckMs` 타이머를
 *    시작합니다. 타이머가 만료되면 ACK 하나가 그때까지 받은 것을 모두
 *    확인응답합니다.
 *  - ACK는 (어느 쪽이든) 그때까지 받은 것을 모두 확인응답하고, 최대 크기
 *    세그먼트의 개수를 0으로 되돌리며, 타이머를 취소합니다.
 *  - 세그먼트가 도착하는 바로 그 순간에 만료되는 타이머는 세그먼트보다 먼저
 *    만료됩니다.
 *  - delayedAckMs가 0이면 확인응답 지연을 끈 것입니다. 모든 세그먼트를
 *    도착하는 즉시 확인응답합니다.
 *   ackTimes([{ tMs: 0, bytes: 1460 }, { tMs: 1, bytes: 1460 }, { tMs: 2, bytes: 300 }], 40)
 *     → [1, 42]
 */
export function ackTimes(arrivals: { tMs: number; bytes: number }[], delayedAckMs: number, mss = 1460): number[] {
  return notImplemented("4.2b");
}

/**
 * 4.2h (predict): slow start with delayed ACKs. A server starts a large
 * response on a new connection with an initial window of 10 segments; no
 * loss, no other limit. The client's TCP delays its ACKs: one ACK for every
 * second full-sized segment. The server follows RFC 5681 3.1 to the letter:
 * in slow start, each ACK that acknowledges new data adds at most one
 * segment to cwnd, however many segments it acknowledges. The first round
 * sends 10 segments. How many segments does the server send in the fourth
 * round? Answer before you run the model cell below.
 *
 * 한국어:
 * 4.2h (예측): 확인응답 지연이 있을 때의 느린 시작(slow start). 서버가 새
 * 커넥션에서 초기 윈도 10 세그먼트로 큰 응답을 보내기 시작합니다. 손실도,
 * 다른 제한도 없습니다. 클라이언트의 TCP는 ACK를 지연시켜, 최대 크기
 * 세그먼트 두 개마다 ACK를 하나 보냅니다. 서버는 RFC 5681 3.1을 글자 그대로
 * 따릅니다. 느린 시작 중에는 새 데이터를 확인응답하는 ACK 하나가, 세그먼트를
 * 몇 개 확인응답하든 혼잡 윈도(cwnd)를 많아야 세그먼트 하나만큼 늘립니다.
 * 첫 라운드에는 세그먼트 10개가 나갑니다. 네 번째 라운드에서 서버는
 * 세그먼트를 몇 개 보낼까요? 아래의 모델 셀을 실행하기 전에 답하세요.
 */
export function predictDelayedAckGrowth(): number {
  return notImplemented("4.2h");
}

/**
 * 4.2c: slow start (느린 시작) without delayed ACK and with no other limit: the
 * first round sends `initialWindow` segments and every round sends twice as
 * many as the round before. How many rounds (round trips) does a response of
 * `bytes` bytes (bytes >= 0) need? A partly filled last segment is still a
 * segment; 0 bytes need 0 rounds. Use a closed form, not a loop.
 *   slowStartRounds(100_000) → 3   (69 segments: 10 + 20 + 40)
 *
 * 한국어:
 * 4.2c: 확인응답 지연도 다른 제한도 없는 느린 시작(slow start): 첫
 * 라운드에 `initialWindow`개의 세그먼트를 보내고, 라운드마다 앞 라운드의 두
 * 배를 보냅니다. `bytes`바이트(bytes >= 0)짜리 응답에는 라운드(왕복)가 몇 번
 * 필요할까요? 일부만 찬 마지막 세그먼트도 세그먼트 하나이고, 0바이트에는
 * 0라운드가 필요합니다. 반복문이 아니라 닫힌 형태(closed form)의 식을
 * 쓰세요.
 *   slowStartRounds(100_000) → 3   (세그먼트 69개: 10 + 20 + 40)
 */
export function slowStartRounds(bytes: number, initialWindow = 10, mss = 1460): number {
  return notImplemented("4.2c");
}

/**
 * 4.2d: the window that fills the pipe: how many full segments fit on the
 * link in one round trip (the bandwidth-delay product, 대역폭-지연 곱)? Count
 * each segment as mss + 40 bytes on the wire (IP and TCP headers), round down
 * to whole segments, and return at least 1. Once cwnd reaches this number,
 * a bigger window cannot make the transfer faster.
 *   pipeSegments(10_000_000, 100) → 83
 *
 * 한국어:
 * 4.2d: 파이프를 가득 채우는 윈도: 왕복 한 번 동안 링크에 최대 크기
 * 세그먼트가 몇 개 들어갈까요(대역폭-지연 곱, bandwidth-delay product)?
 * 세그먼트 하나는 회선에서 mss + 40바이트(IP 헤더와 TCP 헤더)를 차지한다고
 * 보고, 온전한 세그먼트 수로 내림한 다음, 적어도 1을 돌려주세요. cwnd가 이
 * 수에 이르면 윈도가 더 커져도 전송이 빨라지지 않습니다.
 *   pipeSegments(10_000_000, 100) → 83
 */
export function pipeSegments(bandwidthBps: number, rttMs: number, mss = 1460): number {
  return notImplemented("4.2d");
}

/**
 * 4.2i (predict): restart after idle. One persistent connection, RTT
 * 100 ms; the server sent a 300 KB response and its cwnd grew to about
 * 215 segments. The client now reads for a while before it asks for a
 * second 300 KB response. The server follows RFC 5681 with RFC 6298's
 * minimum retransmission timeout (RTO) of 1 s. What is the server's cwnd, in
 * segments (initial window 10), when it starts sending the second response
 * if the client paused half a second (halfSecond), and if it paused two
 * seconds (twoSeconds)? Answer before you run the model cell below.
 *
 * 한국어:
 * 4.2i (예측): 유휴 후 재시작(restart after idle). 지속 커넥션 하나,
 * 왕복 시간(RTT) 100 ms입니다. 서버는 300 KB 응답을 보냈고 cwnd는 약
 * 215 세그먼트까지 커졌습니다. 클라이언트는 이제 한동안 응답을 읽은 다음에
 * 두 번째 300 KB 응답을 요청합니다. 서버는 RFC 5681을 따르고, 최소 재전송
 * 타임아웃(retransmission timeout, RTO)은 RFC 6298대로 1 s입니다.
 * 클라이언트가 0.5초 쉬었을 때(halfSecond)와 2초 쉬었을 때(twoSeconds),
 * 두 번째 응답을 보내기 시작하는 순간 서버의 cwnd는 세그먼트 몇 개일까요
 * (초기 윈도 10)? 아래의 모델 셀을 실행하기 전에 답하세요.
 */
export function predictCwndAfterIdle(): { halfSecond: number; twoSeconds: number } {
  return notImplemented("4.2i");
}

/**
 * 4.2e: Nagle's algorithm (네이글 알고리즘, RFC 896). The sender has a segment of
 * `segmentBytes` ready and `unackedBytes` bytes sent but not yet
 * acknowledged. Return true when Nagle makes it wait: the segment is smaller
 * than the MSS and something is still unacknowledged. A full-sized segment is
 * never held, and with `nodelay` (TCP_NODELAY) nothing is. Throw a RangeError
 * when segmentBytes is more than mss (no segment can be that large).
 *   nagleWouldHold({ segmentBytes: 100, unackedBytes: 64 }) → true
 *
 * 한국어:
 * 4.2e: 네이글 알고리즘(Nagle's algorithm, RFC 896). 송신자에게는 보낼
 * 준비가 된 `segmentBytes`바이트짜리 세그먼트가 있고, 보냈지만 아직
 * 확인응답받지 못한 바이트가 `unackedBytes`만큼 있습니다. 네이글 알고리즘이
 * 이 세그먼트를 기다리게 하면 true를 돌려주세요. 세그먼트가 MSS보다 작고,
 * 확인응답되지 않은 것이 아직 남아 있을 때입니다. 최대 크기 세그먼트는
 * 절대 붙잡지 않고, `nodelay`(TCP_NODELAY)이면 아무것도 붙잡지 않습니다.
 * segmentBytes가 mss보다 크면 RangeError를 던지세요(그렇게 큰 세그먼트는
 * 있을 수 없습니다).
 *   nagleWouldHold({ segmentBytes: 100, unackedBytes: 64 }) → true
 */
export function nagleWouldHold(input: { segmentBytes: number; unackedBytes: number; mss?: number; nodelay?: boolean }): boolean {
  return notImplemented("4.2e");
}

/**
 * 4.2f: the write-write-read stall. On an open, idle connection a client
 * makes all its `writes` at t = 0 (one request; the whole request fits in
 * the initial window, at most 10 segments). The link adds rttMs / 2 each way
 * and has unlimited bandwidth; the server has nothing to send back and ACKs
 * by the rules of 4.2b. Return how much later the server has the whole
 * request with classic Nagle on than with TCP_NODELAY (which delivers all of
 * it at rttMs / 2). The stream is cut into segments in order:
 *  - the first segment (up to mss bytes) leaves at once: nothing is unACKed;
 *  - after it, every full-sized segment leaves too (Nagle never holds those);
 *  - a smaller tail is held until every byte sent before it is ACKed, and
 *    then leaves: it arrives rttMs / 2 after that ACK reaches the client.
 *   nagleStallMs({ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }) → 140
 *
 * 한국어:
 * 4.2f: 쓰기-쓰기-읽기 멈춤(write-write-read stall). 열려 있고 한가한
 * 커넥션에서 클라이언트가 t = 0에 `writes`의 쓰기를 모두 합니다(요청 하나이며,
 * 요청 전체가 초기 윈도, 즉 많아야 세그먼트 10개 안에 들어갑니다). 링크는
 * 한 방향마다 rttMs / 2가 걸리고 대역폭은 무제한입니다. 서버는 돌려보낼
 * 것이 없고 4.2b의 규칙대로 ACK를 보냅니다. classic 네이글 알고리즘을
 * 켰을 때 서버가 요청 전체를 갖게 되는 시각이, TCP_NODELAY일 때(요청 전체가
 * rttMs / 2에 도착합니다)보다 얼마나 늦은지 돌려주세요. 스트림은 순서대로
 * 세그먼트로 잘립니다.
 *  - 첫 세그먼트(최대 mss바이트)는 곧바로 나갑니다. 확인응답되지 않은 것이
 *    없기 때문입니다.
 *  - 그 뒤의 최대 크기 세그먼트도 모두 나갑니다(네이글 알고리즘은 이런
 *    세그먼트를 붙잡지 않습니다).
 *  - 그보다 작은 꼬리 세그먼트는 앞서 보낸 바이트가 모두 확인응답될 때까지
 *    붙잡혀 있다가 나갑니다. 그 ACK가 클라이언트에 도착하고 rttMs / 2 뒤에
 *    서버에 도착합니다.
 *   nagleStallMs({ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }) → 140
 */
export function nagleStallMs(input: { writes: number[]; rttMs: number; delayedAckMs: number; mss?: number }): number {
  return notImplemented("4.2f");
}

/**
 * 4.2k (measure): the Nagle lab (npm run workbook -- lab nagle, or runLab in
 * the notebook) sends each request as two small writes (64 + 64 bytes) on one
 * loopback connection and times it three ways: Nagle on, TCP_NODELAY, and
 * Nagle on with the request in one write. Predict, for your machine:
 *  - stallMs: how much longer one request takes with Nagle on and two writes
 *    than with TCP_NODELAY (the median, in ms);
 *  - removedBy: which change removes that stall: "TCP_NODELAY" only,
 *    "one write" only, "either" of them, or "neither".
 * The check compares your prediction with your own saved measurement.
 *
 * 한국어:
 * 4.2k (측정): 네이글 실험(lab)은 루프백 커넥션 하나에서 요청마다 작은
 * 쓰기 두 번(64 + 64바이트)으로 보내고, 세 가지 방식으로 시간을 잽니다.
 * 네이글 알고리즘을 켠 채로, TCP_NODELAY로, 그리고 네이글 알고리즘을 켠 채
 * 요청을 한 번에 써서 잽니다(실행: npm run workbook -- lab nagle, 또는
 * 노트북의 runLab). 여러분의 컴퓨터에 대해 다음을 예측하세요.
 *  - stallMs: 네이글 알고리즘을 켜고 두 번 나눠 쓸 때 요청 하나가
 *    TCP_NODELAY일 때보다 얼마나 더 오래 걸리는지(중앙값, ms)
 *  - removedBy: 그 멈춤을 없애는 변경. "TCP_NODELAY"만, "one write"(한 번에
 *    쓰기)만, 둘 중 "either"(어느 쪽이든), 또는 "neither"(둘 다 아님)
 * 검사는 여러분의 예측을 여러분이 직접 측정해 저장한 값과 비교합니다.
 */
export function predictNagleLab(): { stallMs: number; removedBy: "TCP_NODELAY" | "one write" | "either" | "neither" } {
  return notImplemented("4.2k");
}

/**
 * 4.2j (predict): an HTTP/1.0 server closes every connection as soon as it
 * has sent the response (it sends the first FIN); each client closes its end
 * when it sees that. The server handles 1000 connections a second. Which
 * host holds the TIME_WAIT entries these connections leave: the "client",
 * the "server", "both", or "neither"? Answer before you run the model cell
 * below.
 *
 * 한국어:
 * 4.2j (예측): HTTP/1.0 서버가 응답을 보내자마자 모든 커넥션을 닫습니다(첫
 * FIN을 보냅니다). 각 클라이언트는 그것을 보고 자기 쪽을 닫습니다. 서버는
 * 초당 1000 커넥션을 처리합니다. 이 커넥션들이 남기는 TIME_WAIT 항목을
 * 떠안는 호스트는 어느 쪽일까요? "client"(클라이언트), "server"(서버),
 * "both"(둘 다), "neither"(어느 쪽도 아님) 중에서 고르세요. 아래의 모델
 * 셀을 실행하기 전에 답하세요.
 */
export function predictTimeWaitHolder(): "client" | "server" | "both" | "neither" {
  return notImplemented("4.2j");
}

/**
 * 4.2g: TIME_WAIT and port exhaustion (TIME_WAIT 누적과 포트 고갈). A client
 * opens short connections to one server address and port and closes each one
 * first, so each local port sits in TIME_WAIT for `timeWaitSeconds` before it
 * can be used again. `ports` is the inclusive ephemeral range. Return
 *  - ceiling: the most new connections per second it can keep up forever;
 *  - exhaustedAfterSeconds: at `connectionsPerSecond`, when the last free port
 *    is taken (null when the rate is at or below the ceiling).
 *   portBudget({ low: 32768, high: 60999 }, 60, 1000)
 *     → { ceiling: 470.53..., exhaustedAfterSeconds: 28.232 }
 *
 * 한국어:
 * 4.2g: TIME_WAIT 누적과 포트 고갈. 클라이언트가 한 서버 주소와 포트로 짧은
 * 커넥션을 열고, 매번 자기가 먼저 닫습니다. 그래서 로컬 포트 하나하나가
 * `timeWaitSeconds` 동안 TIME_WAIT에 머문 뒤에야 다시 쓰일 수 있습니다.
 * `ports`는 임시 포트(ephemeral port)의 범위이며 양 끝을 포함합니다. 다음을
 * 돌려주세요.
 *  - ceiling: 영원히 유지할 수 있는 초당 새 커넥션 수의 최댓값
 *  - exhaustedAfterSeconds: `connectionsPerSecond`의 속도로 열 때 마지막 빈
 *    포트가 쓰이는 시각(초). 속도가 상한 이하이면 null
 *   portBudget({ low: 32768, high: 60999 }, 60, 1000)
 *     → { ceiling: 470.53..., exhaustedAfterSeconds: 28.232 }
 */
export function portBudget(
  ports: { low: number; high: number },
  timeWaitSeconds: number,
  connectionsPerSecond: number,
): { ceiling: number; exhaustedAfterSeconds: number | null } {
  return notImplemented("4.2g");
}

/**
 * 4.2l (measure): the TIME_WAIT lab (npm run workbook -- lab time-wait, or
 * runLab in the notebook; Linux only) opens and closes a batch of
 * connections on loopback twice, once with the client closing first and
 * once with the server closing first, and counts the TIME_WAIT entries at
 * each end. Predict:
 *  - perConnection: how many TIME_WAIT entries one closed connection leaves,
 *    counting both ends;
 *  - heldBy: which end holds them.
 * The check compares your prediction with your own saved measurement.
 *
 * 한국어:
 * 4.2l (측정): TIME_WAIT 실험은 루프백에서 커넥션 한 묶음을 열고 닫기를
 * 두 번 합니다. 한 번은 클라이언트가 먼저 끊고, 한 번은 서버가 먼저
 * 끊습니다. 그리고 양 끝에서 TIME_WAIT 항목을 셉니다(리눅스 전용. 실행:
 * npm run workbook -- lab time-wait, 또는 노트북의 runLab). 다음을
 * 예측하세요.
 *  - perConnection: 닫힌 커넥션 하나가 양 끝을 합쳐 TIME_WAIT 항목을 몇 개
 *    남기는지
 *  - heldBy: 어느 쪽이 그 항목을 갖는지. 다음 중 하나입니다.
 *    "the side that closes first"(먼저 끊는 쪽),
 *    "the side that closes second"(나중에 끊는 쪽),
 *    "always the client"(언제나 클라이언트), "always the server"(언제나 서버),
 *    "both sides"(양쪽 모두)
 * 검사는 여러분의 예측을 여러분이 직접 측정해 저장한 값과 비교합니다.
 */
export function predictTimeWaitLab(): {
  perConnection: number;
  heldBy: "the side that closes first" | "the side that closes second" | "always the client" | "always the server" | "both sides";
} {
  return notImplemented("4.2l");
}
