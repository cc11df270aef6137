/**
 * Exercises for 4.5 persistent connections (지속 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.5a")` in notebooks/4.5-persistent-connections.ipynb or `npm test`.
 *
 * 한국어:
 * 4.5절 '지속 커넥션'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.5-persistent-connections.ipynb에서 `await check("4.5a")`를
 * 실행하거나 `npm test`를 실행하세요.
 */
import { notImplemented } from "../lib/workbook/not-implemented";

/**
 * 4.5a: read a Keep-Alive header value (Keep-Alive 옵션), following the list
 * and parameter syntax of RFC 9110 5.6.
 * The value is a comma-separated list of parameters, each `name=value` or a
 * bare `name`; empty list elements are skipped.
 *   - A name is a token (letters, digits and !#$%&'*+-.^_`|~, at least one).
 *     Names are case-insensitive: return them lower-cased.
 *   - A value is a token or a quoted string. A quoted string may hold commas
 *     and "=" and spaces; a backslash in it takes the next character as it is;
 *     it loses its quotes and backslashes. A comma inside quotes does not end
 *     the parameter.
 *   - Spaces and tabs around names, "=" and values do not count.
 *   - `timeout=N` goes to timeoutSeconds, `max=N` to max, as numbers. N (after
 *     unquoting) must be a whole number written in decimal digits: anything
 *     else (`abc`, `-1`, `1.5`, nothing) is a RangeError, and so is giving
 *     timeout or max more than once in one value.
 *   - every other parameter goes to params, name → value (null for a bare
 *     name); the first one wins when a name repeats. Any token is a name,
 *     including ones that a plain JavaScript object already seems to have.
 *   - Anything else is malformed and throws a RangeError: a name that is not
 *     a token, a value that is neither a token nor a whole quoted string, a
 *     quote that is never closed.
 * Leave timeoutSeconds / max out (or undefined) when they are not given.
 *   parseKeepAliveParams("timeout=5, max=100") → { timeoutSeconds: 5, max: 100, params: {} }
 *
 * 한국어:
 * 4.5a: Keep-Alive 헤더 값을 RFC 9110 5.6의 목록 문법과 파라미터 문법에
 * 따라 읽습니다(Keep-Alive 옵션).
 * 값은 쉼표로 구분한 파라미터 목록이고, 각 파라미터는 `name=value`이거나
 * 이름만 있는 `name`입니다. 목록의 빈 원소는 건너뜁니다.
 *   - 이름은 토큰(token)입니다. 문자, 숫자, !#$%&'*+-.^_`|~ 로 이루어지고
 *     적어도 한 글자입니다. 이름은 대소문자를 구별하지 않으므로 소문자로
 *     바꿔 돌려주세요.
 *   - 값은 토큰이거나 따옴표 문자열(quoted string)입니다. 따옴표 문자열에는
 *     쉼표, "=", 공백이 들어갈 수 있고, 그 안의 백슬래시는 바로 다음 문자를
 *     있는 그대로 받아들이게 합니다. 값에서 따옴표와 백슬래시는 떼어 냅니다.
 *     따옴표 안의 쉼표는 파라미터를 끝내지 않습니다.
 *   - 이름, "=", 값 앞뒤의 공백과 탭은 무시합니다.
 *   - `timeout=N`은 timeoutSeconds로, `max=N`은 max로, 숫자로 돌려줍니다.
 *     N은 (따옴표를 푼 뒤) 십진 숫자로만 쓴 정수여야 합니다. 그 밖의 것
 *     (`abc`, `-1`, `1.5`, 빈 값)은 RangeError이고, 한 값에 timeout이나
 *     max가 두 번 이상 나와도 RangeError입니다.
 *   - 나머지 파라미터는 모두 params에 이름 → 값으로 넣습니다(이름만 있으면
 *     null). 같은 이름이 되풀이되면 처음 것을 씁니다. 평범한 JavaScript
 *     객체가 이미 가진 것처럼 보이는 이름을 포함해, 어떤 토큰이든 이름이 될
 *     수 있습니다.
 *   - 그 밖의 것은 모두 형식이 잘못된 것이므로 RangeError를 던집니다. 토큰이
 *     아닌 이름, 토큰도 아니고 온전한 따옴표 문자열도 아닌 값, 끝내 닫히지
 *     않은 따옴표가 그렇습니다.
 * timeoutSeconds와 max가 주어지지 않으면 빼 두세요(또는 undefined).
 *   parseKeepAliveParams("timeout=5, max=100") → { timeoutSeconds: 5, max: 100, params: {} }
 */
