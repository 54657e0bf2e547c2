import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

/**
 * Which environment this instance serves. A singleton: the row's id is fixed
 * (ACTIVE_ENVIRONMENT_ROW_ID) so that two instances booting at once cannot create two rows.
 */
export const ShopeeActiveEnvironment = model.define("shopee_active_environment", {
  id: model.text().primaryKey(),
  environment: model.enum([...SHOPEE_ENVIRONMENTS]).default("sandbox"),
})

export const ACTIVE_ENVIRONMENT_ROW_ID = "shopee_active_environment"
