/**
 * The "multiplexed" page load over QUIC (HTTP/3's idea, RFC 9114): one QUIC
 * connection (lib/sim/quic-connection.ts), each request on its own
 * bidirectional stream (request i on stream 4i), the response on the same
 * stream. The browser fetches the HTML, then asks for every object at once
 * once the HTML is in; the server answers each request on its stream after
 * its think time, whatever the order. A response is complete when all of
 * its stream's bytes have arrived, whatever happened to the other streams.
 * The browser closes the connection after the last response.
 *
 * RequestTiming as for TCP (page-load-session.ts): connectStartMs and
 * connectedMs for the HTML, which opens the connection; sentMs is when a
 * request may leave (at once with 0-RTT, else when the handshake is done).
 */
import type { Network } from "../sim/engine";
import { QuicConnection } from "../sim/quic-connection";
import type { ConnectionTiming, RequestTiming } from "./page-load-session";
import type { PageRequest } from "./page-requests";

export interface QuicPagePlan {
  html: PageRequest;
  objects: PageRequest[];
  requestBytes: number;
  serverMs: (request: PageRequest) => number;
  zeroRtt: boolean;
}

export interface QuicPageLoad {
  requests: RequestTiming[];
  connection: ConnectionTiming;
}

/** Sets up the load on `net`; the caller runs the network, then reads the returned timings. */
export function loadOverQuic(net: Network, plan: QuicPagePlan): QuicPageLoad {
  const quic = new QuicConnection(net, { zeroRtt: plan.zeroRtt });
  const connection: ConnectionTiming = { conn: quic.id, openedMs: quic.openedAtMs, establishedMs: NaN, requests: [], closedBy: "client" };
  const requests: RequestTiming[] = [];
  const byStream = new Map<number, { r: RequestTiming; done: () => void }>();

  quic.onEstablished((t) => {
    connection.establishedMs = t;
    for (const r of requests) {
      if (r.newConnection) r.connectedMs = t;
      if (Number.isNaN(r.sentMs)) r.sentMs = t;
    }
  });
  quic.onStreamData("server", (stream, delivered, t) => {
    const entry = byStream.get(stream);
    if (!entry || delivered !== plan.requestBytes) return;
    const r = entry.r;
    r.arrivedAtServerMs = t;
    net.at(t + r.serverMs, () => {
      r.respondedMs = net.now;
      quic.write("server", stream, r.bytes);
    });
  });
  quic.onStreamData("client", (stream, delivered, t) => {
    const entry = byStream.get(stream);
    if (!entry) return;
    if (Number.isNaN(entry.r.firstByteMs)) entry.r.firstByteMs = t;
    if (delivered === entry.r.bytes) {
      entry.r.doneMs = t;
      entry.done();
    }
  });

  /** Records a request on its stream (request i on stream 4i); returns the write for the caller to make. */
  const request = (page: PageRequest, queuedMs: number, done: () => void): [number, number] => {
    const canSend = quic.zeroRtt || quic.establishedAtMs !== undefined;
    const r: RequestTiming = {
      ...page,
      conn: quic.id,
      newConnection: requests.length === 0,
      serverMs: plan.serverMs(page),
      queuedMs,
      sentMs: canSend ? net.now : NaN,
      arrivedAtServerMs: NaN,
      respondedMs: NaN,
      firstByteMs: NaN,
      doneMs: NaN,
    };
    if (r.newConnection) r.connectStartMs = quic.openedAtMs;
    requests.push(r);
    connection.requests.push(page.index);
    const stream = 4 * page.index;
    byStream.set(stream, { r, done });
    return [stream, plan.requestBytes];
  };

  const first = request(plan.html, 0, () => {
    const html = requests[0];
    let left = plan.objects.length;
    if (left === 0) return quic.close();
    const done = (): void => {
      if (--left === 0) quic.close();
    };
    // every object's request at once: their frames share packets
    quic.writeAll(
      "client",
      plan.objects.map((page) => request(page, html.doneMs, done)),
    );
  });
  quic.writeAll("client", [first]);
  return { requests, connection };
}
