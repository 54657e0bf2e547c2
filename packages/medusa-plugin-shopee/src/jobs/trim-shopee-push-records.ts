import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { resolveShopee } from "../lib/shopee-module"
import { switchableJob } from "../lib/switchable-job"

/**
 * Every hour: rejected and duplicate pushes, and the counts of refused ones, older than the
 * plugin option `push_record_retention_days` (default 30) are deleted, so that what anyone can
 * send to the webhook is bounded in time as well as in rate.
 */
export default switchableJob("trim-shopee-push-records", async (container: MedusaContainer) => {
  const trimmed = await resolveShopee(container).trimPushRecords()
  if (trimmed.rejected + trimmed.duplicate + trimmed.tallies > 0) {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .info(
        `Shopee push records trimmed: ${trimmed.rejected} rejected, ${trimmed.duplicate} duplicate, ${trimmed.tallies} minute counts of refused pushes`
      )
  }
})

export const config = { name: "trim-shopee-push-records", schedule: "17 * * * *" }
