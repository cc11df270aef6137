/**
 * Exercises for 4.8 Multiplexing and beyond (다중 커넥션과 그 이후).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.8a")` in notebooks/4.8-multiplexing-and-beyond.ipynb or `npm test`.
 *
 * 한국어:
 * 4.8절 '다중 커넥션과 그 이후'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.8-multiplexing-and-beyond.ipynb에서 `await check("4.8a")`를
 * 실행하거나 `npm test`를 실행하세요.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * One batch of requests on one open HTTP/2 connection (4.8a).
 * 한국어: 열려 있는 HTTP/2 커넥션 하나에 보내는 요청 묶음 하나(4.8a).
 */
export interface MultiplexedBatch {
  /**
   * the server's think time for each request, ms (request order)
   * 한국어: 요청마다 서버가 처리하는 데 드는 시간, ms (요청 순서)
   */
  serverMs: number[];
  /**
   * the size of each response, bytes (same length as serverMs)
   * 한국어: 각 응답의 크기, 바이트 (serverMs와 길이가 같음)
   */
  bytes: number[];
  /**
   * round-trip time, ms
   * 한국어: 왕복 시간(RTT), ms
   */
  rttMs: number;
  /**
   * bits/s of the path; Infinity when sending takes no time
   * 한국어: 경로의 전송률, bits/s. 보내는 데 시간이 들지 않으면 Infinity
   */
  bandwidthBps: number;
}

/**
 * 4.8a: responses on a multiplexed connection (HTTP/2 streams). The client
 * writes every request at t = 0 on an open connection; they all reach the
 * server rttMs / 2 later. Response i is ready serverMs[i] after that. Each
 * response is handed to the connection whole as soon as it is ready, in
 * whatever order they become ready (ties: lower index first). The connection
 * sends one response at a time: a response starts when it is ready and the
 * previous one has been sent, and occupies the link for as long as its bytes
 * take at bandwidthBps (bits per second). Its last byte reaches the client
 * rttMs / 2 after it leaves.
 * Return when each response is complete at the client, in request order.
 * Throw a RangeError when serverMs and bytes differ in length.
 *   multiplexedDoneTimes({ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 })
 *   → [130, 30, 40]
 *
 * 한국어:
 * 4.8a: 다중화된 커넥션(multiplexed connection, HTTP/2 스트림) 위의
 * 응답들. 클라이언트는 열려 있는 커넥션에 t = 0에 모든 요청을 쓰고, 요청은
 * 모두 rttMs / 2 뒤에 서버에 도착합니다. 응답 i는 그로부터 serverMs[i] 뒤에
 * 준비됩니다. 각 응답은 준비되는 즉시, 준비되는 순서가 어떻든 통째로
 * 커넥션에 넘겨집니다(동시에 준비되면 인덱스가 작은 것부터). 커넥션은 한
 * 번에 응답 하나를 보냅니다. 응답은 준비가 끝나고 앞의 응답을 다 보낸
 * 뒤에 나가기 시작하며, 그 바이트를 bandwidthBps(초당 비트)로 보내는 데 걸리는
 * 시간 동안 링크를 차지합니다. 응답의 마지막 바이트는 나가고 rttMs / 2 뒤에
 * 클라이언트에 도착합니다.
 * 각 응답이 클라이언트에서 완료되는 시각을 요청 순서대로 돌려주세요.
 * serverMs와 bytes의 길이가 다르면 RangeError를 던지세요.
 *   multiplexedDoneTimes({ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 })
 *   → [130, 30, 40]
 */
export function multiplexedDoneTimes(batch: MultiplexedBatch): number[] {
  return notImplemented("4.8a");
}

