import * as http from "node:http";
import * as net from "node:net";
async function raw() {
  const server = http.createServer((req, res) => { res.setHeader("Content-Length", 2); res.end("ok"); });
  server.keepAliveTimeout = 1000;
  server.maxRequestsPerSocket = 3;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  const sock = net.connect(port, "127.0.0.1");
  const t0 = performance.now();
  const events: string[] = [];
  try {
    await new Promise<void>((r, j) => sock.once("connect", r).once("error", j));
    sock.on("data", (d) => events.push(`${(performance.now()-t0).toFixed(1)} ms: ` + d.toString().split("\r\n").filter(l => !l.startsWith("Date")).join(" | ")));
    const closed = new Promise<void>((r) => sock.once("close", () => { events.push(`${(performance.now()-t0).toFixed(1)} ms: closed`); r(); }));
    for (let i = 0; i < 4; i++) {
      sock.write(`GET /${i} HTTP/1.1\r\nHost: x\r\n\r\n`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.race([closed, new Promise((r) => setTimeout(r, 3000))]);
  } finally { sock.destroy(); server.closeAllConnections(); await new Promise((r) => server.close(r)); }
  console.log(events.join("\n"));
}
raw();
