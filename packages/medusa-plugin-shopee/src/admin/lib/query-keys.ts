import type { ShopeeEnvironment } from "./types"

/**
 * Every change on the page (a save, a switch, an activation) can change what the other reads
 * show, so mutations invalidate everything under `shopeeKeys.all` at once.
 */
export const shopeeKeys = {
  all: ["shopee"] as const,
  activeEnvironment: () => [...shopeeKeys.all, "active-environment"] as const,
  credentials: (environment: ShopeeEnvironment) => [...shopeeKeys.all, "credentials", environment] as const,
  profiles: (environment: ShopeeEnvironment) => [...shopeeKeys.all, "profiles", environment] as const,
}

export const stockLocationKeys = {
  list: () => ["shopee", "stock-locations"] as const,
}
