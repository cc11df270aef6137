import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * vitest's order (the slowest files of the last run first; without a record, the largest),
 * except that the student copy goes first even without a record: it runs a vitest of its
 * own, the run's longest file, which overlaps the rest best when it starts at once.
 */
class StudentCopyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => f.moduleId.endsWith("student-copy.test.ts");
    return [...sorted.filter(first), ...sorted.filter((f) => !first(f))];
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Test files in a worker share its loaded modules instead of loading lib/ afresh each:
    // the run's largest cost once. test/fresh-state.ts resets what a file may change.
    isolate: false,
    setupFiles: ["test/fresh-state.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // every core and one more: vitest leaves one idle by default, most test files wait on child
    // processes, and one worker waits on the student copy's own vitest for most of the run
    maxWorkers: Math.max(2, os.availableParallelism()) + 1,
    sequence: { sequencer: StudentCopyFirst },
    // lib/ and the tests as vitest compiled them, kept by content in node_modules/ for the next run:
    // the main process transformed every module again in each run (2 of its 3 s of CPU)
    experimental: { fsModuleCache: true },
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
