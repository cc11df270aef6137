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

/** Slips of 4.1a, named once: each is a wrong value's cause, never the answer. */
const noDefault = "Number(\"\") is 0: when the URL names no port (or names the scheme's own default, which URL drops), url.port is empty and the scheme decides the port.";
const hostWithPort = "url.host keeps the port (\"host:port\"); the name alone is url.hostname.";
const portString = "url.port is a string; a port is a number.";
/** 4.1b: a packet count is whole, and a partly filled last segment is a packet of its own. */
const rounded = "rounded down: the bytes left over after the full segments still need a packet of their own.";
const fraction = "a count of packets is a whole number: a part of a segment still travels in a whole packet.";
/** 4.1c */
const overData = "divided by the data bytes: the share asked for is of all the bytes on the wire, headers included.";
const optsNotInHeader = "the option bytes travel in every TCP header: count them as header bytes.";
const optsNotInData = "the options were added to the header, but each segment still carried a full MSS of data: the announced MSS must hold the options too (RFC 6691), so less data fits.";
const oneHeader = "only one packet's headers were counted: every segment travels in its own packet with its own headers.";
/** 4.1d */
const unmirrored = "compared the packet's source with the table's source: the table is written from this host's side, so the packet's source is the table's destination.";

const cases: CheckCases = {
  "4.1a": {
    why: "The browser needs host and port before it can open the TCP connection.",
    cases: [
      { args: ["http://www.joes-hardware.com/index.html"], expect: { host: "www.joes-hardware.com", port: 80 }, why: "an http URL without a port connects to port 80.",
        slips: [{ got: { host: "www.joes-hardware.com", port: 0 }, say: noDefault }] },
      { args: ["https://example.org/"], expect: { host: "example.org", port: 443 }, why: "https has its own default port, 443.",
        slips: [{ got: { host: "example.org", port: 0 }, say: noDefault }, { got: { host: "example.org", port: 80 }, say: "https is not http: each scheme has its own default port." }] },
      { args: ["http://127.0.0.1:8080/a.png"], expect: { host: "127.0.0.1", port: 8080 }, why: "a port written in the URL wins over the default.",
        slips: [{ got: { host: "127.0.0.1:8080", port: 8080 }, say: hostWithPort }, { got: { host: "127.0.0.1", port: "8080" }, say: portString }] },
      { args: ["http://WWW.Joes-Hardware.COM:80/"], expect: { host: "www.joes-hardware.com", port: 80 }, why: "host names are case-insensitive; URL parsing lower-cases them.",
        slips: [{ got: { host: "www.joes-hardware.com", port: 0 }, say: noDefault },
          { got: { host: "WWW.Joes-Hardware.COM", port: 80 }, say: "host names are case-insensitive, and a parsed URL gives them lower-cased: parse with new URL() rather than by hand." }] },
    ],
  },
  "4.1b": {
    why: "A segment never carries more than MSS bytes, and a partly filled last segment still costs a whole packet.",
    cases: [
      { args: [1, 1460], expect: 1, slips: [{ got: 0, say: rounded }, { got: 1 / 1460, say: fraction }] },
      { args: [1460, 1460], expect: 1, slips: [{ got: 2, say: "one packet too many: bytes that fill whole segments exactly leave nothing over." }] },
      { args: [1461, 1460], expect: 2, slips: [{ got: 1, say: rounded }] },
      { args: [3000, 1460], expect: 3, slips: [{ got: 2, say: rounded }, { got: 3000 / 1460, say: fraction }] },
      { args: [100_000, 1460], expect: 69,
        slips: [{ got: 68, say: rounded }, { got: 67, say: "1500 is the whole packet, headers included; a segment's data is at most the MSS." }, { got: 100_000 / 1460, say: fraction }] },
      { args: [1000, 536], expect: 2, slips: [{ got: 1, say: rounded }, { got: 1000 / 536, say: fraction }] },
      { args: [536, 536], expect: 1, slips: [{ got: 2, say: "one packet too many: bytes that fill whole segments exactly leave nothing over." }] },
    ],
  },
  "4.1c": {
    why: "Each segment pays 40 bytes of IP and TCP headers, plus its TCP options; for a one-byte message that is almost the whole packet, " +
      "which is why TCP tries not to send many tiny segments (Nagle, 4.2). Options cost twice: more header in every packet, " +
      "and less room for data in each segment, because the announced MSS already had to hold them (RFC 6691).",
    tolerance: 1e-9,
    cases: [
      { args: [1, 1460], expect: 40 / 41, why: "one byte of data in a packet of its own.", slips: [{ got: 40, say: overData }, { got: 0, say: rounded }] },
      { args: [40, 1460], expect: 0.5, slips: [{ got: 1, say: overData }, { got: 0, say: rounded }] },
      { args: [1460, 1460], expect: 40 / 1500, why: "one full segment: the 1500-byte Ethernet packet.", slips: [{ got: 40 / 1460, say: overData }] },
      { args: [1461, 1460], expect: 80 / 1541, why: "one byte too many costs a whole second packet, headers and all.",
        slips: [{ got: 40 / 1501, say: `${oneHeader} (Or the segment count was rounded down.)` }, { got: 80 / 1461, say: overData }] },
      { args: [10_000, 1460], expect: 280 / 10_280, slips: [{ got: 40 / 10_040, say: oneHeader }, { got: 240 / 10_240, say: rounded }, { got: 280 / 10_000, say: overData }] },
      { args: [300, 536], expect: 40 / 340, slips: [{ got: 40 / 300, say: overData }] },
      { args: [100, 1460, 12], expect: 52 / 152, why: "Linux's timestamps: 12 bytes of options in the TCP header.",
        slips: [{ got: 40 / 140, say: optsNotInHeader }, { got: 52 / 100, say: overData }] },
      { args: [1448, 1460, 12], expect: 52 / 1500, why: "with 12 bytes of options a full segment carries 1448 bytes: the packet is still 1500 bytes.",
        slips: [{ got: 40 / 1488, say: optsNotInHeader }] },
      { args: [1460, 1460, 12], expect: 104 / 1564, why: "1460 bytes fitted one segment without options; with them they do not.",
        slips: [{ got: 52 / 1512, say: optsNotInData }, { got: 80 / 1540, say: optsNotInHeader }, { got: 40 / 1500, say: "the options were left out: they add header bytes and take room from the data." }] },
      { args: [1_000_000, 1460, 12], expect: 35_932 / 1_035_932, why: "a large response on a Linux connection with timestamps.",
        slips: [{ got: 35_620 / 1_035_620, say: optsNotInData }, { got: 27_640 / 1_027_640, say: optsNotInHeader },
          { got: 27_400 / 1_027_400, say: "the options were left out: they add header bytes and take room from the data." }] },
    ],
  },
  "4.1d": {
    why: "A host files every arriving packet under exactly one connection, named by all four values.",
    cases: [
      { args: [arriving("192.0.2.7", 51001, 80), table], expect: 1, label: find(arriving("192.0.2.7", 51001, 80)),
        why: "the same client can hold two connections to port 80; only the source port tells them apart.",
        slips: [{ got: -1, say: unmirrored }, { got: 0, say: "row 0 matches three of the four values; all four must match." }] },
      { args: [arriving("198.51.100.9", 51000, 80), table], expect: 2, label: find(arriving("198.51.100.9", 51000, 80)),
        why: "two clients may pick the same source port; the address tells them apart.",
        slips: [{ got: -1, say: unmirrored }, { got: 0, say: "row 0 has the same ports, but another remote address: addresses are part of the name too." }] },
      { args: [arriving("192.0.2.7", 51000, 443), table], expect: 3, label: find(arriving("192.0.2.7", 51000, 443)),
        why: "the server port is part of the name too.", slips: [{ got: -1, say: unmirrored }] },
      { args: [arriving("192.0.2.7", 51002, 80), table], expect: -1, label: find(arriving("192.0.2.7", 51002, 80)),
        why: "three matching values are not enough: no connection has this source port.",
        slips: [{ got: 0, say: "row 0 matches three of the four values; the remote port differs, so it is another connection." }] },
      { args: [{ sourceIp: server, sourcePort: 80, destinationIp: "192.0.2.7", destinationPort: 51000 }, table], expect: -1,
        label: `findConnection(${server}:80 -> 192.0.2.7:51000, table)`,
        why: "the table is written from this host's side: an arriving packet's source is the remote end, so the tuple is mirrored.",
        slips: [{ got: 0, say: unmirrored }] },
    ],
  },
  "4.1e": {
    why: "Each segment's data is what the MSS leaves after the TCP options: Linux turns TCP timestamps on by default (RFC 7323), " +
      "a 12-byte option in every segment, so a full segment carries 12 bytes less and a large response needs a few more packets " +
      "than the 1460-byte count. The last, partly filled segment is a packet too.",
    cases: [
      { args: [], expect: 691, label: "predictLinuxPackets()", why: "a packet count is exact.",
        slips: [
          { got: 685, say: "that is the count for 1460-byte segments: with timestamps on, each segment carries 12 bytes less." },
          { got: 690, say: rounded },
          { got: 667, say: "1500 bytes is the whole packet; the data in each one is what is left after the headers and the options." },
          { got: 697, say: "the 12 option bytes were taken off twice: 1448 already has them taken out." },
          { got: 711, say: "the headers were taken off twice: 1448 is already the data alone." },
        ] },
    ],
  },
};
export default cases;
