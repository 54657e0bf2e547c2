import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDueExceptions } from "../lib/exceptions/retry-due-exceptions"

/** Every minute: failed imports are retried on their backoff schedule until they succeed or give up. */
export default async function retryShopeeExceptionsJob(container: MedusaContainer): Promise<void> {
  await retryDueExceptions(container)
}

export const config = { name: "retry-shopee-exceptions", schedule: "* * * * *" }
