/** Hidden cases for 4.4 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

/** 4.4d's pages: three 20 kB images, twelve objects of 5 to 14 kB, twelve 4 kB objects, and an HTML alone. */
const three = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const many = { htmlBytes: 20_000, objectBytes: [5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000] };
const twelveSame = { htmlBytes: 5_000, objectBytes: [4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 4_000] };
const htmlOnly = { htmlBytes: 15_000, objectBytes: [] };

const cases: HiddenCheckCases = {
  "4.4a": {
    cases: [
      {
        args: [{ rttMs: 37.5, bandwidthBps: 3e6, htmlBytes: 1_234, objectBytes: [567, 8_901] }],
        expect: 253.53866666666664,
        why: {
          en: "fractional round trips and transfer times: nothing is rounded.",
          ko: "소수인 왕복 시간과 전송 시간: 아무것도 반올림하지 않습니다.",
        },
      },
      {
        args: [{ rttMs: 20, bandwidthBps: 56e3, htmlBytes: 35_000, objectBytes: [] }],
        expect: 5040,
        why: { en: "a large HTML alone on a 56 kbit/s modem.", ko: "56 kbit/s 모뎀에서 큰 HTML 하나만 받는 경우." },
      },
      {
        args: [
          { rttMs: 80, bandwidthBps: 100e6, htmlBytes: 2_000, objectBytes: [500, 1_500, 500, 1_500, 500, 1_500, 500, 1_500, 500, 1_500] },
        ],
        expect: 1760.9599999999996,
        why: { en: "ten small objects on a fast link.", ko: "빠른 링크에서 작은 객체 열 개." },
      },
      {
        args: [{ rttMs: 25, bandwidthBps: 4e6, htmlBytes: 6_000, objectBytes: [50_000, 1] }],
        expect: 262.002,
        why: { en: "objects of very different sizes, one of a single byte.", ko: "크기가 아주 다른 객체들, 그중 하나는 1바이트." },
      },
    ],
  },
  "4.4c": {
    cases: [
      {
        args: [{ rttMs: 60, bandwidthBps: 3e6, htmlBytes: 7_000, objectCount: 7, objectBytes: 4_500, maxConnections: 3 }],
        expect: 582.6666666666666,
        why: { en: "a partly used last round, with fractional transfer times.", ko: "일부만 쓰인 마지막 라운드와 소수인 전송 시간." },
      },
      {
        args: [{ rttMs: 100, bandwidthBps: 10e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 20_000, maxConnections: 1 }],
        expect: 856,
        why: {
          en: "one connection at a time, which must match the serial load of 4.4a.",
          ko: "한 번에 커넥션 하나: 4.4a의 순차 로드와 같아야 합니다.",
        },
      },
      {
        args: [{ rttMs: 50, bandwidthBps: Infinity, htmlBytes: 1_000, objectCount: 9, objectBytes: 1_000, maxConnections: 4 }],
        expect: 400,
        why: { en: "an unlimited link: only the round trips are left.", ko: "대역폭이 무제한인 링크: 왕복만 남습니다." },
      },
      {
        args: [{ rttMs: 0, bandwidthBps: 8e6, htmlBytes: 2_000, objectCount: 5, objectBytes: 3_000, maxConnections: 2 }],
        expect: 17,
        why: { en: "no latency: only the bytes on the link are left.", ko: "지연 없음: 링크 위의 바이트만 남습니다." },
      },
      {
        args: [{ rttMs: 40, bandwidthBps: 2e6, htmlBytes: 5_000, objectCount: 2, objectBytes: 10_000, maxConnections: 6 }],
        expect: 260,
        why: { en: "more connections allowed than objects.", ko: "객체보다 많은 커넥션이 허용된 경우." },
      },
    ],
  },
  "4.4d": {
    cases: [
      {
        args: [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 1, tolerance: 0.05 }],
        expect: 1,
        why: { en: "a limit of one connection.", ko: "커넥션 하나로 제한한 경우." },
      },
      {
        args: [{ page: three, rttMs: 100, bandwidthBps: 10e6, limit: 6, tolerance: 0 }],
        expect: 3,
        why: {
          en: "tolerance 0, when several N load the page equally fast.",
          ko: "여러 N이 페이지를 똑같이 빨리 로드할 때의 tolerance 0.",
        },
        slips: [
          {
            got: 0,
            say: {
              en: "0 connections: no N qualified, but with tolerance 0 the fastest time itself must count (at most, not less than).",
              ko: "커넥션 0개: 어떤 N도 조건을 만족하지 못했지만, tolerance가 0이면 가장 빠른 시간 자체는 조건을 만족해야 합니다('미만'이 아니라 '이하').",
            },
          },
        ],
      },
      {
        args: [{ page: htmlOnly, rttMs: 100, bandwidthBps: 10e6, limit: 4, tolerance: 0 }],
        expect: 1,
        why: { en: "a page with no objects, where every N loads equally fast.", ko: "객체가 없어서 모든 N이 똑같이 빨리 로드하는 페이지." },
        slips: [
          {
            got: 0,
            say: {
              en: "0 connections: either no N qualified (with tolerance 0 the fastest time itself must count: at most, not less than), or an index came back instead of a number of connections.",
              ko: "커넥션 0개: 어떤 N도 조건을 만족하지 못했거나(tolerance가 0이면 가장 빠른 시간 자체는 조건을 만족해야 합니다: '미만'이 아니라 '이하'), 커넥션 개수 대신 인덱스를 돌려주었습니다.",
            },
          },
        ],
      },
      {
        args: [{ page: twelveSame, rttMs: 150, bandwidthBps: 100e6, limit: 12, tolerance: 0.02 }],
        expect: 12,
        why: {
          en: "load times that level off and then drop again at the very end of the range 1..limit.",
          ko: "로드 시간이 평평해졌다가 범위 1..limit의 맨 끝에서 다시 떨어지는 경우.",
        },
      },
      {
        args: [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 5, tolerance: 0.05 }],
        expect: 4,
        why: {
          en: "a limit below what the page could use: the fastest is the fastest within 1..limit.",
          ko: "페이지가 쓸 수 있는 것보다 낮은 limit: 가장 빠른 시간은 1..limit 안에서 가장 빠른 시간입니다.",
        },
      },
      {
        args: [{ page: many, rttMs: 200, bandwidthBps: 50e6, limit: 8, tolerance: 1 }],
        expect: 3,
        why: {
          en: "a tolerance of 100 %: it is relative to the fastest time.",
          ko: "100 %의 tolerance: 가장 빠른 시간에 대한 상대값입니다.",
        },
      },
    ],
  },
};
export default cases;
