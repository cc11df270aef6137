/**
 * One terminal picture per model, for `npm run workbook -- show <model>`:
 * each runs the model on a small, typical case and draws the result. Every
 * caption is in the reader's language, read when the picture is drawn (or
 * `about` is read), so `lang` or setLanguage() between two calls is followed.
 */
import { nagleDelayedAck } from "../sim/nagle-delayed-ack";
import { portExhaustion } from "../tcp/ports";
import { slowStart } from "../tcp/slow-start";
import { transactionTime } from "../tcp/transaction";
import { LINUX_EPHEMERAL_PORTS, LINUX_TIME_WAIT_SECONDS } from "../tcp/constants";
import { Network } from "../sim/engine";
import { ackSchedule } from "../tcp/delayed-ack";
import { HTTP1_STRATEGIES, simulatePageLoad } from "../http/page-load";
import { simulateKeepAlive } from "../http/keep-alive";
import { simulateProxyChain } from "../http/proxy-chain";
import { simulateClose } from "../http/close";
import { waterfallText } from "./waterfall";
import { cwndChart } from "./cwnd-chart";
import { overheadChart } from "./overhead-chart";
import { packetLayout } from "./packet-layout";
import { sequenceDiagramText } from "./sequence-diagram";
import { strategyName } from "./strategy-names";
import { displayWidth, padEndWidth } from "./text-width";
import { messages, type Message } from "../i18n";

