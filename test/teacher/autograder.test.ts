// The Gradescope autograder as Gradescope runs it: build it, unpack nothing
// (the builder writes the unpacked source beside the zip), put a submission
// in place, run run_autograder with AUTOGRADER_ROOT, read results.json.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import AdmZip from "adm-zip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetLanguage, setLanguage } from "../../lib/i18n";
import { buildAutograder, checkZipNames } from "../../lib/workbook/autograder";
import { catalogue, exerciseFiles } from "../../lib/workbook/catalogue";
import { ROOT } from "../../lib/workbook/paths";

describe("autograder <dir> before it writes", () => {
  it("refuses a file at the top of the workbook named like a field of every object, which adm-zip cannot hold", () => {
    expect(checkZipNames(["lib/constructor", "README.md"])).toEqual(["lib/constructor", "README.md"]);
    expect(() => checkZipNames(["constructor", "package.json", "__proto__"])).toThrow(/named "constructor", "__proto__" at the top/);
  });
});

/** The submission's files that earn nothing: one answers with the model, one is missing, one is too big. */
const LOST = ["tcp-connections.ts", "closing-connections.ts", "multiplexing-and-beyond.ts"];

describe("autograder <dir> and run_autograder", () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "autograder-")), "gs");
  let results: {
    score: number;
    output: string;
    tests: { name: string; number: string; score: number; max_score: number; status: string; visibility: string; output: string }[];
  };
  let run: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    fs.chmodSync(path.dirname(dir), 0o755); // as /autograder is: the sandbox user must be able to enter it
    buildAutograder(dir);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "source", "node_modules")); // what setup.sh's npm ci installs
    const sub = path.join(dir, "submission", "exercises");
    fs.mkdirSync(sub, { recursive: true });
    for (const f of exerciseFiles()) fs.copyFileSync(path.join(ROOT, "solutions", f), path.join(sub, f));
    // one file answers with the model and prints a forged verdict; another is missing
    fs.writeFileSync(
      path.join(sub, "tcp-connections.ts"),
      'import { segment } from "../lib/tcp/segment";\nexport const segmentCount = (b: number, mss = 1460) => { console.log("4.1b passed 100/100"); return segment(b, { mss }).segments; };\n',
    );
    fs.rmSync(path.join(sub, "closing-connections.ts"));
    // and one is 3 GB (sparse): refused unread, naming its size, the other files still graded
    fs.truncateSync(path.join(sub, "multiplexing-and-beyond.ts"), 3 * 2 ** 30);
    // the student's own lab results (measure exercises) travel in .workbook/labs/
    fs.cpSync(path.join(ROOT, "test/teacher/fixtures/labs"), path.join(dir, "submission", ".workbook", "labs"), { recursive: true });
    fs.writeFileSync(path.join(dir, "submission", "lib-override.ts"), "export const segment = () => 0;"); // ignored: only exercise files count
    run = spawnSync("bash", [path.join(dir, "source", "run_autograder")], {
      env: { ...process.env, AUTOGRADER_ROOT: dir },
      encoding: "utf8",
      timeout: 240_000,
    });
    results = JSON.parse(fs.readFileSync(path.join(dir, "results", "results.json"), "utf8"));
  }, 300_000);
  afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

  it("the zip holds the trusted copy with hidden cases and no answers, and an executable run_autograder", () => {
    const zip = new AdmZip(path.join(dir, "autograder.zip"));
    const names = zip.getEntries().map((e) => e.entryName);
    for (const f of ["setup.sh", "run_autograder", "package-lock.json", "checks/hidden/tcp-connections.ts", "lib/workbook/catalogue.ts"])
      expect(names).toContain(f);
    expect(names.some((n) => n.startsWith("solutions/"))).toBe(false);
    expect((zip.getEntry("run_autograder")!.attr >>> 16) & 0o777).toBe(0o755);
    expect(fs.readFileSync(path.join(dir, "source", "setup.sh"), "utf8")).toMatch(/npm ci/);
  });

  it("gives feedback in the language of the teacher who wrote it, unless WORKBOOK_LANG says otherwise", () => {
    expect(fs.readFileSync(path.join(dir, "source", "run_autograder"), "utf8")).toContain(`export WORKBOOK_LANG="\${WORKBOOK_LANG:-en}"`);
    const korean = path.join(path.dirname(dir), "gs-ko");
    setLanguage("ko");
    try {
      buildAutograder(korean);
    } finally {
      resetLanguage();
    }
    expect(fs.readFileSync(path.join(korean, "source", "run_autograder"), "utf8")).toContain(
      `export WORKBOOK_LANG="\${WORKBOOK_LANG:-ko}"`,
    );
  });

  it("writes results.json in Gradescope's format, hidden parts shown after publishing", () => {
    expect(run.status).toBe(0);
    for (const key of ["score", "execution_time", "output", "visibility", "tests"]) expect(results).toHaveProperty(key);
    const hidden = results.tests.filter((t) => t.name.endsWith("(hidden cases)"));
    expect(hidden.length).toBe(catalogue.filter((e) => e.kind === "implement").length); // predict and measure exercises have no hidden cases
    for (const t of hidden) expect(t.visibility).toBe("after_published");
    const numbers = results.tests.map((t) => t.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("grades the submission's exercise files only, with every case", () => {
    const byId = (id: string) => results.tests.filter((t) => t.number === id || t.number.startsWith(`${id}.`));
    for (const e of catalogue.filter((x) => !LOST.includes(x.file))) {
      expect(
        byId(e.id).reduce((s, t) => s + t.score, 0),
        e.id,
      ).toBeCloseTo(e.points, 6);
    }
    expect(byId("4.1b")[0].output).toMatch(/uses segment from lib\/tcp\/segment/);
    expect(byId("4.1a")[0].output).toMatch(/no function exported|no export|hostAndPort/);
    expect(byId("4.7a")[0].output).toMatch(/does not exist/);
    expect(results.output).toMatch(/Not found in the submission: exercises\/closing-connections.ts/);
    for (const e of catalogue.filter((x) => x.file === "multiplexing-and-beyond.ts"))
      expect(byId(e.id)[0].output).toContain("submitted/multiplexing-and-beyond.ts is 3221225472 bytes");
    const max = catalogue.reduce((s, e) => s + e.points, 0);
    const lost = catalogue.filter((e) => LOST.includes(e.file)).reduce((s, e) => s + e.points, 0);
    expect(results.score).toBeCloseTo(max - lost, 6);
  });
});
