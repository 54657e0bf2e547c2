import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { loadRetryableExceptionStep } from "./steps/load-retryable-exception"
import { runExceptionRetryStep } from "./steps/run-exception-retry"
import { settleRetriedExceptionStep } from "./steps/settle-retried-exception"

export const retryShopeeExceptionWorkflowId = "retry-shopee-exception"

/** Runs again whatever an exception is about, then settles it or counts the failed attempt. */
export const retryShopeeExceptionWorkflow = createWorkflow(
  retryShopeeExceptionWorkflowId,
  (input: WorkflowData<{ exception_id: string }>) => {
    const retryable = loadRetryableExceptionStep(input)
    const outcome = runExceptionRetryStep(retryable)
    settleRetriedExceptionStep({ exception: retryable.exception, retry: retryable.retry, outcome })
    return new WorkflowResponse(outcome)
  }
)
