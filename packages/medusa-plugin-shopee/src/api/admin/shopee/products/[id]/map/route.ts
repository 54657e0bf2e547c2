import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { answerConflicts } from "../../../../../answer-conflicts"
import { shopeeModule } from "../../../shopee-module"
import { mapListing } from "../../map-by-hand"
import type { MapVariantBodyType } from "../../validators"

/** Maps a Shopee listing to a variant by hand: 400 for an unknown variant, 409 when a person gave it to another listing. */
export async function POST(req: MedusaRequest<MapVariantBodyType>, res: MedusaResponse): Promise<void> {
  await answerConflicts(res, async () => {
    res.json(await mapListing(shopeeModule(req), req.scope, req.params.id, req.validatedBody.variant_id))
  })
}
