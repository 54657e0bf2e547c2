import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkPushSubscription } from "../lib/push-subscription/check-push-subscription"
import { switchableJob } from "../lib/switchable-job"

/**
 * Every 30 minutes: Shopee's view of the push subscription. Nothing else tells a suspended one
 * (Shopee simply stops sending). A check Shopee does not answer is logged and tried at the next tick.
 */
export default switchableJob("check-shopee-push-subscription", async (container: MedusaContainer) => {
  await checkPushSubscription(container).catch((error: Error) =>
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`Shopee: checking the push subscription failed (${error.message}); it is checked again at the next run`)
  )
})

export const config = { name: "check-shopee-push-subscription", schedule: "*/30 * * * *" }
