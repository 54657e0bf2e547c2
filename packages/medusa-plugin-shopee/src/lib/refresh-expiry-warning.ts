import type { ShopeeEnvironment } from "../modules/shopee/environments"

/** A refresh token lapsing within this is told to a person: after it, only reconnecting the shop helps. */
export const REFRESH_EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000

export type RefreshingToken = { environment: ShopeeEnvironment; shop_id: number; refresh_expires_at: Date }

/**
 * Whether a shop's refresh token lapses soon. Every refresh brings a new one for 30 days, so
 * one that stays close to lapsing means refreshing no longer moves it (the authorization's
 * year is ending) or refreshing stopped: either way the shop must be reconnected in time. The
 * reference names the day it lapses, so a later token that lapses soon again is told again.
 */
export function refreshExpiryWarning(token: RefreshingToken, now: number): { payload_ref: string; message: string } | null {
  const lapsesAt = token.refresh_expires_at.getTime()
  if (lapsesAt - now > REFRESH_EXPIRY_WARNING_MS) return null
  const day = token.refresh_expires_at.toISOString().slice(0, 10)
  const when = lapsesAt <= now ? `lapsed on ${day}` : `lapses on ${day}`
  return {
    payload_ref: `shop:${token.shop_id}:refresh-expires:${day}`,
    message: `The ${token.environment} refresh token of shop ${token.shop_id} ${when}; after that the connector cannot call Shopee for this shop. Reconnect the shop from the Shopee page.`,
  }
}
