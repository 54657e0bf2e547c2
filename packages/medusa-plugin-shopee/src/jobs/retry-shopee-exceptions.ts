import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDueShopeeExceptionsWorkflow } from "../workflows/retry-due-shopee-exceptions"
import { switchableJob } from "../lib/switchable-job"

/** Every minute: failed imports are retried on their backoff schedule until they succeed or give up. */
export default switchableJob("retry-shopee-exceptions", async (container: MedusaContainer) => {
  await retryDueShopeeExceptionsWorkflow(container).run()
})

export const config = { name: "retry-shopee-exceptions", schedule: "* * * * *" }
