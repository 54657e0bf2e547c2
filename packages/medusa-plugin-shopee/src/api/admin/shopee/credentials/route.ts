import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { assertKnownStockLocation } from "../known-stock-location"
import { answerConflicts } from "../../../answer-conflicts"
import { credentialsAnswer, shopeeModule } from "../shopee-module"
import type { PatchProfileBodyType } from "../validators"

type EnvQuery = { env: ShopeeEnvironment }

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as EnvQuery
  res.json(await credentialsAnswer(shopeeModule(req), env))
}

/** Changes the active profile of `env`; secrets arrive in plain text once and are stored encrypted. */
export async function PATCH(req: MedusaRequest<PatchProfileBodyType>, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as EnvQuery
  const shopee = shopeeModule(req)
  await answerConflicts(res, async () => {
    await assertKnownStockLocation(req, req.validatedBody)
    const active = await shopee.getActiveProfile(env)
    await shopee.updateProfile(active.id, req.validatedBody)
    res.json(await credentialsAnswer(shopee, env))
  })
}
