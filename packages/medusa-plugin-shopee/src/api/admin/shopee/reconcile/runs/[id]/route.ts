import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../../shopee-module"

/** One reconciliation run with its progress, or its summary or error once it ended; 404 for an unknown id. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json({ run: await shopeeModule(req).getReconcileRun(req.params.id) })
}
