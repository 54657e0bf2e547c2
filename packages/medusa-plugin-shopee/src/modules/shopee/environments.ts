/** The two Shopee environments a store can talk to; every Shopee-touching row is tagged with one. */
export const SHOPEE_ENVIRONMENTS = ["sandbox", "live"] as const

export type ShopeeEnvironment = (typeof SHOPEE_ENVIRONMENTS)[number]

export function isShopeeEnvironment(value: unknown): value is ShopeeEnvironment {
  return typeof value === "string" && (SHOPEE_ENVIRONMENTS as readonly string[]).includes(value)
}
