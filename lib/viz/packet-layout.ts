/**
 * A text picture of the IP packets that carry a message: each packet is an
 * IP header, a TCP header and a piece of the byte stream (the book's
 * "IP packet = IP header + TCP segment header + TCP data").
 */
import { checkNumber } from "../errors";
import { segmentTotals, SegmentOptions } from "../tcp/segment";
import { IP_HEADER_BYTES, TCP_HEADER_BYTES } from "../tcp/constants";
import { MAX_CHART_ROWS } from "./chart-limits";

/** The first `maxPackets` packets (at most MAX_CHART_ROWS) of `bytes`, drawn; the rest counted. */
export function packetLayout(bytes: number, options: SegmentOptions = {}, maxPackets = 4): string {
  const s = segmentTotals(bytes, options); // counts only: the bytes may be gigabytes
  checkNumber("maxPackets", maxPackets, { min: 1, max: MAX_CHART_ROWS, integer: true });
  const ip = options.ipHeaderBytes ?? IP_HEADER_BYTES;
  const tcp = options.tcpHeaderBytes ?? TCP_HEADER_BYTES;
  const shown = Array.from({ length: Math.min(s.segments, maxPackets) }, (_, i) => Math.min(s.mss, bytes - i * s.mss));
  const rows = shown.map((p, i) => {
    const cells = [` IP ${ip} B `, ` TCP ${tcp} B `, ` data ${p} B `];
    const border = `+${cells.map((c) => "-".repeat(c.length)).join("+")}+`;
    return `packet ${i + 1}\n${border}\n|${cells.join("|")}|\n${border}`;
  });
  const more = s.segments > maxPackets ? `\n... and ${s.segments - maxPackets} more packets` : "";
  return `${rows.join("\n")}${more}\n${bytes} bytes of stream -> ${s.segments} packet(s), ${s.wireBytes} bytes on the wire`;
}
