// Types for scripts/notebooks.js (plain JS so it runs before anything is compiled).
export function listNotebooks(lang?: "en" | "ko"): string[];
export function jupyterReady(): boolean;
export function executeNotebook(
  notebook: string,
  timeoutSeconds?: number,
  options?: { cellTimes?: boolean },
): Promise<{ ok: boolean; output: string; ms: number; cellMs: number[] }>;
export const LANGUAGE_DIRS: { en: string; ko: string };