export function parseKeepAliveParams(value: string): {
  timeoutSeconds?: number;
  max?: number;
  params: Record<string, string | null>;
} {
  return notImplemented("4.5a");
}

/**
 * One request/response pair, reduced to what decides persistence.
 * 한국어: 요청/응답 한 쌍을, 커넥션 지속 여부를 정하는 데 필요한 것만 남겨 줄인 것.
 */
export interface PairSummary {
  /**
   * the request's HTTP version
   * 한국어: 요청의 HTTP 버전
   */
  clientVersion: "1.0" | "1.1";
  /**
   * the request's Connection header value, if it has one
   * 한국어: 요청의 Connection 헤더 값(있다면)
   */
  requestConnection?: string;
  /**
   * the response's HTTP version
   * 한국어: 응답의 HTTP 버전
   */
  serverVersion: "1.0" | "1.1";
  /**
   * the response's Connection header value, if it has one
   * 한국어: 응답의 Connection 헤더 값(있다면)
   */
  responseConnection?: string;
  /** "known": the response says where its body ends (Content-Length);
   *  "until-close": it does not, so the body ends when the connection closes
   *
   *  한국어:
   *  "known": 응답이 본문이 어디서 끝나는지 알려 줍니다(Content-Length).
   *  "until-close": 알려 주지 않으므로, 커넥션이 닫힐 때 본문이 끝납니다.
   */
  body: "known" | "until-close";
}

export type PersistenceReason =
  | "client-close"
  | "server-close"
  | "http10-not-asked"
  | "http10-not-agreed"
  | "http10-agreed"
  | "http10-server-default"
  | "http10-server-agreed"
  | "http11-default"
  | "read-until-close";

/**
 * 4.5b: does the connection stay open after this pair, and which rule says so?
 * Connection values are token lists (case-insensitive). The first rule that
 * applies decides:
 *   1. the request's Connection has `close` → closed, "client-close";
 *   2. the response's Connection has `close` → closed, "server-close";
 *   3. clientVersion "1.0":
 *        no `keep-alive` in the request → closed, "http10-not-asked";
 *        asked but no `keep-alive` in the response → closed, "http10-not-agreed";
 *        both → go on to rule 5 with "http10-agreed";
 *   4. clientVersion "1.1", serverVersion "1.0":
 *        no `keep-alive` in the response → closed, "http10-server-default";
 *        otherwise → go on to rule 5 with "http10-server-agreed";
 *      both "1.1" → go on to rule 5 with "http11-default";
 *   5. the version rules allow it, but the body length is not known →
 *      closed, "read-until-close"; otherwise open, with the reason from 3 or 4.
 *   keepsConnectionOpen({ clientVersion: "1.1", serverVersion: "1.1", body: "known" })
 *     → { persistent: true, reason: "http11-default" }
 *
 * 한국어:
 * 4.5b: 이 요청/응답 쌍 뒤에도 커넥션이 열린 채로 남을까요? 그리고 어느
 * 규칙이 그렇게 정할까요?
 * Connection 값은 토큰 목록입니다(대소문자 구별 없음). 적용되는 첫 규칙이
 * 결정합니다.
 *   1. 요청의 Connection에 `close`가 있으면 → 닫힘, "client-close"
 *   2. 응답의 Connection에 `close`가 있으면 → 닫힘, "server-close"
 *   3. clientVersion이 "1.0"일 때:
 *        요청에 `keep-alive`가 없으면 → 닫힘, "http10-not-asked"
 *        요청했지만 응답에 `keep-alive`가 없으면 → 닫힘, "http10-not-agreed"
 *        둘 다 있으면 → "http10-agreed"를 가지고 규칙 5로
 *   4. clientVersion이 "1.1"이고 serverVersion이 "1.0"일 때:
 *        응답에 `keep-alive`가 없으면 → 닫힘, "http10-server-default"
 *        그렇지 않으면 → "http10-server-agreed"를 가지고 규칙 5로
 *      둘 다 "1.1"이면 → "http11-default"를 가지고 규칙 5로
 *   5. 버전 규칙은 허락하지만 본문 길이를 알 수 없으면 →
 *      닫힘, "read-until-close". 그렇지 않으면 열림이고, 이유는 규칙 3이나
 *      4에서 가져온 것입니다.
 *   keepsConnectionOpen({ clientVersion: "1.1", serverVersion: "1.1", body: "known" })
 *     → { persistent: true, reason: "http11-default" }
 */