const say = messages("viz/gallery", {
  handshakeHeading: { en: "A small transaction on a new connection, RTT 100 ms", ko: "새 커넥션에서의 작은 트랜잭션, RTT 100 ms" },
  handshakeFoot: { en: "connect {connectMs} ms of {totalMs} ms in all", ko: "전체 {totalMs} ms 중 커넥션 맺기 {connectMs} ms" },
  slowStartPlain: {
    en: "cwnd per round sending {bytes} bytes, RTT 100 ms: {rounds} rounds",
    ko: "{bytes}바이트를 보낼 때 라운드별 혼잡 윈도(cwnd), RTT 100 ms: {rounds}라운드",
  },
  slowStartDelayed: {
    en: "the same with delayed ACKs, RFC 5681 growth (Linux keeps doubling: abcLimit Infinity): {rounds} rounds",
    ko: "같은 전송에 확인응답 지연(delayed ACK)을 더하고 RFC 5681 방식으로 늘릴 때 (Linux는 계속 두 배로 늘림: abcLimit Infinity): {rounds}라운드",
  },
  nagleHeading: {
    en: "A request written in two pieces (200 + 100 bytes), RTT 1 ms, delayed ACK 40 ms",
    ko: "두 조각(200 + 100바이트)으로 쓴 요청, RTT 1 ms, 확인응답 지연(delayed ACK) 40 ms",
  },
  nagleFoot: {
    en: "Nagle on: the server has the request at {completeMs} ms (stall {stallMs} ms); TCP_NODELAY: {noDelayMs} ms",
    ko: "네이글 알고리즘 켬: 서버가 {completeMs} ms에 요청을 다 받음 (지연 {stallMs} ms). TCP_NODELAY: {noDelayMs} ms",
  },
  never: { en: "never", ko: "바닥나지 않음" },
  after: { en: "after {seconds} s", ko: "{seconds} s 뒤" },
  portsRow: { en: "{rate} new connections/s -> ports run out {when}", ko: "초당 새 커넥션 {rate}개 -> 포트 고갈: {when}" },
  portsHeading: {
    en: "One client address to one server address:port, ports {low}-{high}, TIME_WAIT {seconds} s",
    ko: "클라이언트 주소 하나에서 서버 주소:포트 하나로, 포트 {low}-{high}, TIME_WAIT {seconds} s",
  },
  portsCeiling: { en: "ceiling: {ceiling} new connections per second", ko: "상한: 초당 새 커넥션 {ceiling}개" },
  ackTimer: { en: "timer {ms} ms: ", ko: "타이머 {ms} ms: " },
  ack: { en: "ACK at {tMs} ms for {segments} segment(s) ({reason})", ko: "{tMs} ms에 세그먼트 {segments}개에 대한 ACK ({reason})" },
  ackSecondFull: { en: "second full segment", ko: "두 번째 최대 크기 세그먼트" },
  ackTimerReason: { en: "timer", ko: "타이머" },
  ackImmediate: { en: "immediate", ko: "즉시" },
  arrived: { en: "{bytes} B at {tMs} ms", ko: "{tMs} ms에 {bytes} B" },
  delayedAckHeading: {
    en: "Segments arrive ({arrived}) and the receiver has nothing to send back:",
    ko: "세그먼트가 도착하고({arrived}) 수신자는 돌려보낼 데이터가 없습니다:",
  },
  pageLoadHeading: {
    en: "{strategy}: {elapsedMs} ms, {packets} packets, {connections} connection(s)",
    ko: "{strategy}: {elapsedMs} ms, 패킷 {packets}개, 커넥션 {connections}개",
  },
  conn: { en: "conn {conn}", ko: "커넥션 {conn}" },
  reused: { en: "reused", ko: "재사용" },
  new: { en: "new", ko: "새로 엶" },
  keepAliveHeading: {
    en: "HTTP/1.0 keep-alive, server Keep-Alive: timeout=5, max=3; five requests",
    ko: "HTTP/1.0 keep-alive, 서버의 Keep-Alive: timeout=5, max=3, 요청 다섯 개",
  },
  connectionsOpened: { en: "connections opened: {n}", ko: "연 커넥션 수: {n}" },
  proxyOk: { en: "ok", ko: "정상 완료" },
  proxyHang: { en: "hang", ko: "멈춤(hang)" },
  proxyHeading: {
    en: "A dumb proxy forwards Connection: Keep-Alive: {outcome}",
    ko: "멍청한 프락시(dumb proxy)가 Connection: Keep-Alive를 그대로 전달함: {outcome}",
  },
  proxyHeadingFor: {
    en: "A dumb proxy forwards Connection: Keep-Alive: {outcome} for {ms} ms",
    ko: "멍청한 프락시(dumb proxy)가 Connection: Keep-Alive를 그대로 전달함: {ms} ms 동안 {outcome}",
  },
  closeAbrupt: { en: "abrupt close", ko: "갑작스러운 끊기(abrupt close)" },
  closeGraceful: { en: "graceful close", ko: "우아한 커넥션 끊기(graceful close)" },
  closeHeading: { en: "{close}: client read {read} of {total} bytes", ko: "{close}: 클라이언트가 {total}바이트 중 {read}바이트를 읽음" },
  multiplexHeading: {
    en: "{strategy}, first image 300 ms at the server: {elapsedMs} ms",
    ko: "{strategy}, 첫 이미지가 서버에서 300 ms 걸림: {elapsedMs} ms",
  },
  aboutSegment: {
    en: "a message cut into segments, and the header overhead of small messages",
    ko: "세그먼트로 잘린 메시지, 그리고 작은 메시지의 헤더 오버헤드",
  },
  aboutHandshake: {
    en: "SYN, SYN-ACK, ACK and a small transaction as a sequence diagram",
    ko: "SYN, SYN-ACK, ACK 핸드셰이크와 작은 트랜잭션을 시퀀스 다이어그램으로",
  },
  aboutSlowStart: {
    en: "cwnd per round, with and without delayed ACKs",
    ko: "라운드별 혼잡 윈도(cwnd), 확인응답 지연이 있을 때와 없을 때",
  },
  aboutNagle: {
    en: "the write-write-read stall of Nagle against a delayed ACK",
    ko: "네이글 알고리즘과 확인응답 지연이 만날 때의 쓰기-쓰기-읽기 지연",
  },
  aboutPorts: { en: "TIME_WAIT and the ceiling on new connections per second", ko: "TIME_WAIT와 초당 새 커넥션 수의 상한 (포트 고갈)" },
  aboutDelayedAck: {
    en: "when the receiver's ACKs go out, 40 ms and 200 ms timers",
    ko: "수신자의 ACK가 나가는 때, 40 ms와 200 ms 타이머",
  },
  aboutPageLoad: {
    en: "waterfalls of one page: serial, parallel, persistent, pipelined",
    ko: "한 페이지의 워터폴: 순차, 병렬, 지속, 파이프라인 커넥션",
  },
  aboutKeepAlive: {
    en: "HTTP/1.0 keep-alive with timeout and max, request by request",
    ko: "timeout과 max가 있는 HTTP/1.0 keep-alive, 요청 하나하나",
  },
  aboutProxy: {
    en: "the hang a dumb proxy causes by forwarding Connection: Keep-Alive",
    ko: "멍청한 프락시가 Connection: Keep-Alive를 그대로 전달해서 생기는 멈춤",
  },
  aboutClose: {
    en: "closing with unread input (RST) against the graceful close",
    ko: "읽지 않은 입력을 남기고 끊기(RST) 대 우아한 커넥션 끊기",
  },
  aboutMultiplex: {
    en: "a slow response: pipelining's head-of-line blocking against multiplexing",
    ko: "느린 응답 하나: 파이프라인 커넥션의 HOL 블로킹(head-of-line blocking) 대 다중화",
  },
});

