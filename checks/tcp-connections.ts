/** Public cases for 4.1 TCP connections: they ship with the workbook and show in feedback. */
import type { Text } from "../lib/i18n";
import type { CheckCases } from "../lib/workbook/cases";

const server = "10.0.0.80";
/** 4.1d's connection table, written from the server's side. */
const table = [
  { sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 },
  { sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51001 },
  { sourceIp: server, sourcePort: 80, destinationIp: "198.51.100.9", destinationPort: 51000 },
  { sourceIp: server, sourcePort: 443, destinationIp: "192.0.2.7", destinationPort: 51000 },
];
const arriving = (ip: string, port: number, toPort: number) => ({
  sourceIp: ip,
  sourcePort: port,
  destinationIp: server,
  destinationPort: toPort,
});
const find = (packet: ReturnType<typeof arriving>) =>
  `findConnection(${packet.sourceIp}:${packet.sourcePort} -> ${packet.destinationIp}:${packet.destinationPort}, table)`;

/** Slips of 4.1a, named once: each is a wrong value's cause, never the answer. */
const noDefault: Text = {
  en: 'Number("") is 0: when the URL names no port (or names the scheme\'s own default, which URL drops), url.port is empty and the scheme decides the port.',
  ko: 'Number("")는 0입니다. URL에 포트가 없거나 스킴의 기본 포트가 적혀 있으면(URL은 기본 포트를 지웁니다) url.port는 빈 문자열이고, 포트는 스킴이 정합니다.',
};
const hostWithPort: Text = {
  en: 'url.host keeps the port ("host:port"); the name alone is url.hostname.',
  ko: 'url.host에는 포트가 붙어 있습니다("host:port"). 이름만 담긴 것은 url.hostname입니다.',
};
const portString: Text = { en: "url.port is a string; a port is a number.", ko: "url.port는 문자열이지만, 포트는 숫자입니다." };
/** 4.1b: a packet count is whole, and a partly filled last segment is a packet of its own. */
const rounded: Text = {
  en: "rounded down: the bytes left over after the full segments still need a packet of their own.",
  ko: "내림했습니다. 꽉 찬 세그먼트들을 채우고 남은 바이트에도 패킷이 따로 하나 필요합니다.",
};
const fraction: Text = {
  en: "a count of packets is a whole number: a part of a segment still travels in a whole packet.",
  ko: "패킷 수는 정수입니다. 세그먼트의 일부만 있어도 패킷 하나에 통째로 실려 갑니다.",
};
const noRemainder: Text = {
  en: "one packet too many: bytes that fill whole segments exactly leave nothing over.",
  ko: "패킷이 하나 많습니다. 세그먼트를 정확히 꽉 채우는 바이트는 남는 것이 없습니다.",
};
/** 4.1c */
const overData: Text = {
  en: "divided by the data bytes: the share asked for is of all the bytes on the wire, headers included.",
  ko: "데이터 바이트로 나눴습니다. 구하는 비율은 헤더를 포함해 회선에 실리는 전체 바이트에 대한 것입니다.",
};
const optsNotInHeader: Text = {
  en: "the option bytes travel in every TCP header: count them as header bytes.",
  ko: "옵션 바이트는 모든 TCP 헤더에 실려 갑니다. 헤더 바이트로 세세요.",
};
const optsNotInData: Text = {
  en: "the options were added to the header, but each segment still carried a full MSS of data: the announced MSS must hold the options too (RFC 6691), so less data fits.",
  ko: "옵션을 헤더에 더했지만 세그먼트마다 여전히 MSS만큼 데이터를 실었습니다. 알린 MSS 안에 옵션도 들어가야 하므로(RFC 6691) 데이터는 그만큼 덜 들어갑니다.",
};
const optsLeftOut: Text = {
  en: "the options were left out: they add header bytes and take room from the data.",
  ko: "옵션을 빠뜨렸습니다. 옵션은 헤더 바이트를 늘리고 데이터가 들어갈 자리를 줄입니다.",
};
const oneHeader: Text = {
  en: "only one packet's headers were counted: every segment travels in its own packet with its own headers.",
  ko: "패킷 하나의 헤더만 셌습니다. 세그먼트마다 자기 헤더를 단 자기 패킷에 실려 갑니다.",
};
/** 4.1d */
const unmirrored: Text = {
  en: "compared the packet's source with the table's source: the table is written from this host's side, so the packet's source is the table's destination.",
  ko: "패킷의 출발지를 표의 출발지와 비교했습니다. 표는 이 호스트 쪽에서 적은 것이므로, 도착한 패킷의 출발지는 표의 목적지에 해당합니다.",
};

