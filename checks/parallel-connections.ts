/** Public cases for 4.4 parallel connections: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.4c's page: the book's HTML and three images. */
const base = { rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 };

/** 4.4d's pages: three 20 kB images, and twelve objects of 5 to 14 kB. */
const three = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const many = { htmlBytes: 20_000, objectBytes: [5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000] };
/** 4.4d's input, and how a call is shown (the page as its object count). */
const enough = (page: typeof three, rttMs: number, bandwidthBps: number, limit: number, tolerance: number) => ({
  args: [{ page, rttMs, bandwidthBps, limit, tolerance }],
  label: {
    en: `enoughConnections({ page: ${page.objectBytes.length} objects, rttMs: ${rttMs}, bandwidthBps: ${bandwidthBps}, limit: ${limit}, tolerance: ${tolerance} })`,
    ko: `enoughConnections({ page: 객체 ${page.objectBytes.length}개, rttMs: ${rttMs}, bandwidthBps: ${bandwidthBps}, limit: ${limit}, tolerance: ${tolerance} })`,
  },
});

/** 4.4a's likely slips, named once. */
const noHandshake = {
  en: "one round trip per transaction short: a new connection's handshake must finish before its request may leave.",
  ko: "트랜잭션마다 왕복이 하나씩 모자랍니다. 새 커넥션은 핸드셰이크를 마쳐야 요청을 보낼 수 있습니다.",
};
const tripsApart = {
  en: "one round trip per transaction too many: the request's trip out and the response's trip back make one round trip together.",
  ko: "트랜잭션마다 왕복이 하나씩 많습니다. 요청이 가는 길과 응답이 오는 길을 합쳐 왕복 한 번입니다.",
};
const htmlLeftOut = {
  en: "the HTML is a transaction too: it comes first, on its own connection.",
  ko: "HTML도 트랜잭션입니다. 맨 먼저, 자기 커넥션에서 옵니다.",
};
const bitsBytes = {
  en: "the bytes' time on the link is off by a factor of 8: sizes are in bytes, the bandwidth in bits per second.",
  ko: "바이트가 링크를 지나는 시간이 8배 어긋났습니다. 크기는 바이트 단위이고, 대역폭은 초당 비트 단위입니다.",
};
const seconds = {
  en: "the bytes' time on the link came out in seconds; everything else is in milliseconds.",
  ko: "바이트가 링크를 지나는 시간이 초 단위로 나왔습니다. 나머지는 모두 밀리초 단위입니다.",
};

/** 4.4c's likely slips, named once. */
const roundsDown = {
  en: "the rounds were rounded down: a round that is only partly filled still opens its connections and waits its round trips.",
  ko: "라운드 수를 내림했습니다. 일부만 찬 라운드도 커넥션을 열고 왕복을 기다립니다.",
};
const fractionalRounds = {
  en: "the rounds came out fractional: a round is whole, however few objects it carries.",
  ko: "라운드 수가 소수로 나왔습니다. 라운드는 객체를 몇 개 싣든 하나의 온전한 라운드입니다.",
};
const ownLink = {
  en: "each connection was given the whole link: the connections of a round share it, so every object's bytes still cross one after another.",
  ko: "커넥션마다 링크 전체를 주었습니다. 한 라운드의 커넥션들은 링크를 나눠 쓰므로, 모든 객체의 바이트는 여전히 차례로 지나갑니다.",
};
const roundShort = {
  en: "one round trip per round short: every round opens new connections, and each must finish its handshake first.",
  ko: "라운드마다 왕복이 하나씩 모자랍니다. 라운드마다 새 커넥션을 열고, 각 커넥션은 먼저 핸드셰이크를 마쳐야 합니다.",
};
const parallelHtmlLeftOut = {
  en: "the HTML comes first, on its own connection, and costs its own time before any object can be asked for.",
  ko: "HTML이 맨 먼저 자기 커넥션에서 오며, 어떤 객체든 요청하기 전에 자기 몫의 시간이 듭니다.",
};

/** 4.4d's likely slips. */
const fastest = {
  en: "that is the fastest N, not the smallest N that is nearly as fast: the tolerance is a fraction of the fastest time, and any N within it will do.",
  ko: "그것은 가장 빠른 N이지, 거의 그만큼 빠른 가장 작은 N이 아닙니다. 허용 오차는 가장 빠른 시간에 대한 비율이며, 그 안에 드는 N이면 됩니다.",
};
const zeroBased = {
  en: "off by one: an index came back, not a number of connections (N starts at 1).",
  ko: "하나 어긋났습니다. 커넥션 수가 아니라 인덱스를 돌려주었습니다(N은 1부터 시작합니다).",
};

