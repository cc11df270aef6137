/** Public cases for 4.8 Multiplexing and beyond: they ship with the workbook and show in feedback. */
import type { Text } from "../lib/i18n";
import type { Case, CheckCases } from "../lib/workbook/cases";

/** 4.8b: n image URLs on one origin. */
const www = (n: number, host = "www.joes-hardware.com", scheme = "https") =>
  Array.from({ length: n }, (_, i) => `${scheme}://${host}/img/tool-${i}.png`);
const images = (n: number, host = "www.joes-hardware.com") => `${n} × "https://${host}/img/tool-<i>.png"`;

/** 4.8a's named slips: the times a known wrong rule gives for a case. */
const pipelining = (got: number[]) => ({
  got,
  say: {
    en: "these are pipelining's times: each response waited for every earlier one. On HTTP/2 a ready response need not wait for the request order.",
    ko: "파이프라인 방식의 시간입니다. 응답마다 앞선 응답을 모두 기다렸습니다. HTTP/2에서는 준비된 응답이 요청 순서를 기다릴 필요가 없습니다.",
  },
});
const ownLink = (got: number[]) => ({
  got,
  say: {
    en: "every response had the link to itself: they share one connection, so a response ready while another is being sent waits for the link.",
    ko: "응답마다 링크를 혼자 썼습니다. 응답들은 커넥션 하나를 나눠 쓰므로, 다른 응답을 보내는 동안 준비된 응답은 링크가 빌 때까지 기다립니다.",
  },
});
const leftAt = (got: number[]) => ({
  got,
  say: {
    en: "these are the times the last bytes leave the server: they still have half a round trip to travel.",
    ko: "마지막 바이트가 서버를 떠나는 시각입니다. 아직 왕복 절반을 더 가야 합니다.",
  },
});

