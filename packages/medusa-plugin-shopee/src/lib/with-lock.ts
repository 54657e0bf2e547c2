import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { WithLock } from "../modules/shopee/service"

/**
 * A lock through Medusa's locking module, which excludes other instances when a Redis or
 * PostgreSQL provider is configured. Token refreshes run under it: Shopee's refresh token is
 * single-use, so two instances refreshing the same shop at once would lose the shop.
 */
export function lockFor(container: MedusaContainer): WithLock {
  const locking = container.resolve(Modules.LOCKING)
  return (key, job) => locking.execute(key, job, { timeout: 30 })
}
