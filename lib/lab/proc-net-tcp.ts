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
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** Linux's number for TCP_TIME_WAIT in the `st` column. */
export const TIME_WAIT_STATE = 0x06;

export interface SocketEntry {
  localPort: number;
  remotePort: number;
  state: number;
}

/** Parses "0100007F:1F90" (or a 32-hex-digit IPv6 address) to its port. */
function portOf(address: string): number {
  const colon = address.lastIndexOf(":");
  return colon < 0 ? NaN : parseInt(address.slice(colon + 1), 16);
}

/** Parses the text of /proc/net/tcp or tcp6; lines that do not fit are skipped. */
export function parseProcNetTcp(text: string): SocketEntry[] {
  const entries: SocketEntry[] = [];
  for (const line of text.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const entry = { localPort: portOf(fields[1]), remotePort: portOf(fields[2]), state: parseInt(fields[3], 16) };
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

/** Counts TIME_WAIT entries for one server port across the given table files. */
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
