import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileActiveShopeeEnvironmentWorkflow } from "../workflows/reconcile-active-shopee-environment"

/** Every 5 minutes: orders updated since the last run and lost pushes, so none is ever missed. */
export default async function reconcileShopeeOrdersJob(container: MedusaContainer): Promise<void> {
  await reconcileActiveShopeeEnvironmentWorkflow(container).run()
}

export const config = { name: "reconcile-shopee-orders", schedule: "*/5 * * * *" }
