/** Hidden cases for 4.6 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.6a": {
    cases: [
      { args: [[], 0], expect: { resend: [], fail: [] }, why: { en: "no requests at all.", ko: "요청이 하나도 없는 경우." } },
      {
        args: [["POST", "POST", "GET"], 2],
        expect: { resend: [2], fail: [] },
        why: {
          en: "non-idempotent requests that were answered before the close.",
          ko: "커넥션이 끊기기 전에 응답을 받은, 멱등이 아닌 요청들.",
        },
      },
      {
        args: [["Get", "delete", "PUT"], 0],
        expect: { resend: [2], fail: [0, 1] },
        why: { en: "method names in mixed and lower case.", ko: "대소문자가 섞이거나 소문자로 쓴 메서드 이름." },
      },
      {
        args: [["CONNECT", "OPTIONS", "TRACE", "FROB"], 1],
        expect: { resend: [1, 2], fail: [3] },
        why: { en: "CONNECT, OPTIONS, TRACE and an unknown method.", ko: "CONNECT, OPTIONS, TRACE와 알 수 없는 메서드." },
      },
      {
        args: [["HEAD", "HEAD", "HEAD", "POST", "HEAD"], 4],
        expect: { resend: [4], fail: [] },
        why: {
          en: "only the last request is unanswered: its index in the whole list.",
          ko: "마지막 요청만 응답을 받지 못한 경우: 전체 목록에서의 인덱스.",
        },
      },
      {
        args: [["constructor", "GET"], 0],
        expect: { resend: [1], fail: [0] },
        why: {
          en: "a method name that is also a property every JavaScript object has.",
          ko: "모든 JavaScript 객체가 가진 속성과 이름이 같은 메서드.",
        },
        slips: [
          {
            got: { resend: [0, 1], fail: [] },
            say: {
              en: "a lookup with `in` (or obj[name]) on a plain object also finds names inherited from Object.prototype.",
              ko: "평범한 객체에서 `in`(또는 obj[name])으로 찾으면 Object.prototype에서 상속된 이름도 찾아집니다.",
            },
          },
        ],
      },
    ],
  },
  "4.6b": {
    cases: [
      {
        args: [[10, 10, 10], 20],
        expect: [30, 30, 30],
        why: {
          en: "equal server times: the server works on all requests at once.",
          ko: "서버 처리 시간이 모두 같은 경우: 서버는 모든 요청을 동시에 처리합니다.",
        },
      },
      {
        args: [[3, 0], 15],
        expect: [18, 18],
        why: {
          en: "an odd round-trip time, so each way is a fraction of a millisecond.",
          ko: "홀수인 왕복 시간: 편도 시간에 밀리초 미만의 소수가 생깁니다.",
        },
      },
      { args: [[5, 1, 10], 0], expect: [5, 5, 10], why: { en: "a round-trip time of 0.", ko: "왕복 시간이 0인 경우." } },
      {
        args: [[100, 10, 200, 20], 10],
        expect: [110, 110, 210, 210],
        why: { en: "two slow responses, each followed by a quick one.", ko: "느린 응답 두 개, 각각 뒤에 빠른 응답이 하나씩 오는 경우." },
      },
      {
        args: [[0, 0, 0, 90], 30],
        expect: [30, 30, 30, 120],
        why: { en: "the slow response is the last one.", ko: "느린 응답이 마지막인 경우." },
      },
    ],
  },
  "4.6c": {
    cases: [
      {
        args: ["Delete"],
        expect: false,
        why: { en: "a known method name with only its first letter upper-case.", ko: "첫 글자만 대문자인, 알려진 메서드 이름." },
      },
      { args: ["options"], expect: false, why: { en: "a known method name in lower case.", ko: "소문자로 쓴, 알려진 메서드 이름." } },
      { args: ["ELETE"], expect: false, why: { en: "part of a known method name.", ko: "알려진 메서드 이름의 일부." } },
      {
        args: ["constructor"],
        expect: false,
        why: { en: "a name that is also a property every JavaScript object has.", ko: "모든 JavaScript 객체가 가진 속성과 같은 이름." },
        slips: [
          {
            got: true,
            say: {
              en: "a lookup with `in` (or obj[name]) on a plain object also finds names inherited from Object.prototype.",
              ko: "평범한 객체에서 `in`(또는 obj[name])으로 찾으면 Object.prototype에서 상속된 이름도 찾아집니다.",
            },
          },
        ],
      },
    ],
  },
  "4.6d": {
    cases: [
      {
        args: [["GET", "GET", "POST"]],
        expect: [[0, 1], [2]],
        why: { en: "a non-idempotent request at the end.", ko: "끝에 오는, 멱등이 아닌 요청." },
      },
      {
        args: [["get", "GET"]],
        expect: [[0], [1]],
        why: { en: "a lower-case method name in front of GET.", ko: "GET 앞에 오는 소문자 메서드 이름." },
      },
      { args: [["GET"]], expect: [[0]], why: { en: "a single idempotent request.", ko: "멱등 요청 하나뿐인 경우." } },
      {
        args: [["GET", "FROB", "GET"]],
        expect: [[0], [1], [2]],
        why: { en: "an unknown method between two GETs.", ko: "GET 두 개 사이의 알 수 없는 메서드." },
      },
      {
        args: [["PUT", "DELETE", "POST", "POST", "HEAD"]],
        expect: [[0, 1], [2], [3], [4]],
        why: {
          en: "two non-idempotent requests in a row, between idempotent ones.",
          ko: "멱등 요청들 사이에 연달아 오는, 멱등이 아닌 요청 두 개.",
        },
      },
    ],
  },
};
export default cases;
