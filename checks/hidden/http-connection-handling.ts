/** Hidden cases for 4.3 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.3b": {
    cases: [
      { args: [{ Host: "a.test", Connection: " , X-Foo ,\t,x-bar\t", "x-foo": "1", "X-BAR": "2", "X-Baz": "3" }],
        expect: { Host: "a.test", "X-Baz": "3" },
        why: "Connection's list with empty elements and spaces or tabs around the names." },
      { args: [{ host: "a.test", "KEEP-ALIVE": "timeout=5", "proxy-connection": "keep-alive", te: "trailers", "TRANSFER-ENCODING": "chunked", UPGRADE: "h2c", trailer: "Expires", "content-length": "0" }],
        expect: { host: "a.test", "content-length": "0" },
        why: "the always-hop-by-hop fields, spelled in upper and lower case, with no Connection header.",
        slips: [{ got: { host: "a.test", "KEEP-ALIVE": "timeout=5", "TRANSFER-ENCODING": "chunked", UPGRADE: "h2c", "content-length": "0" },
          say: "the upper-case spellings were kept: compare every field name lower-cased, not only Connection's tokens." }] },
      { args: [{ Host: "a.test", "Upgrade-Insecure-Requests": "1", "Proxy-Authorization": "Basic Zm9vOmJhcg==", "Keep-Alive-Timeout": "5", Trailers: "x", "X-Connection": "close" }],
        expect: { Host: "a.test", "Upgrade-Insecure-Requests": "1", "Proxy-Authorization": "Basic Zm9vOmJhcg==", "Keep-Alive-Timeout": "5", Trailers: "x", "X-Connection": "close" },
        why: "end-to-end fields whose names start with, end with or resemble hop-by-hop names, and one that is only on RFC 2616's old list." },
      { args: [{ Host: "a.test", Connection: "", Accept: "*/*" }], expect: { Host: "a.test", Accept: "*/*" },
        why: "a Connection header with an empty value." },
      { args: [{}], expect: {}, why: "a message with no fields at all." },
    ],
  },
  "4.3c": {
    cases: [
      { args: [{ htmlBytes: 14_600, objectBytes: [14_601], rttMs: 100 }], expect: 500,
        why: "a response of exactly the first window's segments, and one byte more.",
        slips: [{ got: 400, say: "a byte over a whole number of segments still needs one more segment: round the segment count up." }] },
      { args: [{ htmlBytes: 43_800, objectBytes: [43_801], rttMs: 10 }], expect: 70,
        why: "a response that exactly fills two rounds of slow start, and one byte more." },
      { args: [{ htmlBytes: 10_220, objectBytes: [1], rttMs: 10, initialWindow: 1 }], expect: 60,
        why: "an initial window of 1 segment: the rounds carry 1, 2, 4 ... segments, counted together." },
      { args: [{ htmlBytes: 1000, objectBytes: [1000], rttMs: 100, mss: 100, initialWindow: 4 }], expect: 600,
        why: "a small MSS and window given together." },
      { args: [{ htmlBytes: 1_000_000, objectBytes: [1_000_000, 1], rttMs: 0, serverMs: 7 }], expect: 21,
        why: "no latency: only the server's time per fetch is left." },
      { args: [{ htmlBytes: 1_000_000, objectBytes: [], rttMs: 50 }], expect: 400,
        why: "one large response that needs many rounds of slow start." },
    ],
  },
};
export default cases;
