import { createHmac, timingSafeEqual } from "node:crypto"

export interface VerifyPushInput {
  /** The callback URL exactly as registered at Shopee (behind a proxy, not the URL the app sees). */
  url: string
  /** The body bytes as received; re-serialised JSON would not match Shopee's signature. */
  rawBody: Buffer | Uint8Array | string
  /** The `Authorization` header as Node gives it (a string, an array when repeated, or undefined). */
  authorization: string | readonly string[] | null | undefined
  /** The push partner key: integrators report the console issues one separate from the partner key. */
  pushPartnerKey: string
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i

/**
 * True only when `Authorization` is the hex HMAC-SHA256 of `url + "|" + rawBody`. Any missing,
 * repeated, malformed or wrong header is false: a webhook handler must never crash on input
 * an attacker controls.
 */
export function verifyPush(input: VerifyPushInput): boolean {
  const { url, rawBody, authorization, pushPartnerKey } = input
  if (typeof authorization !== "string" || typeof pushPartnerKey !== "string" || pushPartnerKey === "") return false
  if (typeof url !== "string" || url === "") return false
  const received = authorization.trim()
  if (!HEX_SHA256.test(received)) return false

  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : rawBody
  if (!(body instanceof Uint8Array)) return false
  const expected = createHmac("sha256", pushPartnerKey).update(`${url}|`, "utf8").update(body).digest()
  const actual = Buffer.from(received, "hex")
  // Both are 32 bytes here (the pattern guarantees it); timingSafeEqual throws on unequal lengths.
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