const cases: CheckCases = {
  "4.1a": {
    why: {
      en: "The browser needs host and port before it can open the TCP connection.",
      ko: "브라우저는 TCP 커넥션을 열기 전에 호스트와 포트를 알아야 합니다.",
    },
    cases: [
      {
        args: ["http://www.joes-hardware.com/index.html"],
        expect: { host: "www.joes-hardware.com", port: 80 },
        why: { en: "an http URL without a port connects to port 80.", ko: "포트가 없는 http URL은 80번 포트로 연결합니다." },
        slips: [{ got: { host: "www.joes-hardware.com", port: 0 }, say: noDefault }],
      },
      {
        args: ["https://example.org/"],
        expect: { host: "example.org", port: 443 },
        why: { en: "https has its own default port, 443.", ko: "https에는 자기 기본 포트 443이 있습니다." },
        slips: [
          { got: { host: "example.org", port: 0 }, say: noDefault },
          {
            got: { host: "example.org", port: 80 },
            say: {
              en: "https is not http: each scheme has its own default port.",
              ko: "https는 http가 아닙니다. 스킴마다 기본 포트가 따로 있습니다.",
            },
          },
        ],
      },
      {
        args: ["http://127.0.0.1:8080/a.png"],
        expect: { host: "127.0.0.1", port: 8080 },
        why: { en: "a port written in the URL wins over the default.", ko: "URL에 적힌 포트가 기본 포트보다 우선합니다." },
        slips: [
          { got: { host: "127.0.0.1:8080", port: 8080 }, say: hostWithPort },
          { got: { host: "127.0.0.1", port: "8080" }, say: portString },
        ],
      },
      {
        args: ["http://WWW.Joes-Hardware.COM:80/"],
        expect: { host: "www.joes-hardware.com", port: 80 },
        why: {
          en: "host names are case-insensitive; URL parsing lower-cases them.",
          ko: "호스트 이름은 대소문자를 구분하지 않으며, URL을 파싱하면 소문자로 바뀝니다.",
        },
        slips: [
          { got: { host: "www.joes-hardware.com", port: 0 }, say: noDefault },
          {
            got: { host: "WWW.Joes-Hardware.COM", port: 80 },
            say: {
              en: "host names are case-insensitive, and a parsed URL gives them lower-cased: parse with new URL() rather than by hand.",
              ko: "호스트 이름은 대소문자를 구분하지 않고, 파싱한 URL은 소문자로 돌려줍니다. 손으로 자르지 말고 new URL()로 파싱하세요.",
            },
          },
        ],
      },
    ],
  },
  "4.1b": {
    why: {
      en: "A segment never carries more than MSS bytes, and a partly filled last segment still costs a whole packet.",
      ko: "세그먼트 하나는 MSS보다 많은 바이트를 싣지 않으며, 일부만 찬 마지막 세그먼트도 패킷 하나를 통째로 차지합니다.",
    },
    cases: [
      {
        args: [1, 1460],
        expect: 1,
        slips: [
          { got: 0, say: rounded },
          { got: 1 / 1460, say: fraction },
        ],
      },
      { args: [1460, 1460], expect: 1, slips: [{ got: 2, say: noRemainder }] },
      { args: [1461, 1460], expect: 2, slips: [{ got: 1, say: rounded }] },
      {
        args: [3000, 1460],
        expect: 3,
        slips: [
          { got: 2, say: rounded },
          { got: 3000 / 1460, say: fraction },
        ],
      },
      {
        args: [100_000, 1460],
        expect: 69,
        slips: [
          { got: 68, say: rounded },
          {
            got: 67,
            say: {
              en: "1500 is the whole packet, headers included; a segment's data is at most the MSS.",
              ko: "1500은 헤더를 포함한 패킷 전체의 크기입니다. 세그먼트의 데이터는 많아야 MSS입니다.",
            },
          },
          { got: 100_000 / 1460, say: fraction },
        ],
      },
      {
        args: [1000, 536],
        expect: 2,
        slips: [
          { got: 1, say: rounded },
          { got: 1000 / 536, say: fraction },
        ],
      },
      { args: [536, 536], expect: 1, slips: [{ got: 2, say: noRemainder }] },
    ],
  },
  "4.1c": {
    why: {
      en:
        "Each segment pays 40 bytes of IP and TCP headers, plus its TCP options; for a one-byte message that is almost the whole packet, " +
        "which is why TCP tries not to send many tiny segments (Nagle, 4.2). Options cost twice: more header in every packet, " +
        "and less room for data in each segment, because the announced MSS already had to hold them (RFC 6691).",
      ko:
        "세그먼트마다 IP와 TCP 헤더 40바이트에 TCP 옵션까지 붙습니다. 1바이트짜리 메시지라면 이것이 패킷의 거의 전부라서, " +
        "TCP는 아주 작은 세그먼트를 많이 보내지 않으려 합니다(네이글 알고리즘(Nagle's algorithm), 4.2). 옵션은 비용을 두 번 치릅니다. " +
        "모든 패킷의 헤더가 길어지고, 알린 MSS 안에 옵션도 들어가야 하므로(RFC 6691) 세그먼트마다 데이터를 실을 자리가 줄어듭니다.",
    },
    tolerance: 1e-9,
    cases: [
      {
        args: [1, 1460],
        expect: 40 / 41,
        why: { en: "one byte of data in a packet of its own.", ko: "데이터 1바이트가 패킷 하나를 혼자 씁니다." },
        slips: [
          { got: 40, say: overData },
          { got: 0, say: rounded },
        ],
      },
      {
        args: [40, 1460],
        expect: 0.5,
        slips: [
          { got: 1, say: overData },
          { got: 0, say: rounded },
        ],
      },
      {
        args: [1460, 1460],
        expect: 40 / 1500,
        why: { en: "one full segment: the 1500-byte Ethernet packet.", ko: "꽉 찬 세그먼트 하나, 즉 1500바이트 이더넷 패킷입니다." },
        slips: [{ got: 40 / 1460, say: overData }],
      },
      {
        args: [1461, 1460],
        expect: 80 / 1541,
        why: {
          en: "one byte too many costs a whole second packet, headers and all.",
          ko: "1바이트만 넘쳐도 헤더까지 갖춘 두 번째 패킷이 통째로 필요합니다.",
        },
        slips: [
          {
            got: 40 / 1501,
            say: {
              en: `${oneHeader.en} (Or the segment count was rounded down.)`,
              ko: `${oneHeader.ko} (또는 세그먼트 수를 내림했습니다.)`,
            },
          },
          { got: 80 / 1461, say: overData },
        ],
      },
      {
        args: [10_000, 1460],
        expect: 280 / 10_280,
        slips: [
          { got: 40 / 10_040, say: oneHeader },
          { got: 240 / 10_240, say: rounded },
          { got: 280 / 10_000, say: overData },
        ],
      },
      { args: [300, 536], expect: 40 / 340, slips: [{ got: 40 / 300, say: overData }] },
      {
        args: [100, 1460, 12],
        expect: 52 / 152,
        why: {
          en: "Linux's timestamps: 12 bytes of options in the TCP header.",
          ko: "리눅스의 타임스탬프: TCP 헤더에 옵션 12바이트가 붙습니다.",
        },
        slips: [
          { got: 40 / 140, say: optsNotInHeader },
          { got: 52 / 100, say: overData },
        ],
      },
      {
        args: [1448, 1460, 12],
        expect: 52 / 1500,
        why: {
          en: "with 12 bytes of options a full segment carries 1448 bytes: the packet is still 1500 bytes.",
          ko: "옵션이 12바이트면 꽉 찬 세그먼트는 1448바이트를 싣습니다. 패킷은 여전히 1500바이트입니다.",
        },
        slips: [{ got: 40 / 1488, say: optsNotInHeader }],
      },
      {
        args: [1460, 1460, 12],
        expect: 104 / 1564,
        why: {
          en: "1460 bytes fitted one segment without options; with them they do not.",
          ko: "옵션이 없으면 1460바이트가 세그먼트 하나에 들어갔지만, 옵션이 있으면 들어가지 않습니다.",
        },
        slips: [
          { got: 52 / 1512, say: optsNotInData },
          { got: 80 / 1540, say: optsNotInHeader },
          { got: 40 / 1500, say: optsLeftOut },
        ],
      },
      {
        args: [1_000_000, 1460, 12],
        expect: 35_932 / 1_035_932,
        why: {
          en: "a large response on a Linux connection with timestamps.",
          ko: "타임스탬프를 쓰는 리눅스 커넥션에서 보내는 큰 응답입니다.",
        },
        slips: [
          { got: 35_620 / 1_035_620, say: optsNotInData },
          { got: 27_640 / 1_027_640, say: optsNotInHeader },
          { got: 27_400 / 1_027_400, say: optsLeftOut },
        ],
      },
    ],
  },
  "4.1d": {
    why: {
      en: "A host files every arriving packet under exactly one connection, named by all four values.",
      ko: "호스트는 도착한 패킷을 하나도 빠짐없이, 네 값 모두로 이름 붙은 커넥션 딱 하나에 배정합니다.",
    },
    cases: [
      {
        args: [arriving("192.0.2.7", 51001, 80), table],
        expect: 1,
        label: find(arriving("192.0.2.7", 51001, 80)),
        why: {
          en: "the same client can hold two connections to port 80; only the source port tells them apart.",
          ko: "같은 클라이언트가 80번 포트로 커넥션 두 개를 열 수 있습니다. 둘을 구별하는 것은 출발지 포트뿐입니다.",
        },
        slips: [
          { got: -1, say: unmirrored },
          {
            got: 0,
            say: {
              en: "row 0 matches three of the four values; all four must match.",
              ko: "0행은 네 값 중 세 개만 일치합니다. 네 값이 모두 일치해야 합니다.",
            },
          },
        ],
      },
      {
        args: [arriving("198.51.100.9", 51000, 80), table],
        expect: 2,
        label: find(arriving("198.51.100.9", 51000, 80)),
        why: {
          en: "two clients may pick the same source port; the address tells them apart.",
          ko: "두 클라이언트가 같은 출발지 포트를 고를 수 있습니다. 둘을 구별하는 것은 주소입니다.",
        },
        slips: [
          { got: -1, say: unmirrored },
          {
            got: 0,
            say: {
              en: "row 0 has the same ports, but another remote address: addresses are part of the name too.",
              ko: "0행은 포트가 같지만 원격 주소가 다릅니다. 주소도 커넥션 이름의 일부입니다.",
            },
          },
        ],
      },
      {
        args: [arriving("192.0.2.7", 51000, 443), table],
        expect: 3,
        label: find(arriving("192.0.2.7", 51000, 443)),
        why: { en: "the server port is part of the name too.", ko: "서버 포트도 이름의 일부입니다." },
        slips: [{ got: -1, say: unmirrored }],
      },
      {
        args: [arriving("192.0.2.7", 51002, 80), table],
        expect: -1,
        label: find(arriving("192.0.2.7", 51002, 80)),
        why: {
          en: "three matching values are not enough: no connection has this source port.",
          ko: "세 값이 일치하는 것으로는 부족합니다. 이 출발지 포트를 가진 커넥션은 없습니다.",
        },
        slips: [
          {
            got: 0,
            say: {
              en: "row 0 matches three of the four values; the remote port differs, so it is another connection.",
              ko: "0행은 네 값 중 세 개가 일치하지만 원격 포트가 다르므로 다른 커넥션입니다.",
            },
          },
        ],
      },
      {
        args: [{ sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 }, table],
        expect: -1,
        label: `findConnection(${server}:80 -> 192.0.2.7:51000, table)`,
        why: {
          en: "the table is written from this host's side: an arriving packet's source is the remote end, so the tuple is mirrored.",
          ko: "표는 이 호스트 쪽에서 적은 것입니다. 도착한 패킷의 출발지는 원격 끝이므로, 네 값에서 출발지와 목적지가 서로 뒤바뀝니다.",
        },
        slips: [{ got: 0, say: unmirrored }],
      },
    ],
  },
  "4.1e": {
    why: {
      en:
        "Each segment's data is what the MSS leaves after the TCP options: Linux turns TCP timestamps on by default (RFC 7323), " +
        "a 12-byte option in every segment, so a full segment carries 12 bytes less and a large response needs a few more packets " +
        "than the 1460-byte count. The last, partly filled segment is a packet too.",
      ko:
        "세그먼트의 데이터는 MSS에서 TCP 옵션을 빼고 남은 만큼입니다. 리눅스는 TCP 타임스탬프(RFC 7323)를 기본으로 켜 두어 " +
        "세그먼트마다 12바이트 옵션이 붙으므로, 꽉 찬 세그먼트는 12바이트를 덜 싣고 큰 응답은 1460바이트로 센 것보다 " +
        "패킷이 몇 개 더 필요합니다. 일부만 찬 마지막 세그먼트도 패킷 하나입니다.",
    },
    cases: [
      {
        args: [],
        expect: 691,
        label: "predictLinuxPackets()",
        why: { en: "a packet count is exact.", ko: "패킷 수는 정확히 맞아야 합니다." },
        slips: [
          {
            got: 685,
            say: {
              en: "that is the count for 1460-byte segments: with timestamps on, each segment carries 12 bytes less.",
              ko: "1460바이트 세그먼트로 센 값입니다. 타임스탬프가 켜져 있으면 세그먼트마다 12바이트를 덜 싣습니다.",
            },
          },
          { got: 690, say: rounded },
          {
            got: 667,
            say: {
              en: "1500 bytes is the whole packet; the data in each one is what is left after the headers and the options.",
              ko: "1500바이트는 패킷 전체입니다. 패킷마다 데이터는 헤더와 옵션을 빼고 남은 만큼입니다.",
            },
          },
          {
            got: 697,
            say: {
              en: "the 12 option bytes were taken off twice: 1448 already has them taken out.",
              ko: "옵션 12바이트를 두 번 뺐습니다. 1448에서는 이미 빠져 있습니다.",
            },
          },
          {
            got: 711,
            say: {
              en: "the headers were taken off twice: 1448 is already the data alone.",
              ko: "헤더를 두 번 뺐습니다. 1448은 이미 데이터만의 크기입니다.",
            },
          },
        ],
      },
    ],
  },
};
export default cases;
