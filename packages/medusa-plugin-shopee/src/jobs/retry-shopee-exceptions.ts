import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDueShopeeExceptionsWorkflow } from "../workflows/retry-due-shopee-exceptions"

/** Every minute: failed imports are retried on their backoff schedule until they succeed or give up. */
export default async function retryShopeeExceptionsJob(container: MedusaContainer): Promise<void> {
  await retryDueShopeeExceptionsWorkflow(container).run()
}

export const config = { name: "retry-shopee-exceptions", schedule: "* * * * *" }
