/**
 * How big a picture the charts draw. Every size a caller gives (a width, a
 * height, columns per round, packets to list) is checked against these
 * before anything is allocated, so `overheadChart({ width: 1e9 })` is a
 * RangeError naming "width" and the limit, not a process that runs out of
 * memory. A terminal is a few hundred columns wide; these leave room.
 */

/** The most columns a text chart is drawn with (plot points, time-axis columns, arrow length). */
export const MAX_CHART_COLUMNS = 1000;
/** The most rows a text chart is drawn with (plot height, packets listed). */
export const MAX_CHART_ROWS = 200;
