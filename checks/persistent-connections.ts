/** Public cases for 4.5 persistent connections: they ship with the workbook and show in feedback. */
import type { KeepAliveLabResult } from "../lib/lab/keep-alive";
import type { Text } from "../lib/i18n";
import type { Case, CheckCases, Slip } from "../lib/workbook/cases";

/** One request/response pair as 4.5b takes it. */
interface Pair {
  clientVersion: "1.0" | "1.1";
  requestConnection?: string;
  serverVersion: "1.0" | "1.1";
  responseConnection?: string;
  body: "known" | "until-close";
}

function describePair(p: Pair): Text {
  const req = `HTTP/${p.clientVersion} request${p.requestConnection === undefined ? "" : ` with Connection: ${p.requestConnection}`}`;
  const res = `HTTP/${p.serverVersion} response${p.responseConnection === undefined ? "" : ` with Connection: ${p.responseConnection}`}`;
  const reqKo = `HTTP/${p.clientVersion} 요청${p.requestConnection === undefined ? "" : `(Connection: ${p.requestConnection})`}`;
  const resKo = `HTTP/${p.serverVersion} 응답${p.responseConnection === undefined ? "" : `(Connection: ${p.responseConnection})`}`;
  return {
    en: `${req}, ${res}, body length ${p.body === "known" ? "known (Content-Length)" : "unknown (read until close)"}`,
    ko: `${reqKo}, ${resKo}, 본문 길이 ${p.body === "known" ? "알려짐(Content-Length)" : "모름(커넥션이 닫힐 때까지 읽음)"}`,
  };
}

/** A 4.5b case: the pair, the decision, and the rule's reason as the why; the label spells the pair out. */
const pair = (p: Pair, persistent: boolean, reason: string, why: Text, slips?: Slip[]): Case => ({
  args: [p],
  expect: { persistent, reason },
  why,
  label: {
    en: `keepsConnectionOpen(${JSON.stringify(p)})\n  (${describePair(p).en})`,
    ko: `keepsConnectionOpen(${JSON.stringify(p)})\n  (${describePair(p).ko})`,
  },
  ...(slips ? { slips } : {}),
});

const badCount = {
  en:
    "timeout and max are counts. Turning a bad one into NaN, a negative or a fraction would make the client's reuse decision " +
    "(reuse this connection or open a new one?) silently wrong; a malformed header must be rejected.",
  ko:
    "timeout과 max는 음이 아닌 정수입니다. 잘못된 값을 NaN, 음수, 소수로 바꿔 두면 클라이언트의 재사용 판단" +
    "(이 커넥션을 다시 쓸까, 새로 열까?)이 소리 없이 틀어집니다. 형식이 잘못된 헤더는 거부해야 합니다.",
};

/** 4.5b's likely slips, each found by running the wrong variant on the case. */
const tokenCase = {
  en: "Connection tokens are case-insensitive (Keep-Alive, KEEP-ALIVE and Close are keep-alive and close): lower-case them before comparing.",
  ko: "Connection 토큰은 대소문자를 구분하지 않습니다(Keep-Alive, KEEP-ALIVE, Close는 keep-alive, close와 같습니다). 비교하기 전에 소문자로 바꾸세요.",
};
const bodyLast = {
  en: "the versions allowed persistence, but a body with no known length ends only when the connection closes: the last rule still applies.",
  ko: "버전만 보면 지속이 가능했지만, 길이를 모르는 본문은 커넥션이 닫혀야 끝납니다. 마지막 규칙이 여전히 적용됩니다.",
};
const bothOneOne = {
  en: "the HTTP/1.1 default needs HTTP/1.1 on both ends: after an HTTP/1.0 response the connection stays only if that response says keep-alive.",
  ko: "HTTP/1.1의 기본값은 양쪽 끝이 모두 HTTP/1.1이어야 적용됩니다. HTTP/1.0 응답 뒤에는 그 응답이 keep-alive라고 말할 때만 커넥션이 유지됩니다.",
};

