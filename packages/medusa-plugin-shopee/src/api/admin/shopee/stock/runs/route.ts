import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { ShopeeEnvironment } from "../../../../../modules/shopee/environments"
import { listStockRuns, stockRunRows } from "../../../../../modules/shopee/stock/stock-runs"
import type { StockSyncRequest } from "../../../../../lib/stock-writer/run-stock-sync"
import { syncShopeeStockWorkflow } from "../../../../../workflows/sync-shopee-stock"
import { shopeeErrorFromWorkflow } from "../../../../../lib/shopee-error-from-workflow"
import { answerConflicts } from "../../../../answer-conflicts"
import { answerShopeeFailures } from "../../../../answer-shopee-failures"
import { shopeeModule } from "../../shopee-module"
import type { ListStockRunsQueryType, StartStockRunBodyType } from "../validators"

/** The runs of an environment's active profile, newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env, limit, offset } = req.validatedQuery as ListStockRunsQueryType
  const shopee = shopeeModule(req)
  const profile = await shopee.getActiveProfile(env)
  res.json({ ...(await listStockRuns(shopee, profile.id, { limit, offset })), limit, offset })
}

/**
 * Runs the writer now: `dry_run` plans every mapped model and writes nothing (any environment);
 * `full` is the resync, for the environment this instance serves only. Answers the run and its
 * rows; 409 when the shop is not connected, or when a resync is asked of the other environment.
 */
export async function POST(req: AuthenticatedMedusaRequest<StartStockRunBodyType>, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  const shopee = shopeeModule(req)
  const requestedBy = req.auth_context?.actor_id ?? null
  await answerConflicts(res, () =>
    answerShopeeFailures(res, async () => {
      if (req.validatedBody.kind === "full") {
        const served = await shopee.getActiveEnvironment()
        if (served !== env) {
          throw new MedusaError(
            MedusaError.Types.CONFLICT,
            `This instance serves ${served}: a resync writes only to its shop. Ask for a dry run of ${env} instead.`
          )
        }
      }
      const request: StockSyncRequest =
        req.validatedBody.kind === "dry_run"
          ? { trigger: "dry_run", environment: env, requested_by: requestedBy }
          : { trigger: "full", requested_by: requestedBy }
      const { result: outcome } = await syncShopeeStockWorkflow(req.scope)
        .run({ input: request })
        .catch((error) => {
          throw shopeeErrorFromWorkflow(error)
        })
      if (!outcome.run) throw new MedusaError(MedusaError.Types.CONFLICT, `No stock run: ${outcome.skipped}.`)
      res.json({ run: outcome.run, rows: await stockRunRows(shopee, outcome.run.id) })
    })
  )
}
