import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { ArrangeShipmentInput } from "../lib/fulfilment/arrange-shipment"
import { arrangeShipmentStep } from "./steps/arrange-shipment"

export const arrangeShopeeShipmentWorkflowId = "arrange-shopee-shipment"

/**
 * Arranges one Shopee order's shipment from Medusa (the operator's route, the retry of a deferred
 * arrangement): ship_order on Shopee once, the Medusa fulfilment, the tracking label. Answers
 * arranged, refused (with the reason) or deferred.
 */
export const arrangeShopeeShipmentWorkflow = createWorkflow(
  arrangeShopeeShipmentWorkflowId,
  (input: WorkflowData<ArrangeShipmentInput>) => {
    return new WorkflowResponse(arrangeShipmentStep(input))
  }
)
