/**
 * Reads Linux's socket tables /proc/net/tcp and /proc/net/tcp6 to count the
 * connections sitting in TIME_WAIT for one server port.
 *
 * Each line after the header describes one socket:
 *   sl  local_address rem_address   st ...
 *   0: 0100007F:9C40 0100007F:8A2E 06 ...
 * Addresses are hex IP:hex port; `st` is the kernel's TCP state number, and
 * TCP_TIME_WAIT is 6 (include/net/tcp_states.h). The local address tells
 * which end of the connection holds the TIME_WAIT entry: if its port is the
 * server's port, the server side holds it; if the remote port is the
 * server's, the client side does.
 *
 * The table is the whole machine's: another process (a second lab run, a
 * test in parallel) has its own entries, and a port that is one run's
 * server port may be another connection's client port. So a lab counts only
 * its own connections: the entries whose four numbers (both addresses and
 * ports) are those of a connection it made (`countOwnTimeWait`).
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** Linux's number for TCP_TIME_WAIT in the `st` column. */
export const TIME_WAIT_STATE = 0x06;

export interface SocketEntry {
  localPort: number;
  remotePort: number;
  state: number;
  /** "127.0.0.1" (an IPv4 or IPv4-mapped IPv6 address), or the IPv6 address in hex as the table gives it */
  localAddress: string;
  remoteAddress: string;
}

/** Parses "0100007F:1F90" (or a 32-hex-digit IPv6 address) to its port. */
function portOf(address: string): number {
  const colon = address.lastIndexOf(":");
  return colon < 0 ? NaN : parseInt(address.slice(colon + 1), 16);
}

/** One 32-bit word of the table, stored in host (little-endian) byte order, as a dotted quad. */
function dottedQuad(word: string): string {
  const bytes = word.match(/../g)!.map((b) => parseInt(b, 16));
  return bytes.reverse().join(".");
}

/** Decodes the address part of "0100007F:1F90" (IPv4) or of a 32-hex-digit IPv6 address; IPv4-mapped IPv6 becomes dotted IPv4. */
export function decodeAddress(address: string): string {
  const hex = address.slice(0, Math.max(0, address.lastIndexOf(":"))).toUpperCase();
  if (/^[0-9A-F]{8}$/.test(hex)) return dottedQuad(hex);
  if (/^[0-9A-F]{32}$/.test(hex)) {
    // ::ffff:a.b.c.d is stored as the words 00000000 00000000 FFFF0000 <a.b.c.d>
    if (hex.startsWith("0000000000000000FFFF0000")) return dottedQuad(hex.slice(24));
    return hex;
  }
  return hex;
}

/** Parses the text of /proc/net/tcp or tcp6; lines that do not fit are skipped. */
export function parseProcNetTcp(text: string): SocketEntry[] {
  const entries: SocketEntry[] = [];
  for (const line of text.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const entry = {
      localPort: portOf(fields[1]),
      remotePort: portOf(fields[2]),
      state: parseInt(fields[3], 16),
      localAddress: decodeAddress(fields[1]),
      remoteAddress: decodeAddress(fields[2]),
    };
    if (Number.isInteger(entry.localPort) && Number.isInteger(entry.remotePort) && Number.isInteger(entry.state)) entries.push(entry);
  }
  return entries;
}

/** The socket table files of this machine, or null when there are none (not Linux). */
export function procNetTcpFiles(procDir = "/proc"): string[] | null {
  const files = ["net/tcp", "net/tcp6"].map((f) => path.join(procDir, f));
  try {
    readFileSync(files[0], "utf8");
  } catch {
    return null;
  }
  return files;
}

export interface TimeWaitCount {
  /** TIME_WAIT entries whose local port is the server's: the server closed first */
  serverSide: number;
  /** TIME_WAIT entries whose remote port is the server's: the client closed first */
  clientSide: number;
}

/**
 * Counts TIME_WAIT entries for one server port across the given table files,
 * whoever's they are, and skips a file it cannot read. Kept for callers that
 * want the whole machine's view; the lab counts its own connections only
 * (`ownTimeWait`), reading with `readSocketTable`, which does not skip errors.
 */
export function countTimeWait(files: string[], serverPort: number): TimeWaitCount {
  const count: TimeWaitCount = { serverSide: 0, clientSide: 0 };
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue; // tcp6 may be absent when IPv6 is off
    }
    for (const entry of parseProcNetTcp(text)) {
      if (entry.state !== TIME_WAIT_STATE) continue;
      if (entry.localPort === serverPort) count.serverSide++;
      else if (entry.remotePort === serverPort) count.clientSide++;
    }
  }
  return count;
}

/**
 * Reads the table files: the first (net/tcp) must be readable, and any error
 * there is thrown (an EMFILE must not read as an empty table); a later one
 * (net/tcp6) may be missing when IPv6 is off.
 */
export function readSocketTable(files: string[]): SocketEntry[] {
  const entries: SocketEntry[] = [];
  files.forEach((file, i) => {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      if (i === 0 || (err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      return;
    }
    entries.push(...parseProcNetTcp(text));
  });
  return entries;
}

export interface OwnTimeWait {
  /** client ports of the lab's connections whose TIME_WAIT entry the server side holds */
  serverSide: Set<number>;
  /** client ports of the lab's connections whose TIME_WAIT entry the client side holds */
  clientSide: Set<number>;
  /** TIME_WAIT entries on the server's port that are not the lab's connections (another process's), left out */
  ignored: number;
}

/**
 * The TIME_WAIT entries of the lab's own connections: those whose four
 * numbers are `host`:`serverPort` and `host`:<one of `clientPorts`>, named by
 * their client port, so an entry listed twice counts once. (Reading the
 * table is not atomic: while other processes open and close sockets, a read
 * can list an entry twice or miss one, so a count is best taken as the union
 * of a few reads: see time-wait.ts.) The kernel never holds two sockets with
 * the same four numbers, so such an entry can only be one of the lab's
 * connections. Entries on the server's port that are not the lab's are
 * counted in `ignored`.
 */
export function ownTimeWait(
  entries: readonly SocketEntry[],
  own: { host: string; serverPort: number; clientPorts: ReadonlySet<number> },
): OwnTimeWait {
  const found: OwnTimeWait = { serverSide: new Set(), clientSide: new Set(), ignored: 0 };
  for (const e of entries) {
    if (e.state !== TIME_WAIT_STATE) continue;
    const serverSide = e.localPort === own.serverPort && e.localAddress === own.host;
    const clientSide = e.remotePort === own.serverPort && e.remoteAddress === own.host;
    if (!serverSide && !clientSide) continue;
    const peer = serverSide ? { address: e.remoteAddress, port: e.remotePort } : { address: e.localAddress, port: e.localPort };
    if (peer.address !== own.host || !own.clientPorts.has(peer.port)) found.ignored++;
    else (serverSide ? found.serverSide : found.clientSide).add(peer.port);
  }
  return found;
}
