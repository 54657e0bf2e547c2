import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileActiveEnvironment } from "../lib/reconcile/reconcile-active-environment"

/** Every 5 minutes: orders updated since the last run and lost pushes, so none is ever missed. */
export default async function reconcileShopeeOrdersJob(container: MedusaContainer): Promise<void> {
  await reconcileActiveEnvironment(container)
}

export const config = { name: "reconcile-shopee-orders", schedule: "*/5 * * * *" }
