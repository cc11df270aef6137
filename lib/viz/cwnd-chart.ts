/**
 * cwnd per round as a terminal chart (asciichart), for slowStart's result or
 * any list of window sizes. Each round is drawn as a flat step `columnsPerRound`
 * wide, so a handful of rounds still reads as a staircase: doubling without
 * delayed ACK, about 1.5x with it under RFC 5681's strict rule (Linux keeps
 * doubling), flat once a receive window or the link caps it.
 */
// Named import: @types/asciichart types the default export as a colour string, so `import asciichart from` fails tsc.
import { plot } from "asciichart";
import { checkNumber, checkString, expected, isArray, listOf, optionalNumber, optionsObject, outOfRange, RULES } from "../errors";
import { messages } from "../i18n";
import { MAX_CHART_COLUMNS, MAX_CHART_ROWS } from "./chart-limits";
import { displayWidth, padEndWidth, padStartWidth } from "./text-width";

const say = messages("viz/cwnd-chart", {
  arrayOfNumbers: { en: "an array of numbers", ko: "숫자 배열" },
  atMostRounds: {
    en: "at most {max} rounds (one chart column each at least)",
    ko: "최대 {max}라운드 (라운드마다 차트 열이 적어도 하나)",
  },
  columnsLimit: {
    en: "at most {max} for {rounds} rounds (a chart is at most {columns} columns wide)",
    ko: "라운드가 {rounds}개일 때 최대 {max} (차트 폭은 최대 {columns}열)",
  },
  title: { en: "cwnd (segments) per round", ko: "라운드별 혼잡 윈도(cwnd, 세그먼트 수)" },
  round: { en: "round", ko: "라운드" },
});

export interface CwndChartOptions {
  /** rows of the plot (default 10) */
  height?: number;
  /** characters per round (default: about 60 characters in all) */
  columnsPerRound?: number;
  /** a line printed above the chart (default: "cwnd (segments) per round", in the reader's language) */
  title?: string;
}

/** Anything with cwnd per round: slowStart's result, or the plain list. */
export type CwndSeries = number[] | { cwndPerRound: number[] };

const LABEL_WIDTH = 6;

function readSeries(input: CwndSeries): number[] {
  const list = isArray(input) ? input : optionsObject("input", input).cwndPerRound;
  // holes included: a hole is refused as cwndPerRound[i]
  const rounds = listOf("cwndPerRound", list, say.arrayOfNumbers(), (v, at) => checkNumber(at, v, RULES.quantity), {
    count: MAX_CHART_COLUMNS,
    tooMany: say.atMostRounds({ max: MAX_CHART_COLUMNS }),
  });
  if (rounds.length === 0) outOfRange("cwndPerRound", expected.nonEmptyArray(), list);
  return rounds;
}

/** A title is a string: nothing that prints as "[object Object]" or "NaN". */
function chartTitle(value: unknown, fallback: string): string {
  return value === undefined ? fallback : checkString("title", value);
}

/** The round numbers, each under the middle of its step. */
function roundAxis(rounds: number, columns: number): string {
  let line = " ".repeat(LABEL_WIDTH + 2);
  for (let r = 1; r <= rounds; r++) {
    const label = String(r);
    const width = displayWidth(label);
    const cell = width <= columns ? padEndWidth(padStartWidth(label, Math.ceil((columns + width) / 2)), columns) : "";
    line += cell;
  }
  return `${line.trimEnd()}\n${" ".repeat(LABEL_WIDTH + 2)}${say.round()}`;
}

/** Returns the chart as a string (no colours, so it prints the same everywhere). */
export function cwndChart(input: CwndSeries, options?: CwndChartOptions): string {
  const cwnd = readSeries(input);
  const o = optionsObject("options", options);
  const height = optionalNumber("height", o.height, 10, { min: 2, max: MAX_CHART_ROWS, integer: true });
  const columns = optionalNumber("columnsPerRound", o.columnsPerRound, Math.max(1, Math.floor(60 / cwnd.length)), {
    min: 1,
    integer: true,
  });
  if (columns * cwnd.length > MAX_CHART_COLUMNS) {
    outOfRange(
      "columnsPerRound",
      say.columnsLimit({ max: Math.floor(MAX_CHART_COLUMNS / cwnd.length), rounds: cwnd.length, columns: MAX_CHART_COLUMNS }),
      columns,
    );
  }

  const steps = cwnd.flatMap((v) => Array<number>(columns).fill(v));
  // asciichart needs a range to draw; a single flat value gets a 0 baseline.
  const chart = plot(steps, {
    height,
    min: 0,
    format: (x: number) => x.toFixed(0).padStart(LABEL_WIDTH),
  });
  const title = chartTitle(o.title, say.title());
  return `${title}\n${chart}\n${roundAxis(cwnd.length, columns)}`;
}
