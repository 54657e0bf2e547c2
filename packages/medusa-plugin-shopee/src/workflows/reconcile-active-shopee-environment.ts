import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { reconcileActiveEnvironmentStep } from "./steps/reconcile-active-environment"

export const reconcileActiveShopeeEnvironmentWorkflowId = "reconcile-active-shopee-environment"

/** The scheduled reconciliation of the environment this instance serves. */
export const reconcileActiveShopeeEnvironmentWorkflow = createWorkflow(reconcileActiveShopeeEnvironmentWorkflowId, () => {
  return new WorkflowResponse(reconcileActiveEnvironmentStep())
})
