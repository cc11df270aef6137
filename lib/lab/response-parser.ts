/**
 * A small incremental HTTP/1.1 response parser for the pipelining lab: it
 * splits a byte stream into responses using Content-Length framing (RFC 9112
 * 6.3), in the order the requests were sent. A response to HEAD, and any
 * 1xx, 204 or 304 response, has no body whatever Content-Length says.
 * Chunked transfer coding is not supported: the lab's server never uses it.
 */
import { messages } from "../i18n";

const say = messages("lab/response-parser", {
  notStatusLine: { en: "not an HTTP/1.x status line: {line}", ko: "HTTP/1.x 상태 줄이 아닙니다: {line}" },
  noLength: {
    en: "response {status} has no usable Content-Length (got {got}); this parser needs one",
    ko: "응답 {status}에 쓸 수 있는 Content-Length가 없습니다 (받은 값 {got}). 이 파서에는 Content-Length가 있어야 합니다",
  },
});

export interface ParsedResponse {
  status: number;
  /** header names in lower case */
  headers: Record<string, string>;
  body: Buffer;
}

const HEADER_END = Buffer.from("\r\n\r\n");

export class ResponseParser {
  private buffer = Buffer.alloc(0);
  private readonly methods: string[];

  /** `methods`: the request methods, in the order the requests went out. */
  constructor(methods: readonly string[]) {
    this.methods = [...methods];
  }

  /** Adds received bytes; returns the responses they completed (possibly none). */
  push(chunk: Buffer): ParsedResponse[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const done: ParsedResponse[] = [];
    for (let r = this.next(); r; r = this.next()) done.push(r);
    return done;
  }

  /** Bytes received that do not yet form a whole response (a truncated one, at the end). */
  get leftoverBytes(): number {
    return this.buffer.length;
  }

  private next(): ParsedResponse | null {
    const end = this.buffer.indexOf(HEADER_END);
    if (end < 0) return null;
    const [statusLine, ...lines] = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
    const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!match) throw new Error(say.notStatusLine({ line: JSON.stringify(statusLine) }));
    const status = Number(match[1]);
    const headers = parseHeaderLines(lines);
    const bodyBytes = this.bodyLength(status, headers);
    const start = end + HEADER_END.length;
    if (this.buffer.length < start + bodyBytes) return null;
    const body = this.buffer.subarray(start, start + bodyBytes);
    this.buffer = this.buffer.subarray(start + bodyBytes);
    this.methods.shift();
    return { status, headers, body };
  }

  private bodyLength(status: number, headers: Record<string, string>): number {
    if (this.methods[0] === "HEAD" || status < 200 || status === 204 || status === 304) return 0;
    const length = headers["content-length"];
    if (length === undefined || !/^\d+$/.test(length)) {
      throw new Error(say.noLength({ status, got: String(JSON.stringify(length)) }));
    }
    return Number(length);
  }
}

function parseHeaderLines(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}
