import type { MedusaContainer } from "@medusajs/framework/types"
import { pollRequestedLabels } from "../lib/fulfilment/shipping-label"
import { switchableJob } from "../lib/switchable-job"

/** Every two minutes: labels Shopee is still making are stored once ready, even when push 15 never came. */
export default switchableJob("poll-shopee-labels", async (container: MedusaContainer) => {
  await pollRequestedLabels(container)
})

export const config = { name: "poll-shopee-labels", schedule: "*/2 * * * *" }
