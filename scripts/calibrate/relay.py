#!/usr/bin/env python3
"""A user-space link between two network namespaces, the link of lib/sim/link.ts.

Developer tool (docs/CALIBRATION.md), not part of the workbook students run.
It creates two namespaces, "client" and "server", each with one TUN device
and one address, and carries the IP packets between the two devices:

  a packet read from one device waits in that direction's FIFO (unlimited,
  never dropped), is serialised at the direction's rate (wire bytes = the IP
  packet: 20 IP + 20 TCP + options + payload, as the engine counts them)
  and is written to the other device one-way delay later.

That is the engine's model exactly: one queue per direction, no loss, no
reordering, no jitter beyond the relay's own scheduling (measured: `late`).
Every TCP packet is parsed (ports, flags, seq, ack, payload, options) and
counted when it enters the link, which is when its sender put it on the
wire. A per-packet log goes to --log.

Control, one command a line on stdin, one JSON answer a line on stdout:
  link <rttMs> <bandwidthBps>   set the link (only while nothing is queued)
  mark <label>                  zero the counters, start a log section
  stats                         the counters since the mark
  quit                          (stdin closing does the same)
The namespaces and devices are removed on every exit: quit, end of stdin,
--max-seconds, SIGINT, SIGTERM or an error.

  sudo python3 relay.py --prefix cal --rtt-ms 90 --bandwidth-bps 1.5e6
"""

import argparse
import ctypes
import fcntl
import json
import os
import select
import signal
import struct
import subprocess
import sys
import time
from collections import deque

CLONE_NEWNET = 0x40000000
TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000
CLIENT_ADDR = "10.77.0.1"
SERVER_ADDR = "10.77.0.2"
FLAG_NAMES = (("SYN", 0x02), ("ACK", 0x10), ("FIN", 0x01), ("RST", 0x04), ("PSH", 0x08))
OPTION_NAMES = {2: "mss", 3: "ws", 4: "sackok", 5: "sack", 8: "ts"}


def parse_packet(pkt):
    """The TCP facts of one IPv4 packet, or None for anything else (IPv6, UDP, ICMP, a fragment)."""
    if len(pkt) < 20 or pkt[0] >> 4 != 4:
        return None
    ihl = (pkt[0] & 0x0F) * 4
    total = struct.unpack_from("!H", pkt, 2)[0]
    if pkt[9] != 6 or len(pkt) < ihl + 20 or total > len(pkt):
        return None
    sport, dport, seq, ack, off_flags, window = struct.unpack_from("!HHIIHH", pkt, ihl)
    doff = (off_flags >> 12) * 4
    bits = off_flags & 0x3F
    options, i = [], ihl + 20
    while i < ihl + doff:
        kind = pkt[i]
        if kind == 0:
            break
        if kind == 1:
            i += 1
            continue
        if i + 1 >= ihl + doff or pkt[i + 1] < 2:
            break
        options.append(OPTION_NAMES.get(kind, str(kind)))
        i += pkt[i + 1]
    return {
        "sport": sport,
        "dport": dport,
        "seq": seq,
        "ack": ack,
        "flags": [name for name, bit in FLAG_NAMES if bits & bit],
        "payload": total - ihl - doff,
        "optionBytes": doff - 20,
        "options": options,
        "window": window,
        "wire": total,
    }


class Counts:
    """What crossed the link since the last mark, per direction, with retransmissions told apart."""

    def __init__(self):
        self.dirs = {d: {"packets": 0, "wire": 0, "payload": 0, "data": 0, "pureAcks": 0, "syn": 0, "fin": 0, "rst": 0, "retrans": 0, "retransPayload": 0} for d in ("c2s", "s2c")}
        self.other = 0
        self.sent_to = {}  # (direction, sport, dport) -> highest sequence number sent (end of data, SYN and FIN count one)
        self.connections = set()

    def add(self, direction, tcp):
        c = self.dirs[direction]
        c["packets"] += 1
        c["wire"] += tcp["wire"]
        c["payload"] += tcp["payload"]
        flags = tcp["flags"]
        length = tcp["payload"] + ("SYN" in flags) + ("FIN" in flags)
        if tcp["payload"] > 0:
            c["data"] += 1
        elif flags == ["ACK"]:
            c["pureAcks"] += 1
        c["syn"] += "SYN" in flags
        c["fin"] += "FIN" in flags
        c["rst"] += "RST" in flags
        if "SYN" in flags and "ACK" not in flags:
            self.connections.add((tcp["sport"], tcp["dport"]))
        key = (direction, tcp["sport"], tcp["dport"])
        retrans = False
        if length > 0:
            top = self.sent_to.get(key)
            end = tcp["seq"] + length
            # on a link without reordering, a sequence number below what this end already sent is sent again
            ahead = None if top is None else (end - top) & 0xFFFFFFFF
            if ahead is not None and (ahead == 0 or ahead > 0x7FFFFFFF):
                retrans = True
                c["retrans"] += 1
                c["retransPayload"] += tcp["payload"]
            else:
                self.sent_to[key] = end
        return retrans

    def summary(self):
        return {**self.dirs, "packets": self.dirs["c2s"]["packets"] + self.dirs["s2c"]["packets"], "connections": len(self.connections), "other": self.other}


