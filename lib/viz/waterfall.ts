/**
 * A page load drawn as a waterfall, the picture browsers' developer tools
 * show: one row per request, on a shared time axis, each bar cut into the
 * phases the request went through.
 *
 *   queued   the browser wants it but has no connection for it yet
 *   connect  the TCP handshake of a new connection (SYN to SYN-ACK back)
 *   request  the request's trip to the server
 *   wait     server think time plus the response's first trip back
 *   receive  first response byte to last (slow start and bandwidth live here)
 *
 * The rows come from a simulatePageLoad result: its `requests` timings are
 * read off the same simulated packets as its `trace` (page-load-session.ts
 * says which event sets each one).
 *
 * Two renderings: `waterfallText` for the terminal and notebook output, and
 * `waterfallSpec`, a Vega-Lite v5 spec (a plain object) that a notebook shows
 * with tslab.display.raw("application/vnd.vegalite.v5+json", spec as any).
 * The phases keep their names in the data (`phase: "connect"`); the legend,
 * the axis and tooltip titles, and the text legend are in the reader's
 * language, and the text is laid out by display width.
 */
import { checkNumber, checkString, listOf, optionalBoolean, optionalNumber, optionsObject } from "../errors";
import type { RequestTiming } from "../http/page-load-session";
import { MAX_PAGE_OBJECTS } from "../http/page-requests";
import { messages, type Localized, type Message } from "../i18n";
import { MAX_CHART_COLUMNS } from "./chart-limits";
import { strategyName } from "./strategy-names";
import { maxWidth, padEndWidth } from "./text-width";
import { legendLabelExpr } from "./vega-labels";

const say = messages("viz/waterfall", {
  requestTimings: {
    en: "an array of request timings (a simulatePageLoad result)",
    ko: "요청 타이밍의 배열 (simulatePageLoad의 결과)",
  },
  atMostRequests: { en: "at most {max} requests (a page's HTML and objects)", ko: "요청 최대 {max}개 (페이지의 HTML과 객체)" },
  queued: { en: "queued", ko: "대기열(queued)" },
  connect: { en: "connect", ko: "연결(connect)" },
  request: { en: "request", ko: "요청(request)" },
  wait: { en: "wait", ko: "응답 대기(wait)" },
  receive: { en: "receive", ko: "수신(receive)" },
  time: { en: "time (ms)", ko: "시간 (ms)" },
  duration: { en: "duration (ms)", ko: "걸린 시간 (ms)" },
  pageLoad: { en: "page load", ko: "페이지 로드" },
  pageLoadOf: { en: "page load: {strategy}", ko: "페이지 로드: {strategy}" },
  requestField: { en: "request", ko: "요청" },
  phaseField: { en: "phase", ko: "단계" },
  startField: { en: "startMs", ko: "시작 (ms)" },
});

const PHASE_NAMES: Readonly<Record<WaterfallPhase, Message>> = {
  queued: say.queued,
  connect: say.connect,
  request: say.request,
  wait: say.wait,
  receive: say.receive,
};

/** A phase's name for a reader ("connect", "연결(connect)"). */
function phaseName(phase: WaterfallPhase): Localized {
  return PHASE_NAMES[phase]();
}

export type WaterfallPhase = "queued" | "connect" | "request" | "wait" | "receive";

export const WATERFALL_PHASES: readonly WaterfallPhase[] = ["queued", "connect", "request", "wait", "receive"];

/** The character each phase is drawn with in text. */
export const WATERFALL_SYMBOLS: Readonly<Record<WaterfallPhase, string>> = {
  queued: ".",
  connect: "=",
  request: ">",
  wait: "-",
  receive: "#",
};

const PHASE_COLOURS: Readonly<Record<WaterfallPhase, string>> = {
  queued: "#c7c7c7",
  connect: "#f28e2b",
  request: "#76b7b2",
  wait: "#4e79a7",
  receive: "#59a14f",
};

export interface WaterfallSegment {
  phase: WaterfallPhase;
  startMs: number;
  endMs: number;
}

