import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { StockSyncRequest } from "../lib/stock-writer/run-stock-sync"
import { runStockSyncStep } from "./steps/run-stock-sync"

export const syncShopeeStockWorkflowId = "sync-shopee-stock"

/**
 * Brings Shopee's stock to Medusa's for the active profile of the environment this instance
 * serves: the 15-minute resync, a person's resync, dry run or restore. The fast path runs the
 * same writer through `flushShopeeStockMarksWorkflow`.
 */
export const syncShopeeStockWorkflow = createWorkflow(syncShopeeStockWorkflowId, (input: WorkflowData<StockSyncRequest>) => {
  return new WorkflowResponse(runStockSyncStep(input))
})
