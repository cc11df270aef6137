// The calibration's web server (docs/CALIBRATION.md), run by run.ts inside the
// server namespace: HTTP/1.1 on --port and cleartext HTTP/2 (h2c) on
// --port + 1, answering /index.html and /object-N with bodies of the sizes
// given. It sets TCP_NODELAY, as simulatePageLoad's nagle: false says, and
// closes a connection after its response when the request asked (serial and
// parallel: the server closes first, as the model's one-request connections).
// It prints one JSON line when listening and ends when its stdin closes or
// after --max-seconds, whichever is first.
const http = require("node:http");
const http2 = require("node:http2");

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const port = Number(option("port", "8080"));
const host = option("host", "0.0.0.0");
const bodies = JSON.parse(option("bodies", "[]")); // [html, object 1, ...]
const maxSeconds = Number(option("max-seconds", "3600"));

function bodyOf(path) {
  if (path === "/index.html") return bodies[0];
  const m = /^\/object-(\d+)$/.exec(path ?? "");
  return m ? bodies[Number(m[1])] : undefined;
}

const h1 = http.createServer({ noDelay: true, keepAliveTimeout: 600_000, requestTimeout: 0, headersTimeout: 600_000 }, (req, res) => {
  const bytes = bodyOf(req.url);
  res.sendDate = false; // the same head for every response, so its size is known
  res.writeHead(bytes === undefined ? 404 : 200, { "Content-Type": "application/octet-stream", "Content-Length": bytes ?? 0 });
  res.end(Buffer.alloc(bytes ?? 0, 0x61));
});
h1.on("connection", (socket) => socket.setNoDelay(true));

const h2 = http2.createServer({ settings: { initialWindowSize: 6 * 1024 * 1024 } });
h2.on("connection", (socket) => socket.setNoDelay(true));
h2.on("session", (session) => session.setLocalWindowSize(15 * 1024 * 1024));
h2.on("stream", (stream, headers) => {
  const bytes = bodyOf(headers[":path"]);
  stream.on("error", () => undefined);
  stream.respond({ ":status": bytes === undefined ? 404 : 200, "content-type": "application/octet-stream", "content-length": bytes ?? 0 });
  stream.end(Buffer.alloc(bytes ?? 0, 0x61));
});

function stop(code) {
  h1.close();
  h2.close();
  h1.closeAllConnections();
  process.exit(code);
}
setTimeout(() => stop(1), maxSeconds * 1000).unref();
process.stdin.on("end", () => stop(0));
process.stdin.on("error", () => stop(0));
process.stdin.resume();
process.on("SIGTERM", () => stop(0));

let listening = 0;
const ready = () => {
  if (++listening === 2) console.log(JSON.stringify({ ready: true, port }));
};
h1.listen(port, host, ready);
h2.listen(port + 1, host, ready);
