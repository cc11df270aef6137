/** Public cases for 4.1 TCP connections: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

const server = "10.0.0.80";
/** 4.1d's connection table, written from the server's side. */
const table = [
  { sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 },
  { sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51001 },
  { sourceIp: server, sourcePort: 80, destinationIp: "198.51.100.9", destinationPort: 51000 },
  { sourceIp: server, sourcePort: 443, destinationIp: "192.0.2.7", destinationPort: 51000 },
];
const arriving = (ip: string, port: number, toPort: number) => ({ sourceIp: ip, sourcePort: port, destinationIp: server, destinationPort: toPort });
const find = (packet: ReturnType<typeof arriving>) =>
  `findConnection(${packet.sourceIp}:${packet.sourcePort} -> ${packet.destinationIp}:${packet.destinationPort}, table)`;

const cases: CheckCases = {
  "4.1a": {
    why: "The browser needs host and port before it can open the TCP connection.",
    cases: [
      { args: ["http://www.joes-hardware.com/index.html"], expect: { host: "www.joes-hardware.com", port: 80 }, why: "an http URL without a port connects to port 80." },
      { args: ["https://example.org/"], expect: { host: "example.org", port: 443 }, why: "https has its own default port, 443." },
      { args: ["http://127.0.0.1:8080/a.png"], expect: { host: "127.0.0.1", port: 8080 }, why: "a port written in the URL wins over the default." },
      { args: ["http://WWW.Joes-Hardware.COM:80/"], expect: { host: "www.joes-hardware.com", port: 80 }, why: "host names are case-insensitive; URL parsing lower-cases them." },
    ],
  },
  "4.1b": {
    why: "A segment never carries more than MSS bytes, and a partly filled last segment still costs a whole packet.",
    cases: [
      { args: [1, 1460], expect: 1 },
      { args: [1460, 1460], expect: 1 },
      { args: [1461, 1460], expect: 2 },
      { args: [3000, 1460], expect: 3 },
      { args: [100_000, 1460], expect: 69 },
      { args: [1000, 536], expect: 2 },
      { args: [536, 536], expect: 1 },
    ],
  },
  "4.1c": {
    why: "Each segment pays 40 bytes of IP and TCP headers; for a one-byte message that is almost the whole packet, " +
      "which is why TCP tries not to send many tiny segments (Nagle, 4.2).",
    tolerance: 1e-9,
    cases: [
      { args: [1, 1460], expect: 40 / 41 },
      { args: [40, 1460], expect: 0.5 },
      { args: [1460, 1460], expect: 40 / 1500 },
      { args: [1461, 1460], expect: 80 / 1541 },
      { args: [10_000, 1460], expect: 280 / 10_280 },
      { args: [300, 536], expect: 40 / 340 },
    ],
  },
  "4.1d": {
    why: "A host files every arriving packet under exactly one connection, named by all four values.",
    cases: [
      { args: [arriving("192.0.2.7", 51001, 80), table], expect: 1, label: find(arriving("192.0.2.7", 51001, 80)),
        why: "the same client can hold two connections to port 80; only the source port tells them apart." },
      { args: [arriving("198.51.100.9", 51000, 80), table], expect: 2, label: find(arriving("198.51.100.9", 51000, 80)),
        why: "two clients may pick the same source port; the address tells them apart." },
      { args: [arriving("192.0.2.7", 51000, 443), table], expect: 3, label: find(arriving("192.0.2.7", 51000, 443)),
        why: "the server port is part of the name too." },
      { args: [arriving("192.0.2.7", 51002, 80), table], expect: -1, label: find(arriving("192.0.2.7", 51002, 80)),
        why: "three matching values are not enough: no connection has this source port." },
      { args: [{ sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 }, table], expect: -1,
        label: `findConnection(${server}:80 -> 192.0.2.7:51000, table)`,
        why: "the table is written from this host's side: an arriving packet's source is the remote end, so the tuple is mirrored." },
    ],
  },
};
export default cases;
