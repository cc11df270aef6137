// Entry of the worker thread that runs one exercise check. It is plain
// JavaScript because it must register ts-node before any TypeScript loads;
// the parent terminates the worker when student code runs past the limit.
const { parentPort, workerData } = require("node:worker_threads");
const path = require("node:path");

require("ts-node").register({
  transpileOnly: true,
  project: path.join(__dirname, "..", "..", "tsconfig.json"),
});
const { runInThisThread } = require("./run-in-thread");

runInThisThread(workerData.id, workerData.target).then(
  (verdict) => parentPort.postMessage({ verdict }),
  (err) => parentPort.postMessage({ crash: String((err && err.stack) || err) }),
);
