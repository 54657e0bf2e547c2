import type { MedusaContainer } from "@medusajs/framework/types"
import type { ShopeeShop } from "@shopee-medusa/shopee-client"
import type { ShopeeEnvironment } from "../../modules/shopee/environments"
import type ShopeeModuleService from "../../modules/shopee/service"
import type { StockSetting } from "../../modules/shopee/stock/stock-settings"
import type { StockRun } from "../../modules/shopee/stock/stock-runs"
import type { PresentedProfile } from "../../modules/shopee/types"

/** Everything one run works with, fixed when it starts under the profile's lock. */
export type StockRunContext = {
  container: MedusaContainer
  shopee: ShopeeModuleService
  environment: ShopeeEnvironment
  profile: PresentedProfile
  setting: StockSetting
  shop: ShopeeShop
  shop_id: number
  run: StockRun
}

/** A mapped model as the writer reads it from the product map. */
export type MappedModel = {
  id: string
  item_id: string
  model_id: string
  variant_id: string
  item_status: string | null
  reserved_stock: number | null
}

export const MAPPED_MODEL_FIELDS = ["id", "item_id", "model_id", "variant_id", "item_status", "reserved_stock"]
