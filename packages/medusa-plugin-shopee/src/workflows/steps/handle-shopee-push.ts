import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveShopee } from "../../lib/shopee-module"
import { importShopeeOrders } from "../../lib/orders/import-shopee-orders"
import { dispatchPush } from "../../modules/shopee/pushes/push-dispatch"

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
          if (!event.order_sn) {
            await shopee.markEvent(event.id, "ignored", "The push names no order")
            return new StepResponse({ event_id: event.id, status: "ignored", reason: "The push names no order" })
          }
          const summary = await importShopeeOrders(container, {
            environment: event.environment,
            orders: [{ order_sn: event.order_sn, tracking_number: trackingNumberOf(event.raw_body) }],
            event_id: event.id,
          })
          if (summary.failed > 0) {
            // The order's own exception carries the retries; the event records what happened.
            const reason = `Order ${event.order_sn} could not be synced: ${summary.failures[0].message}`
            await shopee.markEvent(event.id, "failed", reason, summary.failures[0].message)
            return new StepResponse({ event_id: event.id, status: "failed", reason })
          }
          const outcome = Object.entries(summary).find(([key, count]) => key !== "failures" && count === 1)?.[0] ?? "unchanged"
          const reason = `Order ${event.order_sn}: ${outcome}`
          await shopee.markEvent(event.id, "processed", reason)
          return new StepResponse({ event_id: event.id, status: "processed", reason })
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

/** Code 4 pushes carry the tracking number itself (`tracking_no`). */
function trackingNumberOf(rawBody: string): string | null {
  try {
    const data = JSON.parse(rawBody)?.data
    return typeof data?.tracking_no === "string" && data.tracking_no ? data.tracking_no : null
  } catch {
    return null
  }
}
