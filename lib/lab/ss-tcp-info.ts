/**
 * Reads the kernel's own segment counters for the sockets of one loopback
 * port: Linux keeps them per socket in tcp_info, and `ss -tinH` (iproute2)
 * prints them. For each socket:
 *   segs_out / segs_in            every segment it sent / received (SYN,
 *                                 pure ACKs, data; a GSO packet counts as the
 *                                 MSS-sized segments it carries)
 *   data_segs_out / data_segs_in  only those that carried payload
 *   mss                           the size it sends its segments at now
 * segs_* came with Linux 4.2, data_segs_* with 4.6. Where `ss` is missing,
 * fails, or prints no counters, the reading says why instead of a number.
 *
 * Two facts of Linux the reader of these numbers needs: the SYN-ACK is sent
 * before the server's socket exists (by the listener's request socket), so
 * the server end's segs_out leaves it out, while the client end's segs_in
 * has it; and the server end's segs_in starts at 1 for the SYN.
 */
import { type ExecFileException, execFile } from "node:child_process";
import { messages, type Localized } from "../i18n";

const say = messages("lab/ss-tcp-info", {
  missing: {
    en: "`ss` (iproute2) is not installed, so the kernel's segment counters cannot be read",
    ko: "`ss`(iproute2)가 설치되어 있지 않아 커널의 세그먼트 카운터를 읽을 수 없습니다",
  },
  timedOut: { en: "`ss` did not answer within {ms} ms", ko: "`ss`가 {ms} ms 안에 답하지 않았습니다" },
  failed: { en: "`ss -tinH` failed: {error}", ko: "`ss -tinH`가 실패했습니다: {error}" },
  noCounters: {
    en: "`ss -tin` printed no segment counters for port {port} (segs_out and data_segs_out need Linux 4.6 or later)",
    ko: "`ss -tin`이 포트 {port}의 세그먼트 카운터를 출력하지 않았습니다 (segs_out과 data_segs_out은 Linux 4.6 이상에 있습니다)",
  },
});

/** One socket's counters as `ss` printed them. */
export interface SocketCounters {
  /** as ss names it: "ESTAB", "CLOSE-WAIT", "FIN-WAIT-1", "LISTEN", ... */
  state: string;
  localPort: number;
  peerPort: number;
  segsOut: number;
  segsIn: number;
  dataSegsOut: number;
  dataSegsIn: number;
  /** the size this end sends its segments at (tcpi_snd_mss), when printed */
  mss: number | null;
}

/** A socket line whose tcp_info lacks a counter (an old kernel, a TIME-WAIT socket) keeps only its address. */
export interface SocketLine {
  state: string;
  localPort: number;
  peerPort: number;
  counters: SocketCounters | null;
}

/**
 * What `ss` gave: sockets, or why not. Both fields are on both shapes (never
 * both set) so the test of `ok` narrows without strictNullChecks, which the
 * notebook kernel's compiler runs without.
 */
export type SsReading = { ok: true; sockets: SocketLine[]; reason?: undefined } | { ok: false; sockets?: undefined; reason: Localized };

/** How long one `ss` may take before the reading gives up. */
export const SS_TIMEOUT_MS = 5000;

/** The port of "127.0.0.1:8080", "[::1]:8080" or "*:*" (NaN). */
function portOf(address: string): number {
  const port = address.slice(address.lastIndexOf(":") + 1);
  return /^\d+$/.test(port) ? Number(port) : NaN;
}

function counter(info: string, name: string): number | null {
  // \b keeps "segs_out" from matching inside "data_segs_out", and "mss" inside "advmss"
  const match = new RegExp(`\\b${name}:(\\d+)`).exec(info);
  return match ? Number(match[1]) : null;
}

function countersOf(state: string, localPort: number, peerPort: number, info: string): SocketCounters | null {
  const [segsOut, segsIn, dataSegsOut, dataSegsIn] = ["segs_out", "segs_in", "data_segs_out", "data_segs_in"].map((n) => counter(info, n));
  if (segsOut === null || segsIn === null || dataSegsOut === null || dataSegsIn === null) return null;
  return { state, localPort, peerPort, segsOut, segsIn, dataSegsOut, dataSegsIn, mss: counter(info, "mss") };
}

/**
 * Parses `ss -tin` output: a line per socket (state, queues, local and peer
 * address), its tcp_info on the indented lines after it. A header line, if
 * any, and lines that fit nothing are skipped.
 */
export function parseSsOutput(text: string): SocketLine[] {
  const found: { state: string; localPort: number; peerPort: number; info: string }[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    if (/^\s/.test(line)) {
      if (found.length > 0) found[found.length - 1].info += ` ${line.trim()}`;
      continue;
    }
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5 || fields[0] === "State") continue;
    const [state, , , local, peer] = fields;
    found.push({ state, localPort: portOf(local), peerPort: portOf(peer), info: "" });
  }
  return found.map((s) => ({
    state: s.state,
    localPort: s.localPort,
    peerPort: s.peerPort,
    counters: countersOf(s.state, s.localPort, s.peerPort, s.info),
  }));
}

function failureReason(err: ExecFileException, stderr: string): Localized {
  if (err.code === "ENOENT") return say.missing();
  if (err.killed) return say.timedOut({ ms: SS_TIMEOUT_MS });
  const firstLine = stderr.trim().split("\n")[0] || err.message;
  return say.failed({ error: firstLine });
}

/** Runs `ss -tinH` for every TCP socket whose local or peer port is `port`. */
export function readSocketCounters(port: number): Promise<SsReading> {
  const filter = `( sport = :${port} or dport = :${port} )`;
  return new Promise((resolve) => {
    execFile(
      "ss",
      ["-t", "-i", "-n", "-H", "state", "all", filter],
      { timeout: SS_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, env: { ...process.env, LC_ALL: "C" } },
      (err, stdout, stderr) => {
        if (err) return resolve({ ok: false, reason: failureReason(err, String(stderr)) });
        const sockets = parseSsOutput(String(stdout));
        // a socket of ours is always there when this is called: none with counters means ss cannot show them
        if (!sockets.some((s) => s.counters !== null)) return resolve({ ok: false, reason: say.noCounters({ port }) });
        resolve({ ok: true, sockets });
      },
    );
  });
}
