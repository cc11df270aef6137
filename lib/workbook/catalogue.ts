/**
 * The exercise catalogue: the single source of truth for every exercise and
 * section. progress, hint, check, grade, the notebooks and the tests all read
 * it; nothing else lists exercises.
 * Titles and hints are `Text`: English and Korean (the Korean edition's terms).
 */
import { messages, type Text } from "../i18n";

const say = messages("workbook/catalogue", {
  unknownExercise: { en: "Unknown exercise id {id}. Valid ids: {ids}", ko: "없는 문제 번호입니다: {id}. 있는 번호: {ids}" },
});

export interface Section {
  /** "4.1" */
  id: string;
  /** in Korean, the Korean edition's section title */
  title: Text;
  /** notebook file name, the same in notebooks/ and notebooks/ko/ */
  notebook: string;
}

export interface Exercise {
  /** "4.1a": section number and a letter */
  id: string;
  section: string;
  title: Text;
  /** file name, the same in exercises/ and solutions/ */
  file: string;
  /** the name the file exports */
  export: string;
  points: number;
  /** implement a function; predict a number before running the model; measure with a lab */
  kind: "implement" | "predict" | "measure";
  /**
   * lib modules whose values this exercise may use (root-relative, no extension:
   * "lib/http/page-load"). Types may always be imported; any other lib model
   * fails the exercise, because the models compute the answers.
   */
  imports?: readonly string[];
  /**
   * Hints in tiers: `hint <id>` shows the first (a nudge), each `--more` the
   * next; only the last outlines the method. `grade` records how far a
   * student went.
   */
  hints: readonly Text[];
}

export const sections: readonly Section[] = [
  { id: "4.1", title: { en: "TCP connections", ko: "TCP 커넥션" }, notebook: "4.1-tcp-connections.ipynb" },
  { id: "4.2", title: { en: "TCP performance", ko: "TCP의 성능에 대한 고려" }, notebook: "4.2-tcp-performance.ipynb" },
  { id: "4.3", title: { en: "HTTP connection handling", ko: "HTTP 커넥션 관리" }, notebook: "4.3-http-connection-handling.ipynb" },
  { id: "4.4", title: { en: "Parallel connections", ko: "병렬 커넥션" }, notebook: "4.4-parallel-connections.ipynb" },
  { id: "4.5", title: { en: "Persistent connections", ko: "지속 커넥션" }, notebook: "4.5-persistent-connections.ipynb" },
  { id: "4.6", title: { en: "Pipelined connections", ko: "파이프라인 커넥션" }, notebook: "4.6-pipelined-connections.ipynb" },
  {
    id: "4.7",
    title: { en: "The mysteries of connection close", ko: "커넥션 끊기에 대한 미스터리" },
    notebook: "4.7-closing-connections.ipynb",
  },
  {
    id: "4.8",
    title: { en: "Multiplexing and beyond; for more information", ko: "다중 커넥션과 그 이후; 추가 정보" },
    notebook: "4.8-multiplexing-and-beyond.ipynb",
  },
];

