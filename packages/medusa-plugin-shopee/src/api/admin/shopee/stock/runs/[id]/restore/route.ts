import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stockRunRows } from "../../../../../../../modules/shopee/stock/stock-runs"
import { syncShopeeStockWorkflow } from "../../../../../../../workflows/sync-shopee-stock"
import { shopeeErrorFromWorkflow } from "../../../../../../../lib/shopee-error-from-workflow"
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
      const { result: outcome } = await syncShopeeStockWorkflow(req.scope)
        .run({ input: { trigger: "restore", restore_of: req.params.id, requested_by: req.auth_context?.actor_id ?? null } })
        .catch((error) => {
          throw shopeeErrorFromWorkflow(error)
        })
      res.json({ run: outcome.run, rows: outcome.run ? await stockRunRows(shopeeModule(req), outcome.run.id) : [] })
    })
  )
}
