/** Public cases for 4.3 HTTP connection handling: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.3b's likely slips, named once. */
const caseSensitive = {
  en: "names were compared as written: field names are case-insensitive (RFC 9110 5.1), so `x-trace` in Connection names the field `X-Trace`, and `CONNECTION` is Connection.",
  ko: "이름을 적힌 그대로 비교했습니다. 필드 이름은 대소문자를 구분하지 않으므로(RFC 9110 5.1) Connection의 `x-trace`는 `X-Trace` 필드를 가리키고, `CONNECTION`은 Connection입니다.",
};
const namedKept = {
  en: "the fields that Connection names were forwarded: naming a field in Connection is exactly how a sender marks it as meant for this hop only.",
  ko: "Connection이 지목한 필드를 전달했습니다. Connection에 필드 이름을 적는 것이 바로 송신자가 그 필드를 이번 홉에만 해당한다고 표시하는 방법입니다.",
};
const connectionKept = {
  en: "the Connection field itself was forwarded: it describes the connection it arrived on, so it never crosses a hop.",
  ko: "Connection 필드 자체를 전달했습니다. 이 필드는 자신이 도착한 커넥션을 설명하므로 홉을 넘어가지 않습니다.",
};
const fixedSpellings = {
  en: "Connection was looked up under a few fixed spellings; any spelling of the name is the same field.",
  ko: "Connection을 정해진 몇 가지 표기로만 찾았습니다. 이름을 어떻게 적든 같은 필드입니다.",
};
const fixedListMissed = {
  en: "these fields are hop-by-hop whether or not Connection names them; a proxy has to know that list in advance.",
  ko: "이 필드들은 Connection이 지목하든 않든 홉별(hop-by-hop) 필드입니다. 프락시는 그 목록을 미리 알고 있어야 합니다.",
};

const connectionKeptCase = {
  en: `${connectionKept.en} (Compare names case-insensitively too.)`,
  ko: `${connectionKept.ko} (이름도 대소문자를 구분하지 말고 비교하세요.)`,
};
const fixedSpellingsOrNamedKept = {
  en: `${fixedSpellings.en} (Or the fields Connection names were kept.)`,
  ko: `${fixedSpellings.ko} (또는 Connection이 지목한 필드를 남겨 두었습니다.)`,
};

/** 4.3c's likely slips, named once. */
const roundTripShort = {
  en:
    "each fetch comes out one round trip short: either the handshake before the request was left out, or the slow-start rounds " +
    "were counted one too few (how many segments can the first r rounds carry together?).",
  ko:
    "가져오기(fetch)마다 왕복이 하나씩 모자랍니다. 요청 전의 핸드셰이크를 빠뜨렸거나, 느린 시작의 라운드를 하나 적게 셌습니다" +
    "(처음 r 라운드가 모두 합쳐 세그먼트를 몇 개 실을 수 있을까요?).",
};
const htmlLeftOut = {
  en: "the HTML is a fetch too, on its own connection, before any object.",
  ko: "HTML도 가져오기 하나이며, 어떤 객체보다도 먼저 자기 커넥션에서 가져옵니다.",
};
const extraRequestTrip = {
  en: "one round trip per fetch too many: the request does not wait for a round trip of its own; it rides on the handshake's last packet.",
  ko: "가져오기마다 왕복이 하나씩 많습니다. 요청은 자기만의 왕복을 따로 기다리지 않고 핸드셰이크의 마지막 패킷에 실려 갑니다.",
};
const linearRounds = {
  en: "the rounds were counted as if the window stayed the same size: in slow start each round may carry twice as much as the one before.",
  ko: "윈도 크기가 그대로인 것처럼 라운드를 셌습니다. 느린 시작에서는 라운드마다 앞 라운드의 두 배까지 실을 수 있습니다.",
};
const serverLeftOut = {
  en: "the server's think time was left out: it is paid once per fetch, because nothing overlaps.",
  ko: "서버 처리 시간을 빠뜨렸습니다. 겹치는 것이 없으므로 가져오기마다 한 번씩 듭니다.",
};

