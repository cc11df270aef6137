/**
 * Lab: how many TCP segments a page load really puts on the wire, counted by
 * the kernel, beside what simulatePageLoad counts for the same load.
 *
 * A page (an HTML document and its objects, the Page of lib/http) is served
 * on 127.0.0.1 and loaded five ways (segments-loads.ts): serial, parallel,
 * persistent, pipelined and multiplexed (HTTP/2, h2c). Each connection's
 * counters are read with `ss -tin` once its last response is in and before
 * it closes (ss-tcp-info.ts): segments each way, and those carrying data.
 * So the comparison covers each load up to its last response byte and
 * leaves out the close; the model's trace is counted the same way
 * (segments-model.ts), fed the loopback RTT, the mss the kernel reports and
 * the message sizes the server saw on the wire.
 *
 * Checks (consistency.ts): every response arrived whole; the client made the
 * connections the strategy opens, ss listed both ends of each and the server
 * accepted as many; each was still established when read; what one end
 * counts as data sent the other counts as received. Where `ss` is missing,
 * fails or prints no counters, the result is inconclusive with that reason.
 */
import { optionsObject, optionalNumber, outOfRange } from "../errors";
import { messages, verbatim, type Localized } from "../i18n";
import { PAGE_LOAD_STRATEGIES, pageRequests, type Page, type PageLoadStrategy, type PageRequest } from "../http/page-load";
import { checkPage } from "../http/page-requests";
import { type LabScope, runLab, deadlineOption } from "./harness";
import { DEFAULT_MSS } from "../tcp/constants";
import { type Consistency, ConsistencyLog, connections, consistencyLines, inconclusiveBanner, orInconclusive } from "./consistency";
import { descriptorBudget, requireDescriptors } from "./descriptors";
import { measureLoopbackRtt, verifyLoopbackRtt } from "./loopback-rtt";
import { type PlatformFacts, platformFacts } from "./platform";
import { type ConnectionReading, PARALLEL_CONNECTIONS, type RealLoad, loadPage } from "./segments-loads";
import { type SegmentComparison, type SegmentCounts, type SegmentsModel, compareSegments, modelSegments } from "./segments-model";
import { formatNumber, noteLines, platformLine, renderColumns } from "./table";

