// Types for scripts/notebook-pairs.js (plain JS, also run from the command line).
export function comparePair(name: string): string[];
export function compareAll(): string[];
export function syncPair(name: string, from?: "en" | "ko"): number;
export function names(lang: "en" | "ko"): string[];