const cases: CheckCases = {
  "4.5a": {
    why: {
      en:
        "Keep-Alive is where a server says how long it keeps an idle connection and how many more requests it takes on it. " +
        "Its value is written in HTTP's list and parameter syntax (RFC 9110 5.6): commas separate parameters, but a quoted string " +
        "is one value whatever it holds; a value is a token or a quoted string; anything else is malformed.",
      ko:
        "Keep-Alive는 서버가 유휴 커넥션을 얼마나 오래 유지하고 그 커넥션에서 요청을 몇 개 더 받을지 알리는 헤더입니다. " +
        "값은 HTTP의 목록·파라미터 문법(RFC 9110 5.6)으로 씁니다. 쉼표가 파라미터를 나누지만, 큰따옴표로 묶은 문자열(quoted string)은 " +
        "무엇을 담든 값 하나입니다. 값은 토큰이거나 quoted string이며, 그 밖의 것은 형식 오류입니다.",
    },
    ignoreUndefined: true,
    cases: [
      {
        args: ["timeout=5, max=100"],
        expect: { timeoutSeconds: 5, max: 100, params: {} },
        why: {
          en: "the server will keep the idle connection 5 s and take at most 100 more requests on it.",
          ko: "서버는 유휴 커넥션을 5 s 동안 유지하고, 그 커넥션에서 요청을 최대 100개 더 받습니다.",
        },
      },
      {
        args: ["max=5, timeout=20"],
        expect: { timeoutSeconds: 20, max: 5, params: {} },
        why: { en: "parameters may come in any order.", ko: "파라미터는 어떤 순서로든 올 수 있습니다." },
      },
      {
        args: ["timeout=15"],
        expect: { timeoutSeconds: 15, params: {} },
        why: {
          en: "a server may announce only one of the two; the other is simply not set.",
          ko: "서버는 둘 중 하나만 알릴 수도 있습니다. 다른 하나는 그냥 설정되지 않습니다.",
        },
      },
      {
        args: ["Timeout = 30 , MAX=2"],
        expect: { timeoutSeconds: 30, max: 2, params: {} },
        why: {
          en: "names are case-insensitive and spaces around '=' and ',' are not part of names or values.",
          ko: "이름은 대소문자를 구분하지 않으며, '='와 ',' 주위의 공백은 이름이나 값에 속하지 않습니다.",
        },
        slips: [
          {
            got: { params: { "timeout ": " 30 ", " max": "2" } },
            say: {
              en: "spaces and tabs around names and values do not count: trim them before you compare or store.",
              ko: "이름과 값 주위의 공백과 탭은 치지 않습니다. 비교하거나 저장하기 전에 잘라 내세요.",
            },
          },
          {
            got: { params: { Timeout: "30", MAX: "2" } },
            say: {
              en: "names are case-insensitive: Timeout and MAX are timeout and max (lower-case them before comparing).",
              ko: "이름은 대소문자를 구분하지 않습니다. Timeout과 MAX는 timeout과 max입니다(비교하기 전에 소문자로 바꾸세요).",
            },
          },
        ],
      },
      {
        args: ['timeout=5, debug, server="node 20"'],
        expect: { timeoutSeconds: 5, params: { debug: null, server: "node 20" } },
        why: {
          en: "other parameters (often for debugging) are kept: a bare name has the value null, and quotes are not part of a value.",
          ko: "다른 파라미터(흔히 디버깅용)도 보존합니다. 값 없이 이름만 있으면 값은 null이고, 따옴표는 값에 속하지 않습니다.",
        },
        slips: [
          {
            got: { timeoutSeconds: 5, params: { debug: null, server: '"node 20"' } },
            say: {
              en: "the quotes delimit the value; they are not part of it.",
              ko: "따옴표는 값의 경계를 표시할 뿐, 값의 일부가 아닙니다.",
            },
          },
          {
            got: { timeoutSeconds: 5, params: { debug: "", server: "node 20" } },
            say: {
              en: "a bare name has no value at all: null, not the empty string.",
              ko: "이름만 있는 파라미터에는 값이 아예 없습니다. 빈 문자열이 아니라 null입니다.",
            },
          },
          {
            got: { timeoutSeconds: 5, params: { server: "node 20" } },
            say: {
              en: "the bare name debug is missing (or undefined): keep it, with the value null.",
              ko: "이름만 있는 debug가 빠졌습니다(또는 undefined입니다). 값을 null로 두고 보존하세요.",
            },
          },
        ],
      },
      {
        args: [""],
        expect: { params: {} },
        why: { en: "an empty Keep-Alive header sets nothing.", ko: "빈 Keep-Alive 헤더는 아무것도 설정하지 않습니다." },
      },
      {
        args: ["timeout=0, max=1"],
        expect: { timeoutSeconds: 0, max: 1, params: {} },
        why: {
          en: "0 and 1 are real answers: 'do not wait' and 'one more request, then I close'.",
          ko: "0과 1도 엄연한 값입니다. '기다리지 않음'과 '요청 하나만 더 받고 닫음'입니다.",
        },
      },
      {
        args: ["foo=1, foo=2, max=3"],
        expect: { max: 3, params: { foo: "1" } },
        why: {
          en: "when a name repeats among the other parameters, the first value wins.",
          ko: "다른 파라미터 가운데 이름이 반복되면 첫 번째 값을 씁니다.",
        },
        slips: [
          {
            got: { max: 3, params: { foo: "2" } },
            say: { en: "a later repetition overwrote the first value of foo.", ko: "나중에 반복된 값이 foo의 첫 번째 값을 덮어썼습니다." },
          },
        ],
      },
      {
        args: ['x="a,b", max=2'],
        expect: { max: 2, params: { x: "a,b" } },
        why: {
          en: "a quoted string is one value even when it holds a comma (RFC 9110 5.6.4): only commas outside quotes separate parameters.",
          ko: "큰따옴표로 묶은 문자열(quoted string)은 쉼표를 담고 있어도 값 하나입니다(RFC 9110 5.6.4). 따옴표 밖의 쉼표만 파라미터를 나눕니다.",
        },
        slips: [
          {
            got: { max: 2, params: { x: '"a', 'b"': null } },
            say: {
              en: "the value was split at the comma inside the quotes: split only at commas outside a quoted string.",
              ko: "따옴표 안의 쉼표에서 값을 나눴습니다. quoted string 밖의 쉼표에서만 나누세요.",
            },
          },
        ],
      },
      {
        args: ['note="say \\"hi\\", twice"'],
        expect: { params: { note: 'say "hi", twice' } },
        label: 'parseKeepAliveParams(\'note="say \\"hi\\", twice"\')',
        why: {
          en: 'inside a quoted string a backslash takes the next character as it is, so \\" is a quote that does not end the string.',
          ko: 'quoted string 안에서 백슬래시는 다음 문자를 있는 그대로 받아들이므로, \\"는 문자열을 끝내지 않는 따옴표입니다.',
        },
        slips: [
          {
            got: { params: { note: 'say \\"hi\\", twice' } },
            say: {
              en: "the backslashes are escapes, not part of the value: drop each and keep the character after it.",
              ko: "백슬래시는 이스케이프일 뿐 값의 일부가 아닙니다. 백슬래시는 버리고 그 뒤의 문자를 남기세요.",
            },
          },
        ],
      },
      {
        args: ["constructor=1"],
        expect: { params: { constructor: "1" } },
        why: {
          en: "any token is a parameter name, even one every JavaScript object seems to have already.",
          ko: "어떤 토큰이든 파라미터 이름이 될 수 있습니다. 모든 JavaScript 객체가 이미 가진 것처럼 보이는 이름이라도 마찬가지입니다.",
        },
        slips: [
          {
            got: { params: {} },
            say: {
              en:
                '"constructor" in {} is true, because it is inherited from Object.prototype: the parameter was taken for a repeat and dropped. ' +
                "Keep params in an object without a prototype (Object.create(null)), or test Object.hasOwn.",
              ko:
                '"constructor" in {}는 Object.prototype에서 물려받으므로 true입니다. 그래서 이 파라미터를 반복으로 여겨 버렸습니다. ' +
                "params는 프로토타입이 없는 객체(Object.create(null))에 담거나, Object.hasOwn으로 검사하세요.",
            },
          },
        ],
      },
      {
        args: ["__proto__=2, max=4"],
        expect: { max: 4, params: { ["__proto__"]: "2" } },
        label: 'parseKeepAliveParams("__proto__=2, max=4")',
        why: {
          en: "__proto__ is a token too, so it is a parameter name like any other.",
          ko: "__proto__도 토큰이므로 다른 것과 똑같은 파라미터 이름입니다.",
        },
        slips: [
          {
            got: { max: 4, params: {} },
            say: {
              en:
                'on a plain {}, params["__proto__"] = value goes to the prototype setter and adds no property: ' +
                "use an object without a prototype (Object.create(null)) or Object.defineProperty (enumerable).",
              ko:
                '평범한 {}에서 params["__proto__"] = value는 프로토타입 setter로 가서 속성을 추가하지 않습니다. ' +
                "프로토타입이 없는 객체(Object.create(null))나 Object.defineProperty(enumerable)를 쓰세요.",
            },
          },
        ],
      },
      {
        args: ["timeout=5, timeout=7"],
        throws: "RangeError",
        why: {
          en:
            "a repeated timeout (or max) cannot be read safely: a client that believed the wrong one would reuse a connection the server has already " +
            "closed, or drop one it still keeps. Which is first or last proves nothing, so the value is malformed.",
          ko:
            "반복된 timeout(또는 max)은 안전하게 읽을 수 없습니다. 잘못된 쪽을 믿은 클라이언트는 서버가 이미 닫은 커넥션을 다시 쓰거나, " +
            "서버가 아직 유지하는 커넥션을 버리게 됩니다. 어느 것이 처음이고 마지막인지는 아무것도 증명하지 못하므로 형식 오류입니다.",
        },
      },
      {
        args: ["x=a=b"],
        throws: "RangeError",
        why: {
          en: "a value is a token or a quoted string; '=' is not a token character, so a=b unquoted is neither: the header is malformed (x=\"a=b\" would be fine).",
          ko: "값은 토큰이거나 quoted string입니다. '='는 토큰 문자가 아니므로 따옴표 없는 a=b는 어느 쪽도 아닙니다. 이 헤더는 형식 오류입니다(x=\"a=b\"라면 괜찮습니다).",
        },
      },
      { args: ["timeout=abc"], throws: "RangeError", why: badCount },
      { args: ["max=-1"], throws: "RangeError", why: badCount },
      { args: ["timeout=1.5"], throws: "RangeError", why: badCount },
      { args: ["timeout"], throws: "RangeError", why: badCount },
      { args: ["max="], throws: "RangeError", why: badCount },
    ],
  },
  "4.5b": {
    why: {
      en:
        "Both ends must reach the same answer from the same two messages: if the client reuses a connection " +
        "the server is about to close, its next request is lost; if it waits for a close that never comes, it hangs.",
      ko:
        "양쪽 끝은 같은 두 메시지로부터 같은 답을 내야 합니다. 서버가 막 닫으려는 커넥션을 클라이언트가 다시 쓰면 " +
        "다음 요청을 잃고, 오지 않을 닫힘을 기다리면 멈춰 버립니다.",
    },
    cases: [
      pair({ clientVersion: "1.1", serverVersion: "1.1", body: "known" }, true, "http11-default", {
        en: "HTTP/1.1 on both sides and no Connection: close: persistent by default.",
        ko: "양쪽 모두 HTTP/1.1이고 Connection: close가 없습니다. 기본적으로 지속 커넥션입니다.",
      }),
      pair({ clientVersion: "1.1", requestConnection: "close", serverVersion: "1.1", body: "known" }, false, "client-close", {
        en: "the request said Connection: close: the client will send no more requests on this connection.",
        ko: "요청이 Connection: close라고 했습니다. 클라이언트는 이 커넥션으로 더는 요청을 보내지 않습니다.",
      }),
      pair({ clientVersion: "1.1", serverVersion: "1.1", responseConnection: "close", body: "known" }, false, "server-close", {
        en: "the response said Connection: close: the server closes after sending it.",
        ko: "응답이 Connection: close라고 했습니다. 서버는 응답을 보낸 뒤 닫습니다.",
      }),
      pair({ clientVersion: "1.0", serverVersion: "1.1", body: "known" }, false, "http10-not-asked", {
        en: "HTTP/1.0 closes after every response unless the request asks with Connection: keep-alive.",
        ko: "HTTP/1.0은 요청이 Connection: keep-alive로 청하지 않는 한 응답마다 커넥션을 닫습니다.",
      }),
      pair(
        { clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.1", body: "known" },
        false,
        "http10-not-agreed",
        {
          en: "the HTTP/1.0 client asked for keep-alive but the response has no Connection: keep-alive, so the client expects the server to close.",
          ko: "HTTP/1.0 클라이언트가 keep-alive를 청했지만 응답에 Connection: keep-alive가 없으므로, 클라이언트는 서버가 닫을 것으로 예상합니다.",
        },
        [{ got: { persistent: false, reason: "http10-not-asked" }, say: tokenCase }],
      ),
      pair(
        { clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "Keep-Alive", body: "known" },
        true,
        "http10-agreed",
        {
          en: "the client asked with Connection: keep-alive and the response agreed with Connection: keep-alive.",
          ko: "클라이언트가 Connection: keep-alive로 청했고, 응답도 Connection: keep-alive로 동의했습니다.",
        },
        [{ got: { persistent: false, reason: "http10-not-asked" }, say: tokenCase }],
      ),
      pair(
        {
          clientVersion: "1.0",
          requestConnection: "keep-alive",
          serverVersion: "1.0",
          responseConnection: "KEEP-ALIVE",
          body: "until-close",
        },
        false,
        "read-until-close",
        {
          en: "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection.",
          ko: "응답에 Content-Length가 없고 청크 인코딩(chunked)도 아닙니다. 본문은 서버가 커넥션을 닫아야 끝납니다.",
        },
        [
          { got: { persistent: false, reason: "http10-not-agreed" }, say: tokenCase },
          { got: { persistent: true, reason: "http10-agreed" }, say: bodyLast },
        ],
      ),
      pair(
        { clientVersion: "1.1", serverVersion: "1.0", body: "known" },
        false,
        "http10-server-default",
        {
          en: "an HTTP/1.0 response without Connection: keep-alive: the 1.1 default does not apply to a 1.0 server, which closes after responding.",
          ko: "Connection: keep-alive가 없는 HTTP/1.0 응답입니다. 1.1의 기본값은 1.0 서버에 적용되지 않으며, 1.0 서버는 응답한 뒤 닫습니다.",
        },
        [{ got: { persistent: true, reason: "http11-default" }, say: bothOneOne }],
      ),
      pair(
        { clientVersion: "1.1", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" },
        true,
        "http10-server-agreed",
        {
          en: "an HTTP/1.0 server agreed explicitly with Connection: keep-alive.",
          ko: "HTTP/1.0 서버가 Connection: keep-alive로 명시적으로 동의했습니다.",
        },
        [
          {
            got: { persistent: true, reason: "http11-default" },
            say: {
              en: "the connection stays, but not by the HTTP/1.1 default: the server spoke HTTP/1.0 and agreed explicitly.",
              ko: "커넥션은 유지되지만 HTTP/1.1 기본값 때문은 아닙니다. 서버는 HTTP/1.0으로 말했고 명시적으로 동의했습니다.",
            },
          },
        ],
      ),
      pair(
        { clientVersion: "1.1", serverVersion: "1.1", body: "until-close" },
        false,
        "read-until-close",
        {
          en: "the response has no Content-Length and is not chunked: its body ends only when the server closes the connection.",
          ko: "응답에 Content-Length가 없고 청크 인코딩(chunked)도 아닙니다. 본문은 서버가 커넥션을 닫아야 끝납니다.",
        },
        [{ got: { persistent: true, reason: "http11-default" }, say: bodyLast }],
      ),
      pair(
        {
          clientVersion: "1.1",
          requestConnection: "X-Trace, Close",
          serverVersion: "1.1",
          responseConnection: "keep-alive",
          body: "known",
        },
        false,
        "client-close",
        {
          en: "the request said Connection: close: the client will send no more requests on this connection.",
          ko: "요청이 Connection: close라고 했습니다. 클라이언트는 이 커넥션으로 더는 요청을 보내지 않습니다.",
        },
        [{ got: { persistent: true, reason: "http11-default" }, say: tokenCase }],
      ),
      pair(
        { clientVersion: "1.0", requestConnection: "x-trace", serverVersion: "1.0", responseConnection: "keep-alive", body: "known" },
        false,
        "http10-not-asked",
        {
          en: "HTTP/1.0 closes after every response unless the request asks with Connection: keep-alive.",
          ko: "HTTP/1.0은 요청이 Connection: keep-alive로 청하지 않는 한 응답마다 커넥션을 닫습니다.",
        },
      ),
    ],
  },
  "4.5c": {
    why: {
      en: "Each extra connection costs a handshake and a fresh slow start, which is what keep-alive was meant to save.",
      ko: "커넥션이 하나 늘 때마다 핸드셰이크와 새로운 느린 시작이 듭니다. keep-alive가 아끼려던 것이 바로 이것입니다.",
    },
    cases: [
      {
        args: [[0, 1000, 2000, 9000], { max: 100, timeoutSeconds: 5 }, 0],
        expect: 2,
        why: {
          en: "the gap from 2000 to 9000 ms is 7 s of idle time, longer than the 5 s timeout.",
          ko: "2000 ms에서 9000 ms까지의 간격은 유휴 시간 7 s로, 5 s 타임아웃보다 깁니다.",
        },
        slips: [
          {
            got: 1,
            say: {
              en: "the idle timeout never closed the connection: compare each gap with the timeout.",
              ko: "유휴 타임아웃이 커넥션을 한 번도 닫지 않았습니다. 간격마다 타임아웃과 비교하세요.",
            },
          },
          {
            got: 4,
            say: {
              en: "timeoutSeconds is in seconds and the request times are in milliseconds: they were compared as if in one unit.",
              ko: "timeoutSeconds는 초 단위이고 요청 시각은 밀리초 단위인데, 같은 단위인 것처럼 비교했습니다.",
            },
          },
        ],
      },
      {
        args: [[0, 10, 20, 30, 40, 50, 60], { max: 3, timeoutSeconds: 60 }, 0],
        expect: 3,
        why: {
          en: "max=3: every third response closes the connection, so 7 quick requests need 3 connections.",
          ko: "max=3: 세 번째 응답마다 커넥션이 닫히므로, 빠른 요청 7개에는 커넥션 3개가 필요합니다.",
        },
        slips: [
          {
            got: 2,
            say: {
              en: "the connection carried one request more than max: it closes right after the response to the max-th request.",
              ko: "커넥션이 max보다 요청을 하나 더 날랐습니다. 커넥션은 max번째 요청의 응답 직후에 닫힙니다.",
            },
          },
          {
            got: 1,
            say: {
              en: "max was ignored: a connection carries at most max requests.",
              ko: "max를 무시했습니다. 커넥션 하나는 요청을 최대 max개까지 나릅니다.",
            },
          },
        ],
      },
      {
        args: [[0, 5000], { max: 10, timeoutSeconds: 5 }, 0],
        expect: 1,
        why: {
          en: "idle for exactly the timeout is still open (the server closes only after longer).",
          ko: "정확히 타임아웃만큼 유휴했다면 아직 열려 있습니다(서버는 그보다 오래 유휴해야 닫습니다).",
        },
        slips: [
          {
            got: 2,
            say: {
              en: "the connection was closed at exactly the timeout (close only when idle longer than it), or seconds were compared with milliseconds.",
              ko: "정확히 타임아웃 시점에 커넥션을 닫았거나(그보다 오래 유휴할 때만 닫습니다), 초를 밀리초와 비교했습니다.",
            },
          },
        ],
      },
      {
        args: [[0, 5001], { max: 10, timeoutSeconds: 5 }, 0],
        expect: 2,
        why: { en: "one millisecond past the timeout and the connection is gone.", ko: "타임아웃을 1밀리초만 넘겨도 커넥션은 사라집니다." },
      },
      {
        args: [[0, 3000, 6000], { max: 10, timeoutSeconds: 2 }, 1500],
        expect: 1,
        why: {
          en: "idle time runs from when the previous response ended, not from when its request was sent: 1.5 s of idleness each time.",
          ko: "유휴 시간은 이전 요청을 보낸 때가 아니라 이전 응답이 끝난 때부터 잽니다. 매번 1.5 s씩 유휴합니다.",
        },
        slips: [
          {
            got: 3,
            say: {
              en: "the idle time was measured from when the previous request was sent; the connection is busy until its response has arrived.",
              ko: "유휴 시간을 이전 요청을 보낸 때부터 쟀습니다. 커넥션은 그 응답이 도착할 때까지 사용 중입니다.",
            },
          },
        ],
      },
      {
        args: [[0, 100, 200], { max: 1, timeoutSeconds: 30 }, 0],
        expect: 3,
        why: {
          en: "max=1 is no persistence at all: one connection per request, as plain HTTP/1.0.",
          ko: "max=1은 지속이 전혀 없는 것입니다. 평범한 HTTP/1.0처럼 요청마다 커넥션 하나입니다.",
        },
        slips: [
          {
            got: 2,
            say: {
              en: "the connection carried one request more than max: it closes right after the response to the max-th request.",
              ko: "커넥션이 max보다 요청을 하나 더 날랐습니다. 커넥션은 max번째 요청의 응답 직후에 닫힙니다.",
            },
          },
          {
            got: 1,
            say: {
              en: "max was ignored: a connection carries at most max requests.",
              ko: "max를 무시했습니다. 커넥션 하나는 요청을 최대 max개까지 나릅니다.",
            },
          },
        ],
      },
      {
        args: [[0, 100, 6000, 6100, 6200, 20000], { max: 2, timeoutSeconds: 5 }, 0],
        expect: 4,
        why: {
          en: "limits interact: max closes after two requests, and the long gap before 20000 ms would have closed it anyway.",
          ko: "한도끼리 맞물립니다. max는 요청 두 개 뒤에 닫고, 20000 ms 전의 긴 간격도 어차피 커넥션을 닫았을 것입니다.",
        },
      },
      {
        args: [[42], { max: 5, timeoutSeconds: 5 }, 0],
        expect: 1,
        why: { en: "one request needs one connection.", ko: "요청 하나에는 커넥션 하나가 필요합니다." },
      },
    ],
  },
  "4.5d": {
    why: {
      en: "A hang is the worst failure keep-alive can have: the browser waits for the proxy's timeout with no error to show.",
      ko: "멈춤(hang)은 keep-alive가 겪을 수 있는 가장 나쁜 실패입니다. 브라우저는 보여 줄 오류도 없이 프락시의 타임아웃을 기다립니다.",
    },
    cases: [
      {
        args: [["dumb"], "connection"],
        expect: 0,
        why: {
          en: "the dumb proxy forwards Connection: Keep-Alive, the server agrees, the client reuses the connection, and the proxy never reads the second request.",
          ko: "멍청한 프락시(dumb proxy)가 Connection: Keep-Alive를 그대로 전달하고, 서버가 동의하고, 클라이언트가 커넥션을 다시 쓰는데, 프락시는 두 번째 요청을 끝내 읽지 않습니다.",
        },
      },
      {
        args: [["smart"], "connection"],
        expect: null,
        why: {
          en: "a smart proxy removes Connection and negotiates keep-alive with each side itself: no hang.",
          ko: "영리한 프락시는 Connection을 지우고 양쪽과 각각 직접 keep-alive를 협상합니다. 멈춤은 없습니다.",
        },
      },
      {
        args: [[], "connection"],
        expect: null,
        why: {
          en: "with no proxy, client and server negotiate directly: no hang.",
          ko: "프락시가 없으면 클라이언트와 서버가 직접 협상합니다. 멈춤은 없습니다.",
        },
      },
      {
        args: [["dumb"], "proxy-connection"],
        expect: null,
        why: {
          en: "the server does not know Proxy-Connection, so it does not keep the connection and closes after the response: slow, but no hang.",
          ko: "서버는 Proxy-Connection을 모르므로 커넥션을 유지하지 않고 응답 뒤에 닫습니다. 느리지만 멈추지는 않습니다.",
        },
        slips: [
          {
            got: 0,
            say: {
              en: "the server was taken to honour Proxy-Connection; it only knows Connection, so it closes after the response.",
              ko: "서버가 Proxy-Connection을 따른다고 보았습니다. 서버는 Connection만 알므로 응답 뒤에 닫습니다.",
            },
          },
        ],
      },
      {
        args: [["smart", "dumb"], "connection"],
        expect: 1,
        why: {
          en: "the smart proxy asks its next hop with Connection: Keep-Alive, and that hop is dumb: the hang moves one hop inwards.",
          ko: "영리한 프락시가 다음 홉에 Connection: Keep-Alive로 청하는데 그 홉이 멍청한 프락시입니다. 멈춤이 한 홉 안쪽으로 옮겨 갑니다.",
        },
        slips: [
          {
            got: null,
            say: {
              en: "a smart proxy does not just remove the client's header: it asks its own next hop for keep-alive with Connection: Keep-Alive.",
              ko: "영리한 프락시는 클라이언트의 헤더를 지우기만 하지 않습니다. 자기 다음 홉에 Connection: Keep-Alive로 keep-alive를 청합니다.",
            },
          },
        ],
      },
      {
        args: [["smart", "dumb"], "proxy-connection"],
        expect: 1,
        why: {
          en: "Proxy-Connection does not help here: the smart proxy itself sends Connection: Keep-Alive into the dumb one.",
          ko: "여기서는 Proxy-Connection도 소용없습니다. 영리한 프락시 자신이 멍청한 프락시에 Connection: Keep-Alive를 보냅니다.",
        },
        slips: [
          {
            got: null,
            say: {
              en: "a smart proxy does not just remove the client's header: it asks its own next hop for keep-alive with Connection: Keep-Alive.",
              ko: "영리한 프락시는 클라이언트의 헤더를 지우기만 하지 않습니다. 자기 다음 홉에 Connection: Keep-Alive로 keep-alive를 청합니다.",
            },
          },
        ],
      },
      {
        args: [["dumb", "smart"], "proxy-connection"],
        expect: 0,
        why: {
          en: "the dumb proxy passes Proxy-Connection to the smart one, which takes it as addressed to itself and answers keep-alive: the dumb one in front hangs.",
          ko: "멍청한 프락시가 Proxy-Connection을 영리한 프락시에 넘기면, 영리한 프락시는 그것을 자기에게 온 것으로 여기고 keep-alive로 답합니다. 앞에 있는 멍청한 프락시가 멈춥니다.",
        },
        slips: [
          {
            got: null,
            say: {
              en: "the smart proxy cannot tell that Proxy-Connection came through a dumb proxy: it takes it as addressed to itself and answers keep-alive.",
              ko: "영리한 프락시는 Proxy-Connection이 멍청한 프락시를 거쳐 왔는지 알 수 없습니다. 자기에게 온 것으로 여기고 keep-alive로 답합니다.",
            },
          },
        ],
      },
      {
        args: [["dumb", "dumb"], "connection"],
        expect: 0,
        why: {
          en: "the first dumb proxy nearest the client is where the second request stops.",
          ko: "두 번째 요청은 클라이언트에 가장 가까운 첫 멍청한 프락시에서 멈춥니다.",
        },
        slips: [
          {
            got: 1,
            say: {
              en: "the second request never gets past the first dumb proxy it meets, the one nearest the client.",
              ko: "두 번째 요청은 처음 만나는 멍청한 프락시, 즉 클라이언트에 가장 가까운 프락시를 넘어가지 못합니다.",
            },
          },
        ],
      },
      {
        args: [["smart", "smart"], "proxy-connection"],
        expect: null,
        why: {
          en: "a chain of smart proxies negotiates hop by hop: no hang.",
          ko: "영리한 프락시들의 사슬은 홉마다 협상합니다. 멈춤은 없습니다.",
        },
      },
      {
        args: [["smart", "smart", "dumb"], "connection"],
        expect: 2,
        why: {
          en: "the hang is at the dumb proxy, wherever it sits in the chain.",
          ko: "멈춤은 사슬의 어디에 있든 멍청한 프락시에서 일어납니다.",
        },
      },
    ],
  },
  "4.5e": {
    why: {
      en:
        "A kept connection ends in two ways, and both count: the server closes it right after the response to the last request it will " +
        "take on it (max), and it closes it when it has been idle, from the end of one response to the next request, for longer than its " +
        "timeout. Whichever comes first sends the next request to a new connection, with a new handshake and a new slow start.",
      ko:
        "유지된 커넥션이 끝나는 길은 두 가지이며 둘 다 셉니다. 서버는 그 커넥션에서 받을 마지막 요청(max)의 응답 직후에 닫고, " +
        "한 응답이 끝난 때부터 다음 요청까지 타임아웃보다 오래 유휴해도 닫습니다. 둘 중 먼저 오는 쪽이 다음 요청을 새 커넥션으로 " +
        "보내며, 새 핸드셰이크와 새 느린 시작이 뒤따릅니다.",
    },
    cases: [
      {
        args: [],
        expect: 4,
        label: "predictConnectionsOpened()",
        why: {
          en:
            "requests 1-3 share the first connection and 4-6 the second (3 each); request 7 opens a third; request 8 comes 5 s after " +
            "the seventh response, longer than the 2 s timeout, so that third connection is gone and it opens a fourth.",
          ko:
            "요청 1-3이 첫 커넥션을, 4-6이 두 번째 커넥션을 함께 씁니다(각각 3개). 요청 7이 세 번째를 엽니다. 요청 8은 일곱 번째 " +
            "응답 5 s 뒤에 오는데, 2 s 타임아웃보다 길므로 세 번째 커넥션은 이미 사라졌고 네 번째를 엽니다.",
        },
        slips: [
          {
            got: 1,
            say: {
              en: "neither limit closed anything: both max and the idle timeout close connections.",
              ko: "어느 한도도 아무것도 닫지 않았습니다. max와 유휴 타임아웃 모두 커넥션을 닫습니다.",
            },
          },
          {
            got: 2,
            say: {
              en: "only the pause closed a connection: max closes one too, right after the response to its third request.",
              ko: "멈춤만 커넥션을 닫았습니다. max도 세 번째 요청의 응답 직후에 커넥션을 닫습니다.",
            },
          },
          {
            got: 3,
            say: {
              en:
                "one limit was left out: either the 5 s pause (longer than the 2 s timeout) or max, which ends a connection after its third request, " +
                "not after a fourth.",
              ko: "한도 하나를 빠뜨렸습니다. 5 s 멈춤(2 s 타임아웃보다 김)이나, 커넥션을 네 번째가 아니라 세 번째 요청 뒤에 끝내는 max 중 하나입니다.",
            },
          },
          {
            got: 5,
            say: {
              en: "each connection carried 2 requests: max=3 means the third request is still served, and the connection closes after it.",
              ko: "커넥션마다 요청을 2개씩 날랐습니다. max=3이면 세 번째 요청까지 처리하고, 그 뒤에 커넥션을 닫습니다.",
            },
          },
          {
            got: 8,
            say: {
              en: "the client reuses an open connection: only a limit closes it.",
              ko: "클라이언트는 열려 있는 커넥션을 다시 씁니다. 커넥션을 닫는 것은 한도뿐입니다.",
            },
          },
        ],
      },
    ],
  },
  "4.5f": {
    why: {
      en:
        "Without keep-alive every request opens its own TCP connection and pays its handshake; with it, one connection carries them all. " +
        "On loopback a round trip lasts microseconds, so what the time difference shows is the work of making a connection (socket, accept, " +
        "close on both ends), not the network's round trip: on a real path the handshake's round trip comes on top.",
      ko:
        "keep-alive가 없으면 요청마다 자기 TCP 커넥션을 열고 핸드셰이크를 치릅니다. keep-alive가 있으면 커넥션 하나가 요청을 모두 " +
        "나릅니다. 루프백에서는 왕복이 마이크로초 단위이므로, 시간 차이가 보여 주는 것은 네트워크 왕복이 아니라 커넥션을 만드는 작업" +
        "(양쪽 끝의 socket, accept, close)입니다. 실제 경로에서는 여기에 핸드셰이크의 왕복이 더해집니다.",
    },
    cases: [],
    lab: "keep-alive",
    fromLab: (m: KeepAliveLabResult): Case[] | Text => {
      const fresh = m?.measured?.newConnection;
      const kept = m?.measured?.keepAlive;
      if (
        !fresh ||
        !kept ||
        fresh.socketsOpened === null ||
        kept.socketsOpened === null ||
        fresh.perRequestMs === null ||
        kept.perRequestMs === null
      ) {
        return {
          en: "your keep-alive lab result has no socket counts or times (the lab did not finish): run npm run workbook -- lab keep-alive again.",
          ko: "keep-alive 실험 결과에 소켓 수나 시간이 없습니다(실험이 끝나지 않았습니다). npm run workbook -- lab keep-alive를 다시 실행하세요.",
        };
      }
      const n = m.setup.requests;
      const ratio = fresh.perRequestMs / kept.perRequestMs;
      const faster = ratio >= 1.2 ? "kept-alive" : ratio <= 1 / 1.2 ? "new-connection" : "no-clear-difference";
      const expect = { newConnectionSockets: fresh.socketsOpened, keptAliveSockets: kept.socketsOpened, faster };
      const others = (["kept-alive", "new-connection", "no-clear-difference"] as const).filter((f) => f !== faster);
      return [
        {
          args: [n],
          expect,
          label: {
            en:
              `predictKeepAliveLab(${n})   (your lab: ${fresh.socketsOpened} and ${kept.socketsOpened} sockets, ` +
              `${fresh.perRequestMs} ms and ${kept.perRequestMs} ms per request)`,
            ko:
              `predictKeepAliveLab(${n})   (여러분의 실험: 소켓 ${fresh.socketsOpened}개와 ${kept.socketsOpened}개, ` +
              `요청당 ${fresh.perRequestMs} ms와 ${kept.perRequestMs} ms)`,
          },
          why: {
            en:
              `your own measurement (.workbook/labs/keep-alive.json): the server accepted ${fresh.socketsOpened} connections for ${n} requests ` +
              `without keep-alive and ${kept.socketsOpened} with it; per request ${fresh.perRequestMs} ms against ${kept.perRequestMs} ms.`,
            ko:
              `여러분의 측정값(.workbook/labs/keep-alive.json): 요청 ${n}개에 대해 서버가 keep-alive 없이는 커넥션 ${fresh.socketsOpened}개를, ` +
              `keep-alive로는 ${kept.socketsOpened}개를 받았습니다. 요청당 ${fresh.perRequestMs} ms 대 ${kept.perRequestMs} ms입니다.`,
          },
          slips: [
            {
              got: { ...expect, keptAliveSockets: fresh.socketsOpened },
              say: {
                en:
                  "the kept-alive run was taken to open a socket per request too: " +
                  "its agent keeps the idle socket and sends the next request on it.",
                ko: "keep-alive 실행도 요청마다 소켓을 연다고 보았습니다. 그 에이전트는 유휴 소켓을 남겨 두고 다음 요청을 그 소켓으로 보냅니다.",
              },
            },
            {
              got: { ...expect, newConnectionSockets: kept.socketsOpened },
              say: {
                en: "without keep-alive each request says Connection: close, so " + "each one needs a connection of its own.",
                ko: "keep-alive가 없으면 요청마다 Connection: close라고 말하므로, 요청마다 자기 커넥션이 필요합니다.",
              },
            },
            ...others.map((f) => ({
              got: { ...expect, faster: f },
              say: {
                en:
                  "the conclusion does not match your own measurement: " +
                  "compare the two 'time per request' rows of your lab result (a 20 % margin counts as no clear difference).",
                ko: "결론이 여러분의 측정값과 맞지 않습니다. 실험 결과의 '요청당 시간' 행 두 개를 비교하세요(20 % 이내의 차이는 뚜렷한 차이가 없는 것으로 칩니다).",
              },
            })),
          ],
        },
      ];
    },
  },
};
export default cases;