/**
 * 4.8b: how many TCP connections does a page open? `urls` lists every
 * request the page makes, all wanted at once. Under HTTP/1.1 a browser opens
 * up to `perOrigin` connections to each origin (never more than it has
 * requests for that origin); under HTTP/2 it opens exactly one per origin
 * (RFC 9113 9.1; no connection coalescing). An origin is scheme, host and
 * port, with the scheme's default port filled in: "https://a.example/" and
 * "https://a.example:443/" are one origin, "http://a.example/" another.
 * Throw a TypeError for a string that is not an absolute URL and a
 * RangeError when perOrigin is not a whole number >= 1.
 *   connectionsForPage(["https://a.example/1.png", "https://a.example/2.png", "https://b.example/x.css"])
 *   → { http1: 3, http2: 2 }
 *
 * 한국어:
 * 4.8b: 한 페이지는 TCP 커넥션을 몇 개 열까요? `urls`는 페이지가 하는 모든
 * 요청이며, 모두 한꺼번에 필요합니다. HTTP/1.1에서 브라우저는 오리진
 * (origin)마다 커넥션을 `perOrigin`개까지 엽니다(그 오리진에 보낼 요청
 * 수보다 많이 열지는 않습니다). HTTP/2에서는 오리진마다 정확히 하나를
 * 엽니다(RFC 9113 9.1, 커넥션 병합(connection coalescing)은 없음).
 * 오리진은 스킴, 호스트, 포트이며, 포트가 없으면 스킴의 기본 포트로
 * 채웁니다. "https://a.example/"과 "https://a.example:443/"은 같은
 * 오리진이고, "http://a.example/"은 다른 오리진입니다.
 * 절대 URL이 아닌 문자열에는 TypeError를, perOrigin이 1 이상의 정수가
 * 아니면 RangeError를 던지세요.
 *   connectionsForPage(["https://a.example/1.png", "https://a.example/2.png", "https://b.example/x.css"])
 *   → { http1: 3, http2: 2 }
 */
export function connectionsForPage(urls: string[], perOrigin = 6): { http1: number; http2: number } {
  return notImplemented("4.8b");
}

/**
 * Your prediction for 4.8c: time to first byte on a new connection, ms.
 * 한국어: 4.8c에 대한 여러분의 예측: 새 커넥션에서 첫 바이트까지의 시간, ms.
 */
export interface FirstByteTimes {
  /**
   * over TCP with TLS 1.3 (HTTP/2)
   * 한국어: TLS 1.3을 쓰는 TCP에서(HTTP/2)
   */
  tcpTls13: number;
  /**
   * over QUIC (HTTP/3)
   * 한국어: QUIC에서(HTTP/3)
   */
  quic: number;
}

/**
 * 4.8c (predict): a browser opens a new connection to a server 80 ms away
 * (round-trip time) and sends one GET; the server needs 20 ms to produce the
 * response. No DNS, nothing lost, sending takes no time. TCP's handshake is
 * the one of notebook 4.1; TLS 1.3's own handshake needs one round trip, and
 * over TCP it can begin only once TCP's handshake is done; QUIC carries the
 * TLS 1.3 handshake inside its own first packets. How many ms after the
 * browser's first packet does the first byte of the response arrive, over
 * TCP + TLS 1.3 and over QUIC? Answer before you run the model cell below
 * it in notebook 4.8.
 *
 * 한국어:
 * 4.8c (예측): 브라우저가 80 ms 떨어진(왕복 시간 기준) 서버에 새 커넥션을
 * 열고 GET 하나를 보냅니다. 서버가 응답을 만드는 데 20 ms가 걸립니다.
 * DNS도, 손실도 없고, 보내는 데 시간이 들지 않습니다. TCP 핸드셰이크는
 * 노트북 4.1의 것입니다. TLS 1.3의 자체 핸드셰이크에는 왕복 한 번이
 * 필요하고, TCP 위에서는 TCP 핸드셰이크가 끝나야 시작할 수 있습니다.
 * QUIC은 TLS 1.3 핸드셰이크를 자신의 첫 패킷들 안에 싣습니다. TCP + TLS
 * 1.3과 QUIC에서 각각, 브라우저의 첫 패킷부터 몇 ms 뒤에 응답의 첫 바이트가
 * 도착할까요? 노트북 4.8에서 이 문제 아래에 있는 모델 셀을 실행하기 전에
 * 답하세요.
 */
export function predictTimeToFirstByte(): FirstByteTimes {
  return notImplemented("4.8c");
}

/**
 * 4.8d: what you expect the multiplex lab to measure, and what you conclude from it.
 * 한국어: 4.8d: 다중화 실험(lab)이 측정할 것에 대한 예상과, 그 결과에서 내리는 결론.
 */
export interface MultiplexLabPrediction {
  /**
   * which protocol has all its quick responses complete first
   * 한국어: 빠른 응답들이 모두 먼저 완료되는 프로토콜
   */
  quickFirst: "http1.1-pipelined" | "http2";
  /**
   * the time until HTTP/2's quick responses are all complete, as a fraction
   * of the time until the same quick responses are complete over HTTP/1.1
   * pipelining (1: no faster; 0.5: in half the time)
   *
   * 한국어:
   * HTTP/2에서 빠른 응답들이 모두 완료될 때까지의 시간을, 같은 빠른 응답들을
   * HTTP/1.1 파이프라이닝으로 받을 때 모두 완료될 때까지의 시간에 대한
   * 비율로 나타낸 값(1: 전혀 빠르지 않음, 0.5: 절반의 시간)
   */
  http2QuickShare: number;
  /**
   * what held the quick responses back over HTTP/1.1
   * 한국어: HTTP/1.1에서 빠른 응답들을 붙잡아 둔 것
   * ("response-order": 응답 순서, "one-tcp-connection": TCP 커넥션 하나, "busy-server": 바쁜 서버)
   */
  conclusion: "response-order" | "one-tcp-connection" | "busy-server";
}

