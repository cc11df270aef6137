// The calibration relay's packet parsing and retransmission counting
// (scripts/calibrate/relay.py), on hand-made IPv4 packets. No root, no
// namespaces: the functions are imported into a plain python3, one process for
// every test's snippet (a python3 costs 0.1-0.2 s to start, more behind pyenv's
// shims), each snippet with its own packets and globals.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../lib/workbook/paths";

const RELAY_DIR = path.join(ROOT, "scripts", "calibrate");

/** An IPv4 header (20 bytes, no options; checksums left 0: the parser does not read them) around `l4`. */
function ipv4(protocol: number, l4: Buffer): Buffer {
  const ip = Buffer.alloc(20);
  ip[0] = 0x45;
  ip.writeUInt16BE(20 + l4.length, 2);
  ip[8] = 64;
  ip[9] = protocol;
  ip.set([10, 77, 0, 2], 12);
  ip.set([10, 77, 0, 1], 16);
  return Buffer.concat([ip, l4]);
}

/** A TCP header with `options` (a multiple of 4 bytes) and `payload` bytes of data. */
function tcp(flags: number, seq: number, options: number[], payload: number): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE(8080, 0);
  header.writeUInt16BE(40000, 2);
  header.writeUInt32BE(seq, 4);
  header.writeUInt32BE(7, 8);
  header.writeUInt16BE((((20 + options.length) / 4) << 12) | flags, 12);
  header.writeUInt16BE(502, 14);
  return Buffer.concat([header, Buffer.from(options), Buffer.alloc(payload, 0x61)]);
}

const TIMESTAMPS = [1, 1, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2]; // NOP NOP TS(10): 12 bytes, as Linux sends
const SYN_OPTIONS = [2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 0, 1, 3, 3, 7]; // MSS SACK-OK TS NOP WS: 20 bytes

/** Runs each snippet with relay.py importable, its packets as bytes in the list P; answers what each printed, or its error. */
const DRIVER = `import contextlib, io, json, sys, traceback
import relay
out = []
for code, packets in json.load(sys.stdin):
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            exec(code, {"json": json, "relay": relay, "P": [bytes.fromhex(h) for h in packets]})
        out.append({"out": buf.getvalue()})
    except Exception:
        out.append({"error": traceback.format_exc()})
print(json.dumps(out))`;

/** The snippets of the tests below, run together before them (py collects them while the tests are defined). */
const snippets: { code: string; packets: Buffer[] }[] = [];
let answers: ({ out: string } | { error: string })[] | undefined;
let python: { status: number | null; stderr: string } | undefined;

/** A test's python snippet, printing JSON; the answer, read when the test runs. */
function py(code: string, packets: Buffer[]): () => unknown {
  const n = snippets.push({ code, packets }) - 1;
  return () => {
    const a = answers?.[n];
    if (!a) throw new Error(`python3 did not answer: ${python?.stderr}`);
    if ("error" in a) throw new Error(a.error);
    return JSON.parse(a.out);
  };
}

describe("calibration relay (scripts/calibrate/relay.py)", () => {
  beforeAll(() => {
    const r = spawnSync("python3", ["-c", DRIVER], {
      cwd: RELAY_DIR,
      input: JSON.stringify(snippets.map((s) => [s.code, s.packets.map((p) => p.toString("hex"))])),
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" }, // no __pycache__ beside the script
      encoding: "utf8",
      timeout: 20_000,
    });
    python = { status: r.status, stderr: r.stderr };
    if (r.status === 0) answers = JSON.parse(r.stdout);
  });

  it("has python3 to run on (the workbook's set-up needs it too)", () => expect(python?.status, python?.stderr).toBe(0));

  const data = py("print(json.dumps(relay.parse_packet(P[0])))", [ipv4(6, tcp(0x18, 1000, TIMESTAMPS, 5))]);
  it("parses a data segment with the timestamps option: ports, flags, payload, option bytes", () => {
    expect(data()).toEqual({
      sport: 8080,
      dport: 40000,
      seq: 1000,
      ack: 7,
      flags: ["ACK", "PSH"],
      payload: 5,
      optionBytes: 12,
      options: ["ts"],
      window: 502,
      wire: 57,
    });
  });

  const syn = py("t = relay.parse_packet(P[0]); print(json.dumps([t['flags'], t['options'], t['payload'], t['wire']]))", [
    ipv4(6, tcp(0x02, 99, SYN_OPTIONS, 0)),
  ]);
  it("names a SYN's options and counts no payload", () => {
    expect(syn()).toEqual([["SYN"], ["mss", "sackok", "ts", "ws"], 0, 60]);
  });

  const v6 = Buffer.alloc(40);
  v6[0] = 0x60;
  const notTcp = py("print(json.dumps([relay.parse_packet(p) for p in P]))", [ipv4(17, Buffer.alloc(8)), v6]);
  it("ignores what is not TCP over IPv4", () => {
    expect(notTcp()).toEqual([null, null]);
  });

  const first = ipv4(6, tcp(0x10, 1000, TIMESTAMPS, 100));
  const next = ipv4(6, tcp(0x10, 1100, TIMESTAMPS, 100));
  const ack = ipv4(6, tcp(0x10, 1200, TIMESTAMPS, 0));
  const counted = py("c = relay.Counts()\nr = [c.add('s2c', relay.parse_packet(p)) for p in P]\nprint(json.dumps([r, c.dirs['s2c']]))", [
    first,
    next,
    first,
    ack,
  ]);
  it("counts a segment sent again as a retransmission, its bytes apart, and a pure ACK as neither", () => {
    const [flags, counts] = counted() as [boolean[], Record<string, number>];
    expect(flags).toEqual([false, false, true, false]);
    expect(counts).toMatchObject({ packets: 4, data: 3, pureAcks: 1, retrans: 1, payload: 300, retransPayload: 100 });
  });
});
