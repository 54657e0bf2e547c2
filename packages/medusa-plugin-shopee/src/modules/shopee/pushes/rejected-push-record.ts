/**
 * What is kept of a push that is stored as rejected. Such a push is never processed, and anyone
 * can send one: its record is for a person to see what arrived, so it keeps a bounded prefix of
 * the body and only headers shaped the way Shopee sends them.
 */

/** Shopee signs a push with a hex HMAC-SHA256: 64 hex characters. */
const SHOPEE_SIGNATURE = /^[0-9a-f]{64}$/i
/** Longest header value kept as it came; a longer one is kept as its length. */
const MAX_HEADER_CHARS = 200

/** The headers a push record keeps: never cookies or other credentials of ours. */
export const KEPT_PUSH_HEADERS = ["authorization", "content-type", "content-length", "user-agent", "x-forwarded-for"] as const

/**
 * The kept headers, each bounded: an `Authorization` that is not a Shopee signature, or any
 * value over 200 characters, is replaced by its length, so a sender cannot store kilobytes
 * through a header.
 */
export function boundedPushHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const name of KEPT_PUSH_HEADERS) {
    const raw = headers[name]
    if (raw === undefined) continue
    const value = Array.isArray(raw) ? raw.join(", ") : String(raw)
    const shaped = name === "authorization" ? SHOPEE_SIGNATURE.test(value) : value.length <= MAX_HEADER_CHARS
    kept[name] = shaped ? value : `[${value.length} characters, not kept]`
  }
  return kept
}

/**
 * The first `limitBytes` of a body. When the body is UTF-8 text the cut backs off to a character
 * boundary, so the prefix stays text rather than turning into bytes that are not UTF-8.
 */
export function bodyPrefix(body: Buffer, limitBytes: number): { bytes: Buffer; truncated: boolean } {
  if (body.length <= limitBytes) return { bytes: body, truncated: false }
  let end = limitBytes
  // A UTF-8 continuation byte is 10xxxxxx: step back to the start of the character it belongs to.
  while (end > 0 && end > limitBytes - 3 && (body[end] & 0xc0) === 0x80) end--
  return { bytes: body.subarray(0, end), truncated: true }
}
