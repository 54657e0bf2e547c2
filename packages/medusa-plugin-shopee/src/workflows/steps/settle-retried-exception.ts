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
    if (outcome.status === "done") {
      await shopee.resolveException(id)
    } else if (exception.kind !== "order_import_failed") {
      await shopee.recordExceptionRetryFailure(id, outcome.message)
    }
    return new StepResponse(undefined)
  }
)
