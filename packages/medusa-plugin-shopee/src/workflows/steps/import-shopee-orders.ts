import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { importShopeeOrders, type ImportRequest, type ImportSummary } from "../../lib/orders/import-shopee-orders"

export type ImportShopeeOrdersInput = Omit<ImportRequest, "onProgress">

/**
 * Imports or updates a batch of Shopee orders. Nothing to compensate: each order is claimed,
 * locked and made idempotent on its own, so a rerun finishes what a failed run left.
 */
export const importShopeeOrdersStep = createStep(
  "import-shopee-orders",
  async (input: ImportShopeeOrdersInput, { container }): Promise<StepResponse<ImportSummary>> => {
    return new StepResponse(await importShopeeOrders(container, input))
  }
)
