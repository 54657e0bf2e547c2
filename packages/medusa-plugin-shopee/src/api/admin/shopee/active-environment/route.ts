import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SHOPEE_MODULE } from "../../../../modules/shopee"
import type ShopeeModuleService from "../../../../modules/shopee/service"

export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const shopee: ShopeeModuleService = req.scope.resolve(SHOPEE_MODULE)
  res.json({ active_environment: await shopee.getActiveEnvironment() })
}
