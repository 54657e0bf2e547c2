import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assertKnownStockLocation } from "../../known-stock-location"
import { answerConflicts } from "../../../../answer-conflicts"
import { profileAnswer, shopeeModule } from "../../shopee-module"
import type { PatchProfileBodyType } from "../../validators"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  res.json(profileAnswer(shopee, await shopee.getProfile(req.params.id)))
}

export async function PATCH(req: MedusaRequest<PatchProfileBodyType>, res: MedusaResponse): Promise<void> {
  const shopee = shopeeModule(req)
  await answerConflicts(res, async () => {
    await assertKnownStockLocation(req, req.validatedBody)
    res.json(profileAnswer(shopee, await shopee.updateProfile(req.params.id, req.validatedBody)))
  })
}

export async function DELETE(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  await answerConflicts(res, async () => {
    await shopeeModule(req).deleteProfile(req.params.id)
    res.json({ id: req.params.id, object: "shopee_profile", deleted: true })
  })
}
