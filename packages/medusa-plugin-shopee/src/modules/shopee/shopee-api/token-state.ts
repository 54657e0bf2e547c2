import type { TokenRow } from "../tables"

export type TokenState = {
  state: "none" | "connected" | "expired"
  shop_id: number | null
  access_expires_at: Date | null
  refresh_expires_at: Date | null
  last_refreshed_at: Date | null
}

/**
 * What the operator sees of a shop's tokens. The access token alone lapsing is routine (it is
 * refreshed); a lapsed refresh token is not: the shop must be reconnected.
 */
export function tokenStateOf(row: TokenRow | undefined, profileShopId: string | null, now: number): TokenState {
  if (!row) {
    return {
      state: "none",
      shop_id: profileShopId ? Number(profileShopId) : null,
      access_expires_at: null,
      refresh_expires_at: null,
      last_refreshed_at: null,
    }
  }
  return {
    state: row.refresh_expires_at.getTime() <= now ? "expired" : "connected",
    shop_id: Number(row.shop_id),
    access_expires_at: row.access_expires_at,
    refresh_expires_at: row.refresh_expires_at,
    last_refreshed_at: row.last_refreshed_at,
  }
}