export interface Picture {
  /** one line saying what the picture shows, in the reader's language (read when shown) */
  readonly about: string;
  draw(): string;
}

function handshakePicture(): string {
  const net = new Network({ rttMs: 100 });
  const conn = net.open({ atMs: 0 });
  conn.client.write(300, "GET /index.html");
  conn.server.read(300, (t) => net.at(t, () => conn.server.write(1000, "200 OK")));
  conn.client.read(1000, () => conn.client.close());
  conn.server.onPeerClose(() => conn.server.close());
  net.run();
  const t = transactionTime({ rttMs: 100, requestBytes: 300, responseBytes: 1000 });
  return (
    `${say.handshakeHeading()}\n${sequenceDiagramText(net.trace)}\n` +
    say.handshakeFoot({ connectMs: t.breakdown.connectMs.toFixed(0), totalMs: t.totalMs.toFixed(0) })
  );
}

function slowStartPicture(): string {
  const bytes = 1_000_000;
  const plain = slowStart({ bytes, rttMs: 100 });
  const delayed = slowStart({ bytes, rttMs: 100, delayedAck: true });
  return [
    cwndChart(plain, { title: say.slowStartPlain({ bytes, rounds: plain.rounds }) }),
    "",
    cwndChart(delayed, { title: say.slowStartDelayed({ rounds: delayed.rounds }) }),
  ].join("\n");
}

function naglePicture(): string {
  const stalled = nagleDelayedAck({ writes: [200, 100], nagle: true, delayedAckMs: 40, rttMs: 1 });
  const nodelay = nagleDelayedAck({ writes: [200, 100], nagle: false, delayedAckMs: 40, rttMs: 1 });
  return (
    `${say.nagleHeading()}\n` +
    `${sequenceDiagramText(stalled.trace)}\n` +
    say.nagleFoot({
      completeMs: stalled.completeMs.toFixed(1),
      stallMs: stalled.stallMs.toFixed(1),
      noDelayMs: nodelay.completeMs.toFixed(1),
    })
  );
}

function portsPicture(): string {
  const ports = LINUX_EPHEMERAL_PORTS;
  const rows = [100, 400, 1000, 5000].map((rate) => {
    const r = portExhaustion({ ports, timeWaitSeconds: LINUX_TIME_WAIT_SECONDS, connectionsPerSecond: rate });
    const when = r.exhaustedAfterSeconds === null ? say.never() : say.after({ seconds: r.exhaustedAfterSeconds.toFixed(1) });
    return `  ${say.portsRow({ rate: String(rate).padStart(5), when })}`;
  });
  const ceiling = portExhaustion({ ports, timeWaitSeconds: LINUX_TIME_WAIT_SECONDS }).maxConnectionsPerSecond;
  return (
    `${say.portsHeading({ low: ports.low, high: ports.high, seconds: LINUX_TIME_WAIT_SECONDS })}\n` +
    `${say.portsCeiling({ ceiling: ceiling.toFixed(0) })}\n${rows.join("\n")}`
  );
}

function delayedAckPicture(): string {
  // two full segments at once, then a lone one: the first pair is ACKed at once, the third waits for the timer
  const arrivals = [
    { tMs: 0, bytes: 1460 },
    { tMs: 0.1, bytes: 1460 },
    { tMs: 10, bytes: 1460 },
    { tMs: 60, bytes: 300 },
  ];
  const reasons: Record<string, Message> = {
    "second full segment": say.ackSecondFull,
    timer: say.ackTimerReason,
    immediate: say.ackImmediate,
  };
  const reason = (r: string) => (Object.hasOwn(reasons, r) ? reasons[r]() : r);
  const lines = [40, 200].map((delayedAckMs) => {
    const acks = ackSchedule({ arrivals, delayedAckMs });
    return (
      `  ${say.ackTimer({ ms: String(delayedAckMs).padStart(3) })}` +
      acks.map((a) => say.ack({ tMs: a.tMs, segments: a.segments, reason: reason(a.reason) })).join("; ")
    );
  });
  const arrived = arrivals.map((a) => say.arrived({ bytes: a.bytes, tMs: a.tMs })).join(", ");
  return `${say.delayedAckHeading({ arrived })}\n${lines.join("\n")}`;
}

