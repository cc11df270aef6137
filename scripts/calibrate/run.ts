/**
 * Calibration of the "linux" stack profile against the real Linux TCP stack
 * (docs/CALIBRATION.md; a developer tool, not a lab: it needs root).
 *
 * relay.py makes two network namespaces joined by a user-space link with the
 * engine's link model (delay, rate, FIFO, no loss); server.js serves the page
 * in one, client.js loads it in the other, one strategy at a time. For each
 * load it prints what the relay counted next to simulatePageLoad on the same
 * link with stack "linux" and the message sizes the relay saw.
 *
 *   npm run calibrate [-- --links 90:1.5e6,150:28800] [--strategies serial,pipelined] [--log-dir DIR]
 *
 * Every child is bounded in time; the relay removes the namespaces when it
 * ends, and it ends when this process does (its stdin closes).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as readline from "node:readline";
import { type PageLoadStrategy, PAGE_LOAD_STRATEGIES, simulatePageLoad } from "../../lib/http/page-load";
import { messages } from "../../lib/i18n";
import type { Trace } from "../../lib/tcp/trace";

const say = messages("scripts/calibrate", {
  notRoot: {
    en: "npm run calibrate needs root (it makes network namespaces and TUN devices); run it as root or with sudo.",
    ko: "npm run calibrate는 root 권한이 필요합니다(네트워크 네임스페이스와 TUN 장치를 만듭니다). root로, 또는 sudo로 실행하세요.",
  },
  noTun: {
    en: "npm run calibrate needs /dev/net/tun (the relay joins the namespaces with TUN devices); this machine has none.",
    ko: "npm run calibrate에는 /dev/net/tun이 필요합니다(중계기가 TUN 장치로 네임스페이스를 잇습니다). 이 머신에는 없습니다.",
  },
  badLink: {
    en: 'a link is "rttMs:bandwidthBps", such as 90:1.5e6; got "{link}"',
    ko: '링크는 90:1.5e6처럼 "rttMs:bandwidthBps" 형식입니다. 받은 값: "{link}"',
  },
  badStrategy: { en: "unknown strategy {strategy}", ko: "알 수 없는 전략 {strategy}" },
  failed: { en: "calibration failed: {error}", ko: "보정 실패: {error}" },
});

const HERE = __dirname;
const PORT = 8080;
/** The issue's page: 42 KB of HTML and 42 images of about 3 KB, 125 KB in all (bodies; the heads come on top). */
const BODIES = [42_000, ...Array.from({ length: 42 }, (_, i) => Math.floor(125_000 / 42) + (i < 125_000 % 42 ? 1 : 0))];
/** How long the link must stay quiet, with nothing queued and no connection open, before a load counts as over. */
const SETTLE_MS = 3_000;

interface Link {
  rttMs: number;
  bandwidthBps: number;
}

type DirectionCounts = Record<
  "packets" | "wire" | "payload" | "data" | "pureAcks" | "syn" | "fin" | "rst" | "retrans" | "retransPayload",
  number
>;
interface RelayStats {
  c2s: DirectionCounts;
  s2c: DirectionCounts;
  packets: number;
  connections: number;
  idleMs: number;
  queued: number;
  lateMs: { median: number; p99: number; max: number };
}
interface ClientResult {
  requests: number;
  whole: number;
  connections: number;
  elapsedMs: number;
  error?: string;
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function links(): Link[] {
  return (flag("links") ?? "90:1.5e6,150:28800").split(",").map((s) => {
    const [rttMs, bandwidthBps] = s.split(":").map(Number);
    if (!(rttMs >= 0 && bandwidthBps > 0)) throw new Error(say.badLink({ link: s }));
    return { rttMs, bandwidthBps };
  });
}

function strategies(): PageLoadStrategy[] {
  const list = (flag("strategies") ?? PAGE_LOAD_STRATEGIES.join(",")).split(",");
  for (const s of list) if (!PAGE_LOAD_STRATEGIES.includes(s as PageLoadStrategy)) throw new Error(say.badStrategy({ strategy: s }));
  return list as PageLoadStrategy[];
}

/** The relay as a question-and-answer channel: one command a line, one JSON answer a line. */
class RelayChannel {
  private readonly answers: string[] = [];
  private waiting: ((line: string) => void) | null = null;

  constructor(readonly child: ChildProcess) {
    readline.createInterface({ input: child.stdout! }).on("line", (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.answers.push(line);
    });
  }

