// The calibration's browser (docs/CALIBRATION.md), run by run.ts inside the
// client namespace: loads the page from --host:--port one way, the ways of
// lib/http/page-load-strategies.ts (and of lib/lab/segments-loads.ts, whose
// loads are bound to 127.0.0.1 and read ss in the same process, so they do not
// carry over to two namespaces):
//   serial       one request per connection (Connection: close, the server
//                closes first), one after another;
//   parallel     the HTML alone, then the objects on up to 4 such connections;
//   persistent   every request in turn on one kept-alive connection, closed
//                by the client at the end;
//   pipelined    a raw socket: the HTML's request, then every object's
//                request in ONE write; the client closes at the end;
//   multiplexed  node:http2 (h2c, --port + 1) with a browser's windows: the
//                HTML's stream, then every object's stream at once.
// elapsedMs runs from just before the first connect to the last response's
// last byte, as the model's elapsedMs. It prints one JSON line, and gives up
// after --max-seconds.
const http = require("node:http");
const http2 = require("node:http2");
const net = require("node:net");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const host = option("host", "10.77.0.2");
const port = Number(option("port", "8080"));
const strategy = option("strategy", "serial");
const bodies = JSON.parse(option("bodies", "[]"));
const maxSeconds = Number(option("max-seconds", "600"));
const PARALLEL = 4;

const paths = bodies.map((_, i) => (i === 0 ? "/index.html" : `/object-${i}`));
const result = { strategy, requests: 0, whole: 0, connections: 0, elapsedMs: 0 };

/** One GET on a connection of its own; the server closes it after the response. */
function getOnce(i) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host, port, path: paths[i], agent: false }, (res) => {
      let got = 0;
      res.on("data", (chunk) => (got += chunk.length));
      res.on("end", () => {
        if (res.statusCode === 200 && got === bodies[i]) result.whole++;
        resolve();
      });
      res.on("error", reject);
    });
    result.requests++;
    result.connections++;
    req.on("socket", (socket) => socket.setNoDelay(true));
    req.on("error", reject);
  });
}

async function serial() {
  for (let i = 0; i < bodies.length; i++) await getOnce(i);
}

async function parallel() {
  await getOnce(0);
  let next = 1;
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) await getOnce(i);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, bodies.length - 1) }, worker));
}

async function persistent() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < bodies.length; i++) {
    await new Promise((resolve, reject) => {
      const req = http.get({ host, port, path: paths[i], agent }, (res) => {
        let got = 0;
        res.on("data", (chunk) => (got += chunk.length));
        res.on("end", () => {
          if (res.statusCode === 200 && got === bodies[i]) result.whole++;
          resolve();
        });
      });
      result.requests++;
      req.on("socket", (socket) => socket.setNoDelay(true));
      req.on("error", reject);
    });
  }
  result.connections = 1;
  return () => agent.destroy(); // the browser closes once the page is in
}

/** Splits a byte stream of HTTP/1.1 responses with Content-Length (what this server sends). */
function responses(onResponse) {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headEnd = buffer.indexOf("\r\n\r\n");
      if (headEnd < 0) return;
      const head = buffer.subarray(0, headEnd).toString("latin1");
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < headEnd + 4 + length) return;
      onResponse(Number(head.split(" ")[1]), length);
      buffer = buffer.subarray(headEnd + 4 + length);
    }
  };
}

async function pipelined() {
  const socket = net.connect({ host, port, noDelay: true });
  result.connections = 1;
  let arrived = 0;
  let wake = () => undefined;
  socket.on(
    "data",
    responses((status, length) => {
      if (status === 200 && length === bodies[arrived]) result.whole++;
      arrived++;
      wake();
    }),
  );
  socket.on("error", (err) => wake(err));
  const until = (n) =>
    new Promise((resolve, reject) => {
      wake = (err) => (err ? reject(err) : arrived >= n ? resolve() : undefined);
      wake();
    });
  const request = (i) => `GET ${paths[i]} HTTP/1.1\r\nHost: ${host}:${port}\r\n\r\n`;
  socket.write(request(0));
  result.requests++;
  await until(1);
  socket.write(
    paths
      .slice(1)
      .map((_, k) => request(k + 1))
      .join(""),
  ); // every object's request in one write
  result.requests += paths.length - 1;
  await until(paths.length);
  return () => socket.end();
}

async function multiplexed() {
  // a browser's windows (Chrome: 6 MB per stream, 15 MB per connection), so flow control adds no round trips
  const session = http2.connect(`http://${host}:${port + 1}`, {
    settings: { initialWindowSize: 6 * 1024 * 1024 },
    createConnection: () => net.connect({ host, port: port + 1, noDelay: true }),
  });
  result.connections = 1;
  await new Promise((resolve, reject) => session.once("connect", resolve).once("error", reject));
  session.setLocalWindowSize(15 * 1024 * 1024);
  const get = (i) =>
    new Promise((resolve, reject) => {
      const stream = session.request({ ":path": paths[i] });
      result.requests++;
      let status = 0;
      let got = 0;
      stream.on("response", (headers) => (status = Number(headers[":status"])));
      stream.on("data", (chunk) => (got += chunk.length));
      stream.on("end", () => {
        if (status === 200 && got === bodies[i]) result.whole++;
        resolve();
      });
      stream.on("error", reject);
    });
  await get(0);
  await Promise.all(paths.slice(1).map((_, k) => get(k + 1)));
  return () => session.close();
}

const LOADS = { serial, parallel, persistent, pipelined, multiplexed };

async function main() {
  const load = LOADS[strategy];
  if (!load) throw new Error(`unknown strategy ${strategy}`);
  setTimeout(() => {
    console.log(JSON.stringify({ ...result, error: `gave up after ${maxSeconds} s` }));
    process.exit(2);
  }, maxSeconds * 1000).unref();
  const t0 = performance.now();
  const close = await load();
  result.elapsedMs = Math.round((performance.now() - t0) * 10) / 10;
  close?.();
  console.log(JSON.stringify(result));
}

main().catch((err) => {
  console.log(JSON.stringify({ ...result, error: String(err) }));
  process.exit(1);
});