const cases: CheckCases = {
  "4.3a": {
    why: {
      en:
        "A proxy that understands Connection removes, before forwarding (RFC 9110 7.6.1): the Connection field itself, every field that " +
        "Connection names (the sender 'protected' them: they are for this hop only), and the fields that are hop-by-hop by definition " +
        "whether named or not (Keep-Alive, Proxy-Connection, TE, Transfer-Encoding, Upgrade; this workbook's model adds Trailer). Everything " +
        "else is end-to-end and travels on untouched, however much its name looks like a hop-by-hop one.",
      ko:
        "Connection을 이해하는 프락시는 전달하기 전에 다음을 지웁니다(RFC 9110 7.6.1). Connection 필드 자체, Connection이 지목한 " +
        "모든 필드(송신자가 '보호'한 필드로, 이번 홉에만 해당합니다), 그리고 지목되든 않든 정의상 홉별(hop-by-hop)인 필드(Keep-Alive, " +
        "Proxy-Connection, TE, Transfer-Encoding, Upgrade. 이 워크북의 모델은 Trailer도 넣습니다). 나머지는 모두 종단 간(end-to-end) " +
        "필드이므로, 이름이 아무리 홉별 필드처럼 보여도 손대지 않고 전달합니다.",
    },
    cases: [
      {
        args: [],
        expect: 7,
        tolerance: 0,
        label: "predictForwardedFields()",
        why: {
          en: "count what stripHopByHop leaves of the 12 fields: the model cell below the check lists them.",
          ko: "12개 필드 중 stripHopByHop이 남기는 것을 세세요. 검사 아래의 모델 셀이 그 필드들을 보여 줍니다.",
        },
        slips: [
          {
            got: 12,
            say: {
              en: "nothing was removed: a proxy that understands Connection never forwards the fields that describe the connection it received the message on.",
              ko: "아무것도 지우지 않았습니다. Connection을 이해하는 프락시는 메시지를 받은 커넥션을 설명하는 필드를 절대 전달하지 않습니다.",
            },
          },
          {
            got: 11,
            say: {
              en: "only Connection itself was removed: the fields it names (and some it does not name) stop at this hop too.",
              ko: "Connection 자체만 지웠습니다. Connection이 지목한 필드(와 지목하지 않은 몇몇 필드)도 이번 홉에서 멈춥니다.",
            },
          },
          {
            got: 10,
            say: {
              en: "only Connection and Keep-Alive were removed: Connection names other fields as well, and one more field is hop-by-hop by definition.",
              ko: "Connection과 Keep-Alive만 지웠습니다. Connection은 다른 필드도 지목하고 있고, 정의상 홉별인 필드도 하나 더 있습니다.",
            },
          },
          {
            got: 9,
            say: {
              en: "Connection and the always-hop-by-hop fields went, but not the other fields Connection names: naming a field there is what makes it hop-by-hop.",
              ko: "Connection과 늘 홉별인 필드는 지웠지만, Connection이 지목한 다른 필드는 남았습니다. 필드를 홉별로 만드는 것은 바로 거기에 이름이 적히는 것입니다.",
            },
          },
          {
            got: 8,
            say: {
              en: "Connection and the fields it names went, but one field is hop-by-hop by definition even though Connection does not name it (look at Proxy-Connection).",
              ko: "Connection과 그것이 지목한 필드는 지웠지만, Connection이 지목하지 않아도 정의상 홉별인 필드가 하나 있습니다(Proxy-Connection을 보세요).",
            },
          },
          {
            got: 6,
            say: {
              en: "one field too many was removed: a name that only starts like a hop-by-hop one (Upgrade-Insecure-Requests is not Upgrade), or an X- field Connection does not name, is end-to-end.",
              ko: "필드를 하나 더 지웠습니다. 시작만 홉별 필드처럼 생긴 이름(Upgrade-Insecure-Requests는 Upgrade가 아닙니다)이나 Connection이 지목하지 않은 X- 필드는 종단 간 필드입니다.",
            },
          },
          {
            got: 5,
            say: {
              en: "two fields too many were removed: Upgrade-Insecure-Requests and X-Request-Id are end-to-end; only names that match exactly, or that Connection lists, stop here.",
              ko: "필드를 두 개 더 지웠습니다. Upgrade-Insecure-Requests와 X-Request-Id는 종단 간 필드입니다. 이름이 정확히 일치하거나 Connection에 나열된 필드만 여기서 멈춥니다.",
            },
          },
        ],
      },
    ],
  },
  "4.3b": {
    why: {
      en: "A proxy forwards the end-to-end fields and drops the ones that describe only the connection the message arrived on.",
      ko: "프락시는 종단 간 필드는 전달하고, 메시지가 도착한 커넥션만을 설명하는 필드는 버립니다.",
    },
    pure: true,
    cases: [
      {
        args: [{ Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" }],
        expect: { Host: "a.test", Accept: "text/html" },
        why: {
          en: "X-Trace is named in Connection, so it was meant for this hop only (a 'protected' header); Connection goes too.",
          ko: "X-Trace는 Connection에 이름이 적혀 있으므로 이번 홉에만 해당합니다('보호된' 헤더). Connection도 함께 지웁니다.",
        },
        slips: [
          { got: { Host: "a.test", Connection: "X-Trace", "X-Trace": "1", Accept: "text/html" }, say: caseSensitive },
          { got: { Host: "a.test", "X-Trace": "1", Accept: "text/html" }, say: namedKept },
          { got: { Host: "a.test", Connection: "X-Trace", Accept: "text/html" }, say: connectionKept },
        ],
      },
      {
        args: [{ host: "a.test", connection: "keep-alive", "keep-alive": "timeout=5, max=100", accept: "*/*" }],
        expect: { host: "a.test", accept: "*/*" },
        why: {
          en: "Keep-Alive describes this connection's limits; forwarding it would make the next hop believe it was negotiated with it.",
          ko: "Keep-Alive는 이 커넥션의 한도를 설명합니다. 이를 전달하면 다음 홉은 그 한도가 자신과 협상된 것이라고 믿게 됩니다.",
        },
        slips: [{ got: { host: "a.test", connection: "keep-alive", accept: "*/*" }, say: connectionKept }],
      },
      {
        args: [{ Host: "a.test", Connection: "x-a, X-B", "X-A": "1", "x-b": "2", "X-C": "3" }],
        expect: { Host: "a.test", "X-C": "3" },
        why: {
          en: "names compare case-insensitively: `x-a` in Connection protects the field written `X-A`. X-C is not named and travels on.",
          ko: "이름은 대소문자 구분 없이 비교합니다. Connection의 `x-a`는 `X-A`로 적힌 필드를 보호합니다. X-C는 지목되지 않았으므로 그대로 전달됩니다.",
        },
        slips: [
          { got: { Host: "a.test", Connection: "x-a, X-B", "X-A": "1", "X-C": "3" }, say: caseSensitive },
          { got: { Host: "a.test", "X-A": "1", "x-b": "2", "X-C": "3" }, say: namedKept },
          { got: { Host: "a.test", Connection: "x-a, X-B", "X-C": "3" }, say: connectionKept },
        ],
      },
      {
        args: [
          {
            Host: "a.test",
            TE: "trailers",
            "Transfer-Encoding": "chunked",
            Upgrade: "websocket",
            Trailer: "Expires",
            "Proxy-Connection": "keep-alive",
            "Content-Type": "text/plain",
          },
        ],
        expect: { Host: "a.test", "Content-Type": "text/plain" },
        why: {
          en: "these fields are hop-by-hop even when Connection does not name them: a proxy may re-frame the body or refuse the upgrade.",
          ko: "이 필드들은 Connection이 지목하지 않아도 홉별입니다. 프락시는 본문의 프레이밍을 바꾸거나 업그레이드를 거절할 수 있습니다.",
        },
        slips: [
          {
            got: {
              Host: "a.test",
              TE: "trailers",
              "Transfer-Encoding": "chunked",
              Upgrade: "websocket",
              Trailer: "Expires",
              "Proxy-Connection": "keep-alive",
              "Content-Type": "text/plain",
            },
            say: {
              en: `${fixedListMissed.en} (Or the names were compared as written, not case-insensitively.)`,
              ko: `${fixedListMissed.ko} (또는 이름을 대소문자 구분 없이 비교하지 않고 적힌 그대로 비교했습니다.)`,
            },
          },
        ],
      },
      {
        args: [{ Host: "a.test", Connection: "close, X-Missing", "Cache-Control": "no-cache" }],
        expect: { Host: "a.test", "Cache-Control": "no-cache" },
        why: {
          en: "Connection may name a field that is not there; nothing else is removed because of it.",
          ko: "Connection은 메시지에 없는 필드를 지목할 수도 있습니다. 그렇다고 다른 것이 지워지지는 않습니다.",
        },
        slips: [{ got: { Host: "a.test", Connection: "close, X-Missing", "Cache-Control": "no-cache" }, say: connectionKeptCase }],
      },
      {
        args: [{ Host: "a.test", Connection: "Keep-Alive", "Keep-Alive-Extra": "yes", "Content-Length": "12" }],
        expect: { Host: "a.test", "Keep-Alive-Extra": "yes", "Content-Length": "12" },
        why: {
          en: "match whole names only: Keep-Alive-Extra is not Keep-Alive, and Content-Length is end-to-end.",
          ko: "이름 전체가 일치할 때만 같은 필드입니다. Keep-Alive-Extra는 Keep-Alive가 아니며, Content-Length는 종단 간 필드입니다.",
        },
        slips: [
          { got: { Host: "a.test", Connection: "Keep-Alive", "Keep-Alive-Extra": "yes", "Content-Length": "12" }, say: connectionKeptCase },
        ],
      },
      {
        args: [{ Host: "a.test", CONNECTION: "X-Debug", "X-Debug": "on", Accept: "*/*" }],
        expect: { Host: "a.test", Accept: "*/*" },
        why: {
          en: "field names are case-insensitive, Connection's own name included: `CONNECTION` is the Connection header, and the X-Debug it names must go.",
          ko: "필드 이름은 Connection 자신의 이름까지 포함해 대소문자를 구분하지 않습니다. `CONNECTION`은 Connection 헤더이고, 그것이 지목한 X-Debug도 지워야 합니다.",
        },
        slips: [
          { got: { Host: "a.test", CONNECTION: "X-Debug", "X-Debug": "on", Accept: "*/*" }, say: caseSensitive },
          { got: { Host: "a.test", "X-Debug": "on", Accept: "*/*" }, say: fixedSpellingsOrNamedKept },
          { got: { Host: "a.test", CONNECTION: "X-Debug", Accept: "*/*" }, say: connectionKept },
        ],
      },
      {
        args: [{ host: "a.test", coNNection: "close, x-foo", "X-Foo": "1", "Cache-Control": "no-cache" }],
        expect: { host: "a.test", "Cache-Control": "no-cache" },
        why: {
          en: "however the name is spelled (`coNNection`), it is the Connection header; look it up by comparing lower-cased names, not with a few fixed spellings.",
          ko: "이름을 어떻게 적든(`coNNection`) Connection 헤더입니다. 정해진 몇 가지 표기로 찾지 말고, 소문자로 바꾼 이름끼리 비교해 찾으세요.",
        },
        slips: [
          { got: { host: "a.test", coNNection: "close, x-foo", "X-Foo": "1", "Cache-Control": "no-cache" }, say: caseSensitive },
          { got: { host: "a.test", "X-Foo": "1", "Cache-Control": "no-cache" }, say: fixedSpellingsOrNamedKept },
          { got: { host: "a.test", coNNection: "close, x-foo", "Cache-Control": "no-cache" }, say: connectionKept },
        ],
      },
      {
        args: [{ Host: "a.test", Connection: "X-A", connection: "X-B", "X-A": "1", "X-B": "2", "X-C": "3" }],
        expect: { Host: "a.test", "X-C": "3" },
        why: {
          en: "an object can hold the field twice under two spellings; both lines make up one Connection list (RFC 9110 5.3), so X-A and X-B both go.",
          ko: "객체에는 같은 필드가 두 가지 표기로 두 번 들어 있을 수 있습니다. 두 줄이 합쳐 하나의 Connection 목록이 되므로(RFC 9110 5.3) X-A와 X-B 모두 지워집니다.",
        },
        slips: [
          { got: { Host: "a.test", Connection: "X-A", "X-A": "1", "X-B": "2", "X-C": "3" }, say: caseSensitive },
          { got: { Host: "a.test", "X-A": "1", "X-B": "2", "X-C": "3" }, say: namedKept },
        ],
      },
      {
        args: [{ Host: "a.test", Accept: "text/html" }],
        expect: { Host: "a.test", Accept: "text/html" },
        why: {
          en: "a message without hop-by-hop fields crosses unchanged, but as a new object.",
          ko: "홉별 필드가 없는 메시지는 바뀌지 않고 넘어가지만, 새 객체로 넘어갑니다.",
        },
      },
    ],
  },
  "4.3c": {
    why: {
      en:
        "Serially, no fetch starts before the previous one has ended, and every fetch opens a new connection: the connection setup " +
        "and the slow start from a small window are paid again for every object.",
      ko:
        "순차 방식에서는 앞의 가져오기가 끝나기 전에 다음 가져오기가 시작되지 않고, 가져오기마다 새 커넥션을 엽니다. " +
        "커넥션 설정과, 작은 윈도에서 시작하는 느린 시작을 객체마다 다시 치릅니다.",
    },
    tolerance: 1e-6,
    cases: [
      {
        args: [{ htmlBytes: 1000, objectBytes: [1000, 1000, 1000], rttMs: 100 }],
        expect: 800,
        why: {
          en:
            "four small fetches, each on a new connection, each response small enough for the first window. " +
            "Per fetch the model gives [200, 200, 200, 200] ms.",
          ko: "작은 가져오기 네 번으로, 각각 새 커넥션에서 이루어지며 응답마다 첫 윈도에 들어갈 만큼 작습니다. 모델은 가져오기마다 [200, 200, 200, 200] ms를 냅니다.",
        },
        slips: [
          { got: 400, say: roundTripShort },
          { got: 600, say: htmlLeftOut },
          { got: 1200, say: extraRequestTrip },
        ],
      },
      {
        args: [{ htmlBytes: 12_000, objectBytes: [20_000, 50_000, 3_000], rttMs: 100 }],
        expect: 1100,
        why: {
          en:
            "a 20 kB image is 14 segments: more than the first window of 10, so it needs a second round of slow start; 50 kB needs three. " +
            "Per fetch the model gives [200, 300, 400, 200] ms.",
          ko: "20 kB 이미지는 세그먼트 14개로 첫 윈도 10보다 많으므로 느린 시작의 두 번째 라운드가 필요합니다. 50 kB에는 세 라운드가 필요합니다. 모델은 가져오기마다 [200, 300, 400, 200] ms를 냅니다.",
        },
        slips: [
          { got: 700, say: roundTripShort },
          { got: 900, say: htmlLeftOut },
          { got: 1200, say: linearRounds },
          { got: 1500, say: extraRequestTrip },
          {
            got: 800,
            say: {
              en: "slow start is left out: a response bigger than the first window of 10 segments needs more than one round trip.",
              ko: "느린 시작을 빠뜨렸습니다. 첫 윈도인 세그먼트 10개보다 큰 응답에는 왕복이 한 번보다 많이 필요합니다.",
            },
          },
        ],
      },
      {
        args: [{ htmlBytes: 5_000, objectBytes: [8_000, 8_000], rttMs: 80, serverMs: 20 }],
        expect: 540,
        why: {
          en: "the server's think time is paid once per fetch, because nothing overlaps. Per fetch the model gives [180, 180, 180] ms.",
          ko: "겹치는 것이 없으므로 서버 처리 시간은 가져오기마다 한 번씩 듭니다. 모델은 가져오기마다 [180, 180, 180] ms를 냅니다.",
        },
        slips: [
          { got: 300, say: roundTripShort },
          { got: 360, say: htmlLeftOut },
          { got: 480, say: serverLeftOut },
          { got: 780, say: extraRequestTrip },
        ],
      },
      {
        args: [{ htmlBytes: 4_000, objectBytes: [10_000], rttMs: 50, mss: 536, initialWindow: 3 }],
        expect: 350,
        why: {
          en:
            "with a small MSS and an initial window of 3 segments (what RFC 3390 gives a 1460-byte MSS), slow start costs several rounds even for 10 kB. " +
            "Per fetch the model gives [150, 200] ms.",
          ko: "MSS가 작고 초기 윈도가 세그먼트 3개면(RFC 3390이 1460바이트 MSS에 주는 값) 10 kB에도 느린 시작의 라운드가 여러 번 듭니다. 모델은 가져오기마다 [150, 200] ms를 냅니다.",
        },
        slips: [
          { got: 250, say: roundTripShort },
          { got: 200, say: htmlLeftOut },
          { got: 450, say: extraRequestTrip },
          { got: 600, say: linearRounds },
        ],
      },
      {
        args: [{ htmlBytes: 2_000, objectBytes: [], rttMs: 30 }],
        expect: 60,
        why: {
          en: "a page with no objects is one fetch: the HTML alone, 2 segments in the first window. Per fetch the model gives [60] ms.",
          ko: "객체가 없는 페이지는 가져오기 한 번입니다. HTML뿐이며 첫 윈도에 세그먼트 2개가 들어갑니다. 모델은 가져오기마다 [60] ms를 냅니다.",
        },
        slips: [
          { got: 30, say: roundTripShort },
          { got: 0, say: htmlLeftOut },
          { got: 90, say: extraRequestTrip },
        ],
      },
      {
        args: [{ htmlBytes: 30_000, objectBytes: [30_000, 30_000, 30_000, 30_000, 30_000], rttMs: 200, serverMs: 5 }],
        expect: 3630,
        why: {
          en:
            "six resources at 200 ms RTT: the serial page is blank for seconds, which is why browsers stopped loading this way. " +
            "Per fetch the model gives [605, 605, 605, 605, 605, 605] ms.",
          ko: "RTT 200 ms에서 리소스 여섯 개: 순차로 불러오는 페이지는 몇 초 동안 빈 화면이라서, 브라우저는 이런 방식을 그만두었습니다. 모델은 가져오기마다 [605, 605, 605, 605, 605, 605] ms를 냅니다.",
        },
        slips: [
          { got: 2430, say: roundTripShort },
          { got: 3025, say: htmlLeftOut },
          { got: 3600, say: serverLeftOut },
          {
            got: 4830,
            say: { en: `${extraRequestTrip.en} (Or: ${linearRounds.en})`, ko: `${extraRequestTrip.ko} (또는: ${linearRounds.ko})` },
          },
        ],
      },
    ],
  },
};
export default cases;
