import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { storedPushOf, type StoredPush } from "../../lib/events/plan-push-handling"
import { resolveShopee } from "../../lib/shopee-module"

export const loadShopeePushStepId = "load-shopee-push"

/** Reads the stored push once; what it says was parsed when it was recorded. */
export const loadShopeePushStep = createStep(
  loadShopeePushStepId,
  async (input: { event_id: string }, { container }): Promise<StepResponse<StoredPush | null>> => {
    const [event] = await resolveShopee(container).listShopeeRawEvents({ id: input.event_id })
    return new StepResponse(event ? storedPushOf(event) : null)
  }
)
