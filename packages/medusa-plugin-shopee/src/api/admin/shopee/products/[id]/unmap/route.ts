import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../../../shopee-module"
import { unmapListing } from "../../map-by-hand"

/** Leaves a Shopee listing without a variant, by a person's decision. */
export async function POST(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json(await unmapListing(shopeeModule(req), req.scope, req.params.id))
}
