import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileEnvironment } from "../../../../lib/reconcile/reconcile-environment"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { answerShopeeFailures } from "../../../answer-shopee-failures"

/** Pulls the orders updated since the last watermark and the lost pushes, now; Shopee's failure is a 502. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  await answerShopeeFailures(res, async () => {
    res.json({ reconciliation: await reconcileEnvironment(req.scope, env) })
  })
}
