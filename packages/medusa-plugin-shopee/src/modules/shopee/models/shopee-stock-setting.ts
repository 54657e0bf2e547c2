import { model } from "@medusajs/framework/utils"
import { SHOPEE_ENVIRONMENTS } from "../environments"

export const STOCK_MODES = ["off", "decrease_only", "mirror"] as const

/**
 * How the stock writer treats one profile's shop: its mode (Off until a person arms it), the
 * units kept back from Shopee, the most changes one run may send, and the circuit breaker's
 * state. A profile's row is created on first use with the defaults; the breaker, once it
 * disarmed the writer, stays disarmed until a person changes the mode.
 */
export const ShopeeStockSetting = model
  .define("shopee_stock_setting", {
    id: model.id({ prefix: "shstset" }).primaryKey(),
    environment: model.enum([...SHOPEE_ENVIRONMENTS]),
    profile_id: model.text(),
    mode: model.enum([...STOCK_MODES]).default("off"),
    buffer: model.number().default(0),
    max_writes_per_run: model.number().default(200),
    mode_changed_by: model.text().nullable(),
    mode_changed_at: model.dateTime().nullable(),
    consecutive_system_failures: model.number().default(0),
    disarmed: model.boolean().default(false),
    disarmed_reason: model.text().nullable(),
    disarmed_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["profile_id"], unique: true }])