const say = messages("lab/segments", {
  serial: { en: "serial", ko: "순차" },
  parallel: { en: "parallel", ko: "병렬" },
  persistent: { en: "persistent", ko: "지속" },
  pipelined: { en: "pipelined", ko: "파이프라인" },
  multiplexed: { en: "multiplexed (HTTP/2)", ko: "다중화 (HTTP/2)" },
  responsesOk: {
    en: "{strategy}: {requests} requests sent, {whole} responses arrived whole (status 200, the page's sizes)",
    ko: "{strategy}: 요청 {requests}개를 보냈고, 응답 {whole}개가 온전히 도착했습니다 (상태 200, 페이지의 크기 그대로)",
  },
  responsesBad: {
    en: "{strategy}: {requests} requests sent for a page of {expected}, but {whole} responses arrived whole",
    ko: "{strategy}: 요청 {expected}개짜리 페이지에 요청 {requests}개를 보냈는데, 온전히 도착한 응답은 {whole}개입니다",
  },
  connectionsOk: {
    en: "{strategy}: the client made {made}, as this way of loading does; ss listed both ends of {seen} and the server accepted {accepted}",
    ko: "{strategy}: 클라이언트는 이 로드 방식대로 {made}를 열었고, ss는 그중 {seen}의 양 끝을 보여 주었으며, 서버는 {accepted}를 받아들였습니다",
  },
  connectionsBad: {
    en: "{strategy}: the client made {made} (this way of loading opens {expected}), ss listed both ends of {seen} and the server accepted {accepted}",
    ko: "{strategy}: 클라이언트는 {made}를 열었고 (이 로드 방식은 {expected}개를 엽니다), ss는 {seen}의 양 끝을 보여 주었으며, 서버는 {accepted}를 받아들였습니다",
  },
  openOk: {
    en: "{strategy}: every connection was still established (ESTAB at both ends) when its counters were read: the close is not in them",
    ko: "{strategy}: 카운터를 읽을 때 모든 커넥션이 아직 연결된 상태(양 끝 모두 ESTAB)였습니다. 끊기는 카운트에 들어 있지 않습니다",
  },
  openBad: {
    en: "{strategy}: a connection was no longer established when its counters were read (states {states}): they may hold part of the close",
    ko: "{strategy}: 카운터를 읽을 때 이미 연결 상태가 아닌 커넥션이 있었습니다 (상태 {states}). 카운트에 끊기 일부가 들어 있을 수 있습니다",
  },
  agreeOk: {
    en: "{strategy}: both ends agree on the data segments (client sent {cOut}, server received {sIn}; server sent {sOut}, client received {cIn})",
    ko: "{strategy}: 양 끝이 데이터 세그먼트 수에 동의합니다 (클라이언트가 보냄 {cOut}, 서버가 받음 {sIn}; 서버가 보냄 {sOut}, 클라이언트가 받음 {cIn})",
  },
  agreeBad: {
    en: "{strategy}: the two ends disagree on the data segments (client sent {cOut}, server received {sIn}; server sent {sOut}, client received {cIn})",
    ko: "{strategy}: 양 끝의 데이터 세그먼트 수가 다릅니다 (클라이언트가 보냄 {cOut}, 서버가 받음 {sIn}; 서버가 보냄 {sOut}, 클라이언트가 받음 {cIn})",
  },
  mssBad: {
    en: "{strategy}: ss printed no mss for the server's end, so the model could not be given the kernel's segment size",
    ko: "{strategy}: ss가 서버 쪽 끝의 mss를 출력하지 않아, 모델에 커널의 세그먼트 크기를 줄 수 없었습니다",
  },
  descriptorsWhat: {
    en: "the lab (up to {n} connections at once, and an ss reading for each)",
    ko: "이 실험(한 번에 커넥션 최대 {n}개, 그리고 커넥션마다 ss 읽기 한 번)",
  },
  heading: {
    en: "Segments of one page load on loopback ({html} B of HTML and {objects} objects, {sizes} B of body): the kernel's count (ss) beside the model's",
    ko: "루프백에서 페이지 한 번 로드의 세그먼트 수 (HTML {html} B와 내장 객체 {objects}개, 본문 {sizes} B): 커널이 센 값(ss)과 모델이 센 값",
  },
  dataHeading: { en: "Of these, segments that carried data:", ko: "그중 데이터를 실은 세그먼트:" },
  colConnections: { en: "connections real/model", ko: "커넥션 실제/모델" },
  colRealUp: { en: "c->s real", ko: "c->s 실제" },
  colModelUp: { en: "c->s model", ko: "c->s 모델" },
  colRealDown: { en: "s->c real", ko: "s->c 실제" },
  colModelDown: { en: "s->c model", ko: "s->c 모델" },
  colDifference: { en: "difference", ko: "차이" },
  noteScope: {
    en: "each connection is counted up to its last response byte, before any FIN: the close (FINs and their ACKs) is in neither count",
    ko: "커넥션마다 마지막 응답 바이트까지, FIN 전까지만 셉니다. 끊기(FIN과 그 ACK)는 양쪽 어느 카운트에도 들어 있지 않습니다",
  },
  noteViews: {
    en: "c->s is the client's segs_out, s->c its segs_in, the SYN-ACK included (the server's own segs_out leaves it out: Linux sends it before the server's socket exists)",
    ko: "c->s는 클라이언트의 segs_out, s->c는 클라이언트의 segs_in이며 SYN-ACK를 포함합니다 (서버의 segs_out에는 빠집니다. Linux는 서버 소켓이 생기기 전에 SYN-ACK를 보냅니다)",
  },
  noteInputs: {
    en: "the model is given the loopback RTT, the mss the kernel reports for the server's end and the average request and response head the server saw on the wire, Nagle off",
    ko: "모델에는 루프백 왕복 시간(RTT), 커널이 서버 쪽 끝에 대해 알려 준 mss, 서버가 회선에서 본 요청과 응답 헤더의 평균 크기를 주고, 네이글 알고리즘은 끕니다",
  },
  noteOneRequest: {
    en: "serial and parallel connections ask for keep-alive and the server closes each after its counters are read: with Connection: close its FIN would race the reading",
    ko: "순차와 병렬 커넥션은 keep-alive를 요청하고, 서버가 카운터를 읽은 뒤에 커넥션을 하나씩 닫습니다. Connection: close라면 서버의 FIN이 카운터 읽기와 경주하게 됩니다",
  },
  noteH2: {
    en: "HTTP/2 here is cleartext h2c; its SETTINGS, WINDOW_UPDATE and their ACKs are real segments the model does not send",
    ko: "여기서 HTTP/2는 평문 h2c입니다. SETTINGS, WINDOW_UPDATE와 그 ACK는 실제 세그먼트지만 모델은 보내지 않습니다",
  },
  noteDifference: {
    en: "difference: (model - real) / real over all segments both ways",
    ko: "차이: 양방향 전체 세그먼트에 대한 (모델 - 실제) / 실제",
  },
  tooManyObjects: { en: "at most {max} objects in the lab", ko: "실험에서는 내장 객체 최대 {max}개" },
  tooBig: { en: "at most {max} bytes in the lab", ko: "실험에서는 최대 {max}바이트" },
});