export const catalogue: readonly Exercise[] = [
  {
    id: "4.1a",
    section: "4.1",
    title: { en: "From a URL to a host and a port", ko: "URL에서 호스트와 포트 얻기" },
    file: "tcp-connections.ts",
    export: "hostAndPort",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "Which parts of the URL does the browser need before it can connect, and which of them may be missing from the text?",
        ko: "브라우저가 커넥션을 맺으려면 URL의 어느 부분이 필요할까요? 그중 어느 것이 URL 문자열에서 빠져 있을 수 있을까요?",
      },
      {
        en:
          "Node's global URL class parses a URL for you: new URL(s) gives hostname, port and protocol. Look at what url.port is " +
          "when the URL names no port, and when it names the scheme's own default (http://host:80/).",
        ko:
          "Node의 전역 URL 클래스가 URL을 대신 파싱해 줍니다. new URL(s)는 hostname, port, protocol을 " +
          "줍니다. URL에 포트가 없을 때와, 스킴의 기본 포트를 그대로 적었을 때(http://host:80/) url.port가 " +
          "무엇인지 살펴보세요.",
      },
      {
        en:
          "Return url.hostname as the host. For the port: when url.port is the empty string, use the scheme's default " +
          '(80 for "http:", 443 for "https:"); otherwise convert url.port to a number.',
        ko:
          '호스트로는 url.hostname을 돌려줍니다. 포트는 url.port가 빈 문자열이면 스킴의 기본 포트("http:"는 80, ' +
          '"https:"는 443)를 쓰고, 그렇지 않으면 url.port를 숫자로 바꿉니다.',
      },
    ],
  },
  {
    id: "4.1e",
    section: "4.1",
    title: { en: "Predict: packets on a real Linux connection", ko: "예측: 실제 리눅스 커넥션의 패킷 수" },
    file: "tcp-connections.ts",
    export: "predictLinuxPackets",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "With timestamps on, how much data does one full segment carry, and does the last segment have to be full?",
        ko: "TCP 타임스탬프 옵션을 켜면 꽉 찬 세그먼트 하나가 데이터를 얼마나 실어 나를까요? 마지막 세그먼트도 꽉 차야 할까요?",
      },
      {
        en:
          "The count of packets for 1460-byte segments is 685. Each segment now carries 12 bytes less, so a little more than " +
          "685 segments' worth of room is needed.",
        ko:
          "1460바이트 세그먼트로 세면 패킷은 685개입니다. 이제 세그먼트마다 12바이트씩 덜 실으니, 세그먼트 685개 분량보다 조금 " +
          "더 많은 자리가 필요합니다.",
      },
      {
        en: "Divide the response by the data one segment carries (1448) and round up: a partly filled last segment is a packet too.",
        ko: "응답 크기를 세그먼트 하나가 싣는 데이터(1448바이트)로 나누고 올림합니다. 일부만 찬 마지막 세그먼트도 패킷 하나입니다.",
      },
    ],
  },
  {
    id: "4.1b",
    section: "4.1",
    title: { en: "How many segments does a message need?", ko: "메시지 하나에 세그먼트가 몇 개 필요할까?" },
    file: "tcp-connections.ts",
    export: "segmentCount",
    points: 1,
    kind: "implement",
    hints: [
      {
        en: "What happens to the bytes left over after the last full segment?",
        ko: "마지막 꽉 찬 세그먼트 뒤에 남은 바이트는 어떻게 될까요?",
      },
      {
        en: "Try 1460, 1461 and 2920 bytes with an MSS of 1460 by hand: 1, 2 and 2 packets. Does your expression give all three?",
        ko:
          "MSS가 1460일 때 1460, 1461, 2920바이트를 손으로 계산해 보세요. 패킷은 각각 1, 2, 2개입니다. 여러분의 " +
          "식이 세 경우를 모두 맞히나요?",
      },
      {
        en: "Divide the bytes by mss and round up to a whole number (Math.ceil): a partly filled last segment is a whole packet.",
        ko: "바이트 수를 mss로 나누고 정수로 올림합니다(Math.ceil). 일부만 찬 마지막 세그먼트도 온전한 패킷 하나입니다.",
      },
    ],
  },
  {
    id: "4.1c",
    section: "4.1",
    title: {
      en: "The header overhead of a message, with and without TCP options",
      ko: "메시지의 헤더 오버헤드: TCP 옵션이 있을 때와 없을 때",
    },
    file: "tcp-connections.ts",
    export: "headerOverhead",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "How many packets does the message need, and what does each of them carry besides data?",
        ko: "메시지에 패킷이 몇 개 필요하고, 각 패킷은 데이터 말고 무엇을 싣고 갈까요?",
      },
      {
        en:
          "Every packet has 20 bytes of IP header and 20 of TCP header, and the options make the TCP header longer. But the " +
          "announced MSS counts no options: where do the option bytes go, if the segment may not grow past it?",
        ko:
          "모든 패킷에는 IP 헤더 20바이트와 TCP 헤더 20바이트가 붙고, 옵션이 있으면 TCP 헤더가 그만큼 길어집니다. 그런데 " +
          "상대에게 알린 MSS는 옵션을 셈에 넣지 않은 값입니다. 세그먼트가 MSS보다 커질 수 없다면 옵션 바이트는 어디로 가야 할까요?",
      },
      {
        en:
          "Data per segment = mss - tcpOptionBytes. Count the segments with that (as in 4.1b), multiply by the header bytes " +
          "of one packet (40 + tcpOptionBytes), and divide those header bytes by all the bytes on the wire (data + headers).",
        ko:
          "세그먼트당 데이터 = mss - tcpOptionBytes입니다. 이 값으로 세그먼트 수를 세고(4.1b처럼), 패킷 하나의 헤더 " +
          "바이트(40 + tcpOptionBytes)를 곱한 다음, 그 헤더 바이트를 회선에 실리는 전체 바이트(데이터 + 헤더)로 " +
          "나눕니다.",
      },
    ],
  },
  {
    id: "4.1d",
    section: "4.1",
    title: { en: "Which connection does this packet belong to?", ko: "이 패킷은 어느 커넥션의 것일까?" },
    file: "tcp-connections.ts",
    export: "findConnection",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "From whose point of view is each row of the table written, and from whose point of view is the arriving packet's header?",
        ko: "표의 각 행은 누구의 관점에서 적혀 있고, 도착한 패킷의 헤더는 누구의 관점에서 적혀 있을까요?",
      },
      {
        en:
          "Mirror the packet first: its source is the remote end of the connection, its destination this host's end. " +
          "Three equal values are not enough.",
        ko:
          "먼저 패킷을 뒤집어 보세요. 패킷의 출발지는 커넥션의 원격 쪽 끝이고, 목적지는 이 호스트 쪽 끝입니다. 값 세 개가 같은 " +
          "것으로는 충분하지 않습니다.",
      },
      {
        en:
          "Return the index of the first row whose sourceIp and sourcePort equal the packet's destinationIp and destinationPort, " +
          "and whose destinationIp and destinationPort equal the packet's sourceIp and sourcePort (findIndex); -1 when none does.",
        ko:
          "sourceIp와 sourcePort가 패킷의 destinationIp, destinationPort와 같고, " +
          "destinationIp와 destinationPort가 패킷의 sourceIp, sourcePort와 같은 첫 행의 인덱스를 " +
          "돌려줍니다(findIndex). 그런 행이 없으면 -1입니다.",
      },
    ],
  },
  // --- 4.2 exercises ---
  {
    id: "4.2a",
    section: "4.2",
    title: { en: "The handshake's share of a small transaction", ko: "작은 트랜잭션에서 핸드셰이크가 차지하는 몫" },
    file: "tcp-performance.ts",
    export: "handshakeFraction",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "Which parts does the transaction's time consist of, and which of them is the handshake?",
        ko: "트랜잭션 시간은 어떤 부분들로 이루어지고, 그중 어느 것이 핸드셰이크일까요?",
      },
      {
        en: "How long after its SYN may the client send data? And how long does one trip across the path take, one way?",
        ko:
          "클라이언트는 SYN을 보내고 얼마 뒤에 데이터를 보낼 수 있을까요? 그리고 경로를 한 방향으로 한 번 건너는 데는 얼마나 " +
          "걸릴까요?",
      },
      {
        en:
          "Add up the DNS lookup, the handshake (one round trip: the client may send once the SYN-ACK is in), the request's " +
          "one-way trip, the server's time and the response's one-way trip. Missing options count as 0; return the handshake " +
          "over that total, or 0 when the total is 0.",
        ko:
          "DNS 조회, 핸드셰이크(왕복 한 번: SYN-ACK가 도착하면 클라이언트는 보낼 수 있습니다), 요청의 편도 이동, 서버 처리 " +
          "시간, 응답의 편도 이동을 더합니다. 빠진 옵션은 0으로 칩니다. 핸드셰이크 시간을 이 합계로 나눈 값을 돌려주고, 합계가 0이면 " +
          "0을 돌려줍니다.",
      },
    ],
  },
  {
    id: "4.2b",
    section: "4.2",
    title: { en: "When does a delayed ACK go out?", ko: "확인응답 지연(delayed ACK): ACK는 언제 나갈까?" },
    file: "tcp-performance.ts",
    export: "ackTimes",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "What does the receiver have to remember between two arrivals to apply the rules?",
        ko: "규칙을 적용하려면 수신자는 두 도착 사이에 무엇을 기억하고 있어야 할까요?",
      },
      {
        en:
          "Three things: how many segments are unACKed, how many of those are exactly mss bytes, and when the running timer " +
          "fires. What must happen before you handle an arrival that comes at or after that time?",
        ko:
          "세 가지입니다. 확인응답하지 않은 세그먼트가 몇 개인지, 그중 정확히 mss 바이트인 것이 몇 개인지, 돌고 있는 타이머가 언제 " +
          "울리는지. 그 시각이나 그 뒤에 오는 도착을 처리하기 전에 무엇이 먼저 일어나야 할까요?",
      },
      {
        en:
          "Walk the arrivals keeping those three (the timer at Infinity when none runs). Before handling an arrival, fire a " +
          "timer due at or before it. After the loop, a timer still running fires too.",
        ko:
          "이 세 가지를 들고 도착을 차례로 훑습니다(돌고 있는 타이머가 없으면 타이머 시각은 Infinity). 도착을 처리하기 전에, 그 " +
          "도착 시각이나 그 전에 울릴 타이머를 먼저 울립니다. 반복이 끝난 뒤에도 아직 돌고 있는 타이머가 있으면 그것도 울립니다.",
      },
    ],
  },
  {
    id: "4.2h",
    section: "4.2",
    title: { en: "Predict: slow start with delayed ACKs", ko: "예측: 확인응답 지연이 있을 때의 느린 시작" },
    file: "tcp-performance.ts",
    export: "predictDelayedAckGrowth",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "How many ACKs does a round of n segments bring back when the receiver ACKs every second segment?",
        ko: "수신자가 세그먼트 두 개마다 ACK를 보낸다면, 세그먼트 n개를 보낸 한 라운드는 ACK를 몇 개 돌려받을까요?",
      },
      {
        en: "Each of those ACKs adds one segment to cwnd under RFC 5681's rule, so a round of n segments adds about n / 2.",
        ko:
          "RFC 5681의 규칙에서는 그 ACK 하나마다 cwnd가 세그먼트 하나씩 늘어나므로, 세그먼트 n개를 보낸 라운드는 cwnd를 " +
          "약 n / 2만큼 늘립니다.",
      },
      {
        en:
          "Round 1 sends 10; each next round sends what the round before sent plus the ACKs it brought back (half of it, " +
          "rounded up for an odd last segment). Do it three times.",
        ko:
          "라운드 1은 10개를 보냅니다. 다음 라운드는 앞 라운드가 보낸 수에 그 라운드가 돌려받은 ACK 수(그 절반이며, 홀수라서 " +
          "마지막 세그먼트가 남으면 올림)를 더한 만큼 보냅니다. 이것을 세 번 합니다.",
      },
    ],
  },
  {
    id: "4.2c",
    section: "4.2",
    title: { en: "Rounds of slow start for N bytes", ko: "N바이트에 필요한 느린 시작 라운드 수" },
    file: "tcp-performance.ts",
    export: "slowStartRounds",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "How many segments have gone after 1, 2 and 3 rounds with an initial window of 10?",
        ko: "초기 윈도가 10일 때, 1, 2, 3라운드가 끝나면 세그먼트가 모두 몇 개 나갔을까요?",
      },
      {
        en:
          "Count segments first (a partly filled one counts). The total after r rounds is a geometric sum: write it down and " +
          "ask for the smallest r that covers all the segments.",
        ko:
          "먼저 세그먼트를 셉니다(일부만 찬 세그먼트도 셉니다). r라운드 뒤의 합계는 등비수열의 합입니다. 식으로 적고, 모든 세그먼트를 " +
          "덮는 가장 작은 r을 구해 보세요.",
      },
      {
        en:
          "After r rounds IW (2^r - 1) segments have gone. Solve IW (2^r - 1) >= segments for r with a base-2 logarithm and " +
          "take the smallest whole r (round up); 0 bytes need 0 rounds.",
        ko:
          "r라운드 뒤에는 IW (2^r - 1)개의 세그먼트가 나갔습니다. IW (2^r - 1) >= segments를 밑이 2인 로그로 " +
          "r에 대해 풀고, 이를 만족하는 가장 작은 정수 r을 고릅니다(올림). 0바이트에는 라운드가 0개 필요합니다.",
      },
    ],
  },
  {
    id: "4.2d",
    section: "4.2",
    title: { en: "The window that fills the pipe", ko: "파이프를 가득 채우는 윈도" },
    file: "tcp-performance.ts",
    export: "pipeSegments",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "How many bytes does the sender put on the link in one round-trip time? Mind the units: bits, bytes, ms and s.",
        ko: "송신자는 왕복 시간 한 번 동안 링크에 몇 바이트를 올려놓을까요? 단위에 주의하세요: 비트, 바이트, ms, s.",
      },
      {
        en: "A segment takes more room on the wire than its data: how much, with the IP and TCP headers?",
        ko: "세그먼트는 회선에서 자기 데이터보다 자리를 더 차지합니다. IP 헤더와 TCP 헤더를 더하면 얼마일까요?",
      },
      {
        en: "Bytes in one round trip = bandwidthBps / 8 x rttMs / 1000. Divide by mss + 40, round down, and never return less than 1.",
        ko:
          "왕복 한 번 동안의 바이트 = bandwidthBps / 8 x rttMs / 1000입니다. 이것을 mss + 40으로 나누고 " +
          "내림하되, 1보다 작은 값은 돌려주지 않습니다.",
      },
    ],
  },
  {
    id: "4.2i",
    section: "4.2",
    title: { en: "Predict: the window after an idle pause", ko: "예측: 한동안 쉬고 난 뒤의 윈도" },
    file: "tcp-performance.ts",
    export: "predictCwndAfterIdle",
    points: 2,
    kind: "predict",
    hints: [
      {
        en: "How long must a connection send nothing before RFC 5681 says its window is no longer to be trusted?",
        ko: "커넥션이 얼마나 오래 아무것도 보내지 않아야 RFC 5681이 그 윈도를 더는 믿을 수 없다고 할까요?",
      },
      {
        en: "Compare each pause with the RTO (1 s here). A pause shorter than it changes nothing.",
        ko: "쉬는 시간을 각각 RTO(여기서는 1초)와 비교하세요. RTO보다 짧게 쉬면 아무것도 바뀌지 않습니다.",
      },
      {
        en:
          "After an idle time longer than the RTO, RFC 5681 4.1 restarts from the restart window, min(IW, cwnd); a shorter " +
          "pause keeps cwnd where it was.",
        ko:
          "RTO보다 오래 유휴 상태였다면 RFC 5681 4.1절에 따라 재시작 윈도 min(IW, cwnd)에서 다시 시작합니다. 그보다 " +
          "짧게 쉬었다면 cwnd는 그대로입니다.",
      },
    ],
  },
  {
    id: "4.2e",
    section: "4.2",
    title: { en: "Does Nagle hold this segment?", ko: "네이글 알고리즘이 이 세그먼트를 붙잡을까?" },
    file: "tcp-performance.ts",
    export: "nagleWouldHold",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "Which segments does Nagle never hold, and which switch turns it off?",
        ko: "네이글 알고리즘(Nagle's algorithm)이 절대 붙잡지 않는 세그먼트는 어떤 것이고, 어떤 스위치가 알고리즘을 끌까요?",
      },
      {
        en: "Three conditions must all hold for Nagle to wait. And one input is impossible: which, and what should it do?",
        ko:
          "네이글 알고리즘이 기다리려면 세 가지 조건이 모두 맞아야 합니다. 그리고 있을 수 없는 입력이 하나 있습니다. 무엇이고, 그때는 " +
          "어떻게 해야 할까요?",
      },
      {
        en:
          "Check segmentBytes > mss first and throw a RangeError. Then hold only when nodelay is off, the segment is smaller " +
          "than the MSS, and unackedBytes > 0. Defaults: mss 1460, nodelay false.",
        ko:
          "먼저 segmentBytes > mss인지 확인해 RangeError를 던집니다. 그다음 nodelay가 꺼져 있고, 세그먼트가 " +
          "MSS보다 작고, unackedBytes > 0일 때만 붙잡습니다. 기본값은 mss 1460, nodelay false입니다.",
      },
    ],
  },
  {
    id: "4.2f",
    section: "4.2",
    title: { en: "The stall of a write pattern", ko: "쓰기 패턴이 만드는 지연(stall)" },
    file: "tcp-performance.ts",
    export: "nagleStallMs",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "Does Nagle care about how the bytes were written, or about the segments they become?",
        ko: "네이글 알고리즘은 바이트가 어떻게 쓰였는지를 볼까요, 아니면 그 바이트로 만들어진 세그먼트를 볼까요?",
      },
      {
        en:
          "Only the total and the first write matter: cut the stream into a first segment, full segments, and a small tail. " +
          "Is there a tail at all? If so, what must happen before it may leave, and how long does the receiver take to ACK?",
        ko:
          "전체 크기와 첫 번째 쓰기만 중요합니다. 스트림을 첫 세그먼트, 꽉 찬 세그먼트들, 작은 꼬리로 나누세요. 꼬리가 있기는 할까요? " +
          "있다면 꼬리가 나가기 전에 무엇이 일어나야 하고, 수신자가 ACK를 보내기까지 얼마나 걸릴까요?",
      },
      {
        en:
          "first = min(writes[0], mss); after it, floor(rest / mss) full segments and a tail of rest % mss bytes. No tail: 0. " +
          "Otherwise the tail waits for the ACK: count the full segments that arrived (including the first if it was full); " +
          "an even, non-zero count is ACKed at once (stall rttMs), else on the timer (stall rttMs + delayedAckMs).",
        ko:
          "first = min(writes[0], mss)입니다. 그 뒤로 floor(rest / mss)개의 꽉 찬 세그먼트와 rest " +
          "% mss바이트의 꼬리가 옵니다. 꼬리가 없으면 0입니다. 있다면 꼬리는 ACK를 기다립니다. 도착한 꽉 찬 세그먼트를 세어(첫 " +
          "세그먼트가 꽉 찼다면 그것도 포함), 0이 아닌 짝수 개이면 곧바로 ACK가 오고(지연 rttMs), 아니면 타이머가 울릴 때 " +
          "옵니다(지연 rttMs + delayedAckMs).",
      },
    ],
  },
  {
    id: "4.2k",
    section: "4.2",
    title: { en: "Measure: the Nagle stall on your machine", ko: "측정: 내 컴퓨터에서의 네이글 지연" },
    file: "tcp-performance.ts",
    export: "predictNagleLab",
    points: 2,
    kind: "measure",
    hints: [
      {
        en: "On loopback a round trip takes microseconds. What else does the second write wait for?",
        ko: "루프백에서는 왕복이 마이크로초 단위입니다. 두 번째 쓰기는 그 밖에 무엇을 기다릴까요?",
      },
      {
        en:
          "The receiver has only half a request and nothing to answer: when does it send the ACK the sender waits for? Linux " +
          "waits at least 40 ms; other systems' timers differ, and your own lab table's Nagle row shows this machine's.",
        ko:
          "수신자는 요청의 절반만 받았고 응답할 것이 없습니다. 송신자가 기다리는 ACK를 언제 보낼까요? 리눅스는 적어도 40ms를 " +
          "기다립니다. 다른 시스템의 타이머는 다르며, 여러분 실험 결과 표의 네이글(Nagle) 행에 이 컴퓨터의 값이 나옵니다.",
      },
      {
        en:
          "stallMs is about the delayed-ACK timer (40 ms on Linux). TCP_NODELAY sends the second write at once; one write leaves " +
          "no small segment behind unACKed data. Run the lab, then check.",
        ko:
          "stallMs는 대략 확인응답 지연 타이머 값입니다(리눅스에서 40ms). TCP_NODELAY는 두 번째 쓰기를 곧바로 " +
          "보냅니다. 쓰기를 한 번만 하면 확인응답되지 않은 데이터 뒤에 작은 세그먼트가 남지 않습니다. 실험을 실행한 다음 확인하세요.",
      },
    ],
  },
  {
    id: "4.2j",
    section: "4.2",
    title: { en: "Predict: who collects TIME_WAIT?", ko: "예측: TIME_WAIT는 누가 떠안을까?" },
    file: "tcp-performance.ts",
    export: "predictTimeWaitHolder",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "TIME_WAIT exists to answer a retransmitted FIN. Which end sent the last ACK that FIN would be asking for again?",
        ko: "TIME_WAIT는 재전송된 FIN에 답하려고 있습니다. 그 FIN이 다시 요구할 마지막 ACK를 보낸 쪽은 어느 쪽일까요?",
      },
      {
        en: "Only one end of each connection enters TIME_WAIT; which one is decided by who closes first, not by who is the client.",
        ko:
          "각 커넥션에서 TIME_WAIT에 들어가는 쪽은 한쪽뿐입니다. 어느 쪽인지는 누가 클라이언트인지가 아니라 누가 먼저 끊는지로 " +
          "정해집니다.",
      },
      {
        en: "The end that sends the first FIN (the active closer) holds TIME_WAIT. Which end sends it in this scenario?",
        ko: "첫 FIN을 보내는 쪽(먼저 끊는 쪽, active closer)이 TIME_WAIT를 갖습니다. 이 시나리오에서는 어느 쪽이 첫 " + "FIN을 보낼까요?",
      },
    ],
  },
  {
    id: "4.2g",
    section: "4.2",
    title: { en: "TIME_WAIT and the connection-rate ceiling", ko: "TIME_WAIT와 초당 커넥션 수의 상한" },
    file: "tcp-performance.ts",
    export: "portBudget",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "How many ports are in the range, and how long is each one unusable after its connection closes?",
        ko: "범위에 포트가 몇 개 있고, 커넥션이 닫힌 뒤 각 포트는 얼마 동안 쓸 수 없을까요?",
      },
      {
        en:
          "Think of the ports as a pool that refills: what rate can the pool sustain forever? Above that rate, does any port " +
          "come back before the pool is empty?",
        ko:
          "포트를 다시 채워지는 풀로 생각해 보세요. 풀이 영원히 버틸 수 있는 속도는 얼마일까요? 그보다 빠르면, 풀이 비기 전에 돌아오는 " +
          "포트가 있을까요?",
      },
      {
        en:
          "The range is inclusive: high - low + 1 ports. Each port is busy for timeWaitSeconds after its connection closes, so " +
          "ceiling = ports / timeWaitSeconds. Above the ceiling every port is used before the first comes back: after " +
          "ports / connectionsPerSecond seconds; at or below it, null.",
        ko:
          "범위는 양 끝을 포함하므로 포트는 high - low + 1개입니다. 각 포트는 커넥션이 닫힌 뒤 timeWaitSeconds " +
          "동안 사용 중이므로 ceiling = ports / timeWaitSeconds입니다. 상한을 넘으면 첫 포트가 돌아오기 전에 " +
          "모든 포트가 쓰이고, 그 시점은 ports / connectionsPerSecond초 뒤입니다. 상한 이하이면 null입니다.",
      },
    ],
  },
  {
    id: "4.2l",
    section: "4.2",
    title: { en: "Measure: which side holds TIME_WAIT on your machine", ko: "측정: 내 컴퓨터에서 TIME_WAIT를 갖는 쪽" },
    file: "tcp-performance.ts",
    export: "predictTimeWaitLab",
    points: 2,
    kind: "measure",
    hints: [
      {
        en: "In each of the lab's two runs, which end sends the first FIN?",
        ko: "실험의 두 실행 각각에서 첫 FIN을 보내는 쪽은 어디일까요?",
      },
      {
        en: "Does the end that answers a FIN wait too, or is it done once its own FIN is ACKed?",
        ko: "FIN에 답하는 쪽도 기다릴까요, 아니면 자기 FIN이 확인응답되면 끝일까요?",
      },
      {
        en: "Each closed connection leaves one entry, at the end that sent the first FIN. Run the lab (Linux), then check.",
        ko: "닫힌 커넥션마다 항목이 하나 남는데, 첫 FIN을 보낸 쪽에 남습니다. 실험을 실행한 다음(리눅스) 확인하세요.",
      },
    ],
  },
  // --- 4.3 exercises ---
  {
    id: "4.3a",
    section: "4.3",
    title: { en: "Which header fields reach the server?", ko: "어떤 헤더 필드가 서버에 도착할까?" },
    file: "http-connection-handling.ts",
    export: "predictForwardedFields",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "Which of the twelve fields describe the browser-to-proxy connection rather than the request itself? Those stop at the proxy.",
        ko:
          "열두 필드 가운데 요청 자체가 아니라 브라우저와 프락시 사이의 커넥션을 설명하는 것은 무엇일까요? 그런 필드는 프락시에서 " +
          "멈춥니다.",
      },
      {
        en:
          "A proxy learns some hop-by-hop names from the message itself (Connection's list) and knows the others in advance " +
          "(the table in section 2). Which fields of this request fall in either group? Names compare whole and case-insensitively.",
        ko:
          "프락시는 홉별(hop-by-hop) 이름 일부를 메시지 자체(Connection 헤더의 목록)에서 알게 되고, 나머지는 미리 알고 " +
          "있습니다(2절의 표). 이 요청의 필드 중 어느 것이 두 그룹 중 하나에 들까요? 이름은 통째로, 대소문자를 구분하지 않고 " +
          "비교합니다.",
      },
      {
        en:
          "Start from 12. Take away Connection itself, every field whose name Connection lists, and every field on the " +
          "always-hop-by-hop list; a field whose name only resembles a hop-by-hop one stays. Count what is left.",
        ko:
          "12에서 시작합니다. Connection 자신, Connection이 이름을 나열한 모든 필드, 항상 홉별인 목록에 있는 모든 " +
          "필드를 뺍니다. 이름이 홉별 필드와 비슷하기만 한 필드는 남습니다. 남은 것을 셉니다.",
      },
    ],
  },
  {
    id: "4.3b",
    section: "4.3",
    title: { en: "Remove hop-by-hop headers before forwarding", ko: "전달하기 전에 홉별 헤더 제거하기" },
    file: "http-connection-handling.ts",
    export: "removeHopByHop",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "Where does a proxy learn which fields, beyond a fixed list it knows in advance, belong to this hop only?",
        ko: "미리 아는 고정 목록 말고, 어떤 필드가 이 홉에만 속하는지 프락시는 어디서 알게 될까요?",
      },
      {
        en:
          "Field names are case-insensitive, Connection's own name included, and Connection's value is a list with optional spaces " +
          "or tabs around each name (and maybe empty elements). How will you compare names so that X-Trace, x-trace and X-TRACE agree?",
        ko:
          "필드 이름은 대소문자를 구분하지 않습니다(Connection이라는 이름 자체도). 그리고 Connection의 값은 목록이라 각 " +
          "이름 앞뒤에 공백이나 탭이 있을 수 있습니다(빈 요소가 있을 수도 있습니다). X-Trace, x-trace, X-TRACE가 " +
          "같은 이름이 되게 하려면 어떻게 비교해야 할까요?",
      },
      {
        en:
          "First build a set of lower-cased names to drop: the fixed list (connection, keep-alive, proxy-connection, te, " +
          "transfer-encoding, upgrade, trailer) plus every name listed by every field called Connection in any case (split at commas, " +
          "trim spaces and tabs, skip empty pieces). Then copy into a new object every field whose lower-cased name is not in the set.",
        ko:
          "먼저 지울 이름을 소문자로 모은 집합을 만듭니다. 고정 목록(connection, keep-alive, " +
          "proxy-connection, te, transfer-encoding, upgrade, trailer)에, 대소문자와 상관없이 " +
          "Connection이라는 이름의 모든 필드가 나열한 모든 이름을 더합니다(쉼표로 나누고, 앞뒤 공백과 탭을 잘라 내고, 빈 조각은 " +
          "건너뜁니다). 그다음 소문자로 바꾼 이름이 집합에 없는 필드만 새 객체에 복사합니다.",
      },
    ],
  },
  {
    id: "4.3c",
    section: "4.3",
    title: { en: "The time of a serial page load", ko: "순차 페이지 로드에 걸리는 시간" },
    file: "http-connection-handling.ts",
    export: "serialPageLoadMs",
    points: 3,
    kind: "implement",
    hints: [
      {
        en:
          "Draw one fetch as a sequence diagram: SYN, SYN-ACK, the ACK that carries the request, then the response. " +
          "How many round trips pass before the first byte of the response arrives?",
        ko:
          "가져오기 한 번을 시퀀스 다이어그램으로 그려 보세요: SYN, SYN-ACK, 요청을 실은 ACK, 그리고 응답. 응답의 첫 " +
          "바이트가 도착하기까지 왕복이 몇 번 지나갈까요?",
      },
      {
        en:
          "How many segments can a fresh connection have sent in total after one round, two rounds, three? The response needs the " +
          "first number of rounds whose total covers its segments (a partly filled segment is still a segment).",
        ko:
          "새 커넥션은 한 라운드, 두 라운드, 세 라운드가 지난 뒤 모두 몇 개의 세그먼트를 보냈을까요? 응답에 필요한 라운드 수는 누적 " +
          "합계가 응답의 세그먼트를 처음으로 덮는 라운드 수입니다(일부만 찬 세그먼트도 세그먼트입니다).",
      },
      {
        en:
          "Write one function for one fetch: count the segments (rounded up); count the rounds r from 0 until the rounds so far " +
          "(initialWindow, then twice that, then twice again ...) cover them; the fetch takes the handshake's round trip, the " +
          "server's time and one round trip per round. Serial means nothing overlaps: add up the HTML's fetch and every object's.",
        ko:
          "가져오기 한 번을 계산하는 함수를 만드세요. 세그먼트 수를 셉니다(올림). 라운드 r을 0부터 늘려 가며 지금까지의 " +
          "라운드(initialWindow, 그 두 배, 다시 두 배 ...)가 세그먼트를 덮을 때까지 셉니다. 가져오기 한 번에는 " +
          "핸드셰이크 왕복, 서버 처리 시간, 라운드마다 왕복 한 번이 걸립니다. 순차란 아무것도 겹치지 않는다는 뜻이니, HTML과 " +
          "모든 객체의 가져오기 시간을 더합니다.",
      },
    ],
  },
  // --- 4.4 exercises ---
  {
    id: "4.4a",
    section: "4.4",
    title: { en: "Serial load time, back of the envelope", ko: "순차 로드 시간 어림 계산" },
    file: "parallel-connections.ts",
    export: "serialLoadMs",
    points: 2,
    kind: "implement",
    hints: [
      {
        en:
          "Follow one transaction on a new connection from its SYN to the response's last byte: what has to cross the network " +
          "before the first byte of the response can arrive?",
        ko:
          "새 커넥션에서 트랜잭션 하나를 SYN부터 응답의 마지막 바이트까지 따라가 보세요. 응답의 첫 바이트가 도착하려면 무엇이 네트워크를 " +
          "건너야 할까요?",
      },
      {
        en:
          "Two kinds of time add up: waiting for packets to cross (round trips) and pushing the response's bytes onto the link. " +
          "Sizes are in bytes, the bandwidth in bits per second, the answer in ms.",
        ko:
          "두 종류의 시간이 더해집니다. 패킷이 건너가기를 기다리는 시간(왕복)과 응답의 바이트를 링크에 밀어 넣는 시간입니다. 크기는 " +
          "바이트, 대역폭은 초당 비트, 답은 ms입니다.",
      },
      {
        en:
          "For the HTML and for each object: the handshake's round trip, the request-and-response round trip, and the bytes' time " +
          "on the link (bytes to bits, over bits per second, seconds to ms). Serial means nothing overlaps: add them all up.",
        ko:
          "HTML과 각 객체마다 핸드셰이크 왕복, 요청과 응답의 왕복, 그리고 바이트가 링크를 차지하는 시간(바이트를 비트로 바꾸고, 초당 " +
          "비트로 나누고, 초를 ms로 바꿈)을 셉니다. 순차란 아무것도 겹치지 않는다는 뜻이니 모두 더합니다.",
      },
    ],
  },
  {
    id: "4.4b",
    section: "4.4",
    title: { en: "When does the last of ten images arrive?", ko: "이미지 열 개 중 마지막 것은 언제 도착할까?" },
    file: "parallel-connections.ts",
    export: "predictTenImagesMs",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "How many rounds of connections do ten images need when at most four may be open at once? Does a partly filled round take less time?",
        ko:
          "한 번에 최대 네 개까지 열 수 있다면 이미지 열 개에 커넥션 라운드가 몇 번 필요할까요? 일부만 찬 라운드는 시간이 덜 " +
          "걸릴까요?",
      },
      {
        en:
          "Every round's connections are new: what does a new connection wait for before its image's first byte arrives? " +
          "The images are small: 4 kB takes about 3 ms on a 10 Mbit/s link.",
        ko:
          "라운드마다 커넥션은 새것입니다. 새 커넥션은 이미지의 첫 바이트가 도착하기 전에 무엇을 기다릴까요? 이미지는 작습니다. 10 " +
          "Mbit/s 링크에서 4 kB는 약 3ms 걸립니다.",
      },
      {
        en:
          "Start at the HTML's 208.6 ms and add, for each round, the round trips a new connection needs for one small response, " +
          "plus a few ms of bytes.",
        ko:
          "HTML의 208.6ms에서 시작해, 라운드마다 새 커넥션이 작은 응답 하나를 받는 데 필요한 왕복과 바이트 전송에 드는 몇 " +
          "ms를 더합니다.",
      },
    ],
  },
  {
    id: "4.4c",
    section: "4.4",
    title: { en: "Parallel load time, back of the envelope", ko: "병렬 로드 시간 어림 계산" },
    file: "parallel-connections.ts",
    export: "parallelLoadMs",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "Which parts of a round happen at the same time on all its connections, and which part cannot be shared out between them?",
        ko: "라운드의 어느 부분이 모든 커넥션에서 동시에 일어나고, 어느 부분은 커넥션끼리 나눠 가질 수 없을까요?",
      },
      {
        en:
          "A round that carries fewer objects than maxConnections still waits as long as a full one. And there is one link: " +
          "what do the bytes of all the objects cost, however they are spread over the connections?",
        ko:
          "maxConnections보다 적은 객체를 나르는 라운드도 꽉 찬 라운드만큼 기다립니다. 그리고 링크는 하나입니다. 객체들을 " +
          "커넥션에 어떻게 나누든, 모든 객체의 바이트에는 시간이 얼마나 들까요?",
      },
      {
        en:
          "The HTML as in 4.4a; then the number of rounds (objects over connections, rounded up) times the round trips a new " +
          "connection needs before its response arrives; then every object's bytes on the one link, counted once.",
        ko:
          "HTML은 4.4a처럼 계산합니다. 그다음 라운드 수(객체 수를 커넥션 수로 나누고 올림)에 새 커넥션이 응답을 받기까지 필요한 " +
          "왕복 수를 곱해 더합니다. 마지막으로 모든 객체의 바이트를 하나뿐인 링크에서 한 번씩만 셉니다.",
      },
    ],
  },
  {
    id: "4.4d",
    section: "4.4",
    title: { en: "How many connections are enough?", ko: "커넥션은 몇 개면 충분할까?" },
    file: "parallel-connections.ts",
    export: "enoughConnections",
    points: 3,
    kind: "implement",
    imports: ["lib/http/page-load"],
    hints: [
      {
        en: "What does simulatePageLoad give you for each N from 1 to limit, and which of those times is the one to compare against?",
        ko: "simulatePageLoad는 1부터 limit까지 각 N에 대해 무엇을 알려 주고, 그 시간들 중 어느 것과 비교해야 할까요?",
      },
      {
        en: "The tolerance is relative: 0.05 means up to 5 % slower than the fastest is good enough. When several N qualify, which one do you want?",
        ko:
          "tolerance는 상대값입니다. 0.05는 가장 빠른 것보다 5 %까지 느려도 충분하다는 뜻입니다. 여러 N이 조건을 만족하면 " +
          "그중 어느 것을 원할까요?",
      },
      {
        en:
          'Call simulatePageLoad({ page, strategy: "parallel", maxConnections: n, rttMs, bandwidthBps }).elapsedMs for ' +
          "every n from 1 to limit and keep the times. Find the fastest, then return the first (smallest) n whose time " +
          "is at most fastest * (1 + tolerance).",
        ko:
          '1부터 limit까지 모든 n에 대해 simulatePageLoad({ page, strategy: "parallel", ' +
          "maxConnections: n, rttMs, bandwidthBps }).elapsedMs를 호출하고 시간을 모아 둡니다. 가장 " +
          "빠른 시간을 찾은 다음, 시간이 fastest * (1 + tolerance) 이하인 첫 번째(가장 작은) n을 돌려줍니다.",
      },
    ],
  },
  {
    id: "4.4e",
    section: "4.4",
    title: { en: "Thin link: parallel or persistent?", ko: "좁은 링크: 병렬 커넥션일까, 지속 커넥션일까?" },
    file: "parallel-connections.ts",
    export: "predictThinLinkFaster",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "On a 1 Mbit/s link, how long do 200 kB of images take to cross, whichever browser asks for them? Compare that with a 20 ms round trip.",
        ko:
          "1 Mbit/s 링크에서 200 kB의 이미지가 건너가는 데는, 어느 브라우저가 요청하든 얼마나 걸릴까요? 그것을 20ms 왕복과 " +
          "비교해 보세요.",
      },
      {
        en:
          "Parallel connections overlap round trips but share the bandwidth; a persistent connection saves handshakes and slow starts " +
          "but waits a round trip per image. How large is each effect here, next to the bytes' time?",
        ko:
          "병렬 커넥션은 왕복을 겹치지만 대역폭을 나눠 씁니다. 지속 커넥션은 핸드셰이크와 느린 시작을 아끼지만 이미지마다 왕복 한 번을 " +
          "기다립니다. 여기서 각 효과는 바이트 전송 시간에 비해 얼마나 클까요?",
      },
      {
        en:
          "Estimate both loads: the bytes' time on the link (the same for both) plus the round trips each browser waits one after " +
          "another. If the slower total is within 5 % of the faster, the two are about the same.",
        ko:
          "두 로드를 모두 어림해 보세요. 링크에서 바이트가 드는 시간(둘 다 같음)에 각 브라우저가 차례로 기다리는 왕복을 더합니다. 느린 " +
          "쪽 합계가 빠른 쪽의 5 % 안이면 둘은 거의 같습니다.",
      },
    ],
  },
  {
    id: "4.4f",
    section: "4.4",
    title: { en: "Long, fat link: parallel or persistent?", ko: "길고 굵은 링크: 병렬 커넥션일까, 지속 커넥션일까?" },
    file: "parallel-connections.ts",
    export: "predictLongFatLinkFaster",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "At 50 Mbit/s, how long does one 50 kB image take on the link? Compare that with a 200 ms round trip.",
        ko: "50 Mbit/s에서 50 kB 이미지 하나가 링크를 차지하는 시간은 얼마일까요? 그것을 200ms 왕복과 비교해 보세요.",
      },
      {
        en:
          "When the bytes cost almost nothing, the load time is the round trips each browser waits one after another. " +
          "How many does each wait for the four images?",
        ko:
          "바이트 전송에 시간이 거의 들지 않으면, 로드 시간은 각 브라우저가 차례로 기다리는 왕복으로 정해집니다. 이미지 네 개를 받는 " +
          "동안 각 브라우저는 몇 번을 기다릴까요?",
      },
      {
        en:
          "Count round trips after the HTML. Parallel: a handshake, a request, and the slow-start rounds of a 50 kB response " +
          "(35 segments from a first window of 10), for all four images at once. Persistent: for each image in turn, a request " +
          "round trip plus any slow-start rounds its window still needs. Compare the two counts.",
        ko:
          "HTML 뒤의 왕복을 셉니다. 병렬: 핸드셰이크, 요청, 그리고 50 kB 응답의 느린 시작 라운드(첫 윈도 10에서 세그먼트 " +
          "35개)를 네 이미지가 한꺼번에 겪습니다. 지속: 이미지마다 차례로 요청 왕복 한 번과, 그 윈도가 아직 필요로 하는 느린 시작 " +
          "라운드를 더합니다. 두 개수를 비교합니다.",
      },
    ],
  },
  // --- 4.5 exercises ---
  {
    id: "4.5a",
    section: "4.5",
    title: { en: "Read the timeout and max of a Keep-Alive header", ko: "Keep-Alive 헤더의 timeout과 max 읽기" },
    file: "persistent-connections.ts",
    export: "parseKeepAliveParams",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: 'Which commas separate parameters, and which belong to a value? Try your code on x="a,b" and on a parameter named constructor.',
        ko:
          '어느 쉼표가 매개변수를 나누고, 어느 쉼표가 값에 속할까요? 여러분의 코드를 x="a,b"와, constructor라는 이름의 ' +
          "매개변수로 시험해 보세요.",
      },
      {
        en:
          "A value is a token or a quoted string (RFC 9110 5.6), so x=a=b and x=a b are malformed, and inside quotes a backslash " +
          "takes the next character as it is. A timeout or max given twice cannot be trusted either way: that is malformed too.",
        ko:
          "값은 토큰이거나 따옴표 문자열입니다(RFC 9110 5.6). 그래서 x=a=b와 x=a b는 잘못된 형식이고, 따옴표 안에서 " +
          "백슬래시는 다음 문자를 있는 그대로 받아들이게 합니다. 두 번 주어진 timeout이나 max는 어느 쪽도 믿을 수 없으니 이것도 " +
          "잘못된 형식입니다.",
      },
      {
        en:
          'Where do your params live? On a plain {}, "constructor" in params is already true, and params["__proto__"] = v sets the ' +
          "prototype instead of adding a property. Object.create(null) makes an object that inherits no names.",
        ko:
          'params는 어디에 저장하나요? 평범한 {}에서는 "constructor" in params가 이미 true이고, ' +
          'params["__proto__"] = v는 속성을 추가하는 대신 프로토타입을 바꿉니다. Object.create(null)은 ' +
          "아무 이름도 상속하지 않는 객체를 만듭니다.",
      },
      {
        en:
          "Walk the string once, character by character, remembering whether you are inside quotes (after a backslash inside quotes, " +
          "take the next character as it is); cut at commas outside quotes, trim spaces and tabs, skip empty elements. Split each " +
          "element at its first '=': the name must be a token (/^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$/), lower-cased; the value a token or " +
          "one whole quoted string (drop its quotes and backslashes). For timeout and max, throw if already set, then require " +
          "/^[0-9]+$/ before Number(). Store any other name only if it is not there yet.",
        ko:
          "문자열을 문자 단위로 한 번 훑으면서 따옴표 안인지 기억합니다(따옴표 안에서 백슬래시 뒤의 문자는 그대로 받습니다). 따옴표 밖의 " +
          "쉼표에서 자르고, 앞뒤 공백과 탭을 잘라 내고, 빈 요소는 건너뜁니다. 각 요소를 첫 '='에서 나눕니다. 이름은 토큰이어야 " +
          "하고(/^[!#$%&'*+\\-.^_`|~0-9A-Za-z]+$/) 소문자로 바꿉니다. 값은 토큰이거나 하나의 온전한 따옴표 " +
          "문자열입니다(따옴표와 백슬래시는 뺍니다). timeout과 max는 이미 값이 있으면 예외를 던지고, Number() 전에 " +
          "/^[0-9]+$/를 만족하는지 확인합니다. 다른 이름은 아직 없을 때만 저장합니다.",
      },
    ],
  },
  {
    id: "4.5e",
    section: "4.5",
    title: { en: "Predict: how many connections for this request pattern?", ko: "예측: 이 요청 패턴에는 커넥션이 몇 개 필요할까?" },
    file: "persistent-connections.ts",
    export: "predictConnectionsOpened",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "Which two things can end a kept connection in this scenario, and which of them does the long pause trigger?",
        ko: "이 시나리오에서 유지된 커넥션을 끝낼 수 있는 것은 두 가지입니다. 무엇이고, 긴 쉼은 그중 무엇을 일으킬까요?",
      },
      {
        en: "Write beside each request which connection carries it. After which response does max close a connection?",
        ko: "요청마다 옆에 그것을 실어 나르는 커넥션을 적어 보세요. max는 어느 응답 뒤에 커넥션을 닫을까요?",
      },
      {
        en:
          "Requests 1-3, 4-6 and 7 on: count how many each connection takes before max closes it; then measure the idle time from " +
          "the end of the seventh response to the eighth request and compare it with the 2 s timeout.",
        ko:
          "요청 1-3, 4-6, 그리고 7부터: max가 닫기 전까지 각 커넥션이 요청을 몇 개 받는지 셉니다. 그다음 일곱 번째 응답이 " +
          "끝난 때부터 여덟 번째 요청까지의 유휴 시간을 재어 2초 timeout과 비교합니다.",
      },
    ],
  },
  {
    id: "4.5c",
    section: "4.5",
    title: { en: "How many connections do these requests need?", ko: "이 요청들에는 커넥션이 몇 개 필요할까?" },
    file: "persistent-connections.ts",
    export: "connectionsNeeded",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "What must you remember about the current connection from one request to the next?",
        ko: "요청에서 다음 요청으로 넘어갈 때 현재 커넥션에 대해 무엇을 기억해야 할까요?",
      },
      {
        en:
          "When is a connection idle: from when a request was sent, or from when its response ended? Is idle for exactly the " +
          "timeout still open? And which unit is each number in?",
        ko:
          "커넥션은 언제부터 유휴 상태일까요? 요청을 보낸 때부터일까요, 응답이 끝난 때부터일까요? 정확히 timeout만큼 유휴였던 " +
          "커넥션은 아직 열려 있을까요? 그리고 각 숫자의 단위는 무엇일까요?",
      },
      {
        en:
          "Walk the requests in order keeping three things: is a connection open, how many requests it has carried, and when " +
          "its last response ended. Before each request, close it if it has been idle longer than the timeout (in the same " +
          "unit as the times); open one if none is open, and count it; after the request, close it once it has carried max requests.",
        ko:
          "요청을 순서대로 훑으면서 세 가지를 기억합니다. 커넥션이 열려 있는지, 그 커넥션이 요청을 몇 개 실어 날랐는지, 마지막 응답이 " +
          "언제 끝났는지. 각 요청 전에, timeout보다 오래 유휴였으면 닫습니다(시각과 같은 단위로 비교합니다). 열린 커넥션이 없으면 " +
          "하나 열고 셉니다. 요청 뒤에는 max개를 실어 날랐으면 닫습니다.",
      },
    ],
  },
  {
    id: "4.5b",
    section: "4.5",
    title: { en: "Does the connection stay open after this exchange?", ko: "이 교환 뒤에도 커넥션이 열려 있을까?" },
    file: "persistent-connections.ts",
    export: "keepsConnectionOpen",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: 'A Connection value is a list of tokens: what must happen to "X-Trace, Close" before you can ask whether it holds close?',
        ko: 'Connection 값은 토큰 목록입니다. "X-Trace, Close"에 close가 들어 있는지 묻기 전에 무엇을 해야 ' + "할까요?",
      },
      {
        en:
          "Does the HTTP/1.1 default apply when the response is HTTP/1.0? And can a connection go on when the response's body " +
          "ends only at the close?",
        ko:
          "응답이 HTTP/1.0이어도 HTTP/1.1의 기본값이 적용될까요? 그리고 응답 본문이 커넥션이 닫혀야 끝난다면 커넥션을 계속 쓸 " +
          "수 있을까요?",
      },
      {
        en:
          "Turn each Connection value into lower-cased tokens first. Then test the rules exactly in the order the comment " +
          "gives them and return at the first that closes; close beats everything, the version rules come next, and the " +
          "body length is checked last, only when the versions allowed persistence.",
        ko:
          "먼저 각 Connection 값을 소문자 토큰들로 바꿉니다. 그다음 주석이 제시한 순서 그대로 규칙을 검사하고, 처음으로 커넥션을 " +
          "닫게 만드는 규칙에서 돌려줍니다. close가 무엇보다 우선이고, 버전 규칙이 그다음이며, 본문 길이는 맨 마지막에, 버전 규칙이 " +
          "지속을 허용했을 때만 검사합니다.",
      },
    ],
  },
  {
    id: "4.5d",
    section: "4.5",
    title: { en: "Which proxy hangs the keep-alive connection?", ko: "어느 프락시가 keep-alive 커넥션을 멈춰 세울까?" },
    file: "persistent-connections.ts",
    export: "hangingProxy",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "Who understands Proxy-Connection: a dumb proxy, a smart proxy, the server?",
        ko: "Proxy-Connection을 이해하는 것은 누구일까요? 멍청한 프락시(dumb proxy), 영리한 프락시, 서버 중에서요.",
      },
      {
        en:
          "Follow the first request outwards: which header reaches each node, and what does a smart proxy send to its own next hop? " +
          "Then follow the response back: who receives Connection: Keep-Alive and will therefore reuse its connection?",
        ko:
          "첫 요청을 바깥쪽으로 따라가 보세요. 각 노드에 어떤 헤더가 도착하고, 영리한 프락시는 자기 다음 홉에 무엇을 보낼까요? 그다음 " +
          "응답을 거꾸로 따라가 보세요. 누가 Connection: Keep-Alive를 받아서 커넥션을 재사용하게 될까요?",
      },
      {
        en:
          "Two passes. Outwards from the client: track which header carries keep-alive (a dumb proxy passes it on, a smart " +
          "one replaces it with Connection: Keep-Alive and remembers whether its client asked). Back from the server: the " +
          "response says keep-alive iff the server saw Connection: Keep-Alive; a dumb proxy relays that, a smart one answers " +
          "with what its client asked. The first dumb proxy that relays a keep-alive response is the one that hangs.",
        ko:
          "두 번 훑습니다. 클라이언트에서 바깥쪽으로: 어느 헤더가 keep-alive를 싣고 가는지 추적합니다(멍청한 프락시는 그대로 " +
          "넘기고, 영리한 프락시는 Connection: Keep-Alive로 바꾸면서 자기 클라이언트가 요청했는지 기억합니다). 서버에서 " +
          "거꾸로: 응답은 서버가 Connection: Keep-Alive를 받았을 때, 그리고 그때에만 keep-alive라고 " +
          "말합니다. 멍청한 프락시는 그 응답을 그대로 전달하고, 영리한 프락시는 자기 클라이언트가 요청한 대로 답합니다. " +
          "keep-alive 응답을 전달하는 첫 번째 멍청한 프락시가 커넥션을 멈춰 세우는 프락시입니다.",
      },
    ],
  },
  {
    id: "4.5f",
    section: "4.5",
    title: { en: "Measure: sockets with and without keep-alive", ko: "측정: keep-alive가 있을 때와 없을 때의 소켓" },
    file: "persistent-connections.ts",
    export: "predictKeepAliveLab",
    points: 2,
    kind: "measure",
    hints: [
      {
        en: "Without keep-alive every request says Connection: close. How many requests can one connection carry then?",
        ko: "keep-alive가 없으면 모든 요청이 Connection: close를 보냅니다. 그러면 커넥션 하나가 요청을 몇 개 실어 " + "나를 수 있을까요?",
      },
      {
        en: "With keep-alive, at most one socket and requests sent one at a time, when would the agent ever need a second connection?",
        ko:
          "keep-alive를 쓰고, 소켓은 최대 하나이며, 요청을 한 번에 하나씩 보낸다면 에이전트에게 두 번째 커넥션이 필요할 때가 " +
          "있을까요?",
      },
      {
        en:
          "Return the two counts for `requests` requests. Then run the lab and, for `faster`, compare the two 'time per request' " +
          "rows of your result: the kept-alive or the new-connection run if the slower takes at least 1.2 times as long, " +
          "otherwise no-clear-difference.",
        ko:
          "`requests`개의 요청에 대한 두 개수를 돌려줍니다. 그다음 실험을 실행하고, `faster`는 결과에서 두 '요청당 " +
          "시간'(time per request) 행을 비교해 정합니다. 느린 쪽이 1.2배 이상 걸리면 kept-alive와 " +
          "new-connection 중 빠른 실행을, 아니면 no-clear-difference를 고릅니다.",
      },
    ],
  },
  // --- 4.6 exercises ---
  {
    id: "4.6b",
    section: "4.6",
    title: { en: "Head-of-line blocking in numbers", ko: "수치로 보는 HOL 블로킹(head-of-line blocking)" },
    file: "pipelined-connections.ts",
    export: "pipelinedDoneTimes",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "When is response i ready at the server, and what else has to happen before it may leave?",
        ko: "응답 i는 서버에서 언제 준비되고, 나가기 전에 그 밖에 무엇이 일어나야 할까요?",
      },
      {
        en: "A response can leave no earlier than the one before it. What do you need to remember from one response to the next?",
        ko: "응답은 앞 응답보다 먼저 나갈 수 없습니다. 응답에서 다음 응답으로 넘어갈 때 무엇을 기억해야 할까요?",
      },
      {
        en:
          "Walk the requests in order, remembering when the previous response left. Each response leaves at whichever comes " +
          "later: the moment it is ready (its request's trip to the server plus its own server time) or the previous response's " +
          "departure; it reaches the client one trip after it leaves.",
        ko:
          "앞 응답이 언제 나갔는지 기억하면서 요청을 순서대로 훑습니다. 각 응답은 준비된 시각(요청이 서버까지 가는 시간에 자기 서버 처리 " +
          "시간을 더한 값)과 앞 응답이 나간 시각 중 늦은 쪽에 나가고, 나간 뒤 편도 한 번 만에 클라이언트에 도착합니다.",
      },
    ],
  },
  {
    id: "4.6a",
    section: "4.6",
    title: { en: "After an early close: resend or report?", ko: "커넥션이 일찍 끊긴 뒤: 다시 보낼까, 실패를 알릴까?" },
    file: "pipelined-connections.ts",
    export: "afterEarlyClose",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "Which requests got no answer, and for which of those does sending them twice do the same as sending them once?",
        ko: "어느 요청이 응답을 받지 못했고, 그중 어느 요청은 두 번 보내도 한 번 보낸 것과 같을까요?",
      },
      {
        en: 'Is index `answered` answered or not? And is "get" the same method as GET?',
        ko: '인덱스 `answered`의 요청은 응답을 받았을까요, 못 받았을까요? 그리고 "get"은 GET과 같은 메서드일까요?',
      },
      {
        en:
          "The first `answered` requests are done. Every request after them is unanswered: put its index in `resend` " +
          "when its method is idempotent (GET, HEAD, PUT, DELETE, OPTIONS, TRACE, spelled exactly so) and in `fail` otherwise.",
        ko:
          "처음 `answered`개의 요청은 끝났습니다. 그 뒤의 모든 요청은 응답을 받지 못했습니다. 메서드가 " +
          "멱등(idempotent)이면(GET, HEAD, PUT, DELETE, OPTIONS, TRACE, 정확히 이 철자) 그 " +
          "인덱스를 `resend`에, 아니면 `fail`에 넣습니다.",
      },
    ],
  },
  {
    id: "4.6e",
    section: "4.6",
    title: {
      en: "Predict: how often must a careful client wait before pipelining?",
      ko: "예측: 신중한 클라이언트는 파이프라인을 쓰기 전에 몇 번 기다려야 할까?",
    },
    file: "pipelined-connections.ts",
    export: "predictRequestsSentAlone",
    points: 1,
    kind: "predict",
    hints: [
      {
        en: "What does a client not know about a server it has never talked to, and when does it find out?",
        ko: "한 번도 통신해 본 적 없는 서버에 대해 클라이언트가 모르는 것은 무엇이고, 그것을 언제 알게 될까요?",
      },
      {
        en:
          "The first connection ends without a Connection: close. What does RFC 9112 9.3.2 say a client retrying after such a " +
          "failure must not do on its new connection?",
        ko:
          "첫 커넥션은 Connection: close 없이 끝납니다. 그런 실패 뒤에 다시 시도하는 클라이언트가 새 커넥션에서 하지 말아야 " +
          "할 일에 대해 RFC 9112 9.3.2는 무엇이라고 할까요?",
      },
      {
        en:
          "Follow the six GETs connection by connection: how many does the server answer on each, which are resent, and on which " +
          "connections must the client see one answer before it writes more? Count those waits.",
        ko:
          "GET 여섯 개를 커넥션별로 따라가 보세요. 각 커넥션에서 서버는 몇 개에 답하고, 어느 요청을 다시 보내며, 어느 커넥션에서 " +
          "클라이언트는 더 쓰기 전에 응답 하나를 봐야 할까요? 그 기다림을 셉니다.",
      },
    ],
  },
  {
    id: "4.6c",
    section: "4.6",
    title: { en: "Which methods are idempotent?", ko: "어떤 메서드가 멱등일까?" },
    file: "pipelined-connections.ts",
    export: "isIdempotentMethod",
    points: 1,
    kind: "implement",
    hints: [
      {
        en: "Which methods does RFC 9110 9.2.2 call idempotent? Safe methods are among them, but are they all?",
        ko: "RFC 9110 9.2.2는 어떤 메서드를 멱등(idempotent)이라고 할까요? 안전한 메서드는 그 안에 들지만, 그게 " + "전부일까요?",
      },
      {
        en: 'Is "get" the same method as GET? And what do you know about a method your list does not name?',
        ko: '"get"은 GET과 같은 메서드일까요? 그리고 여러분의 목록에 없는 메서드에 대해서는 무엇을 알 수 있을까요?',
      },
      {
        en:
          "Keep a list of the six idempotent methods of RFC 9110 9.2.2 (GET, HEAD, PUT, DELETE, OPTIONS, TRACE) and check " +
          "membership without changing the case: everything else, known or not, is false. (A lookup with `in` on a plain " +
          "object also finds inherited names such as constructor.)",
        ko:
          "RFC 9110 9.2.2의 멱등 메서드 여섯 개(GET, HEAD, PUT, DELETE, OPTIONS, TRACE) 목록을 " +
          "두고, 대소문자를 바꾸지 않은 채 들어 있는지 확인합니다. 나머지는 알려진 것이든 아니든 모두 false입니다. (평범한 객체에서 " +
          "`in`으로 찾으면 constructor 같은 상속된 이름도 찾아집니다.)",
      },
    ],
  },
  {
    id: "4.6d",
    section: "4.6",
    title: { en: "Which requests may share a pipeline?", ko: "어떤 요청들이 한 파이프라인을 함께 쓸 수 있을까?" },
    file: "pipelined-connections.ts",
    export: "pipelineBatches",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "Under the strict rule, what must a POST wait for before it is sent, and what may be sent right behind it?",
        ko: "엄격한 규칙에서 POST는 보내기 전에 무엇을 기다려야 하고, 그 바로 뒤에는 무엇을 보낼 수 있을까요?",
      },
      {
        en:
          'Which batch does a method your list does not know ("post", FROB) go in? And what happens to the batch still open ' +
          "when the requests run out?",
        ko:
          '여러분의 목록에 없는 메서드("post", FROB)는 어느 배치에 들어갈까요? 그리고 요청이 다 떨어졌을 때 아직 열려 있는 ' +
          "배치는 어떻게 될까요?",
      },
      {
        en:
          "Collect indexes of idempotent requests into the current batch. A non-idempotent request closes the current batch " +
          "(if it has anything), becomes a batch of its own, and a new batch starts after it. Do not forget the last batch.",
        ko:
          "멱등 요청의 인덱스를 현재 배치에 모읍니다. 멱등이 아닌 요청은 현재 배치를 닫고(비어 있지 않다면), 혼자서 배치 하나가 되며, " +
          "그 뒤에 새 배치가 시작됩니다. 마지막 배치를 잊지 마세요.",
      },
    ],
  },
  {
    id: "4.6f",
    section: "4.6",
    title: { en: "Measure: response order and resends in the pipeline lab", ko: "측정: 파이프라인 실험의 응답 순서와 재전송" },
    file: "pipelined-connections.ts",
    export: "predictPipelineLab",
    points: 2,
    kind: "measure",
    hints: [
      {
        en:
          "An HTTP/1.1 response carries no request id. How does a client know which request a response answers, and what does " +
          "that force the server to do with a response it finished early?",
        ko:
          "HTTP/1.1 응답에는 요청 id가 없습니다. 클라이언트는 응답이 어느 요청에 대한 것인지 어떻게 알고, 그 때문에 서버는 일찍 " +
          "끝낸 응답을 어떻게 해야 할까요?",
      },
      {
        en:
          "After each close, which unanswered requests may go again? The server closes every connection after closeAfter " +
          "responses, the new ones too.",
        ko:
          "커넥션이 닫힐 때마다, 응답을 받지 못한 요청 중 어느 것을 다시 보낼 수 있을까요? 서버는 새 커넥션까지 포함해 모든 커넥션을 " +
          "응답 closeAfter개 뒤에 닫습니다.",
      },
      {
        en:
          "order: request order or finish order? resent: play the client: on each connection the first closeAfter pending " +
          "requests are answered; of the rest, the idempotent ones go again together (list each id once, where it was first " +
          'resent). The conclusion: run the lab and read "the server was handed" in your result; is there a request that got ' +
          "no answer on that connection?",
        ko:
          "order: 요청 순서일까요, 완료 순서일까요? resent: 클라이언트가 되어 보세요. 각 커넥션에서 대기 중인 요청 중 처음 " +
          "closeAfter개가 응답을 받습니다. 나머지 중 멱등 요청은 함께 다시 갑니다(id마다 처음 다시 보낸 곳에 한 번만 " +
          "적습니다). 결론: 실험을 실행하고 결과에서 서버가 넘겨받은 요청 수를 읽으세요. 그 커넥션에서 응답을 받지 못한 요청이 있나요?",
      },
    ],
  },
  // --- 4.7 exercises ---
  {
    id: "4.7a",
    section: "4.7",
    title: { en: "Complete, truncated, or read until close?", ko: "완전한가, 잘렸는가, 끊길 때까지 읽는가?" },
    file: "closing-connections.ts",
    export: "bodyStatus",
    points: 2,
    kind: "implement",
    hints: [
      {
        en:
          "Before you look at Content-Length at all: can this response have a body? Which request method, and which status codes, " +
          "rule a body out (RFC 9112 6.3, the first rule)?",
        ko:
          "Content-Length를 보기 전에: 이 응답에 본문이 있을 수 있을까요? 어떤 요청 메서드와 어떤 상태 코드가 본문을 " +
          "배제할까요(RFC 9112 6.3, 첫 번째 규칙)?",
      },
      {
        en:
          "A HEAD request, and the statuses 1xx (all of 100-199), 204 and 304: no body, so nothing can be missing. For the rest, " +
          "is there a promised length to compare with? Careful: Content-Length 0 is a length.",
        ko:
          "HEAD 요청과 상태 1xx(100-199 전부), 204, 304에는 본문이 없으니 빠질 것도 없습니다. 나머지에는 비교할 " +
          "약속된 길이가 있을까요? 주의하세요: Content-Length 0도 길이입니다.",
      },
      {
        en:
          'Order the tests: no-body responses are "complete"; then no Content-Length (undefined) means "read-until-close"; ' +
          'then fewer bytes than promised is "truncated", the promised number or more is "complete".',
        ko:
          '검사 순서를 정합니다. 본문이 없는 응답은 "complete"입니다. 그다음 Content-Length가 ' +
          '없으면(undefined) "read-until-close"입니다. 그다음 약속보다 적은 바이트는 "truncated", 약속한 ' +
          '수 이상은 "complete"입니다.',
      },
    ],
  },
  {
    id: "4.7b",
    section: "4.7",
    title: { en: "FIN or RST: what does closing send?", ko: "FIN일까 RST일까: 끊을 때 무엇을 보낼까?" },
    file: "closing-connections.ts",
    export: "closePackets",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "After each kind of close, can the socket still read? If it can, is there any reason to refuse the peer's bytes?",
        ko: "각 방식으로 끊은 뒤에도 소켓이 읽을 수 있을까요? 읽을 수 있다면 상대가 보낸 바이트를 거절할 이유가 있을까요?",
      },
      {
        en:
          "A half close keeps the reading direction open, so unread or late input is simply read later. A full close leaves " +
          "nobody to read: what can TCP do with input that can never be delivered (RFC 9293 3.6)?",
        ko:
          "절반 끊기(half close)는 읽는 방향을 열어 두므로, 아직 읽지 않았거나 늦게 온 입력은 나중에 읽으면 됩니다. 전체 " +
          "끊기(full close)를 하면 읽을 쪽이 아무도 없습니다. 결코 전달될 수 없는 입력을 TCP는 어떻게 할 수 있을까요(RFC " +
          "9293 3.6)?",
      },
      {
        en:
          '"shutdown-write": always ["FIN"]. "close" with unreadBytes > 0: ["RST"] at once, no FIN. "close" with nothing ' +
          "unread: a FIN, then an RST as well if laterBytes > 0 (they hit the closed socket).",
        ko:
          '"shutdown-write": 언제나 ["FIN"]. unreadBytes > 0인 "close": FIN 없이 곧바로 ' +
          '["RST"]. 읽지 않은 것이 없는 "close": FIN을 보내고, laterBytes > 0이면 RST도 보냅니다(그 ' +
          "바이트가 닫힌 소켓에 부딪힙니다).",
      },
    ],
  },
  {
    id: "4.7c",
    section: "4.7",
    title: { en: "How much of the response survives a reset?", ko: "리셋 뒤에 응답은 얼마나 남을까?" },
    file: "closing-connections.ts",
    export: "bytesReadBeforeReset",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "A segment that has arrived is not yet in the application's hands. When does the application actually read each one?",
        ko: "도착한 세그먼트가 곧바로 애플리케이션의 손에 들어가는 것은 아닙니다. 애플리케이션은 각 세그먼트를 실제로 언제 읽을까요?",
      },
      {
        en: "Compare each segment's read time (not its arrival time) with the reset's arrival. A read at the very moment of the reset still happens.",
        ko:
          "각 세그먼트의 읽기 시각(도착 시각이 아닙니다)을 리셋이 도착한 시각과 비교하세요. 리셋과 정확히 같은 순간의 읽기는 그래도 " +
          "일어납니다.",
      },
      {
        en:
          "For each segment, its read time is atMs + readDelayMs; add up the bytes of the segments whose read time is <= rstAtMs. " +
          "The others were still in the receive buffer when the RST came, and the reset discarded them.",
        ko:
          "각 세그먼트의 읽기 시각은 atMs + readDelayMs입니다. 읽기 시각이 rstAtMs 이하인 세그먼트의 바이트를 " +
          "더합니다. 나머지는 RST가 왔을 때 아직 수신 버퍼에 있었고, 리셋이 그것들을 버렸습니다.",
      },
    ],
  },
  {
    id: "4.7d",
    section: "4.7",
    title: { en: "Design a graceful close", ko: "우아한 커넥션 끊기 설계하기" },
    file: "closing-connections.ts",
    export: "predictGracefulClose",
    points: 2,
    kind: "predict",
    hints: [
      {
        en: "Which step, done too early, leaves bytes of the client's in a socket that nobody will read? What does TCP send then (4.7b)?",
        ko: "어느 단계를 너무 일찍 하면 클라이언트의 바이트가 아무도 읽지 않을 소켓에 남을까요? 그때 TCP는 무엇을 보낼까요(4.7b)?",
      },
      {
        en:
          "The client keeps the connection open while it waits for the answer to request 2: what tells it that no answer is coming, " +
          "so that it closes its side?",
        ko:
          "클라이언트는 요청 2의 응답을 기다리는 동안 커넥션을 열어 둡니다. 응답이 오지 않는다는 것을, 그래서 자기 쪽을 닫아도 된다는 " +
          "것을 무엇이 알려 줄까요?",
      },
      {
        en:
          "Tell the client first (a FIN on your output only), then read whatever it still sends until its own FIN arrives, and close " +
          "only a socket with nothing left to read.",
        ko:
          "먼저 클라이언트에게 알립니다(출력 쪽에만 FIN). 그다음 클라이언트의 FIN이 도착할 때까지 클라이언트가 아직 보내는 것을 " +
          "읽고, 읽을 것이 남지 않은 소켓만 닫습니다.",
      },
    ],
  },
  {
    id: "4.7e",
    section: "4.7",
    title: { en: "The close lab: does the abrupt close lose the response?", ko: "끊기 실험: 갑작스러운 끊기는 응답을 잃을까?" },
    file: "closing-connections.ts",
    export: "predictCloseLab",
    points: 2,
    kind: "measure",
    hints: [
      {
        en: "When the server closes, has the response already reached the client's machine? Has the client's application read it?",
        ko: "서버가 끊을 때, 응답은 이미 클라이언트 컴퓨터에 도착했을까요? 클라이언트 애플리케이션은 그것을 읽었을까요?",
      },
      {
        en:
          "The client is still uploading when the server closes: what does its TCP receive, and what happens to response bytes its " +
          "application has not read when that arrives (notebook 4.7 section 5)?",
        ko:
          "서버가 끊을 때 클라이언트는 아직 업로드하는 중입니다. 클라이언트의 TCP는 무엇을 받고, 그것이 도착할 때 애플리케이션이 아직 " +
          "읽지 않은 응답 바이트는 어떻게 될까요(노트북 4.7의 5절)?",
      },
      {
        en:
          "The abrupt close resets while the client reads 50 ms late, so expect every abrupt run to lose the response; the graceful " +
          "close sends FIN and drains, so expect none to. Run the lab (npm run workbook -- lab close) and compare.",
        ko:
          "갑작스러운 끊기는 클라이언트가 50ms 늦게 읽는 동안 리셋을 보내므로, 갑작스러운 끊기 실행은 모두 응답을 잃으리라 예상합니다. " +
          "우아한 끊기는 FIN을 보내고 남은 입력을 비우므로(drain), 하나도 잃지 않으리라 예상합니다. 실험을 실행하고(npm run " +
          "workbook -- lab close) 비교하세요.",
      },
    ],
  },
  // --- 4.8 exercises ---
  {
    id: "4.8a",
    section: "4.8",
    title: { en: "Responses on a multiplexed connection", ko: "다중화된 커넥션 위의 응답들" },
    file: "multiplexing-and-beyond.ts",
    export: "multiplexedDoneTimes",
    points: 3,
    kind: "implement",
    hints: [
      {
        en: "In what order do the responses use the link? Not the request order: which one is ready first?",
        ko: "응답들은 어떤 순서로 링크를 쓸까요? 요청 순서가 아닙니다. 어느 것이 먼저 준비될까요?",
      },
      {
        en:
          "Each response is ready when its request has arrived and the server has done its work. While one response is on the link, " +
          "a response that becomes ready must wait until the link is free. Bandwidth is in bits per second, sizes in bytes.",
        ko:
          "각 응답은 요청이 도착하고 서버가 일을 마치면 준비됩니다. 한 응답이 링크에 있는 동안 준비된 응답은 링크가 빌 때까지 기다려야 " +
          "합니다. 대역폭은 초당 비트, 크기는 바이트입니다.",
      },
      {
        en:
          "Ready time = rttMs / 2 + serverMs[i]. Sort the indexes by ready time (ties: lower index first) and walk them keeping when " +
          "the link is next free: the last byte leaves at max(ready, free) + bytes * 8000 / bandwidthBps (0 for Infinity) and arrives " +
          "rttMs / 2 later. Store each answer at its own index.",
        ko:
          "준비 시각 = rttMs / 2 + serverMs[i]입니다. 인덱스를 준비 시각으로 정렬하고(같으면 작은 인덱스 먼저), " +
          "링크가 다음에 비는 시각을 기억하며 훑습니다. 마지막 바이트는 max(ready, free) + bytes * 8000 / " +
          "bandwidthBps(Infinity이면 0)에 나가고 rttMs / 2 뒤에 도착합니다. 각 답은 자기 인덱스 자리에 " +
          "저장합니다.",
      },
    ],
  },
  {
    id: "4.8d",
    section: "4.8",
    title: { en: "The multiplex lab: who gets the quick responses out first?", ko: "다중화 실험: 빠른 응답을 먼저 내보내는 쪽은?" },
    file: "multiplexing-and-beyond.ts",
    export: "predictMultiplexLab",
    points: 2,
    kind: "measure",
    hints: [
      {
        en: "Over HTTP/1.1, in what order must responses come back on one connection, and where is the slow one in that order?",
        ko: "HTTP/1.1에서는 한 커넥션의 응답들이 어떤 순서로 돌아와야 하고, 그 순서에서 느린 응답은 어디에 있을까요?",
      },
      {
        en:
          "Over HTTP/2, does a finished quick response have to wait for anything? On loopback a round trip costs microseconds, " +
          "so what is left is the slow request's server time and node's own work per request.",
        ko:
          "HTTP/2에서는 끝난 빠른 응답이 무언가를 기다려야 할까요? 루프백에서는 왕복이 마이크로초 단위이므로, 남는 것은 느린 요청의 " +
          "서버 처리 시간과 요청마다 node가 하는 일입니다.",
      },
      {
        en:
          "Expect HTTP/2 first, with its quick responses done in a small fraction of HTTP/1.1's time (well under a half); HTTP/1.1's " +
          "wait for the slow one. Both use one TCP connection, so the cause is the order rule. Run npm run workbook -- lab multiplex.",
        ko:
          "HTTP/2가 먼저이고, 그 빠른 응답들은 HTTP/1.1 시간의 작은 일부(절반보다 훨씬 적게) 안에 끝나리라 예상합니다. " +
          "HTTP/1.1의 빠른 응답들은 느린 응답을 기다립니다. 둘 다 TCP 커넥션 하나를 쓰니 원인은 순서 규칙입니다. npm run " +
          "workbook -- lab multiplex를 실행하세요.",
      },
    ],
  },
  {
    id: "4.8b",
    section: "4.8",
    title: { en: "Connections per page: HTTP/1.1 against HTTP/2", ko: "페이지당 커넥션 수: HTTP/1.1 대 HTTP/2" },
    file: "multiplexing-and-beyond.ts",
    export: "connectionsForPage",
    points: 2,
    kind: "implement",
    hints: [
      {
        en: "Which requests share a connection? Group them first: what makes two URLs the same origin?",
        ko: "어떤 요청들이 커넥션을 함께 쓸까요? 먼저 묶어 보세요. 두 URL이 같은 출처(origin)라는 것은 무엇으로 정해질까요?",
      },
      {
        en:
          "Scheme, host and port, with the scheme's default port filled in and the host's case ignored. Node's URL class already " +
          "normalises all of that. Then: how many connections does each group get under each protocol?",
        ko:
          "스킴, 호스트, 포트입니다. 포트가 없으면 스킴의 기본 포트로 채우고, 호스트의 대소문자는 무시합니다. Node의 URL 클래스가 " +
          "이미 그것을 모두 정규화합니다. 그다음: 각 프로토콜에서 그룹마다 커넥션이 몇 개일까요?",
      },
      {
        en:
          'new URL(u).origin gives "scheme://host[:port]" with the default port dropped. Count the requests per origin in a Map: ' +
          "HTTP/1.1 adds min(count, perOrigin) for each origin, HTTP/2 is the number of origins.",
        ko:
          'new URL(u).origin은 기본 포트를 뺀 "scheme://host[:port]"를 줍니다. Map으로 출처마다 요청 ' +
          "수를 셉니다. HTTP/1.1은 출처마다 min(count, perOrigin)을 더하고, HTTP/2는 출처의 개수입니다.",
      },
    ],
  },
  {
    id: "4.8e",
    section: "4.8",
    title: { en: "One lost packet: which streams wait, and how long?", ko: "패킷 하나를 잃으면: 어떤 스트림이, 얼마나 기다릴까?" },
    file: "multiplexing-and-beyond.ts",
    export: "predictLossStall",
    points: 2,
    kind: "predict",
    hints: [
      {
        en:
          "TCP hands the application one byte stream, in order. Can it deliver bytes that came after a hole before the hole is filled, " +
          "whichever stream they belong to?",
        ko:
          "TCP는 애플리케이션에 순서가 지켜진 바이트 스트림 하나를 넘깁니다. 구멍 뒤에 온 바이트를, 어느 스트림에 속하든, 구멍이 " +
          "메워지기 전에 전달할 수 있을까요?",
      },
      {
        en:
          "How does the sender learn of the loss here: a timer, or the duplicate ACKs of the packets that follow the hole? How many " +
          "packets follow it?",
        ko:
          "여기서 송신자는 손실을 어떻게 알게 될까요? 타이머일까요, 구멍 뒤에 오는 패킷들의 중복 ACK일까요? 구멍 뒤에 패킷이 몇 개 " +
          "오나요?",
      },
      {
        en:
          "Count the streams that have a packet after packet 2, for TCP; for QUIC, only the lost packet's stream waits. The repair: the " +
          "third duplicate ACK goes back (half an RTT), the copy comes out (half an RTT), plus a few 1.2 ms packet times.",
        ko:
          "TCP에서는 패킷 2 뒤에 패킷이 있는 스트림을 셉니다. QUIC에서는 잃어버린 패킷의 스트림만 기다립니다. 복구 시간: 세 번째 " +
          "중복 ACK가 돌아가고(RTT의 절반), 사본이 나오고(RTT의 절반), 여기에 1.2ms짜리 패킷 시간 몇 개가 더해집니다.",
      },
    ],
  },
  {
    id: "4.8c",
    section: "4.8",
    title: { en: "Time to first byte: TCP + TLS 1.3 against QUIC", ko: "첫 바이트까지의 시간: TCP + TLS 1.3 대 QUIC" },
    file: "multiplexing-and-beyond.ts",
    export: "predictTimeToFirstByte",
    points: 2,
    kind: "predict",
    hints: [
      {
        en: "List the round trips that must be over before the GET may leave, for each stack. Then: is the GET answered the moment it leaves?",
        ko: "각 스택마다 GET이 떠나기 전에 끝나야 하는 왕복을 나열해 보세요. 그리고 GET은 떠나는 순간 응답을 받을까요?",
      },
      {
        en:
          "TCP's handshake is one round trip and TLS 1.3's is one more, after it. QUIC's first packets carry the TLS handshake. " +
          "After the setup, the request goes out and the first byte comes back, and the server works in between.",
        ko:
          "TCP 핸드셰이크는 왕복 한 번이고, TLS 1.3 핸드셰이크가 그 뒤에 왕복 한 번을 더합니다. QUIC의 첫 패킷들은 TLS " +
          "핸드셰이크를 싣고 갑니다. 준비가 끝나면 요청이 나가고 첫 바이트가 돌아오며, 그 사이에 서버가 일합니다.",
      },
      {
        en: "Time to first byte = (setup round trips + 1) x RTT + server time: TCP + TLS 1.3 has 2 round trips of setup, QUIC 1.",
        ko: "첫 바이트까지의 시간 = (준비 왕복 수 + 1) x RTT + 서버 시간입니다. TCP + TLS 1.3은 준비에 왕복 2번, " + "QUIC은 1번이 듭니다.",
      },
    ],
  },
  {
    id: "4.8f",
    section: "4.8",
    title: { en: "Under loss: which HTTP loads the page first?", ko: "손실이 있을 때: 어느 HTTP가 페이지를 먼저 받을까?" },
    file: "multiplexing-and-beyond.ts",
    export: "predictLossRanking",
    points: 2,
    kind: "predict",
    hints: [
      {
        en:
          "Without loss, count round trips: the handshakes before the first request, and how many objects each connection " +
          "fetches one after another.",
        ko: "손실이 없을 때는 왕복을 세어 보세요. 첫 요청 전의 핸드셰이크, 그리고 커넥션마다 객체를 몇 개씩 차례로 가져오는지입니다.",
      },
      {
        en:
          "With loss, ask what one lost packet holds up: on one TCP connection, every response behind it in the byte stream and " +
          "the one congestion window they all share; on six connections, one connection of six; on QUIC, only the stream whose " +
          "data it carried.",
        ko:
          "손실이 있을 때는 잃어버린 패킷 하나가 무엇을 붙잡는지 물어보세요. TCP 커넥션 하나에서는 바이트 스트림에서 그 뒤에 있는 " +
          "모든 응답과, 모두가 함께 쓰는 혼잡 윈도 하나입니다. 커넥션 여섯 개에서는 여섯 가운데 하나입니다. QUIC에서는 그 패킷이 " +
          "데이터를 싣고 있던 스트림뿐입니다.",
      },
      {
        en:
          "No loss: HTTP/3 (one round trip less to set up), HTTP/2, then HTTP/1.1 far behind (each of its six connections fetches " +
          "seven objects in turn). At 5 %: HTTP/3 stays first, but HTTP/2's one connection now stalls at every loss and falls behind " +
          "HTTP/1.1's six.",
        ko:
          "손실이 없으면 HTTP/3(설정 왕복이 한 번 적음), HTTP/2, 그리고 한참 뒤에 HTTP/1.1입니다(커넥션 여섯 개가 저마다 객체 " +
          "일곱 개를 차례로 가져옵니다). 5 %에서는 HTTP/3가 여전히 먼저지만, HTTP/2의 커넥션 하나는 손실마다 멈춰 서서 " +
          "HTTP/1.1의 커넥션 여섯 개보다 뒤처집니다.",
      },
    ],
  },
  {
    id: "4.8g",
    section: "4.8",
    title: { en: "One lost packet: how late is the next response?", ko: "패킷 하나를 잃으면: 다음 응답은 얼마나 늦어질까?" },
    file: "multiplexing-and-beyond.ts",
    export: "predictOneLossDelay",
    points: 2,
    kind: "predict",
    hints: [
      {
        en: "Every packet of object 4 arrives. Over which protocol may the browser use them before the hole in object 3 is filled?",
        ko: "객체 4의 패킷은 모두 도착합니다. 어느 프로토콜에서 브라우저가 객체 3의 구멍이 메워지기 전에 그 패킷들을 쓸 수 있을까요?",
      },
      {
        en:
          "Over HTTP/2, TCP hands over nothing behind the hole until the copy arrives. Many packets follow the lost one: how does " +
          "the sender learn of the loss, and how long do the news going back and the copy coming out take?",
        ko:
          "HTTP/2에서 TCP는 사본이 도착할 때까지 구멍 뒤의 어떤 것도 넘기지 않습니다. 잃어버린 패킷 뒤로 패킷이 많이 따라옵니다. " +
          "송신 측은 손실을 어떻게 알게 되고, 그 소식이 돌아가고 사본이 다시 오는 데 얼마나 걸릴까요?",
      },
      {
        en:
          "HTTP/2: a round trip (50 ms) and more: the duplicate ACKs build up and travel back, the copy travels out, and the " +
          "sender may hold it a little while its halved window drains. HTTP/3: object 4's stream lost nothing, so 0.",
        ko:
          "HTTP/2: 왕복 한 번(50 ms)보다 조금 더 깁니다. 중복 ACK가 쌓여 되돌아가고 사본이 건너오며, 송신 측이 절반으로 줄인 " +
          "윈도가 빠지는 동안 사본을 잠시 붙잡아 둘 수도 있습니다. HTTP/3: 객체 4의 스트림은 아무것도 잃지 않았으므로 0입니다.",
      },
    ],
  },
];

