// The child process that runs student code (plain JavaScript: it runs inside
// the build folder, where only transpiled files exist). It loads one
// exercise file when asked and calls one export per message with the
// arguments the grader sends, answering only with what came back: a value,
// or what was thrown. It never sees an expected answer and decides nothing;
// the grader in the parent compares and scores. Node's permission model
// (set by the parent) keeps it from reading anything outside the build
// folder, writing files, or starting processes.
"use strict";

// Taken before any student code runs, which may replace them (v8.serialize, process.send, a typed array's length)
const { serialize, deserialize } = require("node:v8");
const send = process.send.bind(process);
const byteLength = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), "byteLength").get;
const { apply } = Reflect;

const NOT_IMPLEMENTED = "ERR_WORKBOOK_NOT_IMPLEMENTED";
let loaded = null;
/** The largest reply, in bytes as copied (the grader sends it with "load"): a bigger one is reported by its size only. */
let maxReplyBytes = Infinity;

/** What was thrown, as plain data: any value can be thrown, even null or an object without a prototype. */
function describeThrown(err) {
  try {
    if (err !== null && typeof err === "object" && err.code === NOT_IMPLEMENTED) return { notImplemented: true };
    if (err instanceof Error) {
      const frames = String(err.stack || "")
        .split("\n")
        .slice(1, 4)
        .join("\n");
      return { name: String(err.name).slice(0, 100), message: String(err.message).slice(0, 2000), stack: frames.slice(0, 2000) };
    }
    const text = safeString(err);
    return text === undefined ? { name: typeof err, message: "", unprintable: true } : { name: typeof err, message: text.slice(0, 2000) };
  } catch {
    // the grader words these markers in the student's language
    return { name: "unknown", message: "", indescribable: true };
  }
}

/** A thrown value as text, or undefined when even that fails. */
function safeString(v) {
  try {
    return typeof v === "object" && v !== null ? Object.prototype.toString.call(v) : String(v);
  } catch {
    return undefined;
  }
}

/**
 * Sends a value the structured-clone algorithm can copy, or says why it cannot. A copy writes a string
 * once per place it appears (300 references to one 1 MB string make 300 MB in the grader, which holds
 * every reply in memory), so the size is known before anything is sent. The message is read once: what
 * is sent is the copy that was measured, since a getter read a second time could answer something bigger.
 */
function reply(message) {
  let copy;
  try {
    const bytes = serialize(message);
    const size = apply(byteLength, bytes, []);
    if (size > maxReplyBytes) return send({ type: message.type, callId: message.callId, tooLarge: size });
    copy = deserialize(bytes);
  } catch (err) {
    // `unclonable` is a flag, never the text: a getter that throws "" must not read as "nothing went wrong"
    let detail = "";
    try {
      detail = String(err instanceof Error ? err.message : (safeString(err) ?? ""));
    } catch {}
    return send({ type: message.type, callId: message.callId, unclonable: true, detail });
  }
  send(copy);
}

async function call(msg) {
  const fn = loaded?.[msg.exportName];
  if (typeof fn !== "function") return reply({ type: "result", callId: msg.callId, missing: true });
  const args = msg.args;
  try {
    const value = await fn(...args);
    const returnedArg = args.findIndex((a) => a !== null && typeof a === "object" && a === value);
    reply({ type: "result", callId: msg.callId, value, argsAfter: args, returnedArg });
  } catch (err) {
    reply({ type: "result", callId: msg.callId, threw: describeThrown(err), argsAfter: args });
  }
}

process.on("message", (msg) => {
  if (msg.type === "load") {
    if (typeof msg.maxReplyBytes === "number") maxReplyBytes = msg.maxReplyBytes;
    try {
      loaded = require(msg.file);
      reply({ type: "loaded", callId: msg.callId });
    } catch (err) {
      reply({ type: "load-failed", callId: msg.callId, threw: describeThrown(err) });
    }
  } else if (msg.type === "call") {
    void call(msg);
  }
});
send({ type: "ready" });
