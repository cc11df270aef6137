// The plain-JavaScript scripts (setup, start, test) speak the student's
// language too. They run before anything is compiled, so they reach
// lib/i18n.ts, the one place that decides the language and fills messages,
// through ts-node (transpile only), loaded the first time a message is shown:
// a script that prints nothing never pays for it. Each script keeps its own
// table at its top, as lib's modules do. Should ts-node be missing (npm
// install --omit=dev), the scripts speak English rather than fail.
"use strict";
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/** Every table made here, by area, as written (a test reads them without loading ts-node). */
const tables = new Map();

let lib; // lib/i18n once loaded, null when it cannot be

function loadLib() {
  if (lib !== undefined) return lib;
  try {
    // a process that already compiles TypeScript (ts-node, the tslab kernel) needs no second hook
    if (!require.extensions[".ts"]) require("ts-node").register({ transpileOnly: true, project: path.join(ROOT, "tsconfig.json") });
    lib = require(path.join(ROOT, "lib", "i18n.ts"));
  } catch {
    lib = null;
  }
  return lib;
}

/** English with `{name}` placeholders filled, for when lib/i18n.ts cannot be loaded. */
function english(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (Object.hasOwn(params, key) ? String(params[key]) : whole));
}

/**
 * A table of messages for one script, as lib/i18n.ts's `messages()` makes:
 * `say.ready()` is the text in the current language; `.text` holds both.
 */
function messages(area, table) {
  tables.set(area, table);
  let made; // lib's table, made on first use
  const out = {};
  for (const key of Object.keys(table)) {
    const say = (params) => {
      const i18n = loadLib();
      if (!i18n) return english(table[key].en, params);
      made ??= i18n.messages(area, table);
      return made[key](params);
    };
    say.text = table[key];
    out[key] = say;
  }
  return out;
}

/** The current language ("en" or "ko"), as lib/i18n.ts decides it. */
function language() {
  const i18n = loadLib();
  return i18n ? i18n.language() : "en";
}

module.exports = { messages, language, tables };