export function keepsConnectionOpen(pair: PairSummary): { persistent: boolean; reason: PersistenceReason } {
  return notImplemented("4.5b");
}

/**
 * 4.5c: how many connections does a client need for these requests?
 * The client sends requests one at a time at the given times (ms from the
 * start, in order) and always reuses its connection while it is open. Each
 * request takes transactionMs (default 0) until its response has arrived.
 * The server closes a connection
 *   - after the response to the max-th request on it (Keep-Alive max), and
 *   - when it has been idle (from the end of one response to the next
 *     request) longer than timeoutSeconds; idle for exactly timeoutSeconds
 *     is still open.
 * A request that finds no open connection opens a new one. Return the number
 * of connections opened.
 *   connectionsNeeded([0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }) → 2
 *
 * 한국어:
 * 4.5c: 클라이언트가 이 요청들을 보내려면 커넥션이 몇 개 필요할까요?
 * 클라이언트는 주어진 시각(시작부터 잰 ms, 시간 순서)에 요청을 하나씩
 * 보내고, 커넥션이 열려 있는 동안에는 언제나 그것을 재사용합니다. 요청
 * 하나는 응답이 도착할 때까지 transactionMs(기본값 0)가 걸립니다.
 * 서버는 다음 경우에 커넥션을 닫습니다.
 *   - 그 커넥션의 max번째 요청에 대한 응답을 보낸 뒤(Keep-Alive max)
 *   - 커넥션이 timeoutSeconds보다 오래 유휴 상태였을 때(한 응답이 끝난
 *     때부터 다음 요청까지). 정확히 timeoutSeconds만큼 유휴였다면 아직
 *     열려 있습니다.
 * 열린 커넥션을 찾지 못한 요청은 새 커넥션을 엽니다. 연 커넥션의 수를
 * 돌려주세요.
 *   connectionsNeeded([0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }) → 2
 */
export function connectionsNeeded(requestTimesMs: number[], server: { max: number; timeoutSeconds: number }, transactionMs = 0): number {
  return notImplemented("4.5c");
}

