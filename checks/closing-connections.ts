/** Public cases for 4.7 The mysteries of connection close: they ship with the workbook and show in feedback. */
import type { Text } from "../lib/i18n";
import type { Case, CheckCases } from "../lib/workbook/cases";

/**
 * 4.7c: when the six segments of an 8000-byte response reach the client in
 * lib/http's simulateClose at 20 ms RTT and 10 Mbit/s (times in ms, to the
 * microsecond).
 */
const response8000 = [
  { atMs: 21.2, bytes: 1460 },
  { atMs: 22.4, bytes: 1460 },
  { atMs: 23.6, bytes: 1460 },
  { atMs: 24.8, bytes: 1460 },
  { atMs: 26, bytes: 1460 },
  { atMs: 26.592, bytes: 700 },
];
/** 4.7c: the 21 segments of a 30000-byte response at 50 ms RTT and 20 Mbit/s, the same way. */
const response30000 = [
  { atMs: 50.6, bytes: 1460 },
  { atMs: 51.2, bytes: 1460 },
  { atMs: 51.8, bytes: 1460 },
  { atMs: 52.4, bytes: 1460 },
  { atMs: 53, bytes: 1460 },
  { atMs: 53.6, bytes: 1460 },
  { atMs: 54.2, bytes: 1460 },
  { atMs: 54.8, bytes: 1460 },
  { atMs: 55.4, bytes: 1460 },
  { atMs: 56, bytes: 1460 },
  { atMs: 56.6, bytes: 1460 },
  { atMs: 57.2, bytes: 1460 },
  { atMs: 57.8, bytes: 1460 },
  { atMs: 58.4, bytes: 1460 },
  { atMs: 59, bytes: 1460 },
  { atMs: 59.6, bytes: 1460 },
  { atMs: 60.2, bytes: 1460 },
  { atMs: 60.8, bytes: 1460 },
  { atMs: 61.4, bytes: 1460 },
  { atMs: 62, bytes: 1460 },
  { atMs: 62.336, bytes: 800 },
];
const seg = (atMs: number, bytes = 1460) => ({ atMs, bytes });
const simulated = (segments: number, scene: string, delay: number, rst: string): Text => ({
  en: `bytesReadBeforeReset(<the ${segments} segments of simulateClose(${scene})>, ${delay}, ${rst})`,
  ko: `bytesReadBeforeReset(<simulateClose(${scene})의 세그먼트 ${segments}개>, ${delay}, ${rst})`,
});
const fromSimulateClose = {
  en: "this is what lib/http's simulateClose computes for the same scene: the client keeps only the segments its application read before the RST arrived.",
  ko: "같은 장면에 대해 lib/http의 simulateClose가 계산하는 값입니다. 클라이언트에는 RST가 도착하기 전에 애플리케이션이 읽은 세그먼트만 남습니다.",
};

