import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../shopee-module"
import { unlistedVariantsPage } from "../unlisted-variants-page"
import type { UnlistedVariantsQueryType } from "../validators"

/** Variants sold in the Shopee sales channel that no Shopee listing of the environment's active profile sells. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json(await unlistedVariantsPage(shopeeModule(req), req.scope, req.validatedQuery as UnlistedVariantsQueryType))
}
