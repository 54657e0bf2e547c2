import { signPublic } from "./sign.js"

export const AUTH_PARTNER_PATH = "/api/v2/shop/auth_partner"

export interface AuthorizationUrlInput {
  baseUrl: string
  partnerId: number
  partnerKey: string
  /** Where Shopee sends the seller back with `code` and `shop_id` (or `main_account_id`). */
  redirect: string
  /** Unix seconds; the link is signed like a public call and expires with its timestamp (5 minutes). */
  timestamp: number
}

/** The link a seller opens to authorize the app for a shop (Shopee's `auth_partner`). */
export function buildAuthorizationUrl(input: AuthorizationUrlInput): string {
  const url = new URL(input.baseUrl + AUTH_PARTNER_PATH)
  const sign = signPublic({
    partnerId: input.partnerId,
    partnerKey: input.partnerKey,
    path: AUTH_PARTNER_PATH,
    timestamp: input.timestamp,
  })
  url.searchParams.set("partner_id", String(input.partnerId))
  url.searchParams.set("timestamp", String(input.timestamp))
  url.searchParams.set("sign", sign)
  url.searchParams.set("redirect", input.redirect)
  return url.toString()
}