const cases: CheckCases = {
  "4.8a": {
    why: {
      en: "HTTP/2 labels every frame with its stream, so a response may leave as soon as it is ready (RFC 9113 5).",
      ko: "HTTP/2는 모든 프레임에 스트림 표시를 붙이므로, 응답은 준비되는 대로 나갈 수 있습니다(RFC 9113 5).",
    },
    tolerance: 1e-6,
    cases: [
      {
        args: [{ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 }],
        expect: [130, 30, 40],
        why: {
          en: "the two quick responses are sent while the slow one is still being made; the slow one leaves last, when it is ready.",
          ko: "느린 응답을 아직 만드는 동안 빠른 응답 두 개가 나갑니다. 느린 응답은 준비되었을 때 마지막으로 나갑니다.",
        },
        slips: [pipelining([130, 140, 150]), ownLink([130, 30, 30]), leftAt([120, 20, 30])],
      },
      {
        args: [{ serverMs: [0, 300, 0, 0], bytes: [20_000, 20_000, 20_000, 20_000], rttMs: 100, bandwidthBps: 10e6 }],
        expect: [116, 416, 132, 148],
        why: {
          en: "the slow second response no longer holds back the third and fourth: they go out as soon as the link is free.",
          ko: "느린 두 번째 응답이 더는 세 번째와 네 번째를 붙잡지 않습니다. 둘은 링크가 비는 대로 나갑니다.",
        },
        slips: [pipelining([116, 416, 432, 448]), ownLink([116, 416, 116, 116]), leftAt([66, 366, 82, 98])],
      },
      {
        args: [{ serverMs: [30, 10, 10, 0], bytes: [5_000, 40_000, 1_000, 2_000], rttMs: 40, bandwidthBps: 4e6 }],
        expect: [142, 130, 132, 44],
        why: {
          en:
            "responses leave in the order they became ready (ties in request order), and a big one in front still occupies the link: " +
            "the link is shared even when the streams are not.",
          ko:
            "응답은 준비된 순서대로 나가고(동시에 준비되면 요청 순서대로), 앞선 큰 응답은 여전히 링크를 차지합니다. " +
            "스트림은 따로여도 링크는 함께 씁니다.",
        },
        slips: [pipelining([80, 160, 162, 166]), ownLink([80, 130, 52, 44]), leftAt([122, 110, 112, 24])],
      },
      {
        args: [{ serverMs: [50, 5, 5], bytes: [1_000, 1_000, 1_000], rttMs: 20, bandwidthBps: Infinity }],
        expect: [70, 25, 25],
        why: {
          en: "on an unlimited link sending takes no time, so nothing waits for anything: each response depends only on its own think time.",
          ko: "대역폭 제한이 없는 링크에서는 보내는 데 시간이 들지 않으므로 어떤 응답도 다른 것을 기다리지 않습니다. 응답마다 자기 처리 시간에만 달려 있습니다.",
        },
        slips: [pipelining([70, 70, 70]), leftAt([60, 15, 15])],
      },
      {
        args: [{ serverMs: [0, 0, 0], bytes: [3_000, 3_000, 3_000], rttMs: 10, bandwidthBps: 1.2e6 }],
        expect: [30, 50, 70],
        why: {
          en:
            "everything ready at once: the responses simply follow each other on the link, in request order " +
            "(HTTP/1.1 pipelining gives the same here: nothing is held back).",
          ko:
            "모두 한꺼번에 준비됩니다. 응답은 요청 순서대로 링크 위에서 차례로 이어질 뿐입니다" +
            "(여기서는 HTTP/1.1 파이프라인도 같은 결과입니다. 붙잡히는 것이 없습니다).",
        },
        slips: [ownLink([30, 30, 30])],
      },
      {
        args: [{ serverMs: [7], bytes: [125_000], rttMs: 30, bandwidthBps: 1e6 }],
        expect: [1037],
        why: {
          en: "one big response on a slow link: most of its time is its own bytes on the wire.",
          ko: "느린 링크의 큰 응답 하나: 시간의 대부분은 자기 바이트가 회선을 지나는 시간입니다.",
        },
        slips: [
          {
            got: [162],
            say: {
              en: "125,000 bytes are 1,000,000 bits: the bandwidth is in bits per second, the sizes in bytes.",
              ko: "125,000바이트는 1,000,000비트입니다. 대역폭은 초당 비트 단위이고, 크기는 바이트 단위입니다.",
            },
          },
        ],
      },
      // lib/http's simulatePageLoad "multiplexed" agrees on an unlimited link
      {
        args: [{ serverMs: [0, 300, 0, 0], bytes: [1000, 1000, 1000, 1000], rttMs: 100, bandwidthBps: Infinity }],
        expect: [100, 400, 100, 100],
        why: {
          en: 'simulatePageLoad\'s "multiplexed" strategy gives these times on an unlimited link: with nothing to wait for, each response arrives one way after it is ready.',
          ko: '대역폭 제한이 없는 링크에서 simulatePageLoad의 "multiplexed" 전략이 내는 시간입니다. 기다릴 것이 없으므로 응답마다 준비된 뒤 편도 시간만큼 지나 도착합니다.',
        },
      },
      {
        args: [{ serverMs: [5, 50, 5, 80, 10, 0], bytes: [1000, 1000, 1000, 1000, 1000, 1000], rttMs: 40, bandwidthBps: Infinity }],
        expect: [45, 90, 45, 120, 50, 40],
        why: {
          en: 'simulatePageLoad\'s "multiplexed" strategy gives these times on an unlimited link: with nothing to wait for, each response arrives one way after it is ready.',
          ko: '대역폭 제한이 없는 링크에서 simulatePageLoad의 "multiplexed" 전략이 내는 시간입니다. 기다릴 것이 없으므로 응답마다 준비된 뒤 편도 시간만큼 지나 도착합니다.',
        },
      },
      {
        args: [{ serverMs: [], bytes: [], rttMs: 20, bandwidthBps: 1e6 }],
        expect: [],
        why: { en: "no requests, no responses: an empty list.", ko: "요청이 없으면 응답도 없습니다. 빈 리스트입니다." },
      },
      {
        args: [{ serverMs: [0, 0], bytes: [1000], rttMs: 20, bandwidthBps: 1e6 }],
        throws: "RangeError",
        why: {
          en: "two think times but one size: a model that guessed the missing size would hide a bug in the caller.",
          ko: "처리 시간은 두 개인데 크기는 하나입니다. 빠진 크기를 짐작하는 모델은 호출한 쪽의 버그를 숨기게 됩니다.",
        },
      },
    ],
  },
  "4.8b": {
    why: {
      en: "Every connection costs a handshake, a slow start and server memory; HTTP/2 asks for one per origin (RFC 9113 9.1).",
      ko: "커넥션마다 핸드셰이크, 느린 시작, 서버 메모리가 듭니다. HTTP/2는 오리진(origin)마다 커넥션 하나를 쓰라고 합니다(RFC 9113 9.1).",
    },
    cases: [
      {
        args: [["https://a.example/1.png", "https://a.example/2.png", "https://b.example/x.css"]],
        expect: { http1: 3, http2: 2 },
        why: {
          en: "two requests to one origin need only two connections even though six are allowed; each origin gets its own HTTP/2 connection.",
          ko: "한 오리진에 대한 요청 두 개에는 여섯 개까지 허용되더라도 커넥션 두 개면 됩니다. HTTP/2에서는 오리진마다 자기 커넥션 하나를 씁니다.",
        },
        slips: [
          {
            got: { http1: 3, http2: 3 },
            say: {
              en: "HTTP/2 does not open a connection per request: every request to an origin is a stream on that origin's one connection.",
              ko: "HTTP/2는 요청마다 커넥션을 열지 않습니다. 한 오리진에 대한 요청은 모두 그 오리진의 커넥션 하나 위의 스트림입니다.",
            },
          },
        ],
      },
      {
        args: [www(20)],
        expect: { http1: 6, http2: 1 },
        label: `connectionsForPage([${images(20)}])`,
        why: {
          en: "twenty images on one origin: HTTP/1.1 stops at six connections and queues the rest; HTTP/2 carries all twenty as streams on one.",
          ko: "한 오리진의 이미지 스무 개: HTTP/1.1은 커넥션 여섯 개에서 멈추고 나머지는 줄을 세웁니다. HTTP/2는 스무 개 모두를 커넥션 하나 위의 스트림으로 나릅니다.",
        },
        slips: [
          {
            got: { http1: 20, http2: 1 },
            say: {
              en: "a browser does not open a connection for every request: perOrigin caps each origin, and the rest queue.",
              ko: "브라우저는 요청마다 커넥션을 열지 않습니다. perOrigin이 오리진마다 상한을 두고, 나머지는 줄을 섭니다.",
            },
          },
        ],
      },
      {
        args: [[...www(10), ...www(10, "img.joes-hardware.com"), ...www(3, "cdn.example.net")]],
        expect: { http1: 15, http2: 3 },
        label: `connectionsForPage([${images(10)}, ${images(10, "img.joes-hardware.com")}, ${images(3, "cdn.example.net")}])`,
        why: {
          en: "three origins: each has its own cap under HTTP/1.1, and its own single connection under HTTP/2.",
          ko: "오리진 세 개: HTTP/1.1에서는 오리진마다 상한이 따로 있고, HTTP/2에서는 오리진마다 커넥션이 하나씩 있습니다.",
        },
        slips: [
          {
            got: { http1: 6, http2: 3 },
            say: {
              en: "the cap is per origin, not for the whole page: each origin may have perOrigin connections.",
              ko: "상한은 페이지 전체가 아니라 오리진마다 적용됩니다. 오리진마다 perOrigin개의 커넥션을 가질 수 있습니다.",
            },
          },
          {
            got: { http1: 23, http2: 3 },
            say: {
              en: "a browser does not open a connection for every request: perOrigin caps each origin, and the rest queue.",
              ko: "브라우저는 요청마다 커넥션을 열지 않습니다. perOrigin이 오리진마다 상한을 두고, 나머지는 줄을 섭니다.",
            },
          },
        ],
      },
      {
        args: [["http://a.example/x", "https://a.example/x", "https://a.example:443/y", "https://a.example:8443/z"]],
        expect: { http1: 4, http2: 3 },
        why: {
          en: "an origin is scheme, host and port: http and https differ, :443 is https's default port (the same origin as none), :8443 is another.",
          ko: "오리진은 스킴, 호스트, 포트로 정해집니다. http와 https는 다르고, :443은 https의 기본 포트(포트를 적지 않은 것과 같은 오리진)이며, :8443은 다른 오리진입니다.",
        },
        slips: [
          {
            got: { http1: 4, http2: 1 },
            say: {
              en: "you grouped by host name alone: the scheme and the port are part of the origin too.",
              ko: "호스트 이름만으로 묶었습니다. 스킴과 포트도 오리진의 일부입니다.",
            },
          },
          {
            got: { http1: 4, http2: 2 },
            say: {
              en: "you grouped by host and port but not by scheme: http://a.example and https://a.example are two origins.",
              ko: "호스트와 포트로는 묶었지만 스킴으로는 묶지 않았습니다. http://a.example과 https://a.example은 서로 다른 두 오리진입니다.",
            },
          },
          {
            got: { http1: 4, http2: 4 },
            say: {
              en: "a written default port is the same origin as no port: let the URL class normalise it (new URL(u).origin).",
              ko: "기본 포트를 적은 것은 포트를 적지 않은 것과 같은 오리진입니다. URL 클래스가 정규화하게 하세요(new URL(u).origin).",
            },
          },
        ],
      },
      {
        args: [
          [
            ...www(8, "img1.joes-hardware.com"),
            ...www(8, "img2.joes-hardware.com"),
            ...www(8, "img3.joes-hardware.com"),
            ...www(8, "img4.joes-hardware.com"),
          ],
        ],
        expect: { http1: 24, http2: 4 },
        label: `connectionsForPage([${[1, 2, 3, 4].map((k) => images(8, `img${k}.joes-hardware.com`)).join(", ")}])`,
        why: {
          en: "domain sharding: four host names for the same images buy HTTP/1.1 24 connections instead of 6; under HTTP/2 they cost four connections where one would do.",
          ko: "도메인 샤딩(domain sharding): 같은 이미지에 호스트 이름 네 개를 쓰면 HTTP/1.1은 커넥션을 6개가 아니라 24개 얻습니다. HTTP/2에서는 하나면 될 것을 커넥션 네 개나 치릅니다.",
        },
      },
      {
        args: [www(12), 2],
        expect: { http1: 2, http2: 1 },
        label: `connectionsForPage([${images(12)}], 2)`,
        why: {
          en: "RFC 2616 asked for at most two connections per server: twelve images over two connections.",
          ko: "RFC 2616은 서버마다 커넥션을 최대 두 개로 하라고 했습니다. 이미지 열두 개를 커넥션 두 개로 나릅니다.",
        },
      },
      {
        args: [["HTTPS://WWW.Joes-Hardware.com/a", "https://www.joes-hardware.com/b"]],
        expect: { http1: 2, http2: 1 },
        why: {
          en: "scheme and host are case-insensitive: the URL class lower-cases them, so this is one origin.",
          ko: "스킴과 호스트는 대소문자를 구분하지 않습니다. URL 클래스가 소문자로 바꾸므로 이것은 오리진 하나입니다.",
        },
        slips: [
          {
            got: { http1: 2, http2: 2 },
            say: {
              en: "you compared the URLs' text: scheme and host are case-insensitive, so parse them (new URL) rather than cut strings.",
              ko: "URL의 글자를 그대로 비교했습니다. 스킴과 호스트는 대소문자를 구분하지 않으므로 문자열을 자르지 말고 파싱하세요(new URL).",
            },
          },
        ],
      },
      {
        args: [[]],
        expect: { http1: 0, http2: 0 },
        why: { en: "a page with no requests opens no connections.", ko: "요청이 없는 페이지는 커넥션을 열지 않습니다." },
      },
      {
        args: [["/relative/path.png"]],
        throws: "TypeError",
        why: {
          en: "a relative URL names no scheme, host or port, so it has no origin: new URL() rejects it with a TypeError.",
          ko: "상대 URL에는 스킴, 호스트, 포트가 없으므로 오리진이 없습니다. new URL()은 TypeError로 거부합니다.",
        },
      },
      {
        args: [www(3), 0],
        throws: "RangeError",
        label: `connectionsForPage([${images(3)}], 0)`,
        why: { en: "zero connections per origin could never load anything.", ko: "오리진마다 커넥션이 0개면 아무것도 불러올 수 없습니다." },
      },
      {
        args: [www(3), 2.5],
        throws: "RangeError",
        label: `connectionsForPage([${images(3)}], 2.5)`,
        why: { en: "connections come in whole numbers.", ko: "커넥션 수는 정수입니다." },
      },
    ],
  },
  "4.8c": {
    why: {
      en:
        "Nothing can be requested before the setup is done, and the request then needs one more round trip: out to the server " +
        "and the first byte back, plus the server's own time. Over TCP, TLS 1.3's one round trip (RFC 8446) can start only after TCP's " +
        "handshake (RFC 9293): two round trips of setup. QUIC puts the TLS ClientHello in its very first packet, so transport and " +
        "crypto are set up in the same round trip (RFC 9000 7, RFC 9001): one. On an 80 ms path that round trip saved is 80 ms before anything shows.",
      ko:
        "설정이 끝나기 전에는 아무것도 요청할 수 없고, 그 뒤 요청에는 왕복이 한 번 더 듭니다. 서버까지 갔다가 첫 바이트가 돌아오는 " +
        "왕복에 서버 자신의 처리 시간이 더해집니다. TCP 위에서는 TLS 1.3의 왕복 한 번(RFC 8446)이 TCP 핸드셰이크(RFC 9293)가 끝난 " +
        "뒤에야 시작할 수 있으므로, 설정에 왕복 두 번이 듭니다. QUIC은 TLS ClientHello를 맨 첫 패킷에 담으므로 전송과 암호 설정이 " +
        "같은 왕복 안에 끝납니다(RFC 9000 7, RFC 9001). 한 번입니다. 80 ms 경로라면 아낀 왕복 한 번은 무언가 보이기까지의 80 ms입니다.",
    },
    tolerance: 5,
    cases: [
      {
        args: [],
        expect: { tcpTls13: 260, quic: 180 },
        label: {
          en: "predictTimeToFirstByte() at RTT 80 ms, server 20 ms (ms, ± 5)",
          ko: "predictTimeToFirstByte(): RTT 80 ms, 서버 20 ms (단위 ms, ± 5)",
        },
        slips: [
          {
            got: { tcpTls13: 180, quic: 100 },
            say: {
              en: "you counted the setup and the server's time, but not the round trip that carries the request out and the first byte back.",
              ko: "설정과 서버 시간은 셌지만, 요청을 실어 보내고 첫 바이트를 실어 오는 왕복은 세지 않았습니다.",
            },
          },
          {
            got: { tcpTls13: 240, quic: 160 },
            say: {
              en: "the server's 20 ms are part of the wait: the first byte cannot leave before the response exists.",
              ko: "서버의 20 ms도 기다림의 일부입니다. 응답이 만들어지기 전에는 첫 바이트가 나갈 수 없습니다.",
            },
          },
          {
            got: { tcpTls13: 340, quic: 180 },
            say: {
              en: "two round trips of TLS handshake are TLS 1.2's (RFC 5246); TLS 1.3 needs one.",
              ko: "TLS 핸드셰이크에 왕복 두 번이 드는 것은 TLS 1.2(RFC 5246)입니다. TLS 1.3은 한 번이면 됩니다.",
            },
          },
          {
            got: { tcpTls13: 260, quic: 260 },
            say: {
              en: "QUIC does not run a transport handshake and then a TLS one: its first packets carry both.",
              ko: "QUIC은 전송 핸드셰이크를 마친 뒤에 TLS 핸드셰이크를 하지 않습니다. 첫 패킷들이 둘을 함께 나릅니다.",
            },
          },
          {
            got: { tcpTls13: 260, quic: 100 },
            say: {
              en: "a request in the very first flight is 0-RTT, which needs a ticket from an earlier connection; this connection is new.",
              ko: "맨 첫 플라이트(flight)에 요청을 싣는 것은 0-RTT이며, 이전 커넥션에서 받은 티켓이 있어야 합니다. 이 커넥션은 새것입니다.",
            },
          },
          {
            got: { tcpTls13: 180, quic: 180 },
            say: {
              en: "over TCP, TLS cannot begin until TCP's own handshake is done: the two round trips add up.",
              ko: "TCP 위에서는 TCP 자신의 핸드셰이크가 끝나야 TLS가 시작할 수 있습니다. 두 왕복이 더해집니다.",
            },
          },
        ],
      },
    ],
  },
  "4.8d": {
    why: {
      en:
        "HTTP/1.1 has no label on a response saying which request it answers, so responses must come back in request order " +
        "(RFC 9112 9.3.2), and the quick ones wait behind the slow one: head-of-line blocking in HTTP. HTTP/2 labels every frame " +
        "with its stream (RFC 9113 5), so each response leaves when it is ready. Both used one TCP connection, so the connection " +
        "was not what held the quick responses back; the order rule was.",
      ko:
        "HTTP/1.1 응답에는 어느 요청에 대한 응답인지 알려 주는 표시가 없으므로 응답은 요청 순서대로 돌아와야 하고" +
        "(RFC 9112 9.3.2), 빠른 응답은 느린 응답 뒤에서 기다립니다. HTTP 수준의 HOL 블로킹(head-of-line blocking)입니다. " +
        "HTTP/2는 모든 프레임에 스트림 표시를 붙이므로(RFC 9113 5) 응답마다 준비되는 대로 나갑니다. 둘 다 TCP 커넥션 하나를 " +
        "썼으므로, 빠른 응답을 붙잡은 것은 커넥션이 아니라 순서 규칙이었습니다.",
    },
    cases: [],
    lab: "multiplex",
    fromLab: (m: any): Case[] | Text => {
      const p = m?.measured?.pipelined,
        h = m?.measured?.multiplexed;
      const numbers = [p?.quickDoneMs, p?.slowDoneMs, h?.quickDoneMs, h?.slowDoneMs];
      if (!numbers.every((n) => typeof n === "number" && Number.isFinite(n) && n > 0)) {
        return {
          en: "the saved multiplex lab result cannot be read: run npm run workbook -- lab multiplex again.",
          ko: "저장된 multiplex 실험 결과를 읽을 수 없습니다. npm run workbook -- lab multiplex를 다시 실행하세요.",
        };
      }
      const blocked = p.quickDoneMs >= 0.9 * p.slowDoneMs; // HTTP/1.1's quick responses finished with the slow one
      const free = h.quickDoneMs < 0.5 * h.slowDoneMs; // HTTP/2's finished well before it
      if (!blocked || !free || p.connections !== 1 || h.connections !== 1) {
        return {
          en:
            `your multiplex lab did not show the effect it is built for (HTTP/1.1 quick responses done at ${p.quickDoneMs} ms, ` +
            `slow at ${p.slowDoneMs} ms; HTTP/2 quick at ${h.quickDoneMs} ms, slow at ${h.slowDoneMs} ms), so it cannot grade a prediction ` +
            "about it (this exercise is not counted here). A busy machine can blur it: run the lab again.",
          ko:
            `multiplex 실험에서 보여 주려는 효과가 나타나지 않았으므로(HTTP/1.1 빠른 응답 완료 ${p.quickDoneMs} ms, 느린 응답 ` +
            `${p.slowDoneMs} ms; HTTP/2 빠른 응답 ${h.quickDoneMs} ms, 느린 응답 ${h.slowDoneMs} ms) 이에 대한 예측을 채점할 수 없습니다` +
            "(여기서는 이 연습 문제를 점수에 넣지 않습니다). 컴퓨터가 바쁘면 효과가 흐려질 수 있습니다. 실험을 다시 실행하세요.",
        };
      }
      const share = Math.round((h.quickDoneMs / p.quickDoneMs) * 1000) / 1000;
      const right = { quickFirst: "http2", http2QuickShare: share, conclusion: "response-order" };
      const slips = [
        {
          got: { ...right, conclusion: "one-tcp-connection" },
          say: {
            en: "HTTP/2 also used a single TCP connection, and its quick responses were not held back: sharing the connection was not the cause.",
            ko: "HTTP/2도 TCP 커넥션 하나를 썼지만 빠른 응답이 붙잡히지 않았습니다. 커넥션을 함께 쓴 것이 원인이 아니었습니다.",
          },
        },
        {
          got: { ...right, conclusion: "busy-server" },
          say: {
            en: "the server answered the quick requests at once both times; over HTTP/1.1 their finished responses waited for their turn.",
            ko: "서버는 두 번 모두 빠른 요청에 바로 답했습니다. HTTP/1.1에서는 완성된 응답이 자기 차례를 기다렸습니다.",
          },
        },
        {
          got: { ...right, quickFirst: "http1.1-pipelined" },
          say: {
            en: "look at which quick responses had to wait for the slow one.",
            ko: "어느 쪽의 빠른 응답이 느린 응답을 기다려야 했는지 보세요.",
          },
        },
        {
          got: { ...right, http2QuickShare: 1 },
          say: {
            en: "a share of 1 means HTTP/2's quick responses waited for the slow one as pipelining's do.",
            ko: "비율 1은 HTTP/2의 빠른 응답이 파이프라인에서처럼 느린 응답을 기다렸다는 뜻입니다.",
          },
        },
        {
          got: { ...right, http2QuickShare: 1, conclusion: "one-tcp-connection" },
          say: {
            en: "HTTP/2 streams share one TCP connection, but without loss that costs them nothing: a ready response leaves at once.",
            ko: "HTTP/2 스트림들은 TCP 커넥션 하나를 함께 쓰지만, 손실이 없으면 그 때문에 잃는 것이 없습니다. 준비된 응답은 곧바로 나갑니다.",
          },
        },
      ];
      // "roughly the ratio": within 0.25 of the measured share, or within a factor of two when the share itself is larger.
      // On loopback the share is mostly node's own work per stream against the slow request's 30 to 50 ms: 0.04 to 0.3 seen.
      const tolerance = Math.max(0.25, share);
      const shown = Math.round(tolerance * 1000) / 1000;
      return [
        {
          args: [],
          expect: right,
          slips,
          tolerance,
          label: { en: `predictMultiplexLab() (share ± ${shown})`, ko: `predictMultiplexLab() (비율 ± ${shown})` },
          why: {
            en:
              `your measurement: HTTP/2's quick responses were done at ${h.quickDoneMs} ms, HTTP/1.1's at ${p.quickDoneMs} ms ` +
              `(the slow one at ${h.slowDoneMs} and ${p.slowDoneMs} ms).`,
            ko:
              `여러분의 측정값: 빠른 응답은 HTTP/2에서 ${h.quickDoneMs} ms, HTTP/1.1에서 ${p.quickDoneMs} ms에 끝났습니다` +
              `(느린 응답은 ${h.slowDoneMs} ms와 ${p.slowDoneMs} ms).`,
          },
        },
      ];
    },
  },
  /*
   * 4.8e is the notebook's arithmetic in section 4, not a run of lib/sim (whose loss model adds delayed ACKs, queues and
   * window changes that would blur the example); the expected value comes from this closed form. P full packets go back to back, round robin over S streams, each taking t ms on the link;
   * the RTT is R; packet L is lost. Packet k arrives at k*t + R/2. Every later packet draws an immediate duplicate
   * ACK (RFC 5681 4.2); the third one (packet L+3, so P >= L+3) triggers fast retransmit (RFC 5681 3.2): it leaves the
   * receiver at (L+3)*t + R/2, reaches the sender R/2 later, and the copy arrives t + R/2 after that. The copy thus
   * arrives R + 4t after packet L was due. Over TCP every stream with a packet after L waits for it (one byte stream);
   * over QUIC only the lost packet's stream does. Here S = 3, P = 9, L = 2, R = 100, t = 1.2:
   * stalled 3 and 1, repair (100 + 4.8) / 100 = 1.048 round trips.
   */
  "4.8e": {
    why: {
      en:
        "TCP delivers one byte stream in order: the bytes after a hole wait in the receive buffer until the hole is filled, " +
        "whichever stream they belong to. QUIC keeps order per stream, so only the stream whose data was lost waits. The repair " +
        "takes about one round trip: every packet after the hole draws a duplicate ACK at once (RFC 5681 4.2), the third one makes " +
        "the sender resend (fast retransmit, RFC 5681 3.2; QUIC's packet threshold, RFC 9002 6.1.1), and the copy needs half a round " +
        "trip back out. No timer is involved while later packets keep the duplicate ACKs coming.",
      ko:
        "TCP는 바이트 스트림 하나를 순서대로 전달합니다. 구멍 뒤의 바이트는 어느 스트림의 것이든 구멍이 메워질 때까지 수신 버퍼에서 " +
        "기다립니다. QUIC은 스트림마다 순서를 지키므로 데이터를 잃은 스트림만 기다립니다. 복구에는 약 왕복 한 번이 듭니다. 구멍 뒤의 " +
        "패킷마다 곧바로 중복 ACK가 나가고(RFC 5681 4.2), 세 번째 중복 ACK가 송신 측의 재전송을 일으키며(빠른 재전송(fast retransmit), " +
        "RFC 5681 3.2. QUIC에서는 패킷 임계값, RFC 9002 6.1.1), 복사본이 다시 건너오는 데 왕복 절반이 듭니다. 뒤따르는 패킷이 중복 ACK를 " +
        "계속 일으키는 동안에는 타이머가 끼어들지 않습니다.",
    },
    tolerance: 0.25,
    cases: [
      {
        args: [],
        expect: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 1.048 },
        label: { en: "predictLossStall() (repair in RTTs, ± 0.25)", ko: "predictLossStall() (복구 시간은 RTT 단위, ± 0.25)" },
        slips: [
          {
            got: { tcpStalledStreams: 1, quicStalledStreams: 1, repairRtts: 1 },
            say: {
              en: "TCP does not know about streams: the bytes of A and C that come after the hole cannot be delivered before it is filled.",
              ko: "TCP는 스트림을 모릅니다. 구멍 뒤에 오는 A와 C의 바이트는 구멍이 메워지기 전에 전달될 수 없습니다.",
            },
          },
          {
            got: { tcpStalledStreams: 3, quicStalledStreams: 3, repairRtts: 1 },
            say: {
              en: "QUIC orders bytes per stream: A's and C's packets do not wait for B's hole.",
              ko: "QUIC은 스트림마다 바이트 순서를 맞춥니다. A와 C의 패킷은 B의 구멍을 기다리지 않습니다.",
            },
          },
          {
            got: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 10 },
            say: {
              en: "1 s is RFC 6298's smallest retransmission timeout; a timer decides only when no duplicate ACKs come, and here six packets follow the hole.",
              ko: "1 s는 RFC 6298의 가장 작은 재전송 타임아웃입니다. 타이머가 결정하는 것은 중복 ACK가 오지 않을 때뿐이며, 여기서는 구멍 뒤에 패킷 여섯 개가 따라옵니다.",
            },
          },
          {
            got: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 2 },
            say: {
              en: "200 ms is Linux's smallest retransmission timeout; here the duplicate ACKs trigger a resend long before any timer.",
              ko: "200 ms는 리눅스의 가장 작은 재전송 타임아웃입니다. 여기서는 어떤 타이머보다 훨씬 먼저 중복 ACK가 재전송을 일으킵니다.",
            },
          },
          {
            got: { tcpStalledStreams: 3, quicStalledStreams: 1, repairRtts: 0.5 },
            say: {
              en: "the news of the loss must travel back to the sender before the copy can travel out: that is a whole round trip, not half.",
              ko: "복사본이 나가려면 먼저 손실 소식이 송신 측까지 돌아가야 합니다. 왕복 절반이 아니라 왕복 한 번입니다.",
            },
          },
          {
            got: { tcpStalledStreams: 2, quicStalledStreams: 1, repairRtts: 1 },
            say: {
              en: "stream A's first packet came before the hole, but its later packets come after it, and they wait too.",
              ko: "스트림 A의 첫 패킷은 구멍 앞에 왔지만, 그 뒤의 패킷은 구멍 뒤에 오므로 역시 기다립니다.",
            },
          },
        ],
      },
    ],
  },
  /*
   * 4.8f: the model's answer (compareTransports, lib/http/transport-comparison.ts, stack "linux"): the page of 42 KB of
   * HTML and 42 objects of 3 KB, 100 ms, 10 Mbit/s, seeds 1 to 9. Median page loads: no loss, HTTP/3 589 ms, HTTP/2
   * 686 ms, HTTP/1.1 x6 1360 ms; at 5 %, HTTP/3 2435 ms, HTTP/1.1 x6 2658 ms, HTTP/2 4552 ms (with the ACK after a read).
   * test/teacher/predict-answers.test.ts runs the model and fails when it no longer gives this literal.
   */
  "4.8f": {
    why: {
      en:
        "Without loss, round trips decide: HTTP/3 sets up transport and TLS in one round trip where TCP + TLS 1.3 needs two, " +
        "and HTTP/1.1's six connections each fetch seven of the 42 objects one after another, a round trip apiece, while HTTP/2 " +
        "and HTTP/3 ask for all of them at once. Under loss, what one lost packet holds up decides: on HTTP/2's one TCP " +
        "connection, every response behind it in the byte stream, and the one congestion window all of them share is cut; " +
        "on HTTP/1.1 one connection of six stalls and the other five go on; on HTTP/3 only the stream whose data was lost waits.",
      ko:
        "손실이 없으면 왕복 수가 결정합니다. HTTP/3는 전송과 TLS를 왕복 한 번에 설정하지만 TCP + TLS 1.3은 두 번이 필요하고, " +
        "HTTP/1.1의 커넥션 여섯 개는 객체 42개 가운데 일곱 개씩을 차례로, 객체마다 왕복 한 번을 들여 가져옵니다. HTTP/2와 " +
        "HTTP/3는 모두를 한꺼번에 요청합니다. 손실이 있으면 잃어버린 패킷 하나가 무엇을 붙잡는지가 결정합니다. HTTP/2의 TCP " +
        "커넥션 하나에서는 바이트 스트림에서 그 뒤에 있는 모든 응답이 기다리고, 모두가 함께 쓰는 혼잡 윈도 하나가 줄어듭니다. " +
        "HTTP/1.1에서는 커넥션 여섯 개 가운데 하나가 멈추고 나머지 다섯은 계속 갑니다. HTTP/3에서는 데이터를 잃은 스트림만 기다립니다.",
    },
    cases: [
      {
        args: [],
        expect: { noLoss: ["http3", "http2", "http1.1"], fivePercent: ["http3", "http1.1", "http2"] },
        label: {
          en: "predictLossRanking() at RTT 100 ms, 10 Mbit/s, fastest median page load first",
          ko: "predictLossRanking(): RTT 100 ms, 10 Mbit/s, 페이지 로드 시간의 중앙값이 빠른 것부터",
        },
        slips: [
          {
            got: { noLoss: ["http3", "http2", "http1.1"], fivePercent: ["http3", "http2", "http1.1"] },
            say: {
              en:
                "the clean-link order does not survive 5 % loss: HTTP/2's one TCP connection stops every response at each lost " +
                "segment and halves the one window they share, while HTTP/1.1 loses one connection of six at a time.",
              ko:
                "깨끗한 링크에서의 순서는 5 % 손실에서 유지되지 않습니다. HTTP/2의 TCP 커넥션 하나는 세그먼트를 잃을 때마다 모든 " +
                "응답을 멈춰 세우고 함께 쓰는 윈도 하나를 절반으로 줄이지만, HTTP/1.1은 한 번에 커넥션 여섯 개 가운데 하나만 잃습니다.",
            },
          },
          {
            got: { noLoss: ["http3", "http1.1", "http2"], fivePercent: ["http3", "http1.1", "http2"] },
            say: {
              en:
                "without loss one HTTP/2 connection beats six HTTP/1.1 connections on this page: each of the six fetches seven " +
                "objects one after another, a round trip apiece, while HTTP/2 asks for all 42 at once.",
              ko:
                "손실이 없으면 이 페이지에서는 HTTP/2 커넥션 하나가 HTTP/1.1 커넥션 여섯 개를 이깁니다. 여섯 개는 저마다 객체 " +
                "일곱 개를 차례로, 객체마다 왕복 한 번을 들여 가져오지만, HTTP/2는 42개를 한꺼번에 요청합니다.",
            },
          },
          {
            got: { noLoss: ["http3", "http2", "http1.1"], fivePercent: ["http1.1", "http3", "http2"] },
            say: {
              en: "HTTP/3 loses packets too, but a loss holds up only the stream whose data it carried; the others keep arriving.",
              ko: "HTTP/3도 패킷을 잃지만, 손실은 그 패킷이 데이터를 싣고 있던 스트림만 붙잡습니다. 나머지 스트림은 계속 도착합니다.",
            },
          },
          {
            got: { noLoss: ["http2", "http3", "http1.1"], fivePercent: ["http3", "http1.1", "http2"] },
            say: {
              en: "with nothing lost HTTP/3 still saves a round trip: its handshake carries TLS 1.3 in the transport's own first packets.",
              ko: "잃는 것이 없어도 HTTP/3는 왕복 한 번을 아낍니다. 핸드셰이크가 TLS 1.3을 전송 계층의 첫 패킷들에 함께 싣기 때문입니다.",
            },
          },
        ],
      },
    ],
  },
  /*
   * 4.8g: the model's answer (simulatePageLoad with dropPackets, stack "linux"): the page of 4.8f at 50 ms, 10 Mbit/s, the
   * packet in the middle of object 3's response dropped. Over HTTP/2 object 4 completes later by the repair (the duplicate
   * ACKs half a round trip back, the copy half a round trip out, and however long the sender's recovery holds the copy);
   * over HTTP/3 on time. The tolerance (30 ms) takes "about a round trip, and a little more" as right and a timer as wrong.
   * test/teacher/predict-answers.test.ts runs the model and fails when it no longer gives this literal.
   */
  "4.8g": {
    why: {
      en:
        "Over TCP the browser gets the bytes in order or not at all: object 4's packets arrive, but they sit in the receive buffer " +
        "behind the hole in object 3 until the copy fills it. The packets after the hole bring duplicate ACKs, the third makes the " +
        "sender resend (fast retransmit, RFC 5681 3.2), and the copy arrives a round trip or more after the original was due. QUIC " +
        "delivers each stream on its own (RFC 9000 2.2), so a stream that lost nothing is not held up by another's hole.",
      ko:
        "TCP에서 브라우저는 바이트를 순서대로 받거나 아예 받지 못합니다. 객체 4의 패킷은 도착하지만, 사본이 객체 3의 구멍을 " +
        "메울 때까지 그 뒤에서 수신 버퍼에 머뭅니다. 구멍 뒤의 패킷들이 중복 ACK를 일으키고, 세 번째 중복 ACK가 송신 측의 재전송을 " +
        "일으키며(빠른 재전송(fast retransmit), RFC 5681 3.2), 사본은 원래 패킷이 도착했어야 할 때보다 왕복 한 번이나 그 이상 늦게 " +
        "도착합니다. QUIC은 스트림마다 따로 전달하므로(RFC 9000 2.2), 아무것도 잃지 않은 스트림은 다른 스트림의 구멍에 붙잡히지 않습니다.",
    },
    tolerance: 30,
    cases: [
      {
        args: [],
        expect: { http2Ms: 55.7, http3Ms: 0 },
        label: {
          en: "predictOneLossDelay() at RTT 50 ms, 10 Mbit/s (ms, ± 30)",
          ko: "predictOneLossDelay(): RTT 50 ms, 10 Mbit/s (단위 ms, ± 30)",
        },
        slips: [
          {
            got: { http2Ms: 0, http3Ms: 0 },
            say: {
              en:
                "object 4 lost nothing, but over TCP its bytes came after the hole: TCP hands the browser nothing behind a hole " +
                "until it is filled, whichever response the bytes belong to.",
              ko:
                "객체 4는 아무것도 잃지 않았지만, TCP에서 그 바이트는 구멍 뒤에 왔습니다. TCP는 구멍이 메워질 때까지 그 뒤의 " +
                "어떤 바이트도, 어느 응답의 것이든, 브라우저에 넘기지 않습니다.",
            },
          },
          {
            got: { http2Ms: 70, http3Ms: 70 },
            say: {
              en: "QUIC orders bytes per stream: object 4's stream has no hole, so its data is delivered as it arrives.",
              ko: "QUIC은 스트림마다 바이트 순서를 맞춥니다. 객체 4의 스트림에는 구멍이 없으므로 데이터가 도착하는 대로 전달됩니다.",
            },
          },
          {
            got: { http2Ms: 250, http3Ms: 0 },
            say: {
              en:
                "250 ms is a retransmission timeout (Linux's 200 ms minimum on top of the round trip); here many packets follow the " +
                "lost one, and their duplicate ACKs trigger the resend long before any timer.",
              ko:
                "250 ms는 재전송 타임아웃입니다(왕복 시간에 리눅스의 최솟값 200 ms를 더한 값). 여기서는 잃어버린 패킷 뒤로 패킷이 " +
                "많이 따라오고, 그 중복 ACK가 어떤 타이머보다 훨씬 먼저 재전송을 일으킵니다.",
            },
          },
          {
            got: { http2Ms: 1000, http3Ms: 0 },
            say: {
              en: "1 s is RFC 6298's smallest retransmission timeout; a timer decides only when no duplicate ACKs come.",
              ko: "1 s는 RFC 6298의 가장 작은 재전송 타임아웃입니다. 타이머가 결정하는 것은 중복 ACK가 오지 않을 때뿐입니다.",
            },
          },
        ],
      },
    ],
  },
};
export default cases;