/**
 * 4.8d (measure): the multiplex lab (notebook 4.8 section 2, or
 * `npm run workbook -- lab multiplex`) sends the same batch on one connection
 * twice: as HTTP/1.1 requests pipelined to node:http, and as HTTP/2 streams
 * to node:http2. Request 0 takes the server 30 to 50 ms; the others are
 * answered at once. Predict which protocol gets the quick responses out
 * first, roughly the ratio of their times, and what held them back. Write it
 * before you run the lab: the check compares it with your own measurement.
 *
 * 한국어:
 * 4.8d (측정): 다중화 실험(노트북 4.8 2절, 또는
 * `npm run workbook -- lab multiplex`)은 같은 요청 묶음을 커넥션 하나에서
 * 두 번 보냅니다. 한 번은 node:http에 HTTP/1.1 요청을 파이프라인으로, 한
 * 번은 node:http2에 HTTP/2 스트림으로 보냅니다. 서버는 요청 0을 처리하는 데
 * 30~50 ms가 걸리고, 나머지 요청에는 곧바로 응답합니다. 어느 프로토콜이
 * 빠른 응답들을 먼저 내보내는지, 두 시간의 대략적인 비율, 그리고 무엇이
 * 빠른 응답들을 붙잡아 두었는지 예측하세요. 실험을 실행하기 전에 적으세요.
 * 검사는 그것을 여러분 자신의 측정값과 비교합니다.
 */
export function predictMultiplexLab(): MultiplexLabPrediction {
  return notImplemented("4.8d");
}

/**
 * Your prediction for 4.8e.
 * 한국어: 4.8e에 대한 여러분의 예측.
 */
export interface LossStall {
  /**
   * of the three streams, how many finish later than they would have without the loss, over HTTP/2 on TCP
   * 한국어: 세 스트림 가운데, TCP 위의 HTTP/2에서 손실이 없었을 때보다 늦게 끝나는 스트림의 수
   */
  tcpStalledStreams: number;
  /**
   * the same over HTTP/3 on QUIC
   * 한국어: QUIC 위의 HTTP/3에서 같은 수
   */
  quicStalledStreams: number;
  /**
   * how long after packet 2 should have arrived does its copy arrive, in round-trip times (1 = one RTT)
   * 한국어: 패킷 2가 도착했어야 할 때부터 그 사본이 도착할 때까지의 시간, 왕복 시간 단위(1 = RTT 한 번)
   */
  repairRtts: number;
}

/**
 * 4.8e (predict): one connection carries three streams A, B and C; nine full
 * packets go out back to back, round robin (A B C A B C A B C), on a
 * 10 Mbit/s link (1.2 ms per packet) with a 100 ms RTT. Packet 2 (stream B)
 * is lost; everything else arrives. The receiver acknowledges every packet
 * at once, and the sender repairs the loss the way notebook 4.8 section 4
 * describes. Predict how many of the three streams are held back by the loss
 * over HTTP/2 (one TCP connection) and over HTTP/3 (QUIC), and how long the
 * repair takes. Answer before you run the cell below it in notebook 4.8.
 *
 * 한국어:
 * 4.8e (예측): 커넥션 하나가 스트림 A, B, C 세 개를 나릅니다. 꽉 찬 패킷
 * 아홉 개가 라운드 로빈으로(A B C A B C A B C) 연달아 나가며, 링크는
 * 10 Mbit/s(패킷당 1.2 ms), RTT는 100 ms입니다. 패킷 2(스트림 B)를 잃고
 * 나머지는 모두 도착합니다. 수신 측은 모든 패킷을 곧바로 확인응답하고,
 * 송신 측은 노트북 4.8 4절에서 설명한 방식으로 손실을 복구합니다.
 * HTTP/2(TCP 커넥션 하나)와 HTTP/3(QUIC)에서 각각 세 스트림 가운데 몇 개가
 * 손실 때문에 늦어지는지, 그리고 복구에 얼마나 걸리는지 예측하세요. 노트북
 * 4.8에서 이 문제 아래에 있는 셀을 실행하기 전에 답하세요.
 */
