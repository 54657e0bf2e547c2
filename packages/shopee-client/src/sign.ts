import { createHmac } from "node:crypto"

/**
 * Shopee's three call types differ only in what follows `partner_id + path + timestamp` in the
 * signed string; the same values must also travel in the query string.
 */
export type SignTarget =
  { type: "public" } | { type: "shop"; accessToken: string; shopId: number } | { type: "merchant"; accessToken: string; merchantId: number }

export interface SignInput {
  partnerId: number
  partnerKey: string
  /** The API path, `/api/v2/...`, never a proxy prefix or the query string. */
  path: string
  /** Unix seconds; Shopee accepts a signature for 5 minutes. */
  timestamp: number
}

export function signBaseString(input: Omit<SignInput, "partnerKey">, target: SignTarget): string {
  const head = `${input.partnerId}${input.path}${input.timestamp}`
  switch (target.type) {
    case "public":
      return head
    case "shop":
      return `${head}${target.accessToken}${target.shopId}`
    case "merchant":
      return `${head}${target.accessToken}${target.merchantId}`
  }
}

/** Lowercase hex HMAC-SHA256 of the base string, keyed by the partner key as UTF-8. */
export function sign(input: SignInput, target: SignTarget): string {
  return createHmac("sha256", input.partnerKey).update(signBaseString(input, target), "utf8").digest("hex")
}

export function signPublic(input: SignInput): string {
  return sign(input, { type: "public" })
}

export function signShop(input: SignInput & { accessToken: string; shopId: number }): string {
  return sign(input, { type: "shop", accessToken: input.accessToken, shopId: input.shopId })
}

export function signMerchant(input: SignInput & { accessToken: string; merchantId: number }): string {
  return sign(input, { type: "merchant", accessToken: input.accessToken, merchantId: input.merchantId })
}
