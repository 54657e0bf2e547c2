import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { reconcileShopeeOrdersStep, type ReconcileShopeeOrdersInput } from "./steps/reconcile-shopee-orders"

export const reconcileShopeeOrdersWorkflowId = "reconcile-shopee-orders"

/**
 * Pulls the orders updated since the watermark (or in a backfill's range) and the lost pushes,
 * so that a missed or disabled push never loses an order: run for a recorded run (the admin route, the scheduled
 * job; run-reconciliation.ts) and by the backfill CLI. A Shopee failure fails the run, and the watermark stays.
 */
export const reconcileShopeeOrdersWorkflow = createWorkflow(
  reconcileShopeeOrdersWorkflowId,
  (input: WorkflowData<ReconcileShopeeOrdersInput>) => {
    return new WorkflowResponse(reconcileShopeeOrdersStep(input))
  }
)
