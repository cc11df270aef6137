/**
 * Exercises for 4.3 HTTP connection handling (HTTP 커넥션 관리).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.3a")` in notebooks/4.3-http-connection-handling.ipynb or `npm test`.
 *
 * 한국어:
 * 4.3절 'HTTP 커넥션 관리'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.3-http-connection-handling.ipynb에서 `await check("4.3a")`를
 * 실행하거나 `npm test`를 실행하세요.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.3a (predict): a proxy that understands Connection (a "smart" proxy)
 * receives this request from a browser and forwards it to the origin server:
 *
 *   GET http://www.joes-hardware.com/tools.html HTTP/1.1
 *   Host: www.joes-hardware.com
 *   User-Agent: Mozilla/5.0
 *   Accept: text/html
 *   Accept-Language: ko, en;q=0.8
 *   Connection: Keep-Alive, Meter, X-Trace-Id
 *   Keep-Alive: timeout=30, max=50
 *   Meter: will-report-and-limit
 *   X-Trace-Id: 4bf92f35
 *   X-Request-Id: 77ad01
 *   Proxy-Connection: keep-alive
 *   Upgrade-Insecure-Requests: 1
 *   Cache-Control: no-cache
 *
 * Of these 12 header fields, how many reach the origin server as the browser
 * wrote them? (The proxy may add fields of its own for its own connection;
 * do not count those.) Answer with a whole number before you run the model
 * cell below the check.
 *
 * 한국어:
 * 4.3a (예측): Connection 헤더를 이해하는 프락시(영리한 프락시, "smart"
 * proxy)가 브라우저로부터 위의 요청을 받아 원 서버(origin server)로
 * 전달합니다. 이 헤더 필드 12개 가운데 몇 개가 브라우저가 쓴 그대로 원
 * 서버에 도착할까요? (프락시는 자기 커넥션을 위해 자기 필드를 덧붙일 수
 * 있지만, 그것은 세지 마세요.) 검사 셀 아래에 있는 모델 셀을 실행하기 전에
 * 정수로 답하세요.
 */
export function predictForwardedFields(): number {
  return notImplemented("4.3a");
}

/**
 * 4.3b: what a proxy forwards (홉별 헤더 제거). Return a NEW object with the
 * fields of `headers` that may cross to the next hop; do not change `headers`.
 * Remove, comparing names case-insensitively:
 *   - every field the Connection header names (this is how a sender
 *     "protects" a header: 헤더 보호하기); the Connection value is a
 *     comma-separated list, with optional spaces or tabs around each name
 *     and possibly empty elements;
 *   - Connection itself;
 *   - the fields that are hop-by-hop even when Connection does not name them:
 *     Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade, Trailer.
 * Every other field keeps its name (as written) and value.
 *   removeHopByHop({ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" })
 *     → { Host: "a.test", Accept: "text/html" }
 *
 * 한국어:
 * 4.3b: 프락시가 전달하는 것(홉별 헤더 제거). `headers`의 필드 가운데 다음
 * 홉으로 넘어갈 수 있는 것만 담아 반드시 새 객체로 돌려주세요. `headers`는
 * 바꾸지 마세요. 이름은 대소문자를 구별하지 않고 비교하며, 다음을
 * 제거합니다.
 *   - Connection 헤더가 이름을 적은 모든 필드(송신자는 이렇게 헤더를
 *     '보호'합니다: 헤더 보호하기). Connection의 값은 쉼표로 구분한
 *     목록이며, 각 이름 앞뒤에 공백이나 탭이 있을 수 있고, 빈 원소가 있을
 *     수도 있습니다.
 *   - Connection 자체
 *   - Connection이 이름을 적지 않아도 홉별(hop-by-hop)인 필드:
 *     Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade, Trailer
 * 나머지 필드는 모두 (적힌 그대로의) 이름과 값을 그대로 유지합니다.
 *   removeHopByHop({ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" })
 *     → { Host: "a.test", Accept: "text/html" }
 */
export function removeHopByHop(headers: Record<string, string>): Record<string, string> {
  return notImplemented("4.3b");
}

/**
 * 4.3c: how long a page takes when every object waits for the one before it
 * and has a connection of its own (순차적인 트랜잭션 처리에 의한 지연).
 * The situation (no bandwidth limit, no loss, no DNS):
 *   - resources are fetched one after another: the HTML, then each object;
 *     the next fetch starts the moment the previous response has fully arrived;
 *   - every packet takes rttMs / 2 to cross, in either direction; bytes take
 *     no time on the link, and ACKs go out at once;
 *   - each fetch opens a new connection: the client sends SYN, the server
 *     answers SYN-ACK, and the request rides on the client's final ACK;
 *   - the server starts its response serverMs after the request has arrived;
 *   - a response is cut into segments of at most mss bytes and leaves in
 *     slow-start rounds: a fresh connection may send initialWindow segments
 *     at once, then must wait for their ACKs; every ACKed segment lets it send
 *     two more, so each round may be twice as large as the one before.
 * Return the time in ms from the first SYN until the last object's last byte
 * has arrived. Defaults: serverMs 0, mss 1460, initialWindow 10. Every size is >= 1.
 *   serialPageLoadMs({ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 }) → 800
 *
 * 한국어:
 * 4.3c: 객체마다 앞의 객체를 기다리고 저마다 자기 커넥션을 쓸 때, 페이지
 * 하나에 걸리는 시간(순차적인 트랜잭션 처리에 의한 지연).
 * 상황은 다음과 같습니다(대역폭 제한, 손실, DNS 없음).
 *   - 리소스는 하나씩 차례로 가져옵니다. HTML을 먼저, 그다음 각 객체를
 *     가져오며, 다음 가져오기는 앞의 응답이 완전히 도착한 순간 시작합니다.
 *   - 패킷은 어느 방향으로든 건너는 데 rttMs / 2가 걸립니다. 바이트가
 *     링크를 지나는 데는 시간이 들지 않고, ACK는 곧바로 나갑니다.
 *   - 가져올 때마다 새 커넥션을 엽니다. 클라이언트가 SYN을 보내고, 서버가
 *     SYN-ACK로 답하고, 요청은 클라이언트의 마지막 ACK에 실려 갑니다.
 *   - 서버는 요청이 도착하고 serverMs 뒤에 응답을 시작합니다.
 *   - 응답은 최대 mss바이트의 세그먼트로 잘리고 느린 시작(slow start)
 *     라운드로 나갑니다. 새 커넥션은 처음에 initialWindow개의 세그먼트를
 *     한꺼번에 보낼 수 있고, 그다음에는 그 ACK를 기다려야 합니다. 확인응답된
 *     세그먼트 하나마다 두 개를 더 보낼 수 있으므로, 라운드마다 앞 라운드의
 *     두 배까지 보낼 수 있습니다.
 * 첫 SYN부터 마지막 객체의 마지막 바이트가 도착할 때까지의 시간을 ms로
 * 돌려주세요. 기본값: serverMs 0, mss 1460, initialWindow 10. 크기는 모두
 * 1 이상입니다.
 *   serialPageLoadMs({ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 }) → 800
 */
export interface SerialPage {
  htmlBytes: number;
  objectBytes: number[];
  rttMs: number;
  serverMs?: number;
  mss?: number;
  initialWindow?: number;
}

export function serialPageLoadMs(page: SerialPage): number {
  return notImplemented("4.3c");
}