/** 4.4e and 4.4f: the page and the two browsers. */
const crossPage = {
  en: "the page: 10 kB of HTML and four 50 kB images; 4 parallel connections against 1 persistent connection.",
  ko: "페이지: HTML 10 kB와 50 kB 이미지 네 개. 병렬 커넥션 4개 대 지속 커넥션 1개.",
};

const crossPageBoth = {
  en: `${crossPage.en} The model cell below the check runs both.`,
  ko: `${crossPage.ko} 검사 아래의 모델 셀이 두 방식을 모두 실행합니다.`,
};

const cases: CheckCases = {
  "4.4a": {
    why: {
      en: "Serial loading adds every transaction's delay to the next one's, which is what parallel connections attack.",
      ko: "순차 로딩은 트랜잭션마다의 지연을 다음 트랜잭션의 지연에 계속 더합니다. 병렬 커넥션이 공략하는 것이 바로 이 점입니다.",
    },
    tolerance: 1e-6,
    cases: [
      {
        args: [{ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] }],
        expect: 680,
        why: {
          en: "a small page: the HTML and one image, each on a new connection of its own.",
          ko: "작은 페이지: HTML과 이미지 하나를 각각 자기 새 커넥션에서 가져옵니다.",
        },
        slips: [
          { got: 480, say: noHandshake },
          { got: 400, say: htmlLeftOut },
          { got: 435, say: bitsBytes },
          { got: 400.28, say: seconds },
          { got: 880, say: tripsApart },
        ],
      },
      {
        args: [{ rttMs: 100, bandwidthBps: 10e6, htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] }],
        expect: 856,
        why: {
          en: "the book's page with three images is four transactions, one after the other.",
          ko: "이미지가 세 개인 책의 페이지는 트랜잭션 네 개가 차례로 이어집니다.",
        },
        slips: [
          { got: 456, say: noHandshake },
          { got: 648, say: htmlLeftOut },
          { got: 807, say: bitsBytes },
          { got: 800.056, say: seconds },
          { got: 1256, say: tripsApart },
        ],
      },
      {
        args: [{ rttMs: 50, bandwidthBps: 2e6, htmlBytes: 4_000, objectBytes: [] }],
        expect: 116,
        why: { en: "a page without objects is one transaction.", ko: "객체가 없는 페이지는 트랜잭션 하나입니다." },
        slips: [
          { got: 66, say: noHandshake },
          { got: 0, say: htmlLeftOut },
          { got: 102, say: bitsBytes },
          { got: 100.016, say: seconds },
          { got: 166, say: tripsApart },
        ],
      },
      {
        args: [{ rttMs: 0, bandwidthBps: 1e6, htmlBytes: 1_000, objectBytes: [1_000, 2_000] }],
        expect: 32,
        why: {
          en: "with no latency at all, only the bytes on the link are left.",
          ko: "지연이 전혀 없으면 링크를 지나는 바이트만 남습니다.",
        },
        slips: [
          { got: 24, say: htmlLeftOut },
          { got: 0.032, say: seconds },
        ],
      },
      {
        args: [{ rttMs: 150, bandwidthBps: Infinity, htmlBytes: 1_000, objectBytes: [5_000, 5_000, 5_000, 5_000, 5_000] }],
        expect: 1800,
        why: {
          en: "on an unlimited link only the round trips are left: serial loading is bound by latency, not bandwidth.",
          ko: "대역폭에 제한이 없는 링크에서는 왕복만 남습니다. 순차 로딩을 붙잡는 것은 대역폭이 아니라 지연입니다.",
        },
        slips: [
          { got: 900, say: noHandshake },
          { got: 1500, say: htmlLeftOut },
          { got: 2700, say: tripsApart },
        ],
      },
    ],
  },
  "4.4b": {
    why: {
      en:
        "A browser that caps its connections works through the images in rounds: every round opens new connections, so each pays " +
        "a handshake and then a request and response, and a round that is only partly filled costs as much time as a full one. " +
        "The bytes hardly matter here (4 kB at 10 Mbit/s is about 3 ms); the round trips do.",
      ko:
        "커넥션 수를 제한하는 브라우저는 이미지를 라운드 단위로 처리합니다. 라운드마다 새 커넥션을 열므로 각 커넥션은 핸드셰이크를 " +
        "치른 뒤에 요청과 응답을 주고받으며, 일부만 찬 라운드도 꽉 찬 라운드만큼 시간이 듭니다. 여기서 바이트는 거의 중요하지 않고" +
        "(10 Mbit/s에서 4 kB는 약 3 ms) 왕복이 중요합니다.",
    },
    cases: [
      {
        args: [],
        expect: 822.8,
        tolerance: 50,
        label: "predictTenImagesMs()",
        why: {
          en: "read it off the waterfall below the check: 10 images, at most 4 connections at once, RTT 100 ms.",
          ko: "검사 아래의 워터폴에서 읽어 내세요. 이미지 10개, 동시에 최대 커넥션 4개, RTT 100 ms.",
        },
        slips: [
          {
            got: 620,
            say: {
              en: "about one round short: either only whole rounds of four were counted (the last, partly filled round costs as much), or the HTML's 208.6 ms were left out.",
              ko: "대략 한 라운드가 모자랍니다. 네 개가 꽉 찬 라운드만 셌거나(일부만 찬 마지막 라운드도 같은 시간이 듭니다), HTML의 208.6 ms를 빠뜨렸습니다.",
            },
          },
          {
            got: 518,
            say: {
              en: "one round trip per round: these connections are new, so each round pays a handshake before its requests can leave.",
              ko: "라운드마다 왕복 한 번으로 셌습니다. 이 커넥션들은 새것이므로, 라운드마다 요청을 보내기 전에 핸드셰이크를 치릅니다.",
            },
          },
          {
            got: 442,
            say: {
              en: "all ten images at once: the browser may keep at most 4 connections open, so the rest wait for a free one.",
              ko: "이미지 열 개를 한꺼번에 받았습니다. 브라우저는 커넥션을 최대 4개까지만 열 수 있으므로, 나머지는 커넥션이 빌 때까지 기다립니다.",
            },
          },
          {
            got: 1023,
            say: {
              en: "one round too many: ten images through four connections is fewer rounds than that.",
              ko: "라운드가 하나 많습니다. 커넥션 네 개로 이미지 열 개를 받는 데는 그보다 적은 라운드가 듭니다.",
            },
          },
          {
            got: 1118,
            say: {
              en: "three round trips per round: the request's trip out and the response's trip back make one round trip together, after the handshake's.",
              ko: "라운드마다 왕복 세 번으로 셌습니다. 핸드셰이크의 왕복 다음에는, 요청이 가는 길과 응답이 오는 길을 합쳐 왕복 한 번입니다.",
            },
          },
          {
            got: 2245,
            say: {
              en: "that is one image after another: with four connections, four images travel at the same time.",
              ko: "이미지를 하나씩 차례로 받은 값입니다. 커넥션이 네 개면 이미지 네 개가 동시에 전송됩니다.",
            },
          },
        ],
      },
    ],
  },
  "4.4c": {
    why: {
      en: "Parallel connections overlap the round trips, never the bandwidth: connections of one round split the same link.",
      ko: "병렬 커넥션은 왕복을 겹칠 뿐, 대역폭을 겹치지는 못합니다. 한 라운드의 커넥션들은 같은 링크를 나눠 씁니다.",
    },
    tolerance: 1e-6,
    cases: [
      {
        args: [base],
        expect: 1080,
        why: {
          en: "the HTML first, on its own connection; then one round for the three images, which share the link.",
          ko: "먼저 HTML을 자기 커넥션에서 받고, 이어서 링크를 나눠 쓰는 이미지 세 개를 한 라운드에 받습니다.",
        },
        slips: [
          { got: 880, say: roundsDown },
          { got: 1030, say: fractionalRounds },
          { got: 680, say: ownLink },
          { got: 980, say: roundShort },
          { got: 800, say: parallelHtmlLeftOut },
        ],
      },
      {
        args: [{ ...base, objectCount: 10, maxConnections: 4 }],
        expect: 2880,
        why: {
          en: "ten objects through four connections: the last round is only partly used.",
          ko: "커넥션 네 개로 객체 열 개를 받습니다. 마지막 라운드는 일부만 쓰입니다.",
        },
        slips: [
          { got: 2680, say: roundsDown },
          { got: 2780, say: fractionalRounds },
          { got: 1480, say: ownLink },
          { got: 2580, say: roundShort },
          { got: 2600, say: parallelHtmlLeftOut },
          {
            got: 3280,
            say: {
              en: "the last, partly used round is charged the bytes of a full one: only the objects really sent in it share the link.",
              ko: "일부만 쓰인 마지막 라운드에 꽉 찬 라운드의 바이트를 매겼습니다. 그 라운드에서 실제로 보내는 객체만 링크를 나눠 씁니다.",
            },
          },
        ],
      },
      {
        args: [{ ...base, rttMs: 200, bandwidthBps: 100e6, objectCount: 6, maxConnections: 6 }],
        expect: 812.8,
        why: {
          en: "a long, fat link: round trips dominate, and one round for six objects instead of six is the whole gain.",
          ko: "길고 굵은 링크: 왕복이 시간을 좌우하며, 객체 여섯 개를 여섯 라운드가 아니라 한 라운드에 받는 것이 이득의 전부입니다.",
        },
        slips: [
          { got: 802.8, say: ownLink },
          { got: 612.8, say: roundShort },
          { got: 412, say: parallelHtmlLeftOut },
        ],
      },
      {
        args: [{ ...base, rttMs: 5, bandwidthBps: 0.5e6, objectCount: 6, maxConnections: 6 }],
        expect: 2580,
        why: {
          en: "a short, thin link: the bytes take as long as they take whether they share one connection or six, so the gain is small.",
          ko: "짧고 가는 링크: 바이트는 커넥션 하나를 쓰든 여섯 개를 나눠 쓰든 걸리는 시간이 같으므로 이득이 작습니다.",
        },
        slips: [
          { got: 580, say: ownLink },
          { got: 2575, say: roundShort },
          { got: 2410, say: parallelHtmlLeftOut },
        ],
      },
      {
        args: [{ ...base, objectCount: 0 }],
        expect: 280,
        why: { en: "a page without objects is just its HTML.", ko: "객체가 없는 페이지는 HTML뿐입니다." },
        slips: [{ got: 0, say: parallelHtmlLeftOut }],
      },
    ],
  },
  "4.4d": {
    why: {
      en: "Every connection beyond what the page needs costs memory at both ends and load on the server, for nothing.",
      ko: "페이지에 필요한 것보다 많은 커넥션은 아무 이득 없이 양쪽 끝의 메모리와 서버의 부하만 늘립니다.",
    },
    cases: [
      {
        ...enough(three, 100, 10e6, 6, 0.05),
        expect: 3,
        why: {
          en: "three images on a long link: one connection per image, no more.",
          ko: "긴 링크에서 이미지 세 개: 이미지마다 커넥션 하나면 되고, 그 이상은 필요 없습니다.",
        },
        slips: [{ got: 2, say: zeroBased }],
      },
      {
        ...enough(many, 200, 50e6, 8, 0.05),
        expect: 6,
        why: {
          en: "twelve objects: 6 connections already do it in two rounds, 8 would too, so 7 and 8 buy nothing.",
          ko: "객체 열두 개: 커넥션 6개로 이미 두 라운드에 끝나고 8개여도 마찬가지이므로, 7개와 8개는 얻는 것이 없습니다.",
        },
        slips: [
          { got: 8, say: fastest },
          { got: 5, say: zeroBased },
        ],
      },
      {
        ...enough(many, 20, 2e6, 8, 0.2),
        expect: 2,
        why: { en: "a thin link: a couple of connections fill it.", ko: "가는 링크: 커넥션 두어 개면 링크가 가득 찹니다." },
        slips: [
          { got: 6, say: fastest },
          { got: 1, say: zeroBased },
        ],
      },
      {
        ...enough(three, 5, 0.5e6, 6, 0.05),
        expect: 1,
        why: {
          en: "a thin, short link is bandwidth-bound: one connection is as good as any.",
          ko: "가늘고 짧은 링크에서는 대역폭이 한계입니다. 커넥션 하나도 여러 개 못지않습니다.",
        },
        slips: [
          { got: 3, say: fastest },
          { got: 0, say: zeroBased },
        ],
      },
      {
        ...enough(many, 50, 5e6, 8, 0.2),
        expect: 4,
        why: { en: "a looser tolerance settles for fewer connections.", ko: "허용 오차가 느슨하면 더 적은 커넥션으로 만족합니다." },
        slips: [
          { got: 6, say: fastest },
          { got: 3, say: zeroBased },
        ],
      },
    ],
  },
  "4.4e": {
    why: {
      en:
        "Parallel connections share the link's bandwidth; they do not add to it. At 1 Mbit/s the four 50 kB images take about 1.6 s " +
        "to cross, however many connections carry them. What parallel connections overlap is round trips, and at 20 ms a round trip " +
        "is small next to that; what the persistent connection saves (four handshakes and four cold slow starts) is just as small, " +
        "and it waits a round trip between images. Either way the difference is a few percent of the load.",
      ko:
        "병렬 커넥션은 링크의 대역폭을 나눠 쓸 뿐 늘리지는 못합니다. 1 Mbit/s에서 50 kB 이미지 네 개는 커넥션 몇 개로 나르든 " +
        "건너가는 데 약 1.6 s가 걸립니다. 병렬 커넥션이 겹치는 것은 왕복인데, 20 ms짜리 왕복은 그에 비하면 작습니다. 지속 커넥션이 " +
        "아끼는 것(핸드셰이크 네 번과 차가운 상태에서 시작하는 느린 시작 네 번)도 그만큼 작으며, 지속 커넥션은 이미지 사이마다 " +
        "왕복 한 번을 기다립니다. 어느 쪽이든 차이는 로딩 시간의 몇 퍼센트입니다.",
    },
    cases: [
      {
        args: [],
        expect: "about the same",
        label: "predictThinLinkFaster()",
        why: crossPageBoth,
        slips: [
          {
            got: "parallel",
            say: {
              en: "four connections do overlap their round trips, but they share one thin link: the time the bytes take on it is most of the load, and sharing cannot shorten it.",
              ko: "커넥션 네 개가 왕복을 겹치기는 하지만 가는 링크 하나를 나눠 씁니다. 로딩 시간의 대부분은 바이트가 그 링크를 지나는 시간이고, 나눠 쓴다고 그 시간이 줄지는 않습니다.",
            },
          },
          {
            got: "persistent",
            say: {
              en: "a warm connection saves handshakes and slow starts, but on a 20 ms round trip they are worth little next to the seconds the bytes take, and it pays a round trip per image in turn.",
              ko: "이미 데워진(warm) 커넥션은 핸드셰이크와 느린 시작을 아끼지만, 왕복이 20 ms라면 바이트가 걸리는 몇 초에 비해 그 가치가 작고, 이미지마다 차례로 왕복 한 번을 치릅니다.",
            },
          },
        ],
      },
    ],
  },
  "4.4f": {
    why: {
      en:
        "At 50 Mbit/s a 50 kB image crosses the link in 8 ms, so the load time is almost all round trips. Four new connections " +
        "wait for their handshakes, their requests and their slow-start rounds at the same time; one persistent connection skips " +
        "the handshakes but fetches the images one after another, waiting at least a round trip for each.",
      ko:
        "50 Mbit/s에서 50 kB 이미지는 8 ms 만에 링크를 건너가므로, 로딩 시간은 거의 전부 왕복입니다. 새 커넥션 네 개는 " +
        "핸드셰이크, 요청, 느린 시작의 라운드를 동시에 기다립니다. 지속 커넥션 하나는 핸드셰이크를 건너뛰지만 이미지를 하나씩 " +
        "차례로 가져오므로 이미지마다 적어도 왕복 한 번을 기다립니다.",
    },
    cases: [
      {
        args: [],
        expect: "parallel",
        label: "predictLongFatLinkFaster()",
        why: crossPageBoth,
        slips: [
          {
            got: "about the same",
            say: {
              en: "on this link the bytes take almost no time; what is left is round trips, and the two browsers wait very different numbers of them one after another.",
              ko: "이 링크에서는 바이트가 거의 시간을 쓰지 않습니다. 남는 것은 왕복이고, 두 브라우저가 차례로 기다리는 왕복의 수는 크게 다릅니다.",
            },
          },
          {
            got: "persistent",
            say: {
              en: "a warm connection skips the handshakes and the cold slow start, but it still asks for one image at a time, and each request waits a 200 ms round trip.",
              ko: "이미 데워진 커넥션은 핸드셰이크와 차가운 상태의 느린 시작을 건너뛰지만, 여전히 이미지를 하나씩 요청하고 요청마다 200 ms 왕복을 기다립니다.",
            },
          },
        ],
      },
    ],
  },
};
export default cases;
