/**
 * The bytes HTTP/2 exchanges on a new connection before and beside its
 * requests (RFC 9113 3.4, 6.5), sized as Node's http2 module sends them:
 * the client's connection preface with its SETTINGS and a WINDOW_UPDATE,
 * the server's SETTINGS, and each side's SETTINGS acknowledgment. They are
 * real segments on the wire (the segments lab counts them), so the
 * multiplexed page load sends them too (page-load-session.ts).
 */

/** RFC 9113 3.4: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n". */
export const H2_PREFACE_BYTES = 24;
/** RFC 9113 4.1: every frame starts with a 9-byte header. */
export const H2_FRAME_HEADER_BYTES = 9;
/** RFC 9113 6.5.1: each setting is 6 bytes. */
export const H2_SETTING_BYTES = 6;

/** The client's first flight: preface, SETTINGS with 3 settings, WINDOW_UPDATE (RFC 9113 6.9: 4 bytes). */
export const H2_CLIENT_START_BYTES = H2_PREFACE_BYTES + (H2_FRAME_HEADER_BYTES + 3 * H2_SETTING_BYTES) + (H2_FRAME_HEADER_BYTES + 4);
/** The server's SETTINGS with 3 settings. */
export const H2_SERVER_SETTINGS_BYTES = H2_FRAME_HEADER_BYTES + 3 * H2_SETTING_BYTES;
/** RFC 9113 6.5: a SETTINGS frame with the ACK flag and no payload. */
export const H2_SETTINGS_ACK_BYTES = H2_FRAME_HEADER_BYTES;
