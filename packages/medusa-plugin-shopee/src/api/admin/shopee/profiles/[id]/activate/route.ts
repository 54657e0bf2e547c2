import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerConflicts } from "../../../../../answer-conflicts"
import { profileAnswer, shopeeModule } from "../../../shopee-module"

export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  await answerConflicts(res, async () => {
    res.json(profileAnswer(shopee, await shopee.activateProfile(req.params.id)))
  })
}
