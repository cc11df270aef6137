/** Public cases for 4.6 pipelined connections: they ship with the workbook and show in feedback. */
import type { PipelineLabResult } from "../lib/lab/pipeline";
import type { Text } from "../lib/i18n";
import type { Case, CheckCases, Slip } from "../lib/workbook/cases";

const tenGets = ["GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET"];
const mixed = ["GET", "HEAD", "POST", "GET", "PUT", "POST", "DELETE", "OPTIONS", "GET", "TRACE"];

/** Likely slips, each found by running the wrong variant on the case. */
const offByOne = {
  en: "the first `answered` requests (indexes 0 .. answered - 1) are done; the one at index `answered` is the first unanswered.",
  ko: "처음 `answered`개의 요청(인덱스 0 .. answered - 1)은 끝났습니다. 인덱스 `answered`에 있는 요청이 응답받지 못한 첫 요청입니다.",
};
const resendAll = {
  en: "a request whose method is not idempotent was resent: the server may already have run it, so the client must report it, not resend it.",
  ko: "메서드가 멱등(idempotent)이 아닌 요청을 다시 보냈습니다. 서버가 이미 실행했을 수도 있으므로, 클라이언트는 다시 보내지 말고 실패로 알려야 합니다.",
};
const safeOnly = {
  en: "PUT and DELETE are not safe, but they are idempotent (RFC 9110 9.2.2): repeating them leaves the same state as once.",
  ko: "PUT과 DELETE는 안전(safe)하지 않지만 멱등입니다(RFC 9110 9.2.2). 반복해도 한 번 했을 때와 같은 상태가 남습니다.",
};
const caseBlind = {
  en: 'method names are case-sensitive (RFC 9110 9.1): "get" is an unknown method, not GET.',
  ko: '메서드 이름은 대소문자를 구분합니다(RFC 9110 9.1). "get"은 GET이 아니라 알 수 없는 메서드입니다.',
};
const notPost = {
  en: "POST is not the only method that is not idempotent: PATCH, CONNECT and any unknown method may not be assumed safe to repeat.",
  ko: "멱등이 아닌 메서드가 POST만은 아닙니다. PATCH, CONNECT, 그리고 알 수 없는 메서드는 모두 반복해도 안전하다고 가정할 수 없습니다.",
};
const noWaiting = {
  en: "a ready response did not wait for the ones before it: on one HTTP/1.1 connection responses leave in request order.",
  ko: "준비된 응답이 앞선 응답들을 기다리지 않았습니다. HTTP/1.1 커넥션 하나에서 응답은 요청 순서대로 나갑니다.",
};
const serialServer = {
  en: "the server was made to work on one request at a time; here it works on all of them at once, and only the sending is in order.",
  ko: "서버가 요청을 한 번에 하나씩 처리하게 했습니다. 여기서 서버는 모든 요청을 동시에 처리하며, 보내는 것만 순서를 지킵니다.",
};
const fullTrip = {
  en: "the request reaches the server half a round trip after it was written, and the response needs the other half to come back.",
  ko: "요청은 쓴 지 왕복 절반 뒤에 서버에 닿고, 응답이 돌아오는 데 나머지 절반이 걸립니다.",
};

