import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshExpiringTokens } from "../lib/refresh-expiring-tokens"
import { switchableJob } from "../lib/switchable-job"

/** Every 10 minutes, tokens lapsing within 30 minutes are refreshed: they never lapse. */
export default switchableJob("refresh-shopee-tokens", async (container: MedusaContainer) => {
  await refreshExpiringTokens(container)
})

export const config = { name: "refresh-shopee-tokens", schedule: "*/10 * * * *" }
