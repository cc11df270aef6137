#!/usr/bin/env node
// `npm run book`: the course site. mystmd (the engine of Jupyter Book 2) turns
// every notebook, English and Korean, into a static site in _build/html,
// executing each one with the "TypeScript (workbook)" kernel so the pages
// carry their outputs and charts. mystmd runs the notebooks through a Jupyter
// server; this script starts one from .venv (where the kernel is registered)
// on a free loopback port, hands mystmd its address and token, and stops it
// afterwards. mystmd downloads its page theme (book-theme) on first use, so
// the first build needs the network. Further arguments go to `myst build`
// (for example --ci, or --strict).
"use strict";
const { spawn } = require("node:child_process");
const crypto = require("node:crypto");
const fs = require("node:fs");
const http = require("node:http");
const net = require("node:net");
const path = require("node:path");
const { messages } = require("./i18n");
const { setupOrExit, venvBin, ROOT } = require("./setup");

const say = messages("scripts/book", {
  server: {
    en: "[book] Jupyter server for the notebooks on 127.0.0.1:{port}",
    ko: "[book] 노트북을 실행할 Jupyter 서버: 127.0.0.1:{port}",
  },
  noServer: { en: "[book] the Jupyter server did not start: {why}", ko: "[book] Jupyter 서버가 시작되지 않았습니다: {why}" },
  building: { en: "[book] myst build {args}", ko: "[book] myst build {args} 실행 중" },
  done: { en: "[book] the site is in _build/html", ko: "[book] 사이트가 _build/html에 만들어졌습니다" },
  noSite: {
    en: "[book] myst finished, but _build/html/index.html was not written",
    ko: "[book] myst는 끝났지만 _build/html/index.html이 만들어지지 않았습니다",
  },
});

const SERVER_WAIT_MS = 60_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers its API with our token, or rejects after SERVER_WAIT_MS. */
function waitForServer(port, token, server) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    server.once("exit", (code) => reject(new Error(`exit code ${code}`)));
    const poll = () => {
      const req = http.get({ host: "127.0.0.1", port, path: "/api/status", headers: { Authorization: `token ${token}` } }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry();
      });
      req.on("error", retry);
      req.setTimeout(2000, () => req.destroy());
    };
    const retry = () =>
      Date.now() - started > SERVER_WAIT_MS ? reject(new Error(`no answer within ${SERVER_WAIT_MS / 1000} s`)) : setTimeout(poll, 300);
    poll();
  });
}

async function main() {
  setupOrExit();
  const port = await freePort();
  const token = crypto.randomBytes(24).toString("hex");
  const args = [
    "server",
    "--no-browser",
    `--port=${port}`,
    "--ServerApp.ip=127.0.0.1",
    `--IdentityProvider.token=${token}`,
    `--ServerApp.root_dir=${ROOT}`,
  ];
  // Jupyter refuses to run as root unless told to (containers and CI run as root)
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--allow-root");
  const server = spawn(venvBin("jupyter"), args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let serverLog = "";
  server.stderr.on("data", (d) => (serverLog = (serverLog + d).slice(-4000)));
  const stop = () => server.exitCode === null && server.kill("SIGTERM");
  process.on("exit", stop);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));
  try {
    await waitForServer(port, token, server);
  } catch (err) {
    console.error(say.noServer({ why: err.message }));
    console.error(serverLog);
    return 1;
  }
  console.log(say.server({ port }));
  const buildArgs = ["build", "--html", "--execute", ...process.argv.slice(2)];
  console.log(say.building({ args: buildArgs.slice(1).join(" ") }));
  const myst = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "myst.cmd" : "myst");
  const code = await new Promise((resolve) => {
    const build = spawn(myst, buildArgs, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, JUPYTER_BASE_URL: `http://127.0.0.1:${port}`, JUPYTER_TOKEN: token },
    });
    build.on("error", (err) => {
      console.error(err.message);
      resolve(1);
    });
    build.on("exit", (c, signal) => resolve(signal ? 1 : (c ?? 1)));
  });
  stop();
  if (code !== 0) return code;
  if (!fs.existsSync(path.join(ROOT, "_build", "html", "index.html"))) {
    console.error(say.noSite());
    return 1;
  }
  console.log(say.done());
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
