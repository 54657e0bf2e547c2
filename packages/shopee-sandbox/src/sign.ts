import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Shopee's request and push signatures, implemented here independently of any client so that
 * the sandbox can catch a client that signs the wrong string.
 */
export type CallType = "public" | "shop" | "merchant"

export function hmacSha256Hex(key: string, message: string): string {
  return createHmac("sha256", Buffer.from(key, "utf8")).update(message, "utf8").digest("hex")
}

export interface SignInput {
  partnerId: number
  path: string
  timestamp: number
  accessToken?: string
  /** shop_id for a shop call, merchant_id for a merchant call. */
  entityId?: number
}

/** The string Shopee signs: partner_id + path + timestamp, then access_token + shop_id|merchant_id. */
export function signBaseString(call: CallType, input: SignInput): string {
  const head = `${input.partnerId}${input.path}${input.timestamp}`
  if (call === "public") return head
  return `${head}${input.accessToken ?? ""}${input.entityId ?? ""}`
}

export function signRequest(call: CallType, input: SignInput, partnerKey: string): string {
  return hmacSha256Hex(partnerKey, signBaseString(call, input))
}

/** The push `Authorization` header: HMAC of the exact callback URL, a pipe, and the raw body. */
export function signPush(callbackUrl: string, rawBody: string, pushPartnerKey: string): string {
  return hmacSha256Hex(pushPartnerKey, `${callbackUrl}|${rawBody}`)
}

/** Constant-time comparison, so response timing does not reveal how much of a sign matched. */
export function signsMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected, "utf8")
  const b = Buffer.from(given, "utf8")
  return a.length === b.length && timingSafeEqual(a, b)
}
