/**
 * A text picture of the IP packets that carry a message: each packet is an
 * IP header, a TCP header and a piece of the byte stream (the book's
 * "IP packet = IP header + TCP segment header + TCP data").
 */
import { segment, SegmentOptions } from "../tcp/segment";
import { IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";

export function packetLayout(bytes: number, options: SegmentOptions = {}, maxPackets = 4): string {
  const s = segment(bytes, options);
  const ip = options.ipHeaderBytes ?? IP_HEADER_BYTES;
  const tcp = options.tcpHeaderBytes ?? TCP_HEADER_BYTES;
  const rows = s.payloads.slice(0, maxPackets).map((p, i) => {
    const cells = [` IP ${ip} B `, ` TCP ${tcp} B `, ` data ${p} B `];
    const border = `+${cells.map((c) => "-".repeat(c.length)).join("+")}+`;
    return `packet ${i + 1}\n${border}\n|${cells.join("|")}|\n${border}`;
  });
  const more = s.segments > maxPackets ? `\n... and ${s.segments - maxPackets} more packets` : "";
  return `${rows.join("\n")}${more}\n${bytes} bytes of stream -> ${s.segments} packet(s), ${s.wireBytes} bytes on the wire`;
}
