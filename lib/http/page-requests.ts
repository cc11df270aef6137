/**
 * A web page as the page-load models see it: one HTML document and the
 * objects it embeds (images, scripts, style sheets), each reduced to the
 * size of its HTTP response. The browser requests the HTML first (index 0),
 * then the objects in page order (1..k).
 */
import { checkNumber, invalidType, isArray, listOf, optionsObject, outOfRange, MAX_QUANTITY } from "../errors";
import { messages } from "../i18n";

const say = messages("http/page-requests", {
  page: { en: "an object { htmlBytes, objectBytes }", ko: "객체 { htmlBytes, objectBytes }" },
  sizes: { en: "an array of sizes in bytes", ko: "바이트 단위 크기의 배열" },
  tooMany: { en: "at most {max} objects", ko: "내장 객체 최대 {max}개" },
  times: { en: "an array of {count} times (the HTML, then each object)", ko: "시간 {count}개의 배열(HTML, 이어서 각 객체)" },
  serverTime: { en: "a number, an array of numbers or a function", ko: "숫자, 숫자 배열 또는 함수" },
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