const SAMPLE_PAGE = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };

function pageLoadPicture(): string {
  return HTTP1_STRATEGIES.map((strategy) => {
    const r = simulatePageLoad({ page: SAMPLE_PAGE, strategy, rttMs: 100, bandwidthBps: 10e6 });
    const heading = say.pageLoadHeading({
      strategy: strategyName(strategy),
      elapsedMs: r.elapsedMs.toFixed(0),
      packets: r.packets,
      connections: r.connectionsOpened,
    });
    return `${heading}\n${waterfallText(r, { width: 50 })}`;
  }).join("\n\n");
}

function keepAlivePicture(): string {
  const run = simulateKeepAlive({
    server: { timeoutSeconds: 5, max: 3 },
    requests: [0, 1000, 2000, 3000, 9000].map((atMs) => ({ atMs, askKeepAlive: true })),
  });
  const reused = say.reused();
  const fresh = say.new();
  const mark = Math.max(displayWidth(reused), displayWidth(fresh));
  const rows = run.steps.map(
    (s) =>
      `  ${String(s.atMs).padStart(5)} ms  ${padEndWidth(s.path, 8)} ${say.conn({ conn: s.conn })}  ${padEndWidth(s.reused ? reused : fresh, mark)}  ${s.connectionNote}`,
  );
  return `${say.keepAliveHeading()}\n${rows.join("\n")}\n${say.connectionsOpened({ n: run.connectionsOpened })}`;
}

function proxyPicture(): string {
  const r = simulateProxyChain({ proxies: ["dumb"], rttMs: 20, proxyTimeoutMs: 3000 });
  const outcome = r.outcome === "hang" ? say.proxyHang() : r.outcome === "ok" ? say.proxyOk() : String(r.outcome);
  const heading = r.hangMs ? say.proxyHeadingFor({ outcome, ms: r.hangMs }) : say.proxyHeading({ outcome });
  return `${heading}\n${sequenceDiagramText(r.trace)}\n${r.explanation}`;
}

function closePicture(): string {
  return (["abrupt", "graceful"] as const)
    .map((strategy) => {
      const r = simulateClose({ strategy, rttMs: 20, responseBytes: 5000 });
      const close = strategy === "abrupt" ? say.closeAbrupt() : say.closeGraceful();
      return `${say.closeHeading({ close, read: r.clientReceivedBytes, total: r.responseBytes })}\n${sequenceDiagramText(r.trace)}\n${r.explanation}`;
    })
    .join("\n\n");
}

function multiplexPicture(): string {
  const page = { htmlBytes: 2000, objectBytes: [3000, 3000, 3000, 3000] };
  const serverMs = [0, 300, 5, 5, 5]; // the first image is slow at the server
  return (["pipelined", "multiplexed"] as const)
    .map((strategy) => {
      const r = simulatePageLoad({ page, strategy, rttMs: 50, bandwidthBps: 10e6, serverMs });
      return `${say.multiplexHeading({ strategy: strategyName(strategy), elapsedMs: r.elapsedMs.toFixed(0) })}\n${waterfallText(r, { width: 50 })}`;
    })
    .join("\n\n");
}

/** A picture whose `about` is read in the current language each time. */
function picture(about: Message, draw: () => string): Picture {
  return {
    get about() {
      return about();
    },
    draw,
  };
}

export const gallery: Record<string, Picture> = {
  segment: picture(say.aboutSegment, () => `${packetLayout(3000)}\n\n${overheadChart({ maxBytes: 6000 })}`),
  handshake: picture(say.aboutHandshake, handshakePicture),
  "slow-start": picture(say.aboutSlowStart, slowStartPicture),
  nagle: picture(say.aboutNagle, naglePicture),
  ports: picture(say.aboutPorts, portsPicture),
  "delayed-ack": picture(say.aboutDelayedAck, delayedAckPicture),
  "page-load": picture(say.aboutPageLoad, pageLoadPicture),
  "keep-alive": picture(say.aboutKeepAlive, keepAlivePicture),
  proxy: picture(say.aboutProxy, proxyPicture),
  close: picture(say.aboutClose, closePicture),
  multiplex: picture(say.aboutMultiplex, multiplexPicture),
};