  next(timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const line = this.answers.shift();
    if (line !== undefined) return Promise.resolve(JSON.parse(line));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("the relay did not answer")), timeoutMs);
      this.waiting = (l) => {
        clearTimeout(timer);
        resolve(JSON.parse(l));
      };
    });
  }

  async ask(command: string): Promise<Record<string, unknown>> {
    this.child.stdin!.write(`${command}\n`);
    const answer = await this.next();
    if (answer.error) throw new Error(`relay: ${answer.error}`);
    return answer;
  }
}

/** Children still running, ended on the way out (the relay and the server also end when their stdin closes). */
const children = new Set<ChildProcess>();

/** Runs a child to its end (killed after `timeoutMs`), its stdout's last line parsed as JSON. */
function runJson(cmd: string[], timeoutMs: number): Promise<ClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ["ignore", "pipe", "pipe"] });
    children.add(child);
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", () => {
      clearTimeout(timer);
      children.delete(child);
      const last = out.trim().split("\n").pop() ?? "";
      if (last.startsWith("{")) resolve(JSON.parse(last));
      else reject(new Error(`${cmd.join(" ")}: ${err.trim() || "no answer"}`));
    });
  });
}

/** True when a namespace has no TCP socket left but listeners and TIME-WAIT ones. */
function quiet(ns: string): boolean {
  const r = spawnSync("ip", ["netns", "exec", ns, "ss", "-Htan"], { encoding: "utf8", timeout: 5_000 });
  return r.stdout.split("\n").every((line) => line.trim() === "" || /^(LISTEN|TIME-WAIT)\s/.test(line));
}

