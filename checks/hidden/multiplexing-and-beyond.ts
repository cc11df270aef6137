/** Hidden cases for 4.8 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

/** 4.8b: n image URLs on one origin. */
const www = (n: number) => Array.from({ length: n }, (_, i) => `https://www.joes-hardware.com/img/tool-${i}.png`);

const cases: HiddenCheckCases = {
  "4.8a": {
    cases: [
      {
        args: [{ serverMs: [5, 5, 0], bytes: [50_000, 1_000, 1_000], rttMs: 20, bandwidthBps: 8e6 }],
        expect: [75, 76, 21],
        why: {
          en: "two responses ready at the same moment, the first much bigger: ties go by request order, not by size.",
          ko: "같은 순간에 준비된 두 응답, 첫 번째가 훨씬 큰 경우: 동시에 준비되면 크기가 아니라 요청 순서를 따릅니다.",
        },
        slips: [
          {
            got: [75, 76, 77],
            say: {
              en: "responses waited for every earlier one, as in pipelining: on HTTP/2 a ready response need not wait for the request order.",
              ko: "파이프라이닝에서처럼 응답이 앞선 응답을 모두 기다렸습니다: HTTP/2에서는 준비된 응답이 요청 순서를 기다릴 필요가 없습니다.",
            },
          },
        ],
      },
      {
        args: [{ serverMs: [0, 50, 0], bytes: [2_000, 2_000, 2_000], rttMs: 0, bandwidthBps: 1.6e6 }],
        expect: [10, 60, 20],
        why: {
          en: "the link falls idle before the slow response is ready (and the RTT is 0).",
          ko: "느린 응답이 준비되기 전에 링크가 노는 경우(RTT는 0).",
        },
      },
      {
        args: [{ serverMs: [100, 20, 3], bytes: [4_000, 4_000, 4_000], rttMs: 10, bandwidthBps: 0.8e6 }],
        expect: [150, 93, 53],
        why: {
          en: "ready times with different numbers of digits: they must be ordered as numbers.",
          ko: "자릿수가 서로 다른 준비 시각: 숫자로 정렬해야 합니다.",
        },
      },
      {
        args: [{ serverMs: [0], bytes: [1000, 1000], rttMs: 20, bandwidthBps: 1e6 }],
        throws: "RangeError",
        why: { en: "more sizes than think times is a length mismatch too.", ko: "크기가 서버 처리 시간보다 많은 것도 길이 불일치입니다." },
      },
      {
        args: [{ serverMs: [], bytes: [1000], rttMs: 20, bandwidthBps: 1e6 }],
        throws: "RangeError",
        why: {
          en: "no think times but one size: a mismatch even when there is nothing to send.",
          ko: "서버 처리 시간은 없고 크기는 하나: 처리할 요청이 없어도 불일치입니다.",
        },
      },
    ],
  },
  "4.8b": {
    cases: [
      {
        args: [www(5), 1],
        expect: { http1: 1, http2: 1 },
        why: {
          en: "one connection per origin allowed under HTTP/1.1.",
          ko: "HTTP/1.1에서 출처(origin)마다 커넥션을 하나만 허용하는 경우.",
        },
      },
      {
        args: [["http://a.example:80/x", "http://a.example/y", "https://a.example:80/z", "https://a.example/w"]],
        expect: { http1: 4, http2: 3 },
        why: {
          en: "port 80 written out: the default for http, but not for https.",
          ko: "포트 80을 명시한 경우: http의 기본 포트이지만 https의 기본 포트는 아닙니다.",
        },
        slips: [
          {
            got: { http1: 4, http2: 1 },
            say: {
              en: "you grouped by host name alone: the scheme and the port are part of the origin too.",
              ko: "호스트 이름만으로 묶었습니다: 스킴과 포트도 출처(origin)의 일부입니다.",
            },
          },
          {
            got: { http1: 4, http2: 4 },
            say: {
              en: "a written default port is the same origin as no port: let the URL class normalise it.",
              ko: "명시한 기본 포트는 포트를 적지 않은 것과 같은 출처입니다: URL 클래스가 정규화하게 하세요.",
            },
          },
        ],
      },
      {
        args: [["https://user:secret@a.example/x", "https://a.example/y?q=1#top", "https://a.example:443/z"], 2],
        expect: { http1: 2, http2: 1 },
        why: {
          en: "user info, a query and a fragment are not part of the origin.",
          ko: "사용자 정보, 쿼리, 프래그먼트는 출처(origin)의 일부가 아닙니다.",
        },
      },
      {
        args: [["www.example.com/x"]],
        throws: "TypeError",
        why: { en: "a host name without a scheme is not an absolute URL.", ko: "스킴이 없는 호스트 이름은 절대 URL이 아닙니다." },
      },
      {
        args: [[], 0],
        throws: "RangeError",
        why: { en: "a bad perOrigin is rejected even when there are no URLs.", ko: "URL이 하나도 없어도 잘못된 perOrigin은 거부됩니다." },
      },
      {
        args: [www(3), Infinity],
        throws: "RangeError",
        why: { en: "Infinity is not a whole number of connections.", ko: "Infinity는 정수인 커넥션 개수가 아닙니다." },
      },
    ],
  },
};
export default cases;
