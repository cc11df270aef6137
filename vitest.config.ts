import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // every core: vitest leaves one idle by default, and most test files wait on child processes
    maxWorkers: Math.max(2, os.availableParallelism()),
    // Tests read English messages whatever the machine's locale or a student's
    // saved `lang ko`: no settings file, English by the environment. Tests of
    // the Korean texts switch explicitly (setLanguage, or WORKBOOK_LANG=ko for a child).
    // Lab results go to a folder of this run's own: a test never grades against
    // (or overwrites) the labs a student ran in .workbook/labs/.
    env: {
      WORKBOOK_SETTINGS: "/nonexistent/workbook-test-settings.json",
      WORKBOOK_LANG: "en",
      WORKBOOK_NOTEBOOK_LANG: "",
      WORKBOOK_LABS_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "workbook-test-labs-")),
    },
  },
});
