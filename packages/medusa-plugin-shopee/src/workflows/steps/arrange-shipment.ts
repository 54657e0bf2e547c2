import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { arrangeShipment, type ArrangeShipmentInput, type ArrangementResult } from "../../lib/fulfilment/arrange-shipment"

export const arrangeShipmentStepId = "arrange-shopee-shipment"

/**
 * Arranges the order's shipment (`lib/fulfilment/arrange-shipment.ts`). Nothing to compensate:
 * Shopee's ship_order cannot be undone, and the sync row records it so that it is not repeated.
 */
export const arrangeShipmentStep = createStep(
  arrangeShipmentStepId,
  async (input: ArrangeShipmentInput, { container }): Promise<StepResponse<ArrangementResult>> =>
    new StepResponse(await arrangeShipment(container, input))
)
