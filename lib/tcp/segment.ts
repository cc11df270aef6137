/**
 * Segmentation: how TCP cuts an application's byte stream into segments and
 * what each one costs on the wire.
 *
 * Assumptions: every segment carries at most `mss` payload bytes (RFC 9293
 * 3.7.1) and travels in its own IP packet with fixed-size IP and TCP headers
 * (20 + 20 bytes, no options; RFC 791, RFC 9293 3.1). Link-layer framing is
 * not counted. Zero bytes still need one packet to say anything, so
 * `segment(0)` is one empty segment (a pure ACK has exactly this cost).
 */
import { checkNumber, optionalNumber, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";
import { DEFAULT_MSS, IP_HEADER_BYTES, TCP_HEADER_BYTES } from "./constants";
import type { TcpOptions } from "./options";

const say = messages("tcp/segment", {
  tooManySegments: {
    en: "at most {max} segments of mss {mss} ({bytes} bytes)",
    ko: "mss {mss}인 세그먼트 {max}개 이하({bytes}바이트 이하)",
  },
});

/** The most segments one call will list (10 million payloads is already ~80 MB). */
export const MAX_SEGMENTS = 10_000_000;

export interface SegmentOptions extends Pick<TcpOptions, "mss"> {
  ipHeaderBytes?: number;
  tcpHeaderBytes?: number;
}

export interface Segmentation {
  /** how many segments (= IP packets) the bytes need */
  segments: number;
  /** payload bytes of each segment, in order */
  payloads: number[];
  /** payload plus every packet's headers */
  wireBytes: number;
  /** header bytes / wire bytes: the share of the wire spent on headers */
  overheadRatio: number;
}

export function segment(bytes: number, options?: SegmentOptions): Segmentation {
  const totals = segmentTotals(bytes, options);
  const { segments, mss } = totals;
  if (segments > MAX_SEGMENTS) outOfRange("bytes", say.tooManySegments({ max: MAX_SEGMENTS, mss, bytes: MAX_SEGMENTS * mss }), bytes);
  const payloads = Array.from({ length: segments }, (_, i) => Math.min(mss, bytes - i * mss));
  return { segments, payloads, wireBytes: totals.wireBytes, overheadRatio: totals.overheadRatio };
}

export interface SegmentTotals {
  segments: number;
  wireBytes: number;
  overheadRatio: number;
  /** the MSS the bytes were cut with */
  mss: number;
}

/**
 * segment()'s counts without the list of payloads: any size up to 2^53
 * bytes, in constant time and memory (for wire times and charts).
 */
export function segmentTotals(bytes: number, options?: SegmentOptions): SegmentTotals {
  checkNumber("bytes", bytes, { min: 0, integer: true, max: MAX_QUANTITY });
  const opts = optionsObject("options", options);
  const mss = optionalNumber("mss", opts.mss, DEFAULT_MSS, { min: 1, integer: true, max: MAX_QUANTITY });
  const ip = optionalNumber("ipHeaderBytes", opts.ipHeaderBytes, IP_HEADER_BYTES, { min: 0, integer: true, max: MAX_QUANTITY });
  const tcp = optionalNumber("tcpHeaderBytes", opts.tcpHeaderBytes, TCP_HEADER_BYTES, { min: 0, integer: true, max: MAX_QUANTITY });
  const segments = Math.max(1, Math.ceil(bytes / mss));
  const headerBytes = segments * (ip + tcp);
  const wireBytes = bytes + headerBytes;
  return { segments, wireBytes, overheadRatio: wireBytes === 0 ? 0 : headerBytes / wireBytes, mss };
}
