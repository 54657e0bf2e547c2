/** Why a callback was refused before any code was exchanged. */
export type CallbackShopRefusal = "missing_state" | "bad_shop_id"

/** Shopee shop ids are positive integers; only plain digits are read (`0x10` is not 16). */
export function parseShopId(value: string): string | null {
  if (!/^[0-9]{1,16}$/.test(value)) return null
  const id = Number(value)
  return Number.isSafeInteger(id) && id > 0 ? String(id) : null
}

/**
 * Which shop a callback may store tokens for. With a valid state (an authorization this store
 * started for an admin), the shop Shopee names, which becomes the profile's shop when it has
 * none yet. Without a state (an authorization started from Shopee's console), only the shop
 * the profile already names may have its tokens renewed: a stranger's code never adds a shop
 * nor changes the profile's shop.
 */
export function shopForCallback(input: {
  withState: boolean
  profileShopId: string | null
  queryShopId: string | undefined
}): { ok: true; shop_id: string; adopt: boolean } | { ok: false; reason: CallbackShopRefusal } {
  let fromQuery: string | null = null
  if (input.queryShopId !== undefined) {
    fromQuery = parseShopId(input.queryShopId)
    if (fromQuery === null) return { ok: false, reason: "bad_shop_id" }
  }
  if (!input.withState) {
    if (input.profileShopId === null) return { ok: false, reason: "missing_state" }
    if (fromQuery !== null && fromQuery !== input.profileShopId) return { ok: false, reason: "missing_state" }
    return { ok: true, shop_id: input.profileShopId, adopt: false }
  }
  const shopId = fromQuery ?? input.profileShopId
  if (shopId === null) return { ok: false, reason: "bad_shop_id" }
  return { ok: true, shop_id: shopId, adopt: input.profileShopId === null }
}
