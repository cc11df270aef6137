/**
 * A web page as the page-load models see it: one HTML document and the
 * objects it embeds (images, scripts, style sheets), each reduced to the
 * size of its HTTP response. The browser requests the HTML first (index 0),
 * then the objects in page order (1..k).
 */
import { checkNumber, invalidType } from "../errors";

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
  if (value === null || typeof value !== "object" || Array.isArray(value)) invalidType("page", "an object { htmlBytes, objectBytes }", value);
  const p = value as Partial<Page>;
  const htmlBytes = checkNumber("page.htmlBytes", p.htmlBytes, { min: 1, integer: true });
  if (!Array.isArray(p.objectBytes)) invalidType("page.objectBytes", "an array of sizes in bytes", p.objectBytes);
  const objectBytes = p.objectBytes.map((b, i) => checkNumber(`page.objectBytes[${i}]`, b, { min: 1, integer: true }));
  return { htmlBytes, objectBytes };
}

/** The requests of a page: the HTML (index 0), then each object. */
export function pageRequests(page: Page): PageRequest[] {
  const p = checkPage(page);
  return [
    { index: 0, kind: "html", path: "/index.html", bytes: p.htmlBytes },
    ...p.objectBytes.map((bytes, i): PageRequest => ({ index: i + 1, kind: "object", path: `/object-${i + 1}`, bytes })),
  ];
}
