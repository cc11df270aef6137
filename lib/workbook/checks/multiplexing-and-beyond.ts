/** Checks for the 4.8 exercises (multiplexing and beyond): each failure says what and why. */
import { simulatePageLoad } from "../../http/page-load";
import { handshake } from "../../tcp/handshake";
import { transactionTime } from "../../tcp/transaction";
import { expectClose, expectEqual, expectThrows, fail } from "../expect";
import { defineChecks } from "./define";
import { roundMs } from "../../time";
import { connectionSetup } from "../../http/connection-setup";
import type { SetupStack } from "../../http/connection-setup";

const show = (v: unknown) => JSON.stringify(v);

interface Batch {
  serverMs: number[];
  bytes: number[];
  rttMs: number;
  bandwidthBps: number;
}

/**
 * The exercise's model, written out: responses leave whole, in the order they
 * become ready, one at a time on the link.
 */
function referenceDoneTimes(b: Batch): number[] {
  const oneWay = b.rttMs / 2;
  const sendMs = (bytes: number) => (b.bandwidthBps === Infinity ? 0 : (bytes * 8000) / b.bandwidthBps);
  const order = b.serverMs.map((ms, i) => ({ i, ready: oneWay + ms })).sort((x, y) => x.ready - y.ready || x.i - y.i);
  const done: number[] = [];
  let free = -Infinity;
  for (const { i, ready } of order) {
    free = Math.max(ready, free) + sendMs(b.bytes[i]);
    done[i] = free + oneWay;
  }
  return done;
}

/** The same batch in HTTP/1.1 pipelining (responses in request order), for the failure messages. */
function pipelinedDoneTimes(b: Batch): number[] {
  const oneWay = b.rttMs / 2;
  const sendMs = (bytes: number) => (b.bandwidthBps === Infinity ? 0 : (bytes * 8000) / b.bandwidthBps);
  let free = -Infinity;
  return b.serverMs.map((ms, i) => {
    free = Math.max(oneWay + ms, free) + sendMs(b.bytes[i]);
    return free + oneWay;
  });
}

/** lib/http's simulatePageLoad "multiplexed" on an unlimited link: arrival times from when the batch was written. */
function modelUnlimited(serverMs: number[], rttMs: number): number[] {
  const load = simulatePageLoad({
    page: { htmlBytes: 1000, objectBytes: serverMs.map(() => 1000) },
    strategy: "multiplexed",
    rttMs,
    bandwidthBps: Infinity,
    serverMs: [0, ...serverMs],
  });
  return load.requests.slice(1).map((r) => r.doneMs - r.sentMs);
}


function compareTimes(got: unknown, expected: number[], call: string, why: string): void {
  if (!Array.isArray(got) || got.length !== expected.length) {
    expectEqual(got, expected.map(roundMs), call, `${why} One time per response, in request order.`);
    return;
  }
  expected.forEach((t, i) => expectClose(got[i], t, 1e-6, `${call}[${i}] (whole answer ${show(got)})`, why));
}

/** Reference for 4.8b: origins counted with the URL class, as a browser keys its connection pools. */
function referenceConnections(urls: string[], perOrigin: number): { http1: number; http2: number } {
  const counts = new Map<string, number>();
  for (const u of urls) counts.set(new URL(u).origin, (counts.get(new URL(u).origin) ?? 0) + 1);
  let http1 = 0;
  for (const n of counts.values()) http1 += Math.min(n, perOrigin);
  return { http1, http2: counts.size };
}



