import type { MedusaContainer } from "@medusajs/framework/types"
import { SHOPEE_MODULE } from "../modules/shopee"
import type ShopeeModuleService from "../modules/shopee/service"

export function resolveShopee(container: MedusaContainer): ShopeeModuleService {
  return container.resolve<ShopeeModuleService>(SHOPEE_MODULE)
}
