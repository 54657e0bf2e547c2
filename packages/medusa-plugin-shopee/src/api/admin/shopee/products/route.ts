import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { shopeeModule } from "../shopee-module"
import { productMapPage } from "./product-map-page"
import type { ListProductMapQueryType } from "./validators"

/** Shopee listings of an environment with their Medusa variants, filtered and paged in the database. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json(await productMapPage(shopeeModule(req), req.scope, req.validatedQuery as ListProductMapQueryType))
}
