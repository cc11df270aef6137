/** Checks for the 4.1 exercises: each failure says what and why. */
import { segment } from "../../tcp/segment";
import type { FourTuple } from "../../tcp/connection-id";
import { expectClose, expectEqual } from "../expect";
import { defineChecks } from "./define";

export const checks = defineChecks({
  "4.1a": (hostAndPort: (url: string) => { host: string; port: number }) => {
    const cases: [string, { host: string; port: number }, string][] = [
      ["http://www.joes-hardware.com/index.html", { host: "www.joes-hardware.com", port: 80 }, "an http URL without a port connects to port 80."],
      ["https://example.org/", { host: "example.org", port: 443 }, "https has its own default port, 443."],
      ["http://127.0.0.1:8080/a.png", { host: "127.0.0.1", port: 8080 }, "a port written in the URL wins over the default."],
      ["http://WWW.Joes-Hardware.COM:80/", { host: "www.joes-hardware.com", port: 80 }, "host names are case-insensitive; URL parsing lower-cases them."],
    ];
    for (const [url, expected, why] of cases) {
      expectEqual(hostAndPort(url), expected, `hostAndPort(${JSON.stringify(url)})`, `${why} The browser needs host and port before it can open the TCP connection.`);
    }
  },

  "4.1b": (segmentCount: (bytes: number, mss?: number) => number) => {
    for (const [bytes, mss] of [[1, 1460], [1460, 1460], [1461, 1460], [3000, 1460], [100_000, 1460], [1000, 536], [536, 536]]) {
      expectEqual(segmentCount(bytes, mss), segment(bytes, { mss }).segments, `segmentCount(${bytes}, ${mss})`,
        "a segment never carries more than MSS bytes, and a partly filled last segment still costs a whole packet.");
    }
  },

  "4.1c": (headerOverhead: (bytes: number, mss?: number) => number) => {
    for (const [bytes, mss] of [[1, 1460], [40, 1460], [1460, 1460], [1461, 1460], [10_000, 1460], [300, 536]]) {
      expectClose(headerOverhead(bytes, mss), segment(bytes, { mss }).overheadRatio, 1e-9, `headerOverhead(${bytes}, ${mss})`,
        "each segment pays 40 bytes of IP and TCP headers; for a one-byte message that is almost the whole packet, " +
        "which is why TCP tries not to send many tiny segments (Nagle, 4.2).");
    }
  },

  "4.1d": (findConnection: (packet: FourTuple, connections: FourTuple[]) => number) => {
    const server = "10.0.0.80";
    const table: FourTuple[] = [
      { sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 },
      { sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51001 },
      { sourceIp: server, sourcePort: 80, destinationIp: "198.51.100.9", destinationPort: 51000 },
      { sourceIp: server, sourcePort: 443, destinationIp: "192.0.2.7", destinationPort: 51000 },
    ];
    const arriving = (ip: string, port: number, toPort: number): FourTuple =>
      ({ sourceIp: ip, sourcePort: port, destinationIp: server, destinationPort: toPort });
    const cases: [FourTuple, number, string][] = [
      [arriving("192.0.2.7", 51001, 80), 1, "the same client can hold two connections to port 80; only the source port tells them apart."],
      [arriving("198.51.100.9", 51000, 80), 2, "two clients may pick the same source port; the address tells them apart."],
      [arriving("192.0.2.7", 51000, 443), 3, "the server port is part of the name too."],
      [arriving("192.0.2.7", 51002, 80), -1, "three matching values are not enough: no connection has this source port."],
      [{ sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 }, -1,
        "the table is written from this host's side: an arriving packet's source is the remote end, so the tuple is mirrored."],
    ];
    for (const [packet, expected, why] of cases) {
      expectEqual(findConnection(packet, table), expected,
        `findConnection(${packet.sourceIp}:${packet.sourcePort} -> ${packet.destinationIp}:${packet.destinationPort}, table)`, why);
    }
  },
});
