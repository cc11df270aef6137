/**
 * Removing hop-by-hop header fields before a message is forwarded.
 *
 * What it models: what a proxy that understands Connection (a "smart" proxy)
 * does to every message it forwards (RFC 9110 7.6.1):
 *   1. read every Connection field and remove each field it names
 *      ("protecting" headers: the sender lists the fields that are for this
 *      hop only);
 *   2. remove the Connection field itself;
 *   3. remove the fields known to be hop-by-hop even when Connection does not
 *      list them.
 * The fixed list in step 3 differs between specifications:
 *   - RFC 9110 7.6.1 names Proxy-Connection, Keep-Alive, TE,
 *     Transfer-Encoding and Upgrade (plus Connection itself);
 *   - the classic RFC 2616 13.5.1 list is Connection, Keep-Alive,
 *     Proxy-Authenticate, Proxy-Authorization, TE, Trailers (sic: the field is
 *     named Trailer), Transfer-Encoding and Upgrade.
 * We remove the RFC 9110 list plus Trailer: Trailer announces fields of a
 * chunked body, and chunking is itself per hop (Transfer-Encoding), so a proxy
 * that re-frames the body cannot keep the announcement. We leave
 * Proxy-Authenticate / Proxy-Authorization alone: RFC 9110 11.7 lets proxies
 * relay them along a chain, so they are not strictly hop-by-hop any more.
 * Names compare case-insensitively. The input is never mutated: a new object
 * (or array) of the same shape comes back.
 */

import { parseConnectionHeader } from "./connection-header";
import { copyHeaders, fieldLines, type HeaderInput, type HeaderObject, type HeaderPairs } from "./header-fields";

/** RFC 9110 7.6.1: fields an intermediary removes whether or not Connection lists them. */
export const RFC9110_HOP_BY_HOP: readonly string[] = ["connection", "proxy-connection", "keep-alive", "te", "transfer-encoding", "upgrade"];
/** RFC 2616 13.5.1's classic list (with its "Trailers" spelled as the real field, Trailer). */
export const RFC2616_HOP_BY_HOP: readonly string[] = [
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];
/** What stripHopByHop removes in every case: RFC 9110's list plus Trailer. */
export const HOP_BY_HOP_FIELDS: readonly string[] = [...RFC9110_HOP_BY_HOP, "trailer"];

/** The lower-cased names that must not cross this hop, for these headers. */
export function hopByHopNames(headers: HeaderInput): Set<string> {
  const lines = fieldLines(headers);
  const connection = lines.filter((l) => l.name.toLowerCase() === "connection").map((l) => l.value);
  const names = new Set(HOP_BY_HOP_FIELDS);
  for (const token of parseConnectionHeader(connection, 'headers["Connection"]').tokens) names.add(token);
  return names;
}

/** Returns a copy of `headers` (same shape) without its hop-by-hop fields. */
export function stripHopByHop<T extends HeaderInput>(headers: T): T {
  // read once, checked: a getter that answers the check with "1" and the copy with "1\r\nSet-Cookie: x"
  // would otherwise smuggle a line into the forwarded message
  const checked = copyHeaders(headers);
  const drop = hopByHopNames(checked);
  const keep = (name: string) => !drop.has(name.toLowerCase());
  if (Array.isArray(checked)) {
    return (checked as HeaderPairs).filter(([name]) => keep(name)).map(([n, v]) => [n, v]) as T;
  }
  const entries = Object.entries(checked as HeaderObject)
    .filter(([name]) => keep(name))
    .map(([name, value]) => [name, Array.isArray(value) ? [...value] : value]);
  // fromEntries defines own properties, so a "__proto__" key stays a plain key
  return Object.fromEntries(entries) as T;
}
