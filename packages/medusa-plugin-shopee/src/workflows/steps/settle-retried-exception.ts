import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RetryOutcome } from "../../lib/exceptions/plan-exception-retry"
import { resolveShopee } from "../../lib/shopee-module"
import { SCHEDULED_FAILURES } from "../../modules/shopee/exceptions/failure-schedule"
import type { RetryableException } from "./load-retryable-exception"

export const settleRetriedExceptionStepId = "settle-retried-exception"

/**
 * A success settles the exception; a failure is counted on it (the kinds retried on a schedule,
 * the order import and a deferred shipment, count their own failures on it with the next attempt).
 */
export const settleRetriedExceptionStep = createStep(
  settleRetriedExceptionStepId,
  async (input: RetryableException & { outcome: RetryOutcome }, { container }): Promise<StepResponse<void>> => {
    const shopee = resolveShopee(container)
    const { exception, outcome } = input
    const id = exception.id
    if (outcome.status === "done") {
      await shopee.resolveException(id)
    } else if (!(exception.kind in SCHEDULED_FAILURES)) {
      await shopee.recordExceptionRetryFailure(id, outcome.message)
    }
    return new StepResponse(undefined)
  }
)