class Direction:
    """One way of the link: a FIFO, a rate and a delay (lib/sim/link.ts's Direction)."""

    def __init__(self):
        self.queue = deque()  # (deliver_at, packet)
        self.free_at = 0.0
        self.delay = 0.0
        self.bps = float("inf")

    def transmit(self, now, pkt):
        start = max(now, self.free_at)
        end = start + (0 if self.bps == float("inf") else len(pkt) * 8 / self.bps)
        self.free_at = end
        self.queue.append((end + self.delay, pkt))


def netns_fd(name):
    return os.open(f"/var/run/netns/{name}", os.O_RDONLY)


def setns(fd):
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.setns(fd, CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))


def open_tun(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def sh(*args):
    done = subprocess.run(args, capture_output=True, text=True, timeout=10)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)}: {done.stderr.strip()}")


class Relay:
    def __init__(self, prefix, log_path):
        self.ns = {"client": f"{prefix}-c", "server": f"{prefix}-s"}
        self.dev = f"{prefix}tun"[:15]
        self.fds = {}
        self.made = []
        self.dirs = {"c2s": Direction(), "s2c": Direction()}
        self.counts = Counts()
        self.mark_at = time.monotonic()
        self.last_packet = self.mark_at
        self.late = []
        self.log = open(log_path, "w") if log_path else None

    def setup(self):
        home = os.open("/proc/self/ns/net", os.O_RDONLY)
        try:
            for side, addr, peer in (("client", CLIENT_ADDR, SERVER_ADDR), ("server", SERVER_ADDR, CLIENT_ADDR)):
                ns = self.ns[side]
                sh("ip", "netns", "add", ns)
                self.made.append(ns)
                fd = netns_fd(ns)
                try:
                    setns(fd)
                    self.fds[side] = open_tun(self.dev)  # the device is born in the namespace the process is in
                finally:
                    setns(home)
                    os.close(fd)
                for cmd in (
                    ("ip", "-n", ns, "link", "set", "lo", "up"),
                    ("ip", "-n", ns, "addr", "add", addr, "peer", peer, "dev", self.dev),
                    ("ip", "-n", ns, "link", "set", self.dev, "up"),
                    # the namespace may not pick cubic by sysctl (tcp_allowed_congestion_control is the host's); a route may
                    ("ip", "-n", ns, "route", "replace", peer, "dev", self.dev, "congctl", "cubic"),
                    ("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1"),
                ):
                    sh(*cmd)
        finally:
            os.close(home)

    def cleanup(self):
        for fd in self.fds.values():
            os.close(fd)
        self.fds = {}
        for ns in self.made:
            subprocess.run(("ip", "netns", "del", ns), capture_output=True, timeout=10)
        self.made = []
        if self.log:
            self.log.close()
            self.log = None

    def set_link(self, rtt_ms, bps):
        for d in self.dirs.values():
            d.delay = rtt_ms / 2000
            d.bps = bps

    def receive(self, direction, pkt, now):
        self.last_packet = now
        self.dirs[direction].transmit(now, pkt)
        tcp = parse_packet(pkt)
        if tcp is None:
            self.counts.other += 1
            return
        retrans = self.counts.add(direction, tcp)
        if self.log:
            t = round((now - self.mark_at) * 1000, 3)
            self.log.write(
                f"{t}\t{direction}\t{tcp['sport']}>{tcp['dport']}\t{','.join(tcp['flags'])}\tseq={tcp['seq']}\tack={tcp['ack']}"
                f"\tlen={tcp['payload']}\twire={tcp['wire']}\twin={tcp['window']}\topts={','.join(tcp['options'])}{chr(9) + 'RETRANS' if retrans else ''}\n"
            )

    def deliver(self, now):
        for name, d in self.dirs.items():
            out = self.fds["server" if name == "c2s" else "client"]
            while d.queue and d.queue[0][0] <= now:
                due, pkt = d.queue.popleft()
                os.write(out, pkt)
                self.late.append(now - due)

    def next_due(self):
        return min((d.queue[0][0] for d in self.dirs.values() if d.queue), default=None)

    def command(self, line):
        words = line.split()
        if not words:
            return {"ok": True}
        if words[0] == "link":
            if any(d.queue for d in self.dirs.values()):
                return {"error": "packets still queued"}
            self.set_link(float(words[1]), float(words[2]))
            return {"ok": True}
        if words[0] == "mark":
            self.counts = Counts()
            self.mark_at = time.monotonic()
            self.late = []
            if self.log:
                self.log.write(f"# mark {' '.join(words[1:])}\n")
                self.log.flush()
            return {"ok": True}
        if words[0] == "stats":
            now = time.monotonic()
            late = sorted(self.late)
            return {
                **self.counts.summary(),
                "idleMs": round((now - self.last_packet) * 1000, 1),
                "queued": sum(len(d.queue) for d in self.dirs.values()),
                "lateMs": {
                    "median": round(late[len(late) // 2] * 1000, 3) if late else 0,
                    "p99": round(late[int(len(late) * 0.99)] * 1000, 3) if late else 0,
                    "max": round(late[-1] * 1000, 3) if late else 0,
                },
            }
        if words[0] == "quit":
            raise SystemExit(0)
        return {"error": f"unknown command {words[0]}"}

    def run(self, max_seconds):
        ends = time.monotonic() + max_seconds
        source = {self.fds["client"]: "c2s", self.fds["server"]: "s2c"}
        stdin = sys.stdin.fileno()
        pending = b""
        print(json.dumps({"ready": True, "namespaces": self.ns, "device": self.dev, "client": CLIENT_ADDR, "server": SERVER_ADDR}), flush=True)
        while True:
            now = time.monotonic()
            if now >= ends:
                raise SystemExit("relay: --max-seconds reached")
            self.deliver(now)
            due = self.next_due()
            timeout = min(0.5, ends - now) if due is None else max(0.0, min(due - now, 0.5))
            readable, _, _ = select.select([*source, stdin], [], [], timeout)
            for fd in readable:
                if fd == stdin:
                    chunk = os.read(stdin, 4096)
                    if not chunk:
                        raise SystemExit(0)
                    pending += chunk
                    while b"\n" in pending:
                        line, pending = pending.split(b"\n", 1)
                        print(json.dumps(self.command(line.decode())), flush=True)
                    continue
                while True:  # drain the device: every packet is stamped with the time it was read
                    try:
                        pkt = os.read(fd, 65536)
                    except BlockingIOError:
                        break
                    self.receive(source[fd], pkt, time.monotonic())


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--prefix", default=f"cal{os.getpid()}", help="namespace name prefix (namespaces <prefix>-c and <prefix>-s)")
    p.add_argument("--rtt-ms", type=float, default=90)
    p.add_argument("--bandwidth-bps", type=float, default=1.5e6)
    p.add_argument("--max-seconds", type=float, default=3600, help="the relay ends itself after this long")
    p.add_argument("--log", help="per-packet log file")
    p.add_argument("--realtime", type=int, default=10, help="SCHED_FIFO priority for the relay (0: ordinary scheduling)")
    a = p.parse_args()
    relay = Relay(a.prefix, a.log)
    # SIGINT and SIGTERM end through SystemExit, so the finally below removes the namespaces
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit(128 + signum))
    if a.realtime:
        # a loaded machine otherwise leaves packets waiting in the relay for tens of ms past their due time
        os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(a.realtime))
    try:
        relay.set_link(a.rtt_ms, a.bandwidth_bps)
        relay.setup()
        relay.run(a.max_seconds)
    finally:
        relay.cleanup()


if __name__ == "__main__":
    main()
