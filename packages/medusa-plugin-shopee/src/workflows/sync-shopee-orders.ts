import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { fetchShopeeOrderDetailsStep, type SyncShopeeOrdersInput } from "./steps/fetch-shopee-order-details"
import { syncEachShopeeOrderStep } from "./steps/sync-each-shopee-order"

export const syncShopeeOrdersWorkflowId = "sync-shopee-orders"

/**
 * Brings a batch of Shopee orders into Medusa and keeps them current: every way an order is
 * synced (a push, a reconciliation, a retry, a test) runs this. Answers each order's outcome and
 * reason by order_sn. The Medusa order itself is placed by `placeShopeeOrderWorkflow`, from what
 * `lib/orders/create-order-from-shopee.ts` prepares, called by `syncShopeeOrder`
 * (`lib/orders/sync-shopee-order.ts`) from the second step.
 */
export const syncShopeeOrdersWorkflow = createWorkflow(syncShopeeOrdersWorkflowId, (input: WorkflowData<SyncShopeeOrdersInput>) => {
  const fetched = fetchShopeeOrderDetailsStep(input)
  return new WorkflowResponse(syncEachShopeeOrderStep({ request: input, fetched }))
})
