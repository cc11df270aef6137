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

const cases: HiddenCheckCases = {
  "4.1a": {
    cases: [
      { args: ["https://www.joes-hardware.com:8443/tools.html?x=1#top"], expect: { host: "www.joes-hardware.com", port: 8443 }, why: "a port, a query and a fragment: only scheme, host and port matter." },
      { args: ["http://[::1]:8080/"], expect: { host: "[::1]", port: 8080 }, why: "an IPv6 literal keeps its brackets in the URL's host name." },
      { args: ["https://example.org:443/"], expect: { host: "example.org", port: 443 }, why: "the default port written out is still 443." },
    ],
  },
  "4.1b": {
    cases: [
      { args: [2920, 1460], expect: 2, why: "exactly two full segments." },
      { args: [2921, 1460], expect: 3, why: "one byte over two segments." },
      { args: [1_000_000, 1448], expect: 691, why: "Linux's 1448-byte MSS with timestamps." },
      { args: [5000], expect: 4, why: "the default MSS is 1460." },
    ],
  },
  "4.1c": {
    cases: [
      { args: [2920, 1460], expect: 80 / 3000, why: "two full segments." },
      { args: [100], expect: 40 / 140, why: "the default MSS is 1460." },
      { args: [1073, 536], expect: 120 / 1193, why: "three segments at MSS 536." },
    ],
  },
  "4.1d": {
    cases: [
      { args: [packet("192.0.2.1", 40000, "203.0.113.6", 8080), table], expect: 1, why: "only the local address differs from row 0." },
      { args: [packet("192.0.2.1", 40000, here, 8081), table], expect: 2, why: "only the local port differs from row 0." },
      { args: [packet("192.0.2.2", 40000, here, 8080), table], expect: 3, why: "only the remote address differs from row 0." },
      { args: [packet("192.0.2.1", 40000, "203.0.113.7", 8080), table], expect: -1, why: "three of four values match row 0; the local address matches no row." },
      { args: [packet("192.0.2.1", 40000, here, 8080), []], expect: -1, why: "an empty table has no match." },
    ],
  },
};
export default cases;
