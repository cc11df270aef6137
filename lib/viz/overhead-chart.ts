/**
 * The header overhead of a message against its size, as a terminal chart
 * (asciichart). Small messages are nearly all header; the saw-tooth after
 * each multiple of the MSS is the one extra, mostly empty, packet.
 */
import * as asciichart from "asciichart";
import { optionalNumber, optionsObject, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";
import { segmentTotals, type SegmentOptions } from "../tcp/segment";
import { MAX_CHART_COLUMNS, MAX_CHART_ROWS } from "./chart-limits";

const say = messages("viz/overhead-chart", {
  title: {
    en: "header share of the bytes on the wire, messages of 1 .. {max} bytes",
    ko: "회선에 실리는 바이트 중 헤더의 비율, 메시지 크기 1 .. {max}바이트",
  },
  axisStart: { en: "1 byte", ko: "1바이트" },
  axisEnd: { en: "{max} bytes (log scale)", ko: "{max}바이트 (로그 눈금)" },
});

export interface OverheadChartOptions extends SegmentOptions {
  /** largest message size to plot, bytes (default 4 * MSS) */
  maxBytes?: number;
  /** plot width in points (default 60) */
  width?: number;
  height?: number;
}

/** Overhead in percent for message sizes 1..maxBytes, sampled `width` times on a log scale. */
export function overheadSeries(options: OverheadChartOptions = {}): { bytes: number[]; percent: number[] } {
  const o = optionsObject("options", options);
  const mss = optionalNumber("mss", o.mss, 1460, { min: 1, integer: true, max: MAX_QUANTITY });
  const maxBytes = optionalNumber("maxBytes", o.maxBytes, 4 * mss, { min: 1, integer: true, max: MAX_QUANTITY });
  const width = optionalNumber("width", o.width, 60, { min: 2, max: MAX_CHART_COLUMNS, integer: true });
  // Log scale: a 1-byte keystroke and a 4-segment image both get room.
  const bytes = Array.from({ length: width }, (_, i) => Math.max(1, Math.round(maxBytes ** (i / (width - 1)))));
  // the counts only: segment() would list every payload of a multi-gigabyte message
  const percent = bytes.map((b) => 100 * segmentTotals(b, { ...o, mss }).overheadRatio);
  return { bytes, percent };
}

export function overheadChart(options: OverheadChartOptions = {}): string {
  const o = optionsObject("options", options); // read once: the series and the height come from the same copy
  const { bytes, percent } = overheadSeries(o);
  const height = optionalNumber("height", o.height, 10, { min: 2, max: MAX_CHART_ROWS, integer: true });
  const plot = asciichart.plot(percent, { height, format: (v: number) => `${v.toFixed(0).padStart(4)} %` });
  const max = bytes[bytes.length - 1];
  return (
    `${say.title({ max })}\n${plot}\n` +
    `       ${say.axisStart()} ${"".padEnd(Math.max(0, bytes.length - 30), "─")}> ${say.axisEnd({ max })}`
  );
}
