import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"
import { STOCK_MODES } from "./shopee-stock-setting"

/** Every change of a profile's stock writer settings: who armed or disarmed it, and when (created_at). */
export const ShopeeStockModeChange = model
  .define("shopee_stock_mode_change", {
    id: model.id({ prefix: "shstmc" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    from_mode: model.enum([...STOCK_MODES]),
    to_mode: model.enum([...STOCK_MODES]),
    buffer: model.number(),
    max_writes_per_run: model.number(),
    actor_id: model.text().nullable(),
  })
  .indexes([{ on: ["profile_id", "created_at"] }])
