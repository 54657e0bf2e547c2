import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { retryShopeeExceptionWorkflow } from "../../../../../../workflows/retry-shopee-exception"
import { shopeeModule } from "../../../shopee-module"

/** Runs again what the exception is about, now; 400 for a kind that only a person can settle. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { result: outcome } = await retryShopeeExceptionWorkflow(req.scope).run({ input: { exception_id: req.params.id } })
  const [exception] = await shopeeModule(req).listConnectorExceptions({ id: req.params.id })
  res.json({ exception, outcome })
}
