import type { MedusaContainer } from "@medusajs/framework/types"
import { pollTrackingNumbers } from "../lib/fulfilment/poll-tracking-numbers"
import { switchableJob } from "../lib/switchable-job"

/** Every 5 minutes (Shopee asks not to poll more often): tracking numbers of arranged orders onto their fulfilment labels. */
export default switchableJob("poll-shopee-tracking-numbers", async (container: MedusaContainer) => {
  await pollTrackingNumbers(container)
})

export const config = { name: "poll-shopee-tracking-numbers", schedule: "*/5 * * * *" }
