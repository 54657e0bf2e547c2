import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { retryDueExceptionsStep } from "./steps/retry-due-exceptions"

export const retryDueShopeeExceptionsWorkflowId = "retry-due-shopee-exceptions"

/** The retry job's run: every exception whose next attempt is due, retried once. */
export const retryDueShopeeExceptionsWorkflow = createWorkflow(retryDueShopeeExceptionsWorkflowId, () => {
  return new WorkflowResponse(retryDueExceptionsStep())
})
