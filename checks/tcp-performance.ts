/** Public cases for 4.2 TCP performance: they ship with the workbook and show in feedback. */
import type { Text } from "../lib/i18n";
import type { Case, CheckCases, Slip } from "../lib/workbook/cases";

/** A full-sized segment (exactly one MSS) arriving at tMs (4.2b). */
const full = (tMs: number, mss = 1460) => ({ tMs, bytes: mss });
/** A small segment (an HTTP request, say) arriving at tMs (4.2b). */
const small = (tMs: number, bytes = 300) => ({ tMs, bytes });
/** Linux's default ephemeral port range (4.2g). */
const linux = { low: 32768, high: 60999 };

/** Slips of 4.2a: what a wrong share says about the sum behind it (never the answer). */
const a = {
  oneAndHalf: {
    en:
      "the handshake was counted as one and a half round trips: the client may send as soon as the SYN-ACK arrives, " +
      "one round trip after its SYN, whether or not the request shares the third packet; the request's own trip is a part of its own.",
    ko:
      "핸드셰이크를 왕복 1.5번으로 셌습니다. 클라이언트는 SYN을 보내고 왕복 한 번 뒤 SYN-ACK가 도착하자마자 보낼 수 있습니다. " +
      "요청이 세 번째 패킷에 함께 실리든 아니든 마찬가지이며, 요청 자신이 건너가는 시간은 따로 셉니다.",
  },
  noTrips: {
    en: "the request's and the response's trips across the path are missing from the total.",
    ko: "요청과 응답이 경로를 건너가는 시간이 합계에서 빠졌습니다.",
  },
  wholeTrips: {
    en: "each one-way trip was counted as a whole round trip: the request crosses the path once, and so does the response.",
    ko: "편도 하나하나를 왕복 전체로 셌습니다. 요청은 경로를 한 번 건너가고, 응답도 한 번 건너옵니다.",
  },
  percent: { en: "a fraction from 0 to 1 was asked for, not a percentage.", ko: "백분율이 아니라 0에서 1 사이의 비율을 구해야 합니다." },
  noDns: { en: "the DNS lookup is part of the transaction's time too.", ko: "DNS 조회도 트랜잭션 시간의 일부입니다." },
};
/** Slips of 4.2b. */
const b = {
  restarted: {
    en: "the timer was restarted by a later segment: it runs from the first unACKed segment, and later arrivals do not move it.",
    ko: "나중에 온 세그먼트가 타이머를 다시 시작시켰습니다. 타이머는 아직 ACK하지 않은 첫 세그먼트부터 돌고, 나중에 도착한 세그먼트는 타이머를 옮기지 않습니다.",
  },
  countsSmall: {
    en: "a small segment was counted towards the immediate ACK: only full-sized segments count towards 'every second segment'.",
    ko: "작은 세그먼트를 즉시 ACK 조건에 셌습니다. '두 세그먼트마다'에는 꽉 찬(full-sized) 세그먼트만 셉니다.",
  },
  sameInstant: {
    en: "the timer and a segment met at the same instant, and the segment was handled first: the timer fires first, and the new segment starts a timer of its own.",
    ko: "타이머 만료와 세그먼트 도착이 같은 순간에 겹쳤는데 세그먼트를 먼저 처리했습니다. 타이머가 먼저 만료되고, 새 세그먼트는 자기 타이머를 새로 시작합니다.",
  },
  lastTimer: {
    en: "a timer still running after the last arrival fires too: its ACK is missing at the end.",
    ko: "마지막 도착 뒤에도 돌고 있는 타이머 역시 만료됩니다. 끝에 그 ACK가 빠졌습니다.",
  },
  mss1460: {
    en: "'full-sized' means exactly one MSS of this connection (the mss argument), not 1460.",
    ko: "'꽉 찬(full-sized)'은 1460이 아니라 정확히 이 커넥션의 MSS(mss 인자) 하나만큼을 뜻합니다.",
  },
};
/** Slips of 4.2c. */
const c = {
  short: {
    en: "one round short: a round that sends even one segment is a whole round trip.",
    ko: "라운드가 하나 모자랍니다. 세그먼트를 하나만 보내는 라운드도 왕복 한 번을 통째로 씁니다.",
  },
  extra: {
    en: "one round too many: count only the rounds that send something.",
    ko: "라운드가 하나 많습니다. 무언가를 보내는 라운드만 세세요.",
  },
  linear: {
    en: "the window was kept at its initial size: in slow start it grows every round.",
    ko: "윈도를 초기 크기로 고정했습니다. 느린 시작(slow start)에서 윈도는 라운드마다 커집니다.",
  },
};
/** Slips of 4.2d. */
const d = {
  noHeaders: {
    en: "the headers were left out: a segment occupies its data plus 40 bytes of headers on the wire.",
    ko: "헤더를 빠뜨렸습니다. 세그먼트는 회선에서 데이터에 헤더 40바이트를 더한 만큼을 차지합니다.",
  },
  roundedUp: {
    en: "rounded up: a part of a segment is not a segment, so only whole ones count.",
    ko: "올림했습니다. 세그먼트의 일부는 세그먼트가 아니므로 온전한 것만 셉니다.",
  },
  zero: {
    en: "a window is never less than one segment, however slow the link.",
    ko: "링크가 아무리 느려도 윈도는 세그먼트 하나보다 작아지지 않습니다.",
  },
  fixed1500: {
    en: "1500 bytes is the wire size of a 1460-byte segment only: the wire size follows the MSS.",
    ko: "1500바이트는 1460바이트 세그먼트일 때의 회선상 크기일 뿐입니다. 회선상 크기는 MSS를 따라갑니다.",
  },
};
/** Slips of 4.2e. */
const e = {
  holdsFull: {
    en: "a full-sized segment was held: Nagle holds only segments smaller than the MSS, so bulk transfers are never slowed.",
    ko: "꽉 찬 세그먼트를 붙잡았습니다. 네이글 알고리즘은 MSS보다 작은 세그먼트만 붙잡으므로 대량 전송은 느려지지 않습니다.",
  },
  nodelay: {
    en: "TCP_NODELAY turns Nagle off: with it nothing is held.",
    ko: "TCP_NODELAY는 네이글 알고리즘을 끕니다. 이 옵션을 켜면 아무것도 붙잡지 않습니다.",
  },
  nothingInFlight: {
    en: "with nothing unacknowledged a small segment goes at once: Nagle never delays the first write.",
    ko: "확인응답을 기다리는 데이터가 없으면 작은 세그먼트도 바로 나갑니다. 네이글 알고리즘은 첫 쓰기를 늦추지 않습니다.",
  },
  fixedMss: {
    en: "'full-sized' is relative to the connection's MSS (the mss field), not 1460.",
    ko: "'꽉 찬'은 1460이 아니라 커넥션의 MSS(mss 필드)를 기준으로 합니다.",
  },
};
/** Slips of 4.2f. */
const f = {
  timerOnly: {
    en: "only the timer was counted: the held bytes also wait for the ACK to travel back, and then travel to the server themselves.",
    ko: "타이머만 셌습니다. 붙잡힌 바이트는 ACK가 돌아오기를 기다린 뒤, 자신도 서버까지 건너가야 합니다.",
  },
  halfRtt: {
    en: "half a round trip short: the ACK travels back to the client, and then the held bytes travel to the server.",
    ko: "왕복 절반이 모자랍니다. ACK가 클라이언트로 돌아오고, 그다음 붙잡힌 바이트가 서버로 건너갑니다.",
  },
  noTimerButRtt: {
    en: "with delayed ACK off the held bytes still wait for the first segment's ACK to make its round trip.",
    ko: "확인응답 지연(delayed ACK)을 꺼도 붙잡힌 바이트는 첫 세그먼트의 ACK가 왕복을 마칠 때까지 기다립니다.",
  },
  immediateAck: {
    en: "two full-sized segments reached the receiver together: it ACKs at once, without waiting for its timer.",
    ko: "꽉 찬 세그먼트 두 개가 함께 수신 측에 도착했습니다. 수신 측은 타이머를 기다리지 않고 바로 ACK합니다.",
  },
  tail: {
    en: "one write longer than the MSS still ends in a small tail segment, and classic Nagle holds that tail behind the unACKed segment.",
    ko: "MSS보다 긴 쓰기 한 번도 끝에는 작은 꼬리 세그먼트가 남고, 고전적인 네이글 알고리즘은 그 꼬리를 ACK받지 못한 세그먼트 뒤에 붙잡아 둡니다.",
  },
  writes: {
    en: "Nagle looks at segments, not at writes: here the bytes after the first segment fill full segments and leave no small tail.",
    ko: "네이글 알고리즘은 쓰기가 아니라 세그먼트를 봅니다. 여기서는 첫 세그먼트 뒤의 바이트가 세그먼트를 꽉 채워 작은 꼬리가 남지 않습니다.",
  },
};
/** Slips of 4.2g. */
const g = {
  inclusive: {
    en: "the range is inclusive: both of its ends are usable ports.",
    ko: "범위는 양 끝을 포함합니다. 두 끝도 쓸 수 있는 포트입니다.",
  },
  atCeiling: {
    en: "exactly at the ceiling, ports come back out of TIME_WAIT as fast as they are used: they never run out.",
    ko: "정확히 상한에서는 포트가 쓰이는 속도만큼 빠르게 TIME_WAIT에서 돌아옵니다. 포트는 바닥나지 않습니다.",
  },
  drain: {
    en: "no port comes back before its TIME_WAIT ends, and above the ceiling every port is taken before the first one comes back: nothing returns in time to slow the drain.",
    ko: "TIME_WAIT가 끝나기 전에는 어떤 포트도 돌아오지 않고, 상한을 넘으면 첫 포트가 돌아오기 전에 모든 포트가 쓰입니다. 줄어드는 속도를 늦출 만큼 제때 돌아오는 포트는 없습니다.",
  },
  undefinedNotNull: {
    en: "return null, not undefined, when the ports never run out.",
    ko: "포트가 바닥나지 않을 때는 undefined가 아니라 null을 돌려주세요.",
  },
  zero: {
    en: "0 would mean the ports are gone at once; when they never run out the answer is null.",
    ko: "0은 포트가 곧바로 바닥난다는 뜻입니다. 바닥나지 않을 때의 답은 null입니다.",
  },
};

