import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { answerConflicts } from "../../../answer-conflicts"
import { shopeeModule } from "../shopee-module"

/** The Shopee authorization link for the environment's active profile, to open in the browser. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env: ShopeeEnvironment }
  await answerConflicts(res, async () => {
    res.json(await shopeeModule(req).createAuthorizationLink(env))
  })
}
