import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcileActiveShopeeEnvironmentWorkflow } from "../workflows/reconcile-active-shopee-environment"
import { switchableJob } from "../lib/switchable-job"

/** Every 5 minutes: orders updated since the last run and lost pushes, so none is ever missed. */
export default switchableJob("reconcile-shopee-orders", async (container: MedusaContainer) => {
  await reconcileActiveShopeeEnvironmentWorkflow(container).run()
})

export const config = { name: "reconcile-shopee-orders", schedule: "*/5 * * * *" }
