import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { processShopeePushWorkflow } from "../../workflows/process-shopee-push"
import type { PushOutcome } from "../../workflows/steps/handle-shopee-push"
import { resolveShopee } from "../shopee-module"

/**
 * Processes a stored push again. Order handling fetches the order's current state from Shopee
 * and is idempotent, so replaying a processed push changes nothing that is already right.
 * A push that failed its signature check is never processed: it may not come from Shopee.
 */
export async function replayEvent(container: MedusaContainer, id: string): Promise<PushOutcome> {
  const shopee = resolveShopee(container)
  const [event] = await shopee.listShopeeRawEvents({ id })
  if (!event) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shopee event ${id} was not found`)
  }
  if (event.status === "rejected") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `Event ${id} was rejected (${event.signature_ok ? "its body is unreadable" : "its signature did not verify"}); it is never processed.`
    )
  }
  if (event.status === "duplicate") {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Event ${id} is a duplicate of ${event.duplicate_of}; replay that one.`)
  }
  await shopee.updateShopeeRawEvents({ id, status: "pending", processed: false })
  const { result } = await processShopeePushWorkflow(container).run({ input: { event_id: id } })
  return result
}
