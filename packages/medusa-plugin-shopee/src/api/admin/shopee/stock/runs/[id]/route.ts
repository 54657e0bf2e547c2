import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stockRun, stockRunRows } from "../../../../../../modules/shopee/stock/stock-runs"
import { shopeeModule } from "../../../shopee-module"

/** One run with its plan rows and their results; 404 for an unknown id. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  const run = await stockRun(shopee, req.params.id)
  res.json({ run, rows: await stockRunRows(shopee, run.id) })
}