/**
 * 4.5d: where does keep-alive hang (멍청한 프락시)?
 * An HTTP/1.0+ client asks for keep-alive with `Connection: Keep-Alive`
 * (ask "connection") or `Proxy-Connection: Keep-Alive` (ask
 * "proxy-connection") and sends two requests. Between it and the server sit
 * `proxies`, nearest the client first:
 *   - a "dumb" proxy does not understand Connection or Proxy-Connection. It
 *     forwards every header unchanged (request and response), reads just one
 *     request per connection, and waits for the server side to close;
 *   - a "smart" proxy understands both: it removes them, asks its next hop
 *     with `Connection: Keep-Alive`, and answers its own client with
 *     `Connection: Keep-Alive` when that client asked in either header;
 *   - the server keeps the connection iff the request it receives carries
 *     `Connection: Keep-Alive` (it knows nothing of Proxy-Connection), and
 *     then says `Connection: Keep-Alive` in its response.
 * Whoever receives a response with `Connection: Keep-Alive` sends its next
 * request on the same connection. Return the index in `proxies` of the proxy
 * that receives a second request it will never read (the hang), or null
 * when both requests are answered.
 *   hangingProxy(["dumb"], "connection") → 0
 *
 * 한국어:
 * 4.5d: keep-alive는 어디서 멈춰 버릴까요(멍청한 프락시)?
 * HTTP/1.0+ 클라이언트가 `Connection: Keep-Alive`(ask가 "connection")나
 * `Proxy-Connection: Keep-Alive`(ask가 "proxy-connection")로 keep-alive를
 * 요청하고, 요청 두 개를 보냅니다. 클라이언트와 서버 사이에는 `proxies`가
 * 있으며, 클라이언트에 가까운 것부터 적혀 있습니다.
 *   - "dumb" 프락시(멍청한 프락시, dumb proxy)는 Connection도
 *     Proxy-Connection도 이해하지 못합니다. 모든 헤더를 (요청이든 응답이든)
 *     바꾸지 않고 전달하고, 커넥션 하나에서 요청을 딱 하나만 읽으며, 서버
 *     쪽이 커넥션을 닫기를 기다립니다.
 *   - "smart" 프락시(영리한 프락시)는 둘 다 이해합니다. 그 헤더들을 지우고,
 *     다음 홉에는 `Connection: Keep-Alive`로 요청하며, 자기 클라이언트가 둘
 *     중 어느 헤더로든 요청했다면 그 클라이언트에게
 *     `Connection: Keep-Alive`로 답합니다.
 *   - 서버는 받은 요청에 `Connection: Keep-Alive`가 있을 때, 그리고 그때에만
 *     커넥션을 유지하고(Proxy-Connection은 전혀 모릅니다), 그럴 때 응답에
 *     `Connection: Keep-Alive`라고 씁니다.
 * `Connection: Keep-Alive`가 있는 응답을 받은 쪽은 다음 요청을 같은
 * 커넥션으로 보냅니다. 결코 읽지 않을 두 번째 요청을 받는 프락시(멈추는
 * 곳)의 `proxies` 인덱스를 돌려주고, 두 요청이 모두 응답을 받으면 null을
 * 돌려주세요.
 *   hangingProxy(["dumb"], "connection") → 0
 */
export function hangingProxy(proxies: ("dumb" | "smart")[], ask: "connection" | "proxy-connection"): number | null {
  return notImplemented("4.5d");
}

/**
 * 4.5e (predict): a server closes a connection that has been idle for more
 * than 2 s and serves at most 3 requests on one connection. A client that
 * always reuses an open connection sends 8 requests, one at a time: at 0,
 * 300, 600, 900, 1200, 1500 and 1800 ms, and the last at 6900 ms. Each
 * response is complete 100 ms after its request was sent. How many TCP
 * connections does the client open in all?
 * Answer before you run the model cell below it in the notebook: return your
 * number.
 *
 * 한국어:
 * 4.5e (예측): 서버는 2 s보다 오래 유휴 상태인 커넥션을 닫고, 커넥션
 * 하나에서 요청을 많아야 3개까지 처리합니다. 열린 커넥션을 언제나
 * 재사용하는 클라이언트가 요청 8개를 하나씩 보냅니다. 0, 300, 600, 900,
 * 1200, 1500, 1800 ms에 보내고, 마지막은 6900 ms에 보냅니다. 각 응답은
 * 요청을 보내고 100 ms 뒤에 완료됩니다. 클라이언트는 TCP 커넥션을 모두 몇 개
 * 열까요?
 * 노트북에서 이 문제 아래에 있는 모델 셀을 실행하기 전에 답하세요. 여러분의
 * 숫자를 돌려주면 됩니다.
 */