/** The page the lab loads unless told otherwise: 10 KB of HTML and eight 3 KB objects. */
export const DEFAULT_SEGMENTS_PAGE: Page = { htmlBytes: 10_000, objectBytes: Array(8).fill(3_000) };
/** Limits that keep a run short: objects per page and bytes per body. */
export const MAX_LAB_OBJECTS = 50;
export const MAX_LAB_BODY_BYTES = 1_000_000;
const DEFAULT_SEGMENTS_DEADLINE_MS = 20_000;
/**
 * The most descriptors the lab holds at once: the listening server, the
 * parallel load's connections (both ends) with as many still closing, and
 * the pipes of an ss reading for each.
 */
const PEAK_DESCRIPTORS = 32;

export interface SegmentsLabOptions {
  /** the page: each size is a response body (default DEFAULT_SEGMENTS_PAGE; at most 50 objects of at most 1 MB) */
  page?: Page;
  /** the whole lab aborts after this long (default 20000 ms) */
  deadlineMs?: number;
  /** plan descriptors as if the soft limit (`ulimit -n`) were this, when it is lower than the real one (tests) */
  fdLimit?: number;
}

/** One way of loading: the kernel's count, the server end's own count, and the model's. */
export interface SegmentsStrategyResult {
  strategy: PageLoadStrategy;
  /** the client's counters summed over its connections (see the file's opening comment) */
  real: SegmentCounts & { connections: number };
  /** the server ends' counters summed: the SYN-ACK is not in serverToClient, and the SYN is in clientToServer */
  serverView: SegmentCounts;
  /** the smallest mss the server's ends reported (the model is given it), null when ss printed none */
  mss: number | null;
  /** the average whole request and the average response head the server saw on the wire */
  wire: { requestBytes: number; responseHeadBytes: number };
  model: SegmentsModel;
}

export interface SegmentsLabResult {
  lab: "segments";
  /** the page as the lab's server served it: each size is a body */
  setup: { page: Page };
  strategies: SegmentsStrategyResult[];
  /** the model against the kernel, per strategy: what a test of the model reads */
  comparison: SegmentComparison[];
  platform: PlatformFacts;
  notes: string[];
  /** what the lab verified about its own run, and why the result is inconclusive when it is (strategies empty when nothing was measured) */
  consistency: Consistency;
}

function checkLabPage(value: unknown): Page {
  const page = checkPage(value);
  if (page.objectBytes.length > MAX_LAB_OBJECTS)
    outOfRange("page.objectBytes", say.tooManyObjects({ max: MAX_LAB_OBJECTS }), page.objectBytes);
  if (page.htmlBytes > MAX_LAB_BODY_BYTES) outOfRange("page.htmlBytes", say.tooBig({ max: MAX_LAB_BODY_BYTES }), page.htmlBytes);
  page.objectBytes.forEach((b, i) => {
    if (b > MAX_LAB_BODY_BYTES) outOfRange(`page.objectBytes[${i}]`, say.tooBig({ max: MAX_LAB_BODY_BYTES }), b);
  });
  return page;
}

