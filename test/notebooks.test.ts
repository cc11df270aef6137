// Executes every notebook, English and Korean, with the workbook kernel, as a
// student would run "Run All". A failure names the notebook and the cell.
import { describe, expect, it } from "vitest";
import { compareAll } from "../scripts/notebook-pairs";
import { executeNotebook, jupyterReady, listNotebooks } from "../scripts/notebooks";

const NOTEBOOK_TIMEOUT_MS = 240_000;

describe("notebooks", () => {
  it("Jupyter and the workbook kernel are set up", (ctx) => {
    if (jupyterReady()) return;
    const why = "Jupyter is not set up in .venv (run `npm run setup`; it needs Python 3.9+)";
    if (process.env.CI) throw new Error(`${why}. Under CI this is a failure, not a skip.`);
    ctx.skip(why);
  });

  it("exist in English and Korean with the same code cells and one markdown cell for another", () => {
    expect(compareAll()).toEqual([]);
  });

  // Korean ones run too: same code, but every message they print goes through the Korean texts
  for (const notebook of [...listNotebooks("en"), ...listNotebooks("ko")]) {
    it(
      `runs ${notebook}`,
      async (ctx) => {
        if (!jupyterReady() && !process.env.CI) ctx.skip("Jupyter is not set up");
        process.stderr.write(`  executing ${notebook} ...\n`);
        const r = await executeNotebook(notebook);
        process.stderr.write(`  ${notebook}: ${r.ok ? "ok" : "FAILED"} in ${(r.ms / 1000).toFixed(1)} s\n`);
        if (!r.ok) throw new Error(r.output);
      },
      NOTEBOOK_TIMEOUT_MS,
    );
  }
});
