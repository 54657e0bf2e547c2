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
  summary: (env: string) => [...shopeeKeys.all, "summary", env] as const,
  orders: (query: object) => [...shopeeKeys.all, "orders", query] as const,
  orderOfMedusaOrder: (orderId: string) => [...shopeeKeys.all, "order-of", orderId] as const,
  shippingParameter: (id: string) => [...shopeeKeys.all, "shipping-parameter", id] as const,
  label: (id: string) => [...shopeeKeys.all, "label", id] as const,
  exceptions: (query: object) => [...shopeeKeys.all, "exceptions", query] as const,
  events: (query: object) => [...shopeeKeys.all, "events", query] as const,
  event: (id: string) => [...shopeeKeys.all, "event", id] as const,
}

export const stockLocationKeys = {
  list: () => ["shopee", "stock-locations"] as const,
}