const strategyLabel = (s: PageLoadStrategy): Localized => say[s]();

/** Connections each way of loading opens for `requests` requests. */
const expectedConnections = (s: PageLoadStrategy, requests: number) => (s === "serial" || s === "parallel" ? requests : 1);

function sum(readings: ConnectionReading[], pick: (r: ConnectionReading) => number): number {
  return readings.reduce((total, r) => total + pick(r), 0);
}

/** The client's view and the server's view, each summed over the connections ss listed both ends of. */
function views(readings: ConnectionReading[]): { client: SegmentCounts; server: SegmentCounts } {
  const both = readings.filter((r) => r.client && r.server);
  const c = (k: "segsOut" | "segsIn" | "dataSegsOut" | "dataSegsIn") => sum(both, (r) => r.client![k]);
  const s = (k: "segsOut" | "segsIn" | "dataSegsOut" | "dataSegsIn") => sum(both, (r) => r.server![k]);
  return {
    client: {
      clientToServer: c("segsOut"),
      serverToClient: c("segsIn"),
      dataClientToServer: c("dataSegsOut"),
      dataServerToClient: c("dataSegsIn"),
    },
    server: {
      clientToServer: s("segsIn"),
      serverToClient: s("segsOut"),
      dataClientToServer: s("dataSegsIn"),
      dataServerToClient: s("dataSegsOut"),
    },
  };
}

/** Records whether `load` ran as designed. */
function verifyLoad(log: ConsistencyLog, strategy: PageLoadStrategy, load: RealLoad, pageSize: number, v: ReturnType<typeof views>): void {
  const label = strategyLabel(strategy);
  const counts = { strategy: label, requests: load.requests, whole: load.whole, expected: pageSize };
  log.verify(load.requests === pageSize && load.whole === pageSize, say.responsesOk(counts), say.responsesBad(counts));
  const made = load.readings.length;
  const seen = load.readings.filter((r) => r.client && r.server).length;
  const expected = expectedConnections(strategy, pageSize);
  const c = { strategy: label, made: connections(made), seen: connections(seen), accepted: connections(load.accepted), expected };
  log.verify(made === expected && seen === made && load.accepted === made, say.connectionsOk(c), say.connectionsBad(c));
  const states = load.readings.flatMap((r) => [r.client?.state, r.server?.state]).filter((s): s is string => s !== undefined);
  const open = states.every((s) => s === "ESTAB");
  log.verify(open, say.openOk({ strategy: label }), say.openBad({ strategy: label, states: [...new Set(states)].join(", ") }));
  const d = {
    strategy: label,
    cOut: v.client.dataClientToServer,
    sIn: v.server.dataClientToServer,
    sOut: v.server.dataServerToClient,
    cIn: v.client.dataServerToClient,
  };
  log.verify(d.cOut === d.sIn && d.sOut === d.cIn, say.agreeOk(d), say.agreeBad(d));
}

/** The page the model loads: each response as the server wrote it (body and head), each request as it read it. */
function wireSizes(load: RealLoad, requests: PageRequest[]): SegmentsStrategyResult["wire"] {
  const bodies = requests.reduce((total, r) => total + r.bytes, 0);
  const n = Math.max(1, load.requests);
  return {
    requestBytes: Math.max(1, Math.round(load.serverBytes.read / n)),
    responseHeadBytes: Math.max(0, Math.round((load.serverBytes.written - bodies) / n)),
  };
}