export interface WaterfallRow {
  /** "c0 /index.html": the connection and the path */
  label: string;
  index: number;
  conn: number;
  newConnection: boolean;
  startMs: number;
  endMs: number;
  segments: WaterfallSegment[];
}

/** Anything with request timings: a simulatePageLoad result. */
export interface WaterfallInput {
  requests: readonly RequestTiming[];
  strategy?: string;
}

function readRequests(load: WaterfallInput): readonly RequestTiming[] {
  const o = optionsObject("load", load);
  // a copy, each request read once; one row per request of a page: the HTML and at most MAX_PAGE_OBJECTS objects
  return listOf("load.requests", o.requests, say.requestTimings(), (r) => r as RequestTiming, {
    count: MAX_PAGE_OBJECTS + 1,
    tooMany: say.atMostRequests({ max: MAX_PAGE_OBJECTS + 1 }),
  });
}

/** A title is a string: nothing that prints as "[object Object]" or "NaN". */
function checkTitle(value: unknown): string | undefined {
  return value === undefined ? undefined : checkString("title", value);
}

/** One row per request, in request order, with its phases (empty phases left out). */
export function waterfallRows(load: WaterfallInput): WaterfallRow[] {
  // Array.from visits holes too (map would skip them): a hole is refused as load.requests[i]
  return Array.from(readRequests(load), (timing, i) => {
    const at = `load.requests[${i}]`;
    const r = optionsObject(at, timing === undefined ? (null as never) : timing);
    const t = (name: string, v: number | undefined) => checkNumber(`${at}.${name}`, v, { min: 0 });
    const conn = checkNumber(`${at}.conn`, r.conn, { min: 0, integer: true });
    const index = checkNumber(`${at}.index`, r.index, { min: 0, integer: true });
    const path = checkString(`${at}.path`, r.path);
    const newConnection = optionalBoolean(`${at}.newConnection`, r.newConnection, false);
    const connectStart = r.connectStartMs === undefined ? undefined : t("connectStartMs", r.connectStartMs);
    const sent = t("sentMs", r.sentMs);
    const queued = t("queuedMs", r.queuedMs);
    const arrived = t("arrivedAtServerMs", r.arrivedAtServerMs);
    const firstByte = t("firstByteMs", r.firstByteMs);
    const done = t("doneMs", r.doneMs);
    const cuts: [WaterfallPhase, number, number][] = [
      ["queued", queued, connectStart ?? sent],
      ["connect", connectStart ?? sent, connectStart === undefined ? sent : t("connectedMs", r.connectedMs)],
      ["request", sent, arrived],
      ["wait", arrived, firstByte],
      ["receive", firstByte, done],
    ];
    const segments = cuts.filter(([, a, b]) => b > a).map(([phase, startMs, endMs]) => ({ phase, startMs, endMs }));
    return {
      label: `c${conn} ${path}`,
      index,
      conn,
      newConnection,
      startMs: queued,
      endMs: done,
      segments,
    };
  });
}

