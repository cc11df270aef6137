/**
 * Exercises for 4.6 Pipelined connections (파이프라인 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.6a")` in notebooks/4.6-pipelined-connections.ipynb or `npm test`.
 *
 * 한국어:
 * 4.6절 '파이프라인 커넥션'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.6-pipelined-connections.ipynb에서 `await check("4.6a")`를
 * 실행하거나 `npm test`를 실행하세요.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.6a: a client pipelined requests with these `methods` (index 0 first) on
 * one connection; the server answered the first `answered` of them
 * (0 <= answered <= methods.length) and then closed the connection. Which
 * requests does the client resend on a new connection by itself, and which
 * must it report as failed? Only idempotent methods (GET, HEAD, PUT, DELETE,
 * OPTIONS, TRACE; names are case-sensitive) may be resent. Indexes ascending.
 *   afterEarlyClose(["GET", "GET", "POST", "PUT"], 1) → { resend: [1, 3], fail: [2] }
 *
 * 한국어:
 * 4.6a: 클라이언트가 커넥션 하나에서 이 `methods`의 요청들을 파이프라인으로
 * 보냈습니다(인덱스 0이 맨 처음). 서버는 그중 처음 `answered`개에 응답하고
 * (0 <= answered <= methods.length) 커넥션을 닫았습니다. 클라이언트가 새
 * 커넥션에서 스스로 다시 보낼 요청은 어느 것이고, 실패로 알려야 할 요청은
 * 어느 것일까요? 다시 보낼 수 있는 것은 멱등(idempotent) 메서드(GET, HEAD,
 * PUT, DELETE, OPTIONS, TRACE. 이름은 대소문자를 구별합니다)뿐입니다.
 * 인덱스는 오름차순으로 돌려주세요.
 *   afterEarlyClose(["GET", "GET", "POST", "PUT"], 1) → { resend: [1, 3], fail: [2] }
 */
export function afterEarlyClose(methods: string[], answered: number): { resend: number[]; fail: number[] } {
  return notImplemented("4.6a");
}

/**
 * 4.6b: head-of-line blocking. A client writes all its requests at once, at
 * t = 0, on an open persistent connection; each reaches the server rttMs / 2
 * later. The server works on all of them at once: response i is ready
 * serverMs[i] after its request arrived. But responses must leave in request
 * order, so a ready response waits until every earlier one has left. Each
 * response reaches the client rttMs / 2 after it leaves (sending takes no
 * time). Return when each response reaches the client, in request order.
 *   pipelinedDoneTimes([50, 5, 5], 20) → [70, 70, 70]
 *
 * 한국어:
 * 4.6b: HOL 블로킹(head-of-line blocking). 클라이언트가 열려 있는 지속
 * 커넥션에서 t = 0에 요청을 모두 한꺼번에 씁니다. 각 요청은 rttMs / 2 뒤에
 * 서버에 도착합니다. 서버는 모든 요청을 동시에 처리하며, 응답 i는 그 요청이
 * 도착하고 serverMs[i] 뒤에 준비됩니다. 그러나 응답은 요청 순서대로 나가야
 * 하므로, 준비된 응답도 앞의 응답이 모두 나갈 때까지 기다립니다. 각 응답은
 * 나가고 rttMs / 2 뒤에 클라이언트에 도착합니다(보내는 데는 시간이 들지
 * 않습니다). 각 응답이 클라이언트에 도착하는 시각을 요청 순서대로
 * 돌려주세요.
 *   pipelinedDoneTimes([50, 5, 5], 20) → [70, 70, 70]
 */
export function pipelinedDoneTimes(serverMs: number[], rttMs: number): number[] {
  return notImplemented("4.6b");
}

