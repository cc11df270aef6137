/** Hidden cases for 4.3 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.3b": {
    cases: [
      {
        args: [{ Host: "a.test", Connection: " , X-Foo ,\t,x-bar\t", "x-foo": "1", "X-BAR": "2", "X-Baz": "3" }],
        expect: { Host: "a.test", "X-Baz": "3" },
        why: {
          en: "Connection's list with empty elements and spaces or tabs around the names.",
          ko: "빈 요소가 있고 이름 앞뒤에 공백이나 탭이 있는 Connection 목록.",
        },
      },
      {
        args: [
          {
            host: "a.test",
            "KEEP-ALIVE": "timeout=5",
            "proxy-connection": "keep-alive",
            te: "trailers",
            "TRANSFER-ENCODING": "chunked",
            UPGRADE: "h2c",
            trailer: "Expires",
            "content-length": "0",
          },
        ],
        expect: { host: "a.test", "content-length": "0" },
        why: {
          en: "the always-hop-by-hop fields, spelled in upper and lower case, with no Connection header.",
          ko: "대문자와 소문자로 쓴, 항상 홉별(hop-by-hop)인 필드들. Connection 헤더는 없습니다.",
        },
        slips: [
          {
            got: { host: "a.test", "KEEP-ALIVE": "timeout=5", "TRANSFER-ENCODING": "chunked", UPGRADE: "h2c", "content-length": "0" },
            say: {
              en: "the upper-case spellings were kept: compare every field name lower-cased, not only Connection's tokens.",
              ko: "대문자로 쓴 필드가 남았습니다: Connection의 토큰만이 아니라 모든 필드 이름을 소문자로 바꿔 비교하세요.",
            },
          },
        ],
      },
      {
        args: [
          {
            Host: "a.test",
            "Upgrade-Insecure-Requests": "1",
            "Proxy-Authorization": "Basic Zm9vOmJhcg==",
            "Keep-Alive-Timeout": "5",
            Trailers: "x",
            "X-Connection": "close",
          },
        ],
        expect: {
          Host: "a.test",
          "Upgrade-Insecure-Requests": "1",
          "Proxy-Authorization": "Basic Zm9vOmJhcg==",
          "Keep-Alive-Timeout": "5",
          Trailers: "x",
          "X-Connection": "close",
        },
        why: {
          en: "end-to-end fields whose names start with, end with or resemble hop-by-hop names, and one that is only on RFC 2616's old list.",
          ko: "이름이 홉별 이름으로 시작하거나, 끝나거나, 비슷하기만 한 종단 간(end-to-end) 필드들, 그리고 RFC 2616의 옛 목록에만 있는 필드 하나.",
        },
      },
      {
        args: [{ Host: "a.test", Connection: "", Accept: "*/*" }],
        expect: { Host: "a.test", Accept: "*/*" },
        why: { en: "a Connection header with an empty value.", ko: "값이 빈 Connection 헤더." },
      },
      { args: [{}], expect: {}, why: { en: "a message with no fields at all.", ko: "필드가 하나도 없는 메시지." } },
    ],
  },
  "4.3c": {
    cases: [
      {
        args: [{ htmlBytes: 14_600, objectBytes: [14_601], rttMs: 100 }],
        expect: 500,
        why: {
          en: "a response of exactly the first window's segments, and one byte more.",
          ko: "첫 윈도의 세그먼트를 정확히 채우는 응답과, 그보다 1바이트 많은 응답.",
        },
        slips: [
          {
            got: 400,
            say: {
              en: "a byte over a whole number of segments still needs one more segment: round the segment count up.",
              ko: "세그먼트 개수에 딱 맞는 크기를 1바이트만 넘어도 세그먼트가 하나 더 필요합니다: 세그먼트 수를 올림하세요.",
            },
          },
        ],
      },
      {
        args: [{ htmlBytes: 43_800, objectBytes: [43_801], rttMs: 10 }],
        expect: 70,
        why: {
          en: "a response that exactly fills two rounds of slow start, and one byte more.",
          ko: "느린 시작(slow start) 두 라운드를 정확히 채우는 응답과, 그보다 1바이트 많은 응답.",
        },
      },
      {
        args: [{ htmlBytes: 10_220, objectBytes: [1], rttMs: 10, initialWindow: 1 }],
        expect: 60,
        why: {
          en: "an initial window of 1 segment: the rounds carry 1, 2, 4 ... segments, counted together.",
          ko: "세그먼트 1개짜리 초기 윈도: 라운드마다 세그먼트를 1, 2, 4 ...개씩 나르며, 이를 누적해서 셉니다.",
        },
      },
      {
        args: [{ htmlBytes: 1000, objectBytes: [1000], rttMs: 100, mss: 100, initialWindow: 4 }],
        expect: 600,
        why: { en: "a small MSS and window given together.", ko: "작은 MSS와 윈도를 함께 준 경우." },
      },
      {
        args: [{ htmlBytes: 1_000_000, objectBytes: [1_000_000, 1], rttMs: 0, serverMs: 7 }],
        expect: 21,
        why: { en: "no latency: only the server's time per fetch is left.", ko: "지연 없음: 가져오기마다 서버 처리 시간만 남습니다." },
      },
      {
        args: [{ htmlBytes: 1_000_000, objectBytes: [], rttMs: 50 }],
        expect: 400,
        why: { en: "one large response that needs many rounds of slow start.", ko: "느린 시작 라운드가 여러 번 필요한 큰 응답 하나." },
      },
    ],
  },
};
export default cases;
