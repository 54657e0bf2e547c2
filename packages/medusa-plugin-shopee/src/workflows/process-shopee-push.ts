import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { handleShopeePushStep, type HandleShopeePushInput } from "./steps/handle-shopee-push"

/** Processes one stored push: run from the push subscriber and from a replay. */
export const processShopeePushWorkflow = createWorkflow("process-shopee-push", (input: HandleShopeePushInput) => {
  return new WorkflowResponse(handleShopeePushStep(input))
})
