/** Hidden cases for 4.1 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const here = "203.0.113.5";
/** A table where the local address differs from row to row, so all four values must be compared (4.1d). */
const table = [
  { sourceIp: here, sourcePort: 8080, destinationIp: "192.0.2.1", destinationPort: 40000 },
  { sourceIp: "203.0.113.6", sourcePort: 8080, destinationIp: "192.0.2.1", destinationPort: 40000 },
  { sourceIp: here, sourcePort: 8081, destinationIp: "192.0.2.1", destinationPort: 40000 },
  { sourceIp: here, sourcePort: 8080, destinationIp: "192.0.2.2", destinationPort: 40000 },
];
const packet = (srcIp: string, srcPort: number, dstIp: string, dstPort: number) => ({
  sourceIp: srcIp,
  sourcePort: srcPort,
  destinationIp: dstIp,
  destinationPort: dstPort,
});

/** Slips, named without the answer (a hidden case's slip is shown; its input and answer are not). */
const noDefault = {
  en: 'Number("") is 0: when the URL names no port (or names the scheme\'s own default, which URL drops), url.port is empty and the scheme decides the port.',
  ko: 'Number("")는 0입니다: URL에 포트가 없으면(또는 URL 클래스가 지워 버리는, 스킴의 기본 포트를 적었으면) url.port는 비어 있고, 포트는 스킴이 정합니다.',
};
const hostWithPort = {
  en: 'url.host keeps the port ("host:port"); the name alone is url.hostname.',
  ko: 'url.host에는 포트가 붙어 있습니다("host:port"). 이름만 원하면 url.hostname입니다.',
};
const portString = { en: "url.port is a string; a port is a number.", ko: "url.port는 문자열이지만, 포트는 숫자입니다." };
const rounded = {
  en: "rounded down: the bytes left over after the full segments still need a packet of their own.",
  ko: "내림했습니다: 꽉 찬 세그먼트들 뒤에 남은 바이트에도 패킷이 따로 필요합니다.",
};
const onePacketTooMany = {
  en: "one packet too many: bytes that fill whole segments exactly leave nothing over.",
  ko: "패킷이 하나 많습니다: 세그먼트를 정확히 채우는 바이트는 남는 것이 없습니다.",
};
const optsNotInData = {
  en: "the options were added to the header, but each segment still carried a full MSS of data: the announced MSS must hold the options too.",
  ko: "옵션을 헤더에 더했지만 세그먼트마다 여전히 MSS만큼 데이터를 꽉 채워 실었습니다: 알린 MSS 안에 옵션도 들어가야 합니다.",
};
const optsNotInHeader = {
  en: "the option bytes travel in every TCP header: count them as header bytes.",
  ko: "옵션 바이트는 모든 TCP 헤더에 실려 갑니다: 헤더 바이트로 세세요.",
};
const unmirrored = {
  en: "compared the packet's source with the table's source: the packet's source is the table's destination.",
  ko: "패킷의 출발지를 표의 출발지와 비교했습니다: 패킷의 출발지는 표의 목적지입니다.",
};
const threeOfFour = {
  en: "a row that matches three of the four values is another connection: all four must match.",
  ko: "네 값 중 셋만 맞는 행은 다른 커넥션입니다: 넷 모두 맞아야 합니다.",
};

