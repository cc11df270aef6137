/** Hidden cases for 4.1 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const here = "203.0.113.5";
/** A table where the local address differs from row to row, so all four values must be compared (4.1d). */
const table = [
  { sourceIp: here, sourcePort: 8080, destinationIp: "192.0.2.1", destinationPort: 40000 },
  { sourceIp: "203.0.113.6", sourcePort: 8080, destinationIp: "192.0.2.1", destinationPort: 40000 },
  { sourceIp: here, sourcePort: 8081, destinationIp: "192.0.2.1", destinationPort: 40000 },
  { sourceIp: here, sourcePort: 8080, destinationIp: "192.0.2.2", destinationPort: 40000 },
];
const packet = (srcIp: string, srcPort: number, dstIp: string, dstPort: number) =>
  ({ sourceIp: srcIp, sourcePort: srcPort, destinationIp: dstIp, destinationPort: dstPort });

/** Slips, named without the answer (a hidden case's slip is shown; its input and answer are not). */
const noDefault = "Number(\"\") is 0: when the URL names no port (or names the scheme's own default, which URL drops), url.port is empty and the scheme decides the port.";
const hostWithPort = "url.host keeps the port (\"host:port\"); the name alone is url.hostname.";
const portString = "url.port is a string; a port is a number.";
const rounded = "rounded down: the bytes left over after the full segments still need a packet of their own.";
const onePacketTooMany = "one packet too many: bytes that fill whole segments exactly leave nothing over.";
const optsNotInData = "the options were added to the header, but each segment still carried a full MSS of data: the announced MSS must hold the options too.";
const optsNotInHeader = "the option bytes travel in every TCP header: count them as header bytes.";
const unmirrored = "compared the packet's source with the table's source: the packet's source is the table's destination.";
const threeOfFour = "a row that matches three of the four values is another connection: all four must match.";

const cases: HiddenCheckCases = {
  "4.1a": {
    cases: [
      { args: ["https://www.joes-hardware.com:8443/tools.html?x=1#top"], expect: { host: "www.joes-hardware.com", port: 8443 }, why: "a port, a query and a fragment: only scheme, host and port matter.",
        slips: [{ got: { host: "www.joes-hardware.com:8443", port: 8443 }, say: hostWithPort }, { got: { host: "www.joes-hardware.com", port: "8443" }, say: portString }] },
      { args: ["http://[::1]:8080/"], expect: { host: "[::1]", port: 8080 }, why: "an IPv6 literal keeps its brackets in the URL's host name.",
        slips: [{ got: { host: "[::1]:8080", port: 8080 }, say: hostWithPort }, { got: { host: "[::1]", port: "8080" }, say: portString }] },
      { args: ["https://example.org:443/"], expect: { host: "example.org", port: 443 }, why: "the default port written out.",
        slips: [{ got: { host: "example.org", port: 0 }, say: noDefault }, { got: { host: "example.org", port: 80 }, say: "https is not http: each scheme has its own default port." }] },
    ],
  },
  "4.1b": {
    cases: [
      { args: [2920, 1460], expect: 2, why: "exactly two full segments.", slips: [{ got: 3, say: onePacketTooMany }] },
      { args: [2921, 1460], expect: 3, why: "one byte over two segments.", slips: [{ got: 2, say: rounded }] },
      { args: [1_000_000, 1448], expect: 691, why: "Linux's 1448-byte MSS with timestamps.", slips: [{ got: 690, say: rounded }] },
      { args: [5000], expect: 4, why: "the default MSS.", slips: [{ got: 3, say: rounded }] },
    ],
  },
  "4.1c": {
    cases: [
      { args: [2920, 1460], expect: 80 / 3000, why: "two full segments." },
      { args: [100], expect: 40 / 140, why: "the default MSS and options." },
      { args: [1073, 536], expect: 120 / 1193, why: "three segments at MSS 536." },
      { args: [2896, 1460, 12], expect: 104 / 3000, why: "two full segments with timestamps.", slips: [{ got: 80 / 2976, say: optsNotInHeader }] },
      { args: [2897, 1460, 12], expect: 156 / 3053, why: "one byte over two full segments with timestamps.",
        slips: [{ got: 104 / 3001, say: optsNotInData }, { got: 120 / 3017, say: optsNotInHeader }] },
      { args: [536, 536, 12], expect: 104 / 640, why: "a small MSS with options.", slips: [{ got: 52 / 588, say: optsNotInData }] },
      { args: [1, 1460, 40], expect: 80 / 81, why: "the largest TCP options there are (40 bytes)." },
    ],
  },
  "4.1d": {
    cases: [
      { args: [packet("192.0.2.1", 40000, "203.0.113.6", 8080), table], expect: 1, why: "only the local address differs from row 0.",
        slips: [{ got: -1, say: unmirrored }, { got: 0, say: threeOfFour }] },
      { args: [packet("192.0.2.1", 40000, here, 8081), table], expect: 2, why: "only the local port differs from row 0.",
        slips: [{ got: -1, say: unmirrored }, { got: 0, say: threeOfFour }] },
      { args: [packet("192.0.2.2", 40000, here, 8080), table], expect: 3, why: "only the remote address differs from row 0.",
        slips: [{ got: -1, say: unmirrored }, { got: 0, say: threeOfFour }] },
      { args: [packet("192.0.2.1", 40000, "203.0.113.7", 8080), table], expect: -1, why: "three of four values match row 0; the local address matches no row.",
        slips: [{ got: 0, say: threeOfFour }] },
      { args: [packet("192.0.2.1", 40000, here, 8080), []], expect: -1, why: "an empty table." },
    ],
  },
};
export default cases;
