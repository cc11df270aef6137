/** Hidden cases for 4.2 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

/** A full-sized segment (exactly one MSS) arriving at tMs (4.2b). */
const full = (tMs: number, mss = 1460) => ({ tMs, bytes: mss });
/** A small segment arriving at tMs (4.2b). */
const small = (tMs: number, bytes = 300) => ({ tMs, bytes });
/** Linux's default ephemeral port range (4.2g). */
const linux = { low: 32768, high: 60999 };

const cases: HiddenCheckCases = {
  "4.2a": {
    cases: [
      {
        args: [{ rttMs: 100, dnsMs: 100 }],
        expect: 100 / 300,
        why: {
          en: "a DNS lookup given and the server time left out (it defaults to 0).",
          ko: "DNS 조회 시간은 주어지고 서버 처리 시간은 생략된 경우(기본값 0).",
        },
        slips: [
          {
            got: 0.5,
            say: {
              en: "the handshake counted as one and a half round trips, the request's and response's trips left out, or the DNS lookup left out of the total?",
              ko: "핸드셰이크를 왕복 한 번 반으로 셌거나, 요청과 응답의 이동을 빼먹었거나, DNS 조회를 합계에서 빼먹었나요?",
            },
          },
          {
            got: 0.25,
            say: {
              en: "each one-way trip was counted as a whole round trip: the request crosses the path once, and so does the response.",
              ko: "편도 이동을 각각 왕복 한 번으로 셌습니다: 요청은 경로를 한 번 건너고, 응답도 마찬가지입니다.",
            },
          },
        ],
      },
      {
        args: [{ rttMs: 0 }],
        expect: 0,
        why: { en: "a zero-time transaction with every option left out.", ko: "옵션을 모두 생략한, 시간이 0인 트랜잭션." },
      },
      {
        args: [{ rttMs: 40, dnsMs: 0, serverMs: 0 }],
        expect: 0.5,
        why: { en: "options given explicitly as 0.", ko: "옵션을 명시적으로 0으로 준 경우." },
        slips: [
          {
            got: 50,
            say: {
              en: "a fraction from 0 to 1 was asked for, not a percentage.",
              ko: "백분율이 아니라 0에서 1 사이의 비율을 구해야 합니다.",
            },
          },
        ],
      },
      {
        args: [{ rttMs: 1, dnsMs: 1000, serverMs: 999 }],
        expect: 1 / 2001,
        why: { en: "a tiny RTT next to slow DNS and a slow server.", ko: "느린 DNS와 느린 서버에 비해 아주 작은 RTT." },
      },
      {
        args: [{ rttMs: 0, dnsMs: 30 }],
        expect: 0,
        why: {
          en: "no round-trip time, but the transaction still takes time (DNS).",
          ko: "왕복 시간은 0이지만 트랜잭션에는 여전히 시간이 걸리는 경우(DNS).",
        },
      },
      { args: [{ rttMs: 0.5, serverMs: 0.5 }], expect: 1 / 3, why: { en: "fractional milliseconds.", ko: "소수인 밀리초." } },
    ],
  },
  "4.2b": {
    cases: [
      {
        args: [[full(0), full(40)], 40],
        expect: [40, 80],
        why: {
          en: "a full segment arriving at the very instant the timer is due.",
          ko: "타이머가 울리는 바로 그 순간에 도착하는 꽉 찬 세그먼트.",
        },
        slips: [
          {
            got: [40],
            say: {
              en: "the timer and a segment met at the same instant, and the segment was handled first: the timer fires first.",
              ko: "타이머와 세그먼트가 같은 순간에 만났는데 세그먼트를 먼저 처리했습니다: 타이머가 먼저 울립니다.",
            },
          },
        ],
      },
      {
        args: [[full(0), small(50), full(60)], 40],
        expect: [40, 90],
        why: { en: "the count of full-sized segments after a timer ACK.", ko: "타이머 ACK 뒤의 꽉 찬 세그먼트 개수." },
        slips: [
          {
            got: [40, 100],
            say: {
              en: "the timer was restarted by a later segment: it runs from the first unACKed segment.",
              ko: "나중에 온 세그먼트가 타이머를 다시 시작시켰습니다: 타이머는 확인응답되지 않은 첫 세그먼트부터 갑니다.",
            },
          },
          {
            got: [40, 60],
            say: {
              en: "a small segment was counted towards the immediate ACK: only full-sized segments count.",
              ko: "작은 세그먼트를 즉시 ACK 조건에 셌습니다: 꽉 찬 세그먼트만 셉니다.",
            },
          },
        ],
      },
      {
        args: [[full(0), full(0)], 0],
        expect: [0, 0],
        why: { en: "delayed ACK off with full-sized segments.", ko: "확인응답 지연(delayed ACK)을 끄고 꽉 찬 세그먼트를 받는 경우." },
      },
      {
        args: [[small(0), small(30), small(60)], 40],
        expect: [40, 100],
        why: {
          en: "a later arrival must not restart a running timer.",
          ko: "나중에 도착한 세그먼트가 돌고 있는 타이머를 다시 시작시켜서는 안 됩니다.",
        },
        slips: [
          {
            got: [100],
            say: {
              en: "the timer was restarted by each arrival: it runs from the first unACKed segment.",
              ko: "도착할 때마다 타이머를 다시 시작했습니다: 타이머는 확인응답되지 않은 첫 세그먼트부터 갑니다.",
            },
          },
        ],
      },
      {
        args: [[full(0, 1448), full(1, 1448)], 40, 1448],
        expect: [1],
        why: {
          en: "full-sized at Linux's 1448-byte MSS (timestamps on).",
          ko: "리눅스의 1448바이트 MSS(타임스탬프 켬)에서의 꽉 찬 세그먼트.",
        },
        slips: [
          {
            got: [40],
            say: {
              en: "'full-sized' means exactly one MSS of this connection (the mss argument), not 1460.",
              ko: "'꽉 찬'은 1460이 아니라 정확히 이 커넥션의 MSS(mss 인자) 하나만큼이라는 뜻입니다.",
            },
          },
        ],
      },
      {
        args: [[full(0), full(1), full(2), full(3), full(4)], 40],
        expect: [1, 3, 44],
        why: {
          en: "a long run of full segments: the count restarts after each ACK.",
          ko: "꽉 찬 세그먼트가 길게 이어지는 경우: ACK마다 개수를 새로 셉니다.",
        },
      },
    ],
  },
  "4.2c": {
    cases: [
      { args: [14_600], expect: 1, why: { en: "the default initial window and MSS.", ko: "기본 초기 윈도와 MSS." } },
      {
        args: [14_601],
        expect: 2,
        why: {
          en: "the default initial window and MSS, one byte over a round boundary.",
          ko: "기본 초기 윈도와 MSS, 라운드 경계보다 1바이트 많은 경우.",
        },
        slips: [
          {
            got: 1,
            say: {
              en: "one round short: a round that sends even one segment is a whole round trip.",
              ko: "라운드가 하나 모자랍니다: 세그먼트를 하나만 보내는 라운드도 온전한 왕복 한 번입니다.",
            },
          },
        ],
      },
      {
        args: [7 * 1460, 1, 1460],
        expect: 3,
        why: { en: "an initial window of one, exactly at a round boundary.", ko: "초기 윈도 1, 정확히 라운드 경계인 경우." },
      },
      {
        args: [7 * 1460 + 1, 1, 1460],
        expect: 4,
        why: { en: "an initial window of one, one byte over a round boundary.", ko: "초기 윈도 1, 라운드 경계보다 1바이트 많은 경우." },
      },
      {
        args: [15_309_195_000, 10, 1460],
        expect: 20,
        why: {
          en: "a very large response exactly at a round boundary: the closed form must be exact.",
          ko: "정확히 라운드 경계인 아주 큰 응답: 닫힌 식(closed form)이 정확해야 합니다.",
        },
      },
      {
        args: [15_309_195_001, 10, 1460],
        expect: 21,
        why: { en: "a very large response one byte over a round boundary.", ko: "라운드 경계보다 1바이트 많은 아주 큰 응답." },
      },
    ],
  },
  "4.2d": {
    cases: [
      { args: [10e6, 100], expect: 83, why: { en: "the default MSS is 1460.", ko: "기본 MSS는 1460입니다." } },
      {
        args: [1e9, 0],
        expect: 1,
        why: { en: "a round-trip time of 0: the least window still applies.", ko: "왕복 시간이 0인 경우: 최소 윈도는 여전히 적용됩니다." },
        slips: [{ got: 0, say: { en: "a window is never less than one segment.", ko: "윈도는 결코 세그먼트 하나보다 작지 않습니다." } }],
      },
      {
        args: [24e3, 1000],
        expect: 2,
        why: {
          en: "bytes in flight an exact multiple of the wire size of a segment.",
          ko: "전송 중인 바이트가 세그먼트 하나의 회선상 크기의 정확한 배수인 경우.",
        },
      },
      {
        args: [12e6, 100],
        expect: 100,
        why: { en: "an exact multiple again, on a faster link.", ko: "더 빠른 링크에서 다시 정확한 배수인 경우." },
      },
      {
        args: [1e9, 10, 1448],
        expect: 840,
        why: {
          en: "Linux's 1448-byte MSS: the headers are counted on top of it.",
          ko: "리눅스의 1448바이트 MSS: 헤더는 그 위에 더해서 셉니다.",
        },
        slips: [
          {
            got: 833,
            say: {
              en: "1500 bytes is the wire size of a 1460-byte segment only: the wire size follows the MSS.",
              ko: "1500바이트는 1460바이트 세그먼트의 회선상 크기일 뿐입니다: 회선상 크기는 MSS를 따라갑니다.",
            },
          },
          {
            got: 863,
            say: {
              en: "the headers were left out: a segment occupies its data plus 40 bytes of headers on the wire.",
              ko: "헤더를 빼먹었습니다: 세그먼트는 회선에서 데이터에 헤더 40바이트를 더한 만큼 차지합니다.",
            },
          },
        ],
      },
      {
        args: [10e9, 200],
        expect: 166_666,
        why: {
          en: "10 Gbit/s on a long path: large numbers, rounded the right way.",
          ko: "긴 경로의 10 Gbit/s: 큰 수를 올바른 방향으로 어림하는지.",
        },
      },
    ],
  },
  "4.2e": {
    cases: [
      {
        args: [{ segmentBytes: 2000, unackedBytes: 0, nodelay: true }],
        throws: "RangeError",
        why: {
          en: "an oversize segment with TCP_NODELAY on: the size rule comes first.",
          ko: "TCP_NODELAY를 켠 상태의 너무 큰 세그먼트: 크기 규칙이 먼저입니다.",
        },
      },
      {
        args: [{ segmentBytes: 600, unackedBytes: 50, mss: 536, nodelay: true }],
        throws: "RangeError",
        why: {
          en: "an oversize segment for a small MSS, with TCP_NODELAY on.",
          ko: "작은 MSS에 비해 너무 큰 세그먼트, TCP_NODELAY를 켠 경우.",
        },
      },
      {
        args: [{ segmentBytes: 1461, unackedBytes: 100 }],
        throws: "RangeError",
        why: { en: "one byte over the default MSS.", ko: "기본 MSS보다 1바이트 큰 경우." },
      },
      {
        args: [{ segmentBytes: 1460, unackedBytes: 100, mss: 1500 }],
        expect: true,
        why: { en: "1460 bytes on a connection whose MSS is larger than 1460.", ko: "MSS가 1460보다 큰 커넥션에서의 1460바이트." },
        slips: [
          {
            got: false,
            say: {
              en: "'full-sized' is relative to the connection's MSS (the mss field), not 1460.",
              ko: "'꽉 찬'은 1460이 아니라 커넥션의 MSS(mss 필드)를 기준으로 합니다.",
            },
          },
        ],
      },
      {
        args: [{ segmentBytes: 1, unackedBytes: 1, nodelay: false }],
        expect: true,
        why: {
          en: "the smallest segment and the least unACKed data, nodelay given as false.",
          ko: "가장 작은 세그먼트와 가장 적은 미확인 데이터, nodelay를 false로 준 경우.",
        },
      },
      {
        args: [{ segmentBytes: 1448, unackedBytes: 1, mss: 1448 }],
        expect: false,
        why: { en: "a full segment at Linux's 1448-byte MSS.", ko: "리눅스의 1448바이트 MSS에서의 꽉 찬 세그먼트." },
        slips: [
          {
            got: true,
            say: {
              en: "a full-sized segment was held: Nagle holds only segments smaller than the MSS (the mss field).",
              ko: "꽉 찬 세그먼트를 붙잡았습니다: 네이글 알고리즘은 MSS(mss 필드)보다 작은 세그먼트만 붙잡습니다.",
            },
          },
        ],
      },
    ],
  },
  "4.2f": {
    cases: [
      {
        args: [{ writes: [2000], rttMs: 100, delayedAckMs: 40 }],
        expect: 140,
        why: { en: "one write a little over one MSS.", ko: "MSS 하나보다 조금 큰 쓰기 한 번." },
      },
      {
        args: [{ writes: [1460, 1460, 100], rttMs: 100, delayedAckMs: 40 }],
        expect: 100,
        why: { en: "full-sized writes followed by a small one.", ko: "꽉 찬 크기의 쓰기들 뒤에 작은 쓰기 하나." },
        slips: [
          {
            got: 140,
            say: {
              en: "two full-sized segments reached the receiver together: it ACKs at once, without waiting for its timer.",
              ko: "꽉 찬 세그먼트 두 개가 함께 수신자에 도착했습니다: 수신자는 타이머를 기다리지 않고 곧바로 ACK를 보냅니다.",
            },
          },
        ],
      },
      {
        args: [{ writes: [10, 20, 30, 40], rttMs: 60, delayedAckMs: 200 }],
        expect: 260,
        why: {
          en: "many small writes: every write after the first counts.",
          ko: "작은 쓰기 여러 번: 첫 쓰기 뒤의 모든 쓰기가 셈에 들어갑니다.",
        },
      },
      {
        args: [{ writes: [100, 4380], rttMs: 100, delayedAckMs: 40 }],
        expect: 0,
        why: {
          en: "a small first write, then bytes that fill whole segments exactly.",
          ko: "작은 첫 쓰기, 그 뒤에 세그먼트를 정확히 채우는 바이트.",
        },
        slips: [
          {
            got: 140,
            say: {
              en: "Nagle looks at segments, not at writes: bytes that fill full segments leave no small tail to hold.",
              ko: "네이글 알고리즘은 쓰기가 아니라 세그먼트를 봅니다: 세그먼트를 꽉 채우는 바이트는 붙잡을 작은 꼬리를 남기지 않습니다.",
            },
          },
        ],
      },
      {
        args: [{ writes: [1000, 2000], rttMs: 100, delayedAckMs: 40 }],
        expect: 140,
        why: { en: "a small first write, then a write larger than one MSS.", ko: "작은 첫 쓰기, 그 뒤에 MSS 하나보다 큰 쓰기." },
      },
      {
        args: [{ writes: [5940], rttMs: 20, delayedAckMs: 40 }],
        expect: 20,
        why: { en: "several full segments and a tail from a single write.", ko: "쓰기 한 번에서 나온 꽉 찬 세그먼트 여러 개와 꼬리." },
      },
    ],
  },
  "4.2g": {
    cases: [
      {
        args: [linux, 60, 0],
        expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: null },
        why: { en: "a rate of zero.", ko: "속도가 0인 경우." },
        slips: [
          {
            got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: undefined },
            say: {
              en: "return null, not undefined, when the ports never run out.",
              ko: "포트가 절대 바닥나지 않으면 undefined가 아니라 null을 돌려주세요.",
            },
          },
        ],
      },
      {
        args: [linux, 60, 471],
        expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28_232 / 471 },
        why: { en: "a rate just above a fractional ceiling.", ko: "소수인 상한을 살짝 넘는 속도." },
      },
      {
        args: [{ low: 1024, high: 65535 }, 60, 2000],
        expect: { ceiling: 64_512 / 60, exhaustedAfterSeconds: 32.256 },
        why: { en: "every non-privileged port in the range.", ko: "비특권 포트 전체가 범위인 경우." },
      },
      {
        args: [{ low: 50000, high: 50009 }, 0.5, 25],
        expect: { ceiling: 20, exhaustedAfterSeconds: 0.4 },
        why: { en: "a TIME_WAIT shorter than a second.", ko: "1초보다 짧은 TIME_WAIT." },
        slips: [
          {
            got: { ceiling: 18, exhaustedAfterSeconds: 0.36 },
            say: {
              en: "the range is inclusive: both of its ends are usable ports.",
              ko: "범위는 양 끝을 포함합니다: 두 끝도 쓸 수 있는 포트입니다.",
            },
          },
        ],
      },
      {
        args: [{ low: 49152, high: 65535 }, 240, 100],
        expect: { ceiling: 16_384 / 240, exhaustedAfterSeconds: 163.84 },
        why: { en: "IANA's range with RFC 9293's 240 s TIME_WAIT.", ko: "IANA의 범위와 RFC 9293의 TIME_WAIT 240 s." },
      },
      {
        args: [{ low: 40001, high: 46000 }, 60, 100.5],
        expect: { ceiling: 100, exhaustedAfterSeconds: 6000 / 100.5 },
        why: { en: "a fractional rate just above the ceiling.", ko: "상한을 살짝 넘는 소수인 속도." },
      },
    ],
  },
};
export default cases;
