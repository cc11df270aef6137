/** Public cases for 4.4 parallel connections: they ship with the workbook and show in feedback. */
import type { CheckCases } from "../lib/workbook/cases";

/** 4.4c's page: the book's HTML and three images. */
const base = { rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectCount: 3, objectBytes: 25_000, maxConnections: 4 };

/** 4.4d's pages: three 20 kB images, and twelve objects of 5 to 14 kB. */
const three = { htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] };
const many = { htmlBytes: 20_000, objectBytes: [5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000, 5_000, 8_000, 11_000, 14_000] };
/** 4.4d's input, and how a call is shown (the page as its object count). */
const enough = (page: typeof three, rttMs: number, bandwidthBps: number, limit: number, tolerance: number) => ({
  args: [{ page, rttMs, bandwidthBps, limit, tolerance }],
  label: `enoughConnections({ page: ${page.objectBytes.length} objects, rttMs: ${rttMs}, bandwidthBps: ${bandwidthBps}, limit: ${limit}, tolerance: ${tolerance} })`,
});

/** 4.4a's likely slips, named once. */
const noHandshake = "one round trip per transaction short: a new connection's handshake must finish before its request may leave.";
const tripsApart = "one round trip per transaction too many: the request's trip out and the response's trip back make one round trip together.";
const htmlLeftOut = "the HTML is a transaction too: it comes first, on its own connection.";
const bitsBytes = "the bytes' time on the link is off by a factor of 8: sizes are in bytes, the bandwidth in bits per second.";
const seconds = "the bytes' time on the link came out in seconds; everything else is in milliseconds.";

/** 4.4c's likely slips, named once. */
const roundsDown = "the rounds were rounded down: a round that is only partly filled still opens its connections and waits its round trips.";
const fractionalRounds = "the rounds came out fractional: a round is whole, however few objects it carries.";
const ownLink = "each connection was given the whole link: the connections of a round share it, so every object's bytes still cross one after another.";
const roundShort = "one round trip per round short: every round opens new connections, and each must finish its handshake first.";
const parallelHtmlLeftOut = "the HTML comes first, on its own connection, and costs its own time before any object can be asked for.";

/** 4.4d's likely slips. */
const fastest = "that is the fastest N, not the smallest N that is nearly as fast: the tolerance is a fraction of the fastest time, and any N within it will do.";
const zeroBased = "off by one: an index came back, not a number of connections (N starts at 1).";

/** 4.4e and 4.4f: the page and the two browsers. */
const crossPage = "the page: 10 kB of HTML and four 50 kB images; 4 parallel connections against 1 persistent connection.";

