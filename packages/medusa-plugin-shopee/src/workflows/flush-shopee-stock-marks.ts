import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { flushStockMarksStep } from "./steps/flush-stock-marks"

export const flushShopeeStockMarksWorkflowId = "flush-shopee-stock-marks"

/**
 * The fast path: the variants that Medusa's stock events (or a Shopee stock push) marked are
 * coalesced into writer runs. Woken in the process that marked them (`wake-stock-writer.ts`) and
 * every minute by a job, for marks a stopped process left behind.
 */
export const flushShopeeStockMarksWorkflow = createWorkflow(flushShopeeStockMarksWorkflowId, () => {
  return new WorkflowResponse(flushStockMarksStep({}))
})