export function predictConnectionsOpened(): number {
  return notImplemented("4.5e");
}

/**
 * What you expect the keep-alive lab to show, and what you conclude from it (4.5f).
 * 한국어: keep-alive 실험(lab)에서 보게 될 것에 대한 예상과, 그 결과에서 내리는 결론(4.5f).
 */
export interface KeepAliveLabPrediction {
  /**
   * TCP connections the server accepts in the run with a new connection per request
   * 한국어: 요청마다 새 커넥션을 여는 실행에서 서버가 받아들이는 TCP 커넥션 수
   */
  newConnectionSockets: number;
  /**
   * TCP connections the server accepts in the run through one kept-alive connection
   * 한국어: 유지된(keep-alive) 커넥션 하나로 보내는 실행에서 서버가 받아들이는 TCP 커넥션 수
   */
  keptAliveSockets: number;
  /**
   * your conclusion, from YOUR measurement: which run took less time per
   * request? "no-clear-difference" when the two medians are within 20 % of
   * each other (the slower is less than 1.2 times the faster).
   *
   * 한국어:
   * 여러분의 결론이며, 반드시 여러분 자신의 측정값에서 내립니다. 요청당
   * 시간이 더 짧게 걸린 실행은 어느 쪽인가요("kept-alive": 유지된 커넥션,
   * "new-connection": 요청마다 새 커넥션)? 두 중앙값이 서로 20 % 이내이면
   * (느린 쪽이 빠른 쪽의 1.2배 미만) "no-clear-difference"(뚜렷한 차이
   * 없음)입니다.
   */
  faster: "kept-alive" | "new-connection" | "no-clear-difference";
}

/**
 * 4.5f (measure): the keep-alive lab sends `requests` small GETs, one after
 * another, to a node:http server on 127.0.0.1, twice: first through an agent
 * without keep-alive (every request says `Connection: close`), then through
 * an agent that keeps its connection alive (at most one socket). The server
 * counts the TCP connections it accepts in each run.
 *   1. Before you run the lab, predict the two socket counts for `requests`
 *      requests.
 *   2. Run it: `npm run workbook -- lab keep-alive` in a terminal, or the lab
 *      cell of notebooks/4.5-persistent-connections.ipynb.
 *   3. Read the time per request of both runs in your result and fill in
 *      `faster`.
 * The check compares your answer with your own measurement
 * (.workbook/labs/keep-alive.json).
 *
 * 한국어:
 * 4.5f (측정): keep-alive 실험은 127.0.0.1의 node:http 서버에 작은 GET
 * `requests`개를 하나씩 차례로 보내기를 두 번 합니다. 처음에는 keep-alive를
 * 쓰지 않는 에이전트로 보내고(요청마다 `Connection: close`), 다음에는
 * 커넥션을 유지하는 에이전트(소켓 최대 1개)로 보냅니다. 서버는 실행마다
 * 받아들인 TCP 커넥션을 셉니다.
 *   1. 실험을 실행하기 전에, 요청 `requests`개에 대해 두 소켓 수를
 *      예측하세요.
 *   2. 실험을 실행하세요. 터미널에서는 `npm run workbook -- lab keep-alive`,
 *      노트북에서는 notebooks/ko/4.5-persistent-connections.ipynb의 실험
 *      셀입니다.
 *   3. 결과에서 두 실행의 요청당 시간을 읽고 `faster`를 채우세요.
 * 검사는 여러분의 답을 여러분 자신의 측정값(.workbook/labs/keep-alive.json)과
 * 비교합니다.
 */
export function predictKeepAliveLab(requests: number): KeepAliveLabPrediction {
  return notImplemented("4.5f");
}
