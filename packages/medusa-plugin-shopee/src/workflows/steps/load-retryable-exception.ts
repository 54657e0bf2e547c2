import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { planExceptionRetry, type ExceptionRetry } from "../../lib/exceptions/plan-exception-retry"
import { resolveShopee } from "../../lib/shopee-module"

export type RetryableException = {
  exception: { id: string; kind: string; message: string }
  retry: Extract<ExceptionRetry, { run: string }>
}

export const loadRetryableExceptionStepId = "load-retryable-exception"

/** Reads the exception and what retrying it runs; 404 when missing, 400 when only a person can settle it. */
export const loadRetryableExceptionStep = createStep(
  loadRetryableExceptionStepId,
  async (input: { exception_id: string }, { container }): Promise<StepResponse<RetryableException>> => {
    const [exception] = await resolveShopee(container).listConnectorExceptions({ id: input.exception_id })
    const retry = planExceptionRetry(input.exception_id, exception)
    if ("refuse" in retry) {
      throw new MedusaError(retry.refuse === "not_found" ? MedusaError.Types.NOT_FOUND : MedusaError.Types.NOT_ALLOWED, retry.message)
    }
    return new StepResponse({ exception: { id: exception.id, kind: exception.kind, message: exception.message }, retry })
  }
)
