import type { MedusaContainer } from "@medusajs/framework/types"
import { isAuthError } from "@shopee-medusa/shopee-client"
import { lockFor } from "./with-lock"
import { refreshExpiryWarning, REFRESH_EXPIRY_WARNING_MS } from "./refresh-expiry-warning"
import { resolveShopee } from "./shopee-module"

/** A token is refreshed when it lapses within this margin, so a call never meets an expired one. */
export const REFRESH_AHEAD_MS = 30 * 60 * 1000

/**
 * Refreshes every token of an active profile that lapses within 30 minutes. A refresh that
 * Shopee refuses (a dead or reused refresh token) becomes an exception asking to reconnect, and
 * so does a refresh token of an active profile that still lapses within 7 days afterwards.
 */
export async function refreshExpiringTokens(container: MedusaContainer) {
  const shopee = resolveShopee(container)
  const withLock = lockFor(container)
  const outcome = { refreshed: 0, failed: 0 }
  for (const token of await shopee.listTokensExpiringWithin(REFRESH_AHEAD_MS)) {
    try {
      const api = await shopee.getShopApi(token.environment, withLock)
      // Tokens of profiles that are no longer active are left to lapse.
      if (api.credentials.profile_id !== token.profile_id || api.credentials.shop_id !== token.shop_id) continue
      await api.tokens.getAccessToken({ shopId: token.shop_id }, { minValidityMs: REFRESH_AHEAD_MS })
      outcome.refreshed += 1
    } catch (error) {
      outcome.failed += 1
      await shopee.raiseException({
        environment: token.environment,
        kind: "token_refresh_failed",
        payload_ref: `shop:${token.shop_id}`,
        message: isAuthError(error)
          ? `Shopee refused to refresh the ${token.environment} token of shop ${token.shop_id} (${(error as Error).message}). Reconnect the shop from the Shopee page.`
          : `Refreshing the ${token.environment} token of shop ${token.shop_id} failed: ${(error as Error).message}. It is retried on the next run.`,
      })
    }
  }
  await warnOfLapsingRefreshTokens(container)
  return outcome
}

/** Raises `authorization_expiring` for each active profile's refresh token lapsing within 7 days. */
async function warnOfLapsingRefreshTokens(container: MedusaContainer): Promise<void> {
  const shopee = resolveShopee(container)
  for (const token of await shopee.listTokensWithRefreshLapsingWithin(REFRESH_EXPIRY_WARNING_MS)) {
    const warning = refreshExpiryWarning(token, Date.now())
    if (!warning) continue
    const profile = await shopee.getActiveProfile(token.environment).catch(() => null)
    if (profile?.id !== token.profile_id) continue
    await shopee.raiseException({ environment: token.environment, kind: "authorization_expiring", ...warning })
  }
}
