import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storedPushOf, type StoredPush } from "../../lib/events/plan-push-handling"
import { resolveShopee } from "../../lib/shopee-module"

export const reopenShopeePushStepId = "reopen-shopee-push"

/**
 * Makes a stored push pending again, for a replay. A push that failed its signature check is
 * never processed: it may not come from Shopee; a duplicate is replayed through its first.
 */
export const reopenShopeePushStep = createStep(
  reopenShopeePushStepId,
  async (input: { event_id: string }, { container }): Promise<StepResponse<StoredPush>> => {
    const shopee = resolveShopee(container)
    const id = input.event_id
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
    return new StepResponse(storedPushOf({ ...event, status: "pending" }))
  }
)