/**
 * 4.6c: may a client resend a request with this method after its connection
 * died without an answer? True for the idempotent methods of RFC 9110 9.2.2:
 * GET, HEAD, PUT, DELETE, OPTIONS, TRACE. Method names are case-sensitive,
 * and a method the client does not know is not known to be idempotent.
 *   isIdempotentMethod("POST") → false
 *
 * 한국어:
 * 4.6c: 커넥션이 응답 없이 끊긴 뒤, 클라이언트가 이 메서드의 요청을 다시
 * 보내도 될까요? RFC 9110 9.2.2의 멱등 메서드(GET, HEAD, PUT, DELETE,
 * OPTIONS, TRACE)이면 true입니다. 메서드 이름은 대소문자를 구별하며,
 * 클라이언트가 모르는 메서드는 멱등인지 알 수 없으므로 멱등으로 치지
 * 않습니다.
 *   isIdempotentMethod("POST") → false
 */
export function isIdempotentMethod(method: string): boolean {
  return notImplemented("4.6c");
}

/**
 * 4.6d: a careful client pipelines idempotent requests, but never pipelines
 * a non-idempotent one (POST, PATCH, ...): that request waits until every
 * earlier response is in, is sent alone, and nothing follows it until its
 * own response is in (the strict rule of RFC 2616 8.1.2.2; RFC 9112 9.3.2
 * only forbids pipelining after a non-idempotent request, see notebook 4.6).
 * Split the requests (by index, in order) into the batches the client
 * writes back to back; each batch costs a round trip.
 *   pipelineBatches(["GET", "GET", "POST", "GET", "PUT"]) → [[0, 1], [2], [3, 4]]
 *
 * 한국어:
 * 4.6d: 신중한 클라이언트는 멱등 요청은 파이프라인으로 보내지만, 멱등이
 * 아닌 요청(POST, PATCH, ...)은 절대 파이프라인으로 보내지 않습니다. 그런
 * 요청은 앞의 응답이 모두 들어올 때까지 기다렸다가 혼자 보내지고, 자기
 * 응답이 들어올 때까지 그 뒤로는 아무것도 보내지 않습니다(RFC 2616
 * 8.1.2.2의 엄격한 규칙. RFC 9112 9.3.2는 멱등이 아닌 요청 뒤에 파이프라인으로
 * 보내는 것만 금지합니다. 노트북 4.6 참고). 요청들을 (인덱스로, 순서대로)
 * 클라이언트가 한 번에 이어서 쓰는 배치(batch)들로 나누세요. 배치 하나마다
 * 왕복 한 번이 듭니다.
 *   pipelineBatches(["GET", "GET", "POST", "GET", "PUT"]) → [[0, 1], [2], [3, 4]]
 */
export function pipelineBatches(methods: string[]): number[][] {
  return notImplemented("4.6d");
}

/**
 * 4.6e (predict): a careful client follows every rule of pipelining in
 * notebook 4.6, section 3. It has 6 GETs for a server it has never talked
 * to. The server answers in HTTP/1.1 without `Connection: close`, but drops
 * every connection right after its third response, without any notice (its
 * last response does not say `Connection: close`). How many times in all
 * does the client send a request alone, waiting for its response before it
 * writes the next one on that connection?
 * Answer before you run the model cell below it in the notebook: return your
 * number.
 *
 * 한국어:
 * 4.6e (예측): 신중한 클라이언트가 노트북 4.6 3절에 나온 파이프라이닝
 * 규칙을 모두 지킵니다. 이 클라이언트에게는 한 번도 통신해 본 적 없는
 * 서버로 보낼 GET이 6개 있습니다. 서버는 `Connection: close` 없이
 * HTTP/1.1로 응답하지만, 세 번째 응답을 보내자마자 아무 예고 없이 커넥션을
 * 끊습니다(마지막 응답에도 `Connection: close`가 없습니다). 클라이언트가
 * 요청을 혼자 보내고, 그 응답을 기다린 뒤에야 그 커넥션에 다음 요청을 쓰는
 * 일은 모두 몇 번일까요?
 * 노트북에서 이 문제 아래에 있는 모델 셀을 실행하기 전에 답하세요. 여러분의
 * 숫자를 돌려주면 됩니다.
 */
export function predictRequestsSentAlone(): number {
  return notImplemented("4.6e");
}

/**
 * What you expect the pipeline lab to show, and what you conclude from it (4.6f).
 * 한국어: 파이프라인 실험(lab)에서 보게 될 것에 대한 예상과, 그 결과에서 내리는 결론(4.6f).
 */