export interface WaterfallTextOptions {
  /** columns for the time axis (default 60) */
  width?: number;
  /** a line printed above the chart */
  title?: string;
  /** the axis' end in ms (default: the last response); give the same to compare loads */
  endMs?: number;
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

// Each column shows the phase covering its middle; a phase too short for a column of its own
// still gets the column it starts in, so a reused connection's missing "connect" is visible.
function bar(row: WaterfallRow, width: number, msPerColumn: number): string {
  const cells: (WaterfallPhase | undefined)[] = Array.from({ length: width }, (_, c) => {
    const mid = (c + 0.5) * msPerColumn;
    return row.segments.find((s) => s.startMs <= mid && mid < s.endMs)?.phase;
  });
  for (const s of row.segments) {
    if (cells.includes(s.phase)) continue;
    const c = Math.min(width - 1, Math.floor(s.startMs / msPerColumn));
    if (cells[c] === undefined || cells.filter((x) => x === cells[c]).length > 1) cells[c] = s.phase;
  }
  return cells
    .map((p) => (p ? WATERFALL_SYMBOLS[p] : " "))
    .join("")
    .replace(/\s+$/, "");
}

/** The waterfall as text: one row per request, a time axis, a legend. */
export function waterfallText(load: WaterfallInput, options?: WaterfallTextOptions): string {
  const o = optionsObject("options", options);
  const rows = waterfallRows(load);
  const width = optionalNumber("width", o.width, 60, { min: 10, max: MAX_CHART_COLUMNS, integer: true });
  const title = checkTitle(o.title);
  const lastMs = rows.reduce((m, r) => Math.max(m, r.endMs), 0);
  const endMs = optionalNumber("endMs", o.endMs, lastMs, { above: 0 });
  const msPerColumn = endMs / width;
  const labelWidth = maxWidth(
    rows.map((r) => r.label),
    8,
  );
  const lines: string[] = [];
  if (title !== undefined) lines.push(title);
  for (const r of rows) lines.push(`${padEndWidth(r.label, labelWidth)} |${bar(r, width, msPerColumn).padEnd(width)}| ${fmt(r.endMs)} ms`);
  const endLabel = `${fmt(endMs)} ms`;
  const axis = `${"0 ms".padEnd(width - endLabel.length + 1)}${endLabel}`;
  lines.push(`${"".padEnd(labelWidth)}  ${axis}`);
  lines.push(`${"".padEnd(labelWidth)}  ${WATERFALL_PHASES.map((p) => `${WATERFALL_SYMBOLS[p]} ${phaseName(p)}`).join("  ")}`);
  return lines.join("\n");
}

export interface WaterfallSpecOptions {
  title?: string;
  /** chart width in pixels (default 560) */
  width?: number;
  /** the axis' end in ms (default: the last response) */
  endMs?: number;
}

/** The waterfall as a Vega-Lite v5 spec: horizontal bars, one row per request, coloured by phase. */
export function waterfallSpec(load: WaterfallInput, options?: WaterfallSpecOptions): Record<string, unknown> {
  const o = optionsObject("options", options);
  const rows = waterfallRows(load);
  const width = optionalNumber("width", o.width, 560, { min: 50, integer: true });
  const values = rows.flatMap((r) =>
    r.segments.map((s) => ({
      request: r.label,
      order: r.index,
      phase: s.phase,
      phaseName: phaseName(s.phase),
      startMs: s.startMs,
      endMs: s.endMs,
      ms: s.endMs - s.startMs,
    })),
  );
  const x: Record<string, unknown> = { field: "startMs", type: "quantitative", title: say.time() };
  if (o.endMs !== undefined) x.scale = { domain: [0, checkNumber("endMs", o.endMs, { above: 0 })] };
  const given = load.strategy; // read once (waterfallRows has refused a load that cannot be read)
  const strategy = given === undefined ? undefined : checkString("load.strategy", given);
  const title = checkTitle(o.title) ?? (strategy ? say.pageLoadOf({ strategy: strategyName(strategy) }) : say.pageLoad());
  const legendExpr = legendLabelExpr(WATERFALL_PHASES.map((p) => [p, phaseName(p)] as const));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title,
    width,
    height: Math.max(60, 22 * rows.length),
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "request", type: "nominal", sort: rows.map((r) => r.label), title: null },
      x,
      x2: { field: "endMs" },
      color: {
        field: "phase",
        type: "nominal",
        title: say.phaseField(),
        scale: { domain: [...WATERFALL_PHASES], range: WATERFALL_PHASES.map((p) => PHASE_COLOURS[p]) },
        sort: [...WATERFALL_PHASES],
        ...(legendExpr === undefined ? {} : { legend: { labelExpr: legendExpr } }),
      },
      tooltip: [
        { field: "request", type: "nominal", title: say.requestField() },
        { field: "phaseName", type: "nominal", title: say.phaseField() },
        { field: "startMs", type: "quantitative", format: ".1f", title: say.startField() },
        { field: "ms", type: "quantitative", format: ".1f", title: say.duration() },
      ],
    },
  };
}
