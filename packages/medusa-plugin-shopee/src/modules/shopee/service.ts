import { MedusaService } from "@medusajs/framework/utils"
import {
  ACTIVE_ENVIRONMENT_ROW_ID,
  ShopeeActiveEnvironment,
} from "./models/shopee-active-environment"
import type { ShopeeEnvironment } from "./environments"

class ShopeeModuleService extends MedusaService({
  ShopeeActiveEnvironment,
}) {
  /** The environment this instance serves; the loader guarantees the singleton row exists. */
  async getActiveEnvironment(): Promise<ShopeeEnvironment> {
    const row = await this.retrieveShopeeActiveEnvironment(ACTIVE_ENVIRONMENT_ROW_ID)
    return row.environment
  }
}

export default ShopeeModuleService
