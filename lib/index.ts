/**
 * The workbook's public API: every notebook, exercise and test imports from
 * here (`import { segment } from "./lib/index"`).
 */
export * from "./errors";
export * from "./tcp/segment";
export * from "./tcp/connection-id";
export * from "./tcp/constants";
export { check } from "./workbook/check";
