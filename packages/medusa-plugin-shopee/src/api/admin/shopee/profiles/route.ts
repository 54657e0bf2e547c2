import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ShopeeEnvironment } from "../../../../modules/shopee/environments"
import { assertKnownStockLocation } from "../known-stock-location"
import { answerConflicts } from "../../../answer-conflicts"
import { profileAnswer, shopeeModule } from "../shopee-module"
import type { CreateProfileBodyType } from "../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { env } = req.validatedQuery as { env?: ShopeeEnvironment }
  const shopee = shopeeModule(req)
  const profiles = await shopee.listProfiles(env)
  res.json({ profiles, count: profiles.length })
}

export async function POST(req: MedusaRequest<CreateProfileBodyType>, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  await answerConflicts(res, async () => {
    await assertKnownStockLocation(req, req.validatedBody)
    const profile = await shopee.createProfile(req.validatedBody)
    res.status(201).json(profileAnswer(shopee, profile))
  })
}
