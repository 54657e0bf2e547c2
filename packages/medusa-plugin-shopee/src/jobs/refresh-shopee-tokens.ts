import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshExpiringTokens } from "../lib/refresh-expiring-tokens"

/** Every 10 minutes, tokens lapsing within 30 minutes are refreshed: they never lapse. */
export default async function refreshShopeeTokensJob(container: MedusaContainer): Promise<void> {
  await refreshExpiringTokens(container)
}

export const config = { name: "refresh-shopee-tokens", schedule: "*/10 * * * *" }
