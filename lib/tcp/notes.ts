/**
 * What TCP's own packets mean, as trace notes (trace.ts `note`), in the
 * reader's language: one table, so that the closed-form handshake
 * (handshake.ts) and the simulator (lib/sim) use the same words for the same
 * packets. lib/index does not export it: notes are read in traces.
 */
import { messages, type Language } from "../i18n";

export const packetNotes = messages("tcp/notes", {
  open: { en: "open", ko: "커넥션 열기" },
  accept: { en: "accept", ko: "수락" },
  handshake: { en: "handshake", ko: "핸드셰이크" },
  requestOnAck: { en: "request rides on the ACK", ko: "요청이 ACK에 실려 감" },
  close: { en: "close", ko: "닫기" },
  delayedAckOff: { en: "delayed ACK off", ko: "확인응답 지연 꺼짐" },
  secondFullSegment: { en: "2nd full segment", ko: "최대 크기 세그먼트 2개째" },
  delayedAckTimer: { en: "delayed-ACK timer", ko: "확인응답 지연 타이머" },
  acksFin: { en: "acks FIN", ko: "FIN 확인응답" },
  quickAck: { en: "quick ACK", ko: "빠른 확인응답(quick ACK)" },
  afterRead: { en: "ACK after the read", ko: "읽은 뒤 바로 확인응답" },
  outOfOrder: { en: "dup ACK: out of order", ko: "중복 ACK: 순서가 어긋남" },
  duplicate: { en: "dup ACK: old data again", ko: "중복 ACK: 이미 받은 데이터" },
  fillsHole: { en: "hole filled", ko: "빈자리 채워짐" },
  retransmission: { en: "retransmission", ko: "재전송" },
  probe: { en: "tail-loss probe", ko: "꼬리 손실 탐침(tail-loss probe)" },
});

export type PacketNote = keyof typeof packetNotes;

/**
 * A note in a language fixed beforehand: the simulator resolves the language
 * once per connection, not once for every packet it sends.
 */
export function packetNote(key: PacketNote, lang: Language): string {
  return packetNotes[key].text[lang];
}
