/** Shopee's API hosts by region, as the client names them. */
export const SHOPEE_REGIONS = ["GLOBAL", "CHINA", "BRAZIL", "TEST_GLOBAL", "TEST_CHINA"] as const

export type ShopeeRegionName = (typeof SHOPEE_REGIONS)[number]