export function predictLossStall(): LossStall {
  return notImplemented("4.8e");
}

/**
 * HTTP/1.1 over six connections, HTTP/2, HTTP/3 (4.8f).
 * 한국어: 커넥션 여섯 개 위의 HTTP/1.1, HTTP/2, HTTP/3(4.8f).
 */
export type HttpVersion = "http1.1" | "http2" | "http3";

/**
 * Your prediction for 4.8f: the three versions, fastest median page load first.
 * 한국어: 4.8f에 대한 여러분의 예측: 세 버전을 페이지 로드 시간의 중앙값이 빠른 것부터.
 */
export interface LossRanking {
  /**
   * with no loss
   * 한국어: 손실이 없을 때
   */
  noLoss: HttpVersion[];
  /**
   * with 5 % of the packets lost in each direction
   * 한국어: 방향마다 패킷의 5 %를 잃을 때
   */
  fivePercent: HttpVersion[];
}

/**
 * 4.8f (predict): a page of 42 KB of HTML and 42 objects of 3 KB is loaded
 * over a 100 ms, 10 Mbit/s path, all encrypted: "http1.1" on six persistent
 * TCP connections with TLS 1.3 (one request at a time on each), "http2" on
 * one TCP connection with TLS 1.3 and every request multiplexed, "http3" on
 * one QUIC connection. TCP is the "linux" stack profile. Each is loaded 9
 * times with different random losses. Rank the three by their median
 * page-load time, fastest first, once with no loss and once with 5 % of the
 * packets lost. Answer before you run the cells below it in notebook 4.8
 * (section 6).
 *
 * 한국어:
 * 4.8f (예측): HTML 42 KB와 3 KB짜리 객체 42개로 된 페이지를 100 ms,
 * 10 Mbit/s 경로로 받습니다. 모두 암호화합니다. "http1.1"은 TLS 1.3을 쓰는
 * 지속 TCP 커넥션 여섯 개(커넥션마다 한 번에 요청 하나), "http2"는 TLS 1.3을
 * 쓰는 TCP 커넥션 하나에 모든 요청을 다중화, "http3"는 QUIC 커넥션 하나입니다.
 * TCP는 "linux" 스택 프로필입니다. 각각을 손실이 무작위로 다르게 나도록 9번
 * 받습니다. 페이지 로드 시간의 중앙값이 빠른 것부터 세 버전의 순위를 매기세요.
 * 손실이 없을 때 한 번, 패킷의 5 %를 잃을 때 한 번입니다. 노트북 4.8(6절)에서
 * 이 문제 아래의 셀들을 실행하기 전에 답하세요.
 */
export function predictLossRanking(): LossRanking {
  return notImplemented("4.8f");
}

/**
 * Your prediction for 4.8g: how much later object 4 completes than without the loss, ms.
 * 한국어: 4.8g에 대한 여러분의 예측: 손실이 없을 때보다 객체 4가 몇 ms 늦게 완료되는지.
 */
export interface OneLossDelay {
  /**
   * over HTTP/2 (one TCP connection)
   * 한국어: HTTP/2(TCP 커넥션 하나)에서
   */
  http2Ms: number;
  /**
   * over HTTP/3 (one QUIC connection)
   * 한국어: HTTP/3(QUIC 커넥션 하나)에서
   */
  http3Ms: number;
}

/**
 * 4.8g (predict): the page of 4.8f on a 50 ms, 10 Mbit/s path, with no
 * random loss. The server sends the 42 responses one after another, and
 * exactly one packet is lost: the one in the middle of object 3's response.
 * By how many ms does object 4, the next response, complete later than it
 * would have without the loss, over HTTP/2 and over HTTP/3? Answer before
 * you run the cells below it in notebook 4.8 (section 6).
 *
 * 한국어:
 * 4.8g (예측): 4.8f의 페이지를 50 ms, 10 Mbit/s 경로로 받으며, 무작위 손실은
 * 없습니다. 서버는 응답 42개를 차례로 보내고, 딱 패킷 하나를 잃습니다. 객체 3
 * 응답의 한가운데에 있는 패킷입니다. 바로 다음 응답인 객체 4는 손실이 없었을
 * 때보다 몇 ms 늦게 완료될까요? HTTP/2와 HTTP/3 각각에 대해 답하세요. 노트북
 * 4.8(6절)에서 이 문제 아래의 셀들을 실행하기 전에 답하세요.
 */
export function predictOneLossDelay(): OneLossDelay {
  return notImplemented("4.8g");
}
