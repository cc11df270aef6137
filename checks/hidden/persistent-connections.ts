/** Hidden cases for 4.5 (teacher only: `release` leaves this folder out). */
import type { HiddenCheckCases } from "../../lib/workbook/cases";

const cases: HiddenCheckCases = {
  "4.5a": {
    cases: [
      { args: ['timeout="5", max=007'], expect: { timeoutSeconds: 5, max: 7, params: {} }, why: "a quoted number, and leading zeros." },
      { args: ["timeout=+5"], throws: "RangeError", why: "a sign in front of the digits (Number() accepts it)." },
      { args: ["max=1e3"], throws: "RangeError", why: "exponent notation (Number() accepts it)." },
      { args: ['timeout=""'], throws: "RangeError", why: "a quoted empty value." },
      { args: ["Foo=Bar, FOO=baz"], expect: { params: { foo: "Bar" } }, why: "the case of names and of values, and a name that repeats in another case." },
      { args: ["timeout=5,"], expect: { timeoutSeconds: 5, params: {} }, why: "an empty list element after a trailing comma." },
      { args: ['list="1,2,3", timeout=9'], expect: { timeoutSeconds: 9, params: { list: "1,2,3" } }, why: "a quoted value holding several commas, followed by another parameter.",
        slips: [{ got: { timeoutSeconds: 9, params: { list: '"1', "2": null, '3"': null } }, say: "the list was split at commas inside a quoted string." }] },
      { args: ["max=3, MAX=3"], throws: "RangeError", why: "max given twice, in two spellings, with the same value." },
      { args: ['x="a=b"'], expect: { params: { x: "a=b" } }, why: "an '=' inside a quoted value." },
      { args: ["x=a b"], throws: "RangeError", why: "an unquoted value with a space in it." },
      { args: ['x="open, max=1'], throws: "RangeError", why: "a quote that is never closed." },
      { args: ["__proto__, Constructor=x, constructor=y"], expect: { params: { ["__proto__"]: null, constructor: "x" } },
        why: "names that plain JavaScript objects treat specially, one of them repeated in another case." },
    ],
  },
  "4.5b": {
    cases: [
      { args: [{ clientVersion: "1.1", requestConnection: "close", serverVersion: "1.1", responseConnection: "close", body: "until-close" }],
        expect: { persistent: false, reason: "client-close" }, why: "several rules apply at once: which is checked first." },
      { args: [{ clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "close", body: "known" }],
        expect: { persistent: false, reason: "server-close" }, why: "a close in the response against an HTTP/1.0 keep-alive request." },
      { args: [{ clientVersion: "1.1", requestConnection: "keep-alive", serverVersion: "1.0", body: "until-close" }],
        expect: { persistent: false, reason: "http10-server-default" },
        why: "an HTTP/1.1 client asking for keep-alive, an HTTP/1.0 server that does not answer it, and a body read until close." },
      { args: [{ clientVersion: "1.0", requestConnection: "Keep-Alive", serverVersion: "1.0", responseConnection: "X-Keep-Alive-Debug", body: "known" }],
        expect: { persistent: false, reason: "http10-not-agreed" }, why: "a response token that merely contains the text keep-alive." },
      { args: [{ clientVersion: "1.0", requestConnection: " TE ,  Keep-Alive ", serverVersion: "1.1", responseConnection: "Keep-Alive", body: "until-close" }],
        expect: { persistent: false, reason: "read-until-close" }, why: "spaces around tokens, and an agreed HTTP/1.0 keep-alive with a body read until close." },
      { args: [{ clientVersion: "1.1", requestConnection: "X-Closed-Caption", serverVersion: "1.1", body: "known" }],
        expect: { persistent: true, reason: "http11-default" }, why: "a request token that merely contains the text close." },
    ],
  },
  "4.5c": {
    cases: [
      { args: [[], { max: 5, timeoutSeconds: 5 }, 0], expect: 0, why: "no requests at all." },
      { args: [[0, 6500], { max: 10, timeoutSeconds: 5 }, 1500], expect: 1, why: "idle for exactly the timeout, counted from the end of a response that takes time.",
        slips: [{ got: 2, say: "the connection was closed at exactly the timeout, or the idle time was counted from when the request was sent." }] },
      { args: [[0, 4000, 8000, 12000, 16000], { max: 100, timeoutSeconds: 5 }, 0], expect: 1,
        why: "idle time is measured from the last response, not from when the connection opened." },
      { args: [[0, 10, 10000, 10010, 10020], { max: 3, timeoutSeconds: 5 }, 0], expect: 2,
        why: "the request count on a connection after the previous one was closed by the idle timeout." },
      { args: [[0, 500, 1001, 1001], { max: 10, timeoutSeconds: 0.5 }, 0], expect: 2, why: "a timeout that is a fraction of a second." },
      { args: [[0, 6000], { max: 10, timeoutSeconds: 5 }], expect: 2, why: "transactionMs left out: its default." },
    ],
  },
  "4.5d": {
    cases: [
      { args: [["dumb", "smart"], "connection"], expect: 0, why: "a dumb proxy in front of a smart one, asked with Connection." },
      { args: [["dumb", "dumb"], "proxy-connection"], expect: null, why: "Proxy-Connection through two dumb proxies." },
      { args: [["smart", "dumb", "smart"], "proxy-connection"], expect: 1, why: "a dumb proxy between two smart ones." },
      { args: [["dumb", "smart", "dumb"], "connection"], expect: 0, why: "two dumb proxies that would both relay keep-alive: which one the second request reaches first." },
      { args: [["smart"], "proxy-connection"], expect: null, why: "a smart proxy asked with Proxy-Connection." },
      { args: [["smart", "smart", "smart", "dumb", "smart"], "proxy-connection"], expect: 3, why: "a long chain with one dumb proxy deep inside." },
    ],
  },
};
export default cases;
