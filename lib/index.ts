/**
 * The workbook's public API: every notebook, exercise and test imports from
 * here (`import { segment } from "./lib/index"`).
 */
export * from "./errors";
export * from "./tcp/segment";
export * from "./tcp/connection-id";
export * from "./tcp/constants";
export { check, progress } from "./workbook/check";
export { catalogue, sections } from "./workbook/catalogue";
export * from "./viz/overhead-chart";
export * from "./viz/packet-layout";
export * from "./tcp/index";
export * from "./sim/index";
export * from "./http";
