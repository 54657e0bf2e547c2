import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stockRunRows } from "../../../../../../../modules/shopee/stock/stock-runs"
import { runStockSync } from "../../../../../../../workflows/stock/run-stock-sync"
import { answerConflicts } from "../../../../../../answer-conflicts"
import { answerShopeeFailures } from "../../../../../../answer-shopee-failures"
import { shopeeModule } from "../../../../shopee-module"

/**
 * Puts back the values Shopee showed before a run, as a new run that is planned and recorded
 * like any other; 409 for a run of another profile or one that wrote nothing.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse): Promise<void> {
  await answerConflicts(res, () =>
    answerShopeeFailures(res, async () => {
      const outcome = await runStockSync(req.scope, { trigger: "restore", restore_of: req.params.id, requested_by: req.auth_context?.actor_id ?? null })
      res.json({ run: outcome.run, rows: outcome.run ? await stockRunRows(shopeeModule(req), outcome.run.id) : [] })
    })
  )
}
