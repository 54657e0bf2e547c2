import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RetryOutcome } from "../../lib/exceptions/plan-exception-retry"
import { requestShippingLabel } from "../../lib/fulfilment/shipping-label"
import { refreshExpiringTokens } from "../../lib/refresh-expiring-tokens"
import { arrangeShopeeShipmentWorkflow } from "../arrange-shopee-shipment"
import { replayShopeePushWorkflow } from "../replay-shopee-push"
import { syncShopeeOrdersWorkflow } from "../sync-shopee-orders"
import type { RetryableException } from "./load-retryable-exception"

export const runExceptionRetryStepId = "run-exception-retry"

/**
 * Runs again what the exception is about: the order's sync, the push's replay, the token
 * refresh, a deferred shipment's arrangement (with the choice kept on its sync row), or a failed label. A failure is an outcome, not a failed step: it is counted on the exception next.
 */
export const runExceptionRetryStep = createStep(
  runExceptionRetryStepId,
  async ({ retry }: RetryableException, { container }): Promise<StepResponse<RetryOutcome>> => {
    try {
      if (retry.run === "sync_order") {
        const { result } = await syncShopeeOrdersWorkflow(container).run({
          input: { environment: retry.environment, orders: [{ order_sn: retry.ref }] },
        })
        const report = result.orders[retry.ref]
        if (report?.outcome === "failed") return new StepResponse({ status: "failed", message: report.reason })
        if (report?.outcome === "held")
          return new StepResponse({ status: "failed", message: `Order ${retry.ref} is still held; see its exception` })
        return new StepResponse({ status: "done", message: `Order ${retry.ref} synced` })
      }
      if (retry.run === "replay_push") {
        const { result: outcome } = await replayShopeePushWorkflow(container).run({ input: { event_id: retry.ref } })
        return new StepResponse(
          outcome.status === "failed" ? { status: "failed", message: outcome.reason } : { status: "done", message: outcome.reason }
        )
      }
      if (retry.run === "arrange_shipment") {
        const { result } = await arrangeShopeeShipmentWorkflow(container).run({
          input: { environment: retry.environment, order_sn: retry.ref },
        })
        if (result.outcome === "arranged") return new StepResponse({ status: "done", message: `Shipment of order ${retry.ref} arranged` })
        // A refusal by Shopee (cancelled meanwhile) ends the retries: the sync row says why. A
        // choice that no longer fits (a slot gone) and another deferral stay failures.
        const settled = result.outcome === "refused" && result.code !== "invalid_choice"
        return new StepResponse({ status: settled ? "done" : "failed", message: result.reason })
      }
      if (retry.run === "request_label") {
        const outcome = await requestShippingLabel(container, { environment: retry.environment, order_sn: retry.ref })
        if (outcome.outcome !== "label") return new StepResponse({ status: "failed", message: outcome.reason })
        const { state, reason } = outcome.label
        return new StepResponse(
          state === "failed"
            ? { status: "failed", message: reason ?? "The label failed again" }
            : { status: "done", message: `Label of order ${retry.ref} ${state}` }
        )
      }
      const tokens = await refreshExpiringTokens(container)
      return new StepResponse(
        tokens.failed > 0
          ? { status: "failed", message: "The token refresh was refused again" }
          : { status: "done", message: "Tokens refreshed" }
      )
    } catch (error) {
      return new StepResponse({ status: "failed", message: (error as Error).message })
    }
  }
)
