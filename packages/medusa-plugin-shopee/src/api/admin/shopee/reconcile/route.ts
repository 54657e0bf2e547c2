import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reconcileEnvironment } from "../../../../lib/reconcile/reconcile-environment"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"

/** Pulls the orders updated since the last watermark and the lost pushes, now. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  res.json({ reconciliation: await reconcileEnvironment(req.scope, env) })
}
