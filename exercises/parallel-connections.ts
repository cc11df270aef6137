/**
 * Exercises for 4.4 Parallel connections (병렬 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.4a")` in notebooks/4.4-parallel-connections.ipynb or `npm test`.
 *
 * 4.4a and 4.4c are back-of-the-envelope models. The situation they assume,
 * to keep the arithmetic honest:
 *   - a packet takes rttMs / 2 to cross the network, in either direction;
 *   - a new connection must finish its handshake (SYN out, SYN-ACK back)
 *     before its request may leave; the request is small: sending it takes
 *     only its trip to the server;
 *   - the server answers at once; closing a connection costs nothing;
 *   - the response's bytes cross one link of bandwidthBps bits per second,
 *     one after another; the connection is wide open (no slow start), and
 *     TCP/IP headers and ACKs take no room on the link.
 *
 * 한국어:
 * 4.4절 '병렬 커넥션'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.4-parallel-connections.ipynb에서 `await check("4.4a")`를
 * 실행하거나 `npm test`를 실행하세요.
 *
 * 4.4a와 4.4c는 어림 계산(back-of-the-envelope) 모델입니다. 계산이 정직하도록
 * 다음 상황을 가정합니다.
 *   - 패킷은 어느 방향으로든 네트워크를 건너는 데 rttMs / 2가 걸립니다.
 *   - 새 커넥션은 핸드셰이크(SYN이 나가고 SYN-ACK가 돌아옴)를 마쳐야 요청을
 *     보낼 수 있습니다. 요청은 작아서, 보내는 데 서버까지 가는 시간만
 *     듭니다.
 *   - 서버는 곧바로 응답하고, 커넥션을 닫는 데는 비용이 들지 않습니다.
 *   - 응답의 바이트는 초당 bandwidthBps비트를 나르는 링크 하나를 하나씩
 *     차례로 지납니다. 커넥션은 활짝 열려 있고(느린 시작 없음), TCP/IP
 *     헤더와 ACK는 링크에서 자리를 차지하지 않습니다.
 */
import { notImplemented } from "../lib/workbook/not-implemented";
import type { Page } from "../lib/http/page-load";
// 4.4d: simulatePageLoad runs a page load on the simulated TCP of lib/sim.
// 한국어: 4.4d: simulatePageLoad는 lib/sim의 시뮬레이션 TCP 위에서 페이지 로드를 실행합니다.
import { simulatePageLoad } from "../lib/http/page-load";

/**
 * 4.4a: how long does a page take to load serially (순차적인 트랜잭션 처리), one
 * new connection per response, each starting only when the one before it has
 * fully arrived? The HTML first, then each object, in the situation described
 * at the top of this file. Return ms from the first SYN to the last byte.
 *   serialLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] }) → 680
 *
 * 한국어:
 * 4.4a: 페이지를 순차적으로(순차적인 트랜잭션 처리) 불러오면 얼마나
 * 걸릴까요? 응답마다 새 커넥션을 하나씩 쓰고, 각 커넥션은 앞의 응답이
 * 완전히 도착해야 시작합니다. HTML이 먼저, 그다음 각 객체이며, 상황은 이
 * 파일 맨 위에 적은 그대로입니다. 첫 SYN부터 마지막 바이트까지의 ms를
 * 돌려주세요.
 *   serialLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] }) → 680
 */
export function serialLoadMs(input: { rttMs: number; bandwidthBps: number; htmlBytes: number; objectBytes: number[] }): number {
  return notImplemented("4.4a");
}

/**
 * 4.4b (predict): a page of 10 kB of HTML and ten images of 4 kB each, on a
 * 100 ms round trip and a 10 Mbit/s link. The browser opens at most 4
 * connections at once, one image per connection, each closed after its
 * response; when one finishes, the next image starts on a new connection.
 * The simulator (simulatePageLoad, strategy "parallel") has the HTML complete
 * at 208.6 ms. At what time, in ms, is the last image complete? Answer within
 * 50 ms, before you run the waterfall cell below the check.
 *
 * 한국어:
 * 4.4b (예측): HTML 10 kB와 4 kB짜리 이미지 열 개로 이루어진 페이지를,
 * 왕복 시간 100 ms, 10 Mbit/s 링크에서 불러옵니다. 브라우저는 한 번에
 * 커넥션을 최대 4개까지 열고, 커넥션 하나에 이미지 하나를 받으며, 응답이
 * 끝나면 그 커넥션을 닫습니다. 하나가 끝나면 다음 이미지가 새 커넥션에서
 * 시작합니다. 시뮬레이터(simulatePageLoad, 전략 "parallel")에서 HTML은
 * 208.6 ms에 완료됩니다. 마지막 이미지는 몇 ms에 완료될까요? 오차 50 ms
 * 이내로, 검사 셀 아래의 워터폴(waterfall) 셀을 실행하기 전에 답하세요.
 */
export function predictTenImagesMs(): number {
  return notImplemented("4.4b");
}

