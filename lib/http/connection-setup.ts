/**
 * Connection setup before the first request byte can leave, per transport
 * stack: the round trips each handshake costs and the flights it sends.
 * One table, read by notebook 4.8 (the cells after its 4.8c prediction).
 *
 * Sources: RFC 9293 (TCP's three-way handshake), RFC 7413 (TCP Fast Open:
 * the request rides in the SYN once a cookie is known), RFC 5246 (TLS 1.2
 * full handshake: two round trips), RFC 8446 (TLS 1.3: one), RFC 9000 / 9001
 * (QUIC: transport and TLS 1.3 handshakes together, one round trip; 0-RTT
 * on resumption). Assumes no loss, no HelloRetryRequest, no session
 * resumption unless the stack's name says so.
 */
import { checkChoice } from "../errors";
import { messages, verbatim, type Localized, type Message } from "../i18n";

const say = messages("http/connection-setup", {
  tcpName: { en: "TCP, plain HTTP", ko: "TCP, 일반 HTTP" },
  fastOpenName: { en: "TCP Fast Open, repeat visit", ko: "TCP Fast Open, 재방문" },
  quic0rttName: { en: "QUIC, 0-RTT resumption", ko: "QUIC, 0-RTT 재개(resumption)" },
  ackRequest: { en: "C→S ACK + request", ko: "C→S ACK + 요청" },
  synCookieRequest: { en: "C→S SYN + cookie + request", ko: "C→S SYN + 쿠키 + 요청" },
  synAckResponse: { en: "S→C SYN-ACK + response", ko: "S→C SYN-ACK + 응답" },
  request: { en: "C→S request", ko: "C→S 요청" },
  clientHelloKeyShare: { en: "C→S ACK + ClientHello (key share)", ko: "C→S ACK + ClientHello(키 공유, key share)" },
  finishedRequest: { en: "C→S Finished + request", ko: "C→S Finished + 요청" },
  quicFinishedRequest: { en: "C→S Handshake: Finished + request", ko: "C→S Handshake: Finished + 요청" },
  quic0rttRequest: { en: "C→S Initial: ClientHello + 0-RTT request", ko: "C→S Initial: ClientHello + 0-RTT 요청" },
  response: { en: "S→C ... response", ko: "S→C ... 응답" },
  tcpNote: {
    en: "the three-way handshake (RFC 9293; lib/tcp/handshake.ts); the request rides on the third packet",
    ko: "3방향 핸드셰이크(three-way handshake, RFC 9293; lib/tcp/handshake.ts). 요청은 세 번째 패킷에 실려 갑니다",
  },
  fastOpenNote: {
    en: "RFC 7413: needs a cookie from an earlier connection; plain HTTP",
    ko: "RFC 7413: 이전 커넥션에서 받은 쿠키가 있어야 합니다. 일반 HTTP",
  },
  tls12Note: {
    en: "TCP's handshake, then a full TLS 1.2 handshake (RFC 5246): 1 + 2",
    ko: "TCP 핸드셰이크 뒤에 TLS 1.2 전체 핸드셰이크(RFC 5246): 1 + 2",
  },
  tls13Note: {
    en: "TLS 1.3 needs one round trip (RFC 8446), after TCP's own: 1 + 1 (0-RTT resumption over TCP: 1 + 0)",
    ko: "TLS 1.3은 TCP 핸드셰이크 뒤에 왕복 한 번이 더 필요합니다(RFC 8446): 1 + 1 (TCP 위의 0-RTT 재개: 1 + 0)",
  },
  quicNote: {
    en: "transport and TLS 1.3 handshakes in the same packets (RFC 9000 / 9001)",
    ko: "전송 계층 핸드셰이크와 TLS 1.3 핸드셰이크를 같은 패킷에 싣습니다(RFC 9000 / 9001)",
  },
  quic0rttNote: {
    en: "needs a ticket from an earlier connection; a 0-RTT request can be replayed, so only safe (idempotent) requests",
    ko: "이전 커넥션에서 받은 티켓이 있어야 합니다. 0-RTT 요청은 재생(replay)될 수 있으므로 안전한(멱등) 요청만 보냅니다",
  },
});

export type SetupStack = "tcp" | "tcp-fastopen" | "tcp+tls1.2" | "tcp+tls1.3" | "quic" | "quic-0rtt";

/**
 * One stack's setup. `name`, `flights` and `note` are read in the reader's
 * language at the moment they are read (they are getters), so one table
 * serves a notebook whatever language it runs in.
 */
export interface ConnectionSetup {
  readonly stack: SetupStack;
  readonly name: string;
  /** round trips before the request may be sent */
  readonly roundTrips: number;
  /** the packets' flights in order, "C→S ..." or "S→C ..." */
  readonly flights: string[];
  /** why, with the RFC */
  readonly note: string;
}

/** A text of the table: a message, or protocol names that read the same in both languages. */
type Wording = Message | string;
const show = (w: Wording): Localized => (typeof w === "string" ? verbatim(w) : w());

function setup(stack: SetupStack, name: Wording, roundTrips: number, flights: readonly Wording[], note: Message): ConnectionSetup {
  return Object.freeze({
    stack,
    get name() {
      return show(name);
    },
    roundTrips,
    get flights() {
      return flights.map(show);
    },
    get note() {
      return note();
    },
  });
}

export const CONNECTION_SETUPS: readonly ConnectionSetup[] = [
  setup("tcp", say.tcpName, 1, ["C→S SYN", "S→C SYN-ACK", say.ackRequest], say.tcpNote),
  setup("tcp-fastopen", say.fastOpenName, 0, [say.synCookieRequest, say.synAckResponse], say.fastOpenNote),
  setup(
    "tcp+tls1.2",
    "TCP + TLS 1.2",
    1 + 2,
    [
      "C→S SYN",
      "S→C SYN-ACK",
      "C→S ACK + ClientHello",
      "S→C ServerHello, Certificate, ServerHelloDone",
      "C→S ClientKeyExchange, ChangeCipherSpec, Finished",
      "S→C ChangeCipherSpec, Finished",
      say.request,
    ],
    say.tls12Note,
  ),
  setup(
    "tcp+tls1.3",
    "TCP + TLS 1.3",
    1 + 1,
    ["C→S SYN", "S→C SYN-ACK", say.clientHelloKeyShare, "S→C ServerHello ... Finished", say.finishedRequest],
    say.tls13Note,
  ),
  setup(
    "quic",
    "QUIC (HTTP/3)",
    1,
    ["C→S Initial: ClientHello", "S→C Initial + Handshake: ServerHello ... Finished", say.quicFinishedRequest],
    say.quicNote,
  ),
  setup("quic-0rtt", say.quic0rttName, 0, [say.quic0rttRequest, say.response], say.quic0rttNote),
];

export const SETUP_STACKS: readonly SetupStack[] = CONNECTION_SETUPS.map((s) => s.stack);

/** The setup of one stack; an unknown name is a RangeError listing the valid ones. */
export function connectionSetup(stack: SetupStack): ConnectionSetup {
  const name = checkChoice("stack", stack, SETUP_STACKS);
  return CONNECTION_SETUPS.find((s) => s.stack === name)!;
}
