/** Hidden cases for 4.5 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.5a": {
    cases: [
      {
        args: ['timeout="5", max=007'],
        expect: { timeoutSeconds: 5, max: 7, params: {} },
        why: { en: "a quoted number, and leading zeros.", ko: "따옴표로 감싼 숫자와, 앞에 붙은 0." },
      },
      {
        args: ["timeout=+5"],
        throws: "RangeError",
        why: { en: "a sign in front of the digits (Number() accepts it).", ko: "숫자 앞의 부호(Number()는 받아들입니다)." },
      },
      {
        args: ["max=1e3"],
        throws: "RangeError",
        why: { en: "exponent notation (Number() accepts it).", ko: "지수 표기(Number()는 받아들입니다)." },
      },
      { args: ['timeout=""'], throws: "RangeError", why: { en: "a quoted empty value.", ko: "따옴표로 감싼 빈 값." } },
      {
        args: ["Foo=Bar, FOO=baz"],
        expect: { params: { foo: "Bar" } },
        why: {
          en: "the case of names and of values, and a name that repeats in another case.",
          ko: "이름과 값의 대소문자, 그리고 대소문자만 달리해 되풀이되는 이름.",
        },
      },
      {
        args: ["timeout=5,"],
        expect: { timeoutSeconds: 5, params: {} },
        why: { en: "an empty list element after a trailing comma.", ko: "끝에 붙은 쉼표 뒤의 빈 목록 요소." },
      },
      {
        args: ['list="1,2,3", timeout=9'],
        expect: { timeoutSeconds: 9, params: { list: "1,2,3" } },
        why: {
          en: "a quoted value holding several commas, followed by another parameter.",
          ko: "쉼표가 여러 개 든 따옴표 값과, 그 뒤에 오는 다른 매개변수.",
        },
        slips: [
          {
            got: { timeoutSeconds: 9, params: { list: '"1', "2": null, '3"': null } },
            say: { en: "the list was split at commas inside a quoted string.", ko: "따옴표 문자열 안의 쉼표에서 목록을 잘랐습니다." },
          },
        ],
      },
      {
        args: ["max=3, MAX=3"],
        throws: "RangeError",
        why: { en: "max given twice, in two spellings, with the same value.", ko: "대소문자만 달리해 같은 값으로 두 번 주어진 max." },
      },
      { args: ['x="a=b"'], expect: { params: { x: "a=b" } }, why: { en: "an '=' inside a quoted value.", ko: "따옴표 값 안의 '='." } },
      { args: ["x=a b"], throws: "RangeError", why: { en: "an unquoted value with a space in it.", ko: "공백이 든, 따옴표 없는 값." } },
      { args: ['x="open, max=1'], throws: "RangeError", why: { en: "a quote that is never closed.", ko: "끝내 닫히지 않는 따옴표." } },
      {
        args: ["__proto__, Constructor=x, constructor=y"],
        expect: { params: { ["__proto__"]: null, constructor: "x" } },
        why: {
          en: "names that plain JavaScript objects treat specially, one of them repeated in another case.",
          ko: "평범한 JavaScript 객체가 특별하게 다루는 이름들, 그중 하나는 대소문자만 달리해 되풀이됩니다.",
        },
      },
    ],
  },
  "4.5b": {
    cases: [
      {
        args: [
          { clientVersion: "1.1", requestConnection: "close", serverVersion: "1.1", responseConnection: "close", body: "until-close" },
        ],
        expect: { persistent: false, reason: "client-close" },
        why: {
          en: "several rules apply at once: which is checked first.",
          ko: "여러 규칙이 한꺼번에 적용되는 경우: 어느 규칙을 먼저 검사하는지.",
        },
      },
      {
        args: [{ clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "close", body: "known" }],
        expect: { persistent: false, reason: "server-close" },
        why: {
          en: "a close in the response against an HTTP/1.0 keep-alive request.",
          ko: "HTTP/1.0 keep-alive 요청에 응답이 close로 답한 경우.",
        },
      },
      {
        args: [{ clientVersion: "1.1", requestConnection: "keep-alive", serverVersion: "1.0", body: "until-close" }],
        expect: { persistent: false, reason: "http10-server-default" },
        why: {
          en: "an HTTP/1.1 client asking for keep-alive, an HTTP/1.0 server that does not answer it, and a body read until close.",
          ko: "keep-alive를 요청하는 HTTP/1.1 클라이언트, 거기에 답하지 않는 HTTP/1.0 서버, 그리고 커넥션이 끊길 때까지 읽는 본문.",
        },
      },
      {
        args: [
          {
            clientVersion: "1.0",
            requestConnection: "Keep-Alive",
            serverVersion: "1.0",
            responseConnection: "X-Keep-Alive-Debug",
            body: "known",
          },
        ],
        expect: { persistent: false, reason: "http10-not-agreed" },
        why: { en: "a response token that merely contains the text keep-alive.", ko: "keep-alive라는 글자를 포함하기만 하는 응답 토큰." },
      },
      {
        args: [
          {
            clientVersion: "1.0",
            requestConnection: " TE ,  Keep-Alive ",
            serverVersion: "1.1",
            responseConnection: "Keep-Alive",
            body: "until-close",
          },
        ],
        expect: { persistent: false, reason: "read-until-close" },
        why: {
          en: "spaces around tokens, and an agreed HTTP/1.0 keep-alive with a body read until close.",
          ko: "토큰 앞뒤의 공백, 그리고 합의된 HTTP/1.0 keep-alive에 커넥션이 끊길 때까지 읽는 본문.",
        },
      },
      {
        args: [{ clientVersion: "1.1", requestConnection: "X-Closed-Caption", serverVersion: "1.1", body: "known" }],
        expect: { persistent: true, reason: "http11-default" },
        why: { en: "a request token that merely contains the text close.", ko: "close라는 글자를 포함하기만 하는 요청 토큰." },
      },
    ],
  },
  "4.5c": {
    cases: [
      { args: [[], { max: 5, timeoutSeconds: 5 }, 0], expect: 0, why: { en: "no requests at all.", ko: "요청이 하나도 없는 경우." } },
      {
        args: [[0, 6500], { max: 10, timeoutSeconds: 5 }, 1500],
        expect: 1,
        why: {
          en: "idle for exactly the timeout, counted from the end of a response that takes time.",
          ko: "시간이 걸리는 응답이 끝난 때부터 세어 정확히 timeout만큼 유휴 상태인 경우.",
        },
        slips: [
          {
            got: 2,
            say: {
              en: "the connection was closed at exactly the timeout, or the idle time was counted from when the request was sent.",
              ko: "정확히 timeout에 커넥션을 닫았거나, 요청을 보낸 때부터 유휴 시간을 셌습니다.",
            },
          },
        ],
      },
      {
        args: [[0, 4000, 8000, 12000, 16000], { max: 100, timeoutSeconds: 5 }, 0],
        expect: 1,
        why: {
          en: "idle time is measured from the last response, not from when the connection opened.",
          ko: "유휴 시간은 커넥션이 열린 때가 아니라 마지막 응답부터 잽니다.",
        },
      },
      {
        args: [[0, 10, 10000, 10010, 10020], { max: 3, timeoutSeconds: 5 }, 0],
        expect: 2,
        why: {
          en: "the request count on a connection after the previous one was closed by the idle timeout.",
          ko: "앞 커넥션이 유휴 timeout으로 닫힌 뒤 새 커넥션에서의 요청 수.",
        },
      },
      {
        args: [[0, 500, 1001, 1001], { max: 10, timeoutSeconds: 0.5 }, 0],
        expect: 2,
        why: { en: "a timeout that is a fraction of a second.", ko: "1초보다 짧은 timeout." },
      },
      {
        args: [[0, 6000], { max: 10, timeoutSeconds: 5 }],
        expect: 2,
        why: { en: "transactionMs left out: its default.", ko: "transactionMs를 생략한 경우: 그 기본값." },
      },
    ],
  },
  "4.5d": {
    cases: [
      {
        args: [["dumb", "smart"], "connection"],
        expect: 0,
        why: {
          en: "a dumb proxy in front of a smart one, asked with Connection.",
          ko: "영리한 프락시 앞의 멍청한 프락시(dumb proxy), Connection으로 요청한 경우.",
        },
      },
      {
        args: [["dumb", "dumb"], "proxy-connection"],
        expect: null,
        why: { en: "Proxy-Connection through two dumb proxies.", ko: "멍청한 프락시 두 개를 지나는 Proxy-Connection." },
      },
      {
        args: [["smart", "dumb", "smart"], "proxy-connection"],
        expect: 1,
        why: { en: "a dumb proxy between two smart ones.", ko: "영리한 프락시 두 개 사이의 멍청한 프락시." },
      },
      {
        args: [["dumb", "smart", "dumb"], "connection"],
        expect: 0,
        why: {
          en: "two dumb proxies that would both relay keep-alive: which one the second request reaches first.",
          ko: "둘 다 keep-alive를 전달할 멍청한 프락시 두 개: 두 번째 요청이 어느 쪽에 먼저 닿는지.",
        },
      },
      {
        args: [["smart"], "proxy-connection"],
        expect: null,
        why: { en: "a smart proxy asked with Proxy-Connection.", ko: "Proxy-Connection으로 요청받은 영리한 프락시." },
      },
      {
        args: [["smart", "smart", "smart", "dumb", "smart"], "proxy-connection"],
        expect: 3,
        why: { en: "a long chain with one dumb proxy deep inside.", ko: "깊숙한 곳에 멍청한 프락시 하나가 있는 긴 프락시 체인." },
      },
    ],
  },
};
export default cases;