/**
 * 4.4c: the same page loaded with parallel connections (병렬 커넥션): the HTML
 * on its own connection, then `objectCount` objects of `objectBytes` bytes
 * each, in rounds of at most `maxConnections` new connections at once. All
 * the connections of a round share one link: together they still cannot move
 * more than bandwidthBps. A round starts when the previous one has finished.
 * The situation is the one at the top of this file.
 *   parallelLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 }) → 1080
 *
 * 한국어:
 * 4.4c: 같은 페이지를 병렬 커넥션(parallel connection)으로 불러옵니다.
 * HTML은 자기 커넥션에서 받고, 그다음 `objectBytes`바이트짜리 객체
 * `objectCount`개를, 라운드마다 새 커넥션을 한꺼번에 최대
 * `maxConnections`개까지 열어 받습니다. 한 라운드의 커넥션은 모두 링크
 * 하나를 나눠 씁니다. 다 합쳐도 bandwidthBps보다 많이 나를 수는 없습니다.
 * 라운드는 앞 라운드가 끝나야 시작합니다. 상황은 이 파일 맨 위에 적은
 * 그대로입니다.
 *   parallelLoadMs({ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 }) → 1080
 */
export interface ParallelPage {
  rttMs: number;
  bandwidthBps: number;
  htmlBytes: number;
  objectCount: number;
  objectBytes: number;
  maxConnections: number;
}

export function parallelLoadMs(input: ParallelPage): number {
  return notImplemented("4.4c");
}

/**
 * 4.4d: more connections cost memory on both ends and load on the server
 * (4.4.2), so a browser should use no more than it needs. Using the simulator
 * (simulatePageLoad with strategy "parallel"), return the smallest number of
 * connections N between 1 and `limit` whose load time is within `tolerance`
 * (0.05 = 5 %) of the fastest load time any N in 1..limit achieves.
 *
 * 한국어:
 * 4.4d: 커넥션이 많아지면 양 끝에서 메모리가 들고 서버의 부하가 커지므로
 * (4.4.2), 브라우저는 필요한 만큼만 커넥션을 써야 합니다. 시뮬레이터(전략
 * "parallel"의 simulatePageLoad)로 1부터 `limit`까지의 각 N을 돌려 보고,
 * 그중 가장 빠른 로드 시간과 비교해 많아야 `tolerance`(0.05 = 5 %)만큼만
 * 더 걸리는 가장 작은 커넥션 수 N을 돌려주세요.
 */
export function enoughConnections(input: { page: Page; rttMs: number; bandwidthBps: number; limit: number; tolerance: number }): number {
  return notImplemented("4.4d");
}

/**
 * 4.4e and 4.4f: which load finishes first, or do they finish within 5 % of each other?
 * 한국어: 4.4e와 4.4f: 어느 로드가 먼저 끝날까요, 아니면 서로 5 % 안에서 끝날까요?
 * ("parallel": 병렬 커넥션, "persistent": 지속 커넥션, "about the same": 비슷함)
 */
export type Faster = "parallel" | "persistent" | "about the same";

/**
 * 4.4e (predict): a page of 10 kB of HTML and four 50 kB images, on a short
 * round trip (20 ms) and a thin link (1 Mbit/s). Two browsers load it:
 *   - "parallel": the HTML, then the four images on four new connections at once;
 *   - "persistent": one connection for everything, reused for each image in turn.
 * Which finishes first in the simulator (simulatePageLoad)? Answer
 * "about the same" when the slower one takes at most 5 % longer than the
 * faster. Answer before you run the model cell below the check.
 *
 * 한국어:
 * 4.4e (예측): HTML 10 kB와 50 kB짜리 이미지 네 개로 이루어진 페이지를,
 * 짧은 왕복 시간(20 ms)과 좁은 링크(1 Mbit/s)에서 불러옵니다. 두 브라우저가
 * 이 페이지를 불러옵니다.
 *   - "parallel": HTML을 받은 다음, 이미지 네 개를 새 커넥션 네 개로
 *     한꺼번에 받습니다(병렬 커넥션).
 *   - "persistent": 모든 것에 커넥션 하나를 쓰고, 이미지마다 차례로
 *     재사용합니다(지속 커넥션).
 * 시뮬레이터(simulatePageLoad)에서 어느 쪽이 먼저 끝날까요? 느린 쪽이 빠른
 * 쪽보다 많아야 5 % 더 걸리면 "about the same"이라고 답하세요. 검사 셀
 * 아래의 모델 셀을 실행하기 전에 답하세요.
 */
export function predictThinLinkFaster(): Faster {
  return notImplemented("4.4e");
}

/**
 * 4.4f (predict): the same page and the same two browsers as 4.4e, on a long
 * round trip (200 ms) and a fat link (50 Mbit/s). Which finishes first, or
 * "about the same" (within 5 %)?
 *
 * 한국어:
 * 4.4f (예측): 4.4e와 같은 페이지, 같은 두 브라우저를 긴 왕복 시간
 * (200 ms)과 굵은 링크(50 Mbit/s)에서 봅니다. 어느 쪽이 먼저 끝날까요,
 * 아니면 "about the same"(5 % 이내)일까요?
 */
export function predictLongFatLinkFaster(): Faster {
  return notImplemented("4.4f");
}
