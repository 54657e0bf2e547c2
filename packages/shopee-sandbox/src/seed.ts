import type { MerchantInput, PartnerInput, ShopInput } from "./accounts.js"
import type { ItemInput } from "./catalogue.js"
import type { Sandbox } from "./sandbox.js"

export interface ShopSeed extends ShopInput {
  items?: Omit<ItemInput, "shop_id">[]
}

/** What a sandbox starts with (and returns to on reset). */
export interface SeedData {
  partners?: PartnerInput[]
  merchants?: MerchantInput[]
  shops?: ShopSeed[]
}

export function applySeed(sandbox: Sandbox, seed: SeedData): void {
  for (const partner of seed.partners ?? []) sandbox.accounts.addPartner(partner)
  for (const merchant of seed.merchants ?? []) sandbox.accounts.addMerchant(merchant)
  for (const { items, ...shopInput } of seed.shops ?? []) {
    const shop = sandbox.accounts.addShop(shopInput)
    for (const item of items ?? []) sandbox.catalogue.addItem(shop, { ...item, shop_id: shop.shop_id })
  }
}
