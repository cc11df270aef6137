// CI check (rustlings/nbgrader style): every exercise stub as committed must
// still be unsolved, so no solution leaks into exercises/. Takes each stub
// file from git HEAD (not the working copy a student may have edited), grades
// it, and fails if any exercise is anything but "not started".
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { exerciseFiles } from "../lib/workbook/catalogue";
import { ROOT } from "../lib/workbook/paths";
import { runChecks } from "../lib/workbook/run-check";

const PRISTINE = ".workbook-stubs"; // a folder beside exercises/, so "../lib" imports still resolve

async function main(): Promise<number> {
  const dir = path.join(ROOT, PRISTINE);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  try {
    for (const file of exerciseFiles()) {
      const committed = execFileSync("git", ["show", `HEAD:exercises/${file}`], { cwd: ROOT, encoding: "utf8" });
      fs.writeFileSync(path.join(dir, file), committed);
    }
    // no lab results: a measure exercise must read "not started" whatever labs this machine has run
    const verdicts = await runChecks(undefined, { target: PRISTINE, labsDir: fs.mkdtempSync(path.join(os.tmpdir(), "workbook-no-labs-")) });
    const leaks = verdicts.filter((v) => v.status !== "not-started");
    for (const v of leaks) console.error(`stub of ${v.id} is not a pristine stub: ${v.status} ${v.message}`);
    console.log(`stub check: ${verdicts.length - leaks.length}/${verdicts.length} pristine stubs are unsolved`);
    return leaks.length ? 1 : 0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
