/**
 * Exercises for 4.1 TCP connections (TCP 커넥션).
 * Replace each `return notImplemented(...)` with your code, then run
 * `await check("4.1a")` in notebooks/4.1-tcp-connections.ipynb or `npm test`.
 *
 * 한국어:
 * 4.1절 'TCP 커넥션'의 연습 문제입니다.
 * 각 `return notImplemented(...)`를 여러분의 코드로 바꾼 다음,
 * notebooks/ko/4.1-tcp-connections.ipynb에서 `await check("4.1a")`를
 * 실행하거나 `npm test`를 실행하세요.
 */
import { notImplemented } from "../lib/workbook/not-implemented";
import type { FourTuple } from "../lib/tcp/connection-id";

/**
 * 4.1a: the first steps a browser takes with a URL. Return the host name and
 * the TCP port to connect to. A URL without a port uses its scheme's default
 * (http: 80, https: 443).
 *   hostAndPort("http://www.joes-hardware.com/index.html") → { host: "www.joes-hardware.com", port: 80 }
 *
 * 한국어:
 * 4.1a: 브라우저가 URL을 받아 맨 처음 하는 일입니다. 커넥션을 맺을 호스트
 * 명과 TCP 포트를 돌려주세요. 포트가 적혀 있지 않은 URL은 스킴의 기본 포트를
 * 씁니다(http: 80, https: 443).
 *   hostAndPort("http://www.joes-hardware.com/index.html") → { host: "www.joes-hardware.com", port: 80 }
 */
export function hostAndPort(url: string): { host: string; port: number } {
  return notImplemented("4.1a");
}

/**
 * 4.1b: how many TCP segments (IP packets) does a message of `bytes` bytes
 * (bytes >= 1) need when no segment may carry more than `mss` bytes of it?
 * The answer is a whole number of packets.
 *   segmentCount(3000, 1460) → 3
 *
 * 한국어:
 * 4.1b: 세그먼트 하나가 메시지를 최대 `mss`바이트까지만 실을 수 있을 때,
 * `bytes`바이트(bytes >= 1)짜리 메시지에는 TCP 세그먼트(IP 패킷)가 몇 개
 * 필요할까요? 답은 패킷의 개수이므로 정수입니다.
 *   segmentCount(3000, 1460) → 3
 */
export function segmentCount(bytes: number, mss = 1460): number {
  return notImplemented("4.1b");
}

/**
 * 4.1c: what fraction of the bytes on the wire are IP and TCP headers when a
 * message of `bytes` bytes (bytes >= 1) is sent? A number between 0 and 1.
 * Each packet carries a 20-byte IP header and a 20-byte TCP header, plus
 * `tcpOptionBytes` bytes of TCP options in every segment (default 0; Linux's
 * timestamps: 12). `mss` is the MSS the peer announced, and an announced MSS
 * counts no options (RFC 6691): a sender that puts options in its segments
 * must fit them within that limit, at the expense of data.
 *   headerOverhead(1, 1460) → about 0.976
 *   headerOverhead(100, 1460, 12) → about 0.342
 *
 * 한국어:
 * 4.1c: `bytes`바이트(bytes >= 1)짜리 메시지를 보낼 때, 회선에 실리는
 * 바이트 가운데 IP 헤더와 TCP 헤더가 차지하는 비율은 얼마일까요? 0과 1
 * 사이의 수로 답합니다. 패킷마다 20바이트 IP 헤더와 20바이트 TCP 헤더가
 * 붙고, 모든 세그먼트에 `tcpOptionBytes`바이트의 TCP 옵션이 더 붙습니다
 * (기본값 0, 리눅스의 타임스탬프는 12). `mss`는 상대가 알린 MSS이며, 알린
 * MSS는 옵션을 빼고 센 값입니다(RFC 6691). 그래서 세그먼트에 옵션을 붙이는
 * 송신자는 그만큼 데이터를 덜 실어서 옵션을 그 한도 안에 맞춰야 합니다.
 *   headerOverhead(1, 1460) → 약 0.976
 *   headerOverhead(100, 1460, 12) → 약 0.342
 */
export function headerOverhead(bytes: number, mss = 1460, tcpOptionBytes = 0): number {
  return notImplemented("4.1c");
}

/**
 * 4.1d: a host keeps a table of its open connections, each named from its
 * own point of view (sourceIp/sourcePort are this host's end). A packet
 * arrives; its sourceIp/sourcePort are the sender's end. Return the index of
 * the connection it belongs to, or -1 when none matches.
 *
 * 한국어:
 * 4.1d: 호스트는 열려 있는 커넥션의 표를 갖고 있고, 표의 각 커넥션은 호스트
 * 자신의 관점에서 적혀 있습니다(sourceIp/sourcePort가 이 호스트 쪽 끝).
 * 패킷이 하나 도착했는데, 그 sourceIp/sourcePort는 보낸 쪽의 끝입니다.
 * 패킷이 속한 커넥션의 인덱스를 돌려주고, 맞는 커넥션이 없으면 -1을
 * 돌려주세요.
 */
export function findConnection(packet: FourTuple, connections: FourTuple[]): number {
  return notImplemented("4.1d");
}

/**
 * 4.1e (predict): a capture of a real Linux connection. TCP timestamps are
 * on (a 12-byte option in every TCP header), so each full segment carries
 * 1448 bytes of data instead of 1460. How many data packets does a
 * 1,000,000-byte response need on it? (The notebook's table gives 685 for
 * 1460-byte segments.) Answer before you run the model cell below.
 *
 * 한국어:
 * 4.1e (예측): 실제 리눅스 커넥션을 캡처한 것입니다. TCP 타임스탬프가 켜져
 * 있어서(모든 TCP 헤더에 12바이트 옵션) 꽉 찬 세그먼트 하나가 데이터를
 * 1460바이트가 아니라 1448바이트 싣습니다. 이 커넥션에서 1,000,000바이트
 * 응답에는 데이터 패킷이 몇 개 필요할까요? (노트북의 표에는 1460바이트
 * 세그먼트일 때 685개로 나옵니다.) 아래의 모델 셀을 실행하기 전에 답하세요.
 */
export function predictLinuxPackets(): number {
  return notImplemented("4.1e");
}