export const checks = defineChecks({
  "4.8a": (multiplexedDoneTimes: (batch: Batch) => number[]) => {
    const cases: [Batch, string][] = [
      [{ serverMs: [100, 0, 0], bytes: [10_000, 10_000, 10_000], rttMs: 20, bandwidthBps: 8e6 },
        "the two quick responses are sent while the slow one is still being made; the slow one leaves last, when it is ready."],
      [{ serverMs: [0, 300, 0, 0], bytes: [20_000, 20_000, 20_000, 20_000], rttMs: 100, bandwidthBps: 10e6 },
        "the slow second response no longer holds back the third and fourth: they go out as soon as the link is free."],
      [{ serverMs: [30, 10, 10, 0], bytes: [5_000, 40_000, 1_000, 2_000], rttMs: 40, bandwidthBps: 4e6 },
        "responses leave in the order they became ready (ties in request order), and a big one in front still occupies the link: the link is shared even when the streams are not."],
      [{ serverMs: [50, 5, 5], bytes: [1_000, 1_000, 1_000], rttMs: 20, bandwidthBps: Infinity },
        "on an unlimited link each response arrives one way after it is ready: rttMs / 2 + serverMs + rttMs / 2."],
      [{ serverMs: [0, 0, 0], bytes: [3_000, 3_000, 3_000], rttMs: 10, bandwidthBps: 1.2e6 },
        "everything ready at once: the responses simply follow each other on the link, in request order."],
      [{ serverMs: [7], bytes: [125_000], rttMs: 30, bandwidthBps: 1e6 },
        "one response: a round trip, the think time, and 1000 ms of bytes on a 1 Mbit/s link."],
    ];
    for (const [batch, why] of cases) {
      const call = `multiplexedDoneTimes(${show(batch).replace("null", "Infinity")})`;
      const expected = referenceDoneTimes(batch);
      const pipelined = pipelinedDoneTimes(batch).map(roundMs);
      compareTimes(multiplexedDoneTimes(batch), expected, call,
        `${why} (HTTP/1.1 pipelining would give ${show(pipelined)}: responses there wait for every earlier one.) ` +
        "HTTP/2 labels every frame with its stream, so a response may leave as soon as it is ready (RFC 9113 5).");
    }
    // the model in lib/http agrees on an unlimited link
    for (const [serverMs, rttMs] of [[[0, 300, 0, 0], 100], [[5, 50, 5, 80, 10, 0], 40]] as [number[], number][]) {
      const batch = { serverMs, bytes: serverMs.map(() => 1000), rttMs, bandwidthBps: Infinity };
      compareTimes(multiplexedDoneTimes(batch), modelUnlimited(serverMs, rttMs), `multiplexedDoneTimes(${show(batch).replace("null", "Infinity")})`,
        "simulatePageLoad's \"multiplexed\" strategy gives these times on an unlimited link: with nothing to wait for, each response arrives one way after it is ready.");
    }
    expectEqual(multiplexedDoneTimes({ serverMs: [], bytes: [], rttMs: 20, bandwidthBps: 1e6 }), [],
      "multiplexedDoneTimes({ serverMs: [], bytes: [], ... })", "no requests, no responses: an empty list.");
    expectThrows(() => multiplexedDoneTimes({ serverMs: [0, 0], bytes: [1000], rttMs: 20, bandwidthBps: 1e6 }), RangeError,
      "multiplexedDoneTimes({ serverMs: [0, 0], bytes: [1000], ... })",
      "two think times but one size: a model that guessed the missing size would hide a bug in the caller.");
  },

  "4.8b": (connectionsForPage: (urls: string[], perOrigin?: number) => { http1: number; http2: number }) => {
    const www = (n: number, host = "www.joes-hardware.com", scheme = "https") =>
      Array.from({ length: n }, (_, i) => `${scheme}://${host}/img/tool-${i}.png`);
    const cases: [string[], number | undefined, string][] = [
      [["https://a.example/1.png", "https://a.example/2.png", "https://b.example/x.css"], undefined,
        "two requests to one origin need only two connections even though six are allowed; each origin gets its own HTTP/2 connection."],
      [www(20), undefined, "twenty images on one origin: HTTP/1.1 stops at six connections and queues the rest; HTTP/2 carries all twenty as streams on one."],
      [[...www(10), ...www(10, "img.joes-hardware.com"), ...www(3, "cdn.example.net")], undefined,
        "three origins: up to six connections each under HTTP/1.1 (6 + 6 + 3), one each under HTTP/2."],
      [["http://a.example/x", "https://a.example/x", "https://a.example:443/y", "https://a.example:8443/z"], undefined,
        "an origin is scheme, host and port: http and https differ, :443 is https's default port (the same origin as none), :8443 is another."],
      [[...www(8, "img1.joes-hardware.com"), ...www(8, "img2.joes-hardware.com"), ...www(8, "img3.joes-hardware.com"), ...www(8, "img4.joes-hardware.com")], undefined,
        "domain sharding: four host names for the same images buy HTTP/1.1 24 connections instead of 6; under HTTP/2 they cost four connections where one would do."],
      [www(12), 2, "RFC 2616 asked for at most two connections per server: twelve images over two connections."],
      [["HTTPS://WWW.Joes-Hardware.com/a", "https://www.joes-hardware.com/b"], undefined,
        "scheme and host are case-insensitive: the URL class lower-cases them, so this is one origin."],
      [[], undefined, "a page with no requests opens no connections."],
    ];
    for (const [urls, perOrigin, why] of cases) {
      const call = perOrigin === undefined ? `connectionsForPage(${show(urls)})` : `connectionsForPage(${show(urls)}, ${perOrigin})`;
      const got = perOrigin === undefined ? connectionsForPage(urls) : connectionsForPage(urls, perOrigin);
      expectEqual(got, referenceConnections(urls, perOrigin ?? 6), call,
        `${why} Every connection costs a handshake, a slow start and server memory; HTTP/2 asks for one per origin (RFC 9113 9.1).`);
    }
    expectThrows(() => connectionsForPage(["/relative/path.png"]), TypeError, "connectionsForPage([\"/relative/path.png\"])",
      "a relative URL names no scheme, host or port, so it has no origin: new URL() rejects it with a TypeError.");
    expectThrows(() => connectionsForPage(www(3), 0), RangeError, "connectionsForPage([...], 0)",
      "zero connections per origin could never load anything.");
    expectThrows(() => connectionsForPage(www(3), 2.5), RangeError, "connectionsForPage([...], 2.5)",
      "connections come in whole numbers.");
  },

  "4.8c": (timeToFirstByteMs: (stack: string, rttMs: number, serverMs?: number) => number) => {
    const cases: [string, number, number | undefined][] = [
      ["tcp+tls1.3", 50, undefined],
      ["tcp", 100, 0],
      ["tcp-fastopen", 100, 0],
      ["tcp+tls1.2", 80, 20],
      ["tcp+tls1.3", 80, 20],
      ["quic", 80, 20],
      ["quic-0rtt", 80, 20],
      ["tcp+tls1.2", 37.5, 0],
      ["quic", 0, 12],
    ];
    for (const [stack, rttMs, serverMs] of cases) {
      const call = serverMs === undefined ? `timeToFirstByteMs(${show(stack)}, ${rttMs})` : `timeToFirstByteMs(${show(stack)}, ${rttMs}, ${serverMs})`;
      const setup = connectionSetup(stack as SetupStack);
      const expected = (setup.roundTrips + 1) * rttMs + (serverMs ?? 0);
      const got = serverMs === undefined ? timeToFirstByteMs(stack, rttMs) : timeToFirstByteMs(stack, rttMs, serverMs);
      expectClose(got, expected, 1e-9, call,
        `${setup.name}: ${setup.note}. Then one more round trip carries the request out and the response's first byte back (${setup.roundTrips} + 1 round trips` +
        `${serverMs ? ` + ${serverMs} ms at the server` : ""}). On a 100 ms path every round trip saved is 100 ms before anything shows.`);
    }
    // plain TCP agrees with lib/tcp: the handshake's connectMs, then transactionTime's request and response trips
    for (const rttMs of [30, 120]) {
      const lib = transactionTime({ rttMs, serverMs: 15, newConnection: true });
      const viaHandshake = handshake({ rttMs }).connectMs + rttMs + 15;
      expectClose(timeToFirstByteMs("tcp", rttMs, 15), lib.totalMs, 1e-6, `timeToFirstByteMs("tcp", ${rttMs}, 15)`,
        `lib/tcp's transactionTime gives ${lib.totalMs} ms for a small transaction on a new connection (connect ${lib.breakdown.connectMs} + ` +
        `request ${lib.breakdown.requestMs} + server 15 + response ${lib.breakdown.responseMs}), the same as the handshake's ${handshake({ rttMs }).connectMs} ms plus one round trip plus the think time (${viaHandshake}).`);
    }
    for (const bad of ["tcp+tls1.1", "QUIC", "http3"]) {
      expectThrows(() => timeToFirstByteMs(bad, 50), RangeError, `timeToFirstByteMs(${show(bad)}, 50)`,
        "an unknown stack has no known handshake; guessing a number would give a confident wrong answer.");
    }
    expectThrows(() => timeToFirstByteMs("quic", -1), RangeError, "timeToFirstByteMs(\"quic\", -1)", "a round trip cannot take negative time.");
    expectThrows(() => timeToFirstByteMs("quic", NaN), RangeError, "timeToFirstByteMs(\"quic\", NaN)", "NaN in, NaN out would poison every sum after it: reject it.");
    const got = timeToFirstByteMs("tcp", 50);
    if (typeof got !== "number") fail(`timeToFirstByteMs("tcp", 50)\n  expected a number of ms\n  got      ${show(got)}\n  why it matters: the notebook's chart adds these up.`);
  },
});
