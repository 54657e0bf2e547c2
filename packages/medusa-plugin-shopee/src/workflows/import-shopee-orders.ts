import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { importShopeeOrdersStep, type ImportShopeeOrdersInput } from "./steps/import-shopee-orders"

/** Import or update one batch of Shopee orders: from pushes, reconciliation, retries and replays. */
export const importShopeeOrdersWorkflow = createWorkflow("import-shopee-orders", (input: ImportShopeeOrdersInput) => {
  return new WorkflowResponse(importShopeeOrdersStep(input))
})
