// Types for scripts/setup.js.
export function setup(): void;
export function setupOrExit(): void;
export function prepareKernel(): "checked" | "compiled" | "failed";
export function venvBin(name: string): string;
export const ROOT: string;
export const KERNEL_NAME: string;
export const KERNEL_DIR: string;
export class SetupError extends Error {}
