#!/usr/bin/env node
// The English notebooks (notebooks/) and the Korean ones (notebooks/ko/) are
// one set of code with two texts: same file names, the same cells in the same
// order, identical code cells, and markdown cells that correspond one to one.
//   node scripts/notebook-pairs.js                 check every pair (exit 1 on a problem)
//   node scripts/notebook-pairs.js --sync [--from ko]
//                                                  copy the code cells from one language to
//                                                  the other (default from English), after an
//                                                  edit in one of them
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { LANGUAGE_DIRS, listNotebooks } = require("./notebooks");
const { ROOT } = require("./setup");

const DIRS = { en: path.join(ROOT, LANGUAGE_DIRS.en), ko: path.join(ROOT, LANGUAGE_DIRS.ko) };
const HANGUL = /[\uac00-\ud7a3]/;

/** The notebooks' file names in one language. */
function names(lang) {
  return listNotebooks(lang).map((p) => path.basename(p));
}

function read(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

const text = (cell) => (Array.isArray(cell.source) ? cell.source.join("") : cell.source);

/** Every problem with one pair of notebooks, as sentences naming the cell (counted from 1). */
function comparePair(name) {
  const en = read(path.join(DIRS.en, name));
  const ko = read(path.join(DIRS.ko, name));
  const problems = [];
  if (en.cells.length !== ko.cells.length) problems.push(`${name}: ${en.cells.length} cells in English, ${ko.cells.length} in Korean`);
  const n = Math.min(en.cells.length, ko.cells.length);
  for (let i = 0; i < n; i++) {
    const [e, k] = [en.cells[i], ko.cells[i]];
    const where = `${name} cell ${i + 1}`;
    if (e.cell_type !== k.cell_type) {
      problems.push(`${where}: ${e.cell_type} in English, ${k.cell_type} in Korean (the cells no longer correspond from here)`);
      break;
    }
    if (e.cell_type === "code" && text(e) !== text(k)) {
      const el = text(e).split("\n"),
        kl = text(k).split("\n");
      const line = el.findIndex((l, j) => l !== kl[j]);
      const at = line === -1 ? el.length : line;
      problems.push(`${where}: the code differs at line ${at + 1}:\n  en: ${el[at] ?? "(end)"}\n  ko: ${kl[at] ?? "(end)"}`);
    }
    if (e.cell_type === "markdown" && text(e).trim() && !HANGUL.test(text(k)))
      problems.push(`${where}: the Korean markdown has no Korean text`);
    if ((k.outputs ?? []).length || (e.outputs ?? []).length) problems.push(`${where}: has outputs (notebooks are committed without them)`);
  }
  return problems;
}

/** Problems with the whole set: notebooks in one language only, then each pair's. */
function compareAll() {
  const en = names("en"),
    ko = names("ko");
  const problems = [];
  for (const n of en) if (!ko.includes(n)) problems.push(`${n}: exists in English only (add notebooks/ko/${n})`);
  for (const n of ko) if (!en.includes(n)) problems.push(`${n}: exists in Korean only (add notebooks/${n})`);
  for (const n of en.filter((x) => ko.includes(x))) problems.push(...comparePair(n));
  return problems;
}

/** Copies the code cells of `from`'s notebook into the other language's; the cells must correspond. */
function syncPair(name, from = "en") {
  const to = from === "en" ? "ko" : "en";
  const src = read(path.join(DIRS[from], name));
  const dstFile = path.join(DIRS[to], name);
  const dst = read(dstFile);
  const types = (nb) => nb.cells.map((c) => c.cell_type).join(",");
  if (types(src) !== types(dst))
    throw new Error(`${name}: the cells do not correspond (add or remove the same markdown cells in both languages first)`);
  let changed = 0;
  src.cells.forEach((cell, i) => {
    if (cell.cell_type === "code" && text(cell) !== text(dst.cells[i])) {
      dst.cells[i].source = cell.source;
      changed++;
    }
  });
  if (changed) fs.writeFileSync(dstFile, `${JSON.stringify(dst, null, 1)}\n`);
  return changed;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes("--sync")) {
    const from = args.includes("--from") ? args[args.indexOf("--from") + 1] : "en";
    if (from !== "en" && from !== "ko") {
      console.error(`--from must be en or ko, not ${JSON.stringify(from)}`);
      process.exit(2);
    }
    for (const n of names("en").filter((x) => names("ko").includes(x))) {
      try {
        const changed = syncPair(n, from);
        if (changed) console.log(`${n}: ${changed} code cell(s) copied from ${from}`);
      } catch (err) {
        console.error(err.message);
        process.exitCode = 1;
      }
    }
  }
  const problems = compareAll();
  for (const p of problems) console.log(p);
  console.log(problems.length ? `${problems.length} problem(s)` : "every notebook exists in both languages with the same code");
  if (problems.length) process.exitCode = 1;
}

module.exports = { comparePair, compareAll, syncPair, names };
