import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ListOrdersQueryType } from "../list-validators"
import { shopeeOrderPage } from "../order-page"
import { shopeeModule } from "../shopee-module"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.json(await shopeeOrderPage(shopeeModule(req), req.scope, req.validatedQuery as ListOrdersQueryType))
}
