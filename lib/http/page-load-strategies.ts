/**
 * The four ways a browser can fetch a page over HTTP/1.x (the book's 4.3.2
 * to 4.6), each written as the browser's decisions on top of the session in
 * page-load-session.ts. Every strategy fetches the HTML first and asks for
 * the objects only once the HTML has fully arrived (the browser learns of
 * them by reading it).
 *
 *   serial      one new connection per request, one after the other; the
 *               server closes each after its response (HTTP/1.0 without
 *               keep-alive). Connections at once: 1.
 *   parallel    the HTML on its own connection, then the objects on up to
 *               maxConnections new connections at once; each carries one
 *               request and is closed by the server; when one finishes, the
 *               next object starts on a fresh connection. Default 4 (the
 *               book's browsers); RFC 2616 8.1.4 asked for at most 2, modern
 *               browsers allow 6 per host.
 *   persistent  keep-alive (4.5): the HTML's connection stays open and is
 *               reused; up to maxConnections connections (default 1: the
 *               HTML's own) each carry one request at a time, taking the
 *               next object from a shared queue when its response is in.
 *               The browser closes a connection when no object is left for it.
 *   pipelined   (4.6) one persistent connection; once the HTML is in, every
 *               object's request is written at once, back to back; the server
 *               works on each as it arrives but must answer in request order,
 *               so a slow response holds back every response behind it
 *               (head-of-line blocking). The browser closes after the last
 *               response.
 *   multiplexed (4.8, the idea of HTTP/2 streams, RFC 9113) one persistent connection; every object's
 *               request is sent at once as with pipelining, but each response
 *               leaves as soon as it is ready, whatever the request order, so a
 *               slow response no longer holds back the fast ones. Simplified:
 *               a response is handed to TCP whole when ready (a real HTTP/2
 *               server interleaves 16 KB frames of ready responses), and frame
 *               headers and header compression are not counted. TCP's own
 *               head-of-line blocking on loss remains (lossRate shows it).
 */
import type { PageConnection, PageLoadSession, RequestTiming } from "./page-load-session";
import type { PageRequest } from "./page-requests";

export type PageLoadStrategy = "serial" | "parallel" | "persistent" | "pipelined" | "multiplexed";

/** The four HTTP/1.x strategies of the book's 4.3 to 4.6. */
export const HTTP1_STRATEGIES: readonly PageLoadStrategy[] = ["serial", "parallel", "persistent", "pipelined"];
/** Every strategy simulatePageLoad accepts: HTTP/1.x's four and HTTP/2-style multiplexing. */
export const PAGE_LOAD_STRATEGIES: readonly PageLoadStrategy[] = [...HTTP1_STRATEGIES, "multiplexed"];

/** Connections at once when `maxConnections` is not given. */
export const DEFAULT_MAX_CONNECTIONS: Readonly<Record<PageLoadStrategy, number>> = {
  serial: 1,
  parallel: 4,
  persistent: 1,
  pipelined: 1,
  multiplexed: 1,
};

/** Strategies that use exactly one connection at a time (maxConnections must be 1). */
export const SINGLE_CONNECTION_STRATEGIES: readonly PageLoadStrategy[] = ["serial", "pipelined", "multiplexed"];

export interface StrategyPlan {
  html: PageRequest;
  objects: PageRequest[];
  maxConnections: number;
}

type Run = (session: PageLoadSession, plan: StrategyPlan) => void;

function serial(session: PageLoadSession, plan: StrategyPlan): void {
  const queue = [plan.html, ...plan.objects];
  let queuedMs = 0;
  const next = (): void => {
    const page = queue.shift();
    if (!page) return;
    session.request(session.open(true), page, queuedMs, (_c, r) => {
      if (r.kind === "html") queuedMs = r.doneMs;
      next();
    });
  };
  next();
}

function parallel(session: PageLoadSession, plan: StrategyPlan): void {
  session.request(session.open(true), plan.html, 0, (_c, html) => {
    const queue = [...plan.objects];
    const next = (): void => {
      const page = queue.shift();
      if (page) session.request(session.open(true), page, html.doneMs, next);
    };
    for (let i = 0; i < Math.min(plan.maxConnections, plan.objects.length); i++) next();
  });
}

function persistent(session: PageLoadSession, plan: StrategyPlan): void {
  const first = session.open(false);
  session.request(first, plan.html, 0, (_c, html) => {
    const queue = [...plan.objects];
    const take = (conn: PageConnection): void => {
      const page = queue.shift();
      if (page) session.request(conn, page, html.doneMs, take);
      else session.closeByClient(conn);
    };
    take(first);
    const extra = Math.min(plan.maxConnections, plan.objects.length) - 1;
    for (let i = 0; i < extra; i++) take(session.open(false));
  });
}

function pipelined(session: PageLoadSession, plan: StrategyPlan): void {
  allAtOnce(session, plan, session.open(false));
}

function multiplexed(session: PageLoadSession, plan: StrategyPlan): void {
  allAtOnce(session, plan, session.open(false, "ready"));
}

/** HTML first, then every object's request at once on the same connection, in one write. */
function allAtOnce(session: PageLoadSession, plan: StrategyPlan, conn: PageConnection): void {
  session.request(conn, plan.html, 0, (_c, html) => {
    if (plan.objects.length === 0) return session.closeByClient(conn);
    let left = plan.objects.length;
    const done = (): void => {
      if (--left === 0) session.closeByClient(conn);
    };
    session.requestAll(conn, plan.objects, html.doneMs, done);
  });
}

export const STRATEGY_RUNS: Readonly<Record<PageLoadStrategy, Run>> = { serial, parallel, persistent, pipelined, multiplexed };

/** Requests in the order they finished, for summaries. */
export function byDoneTime(requests: readonly RequestTiming[]): RequestTiming[] {
  return [...requests].sort((a, b) => a.doneMs - b.doneMs || a.index - b.index);
}