/** 4.2k's choices: which change removes the Nagle stall in the lab. */
type NagleFix = "TCP_NODELAY" | "one write" | "either" | "neither";
const NAGLE_FIXES: NagleFix[] = ["TCP_NODELAY", "one write", "either", "neither"];
/** 4.2l's choices: which side holds the TIME_WAIT entries. */
type Holder = "the side that closes first" | "the side that closes second" | "always the client" | "always the server" | "both sides";
const round2 = (x: number) => Math.round(x * 100) / 100;

/** "only one end waits" (4.2j, 4.2l). */
const oneEndWaits = {
  en: "only one end waits: the end that receives the first FIN is done once its own FIN is ACKed.",
  ko: "기다리는 쪽은 한쪽뿐입니다. 첫 FIN을 받은 쪽은 자기 FIN이 ACK되면 끝납니다.",
};

const cases: CheckCases = {
  "4.2a": {
    why: {
      en:
        "A new connection pays one round trip of handshake before the request can leave; how much of the whole that is " +
        "depends on everything else the transaction costs: the DNS lookup, the request's and the response's trips, the server's work.",
      ko:
        "새 커넥션은 요청을 보내기 전에 핸드셰이크로 왕복 한 번을 치릅니다. 그것이 전체에서 차지하는 몫은 트랜잭션에 드는 " +
        "나머지 모든 비용, 즉 DNS 조회, 요청과 응답이 건너가는 시간, 서버의 처리 시간에 달려 있습니다.",
    },
    tolerance: 1e-9,
    cases: [
      {
        args: [{ rttMs: 100, serverMs: 20 }],
        expect: 100 / 220,
        why: {
          en: "the notebook's example: a 100 ms path and a server that needs 20 ms.",
          ko: "노트북의 예: 100 ms 경로와 처리에 20 ms가 걸리는 서버.",
        },
        slips: [
          { got: 150 / 220, say: a.oneAndHalf },
          { got: 100 / 120, say: a.noTrips },
          { got: 100 / 320, say: a.wholeTrips },
          { got: (100 * 100) / 220, say: a.percent },
        ],
      },
      {
        args: [{ rttMs: 100 }],
        expect: 0.5,
        why: {
          en: "with an instant server a small transaction is two round trips, one of them the handshake.",
          ko: "서버가 즉시 응답하면 작은 트랜잭션은 왕복 두 번이고, 그중 하나가 핸드셰이크입니다.",
        },
        slips: [
          { got: 0.75, say: a.oneAndHalf },
          { got: 1, say: a.noTrips },
          { got: 1 / 3, say: a.wholeTrips },
          { got: 50, say: a.percent },
        ],
      },
      {
        args: [{ rttMs: 100, dnsMs: 50, serverMs: 20 }],
        expect: 100 / 270,
        why: {
          en: "an uncached DNS lookup is part of the total too, so it shrinks the handshake's share.",
          ko: "캐시되지 않은 DNS 조회도 합계의 일부이므로 핸드셰이크의 몫을 줄입니다.",
        },
        slips: [
          { got: 100 / 220, say: a.noDns },
          { got: 150 / 270, say: a.oneAndHalf },
          { got: 100 / 170, say: a.noTrips },
          { got: 100 / 370, say: a.wholeTrips },
        ],
      },
      {
        args: [{ rttMs: 300, dnsMs: 30, serverMs: 10 }],
        expect: 300 / 640,
        why: {
          en: "a 300 ms path (across the Pacific on a mobile network; a geostationary satellite hop is about 600 ms): the longer the path, the more the handshake weighs.",
          ko: "300 ms 경로(모바일 네트워크로 태평양을 건너는 경우. 정지 궤도 위성을 한 번 거치면 약 600 ms): 경로가 길수록 핸드셰이크의 비중이 커집니다.",
        },
        slips: [
          { got: 300 / 610, say: a.noDns },
          { got: 450 / 640, say: a.oneAndHalf },
          { got: 300 / 340, say: a.noTrips },
          { got: 300 / 940, say: a.wholeTrips },
        ],
      },
      {
        args: [{ rttMs: 20, serverMs: 200 }],
        expect: 20 / 240,
        why: {
          en: "a slow server makes the handshake a small part: the share depends on what else the transaction costs.",
          ko: "서버가 느리면 핸드셰이크는 작은 부분이 됩니다. 몫은 트랜잭션의 다른 비용에 달려 있습니다.",
        },
        slips: [
          { got: 30 / 240, say: a.oneAndHalf },
          { got: 20 / 220, say: a.noTrips },
          { got: 20 / 260, say: a.wholeTrips },
        ],
      },
      {
        args: [{ rttMs: 0, serverMs: 5 }],
        expect: 0,
        why: { en: "with no round-trip time the handshake costs nothing.", ko: "왕복 시간이 0이면 핸드셰이크에는 비용이 들지 않습니다." },
      },
      {
        args: [{ rttMs: 0, dnsMs: 0, serverMs: 0 }],
        expect: 0,
        why: {
          en: "a transaction that takes no time has no share to divide: the answer is 0, not NaN.",
          ko: "시간이 전혀 걸리지 않는 트랜잭션에는 나눌 몫이 없습니다. 답은 NaN이 아니라 0입니다.",
        },
      },
    ],
  },
  "4.2b": {
    why: {
      en: "Each ACK the receiver holds back is time the sender may spend waiting (Nagle, slow start's growth).",
      ko: "수신 측이 미뤄 두는 ACK 하나하나가 송신 측이 기다리며 보낼 수 있는 시간입니다(네이글 알고리즘(Nagle's algorithm), 느린 시작의 윈도 증가).",
    },
    cases: [
      {
        args: [[full(0), full(1), small(2)], 40],
        expect: [1, 42],
        why: {
          en: "the second full-sized segment is ACKed at once; the small one after it waits for the timer.",
          ko: "두 번째 꽉 찬 세그먼트는 바로 ACK되고, 그 뒤의 작은 세그먼트는 타이머를 기다립니다.",
        },
        slips: [{ got: [1], say: b.lastTimer }],
      },
      {
        args: [[small(0)], 40],
        expect: [40],
        why: {
          en: "a lone small segment (an HTTP request) waits the whole timer: Linux's 40 ms.",
          ko: "홀로 온 작은 세그먼트(HTTP 요청)는 타이머 시간을 다 기다립니다. 리눅스에서는 40 ms입니다.",
        },
        slips: [{ got: [], say: b.lastTimer }],
      },
      {
        args: [[small(0)], 200],
        expect: [200],
        why: {
          en: "the classic BSD/Windows timer is 200 ms: the same rule, five times the wait.",
          ko: "고전적인 BSD/Windows 타이머는 200 ms입니다. 규칙은 같고 대기는 다섯 배입니다.",
        },
      },
      {
        args: [[full(0), full(0), full(0)], 40],
        expect: [0, 40],
        why: {
          en: "a burst of three full segments: the 2nd triggers an ACK, the 3rd starts a new timer.",
          ko: "꽉 찬 세그먼트 세 개가 한꺼번에 옵니다. 두 번째가 ACK를 일으키고, 세 번째가 새 타이머를 시작합니다.",
        },
        slips: [{ got: [0], say: b.lastTimer }],
      },
      {
        args: [[full(0), full(0), full(0), full(0)], 40],
        expect: [0, 0],
        why: {
          en: "four full segments: two immediate ACKs, no timer at all.",
          ko: "꽉 찬 세그먼트 네 개: 즉시 ACK 두 번, 타이머는 전혀 없습니다.",
        },
      },
      {
        args: [[small(0), full(10), full(20)], 40],
        expect: [20],
        why: {
          en: "only full-sized segments count towards 'every second segment': the small one does not, and the ACK at 20 covers all three.",
          ko: "'두 세그먼트마다'에는 꽉 찬 세그먼트만 셉니다. 작은 세그먼트는 세지 않으며, 20에서 보내는 ACK가 세 개를 모두 확인합니다.",
        },
        slips: [{ got: [10, 60], say: b.countsSmall }],
      },
      {
        args: [[small(0), small(10), small(100)], 40],
        expect: [40, 140],
        why: {
          en: "the timer runs from the first unACKed segment (fires at 40, before the 3rd arrives), not from the last.",
          ko: "타이머는 마지막 세그먼트가 아니라 아직 ACK하지 않은 첫 세그먼트부터 돕니다(세 번째가 도착하기 전인 40에서 만료).",
        },
        slips: [
          { got: [50, 140], say: b.restarted },
          { got: [10, 140], say: b.countsSmall },
          { got: [40], say: b.lastTimer },
        ],
      },
      {
        args: [[small(0), small(40)], 40],
        expect: [40, 80],
        why: {
          en: "a timer due at the moment a segment arrives fires first; the arriving segment starts a new timer.",
          ko: "세그먼트가 도착하는 바로 그 순간에 만료될 타이머가 먼저 만료되고, 도착한 세그먼트가 새 타이머를 시작합니다.",
        },
        slips: [{ got: [40], say: b.sameInstant }],
      },
      {
        args: [[small(0), full(5), small(10)], 0],
        expect: [0, 5, 10],
        why: {
          en: "with delayed ACK off (0 ms) every segment is ACKed the moment it arrives.",
          ko: "확인응답 지연을 끄면(0 ms) 모든 세그먼트가 도착하는 순간 ACK됩니다.",
        },
      },
      {
        args: [[full(0, 536), full(3, 536), small(4, 500)], 40, 536],
        expect: [3, 44],
        why: {
          en: "'full-sized' means exactly one MSS, whatever the MSS is (536 here).",
          ko: "'꽉 찬'은 MSS가 얼마든(여기서는 536) 정확히 MSS 하나만큼을 뜻합니다.",
        },
        slips: [
          { got: [40], say: b.mss1460 },
          { got: [3], say: b.lastTimer },
        ],
      },
      {
        args: [[small(0, 500)], 40, 536],
        expect: [40],
        why: {
          en: "with MSS 536, a 500-byte segment is small and waits for the timer.",
          ko: "MSS가 536이면 500바이트 세그먼트는 작은 세그먼트이므로 타이머를 기다립니다.",
        },
      },
      { args: [[], 40], expect: [], why: { en: "no segment, no ACK.", ko: "세그먼트가 없으면 ACK도 없습니다." } },
    ],
  },
  "4.2c": {
    why: {
      en:
        "Every round of slow start costs a round trip, so the count of rounds is the latency a new connection pays for a response; " +
        "because the window grows every round, a response twice as large costs about one round more, not twice as many.",
      ko:
        "느린 시작의 라운드마다 왕복 한 번이 들므로, 라운드 수가 곧 새 커넥션이 응답 하나에 치르는 지연입니다. " +
        "윈도가 라운드마다 커지므로, 응답이 두 배로 커져도 라운드는 두 배가 아니라 대략 하나 늘어납니다.",
    },
    cases: [
      {
        args: [0, 10, 1460],
        expect: 0,
        why: { en: "nothing to send takes no round.", ko: "보낼 것이 없으면 라운드도 없습니다." },
        slips: [{ got: 1, say: { en: "nothing to send takes no round trip at all.", ko: "보낼 것이 없으면 왕복도 전혀 없습니다." } }],
      },
      {
        args: [1, 10, 1460],
        expect: 1,
        why: { en: "one byte is one segment, one round.", ko: "1바이트는 세그먼트 하나, 라운드 하나입니다." },
        slips: [
          { got: 0, say: c.short },
          {
            got: -3,
            say: {
              en: "a negative count: with fewer segments than the initial window, one round sends them all.",
              ko: "음수가 나왔습니다. 세그먼트가 초기 윈도보다 적으면 라운드 하나에 모두 보냅니다.",
            },
          },
        ],
      },
      {
        args: [14_600, 10, 1460],
        expect: 1,
        why: {
          en: "exactly the initial window (10 full segments) still fits in one round.",
          ko: "초기 윈도와 정확히 같은 양(꽉 찬 세그먼트 10개)은 여전히 한 라운드에 들어갑니다.",
        },
        slips: [{ got: 2, say: c.extra }],
      },
      {
        args: [14_601, 10, 1460],
        expect: 2,
        why: {
          en: "one byte more than the initial window costs a whole extra round trip.",
          ko: "초기 윈도보다 1바이트만 많아도 왕복 한 번이 통째로 더 듭니다.",
        },
        slips: [{ got: 1, say: c.short }],
      },
      {
        args: [100_000, 10, 1460],
        expect: 3,
        why: {
          en: "the notebook's example: 69 segments go as 10 + 20 + 40.",
          ko: "노트북의 예: 세그먼트 69개가 10 + 20 + 40으로 나갑니다.",
        },
        slips: [
          { got: 2, say: c.short },
          { got: 4, say: c.extra },
          { got: 7, say: c.linear },
        ],
      },
      {
        args: [70 * 1460, 10, 1460],
        expect: 3,
        why: {
          en: "70 segments = 10 + 20 + 40 exactly: three rounds, no fourth.",
          ko: "세그먼트 70개 = 정확히 10 + 20 + 40: 세 라운드이고 네 번째는 없습니다.",
        },
        slips: [
          { got: 4, say: c.extra },
          { got: 7, say: c.linear },
        ],
      },
      {
        args: [71 * 1460, 10, 1460],
        expect: 4,
        why: {
          en: "71 segments need a fourth round for the very last one.",
          ko: "세그먼트 71개는 맨 마지막 하나 때문에 네 번째 라운드가 필요합니다.",
        },
        slips: [{ got: 3, say: c.short }],
      },
      {
        args: [1_000_000, 10, 1460],
        expect: 7,
        why: { en: "a 1 MB response on a new connection.", ko: "새 커넥션에서 보내는 1 MB 응답입니다." },
        slips: [
          { got: 6, say: c.short },
          { got: 69, say: c.linear },
        ],
      },
      {
        args: [1_000_000, 1, 1460],
        expect: 10,
        why: {
          en: "the book's era started with one segment (RFC 2001): many more rounds for the same bytes.",
          ko: "책이 쓰인 시절에는 세그먼트 하나로 시작했습니다(RFC 2001). 같은 바이트에 라운드가 훨씬 많이 듭니다.",
        },
        slips: [
          { got: 9, say: c.short },
          { got: 685, say: c.linear },
        ],
      },
      {
        args: [50_000, 3, 1460],
        expect: 4,
        why: {
          en: "RFC 3390's initial window is 3 segments for MSS 1460.",
          ko: "RFC 3390의 초기 윈도는 MSS 1460일 때 세그먼트 3개입니다.",
        },
      },
      {
        args: [50_000, 4, 536],
        expect: 5,
        why: {
          en: "with a small MSS there are more segments to send: MSS is part of the count.",
          ko: "MSS가 작으면 보낼 세그먼트가 많아집니다. MSS도 계산에 들어갑니다.",
        },
      },
      {
        args: [100_000_000, 10, 1460],
        expect: 13,
        why: { en: "100 MB: the closed form must still be exact for large numbers.", ko: "100 MB: 큰 수에서도 닫힌 식이 정확해야 합니다." },
      },
    ],
  },
  "4.2d": {
    why: {
      en: "Slow start only matters until cwnd reaches the bandwidth-delay product; after that the link, not the window, sets the speed.",
      ko: "느린 시작은 혼잡 윈도(cwnd)가 대역폭-지연 곱(bandwidth-delay product)에 이를 때까지만 중요합니다. 그 뒤로는 윈도가 아니라 링크가 속도를 정합니다.",
    },
    cases: [
      {
        args: [10e6, 100, 1460],
        expect: 83,
        why: {
          en: "10 Mbit/s across a 100 ms round trip: whole segments, headers included.",
          ko: "왕복 100 ms 경로에서 10 Mbit/s: 헤더를 포함해 온전한 세그먼트 단위로 셉니다.",
        },
        slips: [
          { got: 85, say: d.noHeaders },
          { got: 84, say: d.roundedUp },
        ],
      },
      {
        args: [100e6, 20, 1460],
        expect: 166,
        why: { en: "100 Mbit/s and 20 ms: round down to whole segments.", ko: "100 Mbit/s와 20 ms: 온전한 세그먼트 수로 내림합니다." },
        slips: [
          { got: 171, say: d.noHeaders },
          { got: 167, say: d.roundedUp },
        ],
      },
      {
        args: [1e9, 100, 1460],
        expect: 8333,
        why: {
          en: "a fast long path needs a huge window before more window stops helping.",
          ko: "빠르고 긴 경로에서는 윈도가 아주 커져야 비로소 윈도를 더 키워도 소용없어집니다.",
        },
        slips: [
          { got: 8561, say: d.noHeaders },
          { got: 8334, say: d.roundedUp },
        ],
      },
      {
        args: [1e9, 0.1, 1460],
        expect: 8,
        why: {
          en: "on a LAN the pipe holds 8 segments: the initial window of 10 already fills it.",
          ko: "LAN에서는 파이프에 세그먼트 8개가 들어갑니다. 초기 윈도 10이 이미 파이프를 채웁니다.",
        },
        slips: [{ got: 9, say: d.roundedUp }],
      },
      {
        args: [56e3, 100, 1460],
        expect: 1,
        why: {
          en: "a modem's pipe holds less than one segment; a window of one is the least TCP can use.",
          ko: "모뎀의 파이프에는 세그먼트 하나도 다 들어가지 않습니다. TCP가 쓸 수 있는 가장 작은 윈도는 1입니다.",
        },
        slips: [{ got: 0, say: d.zero }],
      },
      {
        args: [10e6, 100, 536],
        expect: 217,
        why: {
          en: "with MSS 536 each packet carries less, so more of them fit.",
          ko: "MSS가 536이면 패킷마다 덜 실으므로 더 많은 패킷이 들어갑니다.",
        },
        slips: [
          { got: 83, say: d.fixed1500 },
          { got: 233, say: d.noHeaders },
          { got: 218, say: d.roundedUp },
        ],
      },
    ],
  },
  "4.2e": {
    why: {
      en: "Holding small segments saves headers on slow links, but adds a round trip (or a delayed-ACK wait) to HTTP requests.",
      ko: "네이글 알고리즘처럼 작은 세그먼트를 붙잡아 두면 느린 링크에서 헤더를 아끼지만, HTTP 요청에는 왕복 한 번(또는 확인응답 지연(delayed ACK) 대기)이 더해집니다.",
    },
    cases: [
      {
        args: [{ segmentBytes: 100, unackedBytes: 64 }],
        expect: true,
        why: {
          en: "a small segment behind unACKed data waits: this is the write-write stall's first half.",
          ko: "ACK받지 못한 데이터 뒤의 작은 세그먼트는 기다립니다. 이것이 쓰기-쓰기 지연(write-write stall)의 앞 절반입니다.",
        },
      },
      {
        args: [{ segmentBytes: 100, unackedBytes: 0 }],
        expect: false,
        why: {
          en: "with nothing in flight a small segment goes at once: Nagle never delays the first write.",
          ko: "전송 중인 데이터가 없으면 작은 세그먼트도 바로 나갑니다. 네이글 알고리즘은 첫 쓰기를 늦추지 않습니다.",
        },
        slips: [{ got: true, say: e.nothingInFlight }],
      },
      {
        args: [{ segmentBytes: 1460, unackedBytes: 5000 }],
        expect: false,
        why: {
          en: "a full-sized segment is never held: bulk transfers are not slowed by Nagle.",
          ko: "꽉 찬 세그먼트는 붙잡히지 않습니다. 대량 전송은 네이글 알고리즘 때문에 느려지지 않습니다.",
        },
        slips: [{ got: true, say: e.holdsFull }],
      },
      {
        args: [{ segmentBytes: 1459, unackedBytes: 1 }],
        expect: true,
        why: {
          en: "one byte short of the MSS is still small, and one unACKed byte is enough to hold it.",
          ko: "MSS보다 1바이트만 모자라도 작은 세그먼트이고, ACK받지 못한 1바이트만으로도 붙잡기에 충분합니다.",
        },
      },
      {
        args: [{ segmentBytes: 100, unackedBytes: 64, nodelay: true }],
        expect: false,
        why: {
          en: "TCP_NODELAY turns Nagle off: nothing is held.",
          ko: "TCP_NODELAY는 네이글 알고리즘을 끕니다. 아무것도 붙잡지 않습니다.",
        },
        slips: [{ got: true, say: e.nodelay }],
      },
      {
        args: [{ segmentBytes: 1460, unackedBytes: 0, nodelay: false }],
        expect: false,
        why: {
          en: "a full segment with nothing in flight: obviously sent.",
          ko: "전송 중인 데이터가 없을 때의 꽉 찬 세그먼트: 당연히 나갑니다.",
        },
      },
      {
        args: [{ segmentBytes: 536, unackedBytes: 100, mss: 536 }],
        expect: false,
        why: {
          en: "'full-sized' is relative to the connection's MSS (536 here).",
          ko: "'꽉 찬'은 커넥션의 MSS(여기서는 536)를 기준으로 합니다.",
        },
        slips: [
          {
            got: true,
            say: {
              en: `${e.fixedMss.en} (Or a full-sized segment was held.)`,
              ko: `${e.fixedMss.ko} (또는 꽉 찬 세그먼트를 붙잡았습니다.)`,
            },
          },
        ],
      },
      {
        args: [{ segmentBytes: 500, unackedBytes: 100, mss: 536 }],
        expect: true,
        why: { en: "with MSS 536, 500 bytes are a small segment.", ko: "MSS가 536이면 500바이트는 작은 세그먼트입니다." },
      },
      {
        args: [{ segmentBytes: 2000, unackedBytes: 0 }],
        throws: "RangeError",
        why: {
          en: "no segment carries more than one MSS (1460 by default); a bigger one means the caller cut the stream wrongly.",
          ko: "어떤 세그먼트도 MSS(기본 1460) 하나보다 많이 싣지 않습니다. 그보다 크다면 호출한 쪽이 스트림을 잘못 자른 것입니다.",
        },
      },
      {
        args: [{ segmentBytes: 600, unackedBytes: 0, mss: 536 }],
        throws: "RangeError",
        why: { en: "the limit is the connection's MSS, not 1460.", ko: "한도는 1460이 아니라 커넥션의 MSS입니다." },
      },
    ],
  },
  "4.2f": {
    why: {
      en: "This stall is per request on a persistent connection; it is why HTTP servers and clients set TCP_NODELAY or write a request in one piece.",
      ko: "이 지연은 지속 커넥션에서 요청마다 생깁니다. HTTP 서버와 클라이언트가 TCP_NODELAY를 설정하거나 요청을 한 번에 쓰는 이유입니다.",
    },
    tolerance: 1e-6,
    cases: [
      {
        args: [{ writes: [64, 64], rttMs: 100, delayedAckMs: 40 }],
        expect: 140,
        why: {
          en: "headers then body in two writes: the body waits for the first write's ACK.",
          ko: "헤더와 본문을 두 번에 나눠 씁니다. 본문은 첫 쓰기의 ACK를 기다립니다.",
        },
        slips: [
          { got: 40, say: f.timerOnly },
          { got: 90, say: f.halfRtt },
        ],
      },
      {
        args: [{ writes: [64, 64], rttMs: 0.05, delayedAckMs: 40 }],
        expect: 40.05,
        why: {
          en: "on loopback the round trip is nothing, and the stall is the 40 ms timer: what the Nagle lab measures.",
          ko: "루프백에서는 왕복이 거의 0이므로 지연은 40 ms 타이머입니다. 네이글 실험이 재는 것이 바로 이것입니다.",
        },
        slips: [{ got: 40.025, say: f.halfRtt }],
      },
      {
        args: [{ writes: [64, 64], rttMs: 100, delayedAckMs: 0 }],
        expect: 100,
        why: {
          en: "with delayed ACK off the stall shrinks, but does not vanish.",
          ko: "확인응답 지연을 끄면 지연이 줄지만 사라지지는 않습니다.",
        },
        slips: [
          { got: 0, say: f.noTimerButRtt },
          { got: 50, say: f.halfRtt },
        ],
      },
      {
        args: [{ writes: [128], rttMs: 100, delayedAckMs: 40 }],
        expect: 0,
        why: {
          en: "one write of the whole request: nothing is held, no stall.",
          ko: "요청 전체를 한 번에 씁니다. 붙잡히는 것이 없으니 지연도 없습니다.",
        },
      },
      {
        args: [{ writes: [100, 100, 100], rttMs: 30, delayedAckMs: 200 }],
        expect: 230,
        why: {
          en: "all writes after the first wait together, behind the same ACK; here with the classic 200 ms timer.",
          ko: "첫 쓰기 뒤의 쓰기는 모두 같은 ACK 뒤에서 함께 기다립니다. 여기서는 고전적인 200 ms 타이머입니다.",
        },
        slips: [
          { got: 200, say: f.timerOnly },
          { got: 215, say: f.halfRtt },
        ],
      },
      {
        args: [{ writes: [100, 1460], rttMs: 100, delayedAckMs: 40 }],
        expect: 0,
        why: {
          en: "the bytes after the first segment make exactly one full segment: no small tail, nothing held.",
          ko: "첫 세그먼트 뒤의 바이트가 정확히 꽉 찬 세그먼트 하나가 됩니다. 작은 꼬리가 없으니 붙잡히는 것도 없습니다.",
        },
        slips: [{ got: 140, say: f.writes }],
      },
      {
        args: [{ writes: [1560], rttMs: 100, delayedAckMs: 40 }],
        expect: 140,
        why: {
          en: "one write, but 100 bytes longer than the MSS: the small tail is held behind one full segment, which the receiver ACKs only on its timer.",
          ko: "쓰기는 한 번이지만 MSS보다 100바이트 깁니다. 작은 꼬리가 꽉 찬 세그먼트 하나 뒤에 붙잡히고, 수신 측은 그 세그먼트를 타이머가 만료되어야 ACK합니다.",
        },
        slips: [
          { got: 0, say: f.tail },
          { got: 40, say: f.timerOnly },
          { got: 90, say: f.halfRtt },
        ],
      },
      {
        args: [{ writes: [3000], rttMs: 100, delayedAckMs: 40 }],
        expect: 100,
        why: {
          en: "two full segments make the receiver ACK at once, so the tail waits only for the round trip.",
          ko: "꽉 찬 세그먼트 두 개를 받으면 수신 측이 바로 ACK하므로, 꼬리는 왕복만 기다립니다.",
        },
        slips: [
          { got: 140, say: f.immediateAck },
          { got: 0, say: f.tail },
        ],
      },
      {
        args: [{ writes: [100, 5000], rttMs: 100, delayedAckMs: 40 }],
        expect: 140,
        why: {
          en: "three full segments after a small one: the third is ACKed on the timer, so the tail waits for it too.",
          ko: "작은 세그먼트 하나 뒤에 꽉 찬 세그먼트 세 개: 세 번째는 타이머로 ACK되므로 꼬리도 그 타이머를 기다립니다.",
        },
        slips: [{ got: 40, say: f.timerOnly }],
      },
      {
        args: [{ writes: [2920], rttMs: 100, delayedAckMs: 40 }],
        expect: 0,
        why: { en: "exactly two full segments: no tail to hold.", ko: "정확히 꽉 찬 세그먼트 두 개: 붙잡을 꼬리가 없습니다." },
      },
      {
        args: [{ writes: [400, 400], rttMs: 50, delayedAckMs: 40, mss: 536 }],
        expect: 90,
        why: {
          en: "with MSS 536 the second 400-byte write is still a small tail.",
          ko: "MSS가 536이면 두 번째 400바이트 쓰기는 여전히 작은 꼬리입니다.",
        },
      },
      {
        args: [{ writes: [600, 600], rttMs: 50, delayedAckMs: 40, mss: 536 }],
        expect: 50,
        why: {
          en: "with MSS 536, 1200 bytes go as two full segments and a tail: an immediate ACK, no timer.",
          ko: "MSS가 536이면 1200바이트는 꽉 찬 세그먼트 두 개와 꼬리 하나로 나갑니다. 즉시 ACK가 오고 타이머는 없습니다.",
        },
        slips: [{ got: 90, say: f.immediateAck }],
      },
    ],
  },
  "4.2g": {
    why: {
      en: "A load test that opens a new connection per request hits this wall and looks like a slow server; persistent connections avoid it.",
      ko: "요청마다 새 커넥션을 여는 부하 테스트는 이 벽에 부딪혀 서버가 느린 것처럼 보입니다. 지속 커넥션을 쓰면 피할 수 있습니다.",
    },
    tolerance: 1e-9,
    cases: [
      {
        args: [linux, 60, 1000],
        expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28.232 },
        why: {
          en: "Linux's default ports and 60 s TIME_WAIT: about 470 connections/s; at 1000/s they are gone in under half a minute.",
          ko: "리눅스의 기본 포트 범위와 60 s TIME_WAIT: 초당 약 470 커넥션입니다. 초당 1000이면 30초도 안 되어 포트가 바닥납니다.",
        },
        slips: [
          { got: { ceiling: 28_231 / 60, exhaustedAfterSeconds: 28.231 }, say: g.inclusive },
          { got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 28_232 / (1000 - 28_232 / 60) }, say: g.drain },
        ],
      },
      {
        args: [linux, 60, 100],
        expect: { ceiling: 28_232 / 60, exhaustedAfterSeconds: null },
        why: {
          en: "100 connections/s is under the ceiling: ports come back out of TIME_WAIT as fast as they are used.",
          ko: "초당 100 커넥션은 상한 아래입니다. 포트가 쓰이는 속도만큼 빠르게 TIME_WAIT에서 돌아옵니다.",
        },
        slips: [
          { got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: undefined }, say: g.undefinedNotNull },
          { got: { ceiling: 28_232 / 60, exhaustedAfterSeconds: 0 }, say: g.zero },
        ],
      },
      {
        args: [{ low: 40001, high: 46000 }, 60, 100],
        expect: { ceiling: 100, exhaustedAfterSeconds: null },
        why: {
          en: "6000 ports and a 60 s TIME_WAIT at 100 connections/s: exactly at the ceiling.",
          ko: "포트 6000개, 60 s TIME_WAIT, 초당 100 커넥션: 정확히 상한입니다.",
        },
        slips: [
          { got: { ceiling: 100, exhaustedAfterSeconds: 60 }, say: g.atCeiling },
          { got: { ceiling: 5999 / 60, exhaustedAfterSeconds: 59.99 }, say: g.inclusive },
        ],
      },
      {
        args: [{ low: 49152, high: 65535 }, 60, 1000],
        expect: { ceiling: 16_384 / 60, exhaustedAfterSeconds: 16.384 },
        why: { en: "IANA's range (RFC 6335): both ends of the range count.", ko: "IANA의 범위(RFC 6335): 범위의 양 끝도 셉니다." },
        slips: [{ got: { ceiling: 16_383 / 60, exhaustedAfterSeconds: 16.383 }, say: g.inclusive }],
      },
      {
        args: [linux, 240, 200],
        expect: { ceiling: 28_232 / 240, exhaustedAfterSeconds: 141.16 },
        why: {
          en: "with RFC 9293's 2MSL of 240 s the ceiling drops to about 118 connections/s.",
          ko: "RFC 9293의 2MSL인 240 s를 쓰면 상한이 초당 약 118 커넥션으로 떨어집니다.",
        },
      },
      {
        args: [{ low: 50000, high: 50000 }, 60, 1],
        expect: { ceiling: 1 / 60, exhaustedAfterSeconds: 1 },
        why: { en: "a single port: one connection a minute.", ko: "포트 하나: 1분에 커넥션 하나." },
        slips: [{ got: { ceiling: 0, exhaustedAfterSeconds: 0 }, say: g.inclusive }],
      },
      {
        args: [{ low: 1000, high: 1999 }, 30, 50],
        expect: { ceiling: 1000 / 30, exhaustedAfterSeconds: 20 },
        why: { en: "1000 ports, 30 s TIME_WAIT.", ko: "포트 1000개, 30 s TIME_WAIT." },
        slips: [
          { got: { ceiling: 999 / 30, exhaustedAfterSeconds: 19.98 }, say: g.inclusive },
          { got: { ceiling: 1000 / 30, exhaustedAfterSeconds: 60 }, say: g.drain },
        ],
      },
    ],
  },
  "4.2h": {
    why: {
      en:
        "RFC 5681 3.1 lets each ACK grow cwnd by at most one segment in slow start (cwnd += min(N, SMSS)). A receiver with delayed ACKs " +
        "sends one ACK per two full-sized segments (RFC 1122 4.2.3.2, RFC 5681 4.2), so a round of n segments comes back as about n / 2 ACKs " +
        "and the window grows by about half of n: about 1.5x per round trip, not 2x. Doubling needs an ACK per segment, or a sender that counts " +
        "every segment an ACK covers (RFC 3465's byte counting with L = 2*SMSS, or Linux's tcp_slow_start).",
      ko:
        "RFC 5681 3.1에 따르면 느린 시작에서 ACK 하나는 cwnd를 많아야 세그먼트 하나만큼 키웁니다(cwnd += min(N, SMSS)). 확인응답 지연을 " +
        "쓰는 수신 측은 꽉 찬 세그먼트 두 개마다 ACK를 하나 보내므로(RFC 1122 4.2.3.2, RFC 5681 4.2), 세그먼트 n개를 보낸 라운드에는 " +
        "ACK가 약 n / 2개 돌아오고 윈도는 n의 절반쯤 커집니다. 왕복마다 2배가 아니라 약 1.5배입니다. 두 배로 늘리려면 세그먼트마다 ACK가 " +
        "오거나, ACK 하나가 확인하는 세그먼트를 모두 세는 송신 측이 있어야 합니다(L = 2*SMSS로 둔 RFC 3465의 ABC(Appropriate Byte Counting), " +
        "또는 리눅스의 tcp_slow_start).",
    },
    tolerance: 2,
    cases: [
      {
        args: [],
        expect: 35,
        label: "predictDelayedAckGrowth()",
        why: {
          en: "the model's count, within 2 segments: rounding each round's growth either way passes.",
          ko: "모델이 센 값에서 세그먼트 2개 이내면 됩니다. 라운드마다 늘어난 양을 어느 쪽으로 반올림해도 통과합니다.",
        },
        slips: [
          {
            got: 80,
            say: {
              en: "doubling: that needs an ACK for every segment (or byte counting); under RFC 5681's rule an ACK that covers two segments adds one.",
              ko: "두 배씩 늘렸습니다. 그러려면 세그먼트마다 ACK가 와야 합니다(또는 ABC(Appropriate Byte Counting)). RFC 5681의 규칙에서는 세그먼트 두 개를 확인하는 ACK도 하나만 더합니다.",
            },
          },
          {
            got: 40,
            say: {
              en: "doubling, and one round short: each delayed ACK covers two segments and adds one.",
              ko: "두 배씩 늘렸고, 라운드도 하나 모자랍니다. 지연된 ACK 하나는 세그먼트 두 개를 확인하고 하나를 더합니다.",
            },
          },
          {
            got: 160,
            say: {
              en: "doubling, and one round too many: each delayed ACK covers two segments and adds one.",
              ko: "두 배씩 늘렸고, 라운드도 하나 많습니다. 지연된 ACK 하나는 세그먼트 두 개를 확인하고 하나를 더합니다.",
            },
          },
          {
            got: 23,
            say: {
              en: "one round short: the first round is the one that sends the initial window.",
              ko: "라운드가 하나 모자랍니다. 첫 라운드는 초기 윈도를 보내는 라운드입니다.",
            },
          },
          {
            got: 53,
            say: {
              en: "one round too many: the first round is the one that sends the initial window.",
              ko: "라운드가 하나 많습니다. 첫 라운드는 초기 윈도를 보내는 라운드입니다.",
            },
          },
          {
            got: 13,
            say: {
              en: "one segment more per round trip is congestion avoidance, after slow start ends; in slow start every ACK adds a segment.",
              ko: "왕복마다 세그먼트 하나씩 느는 것은 느린 시작이 끝난 뒤의 혼잡 회피(congestion avoidance)입니다. 느린 시작에서는 ACK마다 세그먼트 하나가 늡니다.",
            },
          },
          {
            got: 27,
            say: {
              en: "each round added half of the initial window: the growth compounds, since every round adds about half of what that round sent.",
              ko: "라운드마다 초기 윈도의 절반을 더했습니다. 라운드마다 그 라운드에 보낸 양의 약 절반이 더해지므로 증가가 복리처럼 쌓입니다.",
            },
          },
        ],
      },
    ],
  },
  "4.2i": {
    why: {
      en:
        "RFC 5681 4.1: a sender that has sent nothing for longer than one retransmission timeout (RTO) no longer trusts its window, and " +
        "sets cwnd to the restart window, min(IW, cwnd), before it sends again; RFC 6298 keeps the RTO at 1 s or more. A pause shorter " +
        "than the RTO changes nothing. Linux restarts too (net.ipv4.tcp_slow_start_after_idle = 1 by default), with an RTO of about " +
        "RTT + 200 ms, and halves cwnd once per RTO of idle time instead of dropping it at once.",
      ko:
        "RFC 5681 4.1: 재전송 타임아웃(RTO) 하나보다 오래 아무것도 보내지 않은 송신 측은 자기 윈도를 더는 믿지 않고, 다시 보내기 전에 " +
        "cwnd를 재시작 윈도(restart window) min(IW, cwnd)로 되돌립니다. RFC 6298은 RTO를 1 s 이상으로 둡니다. RTO보다 짧은 멈춤은 " +
        "아무것도 바꾸지 않습니다. 리눅스도 재시작하지만(net.ipv4.tcp_slow_start_after_idle = 1이 기본값), RTO가 약 RTT + 200 ms이고 " +
        "cwnd를 한 번에 떨어뜨리는 대신 유휴 시간이 RTO 하나 지날 때마다 절반으로 줄입니다.",
    },
    tolerance: 1,
    cases: [
      {
        args: [],
        expect: { halfSecond: 215.48, twoSeconds: 10 },
        label: "predictCwndAfterIdle()",
        why: { en: "the simulator's windows, within one segment.", ko: "시뮬레이터가 낸 윈도에서 세그먼트 하나 이내면 됩니다." },
        slips: [
          {
            got: { halfSecond: 215.48, twoSeconds: 215.48 },
            say: {
              en: "no restart at all: that is a sender with tcp_slow_start_after_idle = 0. RFC 5681 restarts after an idle time longer than the RTO.",
              ko: "재시작을 전혀 하지 않았습니다. tcp_slow_start_after_idle = 0인 송신 측이 그렇습니다. RFC 5681은 RTO보다 긴 유휴 시간 뒤에 재시작합니다.",
            },
          },
          {
            got: { halfSecond: 10, twoSeconds: 10 },
            say: {
              en: "a pause shorter than the RTO is not idle enough: only one longer than the RTO (1 s here) restarts the window.",
              ko: "RTO보다 짧은 멈춤은 재시작할 만큼 유휴한 것이 아닙니다. RTO(여기서는 1 s)보다 긴 멈춤만 윈도를 재시작합니다.",
            },
          },
          {
            got: { halfSecond: 107, twoSeconds: 10 },
            say: {
              en: "halving after half a second is Linux's rule with its RTO of about 300 ms; with RFC 6298's 1 s RTO half a second is not idle enough.",
              ko: "0.5초 뒤에 절반으로 줄이는 것은 RTO가 약 300 ms인 리눅스의 규칙입니다. RFC 6298의 1 s RTO에서 0.5초는 재시작할 만큼 유휴한 것이 아닙니다.",
            },
          },
          {
            got: { halfSecond: 215.48, twoSeconds: 107 },
            say: {
              en: "halving is Linux's tcp_cwnd_restart; RFC 5681 4.1 sets the restart window at once.",
              ko: "절반으로 줄이는 것은 리눅스의 tcp_cwnd_restart입니다. RFC 5681 4.1은 재시작 윈도를 한 번에 설정합니다.",
            },
          },
          {
            got: { halfSecond: 215.48, twoSeconds: 1 },
            say: {
              en: "one segment is the loss window after a retransmission timeout (RFC 5681 3.1); idle is not loss, and the restart window is larger.",
              ko: "세그먼트 하나는 재전송 타임아웃 뒤의 손실 윈도(loss window)입니다(RFC 5681 3.1). 유휴는 손실이 아니며, 재시작 윈도는 그보다 큽니다.",
            },
          },
          {
            got: { halfSecond: 1, twoSeconds: 1 },
            say: {
              en: "one segment is the loss window after a retransmission timeout (RFC 5681 3.1); idle is not loss, and a short pause is not even idle.",
              ko: "세그먼트 하나는 재전송 타임아웃 뒤의 손실 윈도(loss window)입니다(RFC 5681 3.1). 유휴는 손실이 아니며, 짧은 멈춤은 유휴조차 아닙니다.",
            },
          },
        ],
      },
    ],
  },
  "4.2j": {
    why: {
      en:
        "The end that sends the first FIN (the active closer) passes through FIN-WAIT-1, FIN-WAIT-2 and TIME-WAIT, and waits 2MSL after " +
        "sending the last ACK (RFC 9293 3.6): if that ACK is lost the peer's FIN comes again and must find someone to answer it, and old " +
        "segments must die out before the same four numbers name a new connection. The other end (CLOSE-WAIT, LAST-ACK) forgets the " +
        "connection once its own FIN is ACKed. A server that closes every connection first therefore keeps one TIME_WAIT entry per closed " +
        "connection: 60,000 of them at 1000 connections a second with Linux's 60 s. That is why it helps when the server does not close " +
        "first: when each client closes its own connections, each client holds only its own few entries.",
      ko:
        "첫 FIN을 보내는 쪽(능동적으로 끊는 쪽, active closer)은 FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT를 거치고, 마지막 ACK를 보낸 뒤 " +
        "2MSL 동안 기다립니다(RFC 9293 3.6). 그 ACK가 사라지면 상대의 FIN이 다시 오는데 그때 답할 상대가 남아 있어야 하고, 같은 네 " +
        "숫자가 새 커넥션의 이름이 되기 전에 옛 세그먼트가 모두 사라져야 하기 때문입니다. 반대쪽(CLOSE-WAIT, LAST-ACK)은 자기 FIN이 " +
        "ACK되면 커넥션을 잊습니다. 따라서 모든 커넥션을 먼저 끊는 서버는 끊은 커넥션마다 TIME_WAIT 항목을 하나씩 갖게 됩니다. " +
        "초당 1000 커넥션에 리눅스의 60 s라면 60,000개입니다. 그래서 서버가 먼저 끊지 않는 편이 도움이 됩니다. 각 클라이언트가 자기 " +
        "커넥션을 끊으면 클라이언트마다 자기 몫의 항목 몇 개만 갖고 있으면 됩니다.",
    },
    cases: [
      {
        args: [],
        expect: "server",
        label: "predictTimeWaitHolder()",
        slips: [
          {
            got: "client",
            say: {
              en: "the client is not special: TIME_WAIT belongs to whichever end sends the first FIN. Which end sends it here?",
              ko: "클라이언트라서 특별한 것은 없습니다. TIME_WAIT는 첫 FIN을 보내는 쪽에 생깁니다. 여기서는 어느 쪽이 보내나요?",
            },
          },
          { got: "both", say: oneEndWaits },
          {
            got: "neither",
            say: {
              en: "TIME_WAIT is not optional: one end keeps every closed connection for 2MSL (60 s on Linux).",
              ko: "TIME_WAIT는 선택 사항이 아닙니다. 한쪽이 끊긴 커넥션을 모두 2MSL(리눅스에서 60 s) 동안 갖고 있습니다.",
            },
          },
        ],
      },
    ],
  },
  "4.2k": {
    why: {
      en:
        "With Nagle on, the second small write waits in the client's kernel until the first is ACKed (RFC 896, RFC 1122 4.2.3.4), and the " +
        "server, which has nothing to answer before the request is complete, sends that ACK only when its delayed-ACK timer fires (Linux: " +
        "40 ms at least; RFC 1122 4.2.3.2 allows up to 500 ms). On loopback a round trip takes microseconds, so the stall is the timer. " +
        "TCP_NODELAY sends the second write at once; one write of the whole request leaves no small segment behind unACKed data. " +
        "Graded against your own measurement: the stall within 40 % of the measured one (at least 10 ms).",
      ko:
        "네이글 알고리즘이 켜져 있으면 두 번째 작은 쓰기는 첫 쓰기가 ACK될 때까지 클라이언트 커널에서 기다립니다(RFC 896, RFC 1122 " +
        "4.2.3.4). 서버는 요청이 다 오기 전에는 답할 것이 없으므로, 확인응답 지연 타이머가 만료되어야 그 ACK를 보냅니다(리눅스: 최소 " +
        "40 ms, RFC 1122 4.2.3.2는 500 ms까지 허용). 루프백에서는 왕복이 마이크로초 단위이므로 지연은 곧 타이머입니다. TCP_NODELAY는 " +
        "두 번째 쓰기를 바로 보내고, 요청 전체를 한 번에 쓰면 ACK받지 못한 데이터 뒤에 작은 세그먼트가 남지 않습니다. " +
        "채점은 여러분의 측정값을 기준으로 합니다. 지연이 측정값의 40 % 이내(최소 10 ms)면 됩니다.",
    },
    cases: [],
    lab: "nagle",
    fromLab: (m: any): Case[] | Text => {
      const t = m?.measured;
      if (m?.lab !== "nagle" || !t || ![t.nagleMs, t.noDelayMs, t.singleWriteMs].every((x) => typeof x === "number")) {
        return {
          en: "the saved Nagle lab result is incomplete: run npm run workbook -- lab nagle again.",
          ko: "저장된 네이글 실험 결과가 불완전합니다. npm run workbook -- lab nagle을 다시 실행하세요.",
        };
      }
      const measured = t.nagleMs - t.noDelayMs;
      if (measured < 5) {
        return {
          en: `your measurement shows no Nagle stall (Nagle on: ${t.nagleMs} ms, TCP_NODELAY: ${t.noDelayMs} ms per request), so there is nothing to predict on this machine: not counted.`,
          ko: `측정 결과에 네이글 지연이 보이지 않으므로(요청당 네이글 켬: ${t.nagleMs} ms, TCP_NODELAY: ${t.noDelayMs} ms) 이 컴퓨터에서는 예측할 것이 없습니다. 점수에 넣지 않습니다.`,
        };
      }
      const removes = (ms: number) => ms < t.nagleMs / 4;
      const removedBy: NagleFix = removes(t.noDelayMs)
        ? removes(t.singleWriteMs)
          ? "either"
          : "TCP_NODELAY"
        : removes(t.singleWriteMs)
          ? "one write"
          : "neither";
      const stallMs = Math.round(measured * 10) / 10;
      const tolerance = Math.max(10, 0.4 * stallMs);
      const slips: Slip[] = NAGLE_FIXES.filter((x) => x !== removedBy).map((x) => ({
        got: { stallMs, removedBy: x },
        say: {
          en: "the stall is right, the conclusion is not: compare rows 2 (TCP_NODELAY) and 3 (one write) of your lab table with row 1.",
          ko: "지연 값은 맞지만 결론이 틀렸습니다. 실험 표의 2행(TCP_NODELAY)과 3행(한 번 쓰기)을 1행과 비교해 보세요.",
        },
      }));
      if (Math.abs(stallMs - 200) > tolerance) {
        for (const x of NAGLE_FIXES)
          slips.push({
            got: { stallMs: 200, removedBy: x },
            say: {
              en: "200 ms is the classic BSD / Windows delayed-ACK timer; your own table's Nagle row shows what this machine's timer does.",
              ko: "200 ms는 고전적인 BSD / Windows의 확인응답 지연 타이머입니다. 이 컴퓨터의 타이머가 어떻게 동작하는지는 여러분 표의 네이글 행이 보여 줍니다.",
            },
          });
      }
      if (stallMs > tolerance) {
        for (const x of NAGLE_FIXES)
          slips.push({
            got: { stallMs: 0, removedBy: x },
            say: {
              en: "loopback's round trip takes microseconds, but this stall is not a round trip: the held write waits for the receiver's delayed-ACK timer.",
              ko: "루프백의 왕복은 마이크로초 단위지만 이 지연은 왕복이 아닙니다. 붙잡힌 쓰기는 수신 측의 확인응답 지연 타이머를 기다립니다.",
            },
          });
      }
      return [
        {
          args: [],
          expect: { stallMs, removedBy },
          tolerance,
          label: "predictNagleLab()",
          why: {
            en: `your measurement: ${t.nagleMs} ms per request with Nagle on and two writes, ${t.noDelayMs} ms with TCP_NODELAY, ${t.singleWriteMs} ms with one write.`,
            ko: `여러분의 측정값: 요청당 네이글 알고리즘을 켜고 두 번 쓰면 ${t.nagleMs} ms, TCP_NODELAY로는 ${t.noDelayMs} ms, 한 번 쓰면 ${t.singleWriteMs} ms.`,
          },
          slips,
        },
      ];
    },
  },
  "4.2l": {
    why: {
      en:
        "The end that sends the first FIN goes through TIME-WAIT and keeps the connection's four numbers for 2MSL (RFC 9293 3.6; Linux " +
        "holds it 60 s); the other end is done once its own FIN is ACKed. So every closed connection leaves one entry, on the side that " +
        "closed first, whichever host that is. Graded against your own counts in /proc/net/tcp: entries per connection within 0.2.",
      ko:
        "첫 FIN을 보내는 쪽은 TIME-WAIT를 거치며 커넥션의 네 숫자를 2MSL 동안 갖고 있습니다(RFC 9293 3.6. 리눅스는 60 s). 반대쪽은 " +
        "자기 FIN이 ACK되면 끝납니다. 따라서 끊긴 커넥션은 어느 호스트든 먼저 끊은 쪽에 항목을 하나씩 남깁니다. " +
        "채점은 /proc/net/tcp에서 센 여러분의 값을 기준으로 합니다. 커넥션당 항목 수가 0.2 이내면 됩니다.",
    },
    cases: [],
    lab: "time-wait",
    fromLab: (m: any): Case[] | Text => {
      if (m?.lab !== "time-wait") {
        return {
          en: "the saved TIME_WAIT lab result is not readable: run npm run workbook -- lab time-wait again.",
          ko: "저장된 TIME_WAIT 실험 결과를 읽을 수 없습니다. npm run workbook -- lab time-wait를 다시 실행하세요.",
        };
      }
      if (!m.available || !m.measured) {
        return {
          en: `the TIME_WAIT lab cannot count TIME_WAIT entries here (${m.reason ?? "not available on this platform"}), so this exercise is not counted.`,
          ko: `TIME_WAIT 실험이 이 환경에서는 TIME_WAIT 항목을 셀 수 없으므로(${m.reason ?? "이 플랫폼에서는 쓸 수 없습니다"}) 이 연습 문제는 점수에 넣지 않습니다.`,
        };
      }
      const { clientCloses: cc, serverCloses: sc } = m.measured;
      const share = (run: any, side: string) => run.timeWait[side] / run.connections;
      const [ccClient, ccServer, scClient, scServer] = [
        share(cc, "clientSide"),
        share(cc, "serverSide"),
        share(sc, "clientSide"),
        share(sc, "serverSide"),
      ];
      const held = (x: number) => x >= 0.5;
      const pattern = [ccClient, ccServer, scClient, scServer].map(held).join(" ");
      const holders: Record<string, Holder> = {
        "true false false true": "the side that closes first",
        "false true true false": "the side that closes second",
        "true false true false": "always the client",
        "false true false true": "always the server",
        "true true true true": "both sides",
      };
      const heldBy = holders[pattern];
      if (!heldBy) {
        return {
          en:
            `your counts show no clear pattern (client closes first: ${cc.timeWait.clientSide} at the client, ${cc.timeWait.serverSide} at the server; ` +
            `server closes first: ${sc.timeWait.clientSide} at the client, ${sc.timeWait.serverSide} at the server, of ${cc.connections} connections each), so this exercise is not counted.`,
          ko:
            `센 값에 뚜렷한 패턴이 없으므로(클라이언트가 먼저 끊을 때: 클라이언트 ${cc.timeWait.clientSide}, 서버 ${cc.timeWait.serverSide}; ` +
            `서버가 먼저 끊을 때: 클라이언트 ${sc.timeWait.clientSide}, 서버 ${sc.timeWait.serverSide}; 각각 커넥션 ${cc.connections}개 중) 이 연습 문제는 점수에 넣지 않습니다.`,
        };
      }
      const perConnection = round2((ccClient + ccServer + scClient + scServer) / 2);
      const wrong = (h: Holder, say: Text) => (h === heldBy ? [] : [{ got: { perConnection: 1, heldBy: h }, say }]);
      const slips = [
        ...(Math.abs(perConnection - 2) > 0.2 ? [{ got: { perConnection: 2, heldBy: "both sides" }, say: oneEndWaits }] : []),
        ...wrong("always the client", {
          en: "in the lab's second run the server sent the first FIN: look at where that run's entries are.",
          ko: "실험의 두 번째 실행에서는 서버가 첫 FIN을 보냈습니다. 그 실행의 항목이 어디에 있는지 보세요.",
        }),
        ...wrong("always the server", {
          en: "in the lab's first run the client sent the first FIN: look at where that run's entries are.",
          ko: "실험의 첫 번째 실행에서는 클라이언트가 첫 FIN을 보냈습니다. 그 실행의 항목이 어디에 있는지 보세요.",
        }),
        ...wrong("the side that closes second", {
          en: "the end that answers a FIN passes through CLOSE-WAIT and LAST-ACK and forgets the connection once its own FIN is ACKed.",
          ko: "FIN에 답하는 쪽은 CLOSE-WAIT와 LAST-ACK를 거치고, 자기 FIN이 ACK되면 커넥션을 잊습니다.",
        }),
        ...(perConnection > 0.2
          ? [
              {
                got: { perConnection: 0, heldBy },
                say: {
                  en: "every connection the lab closed left an entry behind, on one of the two sides.",
                  ko: "실험이 끊은 커넥션은 모두 두 쪽 중 한쪽에 항목을 남겼습니다.",
                },
              },
            ]
          : []),
      ];
      return [
        {
          args: [],
          expect: { perConnection, heldBy },
          tolerance: 0.2,
          label: "predictTimeWaitLab()",
          why: {
            en:
              `your measurement: client closes first: ${cc.timeWait.clientSide} entries at the client, ${cc.timeWait.serverSide} at the server; ` +
              `server closes first: ${sc.timeWait.clientSide} at the client, ${sc.timeWait.serverSide} at the server (${cc.connections} connections per run).`,
            ko:
              `여러분의 측정값: 클라이언트가 먼저 끊을 때 클라이언트에 항목 ${cc.timeWait.clientSide}개, 서버에 ${cc.timeWait.serverSide}개; ` +
              `서버가 먼저 끊을 때 클라이언트에 ${sc.timeWait.clientSide}개, 서버에 ${sc.timeWait.serverSide}개(실행마다 커넥션 ${cc.connections}개).`,
          },
          slips,
        },
      ];
    },
  },
};
export default cases;