async function settle(relay: RelayChannel, ns: Record<string, string>, deadlineMs: number): Promise<RelayStats> {
  const ends = Date.now() + deadlineMs;
  for (;;) {
    const stats = (await relay.ask("stats")) as unknown as RelayStats;
    if ((stats.queued === 0 && stats.idleMs >= SETTLE_MS && quiet(ns.client) && quiet(ns.server)) || Date.now() > ends) return stats;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The model's trace counted the way the relay counts the wire. */
function modelCounts(trace: Trace): { c2s: DirectionCounts; s2c: DirectionCounts } {
  const zero = (): DirectionCounts => ({
    packets: 0,
    wire: 0,
    payload: 0,
    data: 0,
    pureAcks: 0,
    syn: 0,
    fin: 0,
    rst: 0,
    retrans: 0,
    retransPayload: 0,
  });
  const out = { c2s: zero(), s2c: zero() };
  for (const e of trace) {
    const c = e.from === "client" ? out.c2s : out.s2c;
    c.packets++;
    c.payload += e.bytes;
    if (e.bytes > 0) c.data++;
    else if (e.flags.length === 1 && e.flags[0] === "ACK") c.pureAcks++;
    if (e.flags.includes("SYN")) c.syn++;
    if (e.flags.includes("FIN")) c.fin++;
    if (e.flags.includes("RST")) c.rst++;
    if (e.retransmit) {
      c.retrans++;
      c.retransPayload += e.bytes;
    }
  }
  return out;
}

const pct = (model: number, real: number): string => (real === 0 ? "-" : `${(((model - real) / real) * 100).toFixed(1)}%`);
const breakdown = (c: DirectionCounts): string =>
  `${c.packets} (syn ${c.syn} data ${c.data} ack ${c.pureAcks} fin ${c.fin} rst ${c.rst} re ${c.retrans} bytes ${c.payload - c.retransPayload}+${c.retransPayload})`;

function writeModelTrace(file: string, trace: Trace): void {
  const lines = trace.map(
    (e) =>
      `${e.tMs.toFixed(3)}\t${e.from === "client" ? "c2s" : "s2c"}\tconn${e.conn}\t${e.flags.join(",")}\tlen=${e.bytes}` +
      `${e.retransmit ? "\tRETRANS" : ""}${e.lost ? "\tLOST" : ""}${e.note ? `\t${e.note}` : ""}`,
  );
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
}

async function calibrate(logDir: string): Promise<void> {
  const chosen = { links: links(), strategies: strategies() };
  fs.mkdirSync(logDir, { recursive: true });
  const prefix = `cal${process.pid}`;
  const relayChild = spawn(
    "python3",
    [path.join(HERE, "relay.py"), "--prefix", prefix, "--max-seconds", "7200", "--log", path.join(logDir, "relay.log")],
    {
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  children.add(relayChild);
  const relay = new RelayChannel(relayChild);
  let server: ChildProcess | undefined;
  try {
    const ready = (await relay.next(30_000)) as { namespaces: Record<string, string>; server: string };
    const ns = ready.namespaces;
    server = spawn(
      "ip",
      [
        "netns",
        "exec",
        ns.server,
        "node",
        path.join(HERE, "server.js"),
        "--port",
        String(PORT),
        "--bodies",
        JSON.stringify(BODIES),
        "--max-seconds",
        "7200",
      ],
      {
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    children.add(server);
    await new Promise<void>((resolve, reject) => {
      readline.createInterface({ input: server!.stdout! }).once("line", () => resolve());
      server!.once("exit", () => reject(new Error("the server ended")));
    });
    console.log(
      "link             strategy     real ms  model ms  diff   | real pkts model pkts diff   | real re model re | relay late p99 ms",
    );
    for (const link of chosen.links) {
      await relay.ask(`link ${link.rttMs} ${link.bandwidthBps}`);
      for (const strategy of chosen.strategies) {
        for (const side of Object.values(ns)) spawnSync("ip", ["-n", side, "tcp_metrics", "flush", "all"], { timeout: 5_000 });
        const label = `${link.rttMs}ms/${link.bandwidthBps}bps/${strategy}`;
        await relay.ask(`mark ${label}`);
        const client = await runJson(
          [
            "ip",
            "netns",
            "exec",
            ns.client,
            "node",
            path.join(HERE, "client.js"),
            "--host",
            ready.server,
            "--port",
            String(PORT),
            "--strategy",
            strategy,
            "--bodies",
            JSON.stringify(BODIES),
            "--max-seconds",
            "900",
          ],
          960_000,
        );
        const real = await settle(relay, ns, 120_000);
        if (client.error || client.whole !== BODIES.length)
          console.log(`  ! ${label}: ${client.error ?? `${client.whole} of ${BODIES.length} responses whole`}`);
        const requests = client.requests;
        // the messages' sizes: what each side sent once (retransmitted bytes left out), heads spread evenly
        const requestBytes = Math.max(1, Math.round((real.c2s.payload - real.c2s.retransPayload) / requests));
        const sent = real.s2c.payload - real.s2c.retransPayload;
        const head = Math.max(0, Math.round((sent - BODIES.reduce((a, b) => a + b, 0)) / requests));
        const page = { htmlBytes: BODIES[0] + head, objectBytes: BODIES.slice(1).map((b) => b + head) };
        const model = simulatePageLoad({
          page,
          strategy,
          rttMs: link.rttMs,
          bandwidthBps: link.bandwidthBps,
          stack: "linux",
          requestBytes,
        });
        const m = modelCounts(model.trace);
        writeModelTrace(path.join(logDir, `model-${link.rttMs}-${link.bandwidthBps}-${strategy}.log`), model.trace);
        const name = `${link.rttMs} ms ${link.bandwidthBps / 1000} kb/s`.padEnd(17);
        console.log(
          `${name}${strategy.padEnd(12)} ${client.elapsedMs.toFixed(0).padStart(8)} ${model.elapsedMs.toFixed(0).padStart(9)} ${pct(model.elapsedMs, client.elapsedMs).padStart(6)} | ` +
            `${String(real.packets).padStart(9)} ${String(model.packets).padStart(10)} ${pct(model.packets, real.packets).padStart(6)} | ` +
            `${String(real.c2s.retrans + real.s2c.retrans).padStart(7)} ${String(model.retransmissions).padStart(8)} | ${real.lateMs.p99}`,
        );
        console.log(`    real  c2s ${breakdown(real.c2s)}  s2c ${breakdown(real.s2c)}  conns ${real.connections}`);
        console.log(
          `    model c2s ${breakdown(m.c2s)}  s2c ${breakdown(m.s2c)}  conns ${model.connectionsOpened}  (request ${requestBytes} B, head ${head} B)`,
        );
      }
    }
  } finally {
    server?.stdin?.end();
    server?.kill("SIGTERM");
    relayChild.stdin?.end(); // the relay removes its namespaces and ends
    await new Promise((resolve) => (relayChild.exitCode !== null ? resolve(null) : relayChild.once("exit", resolve)));
  }
}

function main(): void {
  if (process.getuid?.() !== 0) {
    console.error(say.notRoot());
    process.exit(1);
  }
  if (!fs.existsSync("/dev/net/tun")) {
    console.error(say.noTun());
    process.exit(1);
  }
  const logDir = path.resolve(flag("log-dir") ?? ".workbook/calibrate");
  const stop = () => {
    for (const child of children) child.kill("SIGTERM"); // the relay removes its namespaces as it ends
    process.exit(130);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  calibrate(logDir).catch((err) => {
    console.error(say.failed({ error: String(err instanceof Error ? err.message : err) }));
    process.exit(1);
  });
}

main();
