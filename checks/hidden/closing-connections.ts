/** Hidden cases for 4.7 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.7a": {
    cases: [
      {
        args: [{ status: 199, contentLength: 10 }, 0],
        expect: "complete",
        why: { en: "the top of the 1xx range, with a Content-Length.", ko: "1xx 범위의 맨 위 값에 Content-Length가 붙은 경우." },
      },
      {
        args: [{ requestMethod: "HEAD" }, 0],
        expect: "complete",
        why: { en: "a response to HEAD without any Content-Length.", ko: "Content-Length가 전혀 없는 HEAD 요청의 응답." },
      },
      {
        args: [{ status: 304 }, 0],
        expect: "complete",
        why: { en: "a 304 without any Content-Length.", ko: "Content-Length가 전혀 없는 304." },
      },
      {
        args: [{ status: 204, contentLength: 100 }, 0],
        expect: "complete",
        why: { en: "a 204 that carries a Content-Length anyway.", ko: "그래도 Content-Length를 실은 204." },
      },
      {
        args: [{ status: 206, contentLength: 100 }, 99],
        expect: "truncated",
        why: {
          en: "a 2xx other than 200 and 204 has a body like any other.",
          ko: "200과 204가 아닌 2xx에도 다른 응답처럼 본문이 있습니다.",
        },
      },
      {
        args: [{ status: 200, contentLength: 1 }, 0],
        expect: "truncated",
        why: { en: "a promised one-byte body of which nothing arrived.", ko: "1바이트로 약속된 본문 가운데 아무것도 도착하지 않은 경우." },
      },
    ],
  },
  "4.7b": {
    cases: [
      {
        args: ["shutdown-write", 0, 100],
        expect: ["FIN"],
        why: { en: "a half close with only late input and none unread.", ko: "늦게 온 입력만 있고 읽지 않은 입력은 없는 절반 끊기." },
      },
      {
        args: ["close", 1, 0],
        expect: ["RST"],
        why: { en: "a full close with a single unread byte.", ko: "읽지 않은 바이트가 하나뿐인 전체 끊기." },
      },
      {
        args: ["close", 0, 1],
        expect: ["FIN", "RST"],
        why: { en: "a full close with a single late byte.", ko: "늦게 온 바이트가 하나뿐인 전체 끊기." },
      },
      {
        args: ["close", 2000, 1],
        expect: ["RST"],
        why: {
          en: "a full close with both unread and late input: what goes out, and how many packets.",
          ko: "읽지 않은 입력과 늦게 온 입력이 모두 있는 전체 끊기: 무엇이, 몇 개의 패킷으로 나가는지.",
        },
      },
    ],
  },
  "4.7c": {
    cases: [
      {
        args: [
          [
            { atMs: 30, bytes: 500 },
            { atMs: 10, bytes: 1460 },
          ],
          1,
          20,
        ],
        expect: 1460,
        why: {
          en: "segments listed out of arrival order: each is judged on its own time.",
          ko: "도착 순서와 다르게 나열된 세그먼트: 각각 자기 시각으로 판단합니다.",
        },
      },
      {
        args: [
          [
            { atMs: 10.5, bytes: 700 },
            { atMs: 10.75, bytes: 300 },
          ],
          0.25,
          10.75,
        ],
        expect: 700,
        why: {
          en: "fractional times and read delay, with one read landing exactly on the reset.",
          ko: "소수인 시각과 읽기 지연, 그리고 읽기 하나가 리셋과 정확히 같은 순간에 일어나는 경우.",
        },
      },
      {
        args: [
          [
            { atMs: 10, bytes: 1460 },
            { atMs: 11, bytes: 1460 },
          ],
          1,
          5,
        ],
        expect: 0,
        why: { en: "the reset arrives before any segment does.", ko: "어느 세그먼트보다도 리셋이 먼저 도착하는 경우." },
      },
      {
        args: [
          [
            { atMs: 1, bytes: 1 },
            { atMs: 2, bytes: 2 },
            { atMs: 3, bytes: 4 },
          ],
          1,
          3,
        ],
        expect: 3,
        why: {
          en: "segments of different sizes: the answer adds each segment's own bytes.",
          ko: "크기가 서로 다른 세그먼트: 답은 각 세그먼트 자신의 바이트를 더한 값입니다.",
        },
      },
      {
        args: [
          [
            { atMs: 0, bytes: 100 },
            { atMs: 1, bytes: 50 },
          ],
          0,
          0,
        ],
        expect: 100,
        why: { en: 'a reset at 0 ms is a reset, not "no reset".', ko: '0 ms의 리셋도 리셋이지, "리셋 없음"이 아닙니다.' },
      },
    ],
  },
};
export default cases;
