// Executes the notebooks of one language with the workbook kernel, as a
// student would run "Run All"; a failure names the notebook and the cell.
// English and Korean are two test files, so vitest runs them side by side.
import { describe, it } from "vitest";
import { executeNotebook, jupyterReady, listNotebooks } from "../scripts/notebooks";

const NOTEBOOK_TIMEOUT_MS = 240_000;

export function describeNotebookRuns(lang: "en" | "ko"): void {
  describe(`notebooks (${lang})`, () => {
    it("Jupyter and the workbook kernel are set up", (ctx) => {
      if (jupyterReady()) return;
      const why = "Jupyter is not set up in .venv (run `npm run setup`; it needs Python 3.9+)";
      if (process.env.CI) throw new Error(`${why}. Under CI this is a failure, not a skip.`);
      ctx.skip(why);
    });

    for (const notebook of listNotebooks(lang)) {
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
}
