// Types for scripts/kernel-lib.js (plain JS: the kernel launcher and setup run it before anything is compiled).
export function ensureKernelLib(): boolean;
export function useKernelLib(sys: {
  fileExists(file: string): boolean;
  readFile(file: string, encoding?: string): string | undefined;
}): void;
export function isCurrent(hash?: string): boolean;
export function build(hash?: string): boolean;
export function inView(file: string): string | null;
export const VIEW: string;
export const LIB: string;
