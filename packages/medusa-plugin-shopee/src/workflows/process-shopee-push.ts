import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { handleShopeePushStep } from "./steps/handle-shopee-push"
import { loadShopeePushStep } from "./steps/load-shopee-push"

export const processShopeePushWorkflowId = "process-shopee-push"

/**
 * Processes one stored push: run by the push subscriber and for each lost push a reconciliation
 * recovers. Only a pending or failed push is acted on, so a repeated delivery changes nothing.
 */
export const processShopeePushWorkflow = createWorkflow(processShopeePushWorkflowId, (input: WorkflowData<{ event_id: string }>) => {
  const push = loadShopeePushStep(input)
  return new WorkflowResponse(handleShopeePushStep({ event_id: input.event_id, push }))
})