const cases: CheckCases = {
  "4.7a": {
    why: {
      en: "A persistent connection works only when every message's end is known (4.5, 4.7).",
      ko: "지속 커넥션은 모든 메시지의 끝을 알 때만 동작합니다(4.5, 4.7).",
    },
    cases: [
      {
        args: [{ contentLength: 1000 }, 600],
        expect: "truncated",
        why: {
          en: "Content-Length promised 1000 bytes and only 600 came before the close: the client must not use (or cache) this as the whole response.",
          ko: "Content-Length는 1000바이트를 약속했는데 커넥션이 닫히기 전에 600바이트만 왔습니다. 클라이언트는 이것을 온전한 응답으로 쓰거나 캐시해서는 안 됩니다.",
        },
      },
      {
        args: [{ contentLength: 1000 }, 1000],
        expect: "complete",
        why: {
          en: "every promised byte arrived, so the close came after a complete message: nothing is wrong.",
          ko: "약속한 바이트가 모두 도착했으므로, 닫힘은 완전한 메시지 뒤에 왔습니다. 잘못된 것은 없습니다.",
        },
      },
      {
        args: [{ contentLength: 1000 }, 1200],
        expect: "complete",
        why: {
          en: "bytes past Content-Length are not part of this body (on a persistent connection they are the next response); this body is complete.",
          ko: "Content-Length를 넘는 바이트는 이 본문에 속하지 않습니다(지속 커넥션에서는 다음 응답입니다). 이 본문은 완전합니다.",
        },
        slips: [
          {
            got: "truncated",
            say: {
              en: "you compared the count with !== (or ===): a body is short only when fewer bytes came than were promised; extra bytes belong to the next message.",
              ko: "개수를 !==(또는 ===)로 비교했습니다. 본문이 모자란 것은 약속보다 적은 바이트가 왔을 때뿐입니다. 남는 바이트는 다음 메시지의 것입니다.",
            },
          },
        ],
      },
      {
        args: [{ contentLength: 0 }, 0],
        expect: "complete",
        why: { en: "Content-Length: 0 is a complete, empty body.", ko: "Content-Length: 0은 완전한 빈 본문입니다." },
        slips: [
          {
            got: "read-until-close",
            say: {
              en: "0 is falsy: a test like `if (!contentLength)` takes Content-Length: 0 for a missing header. Test for undefined.",
              ko: "0은 falsy입니다. `if (!contentLength)` 같은 검사는 Content-Length: 0을 헤더가 없는 것으로 여깁니다. undefined인지 검사하세요.",
            },
          },
        ],
      },
      {
        args: [{}, 5000],
        expect: "read-until-close",
        why: {
          en: "without Content-Length the body runs until the close, and a close after 5000 bytes looks exactly like a failure after 5000 bytes.",
          ko: "Content-Length가 없으면 본문은 닫힐 때까지 이어지며, 5000바이트 뒤의 닫힘은 5000바이트 뒤의 실패와 똑같아 보입니다.",
        },
      },
      {
        args: [{}, 0],
        expect: "read-until-close",
        why: {
          en: "no Content-Length and nothing received: still read-until-close; the client cannot tell an empty body from a broken one.",
          ko: "Content-Length가 없고 받은 것도 없어도 read-until-close입니다. 클라이언트는 빈 본문과 끊긴 본문을 구별할 수 없습니다.",
        },
        slips: [
          {
            got: "complete",
            say: {
              en: "zero bytes with no length is not proof of an empty body: a server that died before its first byte looks the same.",
              ko: "길이 없이 0바이트를 받았다고 본문이 비었다는 증거가 되지는 않습니다. 첫 바이트를 보내기 전에 죽은 서버도 똑같아 보입니다.",
            },
          },
        ],
      },
      {
        args: [{ requestMethod: "HEAD", contentLength: 1000 }, 0],
        expect: "complete",
        why: {
          en: "a response to HEAD has no body; its Content-Length describes what a GET would have returned.",
          ko: "HEAD에 대한 응답에는 본문이 없습니다. 그 Content-Length는 GET이었다면 돌려주었을 것을 나타냅니다.",
        },
        slips: [
          {
            got: "truncated",
            say: {
              en: "the request method matters too: a response to HEAD never has a body, so its Content-Length promises nothing on this connection.",
              ko: "요청 메서드도 중요합니다. HEAD에 대한 응답에는 본문이 절대 없으므로, 그 Content-Length는 이 커넥션에서 아무것도 약속하지 않습니다.",
            },
          },
        ],
      },
      {
        args: [{ status: 304, contentLength: 5000 }, 0],
        expect: "complete",
        why: {
          en: "a 304 Not Modified never carries a body, whatever its Content-Length says.",
          ko: "304 Not Modified는 Content-Length가 뭐라고 하든 본문을 싣지 않습니다.",
        },
        slips: [
          {
            got: "truncated",
            say: {
              en: "check first whether this status can have a body at all (RFC 9112 6.3, rule 1) before you compare lengths.",
              ko: "길이를 비교하기 전에, 이 상태 코드에 본문이 있을 수 있는지부터 확인하세요(RFC 9112 6.3, 규칙 1).",
            },
          },
        ],
      },
      {
        args: [{ status: 204 }, 0],
        expect: "complete",
        why: {
          en: "a 204 No Content ends with its headers; it is complete even without Content-Length.",
          ko: "204 No Content는 헤더로 끝납니다. Content-Length가 없어도 완전합니다.",
        },
        slips: [
          {
            got: "read-until-close",
            say: {
              en: "a missing Content-Length means read-until-close only for a response that can have a body; 204 cannot.",
              ko: "Content-Length가 없을 때 read-until-close가 되는 것은 본문이 있을 수 있는 응답뿐입니다. 204에는 본문이 있을 수 없습니다.",
            },
          },
        ],
      },
      {
        args: [{ status: 100 }, 0],
        expect: "complete",
        why: {
          en: "a 100 Continue is an interim response: it never has a body, so there is nothing to read until the close; it is complete.",
          ko: "100 Continue는 중간 응답입니다. 본문이 절대 없으므로 닫힐 때까지 읽을 것도 없습니다. 완전합니다.",
        },
      },
      {
        args: [{ status: 101 }, 0],
        expect: "complete",
        why: {
          en: "a 101 Switching Protocols ends with its headers; what follows on the connection is the new protocol, not a body.",
          ko: "101 Switching Protocols는 헤더로 끝납니다. 커넥션에서 그 뒤에 오는 것은 본문이 아니라 새 프로토콜입니다.",
        },
      },
      {
        args: [{ status: 103, contentLength: 500 }, 0],
        expect: "complete",
        why: {
          en: "a 103 Early Hints is a 1xx like the others: no body, whatever its Content-Length says. Every 1xx counts, not only 100.",
          ko: "103 Early Hints도 다른 것과 같은 1xx입니다. Content-Length가 뭐라고 하든 본문이 없습니다. 100만이 아니라 모든 1xx가 해당합니다.",
        },
        slips: [
          {
            got: "truncated",
            say: {
              en: "you listed single 1xx codes: the rule covers the whole 100-199 range.",
              ko: "1xx 코드를 하나씩 나열했습니다. 규칙은 100-199 범위 전체에 적용됩니다.",
            },
          },
        ],
      },
      {
        args: [{ status: 404, contentLength: 300 }, 120],
        expect: "truncated",
        why: {
          en: "an error page is a body like any other: 120 of 300 bytes is truncated.",
          ko: "오류 페이지도 다른 것과 같은 본문입니다. 300바이트 중 120바이트면 잘린 것입니다.",
        },
      },
      {
        args: [{ status: 500 }, 80],
        expect: "read-until-close",
        why: {
          en: "an error response without Content-Length is also delimited by the close.",
          ko: "Content-Length가 없는 오류 응답도 닫힘으로 끝이 정해집니다.",
        },
      },
      {
        args: [{ requestMethod: "POST", status: 201, contentLength: 64 }, 63],
        expect: "truncated",
        why: { en: "one byte short is still short.", ko: "1바이트가 모자라도 모자란 것입니다." },
      },
    ],
  },
  "4.7b": {
    why: {
      en: "A reset can destroy a response the client has received but not yet read, which is why servers close gracefully.",
      ko: "리셋은 클라이언트가 받았지만 아직 읽지 않은 응답을 없앨 수 있습니다. 그래서 서버는 우아하게 커넥션을 끊습니다(graceful close).",
    },
    cases: [
      {
        args: ["close", 0, 0],
        expect: ["FIN"],
        why: {
          en: "nothing unread and nothing more coming: an ordinary FIN.",
          ko: "읽지 않은 것도, 더 올 것도 없습니다. 평범한 FIN입니다.",
        },
      },
      {
        args: ["close", 100, 0],
        expect: ["RST"],
        why: {
          en: "closing with unread input makes TCP reset the connection instead of sending FIN (RFC 9293 3.6, RFC 1122 4.2.2.13).",
          ko: "읽지 않은 입력이 있는 채로 닫으면 TCP는 FIN을 보내는 대신 커넥션을 리셋합니다(RFC 9293 3.6, RFC 1122 4.2.2.13).",
        },
        slips: [
          {
            got: ["FIN", "RST"],
            say: {
              en: "with unread input the close does not start politely: no FIN goes out before the reset.",
              ko: "읽지 않은 입력이 있으면 끊기가 점잖게 시작되지 않습니다. 리셋 전에 FIN이 나가지 않습니다.",
            },
          },
        ],
      },
      {
        args: ["close", 100, 5000],
        expect: ["RST"],
        why: {
          en: "the reset goes out at once because of the unread input; after an RST the connection is gone.",
          ko: "읽지 않은 입력 때문에 리셋이 곧바로 나갑니다. RST 뒤에 커넥션은 사라집니다.",
        },
      },
      {
        args: ["close", 0, 100],
        expect: ["FIN", "RST"],
        why: {
          en: "the FIN goes out first, then the peer's late bytes hit a socket that can no longer read them, and TCP answers with RST.",
          ko: "FIN이 먼저 나가고, 그 뒤에 늦게 온 상대의 바이트가 더는 읽을 수 없는 소켓에 닿으면 TCP가 RST로 답합니다.",
        },
        slips: [
          {
            got: ["FIN"],
            say: {
              en: "the close is not the end of the story: bytes the peer sends afterwards reach a socket that nobody reads.",
              ko: "닫는다고 이야기가 끝나지 않습니다. 그 뒤에 상대가 보내는 바이트는 아무도 읽지 않는 소켓에 닿습니다.",
            },
          },
        ],
      },
      {
        args: ["shutdown-write", 0, 0],
        expect: ["FIN"],
        why: { en: "a half close sends FIN on the output side only.", ko: "절반 끊기(half close)는 출력 쪽에만 FIN을 보냅니다." },
      },
      {
        args: ["shutdown-write", 100, 5000],
        expect: ["FIN"],
        why: {
          en: "after a half close the application keeps reading, so unread and late input is drained, not reset: this is the graceful close.",
          ko: "절반 끊기 뒤에도 애플리케이션은 계속 읽으므로, 읽지 않은 입력과 늦게 온 입력은 리셋되지 않고 비워집니다. 이것이 우아한 커넥션 끊기입니다.",
        },
        slips: [
          {
            got: ["RST"],
            say: {
              en: "a half close shuts only the sending direction: the socket still reads, so unread input is no reason to reset.",
              ko: "절반 끊기는 보내는 방향만 닫습니다. 소켓은 여전히 읽으므로 읽지 않은 입력은 리셋할 이유가 되지 않습니다.",
            },
          },
          {
            got: ["FIN", "RST"],
            say: {
              en: "a half-closed socket still reads, so late input is drained, not refused.",
              ko: "절반 끊긴 소켓은 여전히 읽으므로, 늦게 온 입력은 거부되지 않고 비워집니다.",
            },
          },
        ],
      },
      // The same rule as lib/http's simulateClose plays it: a pipelined request of 100 bytes is the unread (or late) input.
      {
        args: ["close", 100, 0],
        expect: ["RST"],
        why: {
          en: "the server closes while the second pipelined request sits unread in its buffer: simulateClose sends RST.",
          ko: "파이프라인으로 온 두 번째 요청이 읽히지 않은 채 버퍼에 있을 때 서버가 닫습니다. simulateClose는 RST를 보냅니다.",
        },
      },
      {
        args: ["close", 0, 100],
        expect: ["FIN", "RST"],
        why: {
          en: "the second request is still on the wire when the server closes: simulateClose sends FIN, then RST when the request lands.",
          ko: "서버가 닫을 때 두 번째 요청은 아직 회선 위에 있습니다. simulateClose는 FIN을 보내고, 요청이 도착하면 RST를 보냅니다.",
        },
      },
      {
        args: ["shutdown-write", 100, 0],
        expect: ["FIN"],
        why: {
          en: "the graceful server half-closes and reads the request away: simulateClose sends FIN only.",
          ko: "우아한 서버는 절반 끊기를 하고 요청을 읽어 치웁니다. simulateClose는 FIN만 보냅니다.",
        },
      },
    ],
  },
  "4.7c": {
    why: {
      en: "Bytes that reached the client's kernel are not safe until the application has read them.",
      ko: "클라이언트 커널에 도착한 바이트도 애플리케이션이 읽기 전까지는 안전하지 않습니다.",
    },
    cases: [
      {
        args: [[seg(10), seg(30, 500)], 1, 20],
        expect: 1460,
        why: {
          en: "the first segment is read at 11 ms, before the reset at 20 ms; the second arrives after it and is gone.",
          ko: "첫 세그먼트는 20 ms의 리셋 전인 11 ms에 읽힙니다. 두 번째는 리셋 뒤에 도착하므로 사라집니다.",
        },
        slips: [
          {
            got: 1,
            say: { en: "you counted segments: the question is how many bytes.", ko: "세그먼트를 셌습니다. 묻는 것은 바이트 수입니다." },
          },
        ],
      },
      {
        args: [[seg(10), seg(11), seg(12, 700)], 1, Infinity],
        expect: 3620,
        why: {
          en: "no reset ever comes: the application reads everything.",
          ko: "리셋이 끝내 오지 않습니다. 애플리케이션이 모두 읽습니다.",
        },
      },
      {
        args: [[seg(10), seg(11), seg(12, 700)], 1, 12],
        expect: 2920,
        why: {
          en: "a segment read at exactly the reset time is still read: the reads at 11 and 12 ms count, the one at 13 ms does not.",
          ko: "정확히 리셋 시각에 읽는 세그먼트도 읽힌 것입니다. 11 ms와 12 ms의 읽기는 세고, 13 ms의 읽기는 세지 않습니다.",
        },
        slips: [
          {
            got: 1460,
            say: {
              en: "a read that happens at the very moment of the reset still counts: compare with <=, not <.",
              ko: "리셋과 정확히 같은 순간의 읽기도 셉니다. <가 아니라 <=로 비교하세요.",
            },
          },
          {
            got: 3620,
            say: {
              en: "you compared arrival times with the reset: what counts is when the application reads, after its delay.",
              ko: "도착 시각을 리셋과 비교했습니다. 중요한 것은 지연 뒤에 애플리케이션이 읽는 시각입니다.",
            },
          },
        ],
      },
      {
        args: [[seg(10), seg(11)], 5, 14],
        expect: 0,
        why: {
          en: "the segments had arrived, but the application had not read them yet when the reset came: arrived is not read, and a reset discards the unread.",
          ko: "세그먼트는 도착했지만 리셋이 왔을 때 애플리케이션은 아직 읽지 않았습니다. 도착했다고 읽은 것은 아니며, 리셋은 읽지 않은 것을 버립니다.",
        },
        slips: [
          {
            got: 2920,
            say: {
              en: "you compared arrival times with the reset: the application reads each segment only after its delay.",
              ko: "도착 시각을 리셋과 비교했습니다. 애플리케이션은 세그먼트마다 지연이 지난 뒤에야 읽습니다.",
            },
          },
        ],
      },
      {
        args: [[seg(10), seg(11)], 0, 10],
        expect: 1460,
        why: {
          en: "with no read delay, a segment read at the very moment of the reset is kept.",
          ko: "읽기 지연이 없으면, 리셋과 정확히 같은 순간에 읽은 세그먼트는 남습니다.",
        },
        slips: [
          {
            got: 0,
            say: {
              en: "a read at exactly the reset time still happens: compare with <=, not <.",
              ko: "정확히 리셋 시각의 읽기도 일어납니다. <가 아니라 <=로 비교하세요.",
            },
          },
        ],
      },
      { args: [[], 1, 5], expect: 0, why: { en: "no segments, no bytes.", ko: "세그먼트가 없으면 바이트도 없습니다." } },
      // Against lib/http's simulateClose: each segment's arrival rebuilt from its trace, and what the model says the client read.
      {
        args: [response8000, 1, 26.624],
        expect: 5840,
        why: fromSimulateClose,
        slips: [
          {
            got: 8000,
            say: {
              en: "every segment had arrived before the reset, but not every one had been read: add the read delay to each arrival.",
              ko: "모든 세그먼트가 리셋 전에 도착했지만 모두 읽힌 것은 아닙니다. 도착 시각마다 읽기 지연을 더하세요.",
            },
          },
        ],
        label: simulated(6, `{ strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6 }`, 1, "26.624"),
      },
      {
        args: [response8000, 0, 26.624],
        expect: 8000,
        why: fromSimulateClose,
        label: simulated(
          6,
          `{ strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6, clientReadDelayMs: 0 }`,
          0,
          "26.624",
        ),
      },
      {
        args: [response30000, 2, 62.352],
        expect: 24820,
        why: fromSimulateClose,
        label: simulated(
          21,
          `{ strategy: "abrupt", rttMs: 50, responseBytes: 30000, bandwidthBps: 20e6, clientReadDelayMs: 2 }`,
          2,
          "62.352",
        ),
      },
      {
        args: [response8000, 1, 35.032],
        expect: 8000,
        why: fromSimulateClose,
        label: simulated(
          6,
          `{ strategy: "abrupt", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6, secondRequestAtMs: 15 }`,
          1,
          "35.032",
        ),
      },
      {
        args: [response8000, 1, Infinity],
        expect: 8000,
        why: fromSimulateClose,
        label: simulated(6, `{ strategy: "graceful", rttMs: 20, responseBytes: 8000, bandwidthBps: 10e6 }`, 1, "Infinity"),
      },
    ],
  },
  "4.7d": {
    why: {
      en:
        "A full close while the client's bytes are unread, or still arriving, makes the server's TCP answer with RST instead of " +
        "a quiet end (RFC 9293 3.6, RFC 1122 4.2.2.13), and an RST may erase response bytes the client has received but not yet read " +
        "(RFC 9112 9.6). The staged close of RFC 9112 9.6 avoids it: the FIN goes out right behind the response, the server keeps " +
        "reading (and dropping) what the client still sends until the client's own FIN, and only a socket with nothing left to read is closed.",
      ko:
        "클라이언트의 바이트를 아직 읽지 않았거나 그 바이트가 아직 오는 중에 전체 끊기(full close)를 하면, 서버의 TCP는 조용히 " +
        "끝내지 않고 RST로 답합니다(RFC 9293 3.6, RFC 1122 4.2.2.13). RST는 클라이언트가 받았지만 아직 읽지 않은 응답 바이트를 " +
        "지울 수 있습니다(RFC 9112 9.6). RFC 9112 9.6의 우아한 커넥션 끊기(graceful close)가 이를 피합니다. FIN을 응답 바로 뒤에 보내고, 클라이언트 자신의 " +
        "FIN이 올 때까지 클라이언트가 계속 보내는 것을 읽어서 버리며, 더 읽을 것이 없는 소켓만 닫습니다.",
    },
    cases: [
      {
        args: [],
        expect: "shutdown-then-read-then-close",
        slips: [
          {
            got: "close",
            say: {
              en: "close() with request 2 unread (or about to land) resets the connection, and the reset can take the response with it.",
              ko: "요청 2를 읽지 않은 채로(또는 막 도착하려는 때에) close()하면 커넥션이 리셋되고, 리셋은 응답까지 함께 가져갈 수 있습니다.",
            },
          },
          {
            got: "shutdown-then-close",
            say: {
              en: "the half close sends a FIN, but the close() right after it shuts the reading side too: request 2 still meets a socket nobody reads, and TCP resets.",
              ko: "절반 끊기로 FIN을 보내지만, 바로 뒤의 close()가 읽는 쪽까지 닫습니다. 요청 2는 여전히 아무도 읽지 않는 소켓을 만나고, TCP는 리셋합니다.",
            },
          },
          {
            got: "read-then-shutdown-then-close",
            say: {
              en: "the client waits for the answer to request 2 and sends its own FIN only after it sees yours: reading first leaves both sides waiting until a timer gives up.",
              ko: "클라이언트는 요청 2의 응답을 기다리고, 여러분의 FIN을 본 뒤에야 자기 FIN을 보냅니다. 먼저 읽으려 하면 타이머가 포기할 때까지 양쪽이 서로 기다립니다.",
            },
          },
        ],
      },
    ],
  },
  "4.7e": {
    why: {
      en:
        "On your machine, as in the model: the abrupt close resets the connection while the client is still uploading, and the " +
        "client meets the reset before it has read the response that had already arrived; the graceful close (FIN after the response, " +
        "then drain the upload) never resets, so every byte is read. That is the rule for servers: half close, drain, then close (RFC 9112 9.6).",
      ko:
        "모델에서처럼 여러분의 컴퓨터에서도, 갑작스러운 끊기(abrupt close)는 클라이언트가 아직 업로드하는 동안 커넥션을 리셋하고, " +
        "클라이언트는 이미 도착한 응답을 읽기도 전에 리셋을 만납니다. 우아한 커넥션 끊기(응답 뒤에 FIN, 그다음 업로드 비우기)는 " +
        "리셋하지 않으므로 모든 바이트가 읽힙니다. 이것이 서버의 규칙입니다. 절반 끊기, 비우기, 그다음 닫기(RFC 9112 9.6).",
    },
    cases: [],
    lab: "close",
    fromLab: (m: any): Case[] | Text => {
      const runs = m?.setup?.runs,
        abrupt = m?.measured?.abrupt?.lostCount,
        graceful = m?.measured?.graceful?.lostCount;
      if (![runs, abrupt, graceful].every((n) => Number.isInteger(n)) || runs < 1) {
        return {
          en: "the saved close lab result cannot be read: run npm run workbook -- lab close again.",
          ko: "저장된 close 실험 결과를 읽을 수 없습니다. npm run workbook -- lab close를 다시 실행하세요.",
        };
      }
      if (abrupt <= graceful) {
        return {
          en:
            `your close lab lost the response in ${abrupt} of ${runs} abrupt and ${graceful} of ${runs} graceful runs: on this machine ` +
            "the measurement did not separate the two closes, so it cannot grade a prediction about them (this exercise is not counted here).",
          ko:
            `close 실험에서 응답을 잃은 실행은 갑작스러운 끊기 ${runs}번 중 ${abrupt}번, 우아한 끊기 ${runs}번 중 ${graceful}번입니다. ` +
            "이 컴퓨터에서는 측정으로 두 끊기 방식을 구별하지 못했으므로 이에 대한 예측을 채점할 수 없습니다(여기서는 이 연습 문제를 점수에 넣지 않습니다).",
        };
      }
      // one run in five may go either way (timing on a busy machine); with fewer than five runs every run must match
      const tolerance = Math.floor(runs / 5);
      const right = { abruptLost: abrupt, gracefulLost: graceful, serverShould: "half-close-then-drain" };
      const conclusions: Record<string, Text> = {
        "close-at-once": {
          en: "your measurement lost responses only with the abrupt close: closing at once is the way to lose them.",
          ko: "여러분의 측정에서는 갑작스러운 끊기에서만 응답을 잃었습니다. 곧바로 닫는 것이 응답을 잃는 길입니다.",
        },
        either: {
          en: "your measurement shows a difference: the two closes do not serve the client equally.",
          ko: "여러분의 측정에는 차이가 보입니다. 두 끊기 방식이 클라이언트에게 똑같이 좋은 것은 아닙니다.",
        },
      };
      const slips = [
        ...Object.entries(conclusions).map(([c, say]) => ({ got: { ...right, serverShould: c }, say })),
        {
          got: { ...right, abruptLost: 0 },
          say: {
            en: "the response did reach the client's machine, but an RST that lands before the application reads it takes it away.",
            ko: "응답은 클라이언트의 컴퓨터에 도착했지만, 애플리케이션이 읽기 전에 도착한 RST가 그것을 가져가 버립니다.",
          },
        },
        {
          got: { ...right, abruptLost: 0, serverShould: "either" },
          say: {
            en: "the response did reach the client's machine, but an RST that lands before the application reads it takes it away.",
            ko: "응답은 클라이언트의 컴퓨터에 도착했지만, 애플리케이션이 읽기 전에 도착한 RST가 그것을 가져가 버립니다.",
          },
        },
        {
          got: { ...right, gracefulLost: runs },
          say: {
            en: "the graceful close sends FIN, not RST: nothing erases what the client has not read yet.",
            ko: "우아한 끊기는 RST가 아니라 FIN을 보냅니다. 클라이언트가 아직 읽지 않은 것을 지우는 것은 없습니다.",
          },
        },
      ];
      return [
        {
          args: [runs],
          expect: right,
          tolerance,
          slips,
          label: `predictCloseLab(${runs})`,
          why: {
            en:
              `your measurement: ${abrupt} of ${runs} abrupt closes and ${graceful} of ${runs} graceful ones lost the response` +
              (tolerance ? ` (counts within ${tolerance}).` : "."),
            ko:
              `여러분의 측정값: 갑작스러운 끊기 ${runs}번 중 ${abrupt}번, 우아한 끊기 ${runs}번 중 ${graceful}번 응답을 잃었습니다` +
              (tolerance ? `(횟수는 ${tolerance} 이내면 됩니다).` : "."),
          },
        },
      ];
    },
  },
};
export default cases;