async function measureStrategy(
  scope: LabScope,
  log: ConsistencyLog,
  strategy: PageLoadStrategy,
  page: Page,
  rttMs: number,
): Promise<SegmentsStrategyResult> {
  const requests = pageRequests(page);
  const load = await loadPage(scope, strategy, requests);
  const v = views(load.readings);
  verifyLoad(log, strategy, load, requests.length, v);
  const reported = load.readings.map((r) => r.server?.mss).filter((m): m is number => typeof m === "number" && m > 0);
  const mss = reported.length > 0 ? Math.min(...reported) : null;
  if (mss === null) log.fail(say.mssBad({ strategy: strategyLabel(strategy) }));
  const wire = wireSizes(load, requests);
  const head = wire.responseHeadBytes;
  const model = modelSegments({
    page: { htmlBytes: page.htmlBytes + head, objectBytes: page.objectBytes.map((b) => b + head) },
    strategy,
    rttMs,
    mss: mss ?? DEFAULT_MSS, // only when the check above failed: the result is inconclusive then
    requestBytes: wire.requestBytes,
  });
  return { strategy, real: { ...v.client, connections: load.readings.length }, serverView: v.server, mss, wire, model };
}

/** Runs the segments lab on loopback. */
export async function runSegmentsLab(options?: SegmentsLabOptions): Promise<SegmentsLabResult> {
  const o = optionsObject("options", options);
  const page = o.page === undefined ? DEFAULT_SEGMENTS_PAGE : checkLabPage(o.page);
  const deadlineMs = deadlineOption(o.deadlineMs, DEFAULT_SEGMENTS_DEADLINE_MS);
  const fdLimit = o.fdLimit === undefined ? undefined : optionalNumber("fdLimit", o.fdLimit, 0, { integer: true, min: 1 });
  const log = new ConsistencyLog();
  const notMeasured = (): SegmentsLabResult => ({
    lab: "segments",
    setup: { page },
    strategies: [],
    comparison: [],
    platform: platformFacts(),
    notes: [],
    consistency: log.result(),
  });
  const what = say.descriptorsWhat({ n: PARALLEL_CONNECTIONS });
  if (!requireDescriptors(log, descriptorBudget({ fdLimit }), PEAK_DESCRIPTORS, what)) return notMeasured();
  const work = runLab("segments", deadlineMs, async (scope): Promise<SegmentsLabResult> => {
    const rttMs = await measureLoopbackRtt(scope);
    verifyLoopbackRtt(log, rttMs);
    const strategies: SegmentsStrategyResult[] = [];
    for (const strategy of PAGE_LOAD_STRATEGIES) strategies.push(await measureStrategy(scope, log, strategy, page, rttMs));
    return {
      lab: "segments",
      setup: { page },
      strategies,
      comparison: compareSegments(strategies),
      platform: platformFacts({ loopbackRttMs: rttMs }),
      notes: [say.noteScope(), say.noteViews(), say.noteInputs(), say.noteOneRequest(), say.noteH2(), say.noteDifference()],
      consistency: log.result(),
    };
  });
  return orInconclusive(work, log, notMeasured);
}

function percent(value: number | null): Localized {
  if (value === null) return formatNumber(null);
  return verbatim(`${value > 0 ? "+" : ""}${value.toFixed(1)}%`);
}

/** The segments lab as two tables: all segments, then those with data. */
export function formatSegments(r: SegmentsLabResult): string {
  const rows = r.comparison.map((c) => [
    strategyLabel(c.strategy),
    `${c.real.connections}/${c.model.connections}`,
    String(c.real.clientToServer),
    String(c.model.clientToServer),
    String(c.real.serverToClient),
    String(c.model.serverToClient),
    percent(c.differencePct),
  ]);
  const dataRows = r.comparison.map((c) => [
    strategyLabel(c.strategy),
    String(c.real.dataClientToServer),
    String(c.model.dataClientToServer),
    String(c.real.dataServerToClient),
    String(c.model.dataServerToClient),
  ]);
  const sizes = [...new Set(r.setup.page.objectBytes)].join("/");
  const columns = [say.colRealUp(), say.colModelUp(), say.colRealDown(), say.colModelDown()];
  return [
    ...inconclusiveBanner(r.consistency, r.strategies.length > 0),
    say.heading({ html: r.setup.page.htmlBytes, objects: r.setup.page.objectBytes.length, sizes: sizes || "-" }),
    renderColumns(["", say.colConnections(), ...columns, say.colDifference()], rows),
    say.dataHeading(),
    renderColumns(["", ...columns], dataRows),
    ...noteLines(r.notes),
    ...consistencyLines(r.consistency),
    platformLine(r.platform),
  ].join("\n");
}
