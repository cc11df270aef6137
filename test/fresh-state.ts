// Runs before every test file (vitest.config.ts: setupFiles). Test files share
// their worker's module cache (isolate: false, which spares each file from
// loading lib/ again), so each file starts from the state the run began with:
// the environment and the language, whatever an earlier file changed.
import { resetLanguage } from "../lib/i18n";

const key = Symbol.for("workbook.test.startEnv");
const store = globalThis as { [key]?: Record<string, string | undefined> };
store[key] ??= { ...process.env };
const start = store[key];
for (const name of Object.keys(process.env)) if (!(name in start)) delete process.env[name];
Object.assign(process.env, start);
resetLanguage();
