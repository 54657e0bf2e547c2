import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PUSH_CODES } from "@shopee-medusa/shopee-client"
import {
  answeredReason,
  planPushHandling,
  pushOutcomeOfOrderSync,
  type PushOutcome,
  type StoredPush,
} from "../../lib/events/plan-push-handling"
import { labelShopeeTracking } from "../../lib/fulfilment/arrange-shipment"
import { advanceShippingLabel } from "../../lib/fulfilment/shipping-label"
import { resolveShopee } from "../../lib/shopee-module"
import { handleStockPush } from "../../lib/stock-writer/handle-stock-push"
import { wakeStockWriter } from "../wake-stock-writer"
import { syncShopeeOrdersWorkflow } from "../sync-shopee-orders"

export const handleShopeePushStepId = "handle-shopee-push"

/**
 * Acts on one stored push as `planPushHandling` decides and records the outcome on the event.
 * An order push runs `syncShopeeOrdersWorkflow` for its order from inside this step rather than
 * as a sub-workflow, so that any failure (no credentials, a crash) is caught here and recorded on
 * the event with an exception, instead of failing the push's workflow.
 */
export const handleShopeePushStep = createStep(
  handleShopeePushStepId,
  async (input: { event_id: string; push: StoredPush | null }, { container }): Promise<StepResponse<PushOutcome>> => {
    const shopee = resolveShopee(container)
    const handling = planPushHandling(input.push)
    const event = input.push
    if (handling.act === "skip" || !event) {
      return new StepResponse({
        event_id: input.event_id,
        status: "skipped",
        reason: handling.act === "skip" ? handling.reason : "No such event",
      })
    }
    try {
      switch (handling.act) {
        case "reconnect": {
          await shopee.raiseException({
            environment: event.environment,
            kind: handling.kind,
            message: handling.reason,
            payload_ref: event.id,
          })
          await shopee.markEvent(event.id, "processed", handling.reason)
          return new StepResponse({ event_id: event.id, status: "processed", reason: handling.reason })
        }
        case "sync_order": {
          // Read before the fetch: the order's other waiting pushes, which the fetch answers too.
          const answered =
            event.code === PUSH_CODES.ORDER_STATUS_UPDATE
              ? await shopee.waitingOrderPushes(event.environment, handling.order_sn, event.id)
              : []
          const { result } = await syncShopeeOrdersWorkflow(container).run({
            input: {
              environment: event.environment,
              orders: [{ order_sn: handling.order_sn, tracking_number: handling.tracking_number }],
              event_id: event.id,
            },
          })
          const { error, ...outcome } = pushOutcomeOfOrderSync(event.id, handling.order_sn, result.orders[handling.order_sn])
          // Push 4's tracking number also goes on the label of the fulfilment an arrangement made.
          if (handling.tracking_number && outcome.status === "processed") {
            await labelShopeeTracking(container, {
              environment: event.environment,
              order_sn: handling.order_sn,
              tracking_number: handling.tracking_number,
            })
          }
          await shopee.markEvent(event.id, outcome.status, outcome.reason, error)
          // A backlog of one order's pushes (a worker catching up, a burst) costs one fetch, not one each.
          if (outcome.status === "processed") {
            await shopee.markAnsweredPushes(answered, answeredReason(event.id, outcome.reason))
          }
          return new StepResponse(outcome)
        }
        case "stock": {
          const { marked, ...outcome } = await handleStockPush(container, { ...event, raw_body: handling.body })
          await shopee.markEvent(event.id, outcome.status, outcome.reason)
          if (marked > 0) wakeStockWriter(container)
          return new StepResponse({ event_id: event.id, ...outcome })
        }
        case "label": {
          const label = await advanceShippingLabel(container, { environment: event.environment, order_sn: handling.order_sn })
          const reason = `Order ${handling.order_sn}: label ${label?.state ?? "never requested"}`
          await shopee.markEvent(event.id, "processed", reason)
          return new StepResponse({ event_id: event.id, status: "processed", reason })
        }
        case "ignore":
          await shopee.markEvent(event.id, "ignored", handling.reason)
          return new StepResponse({ event_id: event.id, status: "ignored", reason: handling.reason })
      }
    } catch (error) {
      const message = `Processing push ${event.id} (code ${event.code}) failed: ${(error as Error).message}`
      await shopee.markEvent(event.id, "failed", message, (error as Error).message)
      await shopee.raiseException({ environment: event.environment, kind: "push_processing_failed", message, payload_ref: event.id })
      return new StepResponse({ event_id: event.id, status: "failed", reason: message })
    }
  }
)
