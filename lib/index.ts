/**
 * The workbook's public API: every notebook, exercise and test imports from
 * here. Notebooks write `./lib/index` (tslab cannot import a folder).
 */
export * from "./errors";
export { median, quantile } from "./stats";
export { language, setLanguage, tr, type Language, type Text } from "./i18n";
export * from "./tcp/index";
export * from "./sim/index";
export * from "./http/index";
export * from "./viz/chart-limits";
export * from "./viz/overhead-chart";
export * from "./viz/packet-layout";
export * from "./viz/sequence-diagram";
export * from "./viz/cwnd-chart";
export * from "./viz/waterfall";
export { strategyName, seriesName } from "./viz/strategy-names";
export * from "./viz/load-time-chart";
export { check, progress } from "./workbook/check";
export { hint } from "./workbook/hints";
export { catalogue, sections } from "./workbook/catalogue";
