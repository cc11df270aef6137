// The Korean notebooks run too: the same code as the English, but every
// message they print goes through the Korean texts. They run beside the
// English ones, so their labs save into a folder of their own.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describeNotebookRuns } from "./notebook-runs";

process.env.WORKBOOK_LABS_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-test-labs-ko-"));

describeNotebookRuns("ko");