const cases: CheckCases = {
  "4.6a": {
    why: {
      en:
        "After a close the client cannot know whether the server ran an unanswered request; " +
        "resending is only harmless when running it twice equals running it once (RFC 9110 9.2.2, RFC 9112 9.3.1).",
      ko:
        "커넥션이 닫힌 뒤 클라이언트는 응답받지 못한 요청을 서버가 실행했는지 알 수 없습니다. 다시 보내도 해가 없는 것은 " +
        "두 번 실행한 결과가 한 번 실행한 결과와 같을 때뿐입니다(RFC 9110 9.2.2, RFC 9112 9.3.1).",
    },
    cases: [
      {
        args: [["GET", "GET", "POST", "PUT"], 1],
        expect: { resend: [1, 3], fail: [2] },
        why: {
          en: "the unanswered GET and PUT may go again; the POST may have been carried out already.",
          ko: "응답받지 못한 GET과 PUT은 다시 보내도 됩니다. POST는 이미 실행되었을 수도 있습니다.",
        },
        slips: [
          { got: { resend: [3], fail: [2] }, say: offByOne },
          { got: { resend: [1, 2, 3], fail: [] }, say: resendAll },
          { got: { resend: [1], fail: [2, 3] }, say: safeOnly },
        ],
      },
      {
        args: [tenGets, 5],
        expect: { resend: [5, 6, 7, 8, 9], fail: [] },
        why: {
          en: "the book's example: ten GETs pipelined, the server answers five and closes; the other five are simply sent again.",
          ko: "책의 예: GET 열 개를 파이프라인으로 보냈는데 서버가 다섯 개에 응답하고 닫습니다. 나머지 다섯 개는 그냥 다시 보냅니다.",
        },
        slips: [{ got: { resend: [6, 7, 8, 9], fail: [] }, say: offByOne }],
      },
      {
        args: [mixed, 3],
        expect: { resend: [3, 4, 6, 7, 8, 9], fail: [5] },
        why: {
          en: "every unanswered idempotent request is resent, in order; each unanswered POST is reported, never resent.",
          ko: "응답받지 못한 멱등 요청은 모두 순서대로 다시 보냅니다. 응답받지 못한 POST는 다시 보내지 않고 실패로 알립니다.",
        },
        slips: [
          { got: { resend: [3, 4, 5, 6, 7, 8, 9], fail: [] }, say: resendAll },
          { got: { resend: [3, 7, 8, 9], fail: [4, 5, 6] }, say: safeOnly },
        ],
      },
      {
        args: [["POST", "GET"], 2],
        expect: { resend: [], fail: [] },
        why: {
          en: "everything was answered: nothing to resend, nothing failed.",
          ko: "모두 응답받았습니다. 다시 보낼 것도, 실패한 것도 없습니다.",
        },
      },
      {
        args: [["GET", "PATCH", "get"], 1],
        expect: { resend: [], fail: [1, 2] },
        why: {
          en: 'PATCH is not idempotent, and method names are case-sensitive: "get" is not GET, so the client cannot assume it is safe.',
          ko: 'PATCH는 멱등이 아니며, 메서드 이름은 대소문자를 구분합니다. "get"은 GET이 아니므로 클라이언트는 안전하다고 가정할 수 없습니다.',
        },
        slips: [
          { got: { resend: [2], fail: [1] }, say: caseBlind },
          { got: { resend: [1, 2], fail: [] }, say: notPost },
        ],
      },
      {
        args: [["DELETE", "PUT"], 0],
        expect: { resend: [0, 1], fail: [] },
        why: {
          en: "the server closed before answering anything: both requests are unanswered and both are idempotent.",
          ko: "서버가 아무것에도 응답하기 전에 닫았습니다. 두 요청 모두 응답받지 못했고 모두 멱등입니다.",
        },
        slips: [{ got: { resend: [], fail: [0, 1] }, say: safeOnly }],
      },
      {
        args: [["POST"], 0],
        expect: { resend: [], fail: [0] },
        why: {
          en: "an unanswered POST is a failure to report to the user, not something to resend silently.",
          ko: "응답받지 못한 POST는 조용히 다시 보낼 것이 아니라 사용자에게 알려야 할 실패입니다.",
        },
      },
    ],
  },
  "4.6b": {
    why: {
      en:
        "(The same as simulatePageLoad's pipelined load on an unlimited link.) " +
        "HTTP/1.1 responses carry no request ids, so they must come back in request order; a slow one delays all those behind it.",
      ko:
        "(대역폭 제한이 없는 링크에서 simulatePageLoad의 파이프라인 로딩과 같습니다.) " +
        "HTTP/1.1 응답에는 요청 ID가 없으므로 요청 순서대로 돌아와야 합니다. 느린 응답 하나가 그 뒤의 응답을 모두 늦춥니다.",
    },
    tolerance: 1e-6,
    cases: [
      {
        args: [[50, 5, 5], 20],
        expect: [70, 70, 70],
        why: {
          en: "the two quick responses are ready at 15 ms but must wait behind the slow first one, which leaves at 60 ms.",
          ko: "빠른 응답 두 개는 15 ms에 준비되지만, 60 ms에 나가는 느린 첫 응답 뒤에서 기다려야 합니다.",
        },
        slips: [
          { got: [70, 25, 25], say: noWaiting },
          { got: [70, 75, 80], say: serialServer },
          { got: [90, 90, 90], say: fullTrip },
        ],
      },
      {
        args: [[0, 300, 0, 0], 100],
        expect: [100, 400, 400, 400],
        why: {
          en: "one slow response in second place holds back everything behind it: head-of-line blocking.",
          ko: "두 번째 자리의 느린 응답 하나가 그 뒤의 모든 응답을 붙잡습니다. HOL 블로킹(head-of-line blocking)입니다.",
        },
        slips: [
          { got: [100, 400, 100, 100], say: noWaiting },
          { got: [200, 500, 500, 500], say: fullTrip },
        ],
      },
      {
        args: [[5, 50, 5, 80, 10, 0], 40],
        expect: [45, 90, 90, 120, 120, 120],
        why: {
          en: "each response leaves when it is ready and every earlier one has left: the slowest so far sets the pace.",
          ko: "응답은 자신이 준비되고 앞선 응답이 모두 나간 뒤에 나갑니다. 지금까지 가장 느린 응답이 속도를 정합니다.",
        },
        slips: [
          { got: [45, 90, 45, 120, 50, 40], say: noWaiting },
          { got: [45, 95, 100, 180, 190, 190], say: serialServer },
        ],
      },
      {
        args: [[10, 20, 30], 20],
        expect: [30, 40, 50],
        why: {
          en: "when each response takes longer than the one before, none waits: no blocking at all.",
          ko: "응답마다 앞의 것보다 오래 걸리면 아무것도 기다리지 않습니다. 블로킹이 전혀 없습니다.",
        },
        slips: [{ got: [30, 50, 80], say: serialServer }],
      },
      { args: [[0], 50], expect: [50], why: { en: "one request: one round trip.", ko: "요청 하나: 왕복 한 번." } },
      {
        args: [[], 20],
        expect: [],
        why: { en: "no requests, no responses: an empty list.", ko: "요청이 없으면 응답도 없습니다. 빈 리스트입니다." },
      },
    ],
  },
  "4.6c": {
    why: {
      en: "This decides what a client may resend after a connection closes under a pipeline (RFC 9110 9.2.2).",
      ko: "파이프라인 도중에 커넥션이 닫힌 뒤 클라이언트가 무엇을 다시 보내도 되는지는 이것으로 정해집니다(RFC 9110 9.2.2).",
    },
    cases: [
      { args: ["GET"], expect: true, why: { en: "reading twice changes nothing.", ko: "두 번 읽어도 바뀌는 것이 없습니다." } },
      {
        args: ["HEAD"],
        expect: true,
        why: { en: "a GET without the body: safe, so idempotent.", ko: "본문 없는 GET입니다. 안전하므로 멱등입니다." },
      },
      {
        args: ["PUT"],
        expect: true,
        why: {
          en: "putting the same representation twice leaves the same state as once.",
          ko: "같은 표현(representation)을 두 번 넣어도 한 번 넣은 것과 같은 상태가 남습니다.",
        },
        slips: [{ got: false, say: safeOnly }],
      },
      {
        args: ["DELETE"],
        expect: true,
        why: {
          en: "deleting twice leaves the resource deleted, as once does (only the status code may differ).",
          ko: "두 번 지워도 한 번 지운 것처럼 리소스는 지워진 상태입니다(상태 코드만 다를 수 있습니다).",
        },
        slips: [{ got: false, say: safeOnly }],
      },
      {
        args: ["OPTIONS"],
        expect: true,
        why: { en: "asking what is allowed changes nothing.", ko: "무엇이 허용되는지 묻는 것은 아무것도 바꾸지 않습니다." },
      },
      {
        args: ["TRACE"],
        expect: true,
        why: { en: "an echo of the request changes nothing.", ko: "요청을 그대로 되돌려 보여 주는 것은 아무것도 바꾸지 않습니다." },
      },
      {
        args: ["POST"],
        expect: false,
        why: {
          en: "a second POST may create a second order or a second message.",
          ko: "두 번째 POST는 두 번째 주문이나 두 번째 메시지를 만들 수 있습니다.",
        },
      },
      {
        args: ["PATCH"],
        expect: false,
        why: {
          en: 'a patch such as "add one" applied twice is not the same as once.',
          ko: '"하나 더하기" 같은 패치는 두 번 적용하면 한 번 적용한 것과 다릅니다.',
        },
        slips: [{ got: true, say: notPost }],
      },
      {
        args: ["CONNECT"],
        expect: false,
        why: { en: "CONNECT opens a tunnel; it is not idempotent.", ko: "CONNECT는 터널을 엽니다. 멱등이 아닙니다." },
      },
      {
        args: ["get"],
        expect: false,
        why: {
          en: 'method names are case-sensitive (RFC 9110 9.1): "get" is an unknown method, not GET.',
          ko: '메서드 이름은 대소문자를 구분합니다(RFC 9110 9.1). "get"은 GET이 아니라 알 수 없는 메서드입니다.',
        },
        slips: [{ got: true, say: caseBlind }],
      },
      {
        args: ["FROB"],
        expect: false,
        why: {
          en: "a method the client does not know cannot be assumed idempotent.",
          ko: "클라이언트가 모르는 메서드는 멱등이라고 가정할 수 없습니다.",
        },
      },
    ],
  },
  "4.6d": {
    why: {
      en:
        "If a pipelined POST is caught by a close, the client cannot tell whether it ran; " +
        "sending it alone keeps that question from arising for the requests around it.",
      ko:
        "파이프라인으로 보낸 POST가 커넥션 닫힘에 걸리면 클라이언트는 그것이 실행되었는지 알 수 없습니다. " +
        "POST를 혼자 보내면 주변 요청들에는 그런 물음이 생기지 않습니다.",
    },
    cases: [
      {
        args: [["GET", "GET", "POST", "GET", "PUT"]],
        expect: [[0, 1], [2], [3, 4]],
        why: {
          en: "the POST waits for both GETs' responses, goes alone, and the GET and PUT after it wait for its response.",
          ko: "POST는 두 GET의 응답을 기다렸다가 혼자 나가고, 그 뒤의 GET과 PUT은 POST의 응답을 기다립니다.",
        },
        slips: [
          {
            got: [
              [0, 1, 2],
              [3, 4],
            ],
            say: {
              en: "the POST rode at the end of the GETs' batch: that is RFC 9112's looser rule; this exercise follows RFC 2616's, where a non-idempotent request goes alone.",
              ko: "POST를 GET 묶음 끝에 실어 보냈습니다. 그것은 RFC 9112의 느슨한 규칙입니다. 이 연습 문제는 멱등이 아닌 요청을 혼자 보내는 RFC 2616의 규칙을 따릅니다.",
            },
          },
          {
            got: [[0, 1], [2]],
            say: {
              en: "the requests after the last non-idempotent one were never added: push the batch still open when the loop ends.",
              ko: "멱등이 아닌 마지막 요청 뒤의 요청들을 넣지 않았습니다. 루프가 끝날 때 아직 열려 있는 묶음도 넣으세요.",
            },
          },
        ],
      },
      {
        args: [["GET", "HEAD", "GET", "OPTIONS"]],
        expect: [[0, 1, 2, 3]],
        why: {
          en: "all idempotent: one batch, one round trip for the lot.",
          ko: "모두 멱등입니다. 묶음 하나에, 전부 합쳐 왕복 한 번입니다.",
        },
        slips: [
          {
            got: [],
            say: {
              en: "the requests after the last non-idempotent one were never added: push the batch still open when the loop ends.",
              ko: "멱등이 아닌 마지막 요청 뒤의 요청들을 넣지 않았습니다. 루프가 끝날 때 아직 열려 있는 묶음도 넣으세요.",
            },
          },
        ],
      },
      {
        args: [["POST", "POST"]],
        expect: [[0], [1]],
        why: {
          en: "two POSTs never share a batch: each waits for the answer to the one before.",
          ko: "두 POST는 묶음을 함께 쓰지 않습니다. 각각 앞 요청의 응답을 기다립니다.",
        },
      },
      {
        args: [["POST", "GET", "GET"]],
        expect: [[0], [1, 2]],
        why: {
          en: "nothing may follow a POST until its response is in; then the GETs pipeline.",
          ko: "POST의 응답이 오기 전에는 아무것도 뒤따를 수 없습니다. 그다음 GET들을 파이프라인으로 보냅니다.",
        },
      },
      {
        args: [["GET", "PATCH", "DELETE", "OPTIONS", "TRACE", "post"]],
        expect: [[0], [1], [2, 3, 4], [5]],
        why: {
          en: 'PATCH is not idempotent; DELETE, OPTIONS and TRACE are; "post" is an unknown method, so it is treated as not idempotent.',
          ko: 'PATCH는 멱등이 아니고 DELETE, OPTIONS, TRACE는 멱등입니다. "post"는 알 수 없는 메서드이므로 멱등이 아닌 것으로 다룹니다.',
        },
        slips: [
          { got: [[0, 1, 2, 3, 4, 5]], say: notPost },
          {
            got: [
              [0, 1],
              [2, 3, 4, 5],
            ],
            say: {
              en: "a non-idempotent request rode at the end of a batch: in this exercise it goes alone (RFC 2616's rule).",
              ko: "멱등이 아닌 요청을 묶음 끝에 실어 보냈습니다. 이 연습 문제에서는 그런 요청을 혼자 보냅니다(RFC 2616의 규칙).",
            },
          },
        ],
      },
      { args: [[]], expect: [], why: { en: "no requests, no batches.", ko: "요청이 없으면 묶음도 없습니다." } },
    ],
  },
  "4.6e": {
    why: {
      en:
        "Two rules make a client wait for one answer before it pipelines. First contact: until a response arrives the client does not know " +
        "whether the server keeps connections at all (an HTTP/1.0 server, or one that says Connection: close, answers once and closes), and " +
        "every request pipelined behind the first would be written for nothing; the book says: do not pipeline before you know the " +
        "connection is persistent. After a failed connection (one that closed without a Connection: close in its last response), RFC 9112 " +
        "9.3.2 says MUST NOT pipeline immediately after connection establishment: the first unanswered request may be the one that caused " +
        "the failure, and if others follow it the server's error response can be destroyed again by a reset (the TCP reset problem, 9.6).",
      ko:
        "클라이언트가 파이프라인을 시작하기 전에 응답 하나를 기다려야 하는 규칙이 두 가지 있습니다. 첫 접촉: 응답이 오기 전까지 " +
        "클라이언트는 서버가 커넥션을 유지하는지조차 모르며(HTTP/1.0 서버나 Connection: close라고 말하는 서버는 한 번 응답하고 닫습니다), " +
        "첫 요청 뒤에 파이프라인으로 보낸 요청은 모두 헛되이 쓴 것이 될 수 있습니다. 책은 커넥션이 지속 커넥션인지 알기 전에는 " +
        "파이프라인을 하지 말라고 합니다. 실패한 커넥션(마지막 응답에 Connection: close 없이 닫힌 커넥션) 뒤에는 RFC 9112 9.3.2가 " +
        "커넥션을 맺은 직후에 파이프라인을 해서는 안 된다(MUST NOT)고 합니다. 응답받지 못한 첫 요청이 실패의 원인일 수 있고, 다른 요청이 " +
        "그 뒤를 따르면 서버의 오류 응답이 다시 리셋에 지워질 수 있기 때문입니다(TCP 리셋 문제, 9.6).",
    },
    cases: [
      {
        args: [],
        expect: 2,
        label: "predictRequestsSentAlone()",
        why: {
          en:
            "connection 1 opens to an unknown server: one GET alone, then the other five pipelined once its answer shows the connection stays. " +
            "The server drops it after three responses with no notice, so connection 2 follows a failure: the first of the three resent GETs " +
            "goes alone, then the last two together; all three are answered.",
          ko:
            "커넥션 1은 처음 보는 서버로 열립니다. GET 하나를 혼자 보내고, 그 응답으로 커넥션이 유지된다는 것을 확인한 뒤 나머지 " +
            "다섯 개를 파이프라인으로 보냅니다. 서버는 응답 세 개 뒤에 예고 없이 커넥션을 끊으므로 커넥션 2는 실패 뒤에 열립니다. " +
            "다시 보내는 GET 세 개 중 첫 번째는 혼자 나가고, 나머지 두 개는 함께 나갑니다. 세 개 모두 응답받습니다.",
        },
        slips: [
          {
            got: 0,
            say: {
              en:
                "the client pipelined at once on both connections: it knew neither whether the new server keeps connections, " +
                "nor whether the new connection after the failure would work.",
              ko:
                "클라이언트가 두 커넥션 모두에서 곧바로 파이프라인을 했습니다. 새 서버가 커넥션을 유지하는지도, 실패 뒤의 새 커넥션이 " +
                "제대로 동작할지도 알지 못했습니다.",
            },
          },
          {
            got: 1,
            say: {
              en:
                "one of the two waits was left out: the first contact with a server never used, or the new connection after a " +
                "connection that failed without Connection: close.",
              ko:
                "두 번의 기다림 중 하나를 빠뜨렸습니다. 한 번도 써 본 적 없는 서버와의 첫 접촉이나, Connection: close 없이 실패한 " +
                "커넥션 뒤의 새 커넥션입니다.",
            },
          },
          {
            got: 6,
            say: {
              en: "every request was sent alone: once one answer has shown the connection works, the client may pipeline the rest.",
              ko: "모든 요청을 혼자 보냈습니다. 응답 하나로 커넥션이 동작한다는 것이 확인되면 나머지는 파이프라인으로 보내도 됩니다.",
            },
          },
        ],
      },
    ],
  },
  "4.6f": {
    why: {
      en:
        "HTTP/1.1 responses carry no request id, so the only way to pair them with requests is order: a server must send them in the order " +
        "the requests came, whatever order it finished them in. After an early close the client resends only what is safe to run twice, " +
        "because it cannot know what the server already did: the lab's server log shows that a request can reach the server's handler " +
        "and still get no answer before the close.",
      ko:
        "HTTP/1.1 응답에는 요청 ID가 없으므로 응답을 요청과 짝짓는 방법은 순서뿐입니다. 서버는 어떤 순서로 처리를 끝냈든 요청이 온 " +
        "순서대로 응답을 보내야 합니다. 커넥션이 일찍 닫히면 클라이언트는 서버가 이미 무엇을 했는지 알 수 없으므로, 두 번 실행해도 " +
        "안전한 것만 다시 보냅니다. 실험의 서버 로그를 보면 요청이 서버의 핸들러까지 닿고도 커넥션이 닫히기 전에 응답을 받지 못할 " +
        "수 있음을 알 수 있습니다.",
    },
    cases: [],
    lab: "pipeline",
    fromLab: (m: PipelineLabResult): Case[] | Text => {
      const setup = m?.setup;
      const measured = m?.measured;
      if (!setup || !measured?.retry || !Array.isArray(setup.methods)) {
        return {
          en: "your pipeline lab result is incomplete (the lab did not finish): run npm run workbook -- lab pipeline again.",
          ko: "파이프라인 실험 결과가 불완전합니다(실험이 끝나지 않았습니다). npm run workbook -- lab pipeline을 다시 실행하세요.",
        };
      }
      if (!measured.complete || !measured.inOrder) {
        return {
          en:
            "in your lab run the order part did not get every response whole and in request order, so it cannot grade a prediction of " +
            "the order: run npm run workbook -- lab pipeline again (and if it happens every time, that is worth showing your teacher).",
          ko:
            "이번 실험 실행의 순서 부분에서 모든 응답을 온전하게, 요청 순서대로 받지 못했으므로 순서에 대한 예측을 채점할 수 없습니다. " +
            "npm run workbook -- lab pipeline을 다시 실행하세요(매번 이렇다면 선생님께 보여 드릴 만합니다).",
        };
      }
      const { methods, closeAfter } = setup;
      const retry = measured.retry;
      const order = methods.map((_, id) => id);
      const seen = (id: number) => retry.serverReceived.filter((r) => r === `${methods[id]} ${id}`).length;
      const reached = methods.some((_, id) => seen(id) > (retry.answered.includes(id) ? 1 : 0));
      const expect = { order, resent: retry.resent, unansweredReachedServer: reached };
      // the wrong variants of the client, played on the same setup
      const idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"];
      const resentIf = (mayResend: (method: string) => boolean) => {
        const ids: number[] = [];
        let pending = methods.map((method, id) => ({ method, id }));
        while (pending.length > 0) {
          pending = pending.slice(closeAfter).filter((r) => mayResend(r.method));
          for (const r of pending) if (!ids.includes(r.id)) ids.push(r.id);
        }
        return ids;
      };
      const everyResend: number[] = []; // each resend listed, repeats included
      for (let pending = methods.map((method, id) => ({ method, id })); pending.length > 0; ) {
        pending = pending.slice(closeAfter).filter((r) => idempotent.includes(r.method));
        everyResend.push(...pending.map((r) => r.id));
      }
      const slips: Slip[] = [
        {
          got: { ...expect, order: [...measured.serverFinishOrder] },
          say: {
            en:
              "the responses were predicted in the order the server finished " +
              "them; nothing in an HTTP/1.1 response says which request it answers, so the server must keep request order.",
            ko:
              "응답 순서를 서버가 처리를 끝낸 순서로 예측했습니다. HTTP/1.1 응답에는 어느 요청에 대한 응답인지 알려 주는 것이 " +
              "없으므로, 서버는 요청 순서를 지켜야 합니다.",
          },
        },
        {
          got: { ...expect, resent: resentIf(() => true) },
          say: {
            en:
              "a request whose method is not idempotent (POST) was resent: after the close " +
              "the client cannot tell whether the server ran it.",
            ko: "메서드가 멱등이 아닌 요청(POST)을 다시 보냈습니다. 커넥션이 닫힌 뒤 클라이언트는 서버가 그것을 실행했는지 알 수 없습니다.",
          },
        },
        {
          got: { ...expect, resent: [] },
          say: {
            en: "nothing was resent: the unanswered idempotent requests go again on a new connection.",
            ko: "아무것도 다시 보내지 않았습니다. 응답받지 못한 멱등 요청은 새 커넥션으로 다시 나갑니다.",
          },
        },
        {
          got: { ...expect, resent: everyResend },
          say: {
            en:
              "some requests were resent twice (the new connection closes after the same " +
              "number of responses) and were listed twice: list each resent id once, where it was first resent.",
            ko:
              "일부 요청은 두 번 다시 보내졌는데(새 커넥션도 같은 수의 응답 뒤에 닫힙니다) 목록에 두 번 적혔습니다. " +
              "다시 보낸 id는 처음 다시 보낸 자리에 한 번만 적으세요.",
          },
        },
        {
          got: { ...expect, unansweredReachedServer: !reached },
          say: {
            en:
              "the conclusion does not match your own measurement: read the line " +
              '"the server was handed" in your lab result and look for a request that got no answer on that connection.',
            ko:
              "결론이 여러분의 측정값과 맞지 않습니다. 실험 결과에서 서버가 넘겨받은 요청을 나열한 줄을 읽고, " +
              "그 커넥션에서 응답을 받지 못한 요청을 찾아보세요.",
          },
        },
      ];
      const label = `predictPipelineLab(${JSON.stringify(methods)}, ${closeAfter})`;
      const c: Case = {
        args: [methods, closeAfter],
        expect,
        label,
        why: {
          en:
            `your own measurement (.workbook/labs/pipeline.json): responses arrived ${measured.inOrder ? "in request order" : "out of order"} ` +
            `although the server finished ${measured.serverFinishOrder.join(",")}; the client resent ${retry.resent.join(", ") || "nothing"}; ` +
            `the server was handed ${retry.serverReceived.join(", ")}.`,
          ko:
            `여러분의 측정값(.workbook/labs/pipeline.json): 서버는 ${measured.serverFinishOrder.join(",")} 순서로 처리를 끝냈지만 ` +
            `응답은 ${measured.inOrder ? "요청 순서대로" : "요청 순서와 다르게"} 도착했습니다. 클라이언트가 다시 보낸 요청: ` +
            `${retry.resent.join(", ") || "없음"}. 서버가 넘겨받은 요청: ${retry.serverReceived.join(", ")}.`,
        },
        slips: slips.filter((sl) => JSON.stringify(sl.got) !== JSON.stringify(expect)),
      };
      return [c];
    },
  },
};
export default cases;
