/**
 * The TLS handshake's messages, as bytes to carry: over a TCP connection
 * (lib/http/page-load-session.ts, with `tls`) or in QUIC's crypto streams
 * (lib/sim/quic-connection.ts), so that HTTPS over TCP and HTTP/3 pay for
 * the same certificate. The sizes are assumptions, typical of a server with
 * a two-certificate RSA-2048 chain and an X25519 key share; record and frame
 * headers are folded in.
 *
 *   TLS 1.3 (RFC 8446 2): ClientHello -> ServerHello ... Finished -> Finished:
 *     one round trip; the client's request follows its Finished at once.
 *   TLS 1.2 (RFC 5246 7.3): ClientHello -> ServerHello, Certificate,
 *     ServerKeyExchange, ServerHelloDone -> ClientKeyExchange,
 *     ChangeCipherSpec, Finished -> ChangeCipherSpec, Finished: two round trips.
 */

import { checkChoice } from "../errors";

/** The version a connection runs: "none" is plain HTTP. */
export type TlsVersion = "none" | "1.2" | "1.3";
export const TLS_VERSIONS: readonly TlsVersion[] = ["none", "1.2", "1.3"];

/** ClientHello with a key share and the usual extensions. */
export const CLIENT_HELLO_BYTES = 300;
/** ServerHello. */
export const SERVER_HELLO_BYTES = 90;
/** The rest of the server's first flight: EncryptedExtensions (1.3) or ServerKeyExchange (1.2), Certificate, CertificateVerify, Finished. */
export const SERVER_HANDSHAKE_BYTES = 2500;
/** TLS 1.3's client Finished. */
export const CLIENT_FINISHED_BYTES = 36;
/** TLS 1.2's ClientKeyExchange, ChangeCipherSpec and Finished. */
export const TLS12_CLIENT_FINISH_BYTES = 126;
/** TLS 1.2's server ChangeCipherSpec and Finished. */
export const TLS12_SERVER_FINISH_BYTES = 51;

/** Round trips the handshake adds before the first request, after TCP's own. */
export function tlsRoundTrips(version: TlsVersion): number {
  const v = checkChoice("version", version, TLS_VERSIONS);
  return v === "none" ? 0 : v === "1.3" ? 1 : 2;
}
