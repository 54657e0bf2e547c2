import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { reconcileShopeeOrdersWorkflow } from "../../../../workflows/reconcile-shopee-orders"
import { answerShopeeFailures } from "../../../answer-shopee-failures"
import { shopeeErrorFromWorkflow } from "../../../shopee-error-from-workflow"

/** Pulls the orders updated since the last watermark and the lost pushes, now; Shopee's failure is a 502. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  await answerShopeeFailures(res, async () => {
    const { result } = await reconcileShopeeOrdersWorkflow(req.scope)
      .run({ input: { environment: env } })
      .catch((error) => {
        throw shopeeErrorFromWorkflow(error)
      })
    res.json({ reconciliation: result })
  })
}