const cases: HiddenCheckCases = {
  "4.1a": {
    cases: [
      {
        args: ["https://www.joes-hardware.com:8443/tools.html?x=1#top"],
        expect: { host: "www.joes-hardware.com", port: 8443 },
        why: {
          en: "a port, a query and a fragment: only scheme, host and port matter.",
          ko: "포트, 쿼리, 프래그먼트가 있는 경우: 스킴, 호스트, 포트만 중요합니다.",
        },
        slips: [
          { got: { host: "www.joes-hardware.com:8443", port: 8443 }, say: hostWithPort },
          { got: { host: "www.joes-hardware.com", port: "8443" }, say: portString },
        ],
      },
      {
        args: ["http://[::1]:8080/"],
        expect: { host: "[::1]", port: 8080 },
        why: {
          en: "an IPv6 literal keeps its brackets in the URL's host name.",
          ko: "IPv6 리터럴은 URL의 호스트 이름에서 대괄호를 유지합니다.",
        },
        slips: [
          { got: { host: "[::1]:8080", port: 8080 }, say: hostWithPort },
          { got: { host: "[::1]", port: "8080" }, say: portString },
        ],
      },
      {
        args: ["https://example.org:443/"],
        expect: { host: "example.org", port: 443 },
        why: { en: "the default port written out.", ko: "기본 포트를 명시한 경우." },
        slips: [
          { got: { host: "example.org", port: 0 }, say: noDefault },
          {
            got: { host: "example.org", port: 80 },
            say: {
              en: "https is not http: each scheme has its own default port.",
              ko: "https는 http가 아닙니다: 스킴마다 기본 포트가 따로 있습니다.",
            },
          },
        ],
      },
    ],
  },
  "4.1b": {
    cases: [
      {
        args: [2920, 1460],
        expect: 2,
        why: { en: "exactly two full segments.", ko: "정확히 꽉 찬 세그먼트 두 개." },
        slips: [{ got: 3, say: onePacketTooMany }],
      },
      {
        args: [2921, 1460],
        expect: 3,
        why: { en: "one byte over two segments.", ko: "세그먼트 두 개보다 1바이트 많은 경우." },
        slips: [{ got: 2, say: rounded }],
      },
      {
        args: [1_000_000, 1448],
        expect: 691,
        why: { en: "Linux's 1448-byte MSS with timestamps.", ko: "타임스탬프를 쓸 때 리눅스의 1448바이트 MSS." },
        slips: [{ got: 690, say: rounded }],
      },
      { args: [5000], expect: 4, why: { en: "the default MSS.", ko: "기본 MSS." }, slips: [{ got: 3, say: rounded }] },
    ],
  },
  "4.1c": {
    cases: [
      { args: [2920, 1460], expect: 80 / 3000, why: { en: "two full segments.", ko: "꽉 찬 세그먼트 두 개." } },
      { args: [100], expect: 40 / 140, why: { en: "the default MSS and options.", ko: "기본 MSS와 기본 옵션." } },
      { args: [1073, 536], expect: 120 / 1193, why: { en: "three segments at MSS 536.", ko: "MSS 536에서 세그먼트 세 개." } },
      {
        args: [2896, 1460, 12],
        expect: 104 / 3000,
        why: { en: "two full segments with timestamps.", ko: "타임스탬프를 쓰는 꽉 찬 세그먼트 두 개." },
        slips: [{ got: 80 / 2976, say: optsNotInHeader }],
      },
      {
        args: [2897, 1460, 12],
        expect: 156 / 3053,
        why: {
          en: "one byte over two full segments with timestamps.",
          ko: "타임스탬프를 쓸 때 꽉 찬 세그먼트 두 개보다 1바이트 많은 경우.",
        },
        slips: [
          { got: 104 / 3001, say: optsNotInData },
          { got: 120 / 3017, say: optsNotInHeader },
        ],
      },
      {
        args: [536, 536, 12],
        expect: 104 / 640,
        why: { en: "a small MSS with options.", ko: "옵션이 있는 작은 MSS." },
        slips: [{ got: 52 / 588, say: optsNotInData }],
      },
      {
        args: [1, 1460, 40],
        expect: 80 / 81,
        why: { en: "the largest TCP options there are (40 bytes).", ko: "TCP 옵션이 가질 수 있는 최대 크기(40바이트)." },
      },
    ],
  },
  "4.1d": {
    cases: [
      {
        args: [packet("192.0.2.1", 40000, "203.0.113.6", 8080), table],
        expect: 1,
        why: { en: "only the local address differs from row 0.", ko: "0번 행과 로컬 주소만 다른 경우." },
        slips: [
          { got: -1, say: unmirrored },
          { got: 0, say: threeOfFour },
        ],
      },
      {
        args: [packet("192.0.2.1", 40000, here, 8081), table],
        expect: 2,
        why: { en: "only the local port differs from row 0.", ko: "0번 행과 로컬 포트만 다른 경우." },
        slips: [
          { got: -1, say: unmirrored },
          { got: 0, say: threeOfFour },
        ],
      },
      {
        args: [packet("192.0.2.2", 40000, here, 8080), table],
        expect: 3,
        why: { en: "only the remote address differs from row 0.", ko: "0번 행과 원격 주소만 다른 경우." },
        slips: [
          { got: -1, say: unmirrored },
          { got: 0, say: threeOfFour },
        ],
      },
      {
        args: [packet("192.0.2.1", 40000, "203.0.113.7", 8080), table],
        expect: -1,
        why: {
          en: "three of four values match row 0; the local address matches no row.",
          ko: "네 값 중 셋이 0번 행과 맞고, 로컬 주소는 어느 행과도 맞지 않는 경우.",
        },
        slips: [{ got: 0, say: threeOfFour }],
      },
      { args: [packet("192.0.2.1", 40000, here, 8080), []], expect: -1, why: { en: "an empty table.", ko: "빈 표." } },
    ],
  },
};
export default cases;
