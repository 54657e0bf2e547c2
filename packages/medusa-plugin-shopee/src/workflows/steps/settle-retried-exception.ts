import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RetryOutcome } from "../../lib/exceptions/plan-exception-retry"
import { resolveShopee } from "../../lib/shopee-module"
import type { RetryableException } from "./load-retryable-exception"

export const settleRetriedExceptionStepId = "settle-retried-exception"

/**
 * A success settles the exception; a failure is counted on it (the order import keeps its own
 * backoff schedule on its `order_import_failed` exception).
 */
export const settleRetriedExceptionStep = createStep(
  settleRetriedExceptionStepId,
  async (input: RetryableException & { outcome: RetryOutcome }, { container }): Promise<StepResponse<void>> => {
    const shopee = resolveShopee(container)
    const { exception, outcome } = input
    const id = exception.id
    const [after] = await shopee.listConnectorExceptions({ id })
    if (outcome.status === "done" && after.status !== "resolved") {
      await shopee.updateConnectorExceptions({ id, status: "resolved", resolved_at: new Date(), next_attempt_at: null })
    } else if (outcome.status === "failed" && exception.kind !== "order_import_failed") {
      await shopee.updateConnectorExceptions({ id, attempts: after.attempts + 1, message: `${exception.message} Last retry: ${outcome.message}` })
    }
    return new StepResponse(undefined)
  }
)