export interface PipelineLabPrediction {
  /**
   * the order part: the ids (0 .. methods.length - 1) in the order their
   * responses reach the client, when the server finishes the requests in
   * reverse (the last one first)
   *
   * 한국어:
   * 순서 부분: 서버가 요청을 거꾸로(마지막 요청부터) 끝낼 때, 응답이
   * 클라이언트에 도착하는 순서대로 늘어놓은 id(0 .. methods.length - 1)
   */
  order: number[];
  /**
   * the retry part: the ids the client sends again on a later connection, each once, in the order first resent
   * 한국어: 재시도 부분: 클라이언트가 나중 커넥션에서 다시 보내는 id. 각각 한 번씩, 처음 다시 보낸 순서대로
   */
  resent: number[];
  /**
   * your conclusion, from YOUR measurement: did the server's handler receive
   * some request that it did not answer on that connection? (See "the server
   * was handed" in your lab result.)
   *
   * 한국어:
   * 여러분의 결론이며, 반드시 여러분 자신의 측정값에서 내립니다. 서버의
   * 핸들러가 받았지만 그 커넥션에서 응답하지 않은 요청이 있었나요? (실험
   * 결과에서 서버가 요청을 몇 개 "넘겨받았는지" 보세요.)
   */
  unansweredReachedServer: boolean;
}

/**
 * 4.6f (measure): the pipeline lab (`npm run workbook -- lab pipeline`, or
 * the lab cell of notebooks/4.6-pipelined-connections.ipynb) talks to a
 * node:http server on 127.0.0.1 over a raw socket.
 *   - Order: it pipelines methods.length GETs (ids 0, 1, ...) in one write;
 *     the server makes request i wait longer than request i + 1, so it
 *     finishes the last request first.
 *   - Retry: it pipelines requests with these `methods` (ids 0, 1, ...) in
 *     one write. The server answers `closeAfter` requests per connection,
 *     marks the last of them `Connection: close` and closes. The client
 *     (which pipelines everything at once, POST included, to show what
 *     happens) then sends the unanswered requests whose method is idempotent
 *     again, together, on a new connection, and does so again after every
 *     close; the others it reports as failed.
 * Before you run the lab, predict `order` and `resent`; after it, state your
 * conclusion. The check compares your answer with your own measurement
 * (.workbook/labs/pipeline.json).
 *
 * 한국어:
 * 4.6f (측정): 파이프라인 실험(`npm run workbook -- lab pipeline`, 또는
 * notebooks/ko/4.6-pipelined-connections.ipynb의 실험 셀)은 원시
 * 소켓(raw socket)으로 127.0.0.1의 node:http 서버와 통신합니다.
 *   - 순서: GET methods.length개(id 0, 1, ...)를 한 번의 쓰기로 파이프라인에
 *     실어 보냅니다. 서버는 요청 i를 요청 i + 1보다 오래 기다리게 하므로,
 *     마지막 요청을 가장 먼저 끝냅니다.
 *   - 재시도: 이 `methods`의 요청들(id 0, 1, ...)을 한 번의 쓰기로
 *     파이프라인에 실어 보냅니다. 서버는 커넥션 하나에서 요청 `closeAfter`개에
 *     응답하고, 그중 마지막 응답에 `Connection: close`를 달고 커넥션을
 *     닫습니다. 그러면 클라이언트는(무슨 일이 일어나는지 보여 주려고 POST까지
 *     포함해 모든 것을 한꺼번에 파이프라인으로 보내는 클라이언트입니다)
 *     응답받지 못한 요청 가운데 메서드가 멱등인 것들을 새 커넥션에서 다시
 *     한꺼번에 보내고, 커넥션이 닫힐 때마다 이를 되풀이합니다. 나머지는
 *     실패로 알립니다.
 * 실험을 실행하기 전에 `order`와 `resent`를 예측하고, 실행한 뒤에 결론을
 * 적으세요. 검사는 여러분의 답을 여러분 자신의 측정값
 * (.workbook/labs/pipeline.json)과 비교합니다.
 */
export function predictPipelineLab(methods: string[], closeAfter: number): PipelineLabPrediction {
  return notImplemented("4.6f");
}
