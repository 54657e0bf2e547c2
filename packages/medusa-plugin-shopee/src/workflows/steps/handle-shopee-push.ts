import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveShopee } from "../../lib/shopee-module"
import { dispatchPush } from "../../modules/shopee/lib/push-dispatch"

export type HandleShopeePushInput = { event_id: string }
export type PushOutcome = { event_id: string; status: "processed" | "ignored" | "failed" | "skipped"; reason: string }

/**
 * Acts on one stored push by its code and records the outcome on the event. Only a pending or
 * failed event is acted on, so a repeated delivery of the same event id changes nothing.
 */
export const handleShopeePushStep = createStep(
  "handle-shopee-push",
  async (input: HandleShopeePushInput, { container }): Promise<StepResponse<PushOutcome>> => {
    const shopee = resolveShopee(container)
    const [event] = await shopee.listShopeeRawEvents({ id: input.event_id })
    if (!event) {
      return new StepResponse({ event_id: input.event_id, status: "skipped", reason: "No such event" })
    }
    if (event.status !== "pending" && event.status !== "failed") {
      return new StepResponse({ event_id: event.id, status: "skipped", reason: `Already ${event.status}` })
    }
    const action = dispatchPush(event.code, event.shop_id)
    try {
      switch (action.action) {
        case "reconnect": {
          await shopee.raiseException({ environment: event.environment, kind: action.kind, message: action.reason, payload_ref: event.id })
          await shopee.markEvent(event.id, "processed", action.reason)
          return new StepResponse({ event_id: event.id, status: "processed", reason: action.reason })
        }
        case "order": {
          const reason = "Order pushes are stored; importing orders is not part of this version"
          await shopee.markEvent(event.id, "ignored", reason)
          return new StepResponse({ event_id: event.id, status: "ignored", reason })
        }
        default:
          await shopee.markEvent(event.id, "ignored", action.reason)
          return new StepResponse({ event_id: event.id, status: "ignored", reason: action.reason })
      }
    } catch (error) {
      const message = `Processing push ${event.id} (code ${event.code}) failed: ${(error as Error).message}`
      await shopee.markEvent(event.id, "failed", message, (error as Error).message)
      await shopee.raiseException({ environment: event.environment, kind: "push_processing_failed", message, payload_ref: event.id })
      return new StepResponse({ event_id: event.id, status: "failed", reason: message })
    }
  }
)
