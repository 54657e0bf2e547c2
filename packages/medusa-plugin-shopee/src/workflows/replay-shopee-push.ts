import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { handleShopeePushStep } from "./steps/handle-shopee-push"
import { reopenShopeePushStep } from "./steps/reopen-shopee-push"

export const replayShopeePushWorkflowId = "replay-shopee-push"

/**
 * Processes a stored push again. Order handling fetches the order's current state from Shopee
 * and is idempotent, so replaying a processed push changes nothing that is already right.
 * A rejected push (404 missing, 409 rejected or duplicate) is refused.
 */
export const replayShopeePushWorkflow = createWorkflow(replayShopeePushWorkflowId, (input: WorkflowData<{ event_id: string }>) => {
  const push = reopenShopeePushStep(input)
  return new WorkflowResponse(handleShopeePushStep({ event_id: input.event_id, push }))
})
