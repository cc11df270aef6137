/**
 * A text picture of the IP packets that carry a message: each packet is an
 * IP header, a TCP header and a piece of the byte stream (the book's
 * "IP packet = IP header + TCP segment header + TCP data").
 */
import { checkNumber, optionsObject } from "../errors";
import { messages } from "../i18n";
import { segmentTotals, type SegmentOptions } from "../tcp/segment";
import { IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { MAX_CHART_ROWS } from "./chart-limits";
import { displayWidth } from "./text-width";

const say = messages("viz/packet-layout", {
  packet: { en: "packet {n}", ko: "패킷 {n}" },
  data: { en: "data {bytes} B", ko: "데이터 {bytes} B" },
  more: { en: "... and {n} more packets", ko: "... 그리고 패킷 {n}개 더" },
  summary: {
    en: "{bytes} bytes of stream -> {segments} packet(s), {wire} bytes on the wire",
    ko: "스트림 {bytes}바이트 -> 패킷 {segments}개, 회선에 실리는 바이트 {wire}바이트",
  },
});

/** The first `maxPackets` packets (at most MAX_CHART_ROWS) of `bytes`, drawn; the rest counted. */
export function packetLayout(bytes: number, options: SegmentOptions = {}, maxPackets = 4): string {
  // one read of each option: the counts and the picture use the same copy (a getter could answer each differently)
  const o = optionsObject("options", options);
  const s = segmentTotals(bytes, o); // counts only: the bytes may be gigabytes
  checkNumber("maxPackets", maxPackets, { min: 1, max: MAX_CHART_ROWS, integer: true });
  const ip = o.ipHeaderBytes ?? IP_HEADER_BYTES;
  const tcp = o.tcpHeaderBytes ?? TCP_HEADER_BYTES;
  const shown = Array.from({ length: Math.min(s.segments, maxPackets) }, (_, i) => Math.min(s.mss, bytes - i * s.mss));
  const rows = shown.map((p, i) => {
    const cells = [` IP ${ip} B `, ` TCP ${tcp} B `, ` ${say.data({ bytes: p })} `];
    const border = `+${cells.map((c) => "-".repeat(displayWidth(c))).join("+")}+`;
    return `${say.packet({ n: i + 1 })}\n${border}\n|${cells.join("|")}|\n${border}`;
  });
  const more = s.segments > maxPackets ? `\n${say.more({ n: s.segments - maxPackets })}` : "";
  return `${rows.join("\n")}${more}\n${say.summary({ bytes, segments: s.segments, wire: s.wireBytes })}`;
}