/** The points the given exercises are worth together. */
export const pointsOf = (exercises: readonly Exercise[]): number => exercises.reduce((sum, e) => sum + e.points, 0);

/** Valid ids, in catalogue order. */
export const exerciseIds = (): string[] => catalogue.map((e) => e.id);

/** The exercise files, in catalogue order: "tcp-connections.ts" ... */
export const exerciseFiles = (): string[] => [...new Set(catalogue.map((e) => e.file))];

/** The exercise with this id, or an error listing the valid ones. */
/**
 * An id as given, for a message: JSON-quoted, cut after 100 characters, the
 * invisible format characters (a right-to-left override) as \u codes; not a
 * string: its type (JSON.stringify has no text for a Symbol, and throws on a BigInt).
 */
function shownId(id: unknown): string {
  if (typeof id !== "string") return typeof id;
  const text = JSON.stringify(id.length > 100 ? `${id.slice(0, 100)}...` : id);
  return text.replace(/\p{Cf}/gu, (c) => {
    const code = c.codePointAt(0) as number;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

export function findExercise(id: unknown): Exercise {
  const found = catalogue.find((e) => e.id === id);
  if (!found) {
    const err = new RangeError(say.unknownExercise({ id: shownId(id), ids: exerciseIds().join(", ") }));
    (err as NodeJS.ErrnoException).code = "ERR_WORKBOOK_UNKNOWN_EXERCISE";
    throw err;
  }
  return found;
}

export function findSection(id: string): Section | undefined {
  return sections.find((s) => s.id === id);
}
