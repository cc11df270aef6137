/**
 * A web page as the page-load models see it: one HTML document and the
 * objects it embeds (images, scripts, style sheets), each reduced to the
 * size of its HTTP response. The browser requests the HTML first (index 0),
 * then the objects in page order (1..k).
 */
import { checkNumber, invalidType, isArray, listOf, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";
import { DEFAULT_MSS } from "../tcp/constants";

const say = messages("http/page-requests", {
  page: { en: "an object { htmlBytes, objectBytes }", ko: "객체 { htmlBytes, objectBytes }" },
  sizes: { en: "an array of sizes in bytes", ko: "바이트 단위 크기의 배열" },
  tooMany: { en: "at most {max} objects", ko: "내장 객체 최대 {max}개" },
  times: { en: "an array of {count} times (the HTML, then each object)", ko: "시간 {count}개의 배열(HTML, 이어서 각 객체)" },
  serverTime: { en: "a number, an array of numbers or a function", ko: "숫자, 숫자 배열 또는 함수" },
  tooMuchWork: {
    en: "at most {max} segments over all the loads (fewer loads, or a smaller page)",
    ko: "모든 로드를 합쳐 세그먼트 최대 {max}개(로드 수를 줄이거나 페이지를 작게)",
  },
  loadsOfPage: {
    en: "{loads} loads of a page of about {segments} segments each",
    ko: "세그먼트 약 {segments}개짜리 페이지의 로드 {loads}번",
  },
});

/** The most objects a page may embed (a big real page has a few hundred); more is refused, naming page.objectBytes. */
export const MAX_PAGE_OBJECTS = 10_000;

export interface Page {
  /** the HTML document's response, bytes (start line, headers and body) */
  htmlBytes: number;
  /** each embedded object's response, bytes, in page order */
  objectBytes: readonly number[];
}

export interface PageRequest {
  /** 0 is the HTML; 1..k are the page's objects in page order */
  index: number;
  kind: "html" | "object";
  /** "/index.html", "/object-1", ... (labels in the trace) */
  path: string;
  /** response bytes (headers and body: the TCP payload) */
  bytes: number;
}

/** Checks a page, naming the bad field ("page.objectBytes[2]"). */
export function checkPage(value: unknown): Page {
  if (value === null || typeof value !== "object") invalidType("page", say.page(), value);
  const p = optionsObject("page", value as Page);
  const htmlBytes = checkNumber("page.htmlBytes", p.htmlBytes, { min: 1, integer: true, max: MAX_QUANTITY });
  // holes included: a hole is refused as page.objectBytes[i]
  const objectBytes = listOf(
    "page.objectBytes",
    p.objectBytes,
    say.sizes(),
    (b, at) => checkNumber(at, b, { min: 1, integer: true, max: MAX_QUANTITY }),
    { count: MAX_PAGE_OBJECTS, tooMany: say.tooMany({ max: MAX_PAGE_OBJECTS }) },
  );
  return { htmlBytes, objectBytes };
}

/**
 * The most segments a model that loads a page many times (compareTransports,
 * loadTimeSweep) may play in all: a few seconds of the engine's work. Its
 * count of loads alone is not a bound: 600 loads of a 10,000-object page
 * would take a quarter of an hour.
 */
export const MAX_REPEATED_LOAD_SEGMENTS = 200_000;

/** About the segments one load of the page puts on the wire: a request and the response's full-sized segments per object. */
export function pageSegments(page: Page): number {
  const response = (bytes: number) => 1 + Math.ceil(bytes / DEFAULT_MSS);
  return page.objectBytes.reduce((n, b) => n + response(b), response(page.htmlBytes));
}

/** Refuses `loads` loads of a checked page when together they are more than MAX_REPEATED_LOAD_SEGMENTS segments, naming "page". */
export function checkRepeatedLoads(page: Page, loads: number): void {
  const segments = pageSegments(page);
  if (loads * segments > MAX_REPEATED_LOAD_SEGMENTS)
    outOfRange("page", say.tooMuchWork({ max: MAX_REPEATED_LOAD_SEGMENTS }), say.loadsOfPage({ loads, segments }));
}

/**
 * Checks a server think time (page-load.ts's ServerTime): one number for
 * every response, one per request ([HTML, object 1, ...]), or a function of
 * the request, whose answers are checked as they come. At most 2^53 - 1 ms,
 * so that the simulated clock stays finite.
 */
export function checkServerTime(value: unknown, requests: number): (r: PageRequest) => number {
  const rule = { min: 0, max: MAX_QUANTITY };
  if (value === undefined) return () => 0;
  if (typeof value === "number") {
    const ms = checkNumber("serverMs", value, rule);
    return () => ms;
  }
  if (isArray(value)) {
    const list = listOf("serverMs", value, say.serverTime(), (v, at) => checkNumber(at, v, rule), {
      count: requests,
      tooMany: say.times({ count: requests }),
    });
    if (list.length !== requests) outOfRange("serverMs", say.times({ count: requests }), value);
    return (r) => list[r.index];
  }
  if (typeof value === "function") {
    return (r) => checkNumber(`serverMs(${r.path})`, (value as (r: PageRequest) => unknown)(r), rule);
  }
  return invalidType("serverMs", say.serverTime(), value);
}

/** The requests of a page: the HTML (index 0), then each object. */
export function pageRequests(page: Page): PageRequest[] {
  const p = checkPage(page);
  return [
    { index: 0, kind: "html", path: "/index.html", bytes: p.htmlBytes },
    ...p.objectBytes.map((bytes, i): PageRequest => ({ index: i + 1, kind: "object", path: `/object-${i + 1}`, bytes })),
  ];
}
