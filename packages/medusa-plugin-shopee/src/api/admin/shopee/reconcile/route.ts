import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { beginReconciliation, runReconciliation } from "../../../../lib/reconcile/run-reconciliation"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { answerConflicts } from "../../../answer-conflicts"
import { shopeeModule } from "../shopee-module"

/** The latest reconciliation run of an environment, with its progress (null before the first). */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  res.json({ run: await shopeeModule(req).latestReconcileRun(env) })
}

/**
 * Starts pulling the orders updated since the last watermark and the lost pushes, and answers
 * 202 with the run at once: with a thousand orders a run takes minutes, longer than an HTTP
 * client waits. The run goes on in this process and reports on itself, which GET polls; a
 * Shopee failure ends it failed with Shopee's error and request id. 400 for an incomplete
 * profile, 409 while another run of the environment is going.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  await shopeeModule(req).getCredentials(env)
  await answerConflicts(res, async () => {
    const run = await beginReconciliation(req.scope, env, "admin")
    // The outcome is written on the run; nothing is left to answer here.
    void runReconciliation(req.scope, run)
    res.status(202).json({ run })
  })
}
