import { errorCode, isShopeeError } from "@shopee-medusa/shopee-client"

/** Why exchanging an authorization code failed, as the callback's `reason` names it. */
export type CodeExchangeRefusal = "invalid_code" | "exchange_failed"

/**
 * Shopee answers `invalid_code` for a code that is unknown, already used, expired (10 minutes)
 * or for another shop: the seller must authorize again, nothing in the profile is wrong. Any
 * other failure (a wrong partner key, Shopee unreachable) is `exchange_failed`.
 */
export function codeExchangeRefusal(error: unknown): CodeExchangeRefusal {
  return isShopeeError(error) && errorCode(error.error) === "invalid_code" ? "invalid_code" : "exchange_failed"
}
