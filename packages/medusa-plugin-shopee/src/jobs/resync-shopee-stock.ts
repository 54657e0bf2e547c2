import type { MedusaContainer } from "@medusajs/framework/types"
import { syncShopeeStockWorkflow } from "../workflows/sync-shopee-stock"
import { switchableJob } from "../lib/switchable-job"

/**
 * Every 15 minutes: re-read Shopee and re-plan every mapped model, the net under the fast
 * path (a change made outside a workflow emits no event; Shopee sends no push for an ordinary
 * stock change). Does nothing while the writer is Off, disarmed or not connected; a failure is
 * recorded on the run and raised as an exception by the run itself.
 */
export default switchableJob("resync-shopee-stock", async (container: MedusaContainer) => {
  await syncShopeeStockWorkflow(container)
    .run({ input: { trigger: "full" } })
    .catch(() => undefined)
})

export const config = { name: "resync-shopee-stock", schedule: "*/15 * * * *" }
