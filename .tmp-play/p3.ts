import * as http from "node:http";
import * as net from "node:net";
import { stripHopByHop } from "../lib/index";

type Pairs = Array<[string, string]>;
const pairs = (raw: string[]): Pairs => { const out: Pairs = []; for (let i = 0; i < raw.length; i += 2) out.push([raw[i], raw[i + 1]]); return out; };
const listen = (s: http.Server) => new Promise<number>((res) => s.listen(0, "127.0.0.1", () => res((s.address() as net.AddressInfo).port)));

async function liveHop() {
  const log: { hop: string; headers: string }[] = [];
  const show = (p: Pairs) => p.map(([n, v]) => `${n}: ${v}`).join(" | ");
  const origin = http.createServer((req, res) => {
    log.push({ hop: "origin received", headers: show(pairs(req.rawHeaders)) });
    res.setHeader("Content-Type", "text/plain");
    res.end("hello");
  });
  const upstream = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const proxy = http.createServer((req, res) => {
    const received = pairs(req.rawHeaders);
    log.push({ hop: "proxy received", headers: show(received) });
    const forward = stripHopByHop(received);
    const up = http.request({ host: "127.0.0.1", port: originPort, method: req.method, path: req.url, headers: forward, agent: upstream }, (ur) => {
      const back = pairs(ur.rawHeaders);
      log.push({ hop: "proxy got response", headers: show(back) });
      res.writeHead(ur.statusCode ?? 502, stripHopByHop(back));
      ur.pipe(res);
    });
    up.on("error", () => res.destroy());
    req.pipe(up);
  });
  let originPort = 0;
  const clientAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    originPort = await listen(origin);
    const proxyPort = await listen(proxy);
    const get = (headers: http.OutgoingHttpHeaders, agent: http.Agent | false) => new Promise<void>((resolve, reject) => {
      const r = http.get({ host: "127.0.0.1", port: proxyPort, path: "/", headers, agent }, (res) => {
        log.push({ hop: "client got response", headers: show(pairs(res.rawHeaders)) });
        res.resume(); res.on("end", resolve);
      });
      r.on("error", reject);
      r.setTimeout(2000, () => r.destroy(new Error("timeout")));
    });
    await get({}, clientAgent);
    await get({ Connection: "X-Trace-Id, keep-alive", "X-Trace-Id": "abc123", "Keep-Alive": "timeout=30", TE: "trailers" }, clientAgent);
    await get({}, false);
  } finally {
    clientAgent.destroy(); upstream.destroy();
    await Promise.all([origin, proxy].map((s) => new Promise((r) => { s.closeAllConnections(); s.close(r); })));
  }
  return log;
}
liveHop().then((l) => console.table(l));
