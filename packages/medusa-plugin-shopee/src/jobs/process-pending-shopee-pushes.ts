import type { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PENDING_CONCURRENCY, PENDING_PER_POLL, PENDING_PUSH_POLL_MS, pollsPendingPushes } from "../lib/events/pending-push-poll"
import { resolveShopee } from "../lib/shopee-module"
import { switchableJob } from "../lib/switchable-job"
import { processShopeePushWorkflow } from "../workflows/process-shopee-push"

/** A tick that finds the previous one still at work leaves the pushes to it. */
let running = false

/** Every second, in a worker without Redis only: processes the pushes the servers stored (see pending-push-poll.ts). */
export default switchableJob("process-pending-shopee-pushes", async (container: MedusaContainer) => {
  const { projectConfig } = container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  if (running || !pollsPendingPushes(projectConfig)) return
  running = true
  try {
    const shopee = resolveShopee(container)
    const environment = await shopee.getActiveEnvironment()
    const pending = await shopee.listShopeeRawEvents(
      { environment, status: "pending" },
      { select: ["id"], take: PENDING_PER_POLL, order: { created_at: "ASC" } }
    )
    let next = 0
    const lane = async () => {
      while (next < pending.length) {
        const event = pending[next++]
        await processShopeePushWorkflow(container).run({ input: { event_id: event.id } })
      }
    }
    await Promise.all(Array.from({ length: PENDING_CONCURRENCY }, lane))
  } finally {
    running = false
  }
})

export const config = { name: "process-pending-shopee-pushes", schedule: { interval: PENDING_PUSH_POLL_MS } }