const cases: CheckCases = {
  "4.4a": {
    why: "Serial loading adds every transaction's delay to the next one's, which is what parallel connections attack.",
    tolerance: 1e-6,
    cases: [
      { args: [{ rttMs: 100, bandwidthBps: 1e6, htmlBytes: 10_000, objectBytes: [25_000] }], expect: 680,
        why: "a small page: the HTML and one image, each on a new connection of its own.",
        slips: [{ got: 480, say: noHandshake }, { got: 400, say: htmlLeftOut }, { got: 435, say: bitsBytes }, { got: 400.28, say: seconds }, { got: 880, say: tripsApart }] },
      { args: [{ rttMs: 100, bandwidthBps: 10e6, htmlBytes: 10_000, objectBytes: [20_000, 20_000, 20_000] }], expect: 856,
        why: "the book's page with three images is four transactions, one after the other.",
        slips: [{ got: 456, say: noHandshake }, { got: 648, say: htmlLeftOut }, { got: 807, say: bitsBytes }, { got: 800.056, say: seconds }, { got: 1256, say: tripsApart }] },
      { args: [{ rttMs: 50, bandwidthBps: 2e6, htmlBytes: 4_000, objectBytes: [] }], expect: 116,
        why: "a page without objects is one transaction.",
        slips: [{ got: 66, say: noHandshake }, { got: 0, say: htmlLeftOut }, { got: 102, say: bitsBytes }, { got: 100.016, say: seconds }, { got: 166, say: tripsApart }] },
      { args: [{ rttMs: 0, bandwidthBps: 1e6, htmlBytes: 1_000, objectBytes: [1_000, 2_000] }], expect: 32,
        why: "with no latency at all, only the bytes on the link are left.",
        slips: [{ got: 24, say: htmlLeftOut }, { got: 0.032, say: seconds }] },
      { args: [{ rttMs: 150, bandwidthBps: Infinity, htmlBytes: 1_000, objectBytes: [5_000, 5_000, 5_000, 5_000, 5_000] }], expect: 1800,
        why: "on an unlimited link only the round trips are left: serial loading is bound by latency, not bandwidth.",
        slips: [{ got: 900, say: noHandshake }, { got: 1500, say: htmlLeftOut }, { got: 2700, say: tripsApart }] },
    ],
  },
  "4.4b": {
    why: "A browser that caps its connections works through the images in rounds: every round opens new connections, so each pays " +
      "a handshake and then a request and response, and a round that is only partly filled costs as much time as a full one. " +
      "The bytes hardly matter here (4 kB at 10 Mbit/s is about 3 ms); the round trips do.",
    cases: [
      {
        args: [], expect: 822.8, tolerance: 50, label: "predictTenImagesMs()",
        why: "read it off the waterfall below the check: 10 images, at most 4 connections at once, RTT 100 ms.",
        slips: [
          { got: 620, say: "about one round short: either only whole rounds of four were counted (the last, partly filled round costs as much), or the HTML's 208.6 ms were left out." },
          { got: 518, say: "one round trip per round: these connections are new, so each round pays a handshake before its requests can leave." },
          { got: 442, say: "all ten images at once: the browser may keep at most 4 connections open, so the rest wait for a free one." },
          { got: 1023, say: "one round too many: ten images through four connections is fewer rounds than that." },
          { got: 1118, say: "three round trips per round: the request's trip out and the response's trip back make one round trip together, after the handshake's." },
          { got: 2245, say: "that is one image after another: with four connections, four images travel at the same time." },
        ],
      },
    ],
  },
  "4.4c": {
    why: "Parallel connections overlap the round trips, never the bandwidth: connections of one round split the same link.",
    tolerance: 1e-6,
    cases: [
      { args: [base], expect: 1080,
        why: "the HTML first, on its own connection; then one round for the three images, which share the link.",
        slips: [{ got: 880, say: roundsDown }, { got: 1030, say: fractionalRounds }, { got: 680, say: ownLink }, { got: 980, say: roundShort }, { got: 800, say: parallelHtmlLeftOut }] },
      { args: [{ ...base, objectCount: 10, maxConnections: 4 }], expect: 2880, why: "ten objects through four connections: the last round is only partly used.",
        slips: [{ got: 2680, say: roundsDown }, { got: 2780, say: fractionalRounds }, { got: 1480, say: ownLink }, { got: 2580, say: roundShort }, { got: 2600, say: parallelHtmlLeftOut },
          { got: 3280, say: "the last, partly used round is charged the bytes of a full one: only the objects really sent in it share the link." }] },
      { args: [{ ...base, rttMs: 200, bandwidthBps: 100e6, objectCount: 6, maxConnections: 6 }], expect: 812.8,
        why: "a long, fat link: round trips dominate, and one round for six objects instead of six is the whole gain.",
        slips: [{ got: 802.8, say: ownLink }, { got: 612.8, say: roundShort }, { got: 412, say: parallelHtmlLeftOut }] },
      { args: [{ ...base, rttMs: 5, bandwidthBps: 0.5e6, objectCount: 6, maxConnections: 6 }], expect: 2580,
        why: "a short, thin link: the bytes take as long as they take whether they share one connection or six, so the gain is small.",
        slips: [{ got: 580, say: ownLink }, { got: 2575, say: roundShort }, { got: 2410, say: parallelHtmlLeftOut }] },
      { args: [{ ...base, objectCount: 0 }], expect: 280, why: "a page without objects is just its HTML.",
        slips: [{ got: 0, say: parallelHtmlLeftOut }] },
    ],
  },
  "4.4d": {
    why: "Every connection beyond what the page needs costs memory at both ends and load on the server, for nothing.",
    cases: [
      { ...enough(three, 100, 10e6, 6, 0.05), expect: 3, why: "three images on a long link: one connection per image, no more.",
        slips: [{ got: 2, say: zeroBased }] },
      { ...enough(many, 200, 50e6, 8, 0.05), expect: 6,
        why: "twelve objects: 6 connections already do it in two rounds, 8 would too, so 7 and 8 buy nothing.",
        slips: [{ got: 8, say: fastest }, { got: 5, say: zeroBased }] },
      { ...enough(many, 20, 2e6, 8, 0.2), expect: 2, why: "a thin link: a couple of connections fill it.",
        slips: [{ got: 6, say: fastest }, { got: 1, say: zeroBased }] },
      { ...enough(three, 5, 0.5e6, 6, 0.05), expect: 1, why: "a thin, short link is bandwidth-bound: one connection is as good as any.",
        slips: [{ got: 3, say: fastest }, { got: 0, say: zeroBased }] },
      { ...enough(many, 50, 5e6, 8, 0.2), expect: 4, why: "a looser tolerance settles for fewer connections.",
        slips: [{ got: 6, say: fastest }, { got: 3, say: zeroBased }] },
    ],
  },
  "4.4e": {
    why: "Parallel connections share the link's bandwidth; they do not add to it. At 1 Mbit/s the four 50 kB images take about 1.6 s " +
      "to cross, however many connections carry them. What parallel connections overlap is round trips, and at 20 ms a round trip " +
      "is small next to that; what the persistent connection saves (four handshakes and four cold slow starts) is just as small, " +
      "and it waits a round trip between images. Either way the difference is a few percent of the load.",
    cases: [
      {
        args: [], expect: "about the same", label: "predictThinLinkFaster()",
        why: `${crossPage} The model cell below the check runs both.`,
        slips: [
          { got: "parallel", say: "four connections do overlap their round trips, but they share one thin link: the time the bytes take on it is most of the load, and sharing cannot shorten it." },
          { got: "persistent", say: "a warm connection saves handshakes and slow starts, but on a 20 ms round trip they are worth little next to the seconds the bytes take, and it pays a round trip per image in turn." },
        ],
      },
    ],
  },
  "4.4f": {
    why: "At 50 Mbit/s a 50 kB image crosses the link in 8 ms, so the load time is almost all round trips. Four new connections " +
      "wait for their handshakes, their requests and their slow-start rounds at the same time; one persistent connection skips " +
      "the handshakes but fetches the images one after another, waiting at least a round trip for each.",
    cases: [
      {
        args: [], expect: "parallel", label: "predictLongFatLinkFaster()",
        why: `${crossPage} The model cell below the check runs both.`,
        slips: [
          { got: "about the same", say: "on this link the bytes take almost no time; what is left is round trips, and the two browsers wait very different numbers of them one after another." },
          { got: "persistent", say: "a warm connection skips the handshakes and the cold slow start, but it still asks for one image at a time, and each request waits a 200 ms round trip." },
        ],
      },
    ],
  },
};
export default cases;
